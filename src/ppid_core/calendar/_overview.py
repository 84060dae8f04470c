"""What the calendar knows: one year's non-working days, and which years are decreed.

[`year_overview()`][year_overview] and [`coverage()`][coverage] build the results behind ``ppid
calendar show``
and ``ppid calendar coverage`` (their ``to_dict()`` is the commands' ``--json`` output);
[`load_calendar_file()`][load_calendar_file] reads either kind of calendar file, as ``ppid calendar
check``
does.

References:
    The yearly SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari
    Libur Nasional dan Cuti Bersama; Keppres 8/2024 tentang Hari-Hari Libur.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._source import read_source_text
from ppid_core._tables import Table, jsonable
from ppid_core.calendar._explain import WEEKEND, NonWorkingDay, skipped_table
from ppid_core.calendar._holidays import (
    HolidayStatus,
    HolidayYear,
    declared_year,
    parse_holidays,
    replaced_year,
)
from ppid_core.calendar._local import LocalCalendar, parse_local_calendar
from ppid_core.calendar._years import ESTIMATE_LIMIT, holiday_data

if TYPE_CHECKING:
    from ppid_core._source import FileInput
    from ppid_core.calendar._calendar import WorkCalendar

__all__ = [
    "Coverage",
    "YearCoverage",
    "YearOverview",
    "coverage",
    "load_calendar_file",
    "year_overview",
]

_DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_NO_CUTI_BERSAMA = N_(
    "cuti bersama cannot be estimated (a yearly policy of the SKB, not a rule): this "
    "estimated year has none, so its deadlines are the earliest the final decree can give"
)
_MOVING = N_("{days}: provisional; the decree leaves them to the sidang isbat")
_MOVING_TAIL = _MOVING.removeprefix("{days}")


def _note_text(note: str) -> str:
    """A note of the result (kept in English in ``to_dict()``: data) in the language in use."""
    if note == _NO_CUTI_BERSAMA:
        return _(_NO_CUTI_BERSAMA)
    if note.endswith(_MOVING_TAIL):
        return _(_MOVING).format(days=note.removesuffix(_MOVING_TAIL))
    return note


_STATUS = {"decreed": N_("decreed"), "estimated": N_("estimated")}


@attrs.frozen(kw_only=True, repr=False)
class YearOverview(ResultMixin):
    """Every non-working day of one year other than plain weekends, with its reason.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide).

    Attributes:
        year: The year.
        status: ``decreed`` (an SKB covers it) or ``estimated``.
        working_days: Working days of the year at this office.
        days: Holidays and closures (also those on a weekend), in date order.
        sources: The instruments the year's data cites.
        notes: What the figures rest on.
    """

    year: int
    status: str
    working_days: int
    days: tuple[NonWorkingDay, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (``ppid calendar show YEAR --json``)."""
        out: dict[str, Any] = jsonable(self)
        for day, item in zip(self.days, out["days"], strict=True):
            item["weekday"] = _DAY_NAMES_ID[day.date.weekday()]
        return out

    def tables(self) -> list[Table]:
        """The days, then the sources and notes."""
        title = _("Holidays and closures {year}").format(year=self.year)
        out = [skipped_table(self.days, title=title)]
        source, note = _("source"), _("note")
        out.append(
            Table(
                columns=(_("Kind of entry"), _("Content")),
                rows=[(source, s) for s in self.sources]
                + [(note, _note_text(n)) for n in self.notes],
                title=_("Sources and notes"),
            )
        )
        return out

    def _summary(self) -> str:
        return (
            f"{self.year} ({self.status}): {self.working_days} working days, "
            f"{len(self.days)} holidays and closures"
        )

    def _heading(self) -> str:
        return _("Calendar {year} ({status}): {n} working days").format(
            year=self.year, status=_(_STATUS[self.status]), n=self.working_days
        )


