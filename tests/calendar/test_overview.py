"""The overview functions, public in ppid_core.calendar: a year, the coverage, a calendar file."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

import ppid_core.calendar
from ppid_core._source import FileInput
from ppid_core.calendar import (
    ESTIMATE_LIMIT,
    HolidayStatus,
    HolidayYear,
    LocalCalendar,
    WorkCalendar,
    coverage,
    load_calendar_file,
    load_holidays,
    year_overview,
)
from ppid_core.calendar._years import holiday_data
from ppid_core.errors import CalendarCoverageError, DataFileError

CAL = WorkCalendar.indonesia(holidays_dir=None)
LAST = HolidayYear.bundled_names()[-1]
LOCAL = b"office: KPU Kota Kupang\nzone: WITA\n"
YEAR_2031 = b"year: 2031\nsources: []\nholidays: []\n"


def test_the_overview_functions_are_public() -> None:
    for name in ("year_overview", "coverage", "load_calendar_file"):
        assert name in ppid_core.calendar.__all__
        assert getattr(ppid_core.calendar, name).__module__ == "ppid_core.calendar._overview"


def test_year_overview_lists_holidays_and_counts_working_days() -> None:
    y = year_overview(CAL, 2025)
    assert (y.year, y.status, y.working_days) == (2025, "decreed", 237)
    assert [d.date for d in y.days][:2] == [dt.date(2025, 1, 1), dt.date(2025, 1, 27)]
    assert all(d.category != "akhir_pekan" for d in y.days)  # plain weekends are left out
    assert y.notes == ()
    assert y.to_dict()["days"][0]["weekday"] == "Rabu"


def test_year_overview_of_an_estimated_year_says_so() -> None:
    cal = WorkCalendar.indonesia(holidays_dir=None, estimate_until=LAST + 1)
    y = year_overview(cal, LAST + 1)
    assert y.status == "estimated"
    assert "cuti bersama cannot be estimated" in y.notes[0]
    assert {d.status for d in y.days} <= {s.value for s in HolidayStatus}


def test_year_overview_outside_the_data_raises() -> None:
    with pytest.raises(CalendarCoverageError):
        year_overview(CAL, LAST + 1)


def test_coverage_defaults_to_the_data_the_calendar_reads() -> None:
    default = coverage(CAL)
    assert default == coverage(CAL, holiday_data(holidays_dir=None), ESTIMATE_LIMIT)
    assert [y.year for y in default.decreed] == list(HolidayYear.bundled_names())
    assert default.estimated_years == ()
    assert default.estimate_limit == ESTIMATE_LIMIT
    assert default.last_change == max(y.last_change for y in default.decreed if y.last_change)


def test_coverage_leaves_estimated_years_out_of_the_decreed_list() -> None:
    cal = WorkCalendar.indonesia(holidays_dir=None, estimate_until=LAST + 2)
    report = coverage(cal, estimate_limit=3)
    assert report.decreed[-1].year == LAST
    assert report.estimated_years == (LAST + 1, LAST + 2)
    assert report.estimate_limit == 3


def test_coverage_names_an_office_file_given_as_extra_years() -> None:
    extra = load_holidays(YEAR_2031, source="kantor-2031.yaml")
    data = holiday_data(holidays_dir=None, extra_years=[extra], estimate_until=2031)
    cal = WorkCalendar.indonesia(holidays_dir=None, extra_years=[extra], estimate_until=2031)
    report = coverage(cal, data)
    assert report.decreed[-1].file == "kantor-2031.yaml"
    assert report.estimated_years == tuple(range(LAST + 1, 2031))


@pytest.mark.parametrize("form", ["path", "str", "bytes", "file object"])
def test_load_calendar_file_reads_every_source_form(tmp_path: Path, form: str) -> None:
    path = tmp_path / "kantor.yaml"
    path.write_bytes(LOCAL)
    sources: dict[str, FileInput] = {
        "path": path,
        "str": str(path),
        "bytes": LOCAL,
        "file object": io.BytesIO(LOCAL),
    }
    local = load_calendar_file(sources[form])
    assert isinstance(local, LocalCalendar)
    assert (local.office, local.zone) == ("KPU Kota Kupang", "Asia/Makassar")


def test_load_calendar_file_tells_a_holiday_file_by_its_year() -> None:
    year = load_calendar_file(YEAR_2031, source="2031.yaml")
    assert isinstance(year, HolidayYear)
    assert (year.year, year.file) == (2031, "2031.yaml")


def test_load_calendar_file_checks_a_replacement_of_a_bundled_year() -> None:
    text = b"year: 2025\nsources: []\nholidays: []\n"
    with pytest.raises(DataFileError) as info:
        load_calendar_file(text, source="2025.yaml")
    first = info.value.report().splitlines()[0]
    assert first.startswith("2025.yaml:3:11 ($.holidays): 2025-01-01 libur_nasional")
    assert first.endswith(
        "is missing; keep it, or list it under removed: with the instrument that removed it"
    )


def test_load_calendar_file_locates_errors_with_the_source_name() -> None:
    with pytest.raises(DataFileError) as info:
        load_calendar_file(b"zone: Mars\n", source="kantor.yaml")
    assert info.value.report().startswith("kantor.yaml:1:7 ($.zone): unknown zone 'Mars'")


# -- the lazy package ------------------------------------------------------------------


def test_importing_the_package_loads_none_of_its_modules() -> None:
    code = (
        "import sys, ppid_core.calendar as c; "
        "print(sorted(m for m in sys.modules if m.startswith('ppid_core.calendar.'))); "
        "c.WorkCalendar; print('yaml' in sys.modules, 'holidays' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # the arithmetic needs no YAML until a holiday file is read, nor python-holidays ever
    assert done.stdout.splitlines() == ["[]", "False False"]


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in ppid_core.calendar.__all__:
        assert getattr(ppid_core.calendar, name) is not None
    assert set(ppid_core.calendar.__all__) <= set(dir(ppid_core.calendar))
    assert ppid_core.calendar.__all__ == sorted(
        ppid_core.calendar.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n)
    )


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Calendar'"):
        ppid_core.calendar.Calendar  # noqa: B018
    assert not hasattr(ppid_core.calendar, "bundled_year")  # not public
