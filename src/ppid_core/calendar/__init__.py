"""Indonesian working days: libur nasional, cuti bersama, election days, local closures.

The ground floor of ppid-core: every statutory deadline (UU 14/2008 counts in *hari
kerja*) and every due date stands on it.

    >>> import datetime as dt
    >>> from ppid_core.calendar import WorkCalendar
    >>> cal = WorkCalendar.indonesia()
    >>> cal.add_working_days(dt.date(2025, 3, 27), 10)
    datetime.date(2025, 4, 22)
"""

from ppid_core.calendar._calendar import (
    ESTIMATE_LIMIT,
    HOLIDAYS_DIR_ENV,
    WorkCalendar,
    extra_holiday_years,
)
from ppid_core.calendar._estimate import FixedHoliday, estimated_year, fixed_holidays
from ppid_core.calendar._explain import NonWorkingDay, Span
from ppid_core.calendar._holidays import (
    Holiday,
    HolidayCategory,
    HolidayStatus,
    HolidayYear,
    RemovedHoliday,
    Source,
    bundled_years,
    load_bundled_year,
    load_holiday_file,
    load_holidays,
    parse_holiday_year,
    parse_holidays,
)
from ppid_core.calendar._local import (
    Closure,
    ExtraWorkingDay,
    LocalCalendar,
    load_local_calendar,
    parse_local_calendar,
)
from ppid_core.calendar._overview import CalendarSummary, Coverage, YearCoverage, YearOverview
from ppid_core.calendar._zones import OfficeHours, provinces, resolve_zone

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
    "estimated_year",
    "extra_holiday_years",
    "fixed_holidays",
    "load_bundled_year",
    "load_holiday_file",
    "load_holidays",
    "load_local_calendar",
    "parse_holiday_year",
    "parse_holidays",
    "parse_local_calendar",
    "provinces",
    "resolve_zone",
]
