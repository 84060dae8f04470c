"""Files for offices on the command line: --output, --format xlsx, --excel-id, --worksheet,
--period."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from ppid_core.cli import main
from ppid_core.examples.ikm import SEED_FILE, seed_survey_text
from ppid_core.examples.requests import kpu_ntt_2024_text

openpyxl = pytest.importorskip("openpyxl")

HEADER = "Timestamp,Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9"
DATED = [
    HEADER,
    "15/02/2024,Informasi," + ",".join("4" * 9),
    "2024-03-30 10:00,Informasi," + ",".join("3" * 9),
    "2024/06/04 10:15:23 AM GMT+7,Informasi," + ",".join("3" * 9),
    ",Informasi," + ",".join("4" * 9),
]


def _run(*argv: str, out: Any = None) -> tuple[int, str]:
    stream = io.StringIO() if out is None else out
    code = main(list(argv), out=stream)
    return code, stream.getvalue() if out is None else ""


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    path.write_text(seed_survey_text(), encoding="utf-8")
    return path


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    path = tmp_path / "skm-2024.csv"
    path.write_text("\n".join(DATED) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "kpu_ntt_2024.csv"
    path.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    return path


# -- usage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--format", "xlsx"],
            "--format xlsx writes a workbook: name it with --output FILE.xlsx",
        ),
        (
            ["--format", "xlsx", "--output", "r.csv"],
            "--output: a workbook's name ends in .xlsx (Excel opens no other), got 'r.csv'",
        ),
        (["--excel-id"], "--excel-id applies to --format csv, not --format md"),
        (["--json", "--excel-id"], "--excel-id applies to --format csv, not --format json"),
        (["--output", " "], "--output: empty; expected a file name"),
        (
            ["--worksheet", "ws.pdf"],
            "--worksheet: expected a name ending in .xlsx or .html, got 'ws.pdf'",
        ),
        (["--month-first"], "--month-first applies to --period"),
        (
            ["--worksheet", "x.xlsx", "--format", "xlsx", "--output", "x.xlsx"],
            "--worksheet and --output name the same file; give each its own",
        ),
        (
            ["--worksheet-rows", "0"],
            "argument --worksheet-rows: expected a whole number from 1 to 1000000, got '0'",
        ),
    ],
)
def test_usage_mistakes_exit_2(
    seed: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    assert _run("ikm", "score", str(seed), *options)[0] == 2
    assert capsys.readouterr().err.endswith(f"ppid ikm score: error: {message}\n")


def test_register_usage_mistakes_exit_2(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("register", "report", str(register), "--format", "xlsx")[0] == 2
    assert capsys.readouterr().err.endswith(
        "ppid register report: error: --format xlsx writes a workbook: name it with "
        "--output FILE.xlsx\n"
    )


# -- CSV for Excel on an Indonesian Windows --------------------------------------------------


def test_excel_id_csv(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--format", "csv", "--excel-id", "--by", "Layanan")
    assert code == 0
    lines = text.split("\n")
    assert lines[0] == "\ufeffNo;Scope;Average score;Converted interval score;Kinerja"
    assert lines[1] == "1;Persyaratan;3,66;91,50;Sangat Baik"
    assert lines[10] == ";IKM (weighted NRR);3,63;90,67;Sangat Baik"
    assert lines[11] == ""
    assert lines[12] == "Layanan;Respondents;IKM;Mutu;Kinerja"  # one byte-order mark only
    assert text.count("\ufeff") == 1
    assert text.endswith("unit (pooled);150;90,67;A;Sangat Baik\n")


def test_excel_id_is_utf8_on_a_legacy_console(seed: Path) -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252", newline="\n")
    assert main(["ikm", "score", str(seed), "--format", "csv", "--excel-id"], out=out) == 0
    out.flush()
    data = raw.getvalue()
    assert data.startswith(b"\xef\xbb\xbfNo;Scope;")
    assert b"1;Persyaratan;3,66;91,50;Sangat Baik\n" in data
    assert b"?" not in data


def test_the_default_csv_is_unchanged(seed: Path) -> None:
    text = _run("ikm", "score", str(seed), "--format", "csv")[1]
    assert text.splitlines()[-1] == ",IKM (weighted NRR),3.63,90.67,Sangat Baik"
    assert "\ufeff" not in text


def test_register_excel_id(register: Path) -> None:
    code, text = _run(
        "register", "report", str(register), "--year", "2024", "--as-of", "2025-01-06",
        "--format", "csv", "--excel-id",
    )  # fmt: skip
    assert code == 0
    assert text.startswith("\ufeffsection;item;value\ntotal;total;37\n")


# -- files -----------------------------------------------------------------------------------


def test_output_writes_the_text_whole(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ikm.csv"
    code, text = _run(
        "ikm", "score", str(seed), "--format", "csv", "--excel-id", "--output", str(target)
    )
    assert (code, text) == (0, "")
    assert target.read_bytes().startswith(b"\xef\xbb\xbfNo;Scope;")
    assert capsys.readouterr().err == f"ppid: wrote the csv output to {target}\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    target_json = tmp_path / "ikm.json"
    assert _run("ikm", "score", str(seed), "--json", "--output", str(target_json))[0] == 0
    assert json.loads(target_json.read_text(encoding="utf-8")) == json.loads(
        _run("ikm", "score", str(seed), "--json")[1]
    )


def test_an_output_that_cannot_be_written_leaves_nothing(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "folder.csv"
    assert _run("ikm", "score", str(seed), "--output", str(target))[0] == 1
    assert "No such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_ikm_workbook(seed: Path, tmp_path: Path) -> None:
    target = tmp_path / "ikm.xlsx"
    code, text = _run(
        "ikm", "score", str(seed), "--format", "xlsx", "--output", str(target), "--by", "Layanan"
    )
    assert (code, text) == (0, "")
    book = openpyxl.load_workbook(target)
    first, second = book.worksheets
    assert [c.value for c in first[3]] == [1, "Persyaratan", 3.66, 91.5, "Sangat Baik"]
    assert first["C3"].data_type == "n"
    assert first.freeze_panes == "A3"
    assert [c.value for c in second[2]] == ["Layanan", "Respondents", "IKM", "Mutu", "Kinerja"]
    assert [c.value for c in second[5]] == ["unit (pooled)", 150, 90.67, "A", "Sangat Baik"]


def test_register_workbook(register: Path, tmp_path: Path) -> None:
    target = tmp_path / "laporan.xlsx"
    code, _ = _run(
        "register", "report", str(register), "--year", "2024", "--as-of", "2025-01-06",
        "--format", "xlsx", "--output", str(target),
    )  # fmt: skip
    assert code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:2] == ["Summary", "Requests per month"]
    assert [c.value for c in book["Summary"][7]] == ["Number of requests", 37]


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_worksheet(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = tmp_path / f"lembar{suffix}"
    code, text = _run("ikm", "score", str(seed), "--worksheet", str(target))
    assert code == 0
    assert "| 8 | Sarana dan Prasarana | 3.49 | 87.17 | Baik |" in text  # the score as before
    assert capsys.readouterr().err == f"ppid: wrote the IKM worksheet to {target}\n"
    if suffix == ".xlsx":
        grid = openpyxl.load_workbook(target)["Pengolahan"]
        assert [c.value for c in grid[4]] == [1, 4, 4, 4, 4, 3, 4, 4, 3, 3]
    else:
        page = target.read_text(encoding="utf-8")
        assert "IKM 90,67 — mutu A (Sangat Baik); 150 responden" in page


def test_worksheet_rows(seed: Path, tmp_path: Path) -> None:
    target = tmp_path / "lembar.html"
    assert (
        _run("ikm", "score", str(seed), "--worksheet", str(target), "--worksheet-rows", "5")[0] == 0
    )
    assert "Ditampilkan 5 dari 150 responden" in target.read_text(encoding="utf-8")


# -- periods ---------------------------------------------------------------------------------


def test_period_in_markdown_and_json(dated: Path) -> None:
    code, text = _run("ikm", "score", str(dated), "--period", "quarter")
    assert code == 0
    assert "**IKM per triwulan (date column: Timestamp)**" in text
    assert (
        "| Triwulan II 2024 | 2024-04-01 | 2024-06-30 | 1 | 75.00 | C | Kurang Baik | -12.50 |"
        in text
    )
    assert "| no date |  |  | 1 | 100.00 | A | Sangat Baik |  |" in text
    data = json.loads(_run("ikm", "score", str(dated), "--period", "semester", "--json")[1])
    assert data["ikm"] == 87.5
    assert [(p["label"], p["respondents"], p["ikm"]) for p in data["periods"]["periods"]] == [
        ("Semester I 2024", 3, 83.33)
    ]
    assert data["periods"]["undated"]["respondents"] == 1


def test_period_without_a_date_column_is_usage(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("ikm", "score", str(seed), "--period", "quarter")[0] == 2
    assert capsys.readouterr().err.endswith(
        f"ppid ikm score: error: --period: {seed} has no date column (a header such as "
        "Timestamp or Tanggal); name yours with --map COLUMN=date\n"
    )


def test_an_unreadable_date_is_bad_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "skm.csv"
    path.write_text("\n".join([*DATED, "kemarin,Informasi," + ",".join("4" * 9)]) + "\n")
    assert _run("ikm", "score", str(path), "--period", "quarter")[0] == 1
    err = capsys.readouterr().err
    assert f"{path}: row 6, column \"Timestamp\": 'kemarin' is not a date: expected a date" in err
    assert "Traceback" not in err


def test_month_first_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "skm.csv"
    path.write_text(f"{HEADER}\n06/13/2024,Informasi,{','.join('4' * 9)}\n", encoding="utf-8")
    assert _run("ikm", "score", str(path), "--period", "quarter")[0] == 1
    code, text = _run("ikm", "score", str(path), "--period", "quarter", "--month-first")
    assert code == 0
    assert "| Triwulan II 2024 |" in text
