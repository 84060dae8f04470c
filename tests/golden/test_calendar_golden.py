"""Golden cases for the calendar, each with its source, plus the independent cross-check.

python-holidays (categories public + government) is an independent reference: every date
where it and our data differ must be explained in the year's file (``python_holidays``).
Committed per-year snapshots of non-working weekdays make any data change a reviewable diff
(regenerate with ``make snapshots``; see CONTRIBUTING.md, "Adding a holiday year"). The
calendar here is built from the compiled holiday data (``calendar/data/holidays.json``);
``tests/calendar/test_compiled.py`` holds it equal to the strict parse of every YAML file.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from ppid_core.calendar import HolidayCategory, HolidayYear, WorkCalendar
from tests.golden.calendar_snapshots import path_of, render

D = dt.date
CAL = WorkCalendar.indonesia(holidays_dir=None)


def test_lebaran_2025_with_cuti_bersama() -> None:
    # source: SKB 1017/2024, 2/2024, 2/2024 (cuti bersama 28 Mar, 2-4 and 7 Apr 2025; LN 29 Mar,
    # 31 Mar-1 Apr, 18 Apr); UU 14/2008 Pasal 22 ayat (7): 10 hari kerja.
    assert CAL.add_working_days(D(2025, 3, 27), 10) == D(2025, 4, 22)


def test_lebaran_2025_without_cuti_bersama() -> None:
    # source: same SKB; cuti bersama counted as working days.
    cal = WorkCalendar.indonesia(cuti_bersama=False)
    assert cal.add_working_days(D(2025, 3, 27), 10) == D(2025, 4, 14)


def test_pemilu_2024_is_non_working() -> None:
    # source: Keppres 10/2024 (14 February 2024, hari pemungutan suara Pemilu).
    assert not CAL.is_working_day(D(2024, 2, 14))
    assert not WorkCalendar.indonesia(cuti_bersama=False).is_working_day(D(2024, 2, 14))


def test_pilkada_2024_is_non_working() -> None:
    # source: Keppres 33/2024 (27 November 2024, hari pemungutan suara Pilkada serentak).
    assert not CAL.is_working_day(D(2024, 11, 27))


def test_pilkada_2020_is_non_working() -> None:
    # source: Keppres 22/2020 (9 December 2020).
    assert not CAL.is_working_day(D(2020, 12, 9))


def test_18_august_2025_added_by_revision() -> None:
    # source: SKB 933/2025, 1/2025, 3/2025 (7 August 2025) added cuti bersama 18 Aug 2025.
    (day,) = CAL.non_working_days(D(2025, 8, 18), D(2025, 8, 18))
    assert day.category == "cuti_bersama"
    assert day.source is not None
    assert "Nomor 933 Tahun 2025" in day.source


def test_2023_revisions() -> None:
    # source: SKB of 29 Mar 2023 (Idul Fitri cuti bersama 19-25 Apr) and SKB 624/2023 (28, 30 Jun).
    for d in (D(2023, 4, 19), D(2023, 4, 20), D(2023, 6, 28), D(2023, 6, 30)):
        assert not CAL.is_working_day(d)
    assert CAL.is_working_day(D(2023, 4, 26))  # removed by the first revision
    removed = {r.date for r in HolidayYear.bundled(2023).removed}
    assert removed == {D(2023, 4, 26)}


def test_2021_moved_holidays() -> None:
    # source: SKB 712/2021, 1/2021, 3/2021 moved Tahun Baru Islam to 11 Aug, Maulid to 20 Oct.
    assert CAL.is_working_day(D(2021, 8, 10))
    assert not CAL.is_working_day(D(2021, 8, 11))
    assert CAL.is_working_day(D(2021, 10, 19))
    assert not CAL.is_working_day(D(2021, 10, 20))


def test_2020_december_cuti_bersama_after_fourth_revision() -> None:
    # source: SKB 744/2020, 05/2020, 06/2020 (1 Dec 2020) removed 28-30 Dec, kept 24 and 31 Dec.
    assert [CAL.is_working_day(D(2020, 12, d)) for d in (24, 28, 29, 30, 31)] == [
        False,
        True,
        True,
        True,
        False,
    ]


def test_isra_mikraj_twice_in_2027() -> None:
    # source: SKB 1205/2026, 3/2026, 2/2026: Isra Mikraj 1448 H on Tue 5 Jan 2027 and
    # Isra Mikraj 1449 H on Sun 26 Dec 2027.
    assert not CAL.is_working_day(D(2027, 1, 5))
    names = [d.name for d in CAL.non_working_days(D(2027, 12, 26), D(2027, 12, 26))]
    assert names == ["Isra Mikraj Nabi Muhammad SAW"]


def test_idul_fitri_2027_cuti_bersama() -> None:
    # source: same SKB: cuti bersama 9, 12 and 15 Mar, Idul Fitri 10-11 Mar (provisional, Diktum
    # KEDUA), Nyepi 8 Mar. Counted by hand from Mon 1 Mar: 2, 3, 4, 5, 16, 17, 18, 19, 22, 23.
    assert CAL.add_working_days(D(2027, 3, 1), 10) == D(2027, 3, 23)
    # cuti bersama as working days: 2, 3, 4, 5, 9, 12, 15, 16, 17, 18
    without = WorkCalendar.indonesia(cuti_bersama=False, holidays_dir=None)
    assert without.add_working_days(D(2027, 3, 1), 10) == D(2027, 3, 18)
    days = CAL.non_working_days(D(2027, 3, 8), D(2027, 3, 15))
    assert [(d.date.day, d.status) for d in days if d.category != "akhir_pekan"] == [
        (8, "decreed"),
        (9, "provisional"),
        (10, "provisional"),
        (11, "provisional"),
        (12, "provisional"),
        (15, "provisional"),
    ]


def _python_holidays(year: int) -> set[dt.date]:
    found = holidays.country_holidays("ID", years=year, categories=("public", "government"))
    return set(found)


@pytest.mark.parametrize("year", HolidayYear.bundled_names())
def test_every_difference_from_python_holidays_is_explained(year: int) -> None:
    data = HolidayYear.bundled(year)
    ours = {h.date for h in data.holidays}
    theirs = _python_holidays(year)
    differences = ours ^ theirs
    assert differences == set(data.python_holidays_notes), (
        f"unexplained: {sorted(differences - set(data.python_holidays_notes))}, "
        f"stale notes: {sorted(set(data.python_holidays_notes) - differences)}"
    )


@pytest.mark.parametrize("year", HolidayYear.bundled_names())
def test_snapshot(year: int) -> None:
    path = path_of(year)
    assert path.exists(), f"no snapshot for {year}: run `make snapshots` and review the diff"
    assert path.read_text(encoding="utf-8") == render(year, CAL), (
        f"{year} differs from {path.name}: if the data change is deliberate, run "
        "`make snapshots` and commit the reviewed diff"
    )


@pytest.mark.parametrize(
    ("year", "libur", "cuti"),
    [
        # source: SKB 150/2015 (15 LN, 4 CB).
        (2016, 15, 4),
        # source: SKB 684/2016 (16 LN, 6 CB) + Keppres 3/2017 (Pilkada) + Keppres 18/2017
        # (23 June).
        (2017, 17, 7),
        # source: SKB 707/2017 (16 LN, 5 CB) + SKB 223/2018 (3 CB) + Keppres 15/2018 (Pilkada).
        (2018, 17, 8),
        # source: SKB 617/2018 (16 LN, 4 CB) + Keppres 10/2019 (Pemilu).
        (2019, 17, 4),
        # source: reference/kip.md section 4 (SKB counts): LN incl. election days / final CB.
        (2020, 17, 5),
        (2021, 15, 1),
        (2022, 16, 4),
        (2023, 16, 11),
        (2024, 19, 10),
        (2025, 17, 11),
        (2026, 17, 8),
        (2027, 18, 8),
    ],
)
def test_counts_per_year(year: int, libur: int, cuti: int) -> None:
    data = HolidayYear.bundled(year)
    cb = [h for h in data.holidays if h.category is HolidayCategory.CUTI_BERSAMA]
    assert len(data.holidays) - len(cb) == libur
    assert len(cb) == cuti
