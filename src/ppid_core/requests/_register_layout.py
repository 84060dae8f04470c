"""The register's layout: column names, header aliases, decisions, documented repairs."""

from __future__ import annotations

import re

import attrs

from ppid_core.requests._models import DecisionKind

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

FIELDS = (
    "rows",
    "numbers",
    "units",
    "services",
    "information",
    "received",
    "names",
    "phones",
    "emails",
    "responded",
    "extended_on",
    "decisions",
    "refusal_reasons",
    "keberatan_on",
    "sengketa_on",
)
"""The :class:`~ppid_core.requests.Register` columns, in the order the readers fill them."""


def norm(text: str) -> str:
    """Blanks collapsed and stripped (how header names are matched)."""
    return _BLANKS.sub(" ", text).strip()


def decision_of(text: str) -> DecisionKind | None:
    """The decision a lower-cased, stripped cell names, or None."""
    return DECISIONS.get(text) or DECISIONS.get(norm(text))


def unknown_decision(text: str) -> str:
    """The message for a decision cell that names no decision."""
    return f"unknown decision {text!r}; expected one of: " + ", ".join(sorted(DECISIONS))


def too_many_cells(row: list[str] | tuple[str, ...], width: int) -> str | None:
    """The message for a row with non-empty cells beyond the header, else None.

    A trailing run of empty cells (as spreadsheets export them) is not reported.
    """
    last = len(row)
    while last > width and not row[last - 1].strip():
        last -= 1
    if last <= width:
        return None
    extra = next(i for i in range(width, last) if row[i].strip())
    return (
        f"{last} cells; the header has {width} (cell {extra + 1}, {row[extra].strip()!r}, "
        "is under no column)"
    )


@attrs.frozen(kw_only=True)
class Repair:
    """A documented correction of a cell (never applied silently)."""

    row: int
    column: str
    original: str
    value: str
    reason: str
