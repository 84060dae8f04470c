"""Files for spreadsheets: CSV for Excel on an Indonesian Windows, and XLSX workbooks."""

from __future__ import annotations

import datetime as dt
import enum
import io
import sys
import zipfile
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ppid_core import _export
from ppid_core._export import XlsxBook, column_widths, write_xlsx, xlsx_cell
from ppid_core._tables import Table
from ppid_core.calendar import WorkCalendar
from ppid_core.errors import InvalidArgumentError, MissingExtraError, UnknownNameError
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.ikm import Regime, Tally, score
from ppid_core.requests import service_report

openpyxl = pytest.importorskip("openpyxl")


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _written(tables: list[Table], **kwargs: Any) -> Any:
    buf = io.BytesIO()
    write_xlsx(tables, buf, **kwargs)
    return _book(buf.getvalue())


# -- CSV for Excel on an Indonesian Windows -------------------------------------------------

NUMBERS = Table(
    columns=("Unsur", "NRR", "Jumlah", "Selisih", "Tanggal", "Bagian"),
    rows=[
        (
            "Waktu; Biaya",
            Decimal("3.49"),
            523,
            Decimal("-0.50"),
            dt.date(2024, 6, 4),
            Fraction(1, 8),
        ),
        ("=1+1", Decimal("90.670"), 1_000_000, -3, None, 0.25),
    ],
)


def test_excel_id_bytes_are_exact() -> None:
    data = NUMBERS.to_csv(dialect="excel-id").encode("utf-8")
    assert data == (
        b"\xef\xbb\xbfUnsur;NRR;Jumlah;Selisih;Tanggal;Bagian\n"
        b'"Waktu; Biaya";3,49;523;-0,50;2024-06-04;0,125\n'
        b"'=1+1;90,670;1000000;-3;;0,25\n"
    )


def test_the_default_dialect_is_unchanged() -> None:
    assert (
        NUMBERS.to_csv()
        == NUMBERS.to_csv(dialect="excel")
        == (
            "Unsur,NRR,Jumlah,Selisih,Tanggal,Bagian\n"
            "Waktu; Biaya,3.49,523,-0.50,2024-06-04,0.125\n"
            "'=1+1,90.670,1000000,-3,,0.25\n"
        )
    )


def test_only_number_cells_take_the_decimal_comma() -> None:
    t = Table(columns=("Bulan", "Persen"), rows=[("2024.09", "60.0%")])
    assert t.to_csv(dialect="excel-id") == "\ufeffBulan;Persen\n2024.09;60.0%\n"


def test_an_unknown_dialect_is_named() -> None:
    with pytest.raises(
        UnknownNameError, match=r"^unknown CSV dialect 'excel-de'; use one of excel, excel-id$"
    ):
        NUMBERS.to_csv(dialect="excel-de")


def test_results_take_the_dialect() -> None:
    regime = Regime.bundled()
    result = score(
        Tally.from_totals(regime, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150),
        regime,
    )
    text = result.to_csv(dialect="excel-id")
    assert text.startswith("\ufeffNo;Scope;Average score;")
    assert text.splitlines()[-1] == ";IKM (weighted NRR);3,63;90,67;Sangat Baik"
    cal = WorkCalendar.indonesia(zone="WITA")
    report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    assert report.to_csv(dialect="excel-id").startswith(
        "\ufeffsection;item;value\ntotal;total;37\n"
    )
    assert report.to_csv() == report.to_csv(dialect="excel")


# -- XLSX cells ------------------------------------------------------------------------------


NAIVE = dt.datetime.fromisoformat("2024-06-04 23:30")  # a wall-clock time, as Excel holds it


class Colour(enum.Enum):
    RED = "merah"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, (None, None)),
        (True, ("yes", None)),
        (7, (7, None)),
        (-3, (-3, None)),
        (10**15, ("1000000000000000", None)),
        (Decimal("90.60"), (90.6, "0.00")),
        (Decimal("3"), (3.0, "0")),
        (Decimal("0.1000000000000000000001"), ("0.1000000000000000000001", None)),
        (Decimal("NaN"), ("NaN", None)),
        (Fraction(183, 50), (3.66, "0.00")),
        (Fraction(272, 3), (272 / 3, None)),
        (0.25, (0.25, None)),
        (float("inf"), ("inf", None)),
        (dt.date(2024, 6, 4), (dt.date(2024, 6, 4), "yyyy-mm-dd")),
        (NAIVE, (NAIVE, "yyyy-mm-dd hh:mm")),
        (
            dt.datetime(2024, 6, 4, 23, 30, 5, tzinfo=ZoneInfo("Asia/Makassar")),
            (dt.datetime.fromisoformat("2024-06-04 23:30:05"), "yyyy-mm-dd hh:mm:ss"),
        ),
        (dt.time(10, 15), (dt.time(10, 15), "hh:mm")),
        (Colour.RED, ("merah", None)),
        ("=HYPERLINK(1)", ("'=HYPERLINK(1)", None)),
        ("-", ("'-", None)),
        ("a\x07b\x00", ("a\\x07b\\x00", None)),
    ],
)
def test_cells(value: object, expected: tuple[object, str | None]) -> None:
    assert xlsx_cell(value) == expected