def year_overview(cal: WorkCalendar, year: int) -> YearOverview:
    """Every holiday and closure of ``year`` in ``cal``, with category, source and status.

    What ``ppid calendar show YEAR`` prints: the libur nasional, cuti bersama (when
    ``cal`` counts them), election days and office closures of the year, also those on a
    weekend, each with the instrument that set it and whether its date is decreed,
    provisional or estimated; and the year's working days at the office.

    Args:
        cal: The office's calendar.
        year: A year the calendar covers.

    Returns:
        The year's overview; an estimated year says so in its ``status`` and ``notes``.

    Raises:
        CalendarCoverageError: The calendar does not cover ``year``.

    References:
        The SKB 3 Menteri of the year (libur nasional, cuti bersama); Keppres declaring
        election days holidays; Perpres 21/2023 Pasal 3 (the working week).

    Examples:
        >>> from ppid_core.calendar import WorkCalendar
        >>> y = year_overview(WorkCalendar.indonesia(), 2025)
        >>> y.status, y.working_days, y.days[0].name
        ('decreed', 237, 'Tahun Baru 2025 Masehi')
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = tuple(d for d in cal.non_working_days(first, last) if d.category != WEEKEND)
    estimated = year in cal.estimated_years
    notes = [_NO_CUTI_BERSAMA] if estimated else []
    moving = [d.date.isoformat() for d in days if d.status == HolidayStatus.PROVISIONAL.value]
    if moving:
        notes.append(_MOVING.format(days=", ".join(moving)))  # data: English, see _note_text
    sources = dict.fromkeys(
        h.source.title for h in cal.holidays if h.date.year == year
    )  # first-seen order
    return YearOverview(
        year=year,
        status="estimated" if estimated else "decreed",
        working_days=cal.count_working_days(first - dt.timedelta(days=1), last),
        days=days,
        sources=tuple(sources),
        notes=tuple(notes),
    )


@attrs.frozen(kw_only=True)
class YearCoverage:
    """One decreed year of data: where it comes from and how firm it is.

    Attributes:
        year: The year.
        file: The bundled path or the office's own file.
        sources: The instruments it cites.
        last_change: Signing date of the newest of them, when known.
        provisional: Dates a later decision may still move.
    """

    year: int
    file: str
    sources: tuple[str, ...]
    last_change: dt.date | None
    provisional: tuple[dt.date, ...]


@attrs.frozen(kw_only=True, repr=False)
class Coverage(ResultMixin):
    """Which years the calendar knows, and how.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide).

    Attributes:
        first_day: First covered day.
        last_day: Last covered day.
        decreed: The decreed years, ascending.
        estimated_years: The years this calendar estimates.
        estimate_limit: How many years past the decreed data can be estimated.
        last_change: Signing date of the newest instrument in the decreed data.
    """

    first_day: dt.date
    last_day: dt.date
    decreed: tuple[YearCoverage, ...]
    estimated_years: tuple[int, ...]
    estimate_limit: int
    last_change: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (``ppid calendar coverage --json``)."""
        out: dict[str, Any] = jsonable(self)
        return out

    def tables(self) -> list[Table]:
        """The decreed years, one row each, then what is estimated."""
        decreed = Table(
            columns=(_("Year"), _("File"), _("Source"), _("Last decree"), _("Provisional")),
            rows=[
                (y.year, y.file, "; ".join(y.sources), y.last_change, len(y.provisional))
                for y in self.decreed
            ],
            title=_("Decreed years (SKB)"),
        )
        estimated = Table(
            columns=(_("Year"), _("Status")),
            rows=[(y, "estimated") for y in self.estimated_years],
            title=_("Estimated years (at most {n} ahead)").format(n=self.estimate_limit),
        )
        return [decreed, estimated]

    def _summary(self) -> str:
        return (
            f"{self.first_day.isoformat()}..{self.last_day.isoformat()}: "
            f"{len(self.decreed)} decreed years, {len(self.estimated_years)} estimated"
        )

    def _heading(self) -> str:
        return _("Calendar coverage {first} to {last}").format(
            first=self.first_day.isoformat(), last=self.last_day.isoformat()
        )


def coverage(
    cal: WorkCalendar,
    years: Mapping[int, HolidayYear] | None = None,
    estimate_limit: int = ESTIMATE_LIMIT,
) -> Coverage:
    """Which years ``cal`` covers: the decreed ones with their sources, and the estimated.

    What ``ppid calendar coverage`` prints.

    Args:
        cal: The office's calendar.
        years: The holiday data ``cal`` was built from, by year (an estimated year is
            left out of the decreed list). Default: the data
            [`WorkCalendar.indonesia()`][WorkCalendar.indonesia] reads, the bundled years and the
            files of
            ``$PPID_HOLIDAYS_DIR``; pass the years when the calendar was given others
            (``extra_years``).
        estimate_limit: How many years past the decreed data can be estimated (shown in
            the report).

    Returns:
        The coverage, decreed years ascending.

    Raises:
        DataFileError: (Default ``years`` only) a file of ``$PPID_HOLIDAYS_DIR`` has errors.

    References:
        The yearly SKB 3 Menteri on libur nasional and cuti bersama: a year is decreed
        once its SKB is signed.

    Examples:
        >>> from ppid_core.calendar import WorkCalendar
        >>> c = coverage(WorkCalendar.indonesia(holidays_dir=None, estimate_until=2030))
        >>> c.decreed[0].year, c.estimated_years[:2], c.estimate_limit
        (2016, (2028, 2029), 10)
    """
    if years is None:
        years = {y: d for y, d in holiday_data().items() if y in cal.years}
    decreed = tuple(
        YearCoverage(
            year=y.year,
            file=y.file,
            sources=tuple(s.title for s in y.sources.values()),
            last_change=y.last_change,
            provisional=tuple(h.date for h in y.provisional),
        )
        for _i, y in sorted(years.items())
        if not y.estimated
    )
    changes = [y.last_change for y in decreed if y.last_change is not None]
    return Coverage(
        first_day=cal.first_day,
        last_day=cal.last_day,
        decreed=decreed,
        estimated_years=tuple(sorted(cal.estimated_years)),
        estimate_limit=estimate_limit,
        last_change=max(changes, default=None),
    )


def load_calendar_file(
    file: FileInput, /, *, source: str | None = None
) -> HolidayYear | LocalCalendar:
    """Load a holiday file (it has a top-level ``year:``) or an office's local file.

    What ``ppid calendar check`` reads: the file's kind is told from its text, and the
    file is then read as [`load_holidays()`][ppid_core.calendar.load_holidays] or
    [`load_local_calendar()`][ppid_core.calendar.load_local_calendar] would. A holiday file for a
    year
    ppid-core ships must account for every bundled day (kept, or listed under
    ``removed:``).

    Args:
        file: The YAML file: a path, its bytes, or a binary file object (read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Returns:
        A [`HolidayYear`][ppid_core.calendar.HolidayYear] or a
        [`LocalCalendar`][ppid_core.calendar.LocalCalendar].

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.

    References:
        Holiday files follow the yearly SKB 3 Menteri and Keppres 8/2024; a local file
        records an office's own closures and extra working days.

    Examples:
        >>> load_calendar_file(b"zone: WITA\\n", source="kantor.yaml").zone
        'Asia/Makassar'
        >>> load_calendar_file(b"year: 2031\\nsources: []\\nholidays: []\\n").year
        2031
    """
    text, name = read_source_text(file, source=source)
    if declared_year(text) is None:
        return parse_local_calendar(text, source=name)
    return parse_holidays(text, source=name, bundled=replaced_year(text))
