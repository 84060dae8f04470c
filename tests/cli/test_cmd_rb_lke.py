"""``ppid rb lke score`` and its demo."""

from __future__ import annotations

import argparse
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.cli._cmd_rb_lke import add_lke, demo
from ppid_core.examples.rb import example_path

EXAMPLE = resources.files("ppid_core.examples.rb") / "lke-example.yaml"
HEAD = "kind: lke-answers\nunit: Unit Contoh\nyear: 2025\nanswers:\n"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["rb", "lke", "score", *argv], out=out), out.getvalue()


def write(tmp_path: Path, text: str, name: str = "jawaban.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_score_the_example_as_json() -> None:
    with resources.as_file(EXAMPLE) as file:
        code, out = run(str(file), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["total"], data["pengungkit"], data["hasil"]) == (90.91, 55.35, 35.56)
    assert [(p["name"], p["met"]) for p in data["predicates"]] == [
        ("Menuju WBK", True),
        ("Menuju WBBM", False),
    ]
    assert data["aggregation"] == "mean"


def test_markdown_is_the_default(tmp_path: Path) -> None:
    code, out = run(write(tmp_path, HEAD + "  hasil.pelayanan_prima.ipkp.a: 3.2\n"))
    assert code == 0
    assert out.startswith("# LKE Zona Integritas Unit Contoh 2025: score 14.00\n")
    assert "| Menuju WBK | Nilai Pelayanan Publik yang Prima | 14.00 | 14.00 | yes |" in out


def test_an_answer_outside_its_type_exits_1_with_its_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, HEAD + "  pemenuhan.manajemen_perubahan.iii.a: E\n")
    code, out = run(path)
    assert (code, out) == (1, "")
    assert capsys.readouterr().err.strip() == (
        f"{path}:5:40 ($.answers.pemenuhan.manajemen_perubahan.iii.a): "
        "expected one of A, B, C, D (answer type A/B/C/D), got 'E'"
    )


def test_derived_answers_from_surveys_records_and_rb_monitoring(tmp_path: Path) -> None:
    survey = write(
        tmp_path,
        "Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
        "04/02/2022,4,4,4,4,4,4,4,4,4\n"
        "28/06/2022,3,3,3,3,3,3,3,3,3\n"
        "15/11/2022,3,3,3,3,3,3,3,3,3\n"
        "20/12/2021,1,1,1,1,1,1,1,1,1\n",  # another year: not used
        "skm.csv",
    )
    answers = write(tmp_path, HEAD.replace("2025", "2022"))
    code, out = run(
        answers,
        "--survey",
        survey,
        "--skm-published",
        "offline",
        "--skm-follow-up",
        "2/2",
        "--rb-plan",
        str(example_path("kpu-ntt-2022-realisasi.yaml")),
        "--json",
    )
    assert code == 0
    items = {i["key"]: i for i in json.loads(out)["items"]}
    assert items["pemenuhan.pelayanan_publik.iv.a"]["answer"] == "B"  # 3 triwulan: I, II, IV
    assert items["pemenuhan.pelayanan_publik.iv.a"]["derived_from"] == (
        f"{survey} (respondents dated 2022): "
        "SKM respondents in 3 triwulan of 2022 (2022-T1, 2022-T2, 2022-T4)"
    )
    assert items["pemenuhan.pelayanan_publik.iv.b"]["answer"] == "B"
    assert items["pemenuhan.pelayanan_publik.iv.c"]["answer"] == "A"
    ipkp = items["hasil.pelayanan_prima.ipkp.a"]
    assert (ipkp["answer"], ipkp["answer_decimal"]) == ("10/3", 3.3333)  # (4 + 3 + 3) / 3
    assert (ipkp["origin"], ipkp["derived_confidence"]) == ("derived", "setting")
    data = json.loads(out)
    assert data["estimated"] is True
    prima = [c for p in data["predicates"] for c in p["conditions"] if "Prima" in c["label"]]
    assert [c["estimated"] for c in prima] == [True, True]
    rb = items["pemenuhan.manajemen_perubahan.iii.a"]
    assert rb["origin"] == "derived"
    assert rb["derived_from"].startswith(
        "RB monitoring Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur up to 2022-12: "
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--skm-follow-up", "5/3"],
            "expected DONE/TOTAL with DONE <= TOTAL (e.g. 3/4), got '5/3'",
        ),
        (["--aggregation", "median"], "invalid choice: 'median'"),
        (["--lke", "zi-1999"], "unknown LKE 'zi-1999'; give a file or one of: zi-2021-2024"),
        (["--lke", " "], "expected a file name or key, got an empty value"),
        (["--rb-realisation", "x.yaml"], "argument --rb-realisation: needs --rb-plan FILE"),
    ],
)
def test_bad_usage_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _ = run(write(tmp_path, HEAD), *argv)
    assert code == 2
    assert message in capsys.readouterr().err


