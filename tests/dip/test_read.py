"""Reading a DIP: the layout, and the exact message of every kind of bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ppid_core.dip import Category, Form, load_dip, parse_dip
from ppid_core.errors import DataFileError

GOOD = """\
unit: KPU Kota Contoh
established: 2024-01-15
items:
  - number: 1
    summary: Profil KPU Kota Contoh
    holder: Sub Bagian Umum
    responsible: Sekretaris
    created: 2024, Kota Contoh
    form: [tercetak, elektronik]
    retention: 5 tahun
    category: berkala
    wajib: [pasal-9-2-a]
    url: https://example.org/profil
    updated: 2024-07-01
  - number: "2.1"
    summary: Data pribadi pemilih
    holder: Divisi Data
    responsible: PPID
    created: 2024, Kota Contoh
    form: elektronik
    retention: 5 tahun
    category: dikecualikan
"""

BAD = """\
unit: KPU Kota Contoh
colour: blue
items:
  - number: 1
    summary: Profil
    holder: Sub Bagian Umum
    responsible: Sekretaris
    created: 2024, Kota Contoh
    form: tercetak
    retention: 5 tahun
    category: rahasia
    updated: 2024-02-30
  - number: 1
    summary: Laporan keuangan
    holder: Sub Bagian Keuangan
    responsible: Sekretaris
    created: 2024, Kota Contoh
    form: [tercetak, digital, tercetak]
    retention: 10 tahun
    category: berkala
    url: ftp://example.org/lk
    uji_konsekuensi: SK 1/2024
    updated: 2024-06
