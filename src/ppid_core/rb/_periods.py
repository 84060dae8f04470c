"""Reporting periods (a month or a triwulan) and numeric targets of a plan row.

A plan row may carry a target per period: a number in its output unit (``satuan``), or a
percentage. Periods are months (``Jan``, ``3``, ``Maret``) or quarters (``TW I``,
``TW1``, ``Q1``, ``Triwulan I``); one row uses one kind.

    >>> parse_period("TW II"), parse_period("q4")
    (Period(kind='quarter', number=2), Period(kind='quarter', number=4))
    >>> parse_period("Agt")
    Period(kind='month', number=8)
    >>> parse_period("TW II").label, parse_period("TW II").months
    ('TW II', (4, 5, 6))
    >>> Target(period=parse_period("TW I"), value=Decimal("2")).label("Dokumen")
    '2 Dokumen'

References:
    Permen PANRB 3/2023 (RB Tematik rows: target, satuan, capaian, status [CODE practice]);
    common reporting practice of triwulan TW I-IV.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

import attrs

from ppid_core.rb._months import MONTH_ABBREVIATIONS, parse_month, quarter_months

__all__ = ["PERIOD_FORMS", "Period", "Target", "parse_period"]

#: What a period may be written as, for messages.
PERIOD_FORMS = "a month (Jan..Des, 1-12) or a triwulan (TW I..TW IV, TW1..TW4, Q1..Q4)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"(?:tw|q|triwulan|trw)\s*-?\s*(iv|iii|ii|i|[1-4])", re.IGNORECASE)


@attrs.frozen(kw_only=True, order=True)
class Period:
    """A month (``kind="month"``, 1-12) or a triwulan (``kind="quarter"``, 1-4)."""

    kind: Literal["month", "quarter"]
    number: int

    @property
    def label(self) -> str:
        """``"Jan"`` or ``"TW I"``."""
        if self.kind == "month":
            return MONTH_ABBREVIATIONS[self.number - 1]
        return f"TW {('I', 'II', 'III', 'IV')[self.number - 1]}"

    @property
    def months(self) -> tuple[int, ...]:
        """The months the period covers."""
        return (self.number,) if self.kind == "month" else quarter_months(self.number)

    @property
    def last_month(self) -> int:
        """Its last month: a quarter's work is due by then (``TW I``: 3)."""
        return self.months[-1]


def parse_period(text: str) -> Period | None:
    """A period from its written form (see `PERIOD_FORMS`); ``None`` if it is neither."""
    word = text.strip()
    m = _QUARTER.fullmatch(word)
    if m:
        return Period(kind="quarter", number=_ROMAN[m[1].casefold()])
    month = parse_month(word)
    return None if month is None else Period(kind="month", number=month)


@attrs.frozen(kw_only=True)
class Target:
    """The target of one period of a plan row.

    Attributes:
        period: The month or triwulan.
        value: The number to reach, above 0 (a percentage when ``percent``).
        percent: True for a percentage target (``"100%"``); else the value is in the
            row's ``satuan``.
    """

    period: Period
    value: Decimal
    percent: bool = False

    def label(self, satuan: str | None = None) -> str:
        """``"2 Dokumen"``, ``"100%"``."""
        if self.percent:
            return f"{self.value}%"
        return f"{self.value} {satuan}" if satuan else str(self.value)
