"""Every ``--json`` is the ``to_dict()`` of the result the library gives for the same input.

The command line prints the result object's own data, so the two never drift.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ppid_core.calendar import ESTIMATE_LIMIT, WorkCalendar, coverage, holiday_data, year_overview
from ppid_core.cli import main
from ppid_core.examples.ikm import SEED_FILE, read_seed_survey
from ppid_core.examples.rb import example_path
from ppid_core.examples.requests import kpu_ntt_2024_text
from ppid_core.ikm import Survey
from ppid_core.rb import load_monitoring, plan_status
from ppid_core.requests import deadline_chain, load_register, service_report


def run_json(*argv: str) -> Any:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("argv", "received", "zone", "cuti_bersama"),
    [
        ((), dt.date(2025, 3, 27), "Asia/Jakarta", True),
        (("--zone", "WITA", "--no-cuti-bersama"), dt.date(2025, 3, 27), "Asia/Makassar", False),
        ((), dt.date(2026, 12, 21), "Asia/Jakarta", True),  # into an estimated year
    ],
)
def test_deadline(argv: tuple[str, ...], received: dt.date, zone: str, cuti_bersama: bool) -> None:
    data = run_json("deadline", received.isoformat(), *argv, "--json")
    cal = WorkCalendar.indonesia(
        cuti_bersama=cuti_bersama, zone=zone, estimate_until=received.year + 1
    )
    assert data == deadline_chain(received, cal).to_dict()


def test_deadline_of_a_datetime_with_steps_taken() -> None:
    data = run_json(
        "deadline", "2025-03-26T15:05+07:00", "--zone", "NTT", "--decided", "2025-04-10", "--json"
    )
    received = dt.datetime.fromisoformat("2025-03-26T15:05+07:00")
    cal = WorkCalendar.indonesia(zone="NTT", estimate_until=2026)
    chain = deadline_chain(received, cal, decided_on=dt.date(2025, 4, 10))
    assert data == chain.to_dict()
    assert data["received"] == "2025-03-26T15:05:00+07:00"


def test_register_report(tmp_path: Path) -> None:
    path = tmp_path / "kpu_ntt_2024.csv"
    path.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    data = run_json(
        "register", "report", str(path), "--year", "2024", "--as-of", "2025-01-06", "--json"
    )
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year  # as the command does
    cal = WorkCalendar.indonesia(estimate_until=max(this_year, 2024, 2025) + 1)
    register = load_register(str(path), calendar=cal)
    report = service_report(register, cal, year=2024, as_of=dt.date(2025, 1, 6))
    assert data == report.to_dict()


@pytest.fixture
def seed_survey(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    text = (resources.files("ppid_core.examples.ikm") / SEED_FILE).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


def _reading(survey: Survey) -> dict[str, object]:
    """How the file was read (header row, layout, notes): the one key beside to_dict()."""
    return {"header": survey.header_row, "layout": survey.layout, "notes": list(survey.notes)}


def test_ikm_score(seed_survey: Path) -> None:
    data = run_json("ikm", "score", str(seed_survey), "--json")
    survey = read_seed_survey()
    assert data == {**survey.score().to_dict(), "reading": _reading(survey)}


def test_ikm_score_by(seed_survey: Path) -> None:
    data = run_json("ikm", "score", str(seed_survey), "--by", "Layanan", "--json")
    survey = read_seed_survey()
    assert data == {
        **survey.score().to_dict(),
        "by": survey.score(by="Layanan").to_dict(),
        "reading": _reading(survey),
    }


def test_rb_status() -> None:
    path = example_path("kpu-ntt-2022-realisasi.yaml")
    data = run_json("rb", "status", str(path), "--month", "2022-04", "--json")
    plan, records = load_monitoring(path)
    assert data == plan_status(plan, records, year=2022, month=4).to_dict()


def test_calendar_show() -> None:
    data = run_json("calendar", "show", "2025", "--json")
    cal = WorkCalendar.indonesia(estimate_until=2025)
    assert data == year_overview(cal, 2025).to_dict()


def test_calendar_coverage() -> None:
    data = run_json("calendar", "coverage", "--json")
    years = holiday_data()
    cal = WorkCalendar.indonesia(estimate_until=max(years) + ESTIMATE_LIMIT)
    assert data == coverage(cal, years, ESTIMATE_LIMIT).to_dict()
