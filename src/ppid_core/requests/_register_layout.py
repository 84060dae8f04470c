"""The register's layout: column names, header aliases, decisions, documented repairs."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ppid_core.requests._models import DecisionKind
from ppid_core.requests._shown import shown

__all__ = ["Column", "Repair"]


class Column:
    """The register's column names, as the office writes them."""

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

    REQUIRED = (NUMBER, UNIT, SERVICE, INFORMATION, RECEIVED, NAME)
    OPTIONAL = (PHONE, EMAIL, RESPONDED, EXTENDED, DECISION, REFUSAL_REASON, KEBERATAN, SENGKETA)


UNIT_SPLIT = "Unit Kerja Tempat Mengurus Layanan"
ALIASES = {
    UNIT_SPLIT: Column.UNIT,
    "Tanggal Pemberitahuan Perpanjangan": Column.EXTENDED,
    "Tanggal Perpanjangan Waktu": Column.EXTENDED,
    "Tgl Perpanjangan": Column.EXTENDED,
    "Tgl. Perpanjangan": Column.EXTENDED,
}
KNOWN = frozenset((*Column.REQUIRED, *Column.OPTIONAL))
DECISIONS = {k.label: k for k in DecisionKind}
_BLANKS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Blanks collapsed and stripped (how header names are matched)."""
    return _BLANKS.sub(" ", text).strip()


def canonical(text: str) -> str:
    """The column a header cell names: blanks collapsed, aliases resolved."""
    name = norm(text)
    return ALIASES.get(name, name)


def decision_of(text: str) -> DecisionKind | None:
    """The decision a lower-cased, stripped cell names, or None."""
    return DECISIONS.get(text) or DECISIONS.get(norm(text))


def unknown_decision(text: str) -> str:
    """The message for a decision cell that names no decision (its text masked)."""
    return f"unknown decision {shown(text)}; expected one of: " + ", ".join(sorted(DECISIONS))


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


def duplicate_columns(column: str, positions: Sequence[int], header: Sequence[str]) -> str:
    """The message for a column that the header names more than once."""
    where = [f'{i + 1} ("{norm(header[i])}")' for i in positions]
    listed = ", ".join(where[:-1]) + " and " + where[-1]
    if len(where) == 2:
        return f"columns {listed} both name this column; expected it once: delete or rename one"
    return f"columns {listed} all name this column; expected it once: delete or rename all but one"


@attrs.frozen(kw_only=True)
class Repair:
    """A documented correction of a cell (never applied silently)."""

    row: int
    column: str
    original: str
    value: str
    reason: str
