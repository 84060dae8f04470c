"""``ppid rb frameworks``, ``--framework FILE``, ``--progress NAME``, plan warnings (issue 13)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.rb import example_path

GENERAL = str(example_path("contoh-rb-general-2025-realisasi.yaml"))
GENERAL_PLAN = str(example_path("contoh-rb-general-2025-rencana-aksi.yaml"))
SEED = str(example_path("kpu-ntt-2022-rencana-aksi.yaml"))

OWN = """\
framework: rb-kpu-2025
title: Road Map RB KPU (contoh)
source: illustrative
areas:
  - {key: tata_kelola, name: Penguatan Tata Kelola}
"""
PLAN = """\
kind: plan
framework: rb-kpu-2025
year: 2025
unit: KPU Contoh
areas:
  - area: tata kelola
    kegiatan:
      - name: Penataan SOP
        sub_kegiatan: [{name: Reviu SOP, months: [Mar]}]
      - name: penataan  SOP
        sub_kegiatan: [{name: Reviu SOP 2, months: [Apr]}]
"""


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_frameworks_json_lists_the_bundled_keys() -> None:
    code, out = run("rb", "frameworks", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data["frameworks"]) == ["rb-2020-2024", "rb-general-tematik-2023"]
    tematik = data["frameworks"]["rb-general-tematik-2023"]
    assert tematik["area_required"] is False
    assert tematik["themes"][0]["key"] == "pengentasan_kemiskinan"
    assert {t["confidence"] for t in tematik["themes"]} == {"UNVERIFIED"}
    code, out = run("rb", "frameworks")
    assert code == 0
    assert "| rb-general-tematik-2023 |" in out


@pytest.fixture
def office(tmp_path: Path) -> tuple[str, str]:
    fw, plan = tmp_path / "fw.yaml", tmp_path / "plan.yaml"
    fw.write_text(OWN, encoding="utf-8")
    plan.write_text(PLAN, encoding="utf-8")
    return str(fw), str(plan)


def test_framework_file_on_check_status_table_and_frameworks(
    office: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    fw, plan = office
    code, out = run("rb", "check", plan, "--framework", fw)
    assert code == 0
    assert (
        out == f"{plan}: plan 2025, 1 areas, 2 kegiatan, 2 sub kegiatan (framework rb-kpu-2025)\n"
    )
    assert capsys.readouterr().err == (
        f"ppid: warning: {plan}:10:15 ($.areas[0].kegiatan[1].name): kegiatan 'penataan  SOP' "
        "differs only in case, blanks or a trailing ':' or ';' from 'Penataan SOP' at line 8 "
        "($.areas[0].kegiatan[0].name); they are kept apart: write one name if they are the "
        "same kegiatan\n"
    )
    code, out = run("rb", "status", plan, "--month", "2025-03", "--json", "--framework", fw)
    assert code == 0
    assert json.loads(out)["framework"] == "rb-kpu-2025"
    code, out = run("rb", "table", plan, "--framework", fw)
    assert code == 0
    assert "Penguatan Tata Kelola" not in out  # the plan's own wording is kept
    assert "tata kelola" in out
    code, out = run("rb", "frameworks", "--json", "--framework", fw)
    assert list(json.loads(out)["frameworks"])[-1] == "rb-kpu-2025"


def test_without_its_framework_file_the_plan_is_refused(
    office: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, plan = office
    code, _ = run("rb", "check", plan)
    assert code == 1
    assert capsys.readouterr().err.startswith(
        f"{plan}:2:12 ($.framework): unknown framework 'rb-kpu-2025'; expected one of: "
        "rb-2020-2024, rb-general-tematik-2023, or the key of the office's own framework file "
        "(--framework FILE)"
    )


def test_a_bad_framework_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fw = tmp_path / "fw.yaml"
    fw.write_text(OWN + "  - {key: tata_kelola, name: Lain}\n", encoding="utf-8")
    code, _ = run("rb", "check", SEED, "--framework", str(fw))
    assert code == 1
    assert "area key 'tata_kelola' is already used at line 5" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "figure"),
    [("months", "75.0%"), ("targets", "70.0%"), ("values", "78.0%"), ("bps", "85.0%")],
)
def test_progress_definitions(name: str, figure: str) -> None:
    code, out = run("rb", "status", GENERAL, "--month", "2025-12", "--progress", name)
    assert code == 0
    assert f"progress in the year: {figure}" in out
    code, out = run("rb", "status", GENERAL, "--month", "2025-12", "--progress", name, "--json")
    assert json.loads(out)["progress_definition"] == name


def test_an_unknown_progress_definition_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("rb", "status", GENERAL, "--month", "2025-12", "--progress", "average")
    assert code == 2
    assert (
        "argument --progress: unknown progress definition 'average'; expected one of: "
        "months, targets, values, bps" in capsys.readouterr().err
    )


def test_the_2025_plan_works_with_check_and_table() -> None:
    code, out = run("rb", "check", GENERAL_PLAN, GENERAL)
    assert code == 0
    assert out.splitlines() == [
        f"{GENERAL_PLAN}: plan 2025, 0 areas, 3 kegiatan, 5 sub kegiatan "
        "(framework rb-general-tematik-2023)",
        f"{GENERAL}: realisation of plan 2025, 20 records",
    ]
    code, out = run("rb", "table", GENERAL_PLAN, "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].endswith(
        "KETERANGAN,SATUAN,TARGET,PIC,ANGGARAN,REALISASI ANGGARAN,TEMA,PERMASALAHAN"
    )


def test_one_key_in_two_framework_files_is_located(
    office: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 13 A5: rb check used the first file, rb frameworks --json kept the last
    fw, plan = office
    other = tmp_path / "fw2.yaml"
    other.write_text(OWN.replace("Road Map RB KPU (contoh)", "Lain"), encoding="utf-8")
    message = (
        f"{other}:1:12 ($.framework): framework key 'rb-kpu-2025' is also the key of {fw}; "
        "give each framework file its own key"
    )
    for command in (("check", plan), ("frameworks",), ("status", plan, "--month", "2025-03")):
        code, _ = run("rb", *command, "--framework", fw, "--framework", str(other))
        assert code == 1
        assert message in capsys.readouterr().err.splitlines()


def test_a_bad_framework_file_does_not_hide_the_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 13 A9: with a framework error no plan was checked
    fw = tmp_path / "fw.yaml"
    fw.write_text(OWN + "  - {key: tata_kelola, name: Lain}\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: plan\nyear: 2022\n", encoding="utf-8")
    code, out = run("rb", "check", SEED, str(bad), "--framework", str(fw))
    assert code == 1
    assert out == f"{SEED}: plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan\n"
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{fw}:6:11 ($.areas[1].key): area key 'tata_kelola'")
    assert err[1:] == [
        f"{bad}:1:1 ($): missing required field 'unit'",
        f"{bad}:1:1 ($): missing required field 'areas'",
    ]


def test_check_reads_a_framework_file_and_hints_at_lke_answers(
    office: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 13 A10: a framework file was "missing required field 'kind'"
    fw, _ = office
    code, out = run("rb", "check", fw)
    assert code == 0
    assert out == f"{fw}: framework rb-kpu-2025, 1 areas, 0 components, 0 themes\n"
    answers = tmp_path / "lke.yaml"
    answers.write_text("kind: lke-answers\nlke: zi-2021-2024\n", encoding="utf-8")
    code, _ = run("rb", "check", str(answers))
    assert code == 1
    assert capsys.readouterr().err == (
        f"{answers}:1:7 ($.kind): an LKE answers file (kind: lke-answers) is read by "
        "'ppid rb lke score FILE'; expected one of: plan, realisation, team\n"
    )


def test_tematik_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # review 13 B: a theme on an RB General plan, and a Tematik row without one, were accepted
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "kind: plan\nframework: rb-general-tematik-2023\ncomponent: general\nyear: 2025\n"
        "unit: U\nareas:\n  - kegiatan:\n      - name: K\n        sub_kegiatan:\n"
        "          - {name: A, months: [Jun], theme: Penanggulangan Kemiskinan}\n",
        encoding="utf-8",
    )
    tematik = tmp_path / "tematik.yaml"
    tematik.write_text(plan.read_text().replace("component: general", "component: tematik").replace(
        ", theme: Penanggulangan Kemiskinan", ""), encoding="utf-8")  # fmt: skip
    code, _ = run("rb", "check", str(plan), str(tematik))
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{plan}:10:45 ($.areas[0].kegiatan[0].sub_kegiatan[0].theme): an RB General plan "
        "(component: general) has no themes; remove the theme 'pengentasan_kemiskinan', or "
        "make the plan RB Tematik (component: tematik)",
        f"{tematik}:10:13 ($.areas[0].kegiatan[0].sub_kegiatan[0]): an RB Tematik row needs a "
        "'theme' (one of: pengentasan_kemiskinan, peningkatan_investasi, "
        "digitalisasi_administrasi_pemerintahan, percepatan_prioritas_aktual_presiden)",
    ]
