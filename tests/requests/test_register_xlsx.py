"""XLSX registers: the sheet read, hidden rows, formulas, times of day, damaged files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.requests import load_register
from ppid_core.requests._register_xlsx import xlsx_rows
from tests.requests.test_register import HEADER as REGISTER_HEADER

openpyxl = pytest.importorskip("openpyxl")

HEADER = REGISTER_HEADER.split(",")  # the seed's layout


def entry(no: int, received: object) -> list[object]:
    return [no, "KPU Provinsi NTT", "Layanan Informasi", "Data DPT", received, "Ana", None, None]


def workbook(tmp_path: Path, rows: list[list[object]], *, hidden_first: bool = False) -> Any:
    wb = openpyxl.Workbook()
    if hidden_first:
        draft = wb.active
        draft.title = "Draf"
        draft.append(["No"])
        draft.sheet_state = "hidden"
        ws = wb.create_sheet("2024")
    else:
        ws = wb.active
        ws.title = "2024"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    return wb, ws


def save(tmp_path: Path, wb: Any) -> Path:
    path = tmp_path / "register.xlsx"
    wb.save(path)
    return path


def test_rows_say_which_sheet_they_come_from(tmp_path: Path) -> None:
    wb, _ = workbook(tmp_path, [entry(1, dt.date(2024, 9, 3))], hidden_first=True)
    path = save(tmp_path, wb)
    rows = xlsx_rows(path)
    assert (rows.name, rows.hidden_sheets) == ("2024", ("Draf",))
    assert rows.source == 'register.xlsx, sheet "2024"'  # the file's name, as for CSV
    assert list(rows)[1][:5] == ["1", "KPU Provinsi NTT", "Layanan Informasi", "Data DPT",
                                 "2024-09-03"]  # fmt: skip
    assert xlsx_rows(path, "Draf").name == "Draf"  # a named sheet, hidden or not


def test_the_hidden_first_sheet_is_not_the_register(tmp_path: Path) -> None:
    wb, _ = workbook(tmp_path, [entry(1, dt.date(2024, 9, 3))], hidden_first=True)
    reg = load_register(save(tmp_path, wb))
    assert [e.received for e in reg.entries] == [dt.date(2024, 9, 3)]


def test_unknown_sheet(tmp_path: Path) -> None:
    wb, _ = workbook(tmp_path, [])
    with pytest.raises(UnknownNameError) as info:
        xlsx_rows(save(tmp_path, wb), "2025")
    assert str(info.value) == "no sheet '2025' in register.xlsx; sheets: 2024"


def test_a_received_time_of_day_is_kept(tmp_path: Path) -> None:
    late = dt.datetime.fromisoformat("2024-06-04 23:30")  # Excel keeps wall-clock time
    wb, _ = workbook(tmp_path, [entry(1, late), entry(2, dt.date(2024, 6, 5))])
    with xlsx_rows(save(tmp_path, wb)) as rows:
        assert [r[4] for r in rows] == [HEADER[4], "2024-06-04 23:30", "2024-06-05"]


def test_hidden_rows_are_refused_at_the_end_of_the_sheet(tmp_path: Path) -> None:
    wb, ws = workbook(tmp_path, [entry(i, dt.date(2024, 9, 3)) for i in range(1, 6)])
    ws.row_dimensions[4].hidden = True
    path = save(tmp_path, wb)
    with pytest.raises(DataFileError) as info:
        load_register(path)
    assert info.value.report() == (
        'register.xlsx, sheet "2024": row 4: hidden row with data; unhide and check it '
        "(or delete it), or ask to include hidden rows"
    )
    with xlsx_rows(path, include_hidden=True) as rows:
        assert len(list(rows)) == 6


def test_deferred_errors_are_left_for_the_register(tmp_path: Path) -> None:
    wb, _ = workbook(tmp_path, [entry(1, "=TODAY()")])
    rows = xlsx_rows(save(tmp_path, wb), defer_errors=True)
    assert [r[4] for r in rows] == [HEADER[4], ""]
    assert [str(e) for e in rows.errors] == [
        'register.xlsx, sheet "2024": row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "formula without a saved value; open the file in Excel and save it"
    ]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "the file is empty"),
        (b"No;Unit\n1;KPU\n", "not a zip archive, which an .xlsx file is"),
        (b"PK\x03\x04" + bytes(100), "BadZipFile: File is not a zip file"),
    ],
)
def test_a_damaged_register_is_one_located_error(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(data)
    with pytest.raises(DataFileError) as info:
        load_register(path)
    assert info.value.report() == f"register.xlsx: not a readable .xlsx workbook ({why})"
