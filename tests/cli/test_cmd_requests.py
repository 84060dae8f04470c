"""``ppid register report``: contract keys, formats and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.requests import kpu_ntt_2024_text


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kpu_ntt_2024.csv"
    path.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    return path


def test_json_contract(seed_csv: Path) -> None:
    code, text = run("register", "report", str(seed_csv), "--year", "2024", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["total"] == 37
    assert data["by_month"]["2024-09"] == 10
    assert data["by_month"]["2024-01"] == 0
    assert data["response_times"] is None


def test_markdown_and_csv(seed_csv: Path) -> None:
    code, md = run("register", "report", str(seed_csv), "--as-of", "2025-01-06")
    assert code == 0
    assert "| 2024-09 | 10 |" in md
    code, csv_text = run("register", "report", str(seed_csv), "--csv", "--as-of", "2025-01-06")
    assert code == 0
    assert "total,total,37" in csv_text


def test_bad_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(kpu_ntt_2024_text().replace("4 Juni 2024", "4 Juni 2031", 1), encoding="utf-8")
    code, _ = run("register", "report", str(path))
    assert code == 1
    assert capsys.readouterr().err == (
        'bad.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": 2031-06-04: outside '
        "the calendar's coverage (2020-01-01 to 2027-12-31)\n"
    )


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("register", "report", str(tmp_path / "nope.csv"))
    assert code == 1
    assert "nope.csv" in capsys.readouterr().err


def test_bad_as_of_exits_2(seed_csv: Path) -> None:
    code, _ = run("register", "report", str(seed_csv), "--as-of", "06/01/2025")
    assert code == 2


def test_demo_reports_embedded_register() -> None:
    code, text = run("demo")
    assert code == 0
    assert "KPU Provinsi NTT register 2024" in text
    assert "requests: 37" in text


REGISTER_HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email,"
    "Tanggal Tanggapan"
)


def test_late_december_request_no_longer_fails_the_report(tmp_path: Path) -> None:
    # issue 8: a 2026 register with a request of 16 Dec failed whole (its deadline ran into
    # 2027). Received Wed 16 Dec: 17, 18, 21, 22, 23, 28, 29, 30, 31 Dec, 4 Jan 2027 (24 Dec cuti
    # bersama, 25 Dec and 1 Jan libur nasional, 5 Jan Isra Mikraj) -> due 2027-01-04.
    path = tmp_path / "r.csv"
    path.write_text(
        REGISTER_HEADER + "\n1,KPU,Permohonan,Data DPT,2026-12-16,Ana,,,\n", encoding="utf-8"
    )
    code, text = run(
        "register", "report", str(path), "--year", "2026", "--as-of", "2027-01-05", "--json"
    )
    assert code == 0
    data = json.loads(text)
    (late,) = data["overdue"]
    assert late["due"] == "2027-01-04"
    assert late["provisional"] is False
    assert data["overdue_unknown"] == []
