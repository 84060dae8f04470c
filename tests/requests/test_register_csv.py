"""Reading a CSV register: whatever the bytes, a located error and never a traceback (issue 9)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.errors import DataFileError
from ppid_core.requests import load_register
from ppid_core.requests._register_csv import MAX_HEADER_CHARS, MAX_ROW_CHARS

HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email"
)
ROW = "1,KPU,Konsultasi,Data,4 Juni 2024,Ana,,"
NOT_READ = "the file was not read past this row"


def report_of(tmp_path: Path, data: bytes, name: str = "register.csv") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataFileError) as info:
        load_register(path)
    return info.value.report()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            f"{HEADER}\n{ROW.replace('Ana', 'Ana Ç')}\n".encode("cp1252"),
            "register.csv:2:39: byte 0xC7 is not UTF-8; save the file as CSV UTF-8",
        ),
        (
            f"{HEADER}\n{ROW}\n".encode("utf-16"),
            "register.csv:1:1: this is UTF-16 text; save it as CSV UTF-8",
        ),
        (
            b"No,\x00\x01\x02",
            "register.csv:1:4: a NUL byte: this is binary data, not CSV text",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            "register.csv:1:1: this is an old Excel .xls workbook, not CSV text; save it as "
            ".xlsx or as CSV UTF-8",
        ),
        (
            b"PK\x03\x04" + bytes(64),
            "register.csv:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it "
            "its .xlsx name",
        ),
    ],
    ids=["cp1252", "utf-16", "binary", "xls", "xlsx-renamed"],
)
def test_not_utf8_text(tmp_path: Path, data: bytes, message: str) -> None:
    assert report_of(tmp_path, data) == message


def test_cell_over_the_csv_field_limit(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    data = f'{HEADER}\n{ROW}\n2,KPU,"{"x" * (limit + 1)}",Data,4 Juni 2024,Ana,,\n'.encode()
    assert report_of(tmp_path, data) == (
        f"register.csv: row 3: a cell is longer than {limit:,} characters (a quote left open "
        f"runs to the next quote, over rows?); expected shorter cells; {NOT_READ}"
    )


def test_quote_left_open_reports_the_rows_before_it(tmp_path: Path) -> None:
    rows = [ROW.replace("Ana", ""), '3,KPU,"Konsultasi,Data,4 Juni 2024,Ana,,']
    rows += [ROW] * 20_000  # swallowed by the open quote
    data = "\n".join([HEADER, *rows]).encode()
    assert report_of(tmp_path, data).splitlines() == [
        'register.csv: row 2, column "Nama Pengguna Layanan": empty; a value is required',
        "register.csv: row 3: a cell is longer than 131,072 characters (a quote left open "
        f"runs to the next quote, over rows?); expected shorter cells; {NOT_READ}",
    ]


def test_bare_cr_in_an_unquoted_cell_ends_the_row(tmp_path: Path) -> None:
    # the csv module reads a lone CR as a line break (as spreadsheets do): the row is split
    # in two, and both halves are reported; never a _csv.Error
    data = f"{HEADER}\n1,KPU,Kon\rsultasi,Data,4 Juni 2024,Ana,,\n".encode()
    assert report_of(tmp_path, data).splitlines() == [
        'register.csv: row 2, column "Nama Layanan yang diterima": empty; a value is required',
        'register.csv: row 2, column "Nama Pengguna Layanan": empty; a value is required',
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
        'register.csv: row 3, column "Nama Pengguna Layanan": empty; a value is required',
        'register.csv: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
    ]


def test_bare_cr_inside_quotes_is_part_of_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(f'{HEADER}\n1,KPU,Konsultasi,"Data\rDPT",4 Juni 2024,Ana,,\n'.encode())
    assert load_register(path).information == ("Data\rDPT",)


def test_header_over_the_limit(tmp_path: Path) -> None:
    # issue 9: a 100 MB CSV whose one line is the header took 92 s and 6.1 GB
    data = (HEADER + "," * MAX_HEADER_CHARS + "\n" + ROW + "\n").encode()
    assert report_of(tmp_path, data) == (
        "register.csv: row 1: the header row is longer than 65,536 characters; expected the "
        "register's column names (its header has about 200); the file was not read"
    )


def test_header_over_the_limit_across_lines(tmp_path: Path) -> None:
    cell = '"' + "x\n" * (MAX_HEADER_CHARS // 2 + 1) + '"'
    data = f"{HEADER},{cell}\n{ROW}\n".encode()
    assert report_of(tmp_path, data) == (
        "register.csv: row 1: the header row is longer than 65,536 characters (a quote left "
        f"open runs to the next quote, over rows?); expected a shorter header row; {NOT_READ}"
    )


def test_row_over_the_limit(tmp_path: Path) -> None:
    wide = ROW + ",x" * (MAX_ROW_CHARS // 2)
    data = f"{HEADER}\n{ROW}\n{wide}\n{ROW}\n".encode()
    assert report_of(tmp_path, data) == (
        "register.csv: row 3: the row is longer than 1,048,576 characters (a quote left open "
        f"runs to the next quote, over rows?); expected a shorter row; {NOT_READ}"
    )


def test_row_at_the_limit_is_read(tmp_path: Path) -> None:
    wide = ROW + "," * (MAX_ROW_CHARS - len(ROW) - 1)  # the line end makes it the limit
    path = tmp_path / "register.csv"
    path.write_text(f"{HEADER}\n{wide}\n", encoding="utf-8")
    assert load_register(path).numbers == ("1",)


def test_semicolon_csv_shift_is_explained(tmp_path: Path) -> None:
    header = HEADER.replace(",", ";")
    row = "1;KPU;Konsultasi;Data;4 Juni 2024;Budi; S.T.;085339672120;budi@example.org"
    assert report_of(tmp_path, f"{header}\n{row}\n".encode()) == (
        "register.csv: row 2: 9 cells; the header has 8 (cell 9, 'b***@example.org' (masked), "
        "is under no column); a semicolon inside a cell (a degree after a name: 'Nama, S.T.') "
        "splits the cell and shifts the cells after it: put such a cell in double quotes"
    )


def test_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(f"\ufeff{HEADER}\n{ROW}\n".encode())
    assert load_register(path).numbers == ("1",)


def test_cli_exit_1_with_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(f"{HEADER}\n{ROW}\n".encode("utf-16"))
    assert main(["register", "report", str(path)]) == 1
    assert capsys.readouterr().err == (
        "register.csv:1:1: this is UTF-16 text; save it as CSV UTF-8\n"
    )
