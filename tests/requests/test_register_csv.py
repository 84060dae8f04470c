"""Reading a CSV register: whatever the bytes, a register or a located error, never a traceback.

Issue 9: located errors for what is not text. Issue 10: the encodings and delimiters offices
save (UTF-8 with or without a byte-order mark, UTF-16 "Unicode Text", Windows cp1252 with
``;``) read; the first 30 rows, where the header is looked for, are held to the header's
limit.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable
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
ROWS_30 = "\n".join([ROW] * 30)  # rows 2-31: past them, rows are held to the row limit


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
            f"{HEADER}\n{ROW}\n".encode("utf-16-le"),  # no byte-order mark
            "register.csv:1:1: this is UTF-16 text without a byte-order mark; save it as CSV UTF-8",
        ),
        (
            b"No,\x00\x01\x02",
            "register.csv:1:4: a NUL byte: this is binary data, not CSV text",
        ),
        (
            b"No,Nama\n1,\x07\n",
            "register.csv:2:3: a control character (0x07): this is binary data, not CSV text",
        ),
        (
            f"{HEADER}\n".encode() + b"1,KPU,Konsultasi,Data \x81,4 Juni 2024,Ana,,\n",
            "register.csv:2:23: byte 0x81 is neither UTF-8 nor Windows text (cp1252); save the "
            "file as CSV UTF-8",
        ),
        (
            "\ufeffNo,Nama\n1,Andr\u00e9\n".encode() + b"2,Jos\xe9\n",
            "register.csv:3:6: byte 0xE9 is not UTF-8; save the file as CSV UTF-8",
        ),
        (
            "No,Nama\n".encode("utf-32"),
            "register.csv:1:1: this is UTF-32 text; save it as CSV UTF-8",
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
    ids=[
        "utf-16-no-bom",
        "binary",
        "control",
        "neither",
        "utf-8-then-not",
        "utf-32",
        "xls",
        "xlsx-renamed",
    ],
)
def test_what_is_no_text_read_here(tmp_path: Path, data: bytes, message: str) -> None:
    assert report_of(tmp_path, data) == message


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode(), "utf-8"),
        (lambda text: "\ufeff".encode() + text.encode(), "utf-8"),
        (lambda text: text.encode("utf-16"), "utf-16-le"),
        (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16-be"),
        (lambda text: text.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "cp1252"],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_encodings_and_delimiters_offices_save(
    tmp_path: Path, encode: Callable[[str], bytes], encoding: str, delimiter: str
) -> None:
    row = ROW.replace("Ana", "Andr\u00e9 \u2013 Lado")  # an accent and an en dash
    text = f"{HEADER}\r\n{row}\r\n".replace(",", delimiter)
    path = tmp_path / "register.csv"
    path.write_bytes(encode(text))
    reg = load_register(path)
    assert reg.names == ("Andr\u00e9 \u2013 Lado",)
    assert reg.encoding == encoding
    guessed = "read as cp1252 (Windows); save as CSV UTF-8 to be sure" in reg.notes
    assert guessed == (encoding == "cp1252")


def test_a_windows_file_is_read_whatever_row_its_first_accent_is_in(tmp_path: Path) -> None:
    # the first 4,096 bytes are plain ASCII; the first cp1252 byte is in row 3,000
    rows = [ROW.replace("1,", f"{n},", 1) for n in range(1, 3000)]
    data = f"{HEADER}\n" + "\n".join(rows) + "\n3000,KPU,Konsultasi,Data,4 Juni 2024,Jos\u00e9,,\n"
    path = tmp_path / "register.csv"
    path.write_bytes(data.encode("cp1252"))
    reg = load_register(path)
    assert (len(reg), reg.names[-1], reg.encoding) == (3000, "Jos\u00e9", "cp1252")


def test_an_indonesian_excel_csv_reads(tmp_path: Path) -> None:
    # Excel on an Indonesian Windows: cp1252, ";" between cells, a title row, upper case
    data = (
        "REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2024;;;;;;;\r\n;;;;;;;\r\n"
        + HEADER.upper().replace(",", ";")
        + "\r\n1;KPU;Konsultasi;Data \u2013 DPT;04/06/2024 10:15;Andr\u00e9;;\r\n"
    ).encode("cp1252")
    path = tmp_path / "register.csv"
    path.write_bytes(data)
    reg = load_register(path)
    assert (reg.information, reg.names) == (("Data \u2013 DPT",), ("Andr\u00e9",))
    assert (reg.received_times, reg.header_row, reg.layout) == ((dt.time(10, 15),), "row 3", "kpu")
    assert reg.notes[:2] == (
        "read as cp1252 (Windows); save as CSV UTF-8 to be sure",
        "row above the header not read (a title, notes): 1",
    )


def test_cell_over_the_csv_field_limit(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    data = f'{HEADER}\n{ROWS_30}\n2,KPU,"{"x" * (limit + 1)}",Data,4 Juni 2024,Ana,,\n'.encode()
    assert report_of(tmp_path, data) == (
        f"register.csv: row 32: a cell is longer than {limit:,} characters (a quote left open "
        f"runs to the next quote, over rows?); expected shorter cells; {NOT_READ}"
    )


def test_quote_left_open_reports_the_rows_before_it(tmp_path: Path) -> None:
    rows = [ROW.replace("4 Juni 2024", ""), '3,KPU,"Konsultasi,Data,4 Juni 2024,Ana,,']
    rows += [ROW] * 20_000  # swallowed by the open quote
    data = "\n".join([HEADER, *rows]).encode()
    assert report_of(tmp_path, data).splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
        "register.csv: row 3: the row is longer than 65,536 characters, the most for the first "
        "30 rows, where the header is looked for (a quote left open runs to the next quote, "
        f"over rows?); expected a shorter row; {NOT_READ}",
    ]
    data = "\n".join([HEADER, ROWS_30, *rows]).encode()
    assert report_of(tmp_path, data).splitlines() == [
        'register.csv: row 32, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
        "register.csv: row 33: a cell is longer than 131,072 characters (a quote left open "
        f"runs to the next quote, over rows?); expected shorter cells; {NOT_READ}",
    ]


def test_bare_cr_in_an_unquoted_cell_ends_the_row(tmp_path: Path) -> None:
    # the csv module reads a lone CR as a line break (as spreadsheets do): the row is split
    # in two, and both halves are reported; never a _csv.Error
    data = f"{HEADER}\n1,KPU,Kon\rsultasi,Data,4 Juni 2024,Ana,,\n".encode()
    assert report_of(tmp_path, data).splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
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
    data = f"{HEADER}\n{ROWS_30}\n{wide}\n{ROW}\n".encode()
    assert report_of(tmp_path, data) == (
        "register.csv: row 32: the row is longer than 1,048,576 characters (a quote left open "
        f"runs to the next quote, over rows?); expected a shorter row; {NOT_READ}"
    )


def test_row_at_the_limit_is_read(tmp_path: Path) -> None:
    wide = ROW + "," * (MAX_ROW_CHARS - len(ROW) - 1)  # the line end makes it the limit
    path = tmp_path / "register.csv"
    path.write_text(f"{HEADER}\n{ROWS_30}\n{wide}\n", encoding="utf-8")
    assert len(load_register(path)) == 31


def test_rows_where_the_header_is_looked_for_have_the_header_limit(tmp_path: Path) -> None:
    at = ROW + "," * (MAX_HEADER_CHARS - len(ROW) - 1)
    path = tmp_path / "register.csv"
    path.write_text(f"{HEADER}\n{at}\n", encoding="utf-8")
    assert len(load_register(path)) == 1
    assert report_of(tmp_path, f"{HEADER}\n{at},\n".encode()) == (
        "register.csv: row 2: the row is longer than 65,536 characters, the most for the first "
        "30 rows, where the header is looked for (a quote left open runs to the next quote, "
        f"over rows?); expected a shorter row; {NOT_READ}"
    )


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
    path.write_bytes(f"{HEADER}\n{ROW}\n".encode("utf-16-le"))
    assert main(["register", "report", str(path)]) == 1
    assert capsys.readouterr().err == (
        "register.csv:1:1: this is UTF-16 text without a byte-order mark; save it as CSV UTF-8\n"
    )
