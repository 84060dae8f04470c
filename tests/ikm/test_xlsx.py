"""Excel input: whole-number cells, located errors, trailing empty rows, the extra;
the sheet read (first visible), hidden rows, formulas without a value, damaged files."""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, MissingExtraError, UnknownNameError
from ppid_core.ikm import read_survey

openpyxl = pytest.importorskip("openpyxl")
HEADER = [
    "Persyaratan",
    "Prosedur",
    "Waktu",
    "Biaya",
    "Produk",
    "Kompetensi",
    "Perilaku",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan",
]


def _book(tmp_path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    return path


def test_reads_scores_and_ignores_trailing_empty_rows(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9, [3.0] * 9, [None] * 9, [None] * 9])
    s = read_survey(path, sheet="SKM")
    assert s.respondents == 2
    assert s.tally.totals == (7,) * 9


def test_errors_are_located(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9, [None] * 9, [3.5, *[4] * 8]])
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        f'{path}, sheet "SKM": row 3: empty row',
        f'{path}, sheet "SKM": row 4, column "Persyaratan": \'3.5\' is not an answer',
    ]


def test_unknown_sheet(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9])
    with pytest.raises(UnknownNameError, match=r"no sheet 'Data' in .*; sheets: SKM"):
        read_survey(path, sheet="Data")


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ppid-core\[excel\]'"):
        read_survey("x.xlsx")


def test_the_first_visible_sheet_is_read_and_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "Lama"
    old.append(HEADER)
    old.append([1] * 9)  # a hidden draft that must not be scored
    old.sheet_state = "hidden"
    ws = wb.create_sheet("SKM")
    ws.append(HEADER)
    ws.append([4] * 9)
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    s = read_survey(path)
    assert s.source == f'{path}, sheet "SKM"'
    assert s.tally.totals == (4,) * 9
    assert read_survey(path, sheet="Lama").tally.totals == (1,) * 9


def test_hidden_rows_are_refused_unless_asked(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    ws.append(HEADER)
    for _ in range(4):
        ws.append([4] * 9)
    ws.row_dimensions[3].hidden = True  # e.g. left by a filter
    ws.row_dimensions[4].hidden = True
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert info.value.report() == (
        f'{path}, sheet "SKM": row 3: hidden rows with data: 3-4 (2 rows); unhide and check '
        "them (or delete them), or ask to include hidden rows"
    )
    assert read_survey(path, include_hidden=True).respondents == 4


def test_a_formula_without_a_saved_value_is_not_a_blank_answer(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9, ["=4", *[4] * 8], [3.5, *[4] * 8]])
    with pytest.raises(DataFileError) as info:
        read_survey(path, missing="per_unsur")
    # the formula is reported once (not also as a blank), together with the reader's errors
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        f'{path}, sheet "SKM": row 3, column "Persyaratan": formula without a saved value',
        f'{path}, sheet "SKM": row 4, column "Persyaratan": \'3.5\' is not an answer',
    ]
    assert str(info.value.exceptions[0]).endswith("; open the file in Excel and save it")


def test_a_damaged_workbook_is_a_located_error(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9])
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert info.value.report() == (
        f"{path}: not a readable .xlsx workbook (BadZipFile: File is not a zip file)"
    )


def test_a_worksheet_with_a_merged_title_and_a_two_row_header(tmp_path: Path) -> None:
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    ws.append(["REKAPITULASI SURVEI KEPUASAN MASYARAKAT TAHUN 2024"])
    ws.merge_cells("A1:L1")
    ws.append([])
    ws.append(["No", "Tanggal", "Nilai Unsur Pelayanan", *[None] * 8, "Layanan"])
    ws.append([None, None, *(f"U{i}" for i in range(1, 10)), None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:K3")
    ws.merge_cells("L3:L4")
    ws.append([1, dt.date(2024, 6, 4), 4, 4, 3, 4, 3, 4, 4, 3, 3, "Informasi"])
    when = dt.datetime(2024, 7, 1, 9, 30)  # noqa: DTZ001 - a worksheet's cells are naive
    ws.append([2, when, 3, 3, 3, 4, 3, 3, 3, 2, 3, "Konsultasi"])
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    s = read_survey(path)
    assert (s.header_row, s.respondents) == ("rows 3-4 (two header rows joined)", 2)
    assert s.tally.totals == (7, 7, 6, 8, 6, 7, 7, 6, 5)  # regime order: pengaduan, sarana
    assert s.dates() == [(5, "2024-06-04"), (6, "2024-07-01 09:30")]
    assert s.group_columns == ("No", "Tanggal", "Layanan")
    with pytest.raises(DataFileError) as info:
        read_survey(path, columns={"Layanan": "sarana"})
    assert str(info.value.exceptions[0]) == (
        f'{path}, sheet "SKM": row 3, column "Layanan": ambiguous header: columns '
        "'Nilai Unsur Pelayanan / U8' (question 8 of the standard questionnaire) and "
        "'Layanan' (as mapped) both name unsur 'sarana' (Sarana dan Prasarana); keep one of "
        "them, or say which is which with columns= (--map HEADER=UNSUR)"
    )


def test_a_long_workbook(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Data jawaban SKM"])
    ws.append(["ID Responden", "Pertanyaan", "Jawaban"])
    for who in ("R1", "R2"):
        for q in range(1, 10):
            ws.append([who, f"U{q}", 4 if who == "R1" else "Sangat Baik" if q == 8 else 3])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    s = read_survey(path)
    assert (s.layout, s.header_row, s.respondents) == ("long", "row 2", 2)
    assert s.tally.nrr("sarana") == 4
    assert s.tally.nrr("waktu") == Fraction(7, 2)


def test_an_empty_sheet_and_one_of_blank_rows(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append([None, None])
    path = tmp_path / "blank.xlsx"
    wb.save(path)
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert info.value.report() == (
        f'{path}, sheet "Sheet": row 1: the sheet is empty; expected a header row'
    )
