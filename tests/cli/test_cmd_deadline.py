"""``ppid deadline``: contract keys, text output and exit codes."""

from __future__ import annotations

import io
import json

import pytest

from ppid_core.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_json_contract() -> None:
    code, text = run("deadline", "2025-03-27", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["response_due"] == "2025-04-22"
    assert data["extended_response_due"] == "2025-05-02"
    assert data["receipt_date"] == "2025-03-27"
    names = [s["name"] for s in data["skipped"] if s["category"] != "akhir_pekan"]
    assert "Cuti Bersama Idul Fitri 1446 Hijriah" in names


def test_no_cuti_bersama() -> None:
    code, text = run("deadline", "2025-03-27", "--no-cuti-bersama", "--json")
    assert code == 0
    assert json.loads(text)["response_due"] == "2025-04-14"


def test_after_hours_in_office_zone() -> None:
    # 15:05 WIB is 16:05 WITA: after closing in Kupang, so it counts from the next day.
    code, text = run("deadline", "2025-03-26T15:05+07:00", "--zone", "NTT", "--json")
    assert code == 0
    assert json.loads(text)["receipt_date"] == "2025-03-27"


def test_text_output_names_skipped_days() -> None:
    code, text = run("deadline", "2024-02-12")
    assert code == 0
    assert "2024-02-14  pemungutan_suara  Hari Pemungutan Suara Pemilihan Umum Tahun 2024" in text


def test_out_of_coverage_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("deadline", "2031-01-02")
    assert code == 1
    assert capsys.readouterr().err.startswith("ppid: 2031-01-02 is outside the calendar's")


def test_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("deadline", "27/03/2025")
    assert code == 2
    assert "RECEIVED must be an ISO date or datetime" in capsys.readouterr().err


def test_unknown_zone_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("deadline", "2025-03-27", "--zone", "Mars")
    assert code == 1
    assert "unknown zone 'Mars'" in capsys.readouterr().err
