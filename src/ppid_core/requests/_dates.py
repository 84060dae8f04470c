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

Refused, with the reason: numeric dates with a two-digit year (``03/09/24`` could be
day/month/year or year/month/day), month names that are neither Indonesian nor English,
and dates that do not exist (``31 Juni 2024``).

    >>> parse_register_date("4 Juni 2024")
    datetime.date(2024, 6, 4)
    >>> parse_register_date("03-Sep-24")
    datetime.date(2024, 9, 3)
    >>> parse_register_date("07/10/2024")
    datetime.date(2024, 10, 7)
    >>> parse_register_date("03/09/24")
    Traceback (most recent call last):
    ...
    ValueError: ambiguous date '03/09/24': a numeric date needs a four-digit year (write ...)
"""

from __future__ import annotations

import datetime as dt
import re

from ppid_core._month_names import ENGLISH_MONTHS, INDONESIAN_MONTHS

__all__ = ["MONTHS", "parse_register_date"]

MONTHS: dict[str, int] = {**INDONESIAN_MONTHS, **ENGLISH_MONTHS}
"""Every accepted month word (lower case) and its month number."""

_NAMED = re.compile(r"(\d{1,2})\s*[-/ .]\s*([A-Za-z]+)\.?\s*[-/ .,]\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DMY_SHORT = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")


def _build(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        msg = f"{text!r} is not a valid date ({exc})"
        raise ValueError(msg) from None


def parse_register_date(text: str) -> dt.date:
    """Parse one date cell of a register.

    Args:
        text: The cell text, as written.

    Returns:
        The calendar date.

    Raises:
        ValueError: The text is empty, in an unknown format, ambiguous or impossible;
            the message says which and shows what would be accepted.

    Examples:
        >>> parse_register_date("2024-12-11")
        datetime.date(2024, 12, 11)
        >>> parse_register_date("11 Des 2024") == parse_register_date("11-Dec-24")
        True
        >>> parse_register_date("31 Juni 2024")
        Traceback (most recent call last):
        ...
        ValueError: '31 Juni 2024' is not a valid date (day is out of range for month)
    """
    raw = text.strip()
    if not raw:
        msg = "empty date"
        raise ValueError(msg)
    if m := _NAMED.fullmatch(raw):
        word = m[2].lower()
        month = MONTHS.get(word)
        if month is None:
            msg = f"unknown month {m[2]!r} in {raw!r}; expected an Indonesian or English month name"
            raise ValueError(msg)
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _build(raw, year, month, int(m[1]))
    if m := _ISO.fullmatch(raw):
        return _build(raw, int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(raw):
        return _build(raw, int(m[4]), int(m[3]), int(m[1]))
    if m := _DMY_SHORT.fullmatch(raw):
        sep = m[2]
        msg = (
            f"ambiguous date {raw!r}: a numeric date needs a four-digit year "
            f"(write {m[1]}{sep}{m[3]}{sep}20{m[4]} for day/month/year, "
            f"or ISO 20{m[4]}-{int(m[3]):02d}-{int(m[1]):02d})"
        )
        raise ValueError(msg)
    msg = (
        f"unknown date format {raw!r}; expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'"
    )
    raise ValueError(msg)
