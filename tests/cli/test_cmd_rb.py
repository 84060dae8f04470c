"""``ppid rb check|status|table`` and the demo."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.rb import example_path

PLAN = str(example_path("kpu-ntt-2022-rencana-aksi.yaml"))
TEAM = str(example_path("kpu-ntt-2022-tim.yaml"))
REAL = str(example_path("kpu-ntt-2022-realisasi.yaml"))


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_check_good_files() -> None:
    code, out = run("rb", "check", PLAN, TEAM, REAL)
    assert code == 0
    assert out.splitlines() == [
        f"{PLAN}: plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan",
        f"{TEAM}: team 2022, 10 teams, 51 memberships",
        f"{REAL}: realisation of plan 2022, 26 records",
    ]


def test_check_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: plan\nyear: 2022\nyear: 2023\n", encoding="utf-8")
    nokind = tmp_path / "nokind.yaml"
    nokind.write_text("year: 2022\n", encoding="utf-8")
    code, out = run("rb", "check", str(bad), PLAN, str(nokind))
    assert code == 1
    assert out == f"{PLAN}: plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan\n"
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:1:1 ($): missing required field 'unit'",
        f"{bad}:1:1 ($): missing required field 'areas'",
        f"{bad}:3:1 ($.year): duplicate key 'year' (first at line 2)",
        f"{nokind}:1:1 ($): missing required field 'kind' (one of: plan, realisation, team)",
    ]


def test_status_json() -> None:
    code, out = run("rb", "status", REAL, "--month", "2022-03", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["month"] == "2022-03"
    assert "4.1.3" in [r["code"] for r in data["due"]]
    assert data["total"]["planned"] == 494


def test_status_markdown_of_a_plan_alone() -> None:
    code, out = run("rb", "status", PLAN, "--month", "2022-01")
    assert code == 0
    assert out.startswith("# RB action plan report Komisi Pemilihan Umum Provinsi Nusa")


def test_status_refuses_a_team_file_and_a_bad_month(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("rb", "status", TEAM, "--month", "2022-01")[0] == 1
    assert "a team file has no schedule" in capsys.readouterr().err
    assert run("rb", "status", PLAN, "--month", "2022-13")[0] == 2


def test_table() -> None:
    code, out = run("rb", "table", TEAM)
    assert code == 0
    assert "| 1 | T. D. | Ketua KPU |" in out
    code, out = run("rb", "table", PLAN, "--format", "csv")
    assert out.startswith("NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,Jan,")
    assert len(out.splitlines()) == 1 + 93


def test_demo_shows_the_seed_plan_status() -> None:
    from ppid_core.cli._cmd_rb import demo

    out = io.StringIO()
    demo(out)
    assert "status in April 2022" in out.getvalue()
    assert "| TW I | 95 |" in out.getvalue()


def test_check_reports_a_realisation_in_one_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.yaml").write_bytes(Path(PLAN).read_bytes())
    real = tmp_path / "real.yaml"
    real.write_text(
        "kind: realisation\nplan: plan.yaml\nrecords:\n"
        "  - {code: 9.9.9, sub_kegiatan: X, month: Feb, status: done}\n"
        "  - {code: 7.7.1, sub_kegiatan: Penyampaian LHKPN, month: Mar, status: done}\n"
        "  - {code: 7.7.1, sub_kegiatan: Penyampaian LHKPN, month: Feb, status: finished}\n",
        encoding="utf-8",
    )
    code, _ = run("rb", "check", str(real))
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{real}:4:12 ($.records[0].code): no row 9.9.9 in the plan",
        f"{real}:5:59 ($.records[1].month): Mar is not a planned month of 7.7.1 (planned: Feb)",
        f"{real}:6:72 ($.records[2].status): unknown value 'finished'; "
        "expected one of: done, not_done, partly",
    ]


def test_check_locates_a_latin_1_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "tim.yaml"
    bad.write_bytes(Path(TEAM).read_bytes().replace(b"Thomas Dohu", b"Thom\xe1s Dohu"))
    code, _ = run("rb", "check", str(bad))
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].endswith(": byte 0xE1 is not UTF-8; save the file as UTF-8")
    assert err[0].startswith(f"{bad}:")


def _run_on(encoding: str, *argv: str) -> tuple[int, str]:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, newline="")
    code = main(list(argv), out=out)
    out.flush()
    return code, raw.getvalue().decode(encoding)


def test_table_on_a_cp1252_stream_ticks_with_v(capsys: pytest.CaptureFixture[str]) -> None:
    # A Windows redirect is cp1252, which has no ✓: the table must still be written.
    code, out = _run_on("cp1252", "rb", "table", PLAN)
    assert code == 0
    row = next(line for line in out.splitlines() if "Penyampaian LHKPN" in line)
    assert row.split(" | ")[5:17] == ["", "v", *[""] * 10]  # the months: Feb ticked
    code, csv_out = _run_on("cp1252", "rb", "table", PLAN, "--format", "csv")
    assert code == 0
    assert "✓" not in csv_out
    assert ",v," in csv_out
    assert capsys.readouterr().err == ""  # nothing was lost
    code, utf8 = _run_on("utf-8", "rb", "table", PLAN)
    assert "| ✓ |" in utf8


def test_characters_a_stream_cannot_encode_are_replaced_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        Path(PLAN).read_text(encoding="utf-8").replace("Penyampaian LHKPN", "Penyampaian ≥ 🗂"),
        encoding="utf-8",
    )
    code, out = _run_on("cp1252", "rb", "table", str(plan))
    assert code == 0
    assert "Penyampaian ? ?" in out
    assert capsys.readouterr().err == (
        "ppid: 2 character(s) cannot be written in cp1252 and are shown as '?'; "
        "set PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) to keep them\n"
    )
    code, out = _run_on("cp1252", "rb", "status", str(plan), "--month", "2022-02")
    assert code == 0
    assert "Penyampaian ? ?" in out


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_check_refuses_a_plan_outside_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("kind: realisation\nplan: /dev/zero\nrecords: []\n", encoding="utf-8")
    assert run("rb", "check", str(real))[0] == 1
    assert capsys.readouterr().err == (
        f"{real}:2:7 ($.plan): 'plan' must be relative to this file's folder, got the absolute "
        "path '/dev/zero'; put the plan in this file's folder and give its file name\n"
    )


def _hostile_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "kind: plan\nyear: 2022\nunit: KPU <script>alert(1)</script>\nareas:\n"
        "  - area: organisasi\n    kegiatan:\n      - name: '=HYPERLINK(\"http://x\")'\n"
        "        sub_kegiatan:\n          - {name: \"+cmd|' /C calc'!A0\", months: [Jan]}\n"
        "          - {name: '<img src=x onerror=alert(1)>', months: [Feb]}\n",
        encoding="utf-8",
    )
    return plan


def test_status_report_heading_shows_html_as_text(tmp_path: Path) -> None:
    code, out = run("rb", "status", str(_hostile_plan(tmp_path)), "--month", "2022-01")
    assert code == 0
    assert out.splitlines()[0] == (
        "# RB action plan report KPU &lt;script&gt;alert(1)&lt;/script&gt; — January 2022"
    )


def test_markdown_tables_show_html_as_text(tmp_path: Path) -> None:
    plan = _hostile_plan(tmp_path)
    for argv in (("table", str(plan)), ("status", str(plan), "--month", "2022-02")):
        code, out = run("rb", *argv)
        assert code == 0
        assert "<script" not in out
        assert "<img" not in out


def test_table_csv_neutralises_formulas(tmp_path: Path) -> None:
    code, out = run("rb", "table", str(_hostile_plan(tmp_path)), "--format", "csv")
    assert code == 0
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert "=HYPERLINK" in out  # the text is kept, only made inert
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


GENERAL = example_path("contoh-rb-general-2025-realisasi.yaml")
GENERAL_PLAN = example_path("contoh-rb-general-2025-rencana-aksi.yaml")
MIXED = """\
kind: plan
framework: rb-general-tematik-2023
year: 2025
unit: Satker Contoh
areas:
  - kegiatan:
      - name: Dengan target
        sub_kegiatan:
          - {name: A, satuan: Dokumen, targets: {TW I: 1}, budget: 1500000,
             budget_realised: 1000000, permasalahan: Data ganda}
      - name: Tanpa target
        sub_kegiatan:
          - {name: B, months: [Mar]}
          - {name: "b:", months: [Apr]}