def test_text_over_the_cell_limit_is_cut_and_says_so() -> None:
    text, _ = xlsx_cell("x" * 40_000)
    assert isinstance(text, str)
    assert len(text) == _export.EXCEL_MAX_CELL
    assert text.endswith(" … (cut: 40,000 characters; an Excel cell holds 32,767)")


def test_column_widths_are_bounded() -> None:
    assert column_widths(["No", "Keterangan"], [[1, "x" * 100], [dt.date(2024, 1, 1), None]]) == [
        12,
        60,
    ]


# -- workbooks -------------------------------------------------------------------------------


def test_a_table_reads_back_with_real_cells() -> None:
    table = Table(
        columns=("Bulan", "Jumlah", "NRR", "Diterima", "Unit"),
        rows=[
            ("2024-09", 10, Decimal("3.66"), dt.date(2024, 9, 2), "=cmd|' /C calc'!A0"),
            ("2024-10", 3, Decimal("90.60"), dt.datetime.fromisoformat("2024-10-01 08:05"), "KPU"),
        ],
        title="Permohonan per bulan",
    )
    ws = _written([table]).active
    assert ws.title == "Permohonan per bulan"
    assert ws.freeze_panes == "A3"
    assert [c.value for c in ws[1]][:1] == ["Permohonan per bulan"]
    assert [ws[c].font.b for c in ("A1", "A2", "E2")] == [True, True, True]
    assert not ws["A3"].font.b
    assert [c.value for c in ws[2]] == ["Bulan", "Jumlah", "NRR", "Diterima", "Unit"]
    assert [c.value for c in ws[3]] == [
        "2024-09",
        10,
        3.66,
        dt.datetime.fromisoformat("2024-09-02"),
        "'=cmd|' /C calc'!A0",
    ]
    assert (ws["B3"].data_type, ws["C3"].data_type) == ("n", "n")
    assert (ws["C4"].value, ws["C4"].number_format) == (90.6, "0.00")
    assert (ws["D3"].is_date, ws["D3"].number_format) == (True, "yyyy-mm-dd")
    assert ws["D4"].value == dt.datetime.fromisoformat("2024-10-01 08:05")
    assert ws["D4"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["E3"].data_type == "s"
    assert ws.column_dimensions["A"].width == 9
    assert ws.column_dimensions["E"].width == 20


def test_a_table_without_title_freezes_its_header() -> None:
    ws = _written([Table(columns=("a",), rows=[(1,)])]).active
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["a"]


def test_sheet_names_are_cleaned_cut_and_unique() -> None:
    long = "Melewati batas waktu per 2025-01-06: [semua]?"
    tables = [Table(columns=("a",), rows=[], title=t) for t in (long, long, "", "''")]
    book = _written(tables)
    assert book.sheetnames == [
        "Melewati batas waktu per 2025-0",
        "Melewati batas waktu per 20 (2)",
        "Table",
        "Table (2)",
    ]
    assert all(len(n) <= 31 for n in book.sheetnames)


def test_names_choose_the_sheets() -> None:
    book = _written([Table(columns=("a",), rows=[], title="x")], names=["Ringkasan"])
    assert book.sheetnames == ["Ringkasan"]


def test_an_empty_workbook_still_has_a_sheet() -> None:
    assert _written([]).sheetnames == ["Empty"]


def test_a_table_longer_than_a_sheet_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_export, "EXCEL_MAX_ROWS", 4)
    table = Table(columns=("a",), rows=[(i,) for i in range(3)], title="Panjang")
    with pytest.raises(
        InvalidArgumentError,
        match=r"^table 'Panjang' has 3 rows; an Excel sheet holds 2 under its header: "
        r"write it as CSV$",
    ):
        write_xlsx([table], io.BytesIO())


