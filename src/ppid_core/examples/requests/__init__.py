"""The 2024 request register of KPU Provinsi NTT, as an embedded example.

Source: the office's published evaluation document ("Permintaan Informasi Publik yang
Diterima Tahun 2024", 37 requests), kept in its own layout: the header row repeats
at each page break, the date formats are mixed as written ("4 Juni 2024", "07 Oktober
2024", "03-Sep-24"), and row 9 (register number 7) carries the page-break artefact
"Publik KPU Provinsi NTT". Personal data is masked in the file itself: phone numbers
keep only their last four digits (``********2120``), names are initials; the e-mail
column was empty in the source.

    >>> register = load_kpu_ntt_2024()
    >>> len(register.entries), register.header_rows
    (37, (8, 16, 23, 31, 39))
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from ppid_core.requests import Register, parse_register

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["KPU_NTT_2024", "kpu_ntt_2024_text", "load_kpu_ntt_2024"]

KPU_NTT_2024 = "kpu_ntt_2024.csv"
"""File name of the embedded register."""


def kpu_ntt_2024_text() -> str:
    """The embedded register as CSV text."""
    return (resources.files(__name__) / KPU_NTT_2024).read_text(encoding="utf-8")


def load_kpu_ntt_2024(calendar: WorkCalendar | None = None) -> Register:
    """The embedded register, imported (dates checked against ``calendar`` if given)."""
    return parse_register(kpu_ntt_2024_text(), source=KPU_NTT_2024, calendar=calendar)