"""


def test_status_names_its_definition_and_shows_a_dash_for_nothing_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 13 A4: the report never said which definition; "0.0%" was invented from nothing
    plan = tmp_path / "plan.yaml"
    plan.write_text(MIXED, encoding="utf-8")
    code, out = run("rb", "status", str(plan), "--month", "2025-03", "--progress", "targets")
    assert code == 0
    assert (
        "Progress definition: targets reached (targets: periods recorded Target Tercapai / "
        "periods with a target); – = nothing to measure." in out.splitlines()
    )
    assert "| 1.2 | Tanpa target | 2 | 1 | 0 | 0 | – | 50.0% |" in out.splitlines()
    # review 13 B/C: near-duplicate sub kegiatan ("B", "b:") are warned like kegiatan
    assert capsys.readouterr().err == (
        f"ppid: warning: {plan}:14:20 ($.areas[0].kegiatan[1].sub_kegiatan[1].name): "
        "sub kegiatan 'b:' differs only in case, blanks or a trailing ':' or ';' from 'B' "
        "at line 13 ($.areas[0].kegiatan[1].sub_kegiatan[0].name); they are kept apart: "
        "write one name if they are the same sub kegiatan\n"
    )
    code, out = run(
        "rb", "status", str(plan), "--month", "2025-03", "--progress", "targets", "--json"
    )
    data = json.loads(out)
    assert data["by_kegiatan"]["1.2"]["progress"] is None
    assert data["by_kegiatan"]["1.2"]["progress_exact"] is None
    assert data["by_kegiatan"]["1.1"]["progress"] == 0
    # review 13 B: realised budget and permasalahan were read but never output
    (row,) = [r for r in data["due"] if r["code"] == "1.1.1"]
    assert (row["budget"], row["budget_realised"], row["permasalahan"]) == (
        "1500000",
        "1000000",
        "Data ganda",
    )


def test_status_markdown_shows_achieved_and_reason() -> None:
    # review 13 B: the report showed only "Tidak Tercapai"
    code, out = run("rb", "status", str(GENERAL), "--month", "2025-12")
    assert code == 0
    assert (
        "| 1.2.1 | Survei Kepuasan Masyarakat | Jun, Des | due this month |  | Tidak Tercapai, "
        "achieved 0 Laporan (reason: Survei semester II selesai Januari 2026) | "
        "skm-semester-1.pdf |" in out.splitlines()
    )


def test_status_notes_a_month_outside_the_plan_year(capsys: pytest.CaptureFixture[str]) -> None:
    # review 13 C: --month 2024-06 on a 2025 plan silently reported 0%
    code, _ = run("rb", "status", str(GENERAL), "--month", "2024-06")
    assert code == 0
    assert capsys.readouterr().err == (
        "ppid: note: 2024-06 is before the plan's year 2025: nothing is due yet; give a "
        "month of 2025 for a monthly report\n"
    )
    run("rb", "status", str(GENERAL), "--month", "2026-01")
    assert "2026-01 is after the plan's year 2025: the whole year has ended" in (
        capsys.readouterr().err
    )


def _split(tmp_path: Path, parts: int) -> list[str]:
    """The 2025 example's records in ``parts`` files (round robin) beside a copy of the plan."""
    (tmp_path / "contoh-rb-general-2025-rencana-aksi.yaml").write_bytes(GENERAL_PLAN.read_bytes())
    lines = GENERAL.read_text(encoding="utf-8").splitlines()
    head = [line for line in lines if not line.startswith("  - ")]
    records = [line for line in lines if line.startswith("  - ")]
    names = []
    for i in range(parts):
        path = tmp_path / f"real-{i}.yaml"
        path.write_text("\n".join([*head, *records[i::parts]]) + "\n", encoding="utf-8")
        names.append(str(path))
    return names


