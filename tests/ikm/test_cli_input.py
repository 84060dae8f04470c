"""``ppid ikm score``: the input options of issue 10 (--layout, --long, --map, notes)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main

CODES = ",".join(f"U{i}" for i in range(1, 10))


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def codes(tmp_path: Path) -> Path:
    path = tmp_path / "skm.csv"
    path.write_text(
        f"REKAP SKM 2024\n\nLayanan,{CODES}\nA,4,4,4,4,4,4,4,3,1\nB,3,3,3,3,3,3,3,3,3\n",
        encoding="utf-8",
    )
    return path


def test_the_header_row_and_each_code_mapping_are_said(
    codes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = _run("ikm", "score", str(codes), "--json")
    assert code == 0
    assert json.loads(text)["respondents"] == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"ppid: read {codes}: header in row 3"
    assert err[8:] == [
        "ppid: note: U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)",
        "ppid: note: U9 → Penanganan Pengaduan, Saran dan Masukan (question 9 of the "
        "standard questionnaire)",
    ]


def test_map_overrides_a_code(codes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = json.loads(_run("ikm", "score", str(codes), "--json")[1])
    code, text = _run(
        "ikm", "score", str(codes), "--json", "--map", "U8=pengaduan", "--map", "U9=sarana"
    )
    assert code == 0
    swapped = json.loads(text)
    nrr = {u["key"]: u["nrr"] for u in swapped["unsur"]}
    before = {u["key"]: u["nrr"] for u in plain["unsur"]}
    assert (nrr["pengaduan"], nrr["sarana"]) == (before["sarana"], before["pengaduan"])
    assert "ppid: note: U8 → Penanganan Pengaduan, Saran dan Masukan (as mapped)" in (
        capsys.readouterr().err
    )


def test_a_map_of_a_column_the_file_lacks_is_bad_usage(
    codes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("ikm", "score", str(codes), "--map", "U10=sarana")[0] == 2
    assert capsys.readouterr().err.endswith(
        f"ppid ikm score: error: columns: no column 'U10' in {codes}; columns: Layanan, U1, "
        "U2, U3, U4, U5, U6, U7, U8, U9\n"
    )


def test_long_layout_detected_forced_and_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.csv"
    rows = "".join(f"R{r},{q},{4 if r else 3}\n" for r in range(2) for q in range(1, 10))
    path.write_text("id_responden,no_pertanyaan,nilai\n" + rows, encoding="utf-8")
    code, text = _run("ikm", "score", str(path), "--json")
    assert (code, json.loads(text)["ikm"]) == (0, 87.5)
    assert capsys.readouterr().err.splitlines()[0] == (
        f"ppid: read {path}: long layout (one row per answer)"
    )
    other = tmp_path / "other.csv"
    other.write_text("kode,soal_no,skor\n" + rows, encoding="utf-8")
    argv = ["ikm", "score", str(other), "--json", "--map", "kode=respondent"]
    assert _run(*argv, "--map", "soal_no=question", "--long")[0] == 0
    assert _run(*argv, "--map", "soal_no=question", "--layout", "long")[0] == 0
    capsys.readouterr()
    assert _run("ikm", "score", str(path), "--layout", "wide")[0] == 1
    assert capsys.readouterr().err.startswith(
        f"{path}: row 1: no column for unsur 'persyaratan'; accepted headers:"
    )
    assert _run("ikm", "score", str(path), "--layout", "tall")[0] == 2


def test_a_long_file_with_an_answer_twice_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.csv"
    rows = "".join(f"R1,{q},4\n" for q in (*range(1, 10), 3))
    path.write_text("id_responden,no_pertanyaan,nilai\n" + rows, encoding="utf-8")
    assert _run("ikm", "score", str(path))[0] == 1
    assert capsys.readouterr().err == (
        f"{path}: row 11, column \"no_pertanyaan\": respondent 'R1' answers question 3 (Waktu "
        "Penyelesaian) twice: rows 4 and 11; keep one of the rows\n"
    )
