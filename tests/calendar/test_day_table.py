"""The day tables behind the constant-time arithmetic, against a day-by-day reference."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
from collections.abc import Callable

import pytest

from ppid_core.calendar import (
    Closure,
    ExtraWorkingDay,
    HolidayCategory,
    HolidayStatus,
    HolidayYear,
    WorkCalendar,
    estimated_year,
)
from ppid_core.calendar._day_table import DayTable

LAST = HolidayYear.bundled_names()[-1]
NATIONAL = [h for y in HolidayYear.bundled_names() for h in HolidayYear.bundled(y).holidays]


def reference(cal: WorkCalendar) -> dict[str, object]:
    """The tables computed the slow way: one day at a time, from the calendar's parts."""
    first, last = dt.date(cal.years[0], 1, 1), dt.date(cal.years[-1], 12, 31)
    counted = [
        h
        for h in cal.holidays
        if cal.cuti_bersama or h.category is not HolidayCategory.CUTI_BERSAMA
    ]
    holidays = {h.date for h in counted}
    closed = {d for c in cal.closures for d in c.days()}
    extra = {x.date for x in cal.working_days}
    unsure_days = {
        h.date + dt.timedelta(days=k)
        for h in counted
        if h.status is HolidayStatus.PROVISIONAL
        for k in (-1, 0, 1)
    }
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    working = [
        d in extra or (d.weekday() not in cal.weekend and d not in holidays and d not in closed)
        for d in days
    ]
    unsure = [d.year in cal.estimated_years or d in unsure_days for d in days]
    return {
        "first": first.toordinal(),
        "working": bytearray(working),
        "cum": list(itertools.accumulate(map(int, working))),
        "wd": [d for d, w in zip(days, working, strict=True) if w],
        "unsure": list(itertools.accumulate(map(int, unsure))),
        "cum_by_date": dict(zip(days, itertools.accumulate(map(int, working)), strict=True)),
    }


def tables(table: DayTable) -> dict[str, object]:
    return {name: getattr(table, name) for name in ("first", "working", "cum", "wd", "unsure")} | {
        "cum_by_date": table.cum_by_date
    }


CLOSURE = Closure(start=dt.date(2025, 5, 5), end=dt.date(2025, 5, 9), name="Penutupan kantor")
SATURDAY = ExtraWorkingDay(date=dt.date(2025, 3, 29), name="Hari kerja pengganti")


def from_year(year: int, weekend: set[int]) -> Callable[[], WorkCalendar]:
    """A calendar of the bundled holidays from ``year`` on, with another weekend."""
    return lambda: WorkCalendar(
        holidays=[h for h in NATIONAL if h.date.year >= year],
        years=range(year, LAST + 1),
        weekend=weekend,
        estimated_years=[year],
    )


CALENDARS: dict[str, Callable[[], WorkCalendar]] = {
    "national": lambda: WorkCalendar.indonesia(holidays_dir=None),
    "without cuti bersama": lambda: WorkCalendar.indonesia(holidays_dir=None, cuti_bersama=False),
    "estimated years": lambda: WorkCalendar.indonesia(holidays_dir=None, estimate_until=LAST + 3),
    "closure and extra day": lambda: WorkCalendar.indonesia(
        holidays_dir=None, closures=[CLOSURE], working_days=[SATURDAY]
    ),
    # every weekday as the first day of the covered years, and other weekends
    **{
        f"from {year}, weekend {sorted(weekend)}": from_year(year, weekend)
        for year, weekend in zip(
            range(2020, 2027),
            [{5, 6}, {6}, {4, 5}, set(), {0}, {5, 6}, {0, 1, 2, 3, 4, 5, 6}],
            strict=True,
        )
    },
    "one estimated year, from a Tuesday": lambda: WorkCalendar(
        holidays=estimated_year(2030).holidays, years=[2030], estimated_years=[2030]
    ),
}


@pytest.mark.parametrize("name", CALENDARS)
def test_the_tables_equal_the_day_by_day_reference(name: str) -> None:
    cal = CALENDARS[name]()
    assert tables(DayTable(cal)) == reference(cal)


def test_the_cases_start_on_every_weekday() -> None:
    # the week's flags are rotated to the first day's weekday: every rotation is tried
    firsts = {CALENDARS[name]().first_day.weekday() for name in CALENDARS}
    assert firsts == set(range(7))


def test_the_date_index_is_built_on_first_use_and_kept() -> None:
    table = DayTable(WorkCalendar.indonesia(holidays_dir=None))
    assert table._by_date is None
    by_date = table.cum_by_date
    assert table.cum_by_date is by_date
    copy = pickle.loads(pickle.dumps(table))
    assert copy.cum_by_date == by_date