def test_status_reads_several_realisation_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 13 B: split realisation files merged only in the library
    one = run("rb", "status", str(GENERAL), "--month", "2025-09", "--json")[1]
    code, split = run("rb", "status", *_split(tmp_path, 3), "--month", "2025-09", "--json")
    assert code == 0
    assert json.loads(split) == json.loads(one)
    names = _split(tmp_path, 2)
    code, _ = run("rb", "status", names[0], names[0], "--month", "2025-09")
    assert code == 1
    assert capsys.readouterr().err.startswith("ppid: recorded in more than one file: 1.1.1 Mar")
    bad = tmp_path / "real-bad.yaml"
    bad.write_text(
        re.sub(r"period: TW [IV]+,", "period: TW 9,", Path(names[1]).read_text(), count=1)
    )
    code, _ = run("rb", "status", str(bad), str(tmp_path / "nothing.yaml"), "--month", "2025-09")
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{bad}:")
    assert "unknown period 'TW 9'" in err[0]
    assert err[-1].startswith(f"ppid: {tmp_path / 'nothing.yaml'}: ")
    code, _ = run("rb", "status", str(GENERAL_PLAN), names[0], "--month", "2025-09")
    assert code == 1
    assert capsys.readouterr().err == (
        f"ppid: {GENERAL_PLAN}: a plan file; several files must all be realisation files\n"
    )
