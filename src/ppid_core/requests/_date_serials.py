"""Spreadsheet date serials in a register's date cells (the 1900 date system).

A cell holding a number, ``45447`` or ``45447.4375`` (a date column formatted as a number,
then saved as CSV), is a date serial of the 1900 date system (Excel on Windows,
LibreOffice, Google Sheets): days since 1899-12-30, the fraction the time of day (rounded
to the second). Serial 60 is 29 February 1900, a day that never was (the system copies a
Lotus 1-2-3 error), so serials up to 60 are refused; so is any serial outside 2000–2100
([`SERIAL_RANGE`][SERIAL_RANGE]), which is a number typed into a date column rather than
a date. The cells are read by `ppid_core.requests._dates`.

References:
    ECMA-376 Part 1, SpreadsheetML (the 1900 and 1904 date systems of spreadsheet serials).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ppid_core._i18n import N_
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._shown import shown
from ppid_core.requests._zones_when import When

__all__ = ["SERIAL_RANGE", "read_serial"]

_EPOCH = dt.date(1899, 12, 30)  # serial 0 of the 1900 date system, for serials over 60
_FIRST, _LAST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
SERIAL_RANGE = ((_FIRST - _EPOCH).days, (_LAST - _EPOCH).days)
"""The spreadsheet serials read as dates: 36526 (2000-01-01) to 73415 (2100-12-31)."""


def read_serial(raw: str, whole: str, fraction: str | None) -> When:
    """The date and time of a spreadsheet date serial (1900 date system).

    Args:
        raw: The cell text, stripped (shown, masked, in messages).
        whole: Its digits before the decimal mark.
        fraction: Its digits after the decimal mark, ``None`` without one.

    Returns:
        The date, and the time of day when the serial has a fraction.

    Raises:
        InvalidArgumentError: A four-digit year alone, a serial up to 60 (on or before
            the fictitious 1900-02-29), or one outside [`SERIAL_RANGE`][SERIAL_RANGE].

    >>> read_serial("45447.4375", "45447", "4375")
    When(day=datetime.date(2024, 6, 4), time=datetime.time(10, 30), zone=None)
    """
    days = int(whole)
    if fraction is None and len(whole) == 4 and 1900 <= days <= 2100:
        msg = N_("{text!r} is a year alone; expected a full date (e.g. 4 Juni {year})").format(
            text=raw, year=days
        )
        raise InvalidArgumentError(msg)
    if days <= 60:
        msg = N_(
            "{text} as a spreadsheet date serial falls on or before 1900-02-29, a "
            "day the 1900 date system counts though it never was; write the date itself "
            "(e.g. 2024-06-04)"
        ).format(text=shown(raw))
        raise InvalidArgumentError(msg)
    low, high = SERIAL_RANGE
    if not low <= days <= high:
        msg = N_(
            "{text} as a spreadsheet date serial is outside {first}-{last} "
            "(serials {low} to {high}); write the date itself (e.g. 2024-06-04)"
        ).format(text=shown(raw), first=_FIRST.year, last=_LAST.year, low=low, high=high)
        raise InvalidArgumentError(msg)
    day = _EPOCH + dt.timedelta(days=days)
    if fraction is None:
        return When(day=day)
    seconds = int(Fraction(f"0.{fraction}") * 86400 + Fraction(1, 2))  # half up
    if seconds == 86400:  # .99999... rounds to the next midnight
        return When(day=day + dt.timedelta(days=1), time=dt.time(0))
    return When(day=day, time=dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60))