def test_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(str(tmp_path / "nope.yaml"))
    assert code == 1
    assert "nope.yaml" in capsys.readouterr().err


def test_add_lke_builds_its_own_parser() -> None:
    parser = argparse.ArgumentParser(prog="ppid rb")
    add_lke(parser.add_subparsers(dest="rb_command"))
    args = parser.parse_args(["lke", "score", "x.yaml", "--format", "json"])
    assert (args.file, args.format, args.aggregation, args.survey_value) == (
        "x.yaml",
        "json",
        "mean",
        "ikm-index",
    )


def test_demo() -> None:
    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert "LKE Zona Integritas, Unit Contoh Pelayanan 2025 (fictitious example)" in text
    assert "total 90.91: pengungkit 55.35, hasil 35.56; scored conditions met: Menuju WBK" in text


def test_a_plan_of_another_year_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path, HEAD.replace("2025", "2024"))
    plan = str(example_path("kpu-ntt-2022-realisasi.yaml"))
    assert run(answers, "--rb-plan", plan) == (2, "")
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "argument --rb-plan: the plan is for 2022, the answers for 2024; give the 2024 plan"
        )
    )


def test_surveys_of_another_year_or_undated_are_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dated = write(
        tmp_path, "Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n04/02/2024,4,4,4,4,4,4,4,4,4\n", "a.csv"
    )
    undated = write(tmp_path, "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n", "b.csv")
    code, out = run(write(tmp_path, HEAD), "--survey", dated, "--survey", undated, "--json")
    assert code == 0
    items = {i["key"]: i for i in json.loads(out)["items"]}
    assert items["hasil.pelayanan_prima.ipkp.a"]["origin"] == "unanswered"
    assert items["pemenuhan.pelayanan_publik.iv.a"]["derived"] == "E"
    assert capsys.readouterr().err.splitlines() == [
        f"ppid: {dated}: no respondent dated 2025; not used",
        f"ppid: {undated}: no date column; not used (its year cannot be told)",
    ]


def test_an_estimate_is_marked_in_markdown(tmp_path: Path) -> None:
    survey = write(
        tmp_path, "Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n04/02/2025,4,4,4,4,4,4,4,4,4\n", "s.csv"
    )
    code, out = run(write(tmp_path, HEAD), "--survey", survey)
    assert code == 0
    assert out.startswith("# LKE Zona Integritas Unit Contoh 2025: score 17.58 (estimasi)\n")
    assert (
        "| Menuju WBBM | Nilai Pelayanan Publik yang Prima | 15.75 | 17.50 | yes (estimasi) |"
        in out
    )


def test_a_cp1252_stream_gets_question_marks_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252")
    answers = write(tmp_path, HEAD.replace("Unit Contoh", "Unit \u0391\u03b8\u03ae\u03bd\u03b1"))
    assert main(["rb", "lke", "score", answers], out=out) == 0
    out.flush()
    assert raw.getvalue().startswith(b"# LKE Zona Integritas Unit ????? 2025")
    assert "cannot be written in cp1252" in capsys.readouterr().err


def test_rb_plan_naming_the_offices_framework_takes_framework(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from importlib import resources

    from ppid_core.examples.rb import example_path

    fw_text = (resources.files("ppid_core.rb") / "data" / "rb-general-tematik-2023.yaml").read_text(
        encoding="utf-8"
    )
    fw = tmp_path / "fw.yaml"
    fw.write_text(
        fw_text.replace("framework: rb-general-tematik-2023", "framework: rb-kpu-2025"),
        encoding="utf-8",
    )
    plan_text = example_path("contoh-rb-general-2025-rencana-aksi.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        plan_text.replace("framework: rb-general-tematik-2023", "framework: rb-kpu-2025"),
        encoding="utf-8",
    )
    answers = write(tmp_path, HEAD)
    argv = ["rb", "lke", "score", answers, "--rb-plan", str(plan), "--json"]
    assert main(argv, out=io.StringIO()) == 1  # the plan names a framework not given
    assert "unknown framework 'rb-kpu-2025'" in capsys.readouterr().err
    assert main([*argv, "--framework", str(fw)], out=io.StringIO()) == 0
