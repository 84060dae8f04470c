"""Estimated years, provisional holidays, extra holiday files, conflicts with bundled data."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from holidays.countries.indonesia import Indonesia

from ppid_core.calendar import (
    ESTIMATE_LIMIT,
    HOLIDAYS_DIR_ENV,
    HolidayCategory,
    HolidayStatus,
    HolidayYear,
    WorkCalendar,
    estimated_year,
    extra_holiday_years,
    fixed_holidays,
    load_holidays,
)
from ppid_core.errors import CalendarCoverageError, DataFileError, LocatedError

D = dt.date
LAST = HolidayYear.bundled_names()[-1]
STRICT = WorkCalendar.indonesia(holidays_dir=None)


def test_estimated_year_has_fixed_and_movable_days_and_no_cuti_bersama() -> None:
    year = estimated_year(2029)
    assert year.estimated
    assert not [h for h in year.holidays if h.category is HolidayCategory.CUTI_BERSAMA]
    fixed = {D(2029, f.month, f.day) for f in fixed_holidays()}
    assert fixed == {D(2029, 1, 1), D(2029, 5, 1), D(2029, 6, 1), D(2029, 8, 17), D(2029, 12, 25)}
    by_date = {h.date: h for h in year.holidays}
    # Keppres 8/2024 dates these four itself; it names Christmas without a date
    assert {d for d in fixed if by_date[d].status is HolidayStatus.DECREED} == fixed - {
        D(2029, 12, 25)
    }
    assert by_date[D(2029, 12, 25)].status is HolidayStatus.ESTIMATED
    # every other day is python-holidays' estimate, each counted once
    theirs = Indonesia(years=2029, language="id", categories=("public",))
    movable = {h.date for h in year.holidays if h.source.id == "python-holidays"}
    assert movable | fixed == set(theirs)
    assert len(year.holidays) == sum(len(theirs.get_list(d)) for d in theirs)
    assert all(h.status is HolidayStatus.ESTIMATED for h in year.holidays if h.date in movable)


@pytest.mark.parametrize("year", range(LAST + 1, LAST + ESTIMATE_LIMIT + 1))
def test_python_holidays_names_the_fixed_days_as_the_data_says(year: int) -> None:
    # Without this, a renamed day in python-holidays would be counted twice.
    theirs = Indonesia(years=year, language="id", categories=("public",))
    for f in fixed_holidays():
        assert f.python_holidays_name in theirs.get_list(D(year, f.month, f.day)), (year, f)


def test_library_is_strict_by_default() -> None:
    assert STRICT.years[-1] == LAST
    assert not STRICT.estimated_years
    with pytest.raises(CalendarCoverageError):
        STRICT.add_working_days(D(LAST, 12, 28), 10)


def test_estimates_stop_at_the_limit() -> None:
    cal = WorkCalendar.indonesia(estimate_until=LAST + 50, holidays_dir=None)
    assert cal.years[-1] == LAST + ESTIMATE_LIMIT
    assert cal.estimated_years == frozenset(range(LAST + 1, LAST + ESTIMATE_LIMIT + 1))
    assert cal.decreed_years == tuple(HolidayYear.bundled_names())


def test_estimating_changes_nothing_in_decreed_years() -> None:
    cal = WorkCalendar.indonesia(estimate_until=LAST + 2, holidays_dir=None)
    first, last = D(HolidayYear.bundled_names()[0], 1, 1), D(LAST, 12, 31)
    assert cal.non_working_days(first, last) == STRICT.non_working_days(first, last)


def test_provisional_marks_undecreed_days() -> None:
    cal = WorkCalendar.indonesia(estimate_until=2028, holidays_dir=None)
    # 2027: the SKB leaves Idul Fitri (10-11 Mar) and Idul Adha (17 May) and their cuti
    # bersama (9, 12, 15 Mar; 18 May) to the sidang isbat; a day either side may move too.
    assert not cal.provisional(D(2027, 6, 1), D(2027, 12, 31))
    assert not cal.provisional(D(2027, 3, 1), D(2027, 3, 7))
    assert cal.provisional(D(2027, 3, 1), D(2027, 3, 8))
    assert cal.provisional(D(2027, 5, 19), D(2027, 5, 19))  # next to the 18 May cuti bersama
    assert not cal.provisional(D(2027, 5, 20), D(2027, 5, 31))
    assert cal.provisional(D(2027, 12, 31), D(2028, 1, 3))  # 2028 is estimated
    assert cal.provisional(D(2028, 1, 10), D(2027, 11, 1))  # either order


def test_provisional_cuti_bersama_do_not_count_when_they_are_working_days() -> None:
    cal = WorkCalendar.indonesia(cuti_bersama=False, holidays_dir=None)
    assert not cal.provisional(D(2027, 5, 19), D(2027, 5, 19))
    assert cal.provisional(D(2027, 5, 18), D(2027, 5, 18))  # next to Idul Adha itself


def test_bundled_2027_data() -> None:
    # source: SKB 1205/2026, 3/2026, 2/2026 (15 Sep 2026): 18 libur nasional, 8 cuti bersama;
    # Isra Mikraj twice (1448 H on 5 Jan, 1449 H on 26 Dec).
    year = HolidayYear.bundled(2027)
    isra = [h.date for h in year.holidays if h.name.startswith("Isra Mikraj")]
    assert isra == [D(2027, 1, 5), D(2027, 12, 26)]
    assert {h.date for h in year.provisional} == {
        D(2027, 3, 9),
        D(2027, 3, 10),
        D(2027, 3, 11),
        D(2027, 3, 12),
        D(2027, 3, 15),
        D(2027, 5, 17),
        D(2027, 5, 18),
    }
    assert year.last_change == D(2026, 9, 15)


HOLIDAY_2028 = """year: 2028
sources:
  - id: skb-2028
    title: SKB 2028 (an office's copy)
    urls: [https://example.org/skb-2028]
holidays:
  - date: 2028-01-03
    name: Hari X
    category: libur_nasional
    source: skb-2028
"""


def test_extra_year_from_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "2028.yaml").write_text(HOLIDAY_2028, encoding="utf-8")
    monkeypatch.setenv(HOLIDAYS_DIR_ENV, str(tmp_path))
    cal = WorkCalendar.indonesia()
    assert cal.decreed_years[-1] == 2028
    assert not cal.is_working_day(D(2028, 1, 3))
    assert not cal.provisional(D(2027, 12, 1), D(2028, 12, 31))


def test_folder_that_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOLIDAYS_DIR_ENV, str(tmp_path / "nope"))
    with pytest.raises(CalendarCoverageError) as exc:
        WorkCalendar.indonesia()
    assert str(exc.value) == (
        f"{tmp_path / 'nope'}: not a folder of holiday files (from $PPID_HOLIDAYS_DIR or an option)"
    )


def test_two_files_for_one_year(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(HOLIDAY_2028, encoding="utf-8")
    b.write_text(HOLIDAY_2028, encoding="utf-8")
    with pytest.raises(CalendarCoverageError) as exc:
        extra_holiday_years([a, b])
    assert str(exc.value) == f"{b}: year 2028 is already given by {a}; keep one file"


def test_gap_without_estimates(tmp_path: Path) -> None:
    path = tmp_path / "2030.yaml"
    path.write_text(HOLIDAY_2028.replace("2028", "2030"), encoding="utf-8")
    with pytest.raises(CalendarCoverageError) as exc:
        WorkCalendar.indonesia(extra_years=[load_holidays(path)], holidays_dir=None)
    assert str(exc.value) == (
        "the holiday data has no year 2028, 2029 between 2016 and 2030; add its holiday "
        "file or ask for estimates"
    )
    cal = WorkCalendar.indonesia(
        extra_years=[load_holidays(path)], holidays_dir=None, estimate_until=2030
    )
    assert cal.estimated_years == frozenset({2028, 2029})


BUNDLED_2027 = Path(__file__).parents[2] / "src/ppid_core/calendar/data/holidays/2027.yaml"
REMOVED_12_MARCH = """removed:
  - date: 2027-03-12
    name: Cuti Bersama Idul Fitri 1448 Hijriah
    category: cuti_bersama
    source: skb-2027
    removed_by: skb-2027
"""


def _without_12_march() -> str:
    """The bundled 2027 file less its 12 March entry (a revision that drops the day)."""
    text = BUNDLED_2027.read_text(encoding="utf-8")
    start = text.index("  - date: 2027-03-12\n")
    return text[:start] + text[text.index("  - date:", start + 1) :]


def test_revision_that_drops_a_bundled_day_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(_without_12_march(), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_holidays(path)
    (error,) = exc.value.exceptions
    line = _without_12_march().splitlines().index("holidays:") + 2  # the list's first item
    assert str(error) == (
        f"{path}:{line}:3 ($.holidays): 2027-03-12 cuti_bersama 'Cuti Bersama Idul "
        "Fitri 1448 Hijriah' of the bundled data (SKB Menteri Agama, Menteri Ketenagakerjaan, "
        "dan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1205 Tahun "
        "2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026 tentang Hari Libur Nasional dan Cuti "
        "Bersama Tahun 2027) is missing; keep it, or list it under removed: with the "
        "instrument that removed it"
    )
    unchecked = load_holidays(path, check_bundled=False)  # then it replaces the year
    assert D(2027, 3, 12) not in {h.date for h in unchecked.holidays}


def test_revision_that_lists_the_removed_day(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(_without_12_march() + REMOVED_12_MARCH, encoding="utf-8")
    cal = WorkCalendar.indonesia(extra_years=[load_holidays(path)], holidays_dir=None)
    assert cal.is_working_day(D(2027, 3, 12))
    assert not STRICT.is_working_day(D(2027, 3, 12))


def test_a_day_both_in_force_and_removed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(BUNDLED_2027.read_text(encoding="utf-8") + REMOVED_12_MARCH, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_holidays(path)
    (error,) = exc.value.exceptions
    assert isinstance(error, LocatedError)
    index = [h.date for h in HolidayYear.bundled(2027).holidays].index(D(2027, 3, 12))
    assert error.message == (
        f"2027-03-12 is listed as removed but is still a cuti_bersama day at "
        f"$.holidays[{index}]; keep one of the two"
    )
    assert error.path == "$.removed[0].date"


def test_status_is_a_closed_set(tmp_path: Path) -> None:
    path = tmp_path / "2028.yaml"
    path.write_text(HOLIDAY_2028 + "    status: estimated\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_holidays(path)
    assert [str(e) for e in exc.value.exceptions] == [
        f"{path}:11:13 ($.holidays[0].status): unknown value 'estimated'; expected one of: "
        "decreed, provisional"
    ]


def test_no_year_is_estimated_while_the_decreed_data_reaches_far_enough() -> None:
    # estimate_until inside the decreed years estimates nothing (and so never imports
    # python-holidays, some 0.2 s): `ppid deadline` asks for received year + 1
    code = (
        "import sys; from ppid_core.calendar import WorkCalendar; "
        f"cal = WorkCalendar.indonesia(estimate_until={LAST}, holidays_dir=None); "
        "print(sorted(cal.estimated_years), 'holidays' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] False"
