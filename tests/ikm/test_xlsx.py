"""Excel input: whole-number cells, located errors, trailing empty rows, the extra."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, MissingExtraError, UnknownNameError
from ppid_core.ikm import read_xlsx

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
    s = read_xlsx(path, sheet="SKM")
    assert s.respondents == 2
    assert s.tally.totals == (7,) * 9


def test_errors_are_located(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9, [None] * 9, [3.5, *[4] * 8]])
    with pytest.raises(DataFileError) as info:
        read_xlsx(path)
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        f"{path}: row 3: empty row",
        f"{path}: row 4, column \"Persyaratan\": '3.5' is not an answer",
    ]


def test_unknown_sheet(tmp_path: Path) -> None:
    path = _book(tmp_path, [[4] * 9])
    with pytest.raises(UnknownNameError, match=r"no sheet 'Data' in .*; sheets: SKM"):
        read_xlsx(path, sheet="Data")


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ppid-core\[excel\]'"):
        read_xlsx("x.xlsx")
