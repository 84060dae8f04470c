"""The calendar's old loader names, kept for one release with a warning.

Each warns, naming its replacement (see the guide "Loading data"), and gives what it gave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ppid_core._source import deprecated
from ppid_core.calendar._holidays import (
    HolidayYear,
    bundled_year,
    bundled_year_numbers,
    load_holidays,
    parse_holidays,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["bundled_years", "load_bundled_year", "load_holiday_file", "parse_holiday_year"]


def parse_holiday_year(
    text: str, *, source: str = "<string>", bundled: HolidayYear | None = None
) -> HolidayYear:
    """Deprecated: use [`parse_holidays()`][parse_holidays]."""
    deprecated("parse_holiday_year(text)", "parse_holidays(text)")
    return parse_holidays(text, source=source, bundled=bundled)


def load_holiday_file(path: str | Path, *, check_bundled: bool = True) -> HolidayYear:
    """Deprecated: use [`load_holidays()`][load_holidays]."""
    deprecated("load_holiday_file(path)", "load_holidays(path)")
    return load_holidays(path, check_bundled=check_bundled)


def load_bundled_year(year: int) -> HolidayYear:
    """Deprecated: use [`HolidayYear.bundled()`][HolidayYear.bundled]."""
    deprecated("load_bundled_year(year)", "HolidayYear.bundled(year)")
    return bundled_year(year)


def bundled_years() -> tuple[int, ...]:
    """Deprecated: use [`HolidayYear.bundled_names()`][HolidayYear.bundled_names]."""
    deprecated("bundled_years()", "HolidayYear.bundled_names()")
    return bundled_year_numbers()
