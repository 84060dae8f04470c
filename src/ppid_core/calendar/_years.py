"""The holiday years a calendar is built on, and the error for a day outside them.

[`indonesia()`][ppid_core.calendar.WorkCalendar.indonesia] takes the bundled years, then the files
of an office's folder (``$PPID_HOLIDAYS_DIR``), then the files it is given, then, when
asked, estimated years after the decreed data; [`holiday_data()`][holiday_data] assembles them.

References:
    The yearly SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari
    Libur Nasional dan Cuti Bersama; Keppres 8/2024 tentang Hari-Hari Libur.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from ppid_core._i18n import _
from ppid_core.calendar._holidays import bundled_year, bundled_year_numbers, load_holidays
from ppid_core.errors import CalendarCoverageError, InvalidArgumentError

if TYPE_CHECKING:
    from pathlib import Path

    from ppid_core._source import FileInput
    from ppid_core.calendar._holidays import HolidayYear

__all__ = [
    "ESTIMATE_LIMIT",
    "FROM_ENVIRONMENT",
    "HOLIDAYS_DIR_ENV",
    "FromEnvironment",
    "check_years",
    "extra_holiday_years",
    "holiday_data",
    "uncovered",
]

ESTIMATE_LIMIT: Final = 10
"""Years past the decreed data that [`WorkCalendar.indonesia()`][WorkCalendar.indonesia] estimates
at the most."""

HOLIDAYS_DIR_ENV: Final = "PPID_HOLIDAYS_DIR"
"""Environment variable naming a folder of extra holiday files (``*.yaml``), read by
[`WorkCalendar.indonesia()`][WorkCalendar.indonesia] and every ``ppid`` command."""


class FromEnvironment:
    """The default of ``holidays_dir``: the folder ``$PPID_HOLIDAYS_DIR`` names, if set."""

    def __repr__(self) -> str:
        return f"${HOLIDAYS_DIR_ENV}"


FROM_ENVIRONMENT: Final = FromEnvironment()


def _year_span(years: Sequence[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def holiday_data(
    *,
    extra_years: Iterable[HolidayYear] = (),
    holidays_dir: str | Path | FromEnvironment | None = FROM_ENVIRONMENT,
    estimate_until: int | None = None,
) -> dict[int, HolidayYear]:
    """The holiday data by year that [`WorkCalendar.indonesia()`][WorkCalendar.indonesia] builds on.

    The bundled years, then the files of ``holidays_dir`` (by default the folder named by
    ``$PPID_HOLIDAYS_DIR``), then ``extra_years`` (a later source replaces an earlier one
    for the same year), then estimated years up to ``estimate_until`` (at most
    [`ESTIMATE_LIMIT`][ESTIMATE_LIMIT] years past the decreed data).

    Raises:
        CalendarCoverageError: The years have a gap that nothing fills.
        DataFileError: A holiday file of the folder has errors.
    """
    data = {y: bundled_year(y) for y in bundled_year_numbers()}
    if isinstance(holidays_dir, FromEnvironment):
        holidays_dir = os.environ.get(HOLIDAYS_DIR_ENV) or None
    if holidays_dir is not None:
        data.update({y.year: y for y in extra_holiday_years(folder=holidays_dir)})
    data.update({y.year: y for y in extra_years})
    last = max(data)
    if estimate_until is not None:
        for year in range(min(data), min(max(last, estimate_until), last + ESTIMATE_LIMIT) + 1):
            if year not in data:  # (not setdefault: that would estimate every year)
                from ppid_core.calendar._estimate import estimated_year  # noqa: PLC0415

                data[year] = estimated_year(year)
    gaps = sorted(set(range(min(data), max(data) + 1)) - set(data))
    if gaps:
        msg = _(
            "the holiday data has no year {years} between {first} and {last}; "
            "add its holiday file or ask for estimates"
        ).format(years=", ".join(map(str, gaps)), first=min(data), last=max(data))
        raise CalendarCoverageError(msg)
    return dict(sorted(data.items()))


def extra_holiday_years(
    files: Iterable[FileInput] = (), *, folder: str | Path | None = None
) -> list[HolidayYear]:
    """Holiday files an office adds to the bundled data, checked against each other.

    Args:
        files: Holiday files, each one year (same format as the bundled ones): paths,
            bytes or binary file objects, as [`load_holidays()`][ppid_core.calendar.load_holidays]
            reads them.
        folder: A folder whose ``*.yaml`` files are added too (in name order).

    Returns:
        The years, in the order given; a year that ppid-core also ships must account for
        every bundled day (see [`parse_holidays()`][ppid_core.calendar.parse_holidays]).

    Raises:
        DataFileError: A file has errors (each located).
        CalendarCoverageError: Two files give the same year, or the folder is missing.
        OSError: A file cannot be read.
    """
    inputs = list(files)
    if folder is not None:
        from pathlib import Path  # noqa: PLC0415 - only an office's folder needs it

        d = Path(folder)
        if not d.is_dir():
            msg = _("{folder}: not a folder of holiday files (from ${variable} or an option)")
            msg = msg.format(folder=d, variable=HOLIDAYS_DIR_ENV)
            raise CalendarCoverageError(msg)
        inputs += sorted(d.glob("*.yaml"))
    years: list[HolidayYear] = []
    seen: dict[int, str] = {}
    for file in inputs:
        year = load_holidays(file)
        if year.year in seen:
            msg = _("{file}: year {year} is already given by {other}; keep one file").format(
                file=year.file, year=year.year, other=seen[year.year]
            )
            raise CalendarCoverageError(msg)
        seen[year.year] = year.file
        years.append(year)
    return years


def uncovered(what: str, years: Sequence[int]) -> CalendarCoverageError:
    """The error for ``what`` (a date, or a step from one) outside the covered ``years``."""
    first_day, last_day = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    return CalendarCoverageError(
        _(
            "{subject} is outside the calendar's holiday data ({first} to {last}, years "
            "{years}); add that year's holiday file (extra_years=[load_holidays(PATH)], or a "
            "folder in ${variable}), ask for estimated years (estimate_until=YEAR), or "
            "upgrade ppid-core"
        ).format(
            subject=what,
            first=first_day,
            last=last_day,
            years=_year_span(years),
            variable=HOLIDAYS_DIR_ENV,
        ),
        subject=what,
        first_day=first_day,
        last_day=last_day,
    )


def check_years(_instance: object, _attribute: object, years: tuple[int, ...]) -> None:
    """An attrs validator: the covered years are ascending, without gaps, at least one.

    Raises:
        InvalidArgumentError: No year, years out of order, or a gap.
    """
    if not years:
        msg = "a calendar needs at least one year of holiday data"
        raise InvalidArgumentError(msg)
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if list(years) != sorted(set(years)) or missing:
        msg = f"holiday years must be ascending without gaps; missing: {missing or 'order'}"
        raise InvalidArgumentError(msg)
