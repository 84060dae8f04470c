"""Lampiran I/II tables, the monthly report and its JSON data."""

from __future__ import annotations

from fractions import Fraction

from ppid_core.examples.rb import TEAM, example_path
from ppid_core.masking import mask_name
from ppid_core.rb import (
    load_team,
    parse_plan,
    parse_realisation,
    plan_status,
    plan_table,
    team_table,
)
from ppid_core.rb._reports import percent

PLAN = parse_plan(
    "kind: plan\nyear: 2022\nunit: KPU X\nareas:\n  - area: Penguatan Kelembagaan\n"
    "    kegiatan:\n      - name: Evaluasi Organisasi\n        sub_kegiatan:\n"
    "          - {name: FGD, details: [a) satu], indikator: [Dokumen, Laporan], months: [Jun]}\n"
    "          - {name: Kuesioner, months: [Jun, Des], keterangan: Ke KPU RI}\n"
)


def test_plan_table_has_the_lampiran_ii_layout() -> None:
    table = plan_table(PLAN)
    assert table.to_csv().splitlines() == [
        "NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,"
        "Jan,Feb,Mar,Apr,Mei,Jun,Jul,Agu,Sep,Okt,Nov,Des,KETERANGAN",
        "1,Penguatan Kelembagaan,Evaluasi Organisasi,FGD a) satu,Dokumen; Laporan,,,,,,✓,,,,,,,",
        ",,,Kuesioner,,,,,,,✓,,,,,,✓,Ke KPU RI",
    ]
    assert table.title == "Rencana Aksi Reformasi Birokrasi KPU X Tahun 2022"


def test_team_table_masks_names_unless_asked() -> None:
    team = load_team(example_path(TEAM))
    masked = team_table(team).to_records()
    assert masked[1]["NAMA"] == "T. D."
    assert masked[0]["NAMA"] == "PENGARAH"
    assert team_table(team, unmask=True).to_records()[1]["NAMA"] == "Thomas Dohu"
    headings = [r["NAMA"] for r in masked if r["NO"] is None]
    assert headings[2] == "I. TIM MANAJEMEN PERUBAHAN"
    assert headings[-1] == "IX. TIM AGEN PERUBAHAN"
    assert mask_name("Pedro De Sa") == "P. D. S."


def test_percent_rounds_half_up() -> None:
    assert percent(Fraction(2, 3)) == "66.7%"
    assert percent(Fraction(1, 2000)) == "0.1%"
    assert percent(Fraction(1)) == "100.0%"


def test_monthly_report_and_status_data() -> None:
    real = parse_realisation(
        "kind: realisation\nplan: p.yaml\nrecords:\n"
        "  - {code: 1.1.2, sub_kegiatan: Kuesioner, month: Jun, status: done,\n"
        "     data_dukung: [laporan.pdf]}\n",
        plan=PLAN,
    )
    st = plan_status(PLAN, real, year=2022, month=6)
    text = st.to_markdown()
    assert text.startswith("# RB action plan report KPU X — June 2022\n")
    assert "Due this month: 2 sub kegiatan; late: 0;" in text
    assert "| 1.1.2 | Kuesioner | Jun, Des | on schedule |  | done | laporan.pdf |" in text
    data = st.to_dict()
    assert data["month"] == "2022-06"
    assert [r["code"] for r in data["due"]] == ["1.1.1", "1.1.2"]
    assert [r["code"] for r in data["done"]] == ["1.1.2"]
    assert data["by_area"]["organisasi"]["progress"] == 0.3333
    assert data["by_area"]["organisasi"]["progress_exact"] == "1/3"
    assert data["quarters"][1]["done"] == 1


def test_progress_per_kegiatan_and_areas_named_as_the_plan_does() -> None:
    st = plan_status(PLAN, None, year=2022, month=6)
    data = st.to_dict()
    assert data["by_kegiatan"] == {
        "1.1": {"name": "Evaluasi Organisasi", "planned": 3, "elapsed": 2, "done": 0,
                "partly": 0, "progress": 0, "expected": 0.6667, "progress_exact": "0",
                "expected_exact": "2/3", "definition": "months", "achieved": "0", "out_of": 3},
    }  # fmt: skip
    text = st.to_markdown()
    assert "## Progress per kegiatan" in text
    assert "| 1.1 | Evaluasi Organisasi | 3 | 2 | 0 | 0 | 0.0% | 66.7% |" in text
    # the plan says "Penguatan Kelembagaan", not the canonical name of the area
    assert st.progress_table().rows[0][0] == "Penguatan Kelembagaan"
