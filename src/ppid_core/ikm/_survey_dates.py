"""The dates of a survey's date column, read as written, for the IKM per period.

[`read_date()`][read_date] reads one cell; [`SurveyDates`][SurveyDates] reads the many
cells of a column, each date and each plain time once. The forms read, and how a time
with an offset or a zone is moved to the office's zone, are listed in the docstring of
`ppid_core.ikm._periods`, whose `by_period()` reads its date column with them.
A cell that is no date is never guessed: its message says why (without the text), and
[`shown_date()`][shown_date] shows the cell in the located error.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ppid_core._i18n import _
from ppid_core._month_names import ENGLISH_MONTHS, INDONESIAN_MONTHS
from ppid_core.errors import InvalidArgumentError
from ppid_core.ikm._header import shown_cell

__all__ = ["FIRST_YEAR", "LAST_YEAR", "SurveyDates", "read_date", "shown_date"]

#: The years a date may be in (a year outside is surely a typo).
FIRST_YEAR, LAST_YEAR = 1900, 2200

_TIME = (
    r"(?:[T ]\s*(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"\s*(?P<zone>Z|(?:GMT|UTC)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
    r"|WIB|WITA|WIT)?)?"
)
_NUMERIC = re.compile(
    r"(?:(?P<y>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})"
    r"|(?P<p>\d{1,2})[-/.](?P<q>\d{1,2})[-/.](?P<yy>\d{4}))" + _TIME + r"\s*",
    re.ASCII,
)
_WORDS = re.compile(
    r"(?:[^\W\d_]+,?\s+)?(?P<d>\d{1,2})\s+(?P<m>[^\W\d_]+)\.?\s+(?P<y>\d{4})" + _TIME + r"\s*"
)
_OFFSET = re.compile(r"(?:GMT|UTC)?\s*(?P<sign>[+-])(?P<h>\d{1,2}):?(?P<m>\d{2})?")
_NAMED = {"Z": 0, "GMT": 0, "UTC": 0, "WIB": 7, "WITA": 8, "WIT": 9}
#: A date as digits and separators, with a time after it: shown as written in a message
#: (a phone number, which it is not, has longer groups of digits).
_DATE_SHAPE = re.compile(
    r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{4}[-/.]\d{1,2})"
    r"(?:[ T][0-9:.,+ -]*[A-Za-z0-9:+ -]{0,12})?"
)
_PLAIN_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?", re.ASCII)
_EXPECTED = (
    "expected a date such as 2024-06-04, 04/06/2024 (day first) or 4 Juni 2024, with or "
    "without a time"
)


def _zone_of(text: str) -> dt.tzinfo:
    name = text.upper().replace(" ", "")
    if name in _NAMED:
        return dt.timezone(dt.timedelta(hours=_NAMED[name]))
    m = _OFFSET.fullmatch(name)
    if m is None:  # pragma: no cover - the patterns only let these through
        msg = _("not a zone: {text!r}").format(text=text)
        raise InvalidArgumentError(msg)
    delta = dt.timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
    return dt.timezone(-delta if m["sign"] == "-" else delta)


def read_date(text: str, *, day_first: bool = True, zone: str = "Asia/Jakarta") -> dt.date:
    """The date of a survey's date cell, in the office's zone.

    The forms read are those the docstring of `ppid_core.ikm._periods` lists.

    Raises:
        InvalidArgumentError: The text is no date (the message says why, without the
            text).

    Examples:
        >>> read_date("04/06/2024"), read_date("2024/06/04 10:15:23 AM GMT+7")
        (datetime.date(2024, 6, 4), datetime.date(2024, 6, 4))
        >>> read_date("Senin, 3 Juni 2024"), read_date("2024-03-31T20:00:00Z")
        (datetime.date(2024, 6, 3), datetime.date(2024, 4, 1))
    """
    m = _NUMERIC.fullmatch(text) or _WORDS.fullmatch(text)
    if m is None:
        raise InvalidArgumentError(_EXPECTED)
    groups = m.groupdict()
    if groups.get("m") is not None:
        word = groups["m"].casefold()
        month = INDONESIAN_MONTHS.get(word) or ENGLISH_MONTHS.get(word)
        if month is None:
            msg = _("no month is called {groups!r}; {EXPECTED}").format(
                groups=groups["m"][:20], EXPECTED=_EXPECTED
            )
            raise InvalidArgumentError(msg)
        year, day = int(groups["y"]), int(groups["d"])
    elif groups["y"] is not None:
        year, month, day = int(groups["y"]), int(groups["a"]), int(groups["b"])
    else:
        first, second = int(groups["p"]), int(groups["q"])
        year = int(groups["yy"])
        day, month = (first, second) if day_first else (second, first)
        if month > 12:
            order = "day/month/year" if day_first else "month/day/year"
            other = "day_first=False" if day_first else "day_first=True"
            msg = _(
                "month {month} read as {order}; if the column writes it the other way, use {other}"
            ).format(month=month, order=order, other=other)
            raise InvalidArgumentError(msg)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        msg = _("year {year} is outside {FIRST_YEAR}-{LAST_YEAR}").format(
            year=year, FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR
        )
        raise InvalidArgumentError(msg)
    try:
        day_of = dt.date(year, month, day)
    except ValueError:  # dt.date's own check
        msg = _("no such day: {year:04d}-{month:02d}-{day:02d}").format(
            year=year, month=month, day=day
        )
        raise InvalidArgumentError(msg) from None
    if groups.get("h") is None:
        return day_of
    hour, minute = int(groups["h"]), int(groups["mi"])
    ampm = (groups.get("ampm") or "").replace(".", "").upper()
    if ampm and not 1 <= hour <= 12:
        msg = _("hour {hour} with {ampm}").format(hour=hour, ampm=ampm)
        raise InvalidArgumentError(msg)
    hour = hour % 12 + (12 if ampm == "PM" else 0) if ampm else hour
    if hour > 23 or minute > 59 or int(groups.get("s") or 0) > 59:
        msg = f"no such time: {groups['h']}:{groups['mi']}" + (
            f":{groups['s']}" if groups.get("s") else ""
        )
        raise InvalidArgumentError(msg)
    if groups.get("zone") is None:
        return day_of
    moment = dt.datetime.combine(day_of, dt.time(hour, minute), tzinfo=_zone_of(groups["zone"]))
    return moment.astimezone(ZoneInfo(zone)).date()


class SurveyDates:
    """[`read_date()`][read_date] for the many cells of a date column: the date and a plain
    time after it (no zone, no AM/PM) are each read once, so a million timestamps of a
    year cost a few hundred dates and the times of a day."""

    def __init__(self, *, day_first: bool, zone: str) -> None:
        self.day_first, self.zone = day_first, zone
        self.days: dict[str, dt.date | str] = {}  # a date part -> its date, or why not
        self.times: dict[str, bool] = {}  # a plain time -> whether it is one

    def _read(self, text: str) -> dt.date | str:
        try:
            return read_date(text, day_first=self.day_first, zone=self.zone)
        except InvalidArgumentError as exc:
            return str(exc)

    def __call__(self, text: str) -> dt.date | str:
        """The date of ``text``, or why it is none."""
        head, sep, tail = text.partition(" ")
        if not sep and len(text) > 10 and text[10] == "T":
            head, sep, tail = text[:10], "T", text[11:]
        plain = self.times.get(tail) if sep else None
        if plain is None and sep:
            plain = self.times[tail] = _PLAIN_TIME.fullmatch(tail) is not None
            plain = plain and isinstance(self._read(f"2000-01-01 {tail}"), dt.date)
            self.times[tail] = plain
        if sep and not plain:
            return self._read(text)
        found = self.days.get(head)
        if found is None:
            found = self.days[head] = self._read(head)
        return found


def shown_date(text: str, column: str) -> str:
    """A date cell as a message shows it: as written when it is shaped as a date (a phone
    number is not), else masked as any cell is (`shown_cell`)."""
    if len(text) <= 40 and _DATE_SHAPE.fullmatch(text):
        return repr(text)
    return shown_cell(text, column)
