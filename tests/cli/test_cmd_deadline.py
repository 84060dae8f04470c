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


def test_whole_chain_keys() -> None:
    code, text = run("deadline", "2025-03-27", "--json", "--decided", "2025-04-10")
    assert code == 0
    data = json.loads(text)
    assert data["regime"] == "uu_14_2008"
    # 30 working days after Thu 2025-04-10, skipping 18 Apr, 1 May, 12-13 May: 2025-05-28
    assert data["keberatan_filing_due"] == "2025-05-28"
    assert [s["step"] for s in data["steps"]] == [
        "response",
        "extension",
        "keberatan_filing",
        "atasan_answer",
        "sengketa_filing",
        "ki_start",
        "ki_finish",
    ]
    assert data["steps"][2]["counts_from_actual"] is True


def test_perki_unknown_steps_are_null() -> None:
    code, text = run("deadline", "2024-10-07", "--regime", "perki_1_2019", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["regime_confirmed"] is False
    assert data["response_due"] == "2024-10-10"
    assert data["keberatan_filing_due"] is None
    assert data["steps"][2]["confidence"] == "unknown"


def test_perki_text_says_unknown() -> None:
    code, text = run("deadline", "2024-10-07", "--regime", "perki_1_2019")
    assert code == 0
    assert "Keberatan: file by:         unknown" in text
    assert "not confirmed" in text


def test_text_counts_are_worded_for_one() -> None:
    code, text = run("deadline", "2024-11-25")
    assert code == 0
    assert "Skipped: 6 weekend days and 1 holiday:" in text
