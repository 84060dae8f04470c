"""One sheet of a workbook as text rows: visible sheets, hidden rows, formulas, damaged files."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ppid_core._xlsx import FORMULA_WITHOUT_VALUE, cell_text, open_sheet
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError

openpyxl = pytest.importorskip("openpyxl")


def book(tmp_path: Path, *sheets: tuple[str, list[list[object]]], name: str = "b.xlsx") -> Path:
    """A workbook with the given sheets (name, rows), saved."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def naive(text: str) -> dt.datetime:
    """A wall-clock datetime, as Excel stores it (a workbook has no time zones)."""
    return dt.datetime.fromisoformat(text)


def save(tmp_path: Path, wb: Any, name: str = "b.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def rewrite(path: Path, part: str, edit: Any) -> None:
    """Rewrite one part of the zip archive with ``edit(text) -> text``."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[part] = edit(parts[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def report(path: Path, **options: Any) -> str:
    with pytest.raises(DataFileError) as info, open_sheet(path, **options) as rows:
        list(rows)
    return info.value.report()


# -- which sheet ----------------------------------------------------------------------------


def test_hidden_first_sheet_is_passed_over_and_the_sheet_read_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "Lama"
    old.append(["not this"])
    old.sheet_state = "hidden"
    wb.create_sheet("Rahasia").sheet_state = "veryHidden"
    wb.create_sheet("Data").append(["this"])
    path = save(tmp_path, wb)
    with open_sheet(path) as rows:
        assert rows.name == "Data"
        assert rows.hidden_sheets == ("Lama", "Rahasia")
        assert rows.source == f'{path}, sheet "Data"'
        assert list(rows) == [["this"]]


def test_a_named_sheet_is_read_even_when_hidden_and_case_is_forgiven(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active.append(["visible"])
    hidden = wb.create_sheet("Lama")
    hidden.append(["hidden"])
    hidden.sheet_state = "hidden"
    path = save(tmp_path, wb)
    with open_sheet(path, sheet="lama") as rows:
        assert rows.name == "Lama"
        assert list(rows) == [["hidden"]]


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = book(tmp_path, ("SKM", [["a"]]), ("Rekap", [["b"]]))
    with pytest.raises(UnknownNameError) as info:
        open_sheet(path, sheet="Data", source="b.xlsx")
    assert str(info.value) == "no sheet 'Data' in b.xlsx; sheets: SKM, Rekap"


def test_a_workbook_without_a_visible_sheet_is_refused(tmp_path: Path) -> None:
    path = book(tmp_path, ("Only", [["a"]]))
    rewrite(path, "xl/workbook.xml", lambda t: t.replace('state="visible"', 'state="hidden"'))
    assert report(path, source="b.xlsx") == (
        "b.xlsx: not a readable .xlsx workbook (it has no visible worksheet)"
    )


# -- rows and cells -------------------------------------------------------------------------


def test_rows_keep_their_spreadsheet_numbers_and_the_header_width(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B2"] = "No"  # row 1 is not in the file at all
    ws["C2"] = "Nama"
    ws["D2"] = "Email"
    ws["B5"] = 3.0  # rows 3 and 4 neither
    ws["E6"] = "x"
    path = save(tmp_path, wb)
    with open_sheet(path) as rows:
        assert list(rows) == [
            [],
            ["", "No", "Nama", "Email"],
            ["", "", "", ""],
            ["", "", "", ""],
            ["", "3", "", ""],  # as wide as the header, though its last cell is B5
            ["", "", "", "", "x"],
        ]


def test_a_date_with_a_time_keeps_the_time(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        (
            "R",
            [
                [naive("2024-06-04 23:30"), naive("2024-06-04"), dt.date(2024, 6, 5)],
                [naive("2024-06-04 07:05:09"), dt.time(7, 45), 81317161339.0],
            ],
        ),
    )
    with open_sheet(path) as rows:
        assert list(rows) == [
            ["2024-06-04 23:30", "2024-06-04", "2024-06-05"],
            ["2024-06-04 07:05:09", "07:45", "81317161339"],
        ]


def test_cell_text() -> None:
    assert [cell_text(v) for v in (None, True, 4, 4.0, 3.5, "x", dt.time(0))] == [
        "",
        "True",
        "4",
        "4",
        "3.5",
        "x",
        "00:00",
    ]


def test_the_workbook_is_read_in_read_only_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.reader import excel

    seen: list[dict[str, object]] = []
    real = excel.ExcelReader

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return real(*args, **kwargs)

    path = book(tmp_path, ("S", [["a"]]))
    monkeypatch.setattr(excel, "ExcelReader", spy)
    with open_sheet(path) as rows:
        assert list(rows) == [["a"]]
    assert seen == [{"read_only": True, "data_only": True, "keep_links": False}]


def test_rows_stream(tmp_path: Path) -> None:
    # the first row comes before the rest of the sheet is parsed: a damage at its end shows
    # only when the reader gets there
    path = book(tmp_path, ("S", [[i] for i in range(1, 2001)]))
    rewrite(path, "xl/worksheets/sheet1.xml", lambda t: t.replace("</sheetData>", "<row r="))
    with open_sheet(path) as rows:
        it = iter(rows)
        assert next(it) == ["1"]
        with pytest.raises(DataFileError):
            list(it)


# -- hidden rows ----------------------------------------------------------------------------


def hidden_rows_book(tmp_path: Path, hidden: list[int]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    ws.append(["No", "Nilai"])
    for i in range(1, 60):  # rows 2-60
        ws.append([i, 4])
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    ws.row_dimensions[65].hidden = True  # hidden but empty: formatting, not data
    return save(tmp_path, wb)


def test_one_hidden_row_is_refused(tmp_path: Path) -> None:
    path = hidden_rows_book(tmp_path, [7])
    assert report(path, source="b.xlsx") == (
        'b.xlsx, sheet "SKM": row 7: hidden row with data; unhide and check it '
        "(or delete it), or ask to include hidden rows"
    )


def test_hidden_rows_are_listed_as_ranges(tmp_path: Path) -> None:
    path = hidden_rows_book(tmp_path, [3, 4, 5, 9, 30])
    assert report(path, source="b.xlsx") == (
        'b.xlsx, sheet "SKM": row 3: hidden rows with data: 3-5, 9, 30 (5 rows); unhide and '
        "check them (or delete them), or ask to include hidden rows"
    )


def test_many_hidden_rows_are_summarised(tmp_path: Path) -> None:
    path = hidden_rows_book(tmp_path, [*range(2, 45, 2), 50, 51])  # 23 ranges
    text = report(path, source="b.xlsx")
    assert text.startswith('b.xlsx, sheet "SKM": row 2: hidden rows with data: 2, 4, 6,')
    assert ", 38, 40 and 4 more (24 rows); unhide" in text


def test_hidden_rows_are_read_when_asked(tmp_path: Path) -> None:
    path = hidden_rows_book(tmp_path, [3, 4])
    with open_sheet(path, include_hidden=True) as rows:
        assert len([r for r in rows if any(r)]) == 60
        assert rows.errors == []
        assert rows.hidden_rows == [3, 4]


# -- formulas -------------------------------------------------------------------------------


def formula_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    ws.append(["U1", "U2", "Total"])
    ws.append([4, 3, "=A2+B2"])
    ws.append([4, 4, "=A3+B3"])
    return save(tmp_path, wb)


def test_a_formula_without_a_saved_value_is_an_error_not_a_blank(tmp_path: Path) -> None:
    path = formula_book(tmp_path)  # openpyxl never calculates: no saved values
    assert report(path, source="b.xlsx") == "\n".join(
        f'b.xlsx, sheet "SKM": row {r}, column "Total": {FORMULA_WITHOUT_VALUE}' for r in (2, 3)
    )
    assert FORMULA_WITHOUT_VALUE == (
        "formula without a saved value; open the file in Excel and save it"
    )


def test_a_formula_with_a_saved_value_reads_as_the_value(tmp_path: Path) -> None:
    path = formula_book(tmp_path)
    sheet = "xl/worksheets/sheet1.xml"
    rewrite(path, sheet, lambda t: re.sub(r"<v\s*/>|<v></v>", "<v>7</v>", t, count=1))
    # a formula whose saved result is the empty text (="") is a blank, as Excel writes it
    rewrite(path, sheet, lambda t: re.sub(r'<c r="C3">', '<c r="C3" t="str">', t))
    with open_sheet(path) as rows:
        assert list(rows) == [["U1", "U2", "Total"], ["4", "3", "7"], ["4", "4", ""]]


def test_deferred_errors_merge_with_the_readers_own(tmp_path: Path) -> None:
    path = formula_book(tmp_path)
    with open_sheet(path, defer_errors=True, source="b.xlsx") as rows:
        assert len(list(rows)) == 3
        theirs = [
            # the reader calls the formula's blank empty: the sheet already said why
            LocatedError("empty", source=rows.source, row=2, field="Total"),
            LocatedError("not a score", source=rows.source, row=3, field="U1"),
        ]
        with pytest.raises(DataFileError) as info:
            rows.raise_errors(theirs)
    assert info.value.report().splitlines() == [
        f'b.xlsx, sheet "SKM": row 2, column "Total": {FORMULA_WITHOUT_VALUE}',
        f'b.xlsx, sheet "SKM": row 3, column "Total": {FORMULA_WITHOUT_VALUE}',
        'b.xlsx, sheet "SKM": row 3, column "U1": not a score',
    ]


# -- damaged files --------------------------------------------------------------------------


def good_bytes(tmp_path: Path) -> bytes:
    rows: list[list[object]] = [["No", "Nama"], *([i, f"nama {i}"] for i in range(300))]
    return book(tmp_path, ("S", rows), name="good.xlsx").read_bytes()


def damaged(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "x.xlsx"
    data = good_bytes(tmp_path)
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not a zip":
        path.write_bytes(b"No,Nama\n1,Ana\n")
    elif kind == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "corrupt deflate":
        with zipfile.ZipFile(tmp_path / "good.xlsx") as z:
            info = z.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename) + 40
        path.write_bytes(data[:start] + bytes(64) + data[start + 64 :])
    elif kind == "zip without a workbook":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
    elif kind in {"bad sheet xml", "bad number"}:
        path.write_bytes(data)
        edit = (
            (lambda t: t.replace("<sheetData>", "<sheetData><row><c>", 1))
            if kind == "bad sheet xml"
            else (lambda t: t.replace("<v>5</v>", "<v>Budi Santoso</v>", 1))
        )
        rewrite(path, "xl/worksheets/sheet1.xml", edit)
    return path


@pytest.mark.parametrize(
    ("kind", "why"),
    [
        ("empty", "the file is empty"),
        ("not a zip", "not a zip archive, which an .xlsx file is"),
        ("xls", "an old Excel .xls workbook; save it as .xlsx"),
        ("truncated", "BadZipFile: File is not a zip file"),
        ("corrupt deflate", "zlib.error: Error -3 while decompressing data: *"),
        (
            "zip without a workbook",
            "KeyError: \"There is no item named '[Content_Types].xml' in the archive\"",
        ),
        ("bad sheet xml", "ParseError: mismatched tag: line 1, column *"),
        ("bad number", "cell A7 holds a value its type does not allow"),
    ],
)
def test_a_damaged_workbook_is_one_located_error(tmp_path: Path, kind: str, why: str) -> None:
    path = damaged(tmp_path, kind)
    text = report(path, source="x.xlsx")
    where = (
        'x.xlsx, sheet "S"'
        if kind in {"corrupt deflate", "bad sheet xml", "bad number"}
        else "x.xlsx"
    )
    expected = f"{where}: not a readable .xlsx workbook ({why})"
    assert re.fullmatch(re.escape(expected).replace(r"\*", ".+"), text), text
    assert "Budi" not in text  # a cell is never quoted


def test_importing_the_reader_loads_neither_openpyxl_nor_the_xml_parser() -> None:
    # the workbook parts (ppid_core._xlsx_book) are imported when a workbook is opened
    code = (
        "import sys, ppid_core._xlsx; "
        "print(sorted(m for m in sys.modules if m.startswith(('openpyxl', 'xml.etree', "
        "'ppid_core._xlsx_book'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_sheet_can_be_read_twice_and_closes_after_each_read(tmp_path: Path) -> None:
    path = book(tmp_path, ("S", [["a", "b"], [1, 2]]))
    rows = open_sheet(path)
    assert list(rows) == [["a", "b"], ["1", "2"]]
    assert list(rows) == [["a", "b"], ["1", "2"]]  # opened again by the second iteration
    rows.close()  # closing a closed sheet does nothing