def test_without_openpyxl_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ppid-core\[excel\]'"):
        write_xlsx([], io.BytesIO())


def test_a_path_is_written(tmp_path: Any) -> None:
    path = tmp_path / "t.xlsx"
    write_xlsx([Table(columns=("a",), rows=[(1,)])], path)
    assert _book(path.read_bytes()).active["A2"].value == 1


# -- streamed rows ---------------------------------------------------------------------------


def _streamed(count: int, rows: list[tuple[int | str | None, ...]]) -> Any:
    book = XlsxBook()
    sheet = book.sheet("Grid", widths=[8, 8, 8], freeze=1)
    sheet.add(("No", "U1", "Nama"), bold=True)
    sheet.stream(iter(rows), count)
    sheet.add(("Jumlah", Decimal("7.50")), bold=True)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_streamed_rows_stand_between_the_rows_around_them() -> None:
    data = _streamed(3, [(1, 4, "=A"), (2, None, "<b>&"), (3, 3, None)])
    ws = _book(data).active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["No", "U1", "Nama"],
        [1, 4, "'=A"],
        [2, None, "<b>&"],
        [3, 3, None],
        ["Jumlah", 7.5, None],
    ]
    assert (ws["A5"].font.b, ws["B5"].number_format) == (True, "0.00")
    assert ws.freeze_panes == "A2"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "ppid-core-rows" not in xml
    assert '<row r="5"><c r="A5"' in xml


def test_an_empty_stream_leaves_no_row() -> None:
    ws = _book(_streamed(0, [])).active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["No", "U1", "Nama"],
        ["Jumlah", 7.5, None],
    ]


@pytest.mark.parametrize("rows", [[(1, 2)], [(1, 2), (2, 3), (3, 4)]])
def test_a_stream_of_another_length_is_an_error(rows: list[tuple[int, int]]) -> None:
    with pytest.raises(InvalidArgumentError, match=r"^expected 2 rows to write, got [13]$"):
        _streamed(2, rows)  # type: ignore[arg-type]


def test_a_full_sheet_refuses_more_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_export, "EXCEL_MAX_ROWS", 3)
    book = XlsxBook()
    sheet = book.sheet("Grid")
    sheet.add(("No",))
    with pytest.raises(
        InvalidArgumentError, match=r"^sheet 'Grid' is full: an Excel sheet holds 3 rows$"
    ):
        sheet.stream(iter([]), 3)
    sheet.stream(iter([(1,), (2,)]), 2)
    with pytest.raises(InvalidArgumentError, match="is full"):
        sheet.add((4,))
    book.save(io.BytesIO())  # a sheet begun is closed by saving its workbook


# -- results ---------------------------------------------------------------------------------


def test_the_service_report_as_a_workbook() -> None:
    cal = WorkCalendar.indonesia(zone="WITA")
    report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    buf = io.BytesIO()
    report.to_xlsx(buf)
    book = _book(buf.getvalue())
    assert book.sheetnames[0] == "Summary"  # "Ringkasan" with --lang id
    assert book.sheetnames[1:] == [_export_name(t.title or "") for t in report.tables()]
    summary = book["Summary"]
    assert [c.value for c in summary[3]] == ["Source", "kpu_ntt_2024.csv"]
    assert [c.value for c in summary[7]] == ["Number of requests", 37]
    assert summary["B5"].value == dt.datetime.fromisoformat("2025-01-06")
    assert summary["B5"].is_date
    months = book["Requests per month"]
    assert [c.value for c in months[2]] == ["Month", "Count"]
    rows = {r[0].value: r[1].value for r in months.iter_rows(min_row=3)}
    assert rows["2024-09"] == 10
    assert months["B3"].data_type == "n"


def _export_name(title: str) -> str:
    return title[:31].rstrip()


def test_an_ikm_result_as_a_workbook() -> None:
    regime = Regime.bundled()
    result = score(
        Tally.from_totals(regime, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150),
        regime,
    )
    buf = io.BytesIO()
    result.to_xlsx(buf)
    ws = _book(buf.getvalue()).active
    assert [c.value for c in ws[2]] == [
        "No",
        "Scope",
        "Average score",
        "Converted interval score",
        "Kinerja",
    ]
    assert [c.value for c in ws[3]] == [1, "Persyaratan", 3.66, 91.5, "Sangat Baik"]
    assert ws["D3"].number_format == "0.00"
    assert [c.value for c in ws[12]] == [None, "IKM (weighted NRR)", 3.63, 90.67, "Sangat Baik"]
