"""The day tables behind [`WorkCalendar`][ppid_core.calendar.WorkCalendar]'s constant-time
arithmetic.

One entry per day of the covered years: whether the day is a working day, the running
count of working days up to it, and the running count of days not settled by a decree;
plus the list of working days. Adding ``n`` working days is then one look-up in the
running count and one in the list, whatever the span; so is counting them.

The column forms (a whole column of dates at once) are here too: they map the column
through a look-up table built once per ``n`` and fall back to the calendar's one-date
method, which raises the located error, for anything the table does not hold.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

from ppid_core.calendar._holiday_models import HolidayCategory, HolidayStatus
from ppid_core.errors import CalendarCoverageError, InvalidArgumentError, NaiveDatetimeError

if TYPE_CHECKING:
    from ppid_core.calendar._holiday_models import Holiday
    from ppid_core.calendar._local import Closure, ExtraWorkingDay

__all__ = ["SHIFT_TABLES", "CalendarParts", "DayTable"]

SHIFT_TABLES: Final = 16
"""How many look-up tables (one per ``n``) a calendar keeps for the column forms."""

_date: Final = dt.date
_ELEMENT_ERRORS: Final = (CalendarCoverageError, NaiveDatetimeError, TypeError)
_T = TypeVar("_T")
_R = TypeVar("_R")


class CalendarParts(Protocol):
    """What the tables are built from: the fields of a [`WorkCalendar`][WorkCalendar]."""

    @property
    def years(self) -> tuple[int, ...]: ...
    @property
    def weekend(self) -> frozenset[int]: ...
    @property
    def holidays(self) -> tuple[Holiday, ...]: ...
    @property
    def cuti_bersama(self) -> bool: ...
    @property
    def closures(self) -> tuple[Closure, ...]: ...
    @property
    def working_days(self) -> tuple[ExtraWorkingDay, ...]: ...
    @property
    def estimated_years(self) -> frozenset[int]: ...


class DayTable:
    """The tables of one calendar, built once (see the module docstring).

    Attributes:
        first: The ordinal of the first covered day (1 January of the first year).
        working: 1 for a working day, 0 for a non-working one, by day index.
        cum: Working days from the first covered day up to each day, inclusive.
        wd: Every working day, in order: ``wd[cum[i] - 1]`` is the last one up to day ``i``.
        unsure: Days up to each day (inclusive) whose status no decree settles.
        cum_by_date: ``cum`` keyed by date, for the column forms (built on first use).
    """

    __slots__ = ("_by_date", "cum", "first", "shift_cache", "unsure", "wd", "working")

    def __init__(self, parts: CalendarParts) -> None:
        years, weekend = parts.years, parts.weekend
        first = _date(years[0], 1, 1).toordinal()
        size = _date(years[-1], 12, 31).toordinal() - first + 1
        # One week of flags from the first day's weekday (ordinal 1, 0001-01-01, is a
        # Monday), repeated over the covered days.
        week = bytes(0 if day in weekend else 1 for day in range(7))
        offset = (first - 1) % 7
        working = bytearray((week[offset:] + week[:offset]) * (size // 7 + 1))[:size]
        counted = [
            h
            for h in parts.holidays
            if parts.cuti_bersama or h.category is not HolidayCategory.CUTI_BERSAMA
        ]
        for h in counted:
            i = h.date.toordinal() - first
            if 0 <= i < size:
                working[i] = 0
        for c in parts.closures:
            for d in c.days():
                i = d.toordinal() - first
                if 0 <= i < size:
                    working[i] = 0
        for x in parts.working_days:
            i = x.date.toordinal() - first
            if 0 <= i < size:
                working[i] = 1
        from_ordinal = _date.fromordinal
        self.first = first
        self.working = working
        self.cum = list(itertools.accumulate(working))
        self.wd = [from_ordinal(first + i) for i in itertools.compress(range(size), working)]
        self.unsure = _unsure_table(first, size, counted, parts.estimated_years)
        self._by_date: dict[dt.date, int] | None = None
        self.shift_cache: dict[int, dict[dt.date, dt.date]] = {}

    @property
    def cum_by_date(self) -> dict[dt.date, int]:
        """``cum`` keyed by date, for the column forms (built on their first use)."""
        table = self._by_date
        if table is None:
            first, from_ordinal = self.first, _date.fromordinal
            table = {from_ordinal(first + i): c for i, c in enumerate(self.cum)}
            self._by_date = table  # built twice at worst, by two threads: the same table
        return table

    def unsure_between(self, a: int, b: int) -> int:
        """Days of the index range [``a``, ``b``] whose status no decree settles."""
        return self.unsure[b] - (self.unsure[a - 1] if a else 0)

    def shifted(self, n: int, add: Callable[[dt.date, int], dt.date]) -> dict[dt.date, dt.date]:
        """Every covered date to ``add(date, n)``, built once per ``n`` and kept.

        A date whose result falls outside the covered years is left out: the column form
        then takes the slow path for it, which raises the located error.
        """
        table = self.shift_cache.get(n)
        if table is not None:
            return table
        table = {}
        for d in self.cum_by_date:
            try:
                table[d] = add(d, n)
            except CalendarCoverageError:
                continue
        if len(self.shift_cache) >= SHIFT_TABLES:
            self.shift_cache.clear()
        self.shift_cache[n] = table
        return table

    def add_many(
        self, dates: Iterable[dt.date], n: int, add: Callable[[dt.date, int], dt.date]
    ) -> list[dt.date]:
        """``add(d, n)`` for each date; an error names the first bad element's position."""
        table = self.shifted(n, add)
        items = dates if isinstance(dates, list | tuple) else list(dates)
        try:
            return list(map(table.__getitem__, items))
        except (KeyError, TypeError):
            return _each(items, lambda d: add(d, n))

    def count_many(
        self,
        starts: Iterable[dt.date],
        ends: Iterable[dt.date],
        count: Callable[[dt.date, dt.date], int],
    ) -> list[int]:
        """``count(a, b)`` for each pair; an error names the first bad element's position.

        Raises:
            InvalidArgumentError: The columns differ in length.
        """
        cum = self.cum_by_date
        s, e = list(starts), list(ends)
        if len(s) != len(e):
            msg = f"starts and ends differ in length ({len(s)} and {len(e)})"
            raise InvalidArgumentError(msg)
        try:
            return [cum[b] - cum[a] for a, b in zip(s, e, strict=True)]
        except (KeyError, TypeError):
            return _each(zip(s, e, strict=True), lambda pair: count(*pair))


def _each(items: Iterable[_T], call: Callable[[_T], _R]) -> list[_R]:
    """``call`` on each item, one by one; an error names the first bad element's position."""
    out: list[_R] = []
    for pos, item in enumerate(items):
        try:
            out.append(call(item))
        except _ELEMENT_ERRORS as exc:
            raise type(exc)(f"element {pos}: {exc}") from None
    return out


def _unsure_table(
    first: int, size: int, counted: list[Holiday], estimated_years: Iterable[int]
) -> list[int]:
    """Running count of days whose working status is not settled by a decree.

    Every day of an estimated year, and every day within one day of a provisional
    holiday that counts (a sidang isbat moves a Hijri date by a day, either way).
    """
    unsure = bytearray(size)
    for y in estimated_years:
        a = max(_date(y, 1, 1).toordinal() - first, 0)
        b = min(_date(y, 12, 31).toordinal() - first + 1, size)
        unsure[a:b] = b"\x01" * (b - a)
    for h in counted:
        if h.status is HolidayStatus.PROVISIONAL:
            i = h.date.toordinal() - first
            for j in (i - 1, i, i + 1):
                if 0 <= j < size:
                    unsure[j] = 1
    return list(itertools.accumulate(unsure))
