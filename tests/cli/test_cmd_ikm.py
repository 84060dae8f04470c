"""``ppid ikm score`` and ``ppid ikm sample-size``: output, JSON keys, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.ikm import SEED_FILE, seed_survey_text


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    path.write_text(seed_survey_text(), encoding="utf-8")
    return path


def test_score_json(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--json", "--by", "Layanan")
    assert code == 0
    data = json.loads(text)
    assert (data["respondents"], data["ikm"], data["mutu"], data["kinerja"]) == (
        150,
        90.67,
        "A",
        "Sangat Baik",
    )
    assert [(u["name"], u["nrr"]) for u in data["unsur"]][:3] == [
        ("Persyaratan", 3.66),
        ("Sistem, Mekanisme, dan Prosedur", 3.7),
        ("Waktu Penyelesaian", 3.49),
    ]
    assert [g["value"] for g in data["by"]["groups"]] == [
        "Konsultasi/ Mediasi",
        "Permohonan Informasi",
    ]


def test_score_markdown_and_csv(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--order", "questionnaire")
    assert code == 0
    assert "| 8 | Sarana dan Prasarana | 3.49 | 87.17 | Baik |" in text
    code, text = _run("ikm", "score", str(seed), "--format", "csv")
    assert text.splitlines()[-1] == ",IKM (NRR tertimbang),3.63,90.67,Sangat Baik"


def test_legacy_weight_is_flagged(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--legacy-weight", "0.111")
    assert code == 0
    assert text.rstrip().endswith("WARNING: legacy spreadsheet (NOT compliant): weight 0.111")


def test_population_warning_goes_to_stderr(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run("ikm", "score", str(seed), "--population", "1000", "--json")
    assert code == 0
    assert json.loads(text)["sample"] == {"population": 1000, "required": 278, "adequate": False}
    assert capsys.readouterr().err == (
        "ppid: warning: 150 respondents for a population of 1000; "
        "Krejcie & Morgan require 278 (128 short)\n"
    )


def test_bad_data_exits_1_with_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,5\n", encoding="utf-8")
    mapping = [
        "--map",
        "U1=persyaratan",
        "--map",
        "U2=prosedur",
        "--map",
        "U3=waktu",
        "--map",
        "U4=biaya",
        "--map",
        "U5=produk",
        "--map",
        "U6=kompetensi",
        "--map",
        "U7=perilaku",
        "--map",
        "U8=sarana",
        "--map",
        "U9=pengaduan",
    ]
    code, _ = _run("ikm", "score", str(path), *mapping)
    assert code == 1
    assert capsys.readouterr().err.startswith(
        f"{path}: row 2, column \"U9\": '5' is not an answer; expected a score 1-4"
    )


def test_bad_usage_exits_2(seed: Path) -> None:
    assert _run("ikm", "score", str(seed), "--map", "U1")[0] == 2
    assert _run("ikm", "score", str(seed), "--missing", "guess")[0] == 2
    assert _run("ikm", "sample-size", "0")[0] == 2


def test_unknown_regime_exits_1(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("ikm", "score", str(seed), "--regime", "nope")[0] == 1
    assert capsys.readouterr().err.startswith("ppid: unknown regime 'nope'")


def test_sample_size() -> None:
    assert json.loads(_run("ikm", "sample-size", "1000", "--json")[1])["sample_size"] == 278
    assert _run("ikm", "sample-size", "125", "--method", "formula")[1] == (
        "Population 125: survey at least 94 respondents (Krejcie & Morgan 1970, formula).\n"
    )


def test_demo_prints_the_seed_table() -> None:
    from ppid_core.cli._cmd_ikm import demo

    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert "|  | IKM (NRR tertimbang) | 3.63 | 90.67 | Sangat Baik |" in text
    assert "| unit (pooled) | 150 | 90.67 | A | Sangat Baik |" in text
