"""Encodings and delimiters of the CSV files offices send, from real bytes."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core._encoding import (
    CP1252_NOTE,
    HEAD_BYTES,
    Detected,
    detect_encoding,
    sniff_delimiter,
)
from tests.property.strategies import budget

# Excel on an Indonesian Windows, "CSV (Comma delimited)": cp1252, ";" between cells,
# decimal commas, CRLF; "é" is 0xE9 and the en dash 0x96
EXCEL_ID = (
    "REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2024;;;\r\n"
    "No;Nama;Informasi yang diminta;Nilai\r\n"
    "1;André Lado;Rekap data 2020 – 2022;3,5\r\n"
    '2;"Santoso; Budi";Profil kantor;4\r\n'
).encode("cp1252")
# Excel "Unicode Text": UTF-16 LE with its byte-order mark, tabs between cells
EXCEL_UNICODE = codecs.BOM_UTF16_LE + (
    "No\tNama\tInformasi yang diminta\r\n1\tAndré Lado\tData DPT, per TPS\r\n"
).encode("utf-16-le")
# Excel "CSV UTF-8": a byte-order mark, then UTF-8
EXCEL_UTF8 = codecs.BOM_UTF8 + "No,Nama,Informasi\r\n1,André,“Profil”\r\n".encode()


def test_indonesian_excel_csv() -> None:
    assert EXCEL_ID[EXCEL_ID.index(b"Andr") + 4] == 0xE9  # the byte Excel wrote
    found = detect_encoding(EXCEL_ID)
    assert found == Detected(
        encoding="cp1252",
        bom_length=0,
        note="read as cp1252 (Windows); save as CSV UTF-8 to be sure",
    )
    assert found.note == CP1252_NOTE
    text = EXCEL_ID.decode(found.encoding)
    assert "André Lado" in text
    assert "2020 – 2022" in text
    assert sniff_delimiter(text.splitlines()) == ";"


def test_excel_unicode_text() -> None:
    found = detect_encoding(EXCEL_UNICODE)
    assert found == Detected(encoding="utf-16-le", bom_length=2, note=None)
    text = EXCEL_UNICODE[found.bom_length :].decode(found.encoding)
    assert text.startswith("No\tNama")
    assert sniff_delimiter(text.splitlines()) == "\t"


def test_utf16_big_endian() -> None:
    data = codecs.BOM_UTF16_BE + "No;Nama\n1;Ana\n".encode("utf-16-be")
    assert detect_encoding(data) == Detected(encoding="utf-16-be", bom_length=2)


def test_excel_csv_utf8() -> None:
    assert detect_encoding(EXCEL_UTF8) == Detected(encoding="utf-8", bom_length=3)
    text = EXCEL_UTF8[3:].decode("utf-8")
    assert sniff_delimiter(text.splitlines(keepends=True)) == ","


def test_a_utf8_mark_is_believed() -> None:
    # a byte that is not UTF-8 after the mark is an error at that byte (the caller's), not
    # a reason to read the file as something else
    data = codecs.BOM_UTF8 + "No;André\n".encode("cp1252")
    assert detect_encoding(data) == Detected(encoding="utf-8", bom_length=3)


def test_utf8_without_bom_and_ascii() -> None:
    assert detect_encoding("No,Nama\n1,André\n".encode()) == Detected(encoding="utf-8")
    assert detect_encoding(b"No,Nama\n1,Ana\n") == Detected(encoding="utf-8")
    assert detect_encoding(b"") == Detected(encoding="utf-8")


def test_utf8_cut_inside_a_character() -> None:
    # the first 4 KiB of a UTF-8 file may end inside a character: still UTF-8
    data = ("No,Nama\n" + "1,André Lado Ñ\n" * 400).encode()
    for cut in range(HEAD_BYTES - 4, HEAD_BYTES + 1):
        assert detect_encoding(data[:cut]) == Detected(encoding="utf-8"), cut
    head = "é".encode()[:1]
    assert detect_encoding(b"No,Nama\n1," + head) == Detected(encoding="utf-8")
    # ... unless the bytes are the whole file: then the cut character is an error, and
    # 0xC3 alone reads as cp1252 "Ã"
    assert detect_encoding(b"No,Nama\n1," + head, whole=True) == Detected(
        encoding="cp1252", note=CP1252_NOTE
    )
    # UTF-16 cut inside a code unit, or between the halves of a surrogate pair
    wide = codecs.BOM_UTF16_LE + "No\t😀\n".encode("utf-16-le")
    for cut in range(2, len(wide)):
        assert detect_encoding(wide[:cut]) == Detected(encoding="utf-16-le", bom_length=2), cut


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("png", bytes.fromhex("89504e470d0a1a0a0000000d49484452")),
        ("gzip", bytes.fromhex("1f8b0800000000000003")),
        ("xlsx (zip)", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
        ("xls (OLE)", bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 8),
        ("pdf with binary", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<\x00>>"),
        ("utf-16 without its mark", "No,Nama\n".encode("utf-16-le")),
        ("utf-32 with its mark", codecs.BOM_UTF32_LE + "No,Nama\n".encode("utf-32-le")),
        ("utf-8 with a NUL", b"No,Nama\n1,\x00\n"),
        ("utf-8 mark, then binary", codecs.BOM_UTF8 + b"No;\x00\x01\n"),
        ("bytes cp1252 leaves undefined", b"No;Nama\n1;\x81\x8d\x8f\x90\x9d\n"),
        ("utf-16 mark, then binary", codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00"),
    ],
)
def test_none_for_what_is_not_text(name: str, data: bytes) -> None:
    assert detect_encoding(data) is None, name


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["No,Nama,Kota", "1,Ana,Kupang"], ","),
        (["No;Nama;Nilai", "1;Ana;3,5", "2;Budi;4,25"], ";"),
        (["No\tNama\tKota", "1\tAna, S.T.\tKupang"], "\t"),
        # quotes: a delimiter inside a quoted cell does not count, also over two lines
        (["No,Nama,Catatan", '1,"Santoso; Budi","a;b;c"', '2,Ana,"baris satu', 'dua; tiga"'], ","),
        # a title above the table and blank lines are left out
        (["REGISTER PERMOHONAN 2024", "", "No;Tgl;Nama", "1;3 Juni 2024;Ana"], ";"),
        # a title with a comma above a ";" table: most records agree on ";"
        (["Register, tahun 2024", "No;Tgl;Nama", "1;3 Juni 2024;Ana", "2;4 Juni;Budi"], ";"),
        # Excel pads a title row with delimiters to the table's width
        (["REGISTER 2024;;;", "No;Tgl;Nama;Nilai", "1;3 Juni 2024;Ana;3,5"], ";"),
        # line ends kept, as splitlines(keepends=True) gives them
        (["No;Nama\r\n", "1;Ana\r\n"], ";"),
        # one column, nothing, or a tie: the caller decides
        (["Nama", "Ana", "Budi"], None),
        ([], None),
        (["No;Nama,Kota", "1;Ana,Kupang"], None),
    ],
)
def test_sniff_delimiter(lines: list[str], expected: str | None) -> None:
    assert sniff_delimiter(lines) == expected


def test_sniff_delimiter_survives_what_csv_refuses() -> None:
    # a cell over the csv module's field size limit (a quote left open) is no exception
    long_cell = '"' + "x" * (csv.field_size_limit() + 1)
    assert sniff_delimiter(["No;Nama", f"1;{long_cell}"]) is None


# -- laws --------------------------------------------------------------------------------------

# text as files hold it: no control characters but tab, CR and LF, no lone surrogates
texts = st.text(
    st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\r\n"),
    max_size=300,
).filter(lambda t: not t.startswith("\ufeff"))


@pytest.mark.property
@given(
    text=texts,
    form=st.sampled_from(
        [
            ("utf-8", b""),
            ("utf-8", codecs.BOM_UTF8),
            ("utf-16-le", codecs.BOM_UTF16_LE),
            ("utf-16-be", codecs.BOM_UTF16_BE),
        ]
    ),
)
def test_encoded_text_is_detected_and_decodes_back(text: str, form: tuple[str, bytes]) -> None:
    encoding, bom = form
    data = bom + text.encode(encoding)
    found = detect_encoding(data, whole=True)
    assert found == Detected(encoding=encoding, bom_length=len(bom))
    assert data[found.bom_length :].decode(found.encoding) == text


@pytest.mark.property
@budget(0.5)
@given(text=texts, form=st.sampled_from(["utf-8", "utf-16-le"]), cut=st.integers(0, 1200))
def test_the_first_bytes_of_encoded_text_are_detected(text: str, form: str, cut: int) -> None:
    # a head cut anywhere, inside a character too, is still detected as its encoding
    bom = codecs.BOM_UTF8 if form == "utf-8" else codecs.BOM_UTF16_LE
    data = bom + text.encode(form)
    found = detect_encoding(data[: len(bom) + cut])
    assert found is not None
    assert found.encoding == form


@pytest.mark.property
@given(data=st.data(), delimiter=st.sampled_from([",", ";", "\t"]))
def test_a_written_table_is_sniffed_by_its_delimiter(data: st.DataObject, delimiter: str) -> None:
    # a table the csv module writes (quoting what needs it: its delimiter, quotes, line
    # breaks in a cell) whose cells hold no other candidate, is sniffed by its delimiter
    cell = st.text(
        st.characters(categories=["L", "Nd", "Zs"], include_characters=f'"\n{delimiter}'),
        max_size=8,
    )
    width = data.draw(st.integers(2, 6))
    rows = data.draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    assert sniff_delimiter(out.getvalue().splitlines()) == delimiter
