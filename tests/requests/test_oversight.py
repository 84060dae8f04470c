"""Oversight of the PPID Pelaksana: golden figures of the embedded example, worked by hand.

source: the embedded example registers (fictitious) of four KPU kabupaten/kota in NTT,
``ppid_core/examples/requests/oversight/registers/``. Working days are counted by hand
on the 2024 calendar: October and early November 2024 have no holiday (SKB 2024), so
only weekends are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.examples.requests.oversight import example_folder, example_units
from ppid_core.requests import OversightTable, UnitSummary, load_register, oversight

CAL = WorkCalendar.indonesia(zone="NTT")
ON = dt.date(2024, 12, 31)
HEAD = "No,Unit Kerja Tempat Mengurus Layanan Publik,Tanggal/Bulan/Tahun Mengurus Layanan"


def table(**kwargs: object) -> OversightTable:
    return oversight(example_folder(), on=ON, calendar=CAL, **kwargs)  # type: ignore[arg-type]


def test_golden_units() -> None:
    t = table()
    by_unit = {u.unit: u.summary for u in t.units}
    assert list(by_unit) == [
        "KPU Kabupaten Alor",
        "KPU Kabupaten Kupang",
        "kpu_kabupaten_lembata",
        "KPU Kota Kupang",
    ]
    kab = by_unit["KPU Kabupaten Kupang"]
    # 1 Oct (Tue) -> 3 Oct: 2, 3 Oct = 2; 7 Oct (Mon) -> 21 Oct: 8-11, 14-18, 21 = 10;
    # 8 Oct (Tue) -> 25 Oct: 9-11, 14-18, 21-25 = 13 (extension sent 18 Oct).
    assert kab.response_days.pairs == ((2, 1), (10, 1), (13, 1))
    assert (kab.requests, kab.answered, kab.within(10), kab.within(17)) == (5, 3, 2, 3)
    assert kab.median == 10
    # 1 Nov (Fri) + 10 working days = 15 Nov: overdue on 31 Dec; 23 Dec: due in 2025.
    assert (kab.open, kab.overdue, kab.overdue_unknown) == (2, 1, 0)
    kota = by_unit["KPU Kota Kupang"]
    # 2 Sep (Mon) -> 4 Sep = 2; 2 Oct (Wed) -> 9 Oct: 3, 4, 7, 8, 9 = 5;
    # 14 Oct (Mon) -> 14 Nov: 15-18, 21-25, 28-31, 1, 4-8, 11-14 = 4+5+4+1+5+4 = 23.
    assert kota.response_days.pairs == ((2, 1), (5, 1), (23, 1))
    assert (kota.within(10), kota.within(17), kota.overdue) == (2, 2, 1)
    assert kota.median == 5
    alor = by_unit["KPU Kabupaten Alor"]  # no response-date column: timing unknown
    assert (alor.requests, alor.timed, alor.untimed, alor.median) == (3, 0, 3, None)
    assert by_unit["kpu_kabupaten_lembata"] == UnitSummary()
    # total: days 2, 2, 5, 10, 13, 23: the median of six is (5 + 10) / 2
    assert t.total.requests == 12
    assert t.total.median == Fraction(15, 2)
    assert t.total.share_within(10) == Fraction(4, 6)
    assert t.total.share_within(17) == Fraction(5, 6)
    assert t.total == UnitSummary.merge(u.summary for u in t.units)


def test_golden_json() -> None:
    data = json.loads(table().to_json())
    assert data["total"] == 12
    assert [(u["unit"], u["requests"]) for u in data["units"]][1] == ("KPU Kabupaten Kupang", 5)
    kota = data["units"][3]
    assert kota["within_10_percent"] == 66.67
    assert kota["within_10_exact"] == "2/3"
    assert kota["median_days"] == 5
    assert data["units"][0]["answered"] is None  # Alor: unknown, never 0
    assert data["all_units"]["median_days"] == 7.5
    assert data["not_reported"] == ["kpu_kabupaten_lembata"]


def test_expected_units_list_the_silent_ones() -> None:
    t = table(units=example_units())
    assert len(t.units) == 22
    assert [u.unit for u in t.units][:2] == ["KPU Kota Kupang", "KPU Kabupaten Kupang"]
    lembata = next(u for u in t.units if u.unit == "KPU Kabupaten Lembata")
    assert not lembata.reported
    assert lembata.remark() == "did not report (empty register)"
    assert lembata.sources == ("kpu_kabupaten_lembata.csv",)
    belu = next(u for u in t.units if u.unit == "KPU Kabupaten Belu")
    assert (belu.reported, belu.remark(), belu.sources) == (False, "did not report", ())
    assert sum(not u.reported for u in t.units) == 19
    assert '"KPU Kabupaten Lembata" reported nothing' in " ".join(t.notes)


def test_monthly_rekapitulasi() -> None:
    t = table(by="month", year=2024)
    assert t.months is not None
    assert len(t.months) == 12 * 4
    october = {m.unit: m.summary for m in t.months if m.month == "2024-10"}
    assert october["KPU Kabupaten Kupang"].response_days.pairs == ((2, 1), (10, 1), (13, 1))
    assert october["KPU Kota Kupang"].requests == 2
    assert october["KPU Kabupaten Alor"].requests == 1
    november = {m.unit: m.summary for m in t.months if m.month == "2024-11"}
    assert november["KPU Kabupaten Kupang"].overdue == 1
    # the months add up to each unit's year
    for row in t.units:
        months = [m.summary for m in t.months if m.unit == row.unit]
        assert UnitSummary.merge(months) == row.summary
    assert t.tables()[1].title == "Monthly rekapitulasi of the information service, year 2024"
    assert t.to_csv().startswith("Month,Unit,Requests,")


def test_a_file_with_several_units_is_split(tmp_path: Path) -> None:
    path = tmp_path / "gabungan.csv"
    path.write_text(
        f"{HEAD}\n1,KPU Kabupaten Ende,4 Juni 2024\n2,KPU Kabupaten Sikka,5 Juni 2024\n"
        "3,KPU KAB. ENDE,6 Juni 2024\n4,,7 Juni 2024\n",
        encoding="utf-8",
    )
    t = oversight([path], on=ON, calendar=CAL)
    assert [(u.unit, u.summary.requests) for u in t.units] == [
        ("KPU Kabupaten Ende", 1),
        ("KPU KAB. ENDE", 1),
        ("KPU Kabupaten Sikka", 1),
        ("(unit tidak dicatat)", 1),
    ] or [(u.unit, u.summary.requests) for u in t.units] == [
        ("KPU KAB. ENDE", 1),
        ("KPU Kabupaten Ende", 1),
        ("KPU Kabupaten Sikka", 1),
        ("(unit tidak dicatat)", 1),
    ]
    assert (
        'gabungan.csv: 1 request without a unit (row 5), counted under "(unit tidak '
        'dicatat)"' in t.notes
    )


def test_folded_names_are_one_unit(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f"{HEAD}\n1,KPU Kabupaten Ende,4 Juni 2024\n", "utf-8")
    (tmp_path / "b.csv").write_text(f"{HEAD}\n1,kpu  kabupaten ende,5 Juni 2024\n", "utf-8")
    t = oversight(tmp_path, on=ON, calendar=CAL)
    assert [(u.unit, u.summary.requests, u.sources) for u in t.units] == [
        ("KPU Kabupaten Ende", 2, ("a.csv", "b.csv"))
    ]
    assert (
        'b.csv: unit "kpu  kabupaten ende" counted as "KPU Kabupaten Ende" (the same name folded)'
        in t.notes
    )


def test_a_file_without_unit_column_is_named_by_its_file(tmp_path: Path) -> None:
    path = tmp_path / "kpu_kab_ende.csv"
    path.write_text("No,Tanggal/Bulan/Tahun Mengurus Layanan\n1,4 Juni 2024\n", "utf-8")
    t = oversight(path, on=ON, calendar=CAL)
    assert [u.unit for u in t.units] == ["kpu_kab_ende"]
    assert (
        "kpu_kab_ende.csv: no unit column; its requests are counted under the file's name "
        '"kpu_kab_ende"' in t.notes
    )
    # with the expected list, the file's name matches the unit folded
    t = oversight(path, on=ON, calendar=CAL, units=["KPU Kab Ende"])
    assert [(u.unit, u.summary.requests) for u in t.units] == [("KPU Kab Ende", 1)]


def test_order_of_inputs_does_not_matter() -> None:
    files = sorted(example_folder().glob("*.csv"))
    one = oversight(files, on=ON, calendar=CAL, by="month")
    two = oversight(files[::-1], on=ON, calendar=CAL, by="month")
    assert one == two


def test_registers_given_as_objects() -> None:
    regs = [load_register(p, calendar=CAL) for p in sorted(example_folder().glob("*.csv"))]
    assert oversight(regs, on=ON, calendar=CAL).to_dict() == table().to_dict()


def test_each_unit_keeps_its_zone(tmp_path: Path) -> None:
    # An app stored 08:30 UTC on Friday 4 October 2024: 15:30 in WIB, before closing time
    # (received that Friday); 17:30 in WIT, after closing time (received Monday 7 October).
    # Answered Friday 18 October: 10 working days in WIB, 9 in WIT.
    text = (
        "No,Unit Kerja Tempat Mengurus Layanan Publik,Tanggal/Bulan/Tahun Mengurus Layanan,"
        "Tanggal Tanggapan\n1,{unit},2024-10-04 08:30,2024-10-18\n"
    )
    (tmp_path / "barat.csv").write_text(text.format(unit="KPU Barat"), "utf-8")
    (tmp_path / "timur.csv").write_text(text.format(unit="KPU Timur"), "utf-8")
    t = oversight(
        tmp_path,
        on=ON,
        calendar=CAL,
        source_zone="UTC",
        zones={"barat.csv": "WIB", "timur.csv": "WIT"},
    )
    days = {u.unit: (u.summary.response_days.pairs, u.zones) for u in t.units}
    assert days == {
        "KPU Barat": (((10, 1),), ("Asia/Jakarta",)),
        "KPU Timur": (((9, 1),), ("Asia/Jayapura",)),
    }
    assert "timur.csv: read in zone Asia/Jayapura (zone map)" in t.notes


def test_year_filter_is_noted(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f"{HEAD}\n1,KPU A,4 Juni 2024\n2,KPU A,5 Juni 2023\n", "utf-8")
    t = oversight(tmp_path, on=ON, calendar=CAL, year=2024)
    assert t.total.requests == 1
    assert "a.csv: 1 request outside 2024 not counted" in t.notes


def test_bad_by_and_duplicate_expected_units() -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"^by must be one of 'year', 'month', got 'week'$"
    ):
        table(by="week")
    with pytest.raises(
        InvalidArgumentError,
        match=r"^unit 'kpu kota kupang' is expected twice \(as 'KPU Kota Kupang'\); list it once$",
    ):
        table(units=["KPU Kota Kupang", "kpu kota kupang"])


def test_every_file_error_at_once(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "catatan.txt").write_text("-", "utf-8")
    (tmp_path / "a.csv").write_text(f"{HEAD}\n1,KPU A,32 Juni 2024\n", "utf-8")
    (tmp_path / "b.csv").write_bytes(b"PK\x03\x04 not a workbook")
    (tmp_path / "c.csv").write_text(f"{HEAD}\n1,KPU C,4 Juni 2024\n", "utf-8")
    with pytest.raises(DataFileError) as info:
        oversight([tmp_path / "empty", tmp_path, tmp_path / "none.csv"], on=ON, calendar=CAL)
    err = info.value
    assert str(err) == "4 of 5 inputs cannot be read: 4 errors"
    assert err.report().splitlines() == [
        f"{tmp_path / 'empty'}: no register file in this folder; expected .csv, .xlsx or "
        ".xlsm files, one per unit",
        "a.csv: row 2, column \"Tanggal/Bulan/Tahun Mengurus Layanan\": '32 Juni 2024' is "
        "not a valid date (day is out of range for month)",
        "b.csv:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name",
        f"{tmp_path / 'none.csv'}: cannot be read: No such file or directory",
    ]


def test_unit_summary_laws_by_example() -> None:
    a = UnitSummary(requests=2, timed=2, response_days=((3, 1), (1, 1)))
    assert a.response_days.pairs == ((1, 1), (3, 1))  # canonical: sorted by days
    assert a.median == 2
    assert UnitSummary(requests=1, timed=1, response_days=((4, 1),)).median == 4
    assert UnitSummary().median is None
    assert UnitSummary().share_within(10) is None
    assert a + UnitSummary() == a == UnitSummary() + a


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"requests": -1}, "requests must be a whole number of 0 or more, got -1"),
        ({"requests": 1, "timed": 2}, r"timed \(2\) cannot exceed requests \(1\)"),
        (
            {"requests": 1, "timed": 1, "response_days": ((2, 1),), "open": 1},
            r"answered \(1\) and open \(1\) requests cannot exceed the timed ones \(1\)",
        ),
        (
            {"requests": 1, "timed": 1, "open": 1, "overdue": 1, "overdue_unknown": 1},
            r"overdue \(1\) and undecidable \(1\) requests cannot exceed the open ones \(1\)",
        ),
        (
            {"response_days": ((-1, 1),)},
            r"response days must be whole numbers of 0 or more, got -1",
        ),
        (
            {"response_days": ((1, 1.5),)},
            r"a histogram count must be a whole number of 0 or more, got 1.5",
        ),
    ],
)
def test_unit_summary_refuses_impossible_counts(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=f"^{message}$"):
        UnitSummary(**kwargs)  # type: ignore[arg-type]


def test_xlsx_has_the_tables_and_the_notes(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "pengawasan.xlsx"
    table(by="month").to_xlsx(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Oversight", "Monthly rekapitulasi", "Notes"]
    assert "KPU Kabupaten Alor" in [c.value for c in book["Oversight"]["A"]]