"""


def errors(text: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_dip(text, source="dip.yaml")
    return [str(e) for e in info.value.exceptions]


def test_good_file_reads_every_column() -> None:
    dip = parse_dip(GOOD, source="dip.yaml")
    assert dip.unit == "KPU Kota Contoh"
    assert dip.established == dt.date(2024, 1, 15)
    first, second = dip.items
    assert first.number == "1"
    assert first.summary == "Profil KPU Kota Contoh"
    assert first.holder == "Sub Bagian Umum"
    assert first.responsible == "Sekretaris"
    assert first.created == "2024, Kota Contoh"
    assert first.form == (Form.PRINTED, Form.ELECTRONIC)
    assert first.retention == "5 tahun"
    assert first.category is Category.BERKALA
    assert first.wajib == ("pasal-9-2-a",)
    assert first.url == "https://example.org/profil"
    assert first.updated == dt.date(2024, 7, 1)
    assert second.number == "2.1"
    assert second.category is Category.DIKECUALIKAN
    assert (second.url, second.updated, second.uji_konsekuensi, second.wajib) == (
        None,
        None,
        None,
        (),
    )
    assert dip.item("2.1") is second
    assert dip.item("3") is None


def test_dikecualikan_without_uji_konsekuensi_loads() -> None:
    # It is a finding of check_dip, not a load error.
    assert parse_dip(GOOD).items[1].uji_konsekuensi is None


def test_every_error_of_a_bad_file_at_once() -> None:
    assert errors(BAD) == [
        "dip.yaml:2:1 ($.colour): unknown field 'colour'; expected one of: established, "
        "items, unit",
        "dip.yaml:11:15 ($.items[0].category): unknown value 'rahasia'; expected one of: "
        "berkala, dikecualikan, serta_merta, setiap_saat",
        "dip.yaml:12:14 ($.items[0].updated): 2024-02-30 is not a valid date "
        "(day is out of range for month)",
        "dip.yaml:13:13 ($.items[1].number): duplicate number '1' (first at line 4)",
        "dip.yaml:18:22 ($.items[1].form[1]): unknown value 'digital'; expected one of: "
        "elektronik, tercetak",
        "dip.yaml:18:31 ($.items[1].form[2]): 'tercetak' is listed twice",
        "dip.yaml:21:10 ($.items[1].url): expected an http:// or https:// address, "
        "got 'ftp://example.org/lk'",
        "dip.yaml:22:22 ($.items[1].uji_konsekuensi): uji_konsekuensi applies to category "
        "dikecualikan only; this item is berkala",
        "dip.yaml:23:14 ($.items[1].updated): expected a date as YYYY-MM-DD, got '2024-06'",
    ]


def test_missing_fields_and_empty_items() -> None:
    assert errors("unit: X\nitems: []\n") == ["dip.yaml:2:8 ($.items): expected at least one item"]
    assert errors("items:\n  - number: 1\n") == [
        "dip.yaml:1:1 ($): missing required field 'unit'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'summary'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'holder'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'responsible'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'created'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'form'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'retention'",
        "dip.yaml:2:5 ($.items[0]): missing required field 'category'",
    ]


def test_duplicate_key_and_multiline_number() -> None:
    twice = "    category: berkala\n    category: berkala"
    text = GOOD.replace("    category: berkala", twice, 1)
    assert errors(text) == [
        "dip.yaml:12:5 ($.items[0].category): duplicate key 'category' (first at line 11)"
    ]
    text = GOOD.replace('number: "2.1"', 'number: "2\\n1"')
    assert errors(text) == [
        "dip.yaml:15:13 ($.items[1].number): expected one line of text, found U+000A "
        "(a tab or line break)"
    ]


def test_duplicate_number_is_found_even_when_the_item_has_other_errors() -> None:
    text = GOOD.replace('number: "2.1"', "number: 1").replace(
        "category: dikecualikan", "category: x"
    )
    assert errors(text) == [
        "dip.yaml:15:13 ($.items[1].number): duplicate number '1' (first at line 4)",
        "dip.yaml:22:15 ($.items[1].category): unknown value 'x'; expected one of: "
        "berkala, dikecualikan, serta_merta, setiap_saat",
    ]


def test_load_from_path_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "dip.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_dip(path) == parse_dip(GOOD)
    assert load_dip(path).source == str(path)
    assert load_dip(GOOD.encode(), source="x.yaml").source == "x.yaml"


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "dip.yaml"
    path.write_bytes(GOOD.replace("Profil", "Pr\xf6fil").encode("cp1252"))
    with pytest.raises(DataFileError) as info:
        load_dip(path)
    assert "not UTF-8" in str(info.value.exceptions[0])


def test_messages_do_not_repeat_holder_or_responsible() -> None:
    # A post can be a person's name: text fields are never quoted in a message.
    text = GOOD.replace("responsible: Sekretaris", "responsible: [Budi Santoso]", 1)
    assert errors(text) == ["dip.yaml:7:18 ($.items[0].responsible): expected text, got a list"]


def test_text_over_the_size_limit_is_refused_unread() -> None:
    text = "unit: x\n" + "#" * (10 * 1024 * 1024)
    assert errors(text) == [
        "dip.yaml:1:1: the text is over 10 MiB; a DIP file may be at most 10,485,760 bytes"
    ]


NUMBER = (
    "expected a positive whole number or a dotted code such as 1.2.3 (at most five parts, "
    "each from 1 to 99999)"
)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("-3", "'-3'"),
        ("0", "'0'"),
        ("99999999999999999999999999", "'99999999999999999999999999'"),
        ("100000", "'100000'"),
        ("'1.2.3.4.5.6'", "'1.2.3.4.5.6'"),
        ("'1..2'", "'1..2'"),
        ("'01'", "'01'"),
        ("1.0", "'1.0'"),
        ("satu", "'satu'"),
    ],
)
def test_a_number_is_a_positive_whole_number_or_a_dotted_code(written: str, shown: str) -> None:
    text = GOOD.replace("number: 1", f"number: {written}")
    assert errors(text) == [f"dip.yaml:4:13 ($.items[0].number): {NUMBER}, got {shown}"]


@pytest.mark.parametrize("written", ["1", "99999", "'2.3'", "1.10", "'1.2.3.4.5'"])
def test_numbers_that_load(written: str) -> None:
    assert parse_dip(GOOD.replace("number: 1", f"number: {written}")).items[0].number == (
        written.strip("'")
    )
