"""Opening CSV text: workbooks, UTF-16, binary and non-UTF-8 bytes get located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core._textio import open_csv_text
from ppid_core.errors import DataFileError


def report_of(path: Path) -> str:
    with pytest.raises(DataFileError) as exc, open_csv_text(path) as fh:
        fh.read()
    return exc.value.report()


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (
            b"PK\x03\x04rest",
            "this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name",
        ),
        (
            b"\xd0\xcf\x11\xe0rest",
            "this is an old Excel .xls workbook, not CSV text; save it as .xlsx or as CSV UTF-8",
        ),
        ("No,Nama\n".encode("utf-16"), "this is UTF-16 text; save it as CSV UTF-8"),
    ],
)
def test_what_is_not_csv_text(tmp_path: Path, head: bytes, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(head)
    assert report_of(path) == f"{path}:1:1: {message}"


def test_nul_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"No,Nama\n1,a\x00b\n")
    assert report_of(path) == f"{path}:2:4: a NUL byte: this is binary data, not CSV text"


def test_cp1252_byte_met_while_reading_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"No;Nama\n" + b"1;a\n" * 5000 + "2;Jos\u00e9\n".encode("cp1252"))
    assert report_of(path) == (f"{path}:5002:6: byte 0xE9 is not UTF-8; save the file as CSV UTF-8")


def test_utf8_with_bom_reads(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("\ufeffNo,Nama\n1,Jos\u00e9\n".encode())
    with open_csv_text(path) as fh:
        assert fh.read() == "No,Nama\n1,Jos\u00e9\n"


def test_a_csv_error_the_reader_lets_through_is_a_located_error(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "x.csv"
    path.write_text('a,b\n"' + "x" * (csv.field_size_limit() + 1) + '",1\n', encoding="utf-8")
    with pytest.raises(DataFileError) as exc, open_csv_text(path) as fh:
        list(csv.reader(fh))
    assert exc.value.report() == (
        f"{path}: not readable as CSV (field larger than field limit ({csv.field_size_limit()}))"
    )
