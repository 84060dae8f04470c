"""Dates and times as offices and their apps write them in a request register.

Accepted dates (case-insensitive, surrounding blanks ignored):

- day, month name, year: ``4 Juni 2024``, ``07 Oktober 2024``, ``4 Jun 2024``;
- the spreadsheet form ``03-Sep-24`` (also with ``/`` or blanks; a two-digit year is 20yy,
  because a month *name* leaves no doubt which part is the year);
- ISO ``2024-06-04``, and year/month/day with ``/`` or ``.``: ``2024/06/04``;
- day/month/year with a four-digit year: ``04/06/2024``, ``4-6-2024``, ``4.6.2024``;
- any of these after a weekday, with or without a comma: ``Senin, 3 Juni 2024``,
  ``Sen 3 Jun 2024``, ``Monday, 03/06/2024``. Indonesian (``Senin`` … ``Minggu``, also
  ``Jum'at`` and ``Ahad``) and English names and their three-letter forms. A weekday that
  is not the date's own is refused, naming both: one of the two was mistyped.

**Day first.** A numeric date is read day/month/year, the Indonesian convention:
``04/06/2024`` is 4 June 2024, never April 6. Only a four-digit year *first* makes the
order year/month/day (``2024/06/04``). A numeric date with a two-digit year is refused
(``03/09/24`` could be either order), and so is a time written with AM/PM (the mark of an
export that may write its dates month first).

Month names are Indonesian (``Januari`` … ``Desember``) with their usual abbreviations
(``Jan``, ``Feb``, ``Mar``, ``Apr``, ``Mei``, ``Jun``, ``Jul``, ``Agu``/``Agt``/``Ags``,
``Sep``, ``Okt``, ``Nov``, ``Des``) and the English names and abbreviations that
spreadsheet programs produce (``May``, ``Aug``, ``Oct``, ``Dec``, ...).

**Times** ([`read_when()`][read_when], the register reader's entry point) follow the
date after a blank, a comma, ``T``, or the words ``pukul``, ``pkl`` or ``jam``:
``04/06/2024 10:15``, ``2023-10-25 04:33:44``, ``2023-10-25T04:33:44.120``, ``3 Juni 2024
pukul 10.15``. A zone may follow the time, and is kept (``When.zone``): ``WIB``,
``WITA``, ``WIT`` as the office writes them, ``UTC``/``GMT``/``Z`` and offsets
(``+07:00``, ``+0700``) as apps export them. A time without a zone is in the office's
zone unless the caller knows better (an app that stores UTC):
[`to_office_zone()`][to_office_zone] converts it.

**Spreadsheet serials.** A cell holding a number, ``45447`` or ``45447.4375`` (a date
column formatted as a number, then saved as CSV), is a date serial of the 1900 date
system (Excel on Windows, LibreOffice, Google Sheets): days since 1899-12-30, the
fraction the time of day (rounded to the second). Serial 60 is 29 February 1900, a day
that never was (the system copies a Lotus 1-2-3 error), so serials up to 60 are refused;
so is any serial outside 2000–2100 (36526 to 73415), which is a number typed into a date
column rather than a date. A workbook using the 1904 date system (old Mac Excel) gives its
date *cells* to the XLSX reader, which knows the system; as text its serials would read
four years off, and cannot be told apart.

What is refused raises [`InvalidArgumentError`][ppid_core.errors.InvalidArgumentError]
with the reason; text in no date format is shown masked (a phone number typed into a date
column is personal data; see `ppid_core.requests._shown`).

    >>> parse_register_date("4 Juni 2024")
    datetime.date(2024, 6, 4)
    >>> parse_register_date("03-Sep-24")
    datetime.date(2024, 9, 3)
    >>> parse_register_date("Senin, 07/10/2024")
    datetime.date(2024, 10, 7)
    >>> parse_register_date("03/09/24")
    Traceback (most recent call last):
    ...
    ppid_core.errors.InvalidArgumentError: ambiguous date '03/09/24': a numeric date needs ...
    >>> read_when("3 Juni 2024 pukul 10.15 WITA")
    When(day=datetime.date(2024, 6, 3), time=datetime.time(10, 15), zone='WITA')

References:
    Keppres 41/1987 (WIB, WITA, WIT); ISO 8601 (dates, times, offsets); ECMA-376 Part 1,
    SpreadsheetML (the 1900 and 1904 date systems of spreadsheet serials).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ppid_core._i18n import N_
from ppid_core._month_names import ENGLISH_MONTHS, INDONESIAN_MONTHS
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._date_serials import SERIAL_RANGE, read_serial
from ppid_core.requests._shown import shown
from ppid_core.requests._zones_when import (
    INDONESIAN_ZONES,
    UTC_NAMES,
    When,
    to_office_zone,
    utc_offset,
)

__all__ = [
    "MONTHS",
    "SERIAL_RANGE",
    "WEEKDAYS",
    "When",
    "parse_register_date",
    "read_when",
    "split_time",
    "to_office_zone",
]

MONTHS: dict[str, int] = {**INDONESIAN_MONTHS, **ENGLISH_MONTHS}
"""Every accepted month word (lower case) and its month number."""

_DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: dict[str, int] = {
    **{w.casefold(): i for i, w in enumerate(_DAY_NAMES)},
    **{w[:3].casefold(): i for i, w in enumerate(_DAY_NAMES)},
    **{w.casefold(): i for i, w in enumerate(_ENGLISH_DAYS)},
    **{w[:3].casefold(): i for i, w in enumerate(_ENGLISH_DAYS)},
    "jum'at": 4, "jum’at": 4, "ahad": 6, "tues": 1, "thur": 3, "thurs": 3,
}  # fmt: skip
"""Every accepted weekday word (case-folded) and its number (0 = Monday)."""

_NAMED = re.compile(r"(\d{1,2})(?:\s*[-/.]\s*|\s+)([A-Za-z]+)\.?(?:\s*[-/.,]\s*|\s+)(\d{4}|\d{2})")
_LONGEST = 80  # characters: the longest form written out is about 60
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YMD = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DMY_SHORT = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")
_WEEKDAY = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)?)\.?(?:\s*,\s*|\s+)(\d.*)")
_ISO_STAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?")
_SERIAL = re.compile(r"(\d{1,7})(?:[.,](\d{1,20}))?")
# a date followed by a time of day, and perhaps a zone: "2024-06-04 23:30" (as the XLSX
# reader writes a date cell with a time), "2024-06-04T23:30:15.5Z", "04/06/2024 14.30",
# "3 Juni 2024, pukul 10.15 WITA"
_STAMP = re.compile(
    r"(?P<date>.*\d)(?:\s*,\s*|\s+|T)(?:(?:pukul|pkl\.?|jam)\s*)?"
    r"(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>\d{2})(?:(?P=sep)(?P<s>\d{2})(?:[.,](?P<f>\d{1,6}))?)?"
    r"(?:\s*(?P<zone>wita|wib|wit|utc|gmt|z|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?))?",
    re.IGNORECASE,
)
_TWELVE_HOUR = re.compile(
    r".*\d\s+(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*[ap]\.?\s*m\.?)", re.IGNORECASE
)


def _split(raw: str) -> tuple[str, dt.time | None, str | None]:
    """The date part, time of day and zone (normalised) of stripped text."""
    timed = len(raw) <= _LONGEST and (":" in raw or "." in raw)  # a time needs one of them
    m = _STAMP.fullmatch(raw) if timed else None
    if m is None:
        return raw, None, None
    hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        msg = N_("{text!r}: no such time of day; expected HH:MM from 00:00 to 23:59").format(
            text=raw
        )
        raise InvalidArgumentError(msg)
    micro = int((m["f"] or "").ljust(6, "0"))
    zone = m["zone"] and m["zone"].upper()
    if zone in UTC_NAMES:
        zone = "UTC"
    elif zone is not None and zone not in INDONESIAN_ZONES:
        delta = utc_offset(zone)
        if delta is None:
            msg = N_("{text!r}: no such UTC offset {zone!r}; expected e.g. +07:00").format(
                text=raw, zone=m["zone"]
            )
            raise InvalidArgumentError(msg)
        zone = dt.timezone(delta).tzname(None)  # "UTC+07:00", "UTC" for +00:00
    return m["date"], dt.time(hour, minute, second, micro), zone


def split_time(text: str) -> tuple[str, dt.time | None]:
    """A cell's date part and its time of day, if it has one.

    A zone after the time (``10:15 WIB``) is not split off: the text comes back whole,
    and [`parse_register_date()`][parse_register_date] refuses it as a date with a time;
    [`read_when()`][read_when] reads it.

    >>> split_time("2024-06-04 23:30")
    ('2024-06-04', datetime.time(23, 30))
    >>> split_time("3 Juni 2024 pukul 10.15")
    ('3 Juni 2024', datetime.time(10, 15))
    >>> split_time(" 4 Juni 2024 ")
    ('4 Juni 2024', None)

    Raises:
        InvalidArgumentError: The time is not a time of day (``24:10``, ``09:75``).
    """
    raw = text.strip()
    written, time, zone = _split(raw)
    return (raw, None) if zone is not None else (written, time)


def _build(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        msg = N_("{text!r} is not a valid date ({reason})").format(text=text, reason=exc)
        raise InvalidArgumentError(msg) from None


def _forms(raw: str) -> dt.date:
    """The date of stripped text without a weekday, or the reason it is none."""
    if len(raw) > _LONGEST:  # no date is that long (and the patterns need not look)
        raise InvalidArgumentError(_unknown(raw))
    if m := _NAMED.fullmatch(raw):
        word = m[2].lower()
        month = MONTHS.get(word)
        if month is None:
            msg = N_(
                "unknown month {month!r} in {text!r}; expected an Indonesian or English month name"
            ).format(month=m[2], text=raw)
            raise InvalidArgumentError(msg)
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _build(raw, year, month, int(m[1]))
    if m := _ISO.fullmatch(raw):
        return _build(raw, int(m[1]), int(m[2]), int(m[3]))
    if m := _YMD.fullmatch(raw):
        return _build(raw, int(m[1]), int(m[3]), int(m[4]))
    if m := _DMY.fullmatch(raw):
        return _build(raw, int(m[4]), int(m[3]), int(m[1]))
    if _STAMP.fullmatch(raw):
        msg = N_("{text!r} has a time of day; expected a date alone").format(text=raw)
        raise InvalidArgumentError(msg)
    if m := _DMY_SHORT.fullmatch(raw):
        sep = m[2]
        msg = N_(
            "ambiguous date {text!r}: a numeric date needs a four-digit year "
            "(write {dmy} for day/month/year, or ISO {iso})"
        ).format(
            text=raw,
            dmy=f"{m[1]}{sep}{m[3]}{sep}20{m[4]}",
            iso=f"20{m[4]}-{int(m[3]):02d}-{int(m[1]):02d}",
        )
        raise InvalidArgumentError(msg)
    if m := _TWELVE_HOUR.fullmatch(raw):
        msg = N_(
            "a time with AM/PM ({time!r}); expected a 24-hour time such as 14:30 (an export "
            "writing AM/PM may write its dates month first: export ISO dates, 2024-06-04 14:30)"
        ).format(time=m[1])
        raise InvalidArgumentError(msg)
    raise InvalidArgumentError(_unknown(raw))


def _unknown(raw: str) -> str:
    return N_(
        "unknown date format {text}; expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'"
    ).format(text=shown(raw))


def parse_register_date(text: str) -> dt.date:
    """Parse one date cell of a register (a date alone; [`read_when()`][read_when] takes times too).

    Args:
        text: The cell text, as written.

    Returns:
        The calendar date.

    Raises:
        InvalidArgumentError: The text is empty, in an unknown format, ambiguous,
            impossible, or its weekday is not the date's; the message says which and
            shows what would be accepted (the register reader puts it at the cell's row
            and column).

    Examples:
        >>> parse_register_date("2024-12-11")
        datetime.date(2024, 12, 11)
        >>> parse_register_date("11 Des 2024") == parse_register_date("11-Dec-24")
        True
        >>> parse_register_date("2024/06/04"), parse_register_date("Sel 4 Jun 2024")
        (datetime.date(2024, 6, 4), datetime.date(2024, 6, 4))
        >>> parse_register_date("31 Juni 2024")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: '31 Juni 2024' is not a valid date (day is out ...
        >>> parse_register_date("Senin, 4 Juni 2024")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: 'Senin, 4 Juni 2024': Senin is not the weekday ...
        >>> parse_register_date("0853 3967 2120")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: unknown date format '********2120' (masked); ...
    """
    raw = text.strip()
    if not raw:
        msg = N_("empty date")
        raise InvalidArgumentError(msg)
    m = _WEEKDAY.fullmatch(raw) if len(raw) <= _LONGEST else None
    weekday = WEEKDAYS.get(m[1].casefold()) if m else None
    if m is None or weekday is None:
        return _forms(raw)
    day = _forms(m[2])
    if day.weekday() != weekday:
        msg = N_(
            "{text!r}: {weekday} is not the weekday of {day}, a {hari} ({english}); "
            "correct the weekday or the date"
        ).format(
            text=raw,
            weekday=m[1],
            day=day.isoformat(),
            hari=_DAY_NAMES[day.weekday()],
            english=_ENGLISH_DAYS[day.weekday()],
        )
        raise InvalidArgumentError(msg)
    return day


def read_when(text: str) -> When:
    """Read a register's date cell: a date, a time of day and a zone, or a date serial.

    This is the register reader's entry point: every date form of
    [`parse_register_date()`][parse_register_date] (weekday included), a time after it as
    described in the module docstring (``04/06/2024 10:15``, ``3 Juni 2024 pukul 10.15
    WIB``), and spreadsheet serials (``45447.4375``).

    Args:
        text: The cell text, as written.

    Returns:
        The date, time (``None`` for a date alone) and zone (``None`` when not written).

    Raises:
        InvalidArgumentError: Everything [`parse_register_date()`][parse_register_date]
            refuses; a time that is not a time of day; a serial up to 60 (on or before the
            fictitious 1900-02-29) or outside 2000–2100; a four-digit year alone. Cell text
            that may be personal data is masked in the message.

    Examples:
        >>> read_when("Senin, 3 Juni 2024")
        When(day=datetime.date(2024, 6, 3), time=None, zone=None)
        >>> read_when("2023-10-25 04:33:44")
        When(day=datetime.date(2023, 10, 25), time=datetime.time(4, 33, 44), zone=None)
        >>> read_when("45447.4375")
        When(day=datetime.date(2024, 6, 4), time=datetime.time(10, 30), zone=None)
        >>> read_when("60")
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: '60' as a spreadsheet date serial falls on or ...
    """
    raw = text.strip()
    if m := _ISO_STAMP.fullmatch(raw):  # the fast path: what XLSX date cells and apps give
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            time = None if m[4] is None else dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
        except ValueError:
            pass  # the full reading below says what is wrong
        else:
            return When(day=day, time=time)
    if m := _SERIAL.fullmatch(raw):
        return read_serial(raw, m[1], m[2])
    written, time, zone = _split(raw)
    return When(day=_date_part(written), time=time, zone=zone)


@functools.lru_cache(maxsize=4096)
def _date_part(written: str) -> dt.date:
    """The date of a cell's date part; cached, since many cells share a day."""
    return parse_register_date(written)
