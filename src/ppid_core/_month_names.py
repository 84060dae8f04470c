"""Month names as Indonesian offices write them, shared by the register and RB readers.

>>> INDONESIAN_MONTHS["agt"], INDONESIAN_MONTHS["nopember"], MONTH_ABBREVIATIONS[7]
(8, 11, 'Agu')
>>> ENGLISH_MONTHS["oct"]
10
"""

from __future__ import annotations

from typing import Final

__all__ = ["ENGLISH_MONTHS", "INDONESIAN_MONTHS", "MONTH_ABBREVIATIONS", "MONTH_NAMES"]

MONTH_NAMES: Final = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
"""Indonesian month names, January first."""

MONTH_ABBREVIATIONS: Final = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)  # fmt: skip
"""The three-letter forms used in tables such as the RB plan's Lampiran II."""

_OLDER_SPELLINGS: Final = {"agt": 8, "ags": 8, "nop": 11, "nopember": 11, "pebruari": 2, "sept": 9}

INDONESIAN_MONTHS: Final[dict[str, int]] = {
    **{w.casefold(): i for i, w in enumerate(MONTH_NAMES, start=1)},
    **{w.casefold(): i for i, w in enumerate(MONTH_ABBREVIATIONS, start=1)},
    **_OLDER_SPELLINGS,
}
"""Every Indonesian month word (case-folded): names, abbreviations and older spellings."""

ENGLISH_MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "aug": 8, "august": 8, "oct": 10, "october": 10, "dec": 12, "december": 12,
}  # fmt: skip
"""English words that differ from the Indonesian ones (spreadsheet programs write them)."""
