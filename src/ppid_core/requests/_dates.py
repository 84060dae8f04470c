"""Dates as offices write them in a request register.

Accepted forms (case-insensitive, surrounding blanks ignored):

- day, month name, year: ``4 Juni 2024``, ``07 Oktober 2024``, ``4 Jun 2024``;
- the spreadsheet form ``03-Sep-24`` (also with ``/`` or blanks; a two-digit year is 20yy,
  because a month *name* leaves no doubt which part is the year);
- ISO ``2024-06-04``;
- day/month/year with a four-digit year: ``04/06/2024``, ``4-6-2024``, ``4.6.2024``.

Month names are Indonesian (``Januari`` … ``Desember``) with their usual abbreviations
(``Jan``, ``Feb``, ``Mar``, ``Apr``, ``Mei``, ``Jun``, ``Jul``, ``Agu``/``Agt``/``Ags``,
``Sep``, ``Okt``, ``Nov``, ``Des``) and the English names and abbreviations that
spreadsheet programs produce (``May``, ``Aug``, ``Oct``, ``Dec``, ...).

Refused with an :class:`~ppid_core.errors.InvalidArgumentError` that gives the reason:
numeric dates with a two-digit year (``03/09/24`` could be day/month/year or
year/month/day), month names that are neither Indonesian nor English, dates that do not
exist (``31 Juni 2024``), a date with a time of day (the register reader splits the time
off first, :func:`split_time`), and text in no date format at all, which the message
shows masked (a phone number typed into a date column is personal data; see
:mod:`ppid_core.requests._shown`).

    >>> parse_register_date("4 Juni 2024")
    datetime.date(2024, 6, 4)
    >>> parse_register_date("03-Sep-24")
    datetime.date(2024, 9, 3)
    >>> parse_register_date("07/10/2024")
    datetime.date(2024, 10, 7)
    >>> parse_register_date("03/09/24")
    Traceback (most recent call last):
    ...
    ppid_core.errors.InvalidArgumentError: ambiguous date '03/09/24': a numeric date needs ...
"""

from __future__ import annotations

import datetime as dt
import re

from ppid_core._month_names import ENGLISH_MONTHS, INDONESIAN_MONTHS
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._shown import shown

__all__ = ["MONTHS", "parse_register_date", "split_time"]

MONTHS: dict[str, int] = {**INDONESIAN_MONTHS, **ENGLISH_MONTHS}
"""Every accepted month word (lower case) and its month number."""

_NAMED = re.compile(r"(\d{1,2})\s*[-/ .]\s*([A-Za-z]+)\.?\s*[-/ .,]\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DMY_SHORT = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")
# a date followed by a time of day: "2024-06-04 23:30" (as the XLSX reader writes a date
# cell with a time), "2024-06-04T23:30:15", "04/06/2024 14.30"
_WITH_TIME = re.compile(r"(.*\d)(?:\s+|T)(\d{1,2})([:.])(\d{2})(?:\3(\d{2}))?")


def split_time(text: str) -> tuple[str, dt.time | None]:
    """A cell's date part and its time of day, if it has one.

    >>> split_time("2024-06-04 23:30")
    ('2024-06-04', datetime.time(23, 30))
    >>> split_time(" 4 Juni 2024 ")
    ('4 Juni 2024', None)

    Raises:
        InvalidArgumentError: The time is not a time of day (``24:10``, ``09:75``).
    """
    raw = text.strip()
    m = _WITH_TIME.fullmatch(raw)
    if m is None:
        return raw, None
    hour, minute, second = int(m[2]), int(m[4]), int(m[5] or 0)
    if hour > 23 or minute > 59 or second > 59:
        msg = f"{raw!r}: no such time of day; expected HH:MM from 00:00 to 23:59"
        raise InvalidArgumentError(msg)
    return m[1], dt.time(hour, minute, second)


def _build(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        msg = f"{text!r} is not a valid date ({exc})"
        raise InvalidArgumentError(msg) from None


def parse_register_date(text: str) -> dt.date:
    """Parse one date cell of a register.

    Args:
        text: The cell text, as written.

    Returns:
        The calendar date.

    Raises:
        InvalidArgumentError: The text is empty, in an unknown format, ambiguous or
            impossible; the message says which and shows what would be accepted (the
            register reader puts it at the cell's row and column).

    Examples:
        >>> parse_register_date("2024-12-11")
        datetime.date(2024, 12, 11)
        >>> parse_register_date("11 Des 2024") == parse_register_date("11-Dec-24")
        True
        >>> parse_register_date("31 Juni 2024")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: '31 Juni 2024' is not a valid date (day is out ...
        >>> parse_register_date("0853 3967 2120")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: unknown date format '********2120' (masked); ...
    """
    raw = text.strip()
    if not raw:
        msg = "empty date"
        raise InvalidArgumentError(msg)
    if m := _NAMED.fullmatch(raw):
        word = m[2].lower()
        month = MONTHS.get(word)
        if month is None:
            msg = f"unknown month {m[2]!r} in {raw!r}; expected an Indonesian or English month name"
            raise InvalidArgumentError(msg)
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _build(raw, year, month, int(m[1]))
    if m := _ISO.fullmatch(raw):
        return _build(raw, int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(raw):
        return _build(raw, int(m[4]), int(m[3]), int(m[1]))
    if _WITH_TIME.fullmatch(raw):
        msg = f"{raw!r} has a time of day; expected a date alone"
        raise InvalidArgumentError(msg)
    if m := _DMY_SHORT.fullmatch(raw):
        sep = m[2]
        msg = (
            f"ambiguous date {raw!r}: a numeric date needs a four-digit year "
            f"(write {m[1]}{sep}{m[3]}{sep}20{m[4]} for day/month/year, "
            f"or ISO 20{m[4]}-{int(m[3]):02d}-{int(m[1]):02d})"
        )
        raise InvalidArgumentError(msg)
    msg = (
        f"unknown date format {shown(raw)}; expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'"
    )
    raise InvalidArgumentError(msg)
