"""Opening CSV text: the encodings offices save are read; anything else gets a located error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ppid_core._textio import open_csv_text, sniffed_delimiter, text_note
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
        (
            "No,Nama\n".encode("utf-16-le"),
            "this is UTF-16 text without a byte-order mark; save it as CSV UTF-8",
        ),
        ("No,Nama\n".encode("utf-32"), "this is UTF-32 text; save it as CSV UTF-8"),
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


def test_a_byte_that_is_not_utf8_after_utf8_text_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("No;Nama\n1;Andr\u00e9\n".encode() + b"1;a\n" * 5000 + b"2;Jos\xe9\n")
    assert report_of(path) == f"{path}:5003:6: byte 0xE9 is not UTF-8; save the file as CSV UTF-8"


def test_cp1252_met_while_reading_is_read_and_noted(tmp_path: Path) -> None:
    # issue 10: plain ASCII until row 5,002, then a Windows byte: the file is cp1252
    path = tmp_path / "x.csv"
    path.write_bytes(b"No;Nama\n" + b"1;a\n" * 5000 + "2;Jos\u00e9\n".encode("cp1252"))
    with open_csv_text(path) as fh:
        assert fh.read().endswith("2;Jos\u00e9\n")
        assert (fh.encoding, text_note(fh)) == (
            "cp1252",
            "read as cp1252 (Windows); save as CSV UTF-8 to be sure",
        )


def test_a_nul_byte_past_the_first_bytes_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"No;Nama\n" + b"1;a\n" * 5000 + b"2;J\x00\n")
    assert report_of(path) == f"{path}:5002:4: a NUL byte: this is binary data, not CSV text"


def test_bytes_in_no_encoding_read_here(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"No;Nama\n" + b"1;a\n" * 5000 + b"2;\xe9\x81\n")
    assert report_of(path) == (
        f"{path}:5002:4: byte 0x81 is neither UTF-8 nor Windows text (cp1252); save the file "
        "as CSV UTF-8"
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("No\tNama\r\n1\tJos\u00e9\r\n".encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "No\tNama\r\n1\tJos\u00e9\r\n".encode("utf-16-be"), "utf-16-be"),
        ("No\tNama\r\n1\tJos\u00e9\r\n".encode("cp1252"), "cp1252"),
        ("\ufeffNo\tNama\r\n1\tJos\u00e9\r\n".encode(), "utf-8-sig"),
    ],
)
def test_what_offices_save_reads(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with open_csv_text(path) as fh:
        assert (fh.read(), fh.encoding) == ("No\tNama\r\n1\tJos\u00e9\r\n", encoding)


def test_a_utf16_file_that_breaks_off_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("No,Nama\n".encode("utf-16") + b"\x00")  # an odd byte at the end
    assert report_of(path) == (
        f"{path}:1:1: this is UTF-16 text that cannot be read; save it as CSV UTF-8"
    )
    path.write_bytes("No,Nama\n".encode("utf-16") + "1,a\n".encode("utf-16-le") * 2000 + b"\x00")
    assert report_of(path) == f"{path}: not readable as utf-16-le (truncated data)"


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [
        (["No,Nama", "1,Ana"], ","),
        (["REGISTER 2024;;;", "No;Nama;Nilai", "1;Ana, S.T.;3,5"], ";"),
        (["No\tNama", "1\tBudi, S.T."], "\t"),
        (["No"], ","),
    ],
)
def test_sniffed_delimiter(lines: list[str], delimiter: str) -> None:
    assert sniffed_delimiter(lines) == delimiter


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
