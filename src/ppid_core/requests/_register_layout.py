"""The KPU layout's column names, the messages about a row's shape, documented repairs.

The header names of every layout are data (`ppid_core.requests._layouts`); [`Column`][Column]
keeps the KPU layout's names as constants, for code that names a column as the seed
register does (``register.has(Column.RESPONDED)``).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ppid_core.requests._shown import shown

__all__ = [
    "KPU_COLUMN_FIELDS",
    "UNIT_SPLIT",
    "Column",
    "Repair",
    "too_many_cells",
    "unnamed_cell",
]


class Column:
    """The KPU layout's column names, as the seed register writes them."""

    NUMBER = "No"
    UNIT = "Unit Kerja Tempat Mengurus Layanan Publik"
    SERVICE = "Jenis Layanan"
    INFORMATION = "Nama Layanan yang diterima"
    RECEIVED = "Tanggal/Bulan/Tahun Mengurus Layanan"
    NAME = "Nama Pengguna Layanan"
    PHONE = "No. HP (WA)"
    EMAIL = "Email"
    RESPONDED = "Tanggal Tanggapan"
    EXTENDED = "Tanggal Perpanjangan"
    DECISION = "Keputusan"
    REFUSAL_REASON = "Alasan Penolakan"
    KEBERATAN = "Tanggal Keberatan"
    SENGKETA = "Tanggal Sengketa"

    # The seed's own columns, and the optional ones ppid-core added; before issue 10 the
    # first group was required. Now only the date received is (see _layouts.REQUIRED_FIELD).
    REQUIRED = (NUMBER, UNIT, SERVICE, INFORMATION, RECEIVED, NAME)
    OPTIONAL = (PHONE, EMAIL, RESPONDED, EXTENDED, DECISION, REFUSAL_REASON, KEBERATAN, SENGKETA)


UNIT_SPLIT = "Unit Kerja Tempat Mengurus Layanan"
"""The KPU unit header as a page break splits it (its last word lands in the next row)."""
KPU_COLUMN_FIELDS: dict[str, str] = {
    Column.NUMBER: "number",
    Column.UNIT: "unit",
    Column.SERVICE: "service",
    Column.INFORMATION: "information",
    Column.RECEIVED: "received",
    Column.NAME: "requester",
    Column.PHONE: "phone",
    Column.EMAIL: "email",
    Column.RESPONDED: "responded",
    Column.EXTENDED: "extended",
    Column.DECISION: "decision",
    Column.REFUSAL_REASON: "refusal_reason",
    Column.KEBERATAN: "keberatan",
    Column.SENGKETA: "sengketa",
}
"""The field of each [`Column`][Column] (the KPU layout's first name for it)."""


def too_many_cells(row: Sequence[str], width: int, hint: str = "") -> str | None:
    """The message for a row with non-empty cells beyond the header, else None.

    A trailing run of empty cells (as spreadsheets export them) is not reported. The
    cell is shown masked: it may be anyone's personal data pushed along the row.
    ``hint`` is added to the message (the CSV reader explains a shifted row).
    """
    last = len(row)
    while last > width and not row[last - 1].strip():
        last -= 1
    if last <= width:
        return None
    extra = next(i for i in range(width, last) if row[i].strip())
    return (
        f"{last} cells; the header has {width} (cell {extra + 1}, {shown(row[extra])}, "
        f"is under no column){hint}"
    )


def unnamed_cell(position: int, text: str) -> str:
    """The message for a non-empty cell under a header cell that is empty."""
    return (
        f"cell {position + 1}, {shown(text)}, is under a column with no header; "
        "expected it empty, or a header naming its column"
    )


@attrs.frozen(kw_only=True)
class Repair:
    """A documented correction of a cell (never applied silently)."""

    row: int
    column: str
    original: str
    value: str
    reason: str
