"""Golden cases for the history years 2016-2019, each with its source.

Every day of each year is listed literally, as its decree's Lampiran (and any amendment or
Keppres) gives it, so that a change to a year's file shows here as well as in its snapshot.
The python-holidays cross-check, the snapshots and the per-year counts of these years run in
``tests/golden/test_calendar_golden.py`` with the other years.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ppid_core.calendar import HolidayYear, WorkCalendar
from ppid_core.requests import deadline_chain, load_register

D = dt.date
CAL = WorkCalendar.indonesia(holidays_dir=None)
WITHOUT_CB = WorkCalendar.indonesia(cuti_bersama=False, holidays_dir=None)

LN, CB, PS = "libur_nasional", "cuti_bersama", "pemungutan_suara"

# (month, day, category) of every day in force, after every revision.
YEARS: dict[int, list[tuple[int, int, str]]] = {
    # source: SKB 150/2015, 2/SKB/MEN/VI/2015, 01/2015 (25 June 2015): 15 LN, 4 CB.
    2016: [
        (1, 1, LN),
        (2, 8, LN),
        (3, 9, LN),
        (3, 25, LN),
        (5, 1, LN),
        (5, 5, LN),
        (5, 6, LN),
        (5, 22, LN),
        (7, 4, CB),
        (7, 5, CB),
        (7, 6, LN),
        (7, 7, LN),
        (7, 8, CB),
        (8, 17, LN),
        (9, 12, LN),
        (10, 2, LN),
        (12, 12, LN),
        (12, 25, LN),
        (12, 26, CB),
    ],
    # source: SKB 135/2016, SKB 109/2016, 01/SKB/MENPANRB/04/2016 (14 April 2016), amended by
    # SKB 684/2016, 302/2016, SKB/02/MENPAN-RB/11/2016 (21 November 2016: 1 June, 2 January,
    # 27-30 June); Keppres 3/2017 (Pilkada, 15 February); Keppres 18/2017 (23 June).
    2017: [
        (1, 1, LN),
        (1, 2, CB),
        (1, 28, LN),
        (2, 15, PS),
        (3, 28, LN),
        (4, 14, LN),
        (4, 24, LN),
        (5, 1, LN),
        (5, 11, LN),
        (5, 25, LN),
        (6, 1, LN),
        (6, 23, CB),
        (6, 25, LN),
        (6, 26, LN),
        (6, 27, CB),
        (6, 28, CB),
        (6, 29, CB),
        (6, 30, CB),
        (8, 17, LN),
        (9, 1, LN),
        (9, 21, LN),
        (12, 1, LN),
        (12, 25, LN),
        (12, 26, CB),
    ],
    # source: SKB 707/2017, 256/2017, 01/SKB/MENPAN-RB/09/2017 (22 September 2017), amended by
    # SKB 223/2018, 46/2018, 13/2018 (18 April 2018: 11, 12 and 20 June); Keppres 15/2018
    # (Pilkada, 27 June).
    2018: [
        (1, 1, LN),
        (2, 16, LN),
        (3, 17, LN),
        (3, 30, LN),
        (4, 14, LN),
        (5, 1, LN),
        (5, 10, LN),
        (5, 29, LN),
        (6, 1, LN),
        (6, 11, CB),
        (6, 12, CB),
        (6, 13, CB),
        (6, 14, CB),
        (6, 15, LN),
        (6, 16, LN),
        (6, 18, CB),
        (6, 19, CB),
        (6, 20, CB),
        (6, 27, PS),
        (8, 17, LN),
        (8, 22, LN),
        (9, 11, LN),
        (11, 20, LN),
        (12, 24, CB),
        (12, 25, LN),
    ],
    # source: SKB 617/2018, 262/2018, 16/2018 (2 November 2018): 16 LN, 4 CB; Keppres 10/2019
    # (Pemilu, 17 April).
    2019: [
        (1, 1, LN),
        (2, 5, LN),
        (3, 7, LN),
        (4, 3, LN),
        (4, 17, PS),
        (4, 19, LN),
        (5, 1, LN),
        (5, 19, LN),
        (5, 30, LN),
        (6, 1, LN),
        (6, 3, CB),
        (6, 4, CB),
        (6, 5, LN),
        (6, 6, LN),
        (6, 7, CB),
        (8, 11, LN),
        (8, 17, LN),
        (9, 1, LN),
        (11, 9, LN),
        (12, 24, CB),
        (12, 25, LN),
    ],
}


@pytest.mark.parametrize("year", sorted(YEARS))
def test_every_day_of_the_year(year: int) -> None:
    data = HolidayYear.bundled(year)
    got = [(h.date.month, h.date.day, h.category.value) for h in data.holidays]
    assert got == YEARS[year]
    assert not data.removed
    assert not data.provisional


def test_pancasila_is_a_holiday_from_2017_only() -> None:
    # source: Keppres 24/2016 (1 June 2016), a libur nasional "berlaku mulai 2017"
    # (setkab.go.id, 1 June 2016); SKB 684/2016 adds 1 June 2017.
    assert CAL.is_working_day(D(2016, 6, 1))
    assert not CAL.is_working_day(D(2017, 6, 1))
    assert not CAL.is_working_day(D(2018, 6, 1))
    note = HolidayYear.bundled(2016).python_holidays_notes[D(2016, 6, 1)]
    assert "Keppres 24/2016" in note


def test_voting_days_2017_to_2019_are_non_working() -> None:
    # source: Keppres 3/2017 (15 February 2017), Keppres 15/2018 (27 June 2018),
    # Keppres 10/2019 (17 April 2019): hari pemungutan suara as libur nasional.
    for day, keppres in (
        (D(2017, 2, 15), "Nomor 3 Tahun 2017"),
        (D(2018, 6, 27), "Nomor 15 Tahun 2018"),
        (D(2019, 4, 17), "Nomor 10 Tahun 2019"),
    ):
        (found,) = WITHOUT_CB.non_working_days(day, day)
        assert found.category == PS
        assert found.source is not None
        assert keppres in found.source


def test_23_june_2017_by_keppres() -> None:
    # source: Keppres 18/2017 (15 June 2017): cuti bersama 23, 27-30 June 2017.
    (day,) = CAL.non_working_days(D(2017, 6, 23), D(2017, 6, 23))
    assert day.source is not None
    assert "Nomor 18 Tahun 2017" in day.source
    assert WITHOUT_CB.is_working_day(D(2017, 6, 23))


def test_lebaran_2018_after_the_amendment() -> None:
    # source: SKB 223/2018, 46/2018, 13/2018 (cuti bersama 11-14, 18-20 June 2018), Idul Fitri
    # 15-16 June, Pilkada 27 June (Keppres 15/2018). From Fri 8 June, counted by hand:
    # 21, 22, 25, 26, 28, 29 June, 2, 3, 4, 5 July.
    assert CAL.add_working_days(D(2018, 6, 8), 10) == D(2018, 7, 5)
    # cuti bersama as working days: 11, 12, 13, 14, 18, 19, 20, 21, 22, 25
    assert WITHOUT_CB.add_working_days(D(2018, 6, 8), 10) == D(2018, 6, 25)


def test_lebaran_2016_deadline() -> None:
    # source: SKB 150/2015 (cuti bersama 4, 5, 8 July; Idul Fitri 6-7 July 2016);
    # UU 14/2008 Pasal 22 ayat (7): 10 hari kerja. From Fri 1 July: 11-15, 18-22 July.
    assert CAL.add_working_days(D(2016, 7, 1), 10) == D(2016, 7, 22)


HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email"
)
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def test_a_ten_year_register_computes_every_deadline(tmp_path: Path) -> None:
    # A register of one request on the 1st of every month, January 2016 to December 2025:
    # every receipt and every deadline of the chain falls on decreed days (2016-2026).
    rows = [HEADER]
    for i, (year, month) in enumerate(
        ((y, m) for y in range(2016, 2026) for m in range(1, 13)), start=1
    ):
        rows.append(
            f"{i},KPU Provinsi NTT,Layanan Informasi,Data DPT,1 {BULAN[month - 1]} {year},"
            f"Pemohon {i},,"
        )
    path = tmp_path / "register.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    register = load_register(path, calendar=CAL)
    assert len(register.entries) == 120
    assert register.entries[0].received == D(2016, 1, 1)
    dues = []
    for entry in register.entries:
        assert entry.received is not None
        chain = deadline_chain(entry.received, CAL)
        assert chain.response.due is not None, entry.row
        assert chain.sengketa_filing.due is not None, entry.row
        assert not chain.response.provisional
        dues.append(chain.response.due)
    # 1 January 2016 is a Friday and a holiday: received Mon 4 January (the next working
    # day, the default receipt rule), due 10 working days later.
    assert dues[0] == D(2016, 1, 18)
    # 1 July 2016: Lebaran (see test_lebaran_2016_deadline).
    assert dues[6] == D(2016, 7, 22)
    assert dues[-1] == D(2025, 12, 15)
