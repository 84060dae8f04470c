"""The DIP in the regulation's layout: Markdown, CSV, HTML, XLSX and JSON."""

from __future__ import annotations

import csv
import io

import pytest

from ppid_core.dip import COLUMNS, parse_dip
from ppid_core.examples.dip import load_example_dip

TEXT = """\
unit: KPU Kota Contoh
items:
  - number: 1
    summary: "=HYPERLINK(\\"http://x\\") <script>"
    holder: Sub Bagian Umum
    responsible: Sekretaris
    created: 2024, Kota Contoh
    form: [tercetak, elektronik]
    retention: 5 tahun
    category: serta_merta
    url: https://example.org/1
    updated: 2024-07-01
"""


def test_columns_in_the_regulations_order() -> None:
    assert COLUMNS[:7] == (
        "No",
        "Ringkasan Isi Informasi",
        "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
        "Penanggung Jawab Pembuatan/Penerbitan Informasi",
        "Waktu dan Tempat Pembuatan Informasi",
        "Bentuk Informasi",
        "Jangka Waktu Penyimpanan",
    )


def test_csv_is_safe_and_complete() -> None:
    table = parse_dip(TEXT).table()
    rows = list(csv.reader(io.StringIO(table.to_csv())))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "1",
        '\'=HYPERLINK("http://x") <script>',
        "Sub Bagian Umum",
        "Sekretaris",
        "2024, Kota Contoh",
        "tercetak, elektronik",
        "5 tahun",
        "Serta Merta",
        "",
        "https://example.org/1",
        "2024-07-01",
    ]


def test_markdown_and_html_escape() -> None:
    table = parse_dip(TEXT).table()
    md = table.to_markdown()
    assert md.startswith("# Daftar Informasi Publik KPU Kota Contoh\n")
    assert "&lt;script>" in md
    page = table.to_html()
    assert "<script>" not in page
    assert "Serta Merta" in page


def test_html_shows_every_row() -> None:
    page = load_example_dip().table().to_html()
    assert page.count("<tr>") == 16  # header + 12 items, header + 2 dikecualikan
    assert page.index("<caption>Daftar Informasi Publik KPU") < page.index(
        "<caption>Daftar informasi yang dikecualikan</caption>"
    )


def test_excepted_items_are_a_table_of_their_own() -> None:
    # UU 14/2008 Pasal 11 ayat (1) huruf a: the DIP lists public information "tidak
    # termasuk informasi yang dikecualikan".
    table = load_example_dip().table()
    assert repr(table) == "<DipTable KPU Provinsi Nusa Tenggara Timur: 12 items, 2 dikecualikan>"
    dip, excepted = table.tables()
    assert [r[0] for r in dip.rows] == [str(n) for n in range(1, 13)]
    assert (excepted.title, [r[0] for r in excepted.rows]) == (
        "Daftar informasi yang dikecualikan",
        ["13", "14"],
    )
    data = table.to_dict()
    assert {i["category"] for i in data["items"]} == {"berkala", "setiap_saat", "serta_merta"}
    assert [i["number"] for i in data["dikecualikan"]] == ["13", "14"]
    md = table.to_markdown()
    assert md.index("**Daftar Informasi Publik KPU") < md.index(
        "**Daftar informasi yang dikecualikan**"
    )
    lines = table.to_csv().splitlines()
    assert [line[:3] for line in lines[12:18]] == ["12,", "", "Daf", "No,", "13,", "14,"]
    assert lines[14:16] == ["Daftar informasi yang dikecualikan", lines[0]]
    assert table.to_csv(dialect="excel-id").count("\ufeff") == 1


def test_without_excepted_items_the_second_table_is_empty() -> None:
    table = parse_dip(TEXT).table()
    assert [len(t.rows) for t in table.tables()] == [1, 0]
    assert table.to_dict()["dikecualikan"] == []
    assert table.to_csv().endswith(
        "\n\nDaftar informasi yang dikecualikan\n"
        + ",".join(f'"{c}"' if "," in c else c for c in COLUMNS)
        + "\n"
    )


def test_json_uses_the_yaml_keys() -> None:
    data = parse_dip(TEXT).table().to_dict()
    assert data["items"][0]["form"] == ["tercetak", "elektronik"]
    assert data["items"][0]["category"] == "serta_merta"
    assert data["items"][0]["updated"] == "2024-07-01"
    assert data["established"] is None


def test_xlsx() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    buffer = io.BytesIO()
    load_example_dip().table().to_xlsx(buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["DIP", "Dikecualikan"]
    sheet = book["DIP"]
    assert sheet["A1"].value == "Daftar Informasi Publik KPU Provinsi Nusa Tenggara Timur"
    assert [c.value for c in sheet[2]] == list(COLUMNS)
    assert sheet.max_row == 14  # title, header, 12 items
    excepted = book["Dikecualikan"]
    assert excepted["A1"].value == "Daftar informasi yang dikecualikan"
    assert [excepted["A3"].value, excepted["A4"].value, excepted.max_row] == ["13", "14", 4]
