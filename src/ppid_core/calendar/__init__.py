"""Indonesian working days: libur nasional, cuti bersama, election days, local closures.

The ground floor of ppid-core: every statutory deadline (UU 14/2008 counts in *hari
kerja*) and every due date stands on it.

    >>> import datetime as dt
    >>> from ppid_core.calendar import WorkCalendar
    >>> cal = WorkCalendar.indonesia()
    >>> cal.add_working_days(dt.date(2025, 3, 27), 10)
    datetime.date(2025, 4, 22)

Importing the package loads none of its modules: each name below is imported on first
use (PEP 562), so a program pays only for the parts it touches (the national calendar
is built from the compiled holiday data without PyYAML, which loads only when a holiday or
local file is read; python-holidays only when a year is estimated; the year and coverage
reports only when asked for).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - for type checkers and the API reference
    from ppid_core.calendar._calendar import WorkCalendar
    from ppid_core.calendar._deprecated import (
        bundled_years,
        load_bundled_year,
        load_holiday_file,
        parse_holiday_year,
    )
    from ppid_core.calendar._estimate import FixedHoliday, estimated_year, fixed_holidays
    from ppid_core.calendar._explain import NonWorkingDay, Span
    from ppid_core.calendar._holiday_models import (
        Holiday,
        HolidayCategory,
        HolidayStatus,
        RemovedHoliday,
        Source,
    )
    from ppid_core.calendar._holidays import HolidayYear, load_holidays, parse_holidays
    from ppid_core.calendar._local import (
        Closure,
        ExtraWorkingDay,
        LocalCalendar,
        load_local_calendar,
        parse_local_calendar,
    )
    from ppid_core.calendar._overview import (
        Coverage,
        YearCoverage,
        YearOverview,
        coverage,
        load_calendar_file,
        year_overview,
    )
    from ppid_core.calendar._summary import CalendarSummary
    from ppid_core.calendar._years import (
        ESTIMATE_LIMIT,
        HOLIDAYS_DIR_ENV,
        extra_holiday_years,
        holiday_data,
    )
    from ppid_core.calendar._zones import OfficeHours, provinces, resolve_zone, zone_info

__all__ = [
    "ESTIMATE_LIMIT",
    "HOLIDAYS_DIR_ENV",
    "CalendarSummary",
    "Closure",
    "Coverage",
    "ExtraWorkingDay",
    "FixedHoliday",
    "Holiday",
    "HolidayCategory",
    "HolidayStatus",
    "HolidayYear",
    "LocalCalendar",
    "NonWorkingDay",
    "OfficeHours",
    "RemovedHoliday",
    "Source",
    "Span",
    "WorkCalendar",
    "YearCoverage",
    "YearOverview",
    "bundled_years",
    "coverage",
    "estimated_year",
    "extra_holiday_years",
    "fixed_holidays",
    "holiday_data",
    "load_bundled_year",
    "load_calendar_file",
    "load_holiday_file",
    "load_holidays",
    "load_local_calendar",
    "parse_holiday_year",
    "parse_holidays",
    "parse_local_calendar",
    "provinces",
    "resolve_zone",
    "year_overview",
    "zone_info",
]

#: The private module that defines each public name.
_WHERE = {
    "ESTIMATE_LIMIT": "_years",
    "HOLIDAYS_DIR_ENV": "_years",
    "CalendarSummary": "_summary",
    "Closure": "_local",
    "Coverage": "_overview",
    "ExtraWorkingDay": "_local",
    "FixedHoliday": "_estimate",
    "Holiday": "_holiday_models",
    "HolidayCategory": "_holiday_models",
    "HolidayStatus": "_holiday_models",
    "HolidayYear": "_holidays",
    "LocalCalendar": "_local",
    "NonWorkingDay": "_explain",
    "OfficeHours": "_zones",
    "RemovedHoliday": "_holiday_models",
    "Source": "_holiday_models",
    "Span": "_explain",
    "WorkCalendar": "_calendar",
    "YearCoverage": "_overview",
    "YearOverview": "_overview",
    "bundled_years": "_deprecated",
    "coverage": "_overview",
    "estimated_year": "_estimate",
    "extra_holiday_years": "_years",
    "fixed_holidays": "_estimate",
    "holiday_data": "_years",
    "load_bundled_year": "_deprecated",
    "load_calendar_file": "_overview",
    "load_holiday_file": "_deprecated",
    "load_holidays": "_holidays",
    "load_local_calendar": "_local",
    "parse_holiday_year": "_deprecated",
    "parse_holidays": "_holidays",
    "parse_local_calendar": "_local",
    "provinces": "_zones",
    "resolve_zone": "_zones",
    "year_overview": "_overview",
    "zone_info": "_zones",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use, then keep it (PEP 562)."""
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'ppid_core.calendar' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"ppid_core.calendar.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
