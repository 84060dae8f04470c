"""The annual report (Perki 1/2021 Pasal 56): parts, figures, unknowns, documents."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.requests import (
    AnnualReport,
    Masking,
    NameMasking,
    Register,
    annual_report,
    parse_annual_profile,
)

CAL = WorkCalendar.indonesia(zone="WITA")
HEAD = [
    "No",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Tanggal Tanggapan",
    "Keputusan",
    "Alasan Penolakan",
    "Tanggal Keberatan",
    "Tanggal Sengketa",
]
# October 2024 has no holiday: 2024-10-01 -> 10-08 is 5 working days, -> 10-22 is 15,
# -> 11-01 is 23.
ROWS = [
    ["1", "2024-10-01", "2024-10-08", "Diterima seluruhnya", "", "", ""],
    ["2", "2024-10-01", "2024-10-22", "Diterima sebagian", "Pasal 17 huruf b", "", ""],
    ["3", "2024-10-01", "2024-11-01", "Ditolak", "Pasal 17 huruf a", "2024-11-05", ""],
    ["4", "2024-12-20", "", "", "", "", ""],
    ["5", "2023-12-28", "2024-01-03", "Diterima seluruhnya", "", "", ""],
]
PROFILE = """\
public_body: KPU Kota Contoh
ppid: PPID KPU Kota Contoh
year: 2024
place: Kota Contoh
signed_on: 2025-03-31
signatory: {position: Ketua PPID, name: Budi Santoso}
policy: {summary: "Kebijakan <script>alert(1)</script>", instruments: [SK PPID]}
obstacles: {external: [], internal: [Register belum lengkap]}
"""


def _register(rows: list[list[str]] = ROWS, head: list[str] = HEAD) -> Register:
    return Register.from_rows([head, *rows], source="contoh.csv")


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    profile = parse_annual_profile(PROFILE, source="profil.yaml")
    return annual_report(_register(), CAL, year=2024, profile=profile)


def test_six_parts_in_order_with_the_regulations_titles(report: AnnualReport) -> None:
    assert [(p.number, p.title, p.provided) for p in report.parts] == [
        (1, "Gambaran umum kebijakan layanan informasi publik", True),
        (2, "Gambaran umum pelaksanaan layanan informasi publik", False),
        (3, "Rincian pelayanan informasi publik", True),
        (4, "Rincian penyelesaian sengketa informasi publik", True),
        (5, "Kendala eksternal dan internal", True),
        (6, "Rekomendasi dan rencana tindak lanjut", False),
    ]
    assert report.year == 2024
    assert repr(report) == "<AnnualReport 2024: 4 requests, 4 of 6 parts provided>"


def test_part_3_classes_response_times_against_10_and_17_days(report: AnnualReport) -> None:
    data = report.to_dict()["parts"][2]
    assert data["requests"] == 4
    assert data["outside_year"] == 1
    assert data["response_time"] == {
        "limits": [10, 17],
        "within_10": 1,
        "from_11_to_17": 1,
        "over_17": 1,
        "not_answered": 1,
        "unknown": 0,
    }
    assert (data["as_of"], data["overdue"]) == ("2024-12-31", 0)
    assert (data["granted"], data["partially_granted"], data["refused"]) == (1, 1, 1)
    assert data["decisions"] == {
        "diterima sebagian": 1,
        "diterima seluruhnya": 1,
        "ditolak": 1,
        "tidak dicatat": 1,
    }
    assert data["refusal_reasons"] == {"Pasal 17 huruf a": 1, "Pasal 17 huruf b": 1}
    months = {m["month"]: m for m in data["by_month"]}
    assert len(months) == 12
    assert months["2024-10"]["requests"] == 3
    assert (months["2024-10"]["within_10"], months["2024-10"]["over_17"]) == (1, 1)
    assert months["2024-12"] == {
        "month": "2024-12",
        "requests": 1,
        "limits": [10, 17],
        "within_10": 0,
        "from_11_to_17": 0,
        "over_17": 0,
        "not_answered": 1,
        "unknown": 0,
    }
    assert "Peraturan Ombudsman 46/2020 Pasal 31 [S]" in data["sub_items_confidence"]


def test_requests_outside_the_year_are_counted_in_a_note(report: AnnualReport) -> None:
    assert "1 requests outside 2024 not counted" in report.notes


def test_part_4_counts_keberatan_and_sengketa_and_leaves_outcomes_unknown(
    report: AnnualReport,
) -> None:
    assert report.to_dict()["parts"][3] == {
        "number": 4,
        "title": "Rincian penyelesaian sengketa informasi publik",
        "provided": True,
        "basis": "register",
        "keberatan": 1,
        "sengketa": 0,
        "outcomes": None,
    }


def test_without_response_and_decision_columns_the_figures_are_unknown_not_zero() -> None:
    rows = [r[:2] for r in ROWS]
    report = annual_report(_register(rows, HEAD[:2]), CAL, year=2024)
    data = report.to_dict()["parts"]
    assert data[2]["response_time"] == {
        "limits": [10, 17],
        "within_10": None,
        "from_11_to_17": None,
        "over_17": None,
        "not_answered": None,
        "unknown": 4,
    }
    assert data[2]["overdue"] is None
    assert (data[2]["granted"], data[2]["refused"], data[2]["refusal_reasons"]) == (
        None,
        None,
        None,
    )
    assert (data[3]["provided"], data[3]["keberatan"], data[3]["sengketa"]) == (False, None, None)
    text = report.to_markdown()
    assert "| <= 10 hari kerja | tidak diketahui |" in text
    assert "| Keberatan | tidak diketahui: register tidak mencatat kolom ini |" in text


def test_without_a_profile_four_parts_say_tidak_disediakan() -> None:
    report = annual_report(_register(), CAL, year=2024)
    assert [p.provided for p in report.parts] == [False, False, True, True, False, False]
    text = report.to_markdown()
    assert text.count("**Tidak disediakan: profil badan publik tidak memuat bagian ini.**") == 4
    assert "**Badan publik dan PPID: tidak disediakan (laporan tanpa profil)**" in text
    assert report.to_dict()["public_body"] is None


def test_the_signatory_name_is_masked_unless_unmasked() -> None:
    profile = parse_annual_profile(PROFILE, source="profil.yaml")
    masked = annual_report(_register(), CAL, year=2024, profile=profile)
    assert masked.to_dict()["signatory"] == {"position": "Ketua PPID", "name": "B. S."}
    assert "Budi" not in masked.to_markdown() + masked.to_html() + masked.to_json()
    shown = annual_report(
        _register(),
        CAL,
        year=2024,
        profile=profile,
        masking=Masking(names=NameMasking.NONE, unmasked=True),
    )
    assert shown.to_dict()["signatory"]["name"] == "Budi Santoso"


def test_the_markdown_document_has_title_page_parts_footnote_and_signature(
    report: AnnualReport,
) -> None:
    text = report.to_markdown()
    heads = [line for line in text.splitlines() if line.startswith("#")]
    assert heads == [
        "# Laporan Layanan Informasi Publik Tahun 2024",
        "## 1. Gambaran umum kebijakan layanan informasi publik",
        "## 2. Gambaran umum pelaksanaan layanan informasi publik",
        "## 3. Rincian pelayanan informasi publik",
        "## 4. Rincian penyelesaian sengketa informasi publik",
        "## 5. Kendala eksternal dan internal",
        "## 6. Rekomendasi dan rencana tindak lanjut",
        "## Catatan",
        "## Pengesahan",
    ]
    assert "Kota Contoh, 31 Maret 2025  " in text
    assert "| Okt | 3 | 1 | 1 | 1 | 0 | 0 | ############################## |" in text
    assert "Kendala eksternal:\n\n- (tidak ada)" in text
    assert "&lt;script>" in text
    assert "<script>" not in text
    assert "† rincian ini mengikuti model lama Perki 1/2010" in text


def test_the_html_page_is_printable_with_an_inline_svg_chart(report: AnnualReport) -> None:
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in page
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)  # well-formed
    bars = [e for e in root if e.tag.endswith("rect") and e.find("{*}title") is not None]
    assert sorted(e.findtext("{*}title") or "" for e in bars) == [
        "2024-10: 1",
        "2024-10: 1",
        "2024-10: 1",
        "2024-12: 1",
    ]


def test_json_and_tables(report: AnnualReport) -> None:
    assert json.loads(report.to_json()) == report.to_dict()
    assert [t.title for t in report.tables()] == [
        "Bagian laporan 2024",
        "Grafik: permohonan per bulan dan waktu pemenuhan",
        "Waktu pemenuhan permohonan†",
        "Permohonan dikabulkan dan ditolak†",
        "Alasan penolakan†",
        "Keberatan dan sengketa informasi†",
    ]


def test_xlsx(report: AnnualReport, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "laporan.xlsx"
    report.to_xlsx(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Bagian", "Per bulan", "Waktu", "Keputusan", "Alasan", "Sengketa"]


def test_a_profile_of_another_year_is_refused() -> None:
    profile = parse_annual_profile(PROFILE, source="profil.yaml")
    with pytest.raises(DataFileError) as info:
        annual_report(_register(), CAL, year=2023, profile=profile)
    assert info.value.report() == (
        "profil.yaml:3:7 ($.year): the profile is for 2024, the report for 2023; "
        "give the profile of 2023"
    )


def test_no_register_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"^no register given; expected at least one$"):
        annual_report([], CAL, year=2024)


def test_several_registers_merge_in_a_fixed_order() -> None:
    a = Register.from_rows([HEAD, *ROWS[:2]], source="a.csv")
    b = Register.from_rows([HEAD, *ROWS[2:]], source="b.csv")
    one = annual_report([b, a], CAL, year=2024)
    assert one.to_dict() == annual_report([a, b], CAL, year=2024).to_dict()
    assert one.title_page.source == "a.csv, b.csv"
    assert one.service.requests == 4


def test_a_register_given_twice_is_counted_once_with_a_note() -> None:
    reg = _register()
    copy = _register()  # the same file read twice: equal, not the same object
    report = annual_report([reg, copy, reg], CAL, year=2024)
    assert report.service.requests == 4
    assert report.notes[0] == "contoh.csv given 3 times: its requests are counted once"
    assert report.title_page.source == "contoh.csv"


def test_identical_requests_in_two_files_are_counted_and_warned_with_files_and_rows() -> None:
    a = Register.from_rows([HEAD, *ROWS], source="a.csv")
    b = Register.from_rows([HEAD, ROWS[3], ROWS[0], ROWS[1]], source="b.csv")
    report = annual_report([b, a], CAL, year=2024)
    assert report.service.requests == 7  # they may be two requests: both counted
    assert report.warnings[0] == (
        "b.csv rows 2-4 repeat a.csv rows 5, 2-3 exactly (3 requests, every column read): "
        "both are counted; if one file copies the other, give it once"
    )
    assert "## Peringatan" in report.to_markdown()


def test_absent_sub_items_of_part_2_say_tidak_disediakan() -> None:
    text = PROFILE + "implementation: {summary: Layanan berjalan., staff: [1 orang]}\n"
    profile = parse_annual_profile(text, source="profil.yaml")
    report = annual_report(_register(), CAL, year=2024, profile=profile)
    part2 = report.to_dict()["parts"][1]
    assert (part2["provided"], part2["staff"], part2["missing"]) == (
        True,
        ["1 orang"],
        ["facilities", "budget"],
    )
    assert "budget" not in part2
    md = report.to_markdown()
    assert "Sarana dan prasarana†: tidak disediakan (profil badan publik tidak memuatnya)." in md
    assert "Anggaran†: tidak disediakan (profil badan publik tidak memuatnya)." in md
    assert "<p>Anggaran†: tidak disediakan (profil badan publik tidak memuatnya).</p>" in (
        report.to_html()
    )
    assert report.to_dict()["parts"][0]["missing"] == []


def test_an_empty_response_cell_is_not_answered_and_overdue_on_the_date_given() -> None:
    rows = [
        ["1", "2024-10-01", "", "", "", "", ""],  # not answered
        ["2", "2024-10-01", "kemarin", "", "", "", ""],  # unreadable: unknown
        ["3", "2024-12-20", "", "", "", "", ""],  # not answered, due in January
    ]
    on_31_december = annual_report(_register(rows), CAL, year=2024)
    data = on_31_december.to_dict()["parts"][2]
    assert (data["response_time"]["not_answered"], data["response_time"]["unknown"]) == (2, 1)
    assert (data["as_of"], data["overdue"]) == ("2024-12-31", 1)
    at_the_deadline = annual_report(_register(rows), CAL, year=2024, as_of=dt.date(2025, 3, 31))
    assert at_the_deadline.to_dict()["parts"][2]["overdue"] == 2
    assert "| Belum dijawab dan melewati batas waktu per 2025-03-31 | 2 |" in (
        at_the_deadline.to_markdown()
    )
    assert on_31_december.warnings  # the unreadable cell, located


def test_a_month_without_requests_has_zeros_not_unknown() -> None:
    rows = [r[:2] for r in ROWS]
    report = annual_report(_register(rows, HEAD[:2]), CAL, year=2024)
    january = report.service.months[0]
    assert (january.requests, january.response.counts()) == (0, (0, 0, 0, 0, 0))
    assert "| Jan | 0 | 0 | 0 | 0 | 0 | 0 |  |" in report.to_markdown()
    assert "| Okt | 3 |" + " tidak diketahui |" * 4 + " 3 |" in report.to_markdown()


def test_the_summary_keeps_its_paragraphs() -> None:
    text = PROFILE.replace(
        'policy: {summary: "Kebijakan <script>alert(1)</script>", instruments: [SK PPID]}',
        "policy:\n  summary: |\n    Paragraf satu,\n    baris dua.\n\n    Paragraf dua.\n",
    )
    profile = parse_annual_profile(text, source="profil.yaml")
    report = annual_report(_register(), CAL, year=2024, profile=profile)
    assert "\n\nParagraf satu, baris dua.\n\nParagraf dua.\n\n" in report.to_markdown()
    assert "<p>Paragraf satu, baris dua.</p>\n<p>Paragraf dua.</p>" in report.to_html()


def test_links_in_profile_text_are_not_live_in_markdown() -> None:
    text = PROFILE.replace(
        "instruments: [SK PPID]", 'instruments: ["[x](javascript:alert(1))", "[y]: javascript:z"]'
    )
    profile = parse_annual_profile(text, source="profil.yaml")
    report = annual_report(_register(), CAL, year=2024, profile=profile)
    md = report.to_markdown()
    assert "- \\[x\\]\\(javascript:alert(1))" in md
    assert "- \\[y\\]: javascript:z" in md
    assert "](javascript" not in md.replace("\\](", "")
    assert "Pasal 56 [S]" in md  # ppid-core's own marks stay as written
    assert "<li>[x](javascript:alert(1))</li>" in report.to_html()  # text, not a link


def test_the_sources_are_named_by_their_base_names() -> None:
    profile = parse_annual_profile(PROFILE, source="/data/ppid/2024/profil.yaml")
    report = annual_report(_register(), CAL, year=2024, profile=profile)
    assert "Sumber data: register contoh.csv; profil: profil.yaml; aturan batas waktu" in (
        report.to_markdown()
    )
