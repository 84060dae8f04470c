"""The working-day calendar: O(1) date arithmetic over Indonesian holidays.

A [`WorkCalendar`][WorkCalendar] builds, once, a table of every day of the years it covers: whether
the day is a working day, the running count of working days, and the list of working days.
Adding or counting working days is then two list look-ups, whatever the span.

References:
    UU 14/2008 counts its deadlines in *hari kerja* (e.g. Pasal 22 ayat (7)); Perpres
    21/2023 Pasal 3 sets the government working week (Monday to Friday); the yearly SKB
    3 Menteri set libur nasional and cuti bersama; Keppres declare election days holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from ppid_core._i18n import _
from ppid_core.calendar._day_table import DayTable
from ppid_core.calendar._holiday_models import Holiday
from ppid_core.calendar._local import Closure, ExtraWorkingDay, LocalCalendar, load_local_calendar
from ppid_core.calendar._years import (
    FROM_ENVIRONMENT,
    FromEnvironment,
    check_years,
    holiday_data,
    uncovered,
)
from ppid_core.calendar._zones import (
    DEFAULT_HOURS,
    DefaultHours,
    OfficeHours,
    resolve_zone,
    zone_info,
)
from ppid_core.errors import CalendarCoverageError, InvalidArgumentError, NaiveDatetimeError

if TYPE_CHECKING:
    from pathlib import Path

    from ppid_core._source import FileInput
    from ppid_core.calendar._explain import NonWorkingDay, Span
    from ppid_core.calendar._holidays import HolidayYear

# holiday_data is defined in ._years; the command line still imports it from here.
__all__ = ["WorkCalendar", "holiday_data"]

_date: Final = dt.date
_datetime: Final = dt.datetime


def _holiday_tuple(items: Iterable[Holiday]) -> tuple[Holiday, ...]:
    return tuple(items)


def _int_tuple(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


def _int_set(items: Iterable[int]) -> frozenset[int]:
    return frozenset(items)


def _closure_tuple(items: Iterable[Closure]) -> tuple[Closure, ...]:
    return tuple(items)


def _extra_tuple(items: Iterable[ExtraWorkingDay]) -> tuple[ExtraWorkingDay, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True, cache_hash=True)
class WorkCalendar:
    """Working days of an Indonesian government office.

    Build one with [`indonesia()`][indonesia]; the constructor takes the parts directly (for tests
    or other countries' data). Instances are immutable and safe to share between threads.

    Two calendars are equal when their parts below are equal, and equal calendars hash
    equal, so a calendar can key a dict or a ``functools.cache``: two built from the same
    inputs are equal; a different zone, office hours, cuti bersama rule, local closure,
    extra or corrected year, or estimated year makes a different calendar. The hash is
    computed once, on first use.

    Attributes:
        holidays: National non-working days in force (all categories; cuti bersama are
            skipped only when ``cuti_bersama`` is true).
        years: The years the holiday data covers, ascending and without gaps.
        cuti_bersama: Whether cuti bersama are non-working days (true for government
            offices, whose staff take them as collective leave).
        zone: The office's IANA time zone; aware datetimes are converted to it.
        office_hours: When the office receives requests, or ``None`` to ignore the time of
            day (see [`receipt_date()`][receipt_date]).
        closures: Office-local closures (disaster, local holiday).
        working_days: Office-local extra working days.
        weekend: Weekday numbers (0 = Monday) that are not working days.
        estimated_years: The years whose holidays are estimated, not decreed (see
            [`indonesia()`][indonesia]); a result that counts a day of one is provisional.

    Examples:
        >>> cal = WorkCalendar.indonesia()
        >>> d = dt.date(2025, 3, 27)
        >>> cal.add_working_days(d, 10)
        datetime.date(2025, 4, 22)
        >>> WorkCalendar.indonesia(cuti_bersama=False).add_working_days(d, 10)
        datetime.date(2025, 4, 14)
        >>> cal.count_working_days(d, dt.date(2025, 4, 22))
        10
        >>> cal.is_working_day(dt.date(2024, 2, 14))  # Pemilu 2024, Keppres 10/2024
        False
    """

    holidays: tuple[Holiday, ...] = attrs.field(converter=_holiday_tuple, repr=False)
    years: tuple[int, ...] = attrs.field(converter=_int_tuple, validator=check_years)
    cuti_bersama: bool = True
    zone: str = attrs.field(default="Asia/Jakarta", converter=resolve_zone)
    office_hours: OfficeHours | None = attrs.field(factory=OfficeHours.perpres_21_2023, repr=False)
    closures: tuple[Closure, ...] = attrs.field(default=(), converter=_closure_tuple, repr=False)
    working_days: tuple[ExtraWorkingDay, ...] = attrs.field(
        default=(), converter=_extra_tuple, repr=False
    )
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_int_set)
    estimated_years: frozenset[int] = attrs.field(default=frozenset(), converter=_int_set)

    # The day tables, built once in __attrs_post_init__; the hot lists also on the calendar.
    _table: DayTable = attrs.field(init=False, repr=False, eq=False)
    _first: int = attrs.field(init=False, repr=False, eq=False)
    _working: bytearray = attrs.field(init=False, repr=False, eq=False)
    _cum: list[int] = attrs.field(init=False, repr=False, eq=False)
    _wd: list[dt.date] = attrs.field(init=False, repr=False, eq=False)

    @working_days.validator
    def _check_not_closed(self, _attr: object, extra: tuple[ExtraWorkingDay, ...]) -> None:
        closed = {d: c for c in self.closures for d in c.days()} if extra else {}
        for x in extra:
            if x.date in closed:
                msg = _(
                    "{date} is both an extra working day ({name!r}) and closed "
                    "({closure!r}); a day is one or the other"
                ).format(date=x.date.isoformat(), name=x.name, closure=closed[x.date].name)
                raise InvalidArgumentError(msg)

    def __attrs_post_init__(self) -> None:
        table = DayTable(self)
        setattr_ = object.__setattr__
        setattr_(self, "_table", table)
        setattr_(self, "_first", table.first)
        setattr_(self, "_working", table.working)
        setattr_(self, "_cum", table.cum)
        setattr_(self, "_wd", table.wd)

    # -- construction ---------------------------------------------------------------
    @classmethod
    def indonesia(
        cls,
        *,
        cuti_bersama: bool = True,
        zone: str | None = None,
        office_hours: OfficeHours | DefaultHours | None = DEFAULT_HOURS,
        local: LocalCalendar | FileInput | None = None,
        extra_years: Iterable[HolidayYear] = (),
        closures: Iterable[Closure] = (),
        working_days: Iterable[ExtraWorkingDay] = (),
        estimate_until: int | None = None,
        holidays_dir: str | Path | FromEnvironment | None = FROM_ENVIRONMENT,
    ) -> WorkCalendar:
        """The national calendar of Indonesian government offices, from the bundled data.

        By default the calendar covers only decreed years, and a date past them raises
        [`CalendarCoverageError`][ppid_core.errors.CalendarCoverageError]. With ``estimate_until``
        it also
        covers the years after the decreed data up to that year, *estimated*: fixed-date
        holidays from their standing Keppres, movable ones from python-holidays, no cuti
        bersama (they cannot be estimated). Results that count a day of an estimated year
        (or a day next to a provisional holiday) are flagged provisional by
        [`provisional()`][provisional].

        Args:
            cuti_bersama: Count cuti bersama as non-working days (government offices: yes).
            zone: IANA name, WIB/WITA/WIT or province; default the local file's zone, else
                ``Asia/Jakarta``.
            office_hours: Receipt hours; default the local file's, else
                [`OfficeHours.perpres_21_2023()`][OfficeHours.perpres_21_2023]; ``None`` ignores the
                time of day.
            local: An office's local calendar: closures, extra working days, zone and
                hours; a [`LocalCalendar`][LocalCalendar], or its YAML file (a path, bytes or a
                binary file object, as
                [`load_local_calendar()`][ppid_core.calendar.load_local_calendar]
                reads it).
            extra_years: More years (or corrected ones, which replace the bundled year).
            closures: Office closures given in code, added to the local file's.
            working_days: Extra working days given in code, added to the local file's.
            estimate_until: Estimate every year after the decreed data up to this one
                (inclusive), but never more than [`ESTIMATE_LIMIT`][ESTIMATE_LIMIT] years past the
                decreed data (later dates raise ``CalendarCoverageError``); ``None`` (the
                default) estimates nothing.
            holidays_dir: A folder of extra holiday files; by default the folder named by
                the ``PPID_HOLIDAYS_DIR`` environment variable, if set; ``None`` ignores it.

        Raises:
            DataFileError: The local calendar file or an extra holiday file has errors.
            CalendarCoverageError: The holiday years have a gap and nothing fills it, or
                two extra files give the same year.
            UnknownZoneError: The zone is not an Indonesian zone or province.
        """
        loc = (
            local
            if local is None or isinstance(local, LocalCalendar)
            else load_local_calendar(local)
        )
        data = holiday_data(
            extra_years=extra_years, holidays_dir=holidays_dir, estimate_until=estimate_until
        )
        hours = office_hours
        if isinstance(hours, DefaultHours):
            hours = loc.office_hours if loc and loc.office_hours else OfficeHours.perpres_21_2023()
        return cls(
            holidays=[h for y in data.values() for h in y.holidays],
            years=sorted(data),
            cuti_bersama=cuti_bersama,
            zone=zone or (loc.zone if loc and loc.zone else "Asia/Jakarta"),
            office_hours=hours,
            closures=[*(loc.closures if loc else ()), *closures],
            working_days=[*(loc.working_days if loc else ()), *working_days],
            estimated_years=[y for y, d in data.items() if d.estimated],
        )

    # -- coverage and conversion ------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        """The first day the calendar covers."""
        return _date(self.years[0], 1, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the calendar covers."""
        return _date(self.years[-1], 12, 31)

    @property
    def decreed_years(self) -> tuple[int, ...]:
        """The covered years whose holidays are decreed (not estimated)."""
        return tuple(y for y in self.years if y not in self.estimated_years)

    def covers(self, d: dt.date) -> bool:
        """Whether ``d`` (a date or aware datetime) lies in the covered years."""
        return self.first_day <= self.to_date(d) <= self.last_day

    def provisional(self, first: dt.date, last: dt.date) -> bool:
        """Whether a day of [``first``, ``last``] is not settled by a decree.

        True when the range touches an estimated year, or comes within a day of a
        provisional holiday (one a later decision may move): a count over it may change
        when the decree comes. Runs in constant time.

        Raises:
            CalendarCoverageError: An end of the range is outside the covered years.

        Examples:
            >>> cal = WorkCalendar.indonesia(estimate_until=2028)
            >>> cal.provisional(dt.date(2027, 6, 1), dt.date(2027, 7, 1))
            False
            >>> cal.provisional(dt.date(2027, 12, 1), dt.date(2028, 1, 10))
            True
        """
        a, b = self._index(self.to_date(first)), self._index(self.to_date(last))
        return self._table.unsure_between(min(a, b), max(a, b)) > 0

    def to_date(self, value: dt.date) -> dt.date:
        """The office-local calendar date of a date or an aware datetime.

        Raises:
            NaiveDatetimeError: ``value`` is a datetime without a time zone.
            TypeError: ``value`` is not a date.
        """
        if isinstance(value, _datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                msg = (
                    f"naive datetime {value.isoformat()} has no time zone; give an aware "
                    f"datetime (e.g. tzinfo=ZoneInfo({self.zone!r})) or a date"
                )
                raise NaiveDatetimeError(msg)
            local = value.astimezone(zone_info(self.zone))
            return _date(local.year, local.month, local.day)
        if isinstance(value, _date):
            return value if value.__class__ is _date else _date(value.year, value.month, value.day)
        msg = f"expected a date or an aware datetime, got {type(value).__name__}"
        raise TypeError(msg)

    def _uncovered(self, what: str) -> CalendarCoverageError:
        return uncovered(what, self.years)

    def _index(self, d: dt.date) -> int:
        i = d.toordinal() - self._first
        if i < 0 or i >= len(self._cum):
            raise self._uncovered(d.isoformat())
        return i

    # -- the contract ---------------------------------------------------------------
    def is_working_day(self, d: dt.date) -> bool:
        """Whether ``d`` is a working day at this office.

        Raises:
            CalendarCoverageError: ``d`` is outside the covered years.
        """
        if d.__class__ is not _date:
            d = self.to_date(d)
        return bool(self._working[self._index(d)])

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The ``n``-th working day strictly after ``d``.

        ``d`` itself may be a non-working day. ``n = 0`` gives ``d`` when it is a working
        day, else the next working day; a negative ``n`` gives the ``|n|``-th working day
        strictly before ``d``. Runs in constant time.

        Raises:
            CalendarCoverageError: ``d`` or the result is outside the covered years.
            NaiveDatetimeError: ``d`` is a naive datetime.
        """
        if d.__class__ is not _date:
            d = self.to_date(d)
        i = d.toordinal() - self._first
        try:
            if i >= 0:
                if n > 0:
                    return self._wd[self._cum[i] + n - 1]
                if n == 0:
                    return d if self._working[i] else self._wd[self._cum[i]]
                k = self._cum[i] - self._working[i] + n
                if k >= 0:
                    return self._wd[k]
                what = _("{n} working days from {date}").format(n=n, date=d.isoformat())
                raise self._uncovered(what)
        except IndexError:
            self._index(d)  # raises for d itself
            what = _("{n} working days after {date}").format(n=n, date=d.isoformat())
            raise self._uncovered(what) from None
        except TypeError:
            msg = f"n must be a whole number, got {n!r}"
            raise TypeError(msg) from None
        raise self._uncovered(d.isoformat())

    def count_working_days(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open range (``start``, ``end``]; negative if end < start.

        ``count_working_days(d, add_working_days(d, n)) == n`` for every ``n >= 1``.

        Raises:
            CalendarCoverageError: An end of the range is outside the covered years.
        """
        if start.__class__ is not _date:
            start = self.to_date(start)
        if end.__class__ is not _date:
            end = self.to_date(end)
        i, j = end.toordinal() - self._first, start.toordinal() - self._first
        if i >= 0 and j >= 0:
            cum = self._cum
            try:
                return cum[i] - cum[j]
            except IndexError:
                pass
        self._index(start)
        self._index(end)
        raise AssertionError  # pragma: no cover - _index raised for the uncovered end

    # -- column forms -------------------------------------------------------------------
    def add_working_days_many(self, dates: Iterable[dt.date], n: int) -> list[dt.date]:
        """[`add_working_days()`][add_working_days] for a whole column of dates (same ``n``).

        Builds a look-up table for ``n`` once (kept for later calls), then maps the
        column through it at C speed. Errors name the first bad element's position.

        >>> cal = WorkCalendar.indonesia()
        >>> cal.add_working_days_many([dt.date(2025, 3, 27), dt.date(2025, 4, 21)], 10)
        [datetime.date(2025, 4, 22), datetime.date(2025, 5, 6)]
        """
        return self._table.add_many(dates, n, self.add_working_days)

    def count_working_days_many(
        self, starts: Iterable[dt.date], ends: Iterable[dt.date]
    ) -> list[int]:
        """[`count_working_days()`][count_working_days] for two columns of equal length.

        Raises:
            InvalidArgumentError: The columns differ in length.

        >>> cal = WorkCalendar.indonesia()
        >>> cal.count_working_days_many([dt.date(2025, 3, 27)], [dt.date(2025, 4, 22)])
        [10]
        """
        return self._table.count_many(starts, ends, self.count_working_days)

    # -- receipt and explanation ---------------------------------------------------------
    def receipt_date(self, when: dt.date) -> dt.date:
        """The date a request counts as received.

        A datetime is first converted to the office's zone. A request that arrives on a
        non-working day, or (with office hours set) at or after closing time, counts as
        received on the next working day; one that arrives before opening on a working
        day counts for that day. A plain date is taken as arriving during office hours.

        References:
            UU 14/2008 Pasal 22 ayat (7) counts "sejak diterimanya permintaan"; KPU e-PPID
            practice activates registrations made outside office hours on the next
            working day.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> cal = WorkCalendar.indonesia(zone="WITA")
            >>> cal.receipt_date(dt.datetime(2025, 3, 26, 17, 0, tzinfo=ZoneInfo("Asia/Makassar")))
            datetime.date(2025, 3, 27)
            >>> cal.receipt_date(dt.date(2025, 3, 28))  # cuti bersama Nyepi, then Lebaran
            datetime.date(2025, 4, 8)
        """
        if isinstance(when, _datetime):
            d = self.to_date(when)
            if self.office_hours is not None and self.is_working_day(d):
                local = when.astimezone(zone_info(self.zone))
                if self.office_hours.after_closing(local):
                    return self.add_working_days(d, 1)
            return self.add_working_days(d, 0)
        return self.add_working_days(self.to_date(when), 0)

    def non_working_days(self, first: dt.date, last: dt.date) -> list[NonWorkingDay]:
        """Every non-working day in the closed range [``first``, ``last``], with its reason.

        A holiday on a weekend is reported as the holiday.
        """
        from ppid_core.calendar._explain import non_working_days  # noqa: PLC0415 - on use

        a, b = self._index(self.to_date(first)), self._index(self.to_date(last))
        return non_working_days(
            working=self._working,
            first_ordinal=self._first,
            span=(a, b),
            holidays=self.holidays,
            closures=self.closures,
        )

    def explain(self, start: dt.date, end: dt.date) -> Span:
        """The working days of (``start``, ``end``] and every non-working day skipped.

        >>> cal = WorkCalendar.indonesia()
        >>> span = cal.explain(dt.date(2025, 3, 27), dt.date(2025, 4, 22))
        >>> span.working_days, len(span.skipped)
        (10, 16)
        >>> for s in span.skipped[:3]:
        ...     print(s.date, s.category, s.name)
        2025-03-28 cuti_bersama Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947
        2025-03-29 libur_nasional Hari Suci Nyepi Tahun Baru Saka 1947
        2025-03-30 akhir_pekan Minggu
        """
        from ppid_core.calendar._explain import Span  # noqa: PLC0415 - results load on use

        s, e = self.to_date(start), self.to_date(end)
        if e <= s:
            return Span(start=s, end=e, working_days=self.count_working_days(s, e), skipped=())
        skipped = self.non_working_days(s + dt.timedelta(days=1), e)
        return Span(
            start=s, end=e, working_days=self.count_working_days(s, e), skipped=tuple(skipped)
        )
