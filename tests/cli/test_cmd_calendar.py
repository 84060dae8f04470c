"""``ppid calendar show|check|coverage``: contract keys, messages and exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from ppid_core.calendar import HolidayYear, WorkCalendar
from ppid_core.cli import main

BUNDLED_2027 = Path(__file__).parents[2] / "src/ppid_core/calendar/data/holidays/2027.yaml"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_show_decreed_year_json() -> None:
    code, text = run("calendar", "show", "2027", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["status"] == "decreed"
    cal = WorkCalendar.indonesia(holidays_dir=None)
    assert data["working_days"] == cal.count_working_days(
        dt.date(2026, 12, 31), dt.date(2027, 12, 31)
    )
    last = data["days"][-1]
    assert (last["date"], last["weekday"], last["name"], last["status"]) == (
        "2027-12-26",
        "Minggu",
        "Isra Mikraj Nabi Muhammad SAW",
        "decreed",
    )
    statuses = {d["date"]: d["status"] for d in data["days"]}
    assert statuses["2027-03-10"] == "provisional"
    assert data["notes"] == [
        "2027-03-09, 2027-03-10, 2027-03-11, 2027-03-12, 2027-03-15, 2027-05-17, 2027-05-18: "
        "provisional; the decree leaves them to the sidang isbat"
    ]


def test_show_estimated_year() -> None:
    code, text = run("calendar", "show", "2029", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["status"] == "estimated"
    assert not [d for d in data["days"] if d["category"] == "cuti_bersama"]
    assert {d["status"] for d in data["days"]} == {"decreed", "estimated"}
    assert data["notes"][0].startswith("cuti bersama cannot be estimated")


def test_show_refuses_without_estimates(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("calendar", "show", "2029", "--no-estimate")
    assert code == 1
    assert capsys.readouterr().err.startswith("ppid: 2029-01-01 is outside the holiday data")


def test_show_bad_year_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("calendar", "show", "20x7")
    assert code == 2
    assert "expected a year such as 2027, got '20x7'" in capsys.readouterr().err


def test_check_valid_files(tmp_path: Path) -> None:
    local = tmp_path / "kantor.yaml"
    local.write_text("office: KPU Kota Kupang\nzone: WITA\n", encoding="utf-8")
    code, text = run("calendar", "check", str(BUNDLED_2027), str(local))
    assert code == 0
    assert text == (
        f"{BUNDLED_2027}: ok (holiday file for 2027, 26 days, 7 provisional)\n"
        f"{local}: ok (local calendar, 0 closures, 0 working days)\n"
    )


def test_check_reports_errors_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BUNDLED_2027.read_text(encoding="utf-8")
    bad = tmp_path / "2027.yaml"
    bad.write_text(text.replace("2027-12-26", "2027-12-32").replace("2027-12-25", "2027-13-25"))
    code, out = run("calendar", "check", str(bad), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    (result,) = data["files"]
    lines = text.splitlines()
    at = [lines.index("  - date: 2027-12-25") + 1, lines.index("  - date: 2027-12-26") + 1]
    assert result["errors"] == [
        f"{bad}:{at[0]}:11 ($.holidays[24].date): 2027-13-25 is not a valid date (month must "
        "be in 1..12)",
        f"{bad}:{at[1]}:11 ($.holidays[25].date): 2027-12-32 is not a valid date (day is out "
        "of range for month)",
    ]
    capsys.readouterr()
    code, _ = run("calendar", "check", str(bad))
    assert code == 1
    assert capsys.readouterr().err.splitlines() == result["errors"]


def test_check_refuses_a_revision_that_drops_a_bundled_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BUNDLED_2027.read_text(encoding="utf-8")
    start = text.index("  - date: 2027-12-24\n")
    bad = tmp_path / "2027.yaml"
    bad.write_text(text[:start] + text[text.index("  - date:", start + 1) :], encoding="utf-8")
    code, _ = run("calendar", "check", str(bad))
    assert code == 1
    line = text.splitlines().index("holidays:") + 2
    assert capsys.readouterr().err == (
        f"{bad}:{line}:3 ($.holidays): 2027-12-24 cuti_bersama 'Cuti Bersama Kelahiran Yesus "
        "Kristus' of the bundled data (SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1205 Tahun 2026, Nomor 3 "
        "Tahun 2026, Nomor 2 Tahun 2026 tentang Hari Libur Nasional dan Cuti Bersama Tahun "
        "2027) is missing; keep it, or list it under removed: with the instrument that "
        "removed it\n"
    )


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("calendar", "check", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert capsys.readouterr().err == f"{tmp_path / 'nope.yaml'}: No such file or directory\n"


def test_coverage_json() -> None:
    code, text = run("calendar", "coverage", "--json")
    assert code == 0
    data = json.loads(text)
    last = HolidayYear.bundled_names()[-1]
    assert [y["year"] for y in data["decreed"]] == list(HolidayYear.bundled_names())
    assert data["estimated_years"] == list(range(last + 1, last + data["estimate_limit"] + 1))
    assert data["last_change"] == "2026-09-15"
    assert data["decreed"][-1]["provisional"][0] == "2027-03-09"


def test_coverage_text_names_decreed_and_estimated_years() -> None:
    code, text = run("calendar", "coverage")
    assert code == 0
    assert text.startswith("Decreed: 2016–2027\n")
    assert "Estimated on request: 2028–2037" in text
    assert text.endswith("Last change of the decreed data: 2026-09-15\n")
