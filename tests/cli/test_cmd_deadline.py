"""``ppid deadline``: contract keys, text output and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

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


def test_golden_2027_bar() -> None:
    # source: issue 8, "Done means"; counted by hand in tests/requests/test_deadlines.py
    code, text = run("deadline", "2026-12-21T09:00", "--zone", "WITA", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["response_due"] == "2027-01-08"
    assert data["extended_response_due"] == "2027-01-19"
    # the atasan's period runs over Idul Fitri 1448 H, which the sidang isbat may move
    assert data["provisional"] is True
    assert [s["provisional"] for s in data["steps"]][:2] == [False, False]


def test_undecreed_year_is_estimated_and_marked() -> None:
    code, text = run("deadline", "2029-05-02", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["provisional"] is True
    assert all(s["due"] is not None and s["provisional"] for s in data["steps"])
    assert 2029 in data["calendar"]["estimated_years"]
    assert data["calendar"]["decreed_years"][-1] == 2027


def test_text_output_says_what_is_estimated() -> None:
    code, text = run("deadline", "2027-11-22")
    assert code == 0
    assert "Keberatan: file by:         2028-01-28 *" in text
    assert (
        "* provisional: the holidays of 2028 are estimated (no SKB yet: fixed-date days by "
        "Keppres, movable ones by python-holidays, cuti bersama unknown). Check again once the "
        "decree is final."
    ) in text


def test_no_estimate_leaves_later_steps_unknown() -> None:
    code, text = run("deadline", "2027-11-22", "--no-estimate", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["provisional"] is False
    assert data["response_due"] == "2027-12-06"
    assert data["keberatan_filing_due"] is None
    step = data["steps"][2]
    assert step["due"] is None
    assert step["reason"] == "di luar data kalender: data ends 2027-12-31"
    code, text = run("deadline", "2027-11-22", "--no-estimate")
    assert (  # the reason kept in JSON as data, shown in the language in use
        "Keberatan: file by:         unknown — outside the calendar's data: its data ends on "
        "2027-12-31" in text
    )


def test_no_estimate_without_a_response_deadline_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _ = run("deadline", "2027-12-29", "--no-estimate")
    assert code == 1
    assert capsys.readouterr().err == (
        "ppid: the response deadline cannot be computed (di luar data kalender: data ends "
        "2027-12-31); add the year with --holidays FILE, or drop --no-estimate\n"
    )


def test_receipt_outside_the_data_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("deadline", "2015-06-03")
    assert code == 1
    assert capsys.readouterr().err == (
        "ppid: 2015-06-03 is outside the holiday data (2016-01-01 to 2027-12-31); add that "
        "year with --holidays FILE (or a folder of files in $PPID_HOLIDAYS_DIR); years after "
        "the decreed data are estimated unless --no-estimate is given, at most 10 years ahead\n"
    )


HOLIDAY_2028 = """year: 2028
sources:
  - id: skb-2028
    title: SKB 2028
    urls: [https://example.org/skb-2028]
holidays:
  - date: 2028-01-03
    name: Hari X
    category: libur_nasional
    source: skb-2028
"""


def test_holidays_option_adds_a_decreed_year(tmp_path: Path) -> None:
    path = tmp_path / "2028.yaml"
    path.write_text(HOLIDAY_2028, encoding="utf-8")
    code, text = run("deadline", "2027-12-20", "--holidays", str(path), "--json")
    assert code == 0
    data = json.loads(text)
    # 21, 22, 23, 27-31 Dec, then 3 Jan is the office's holiday: 4, 5 Jan
    assert data["response_due"] == "2028-01-05"
    assert data["calendar"]["decreed_years"][-1] == 2028
    assert data["provisional"] is False


def test_holidays_option_with_a_bad_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2028.yaml"
    path.write_text(HOLIDAY_2028.replace("2028-01-03", "2028-02-30"), encoding="utf-8")
    code, _ = run("deadline", "2027-12-20", "--holidays", str(path))
    assert code == 1
    assert capsys.readouterr().err == (
        f"{path}:7:11 ($.holidays[0].date): 2028-02-30 is not a valid date "
        "(day is out of range for month)\n"
    )


def test_local_file_gives_the_zone_and_closures(tmp_path: Path) -> None:
    path = tmp_path / "kantor.yaml"
    path.write_text(
        "office: KPU Kabupaten Flores Timur\nzone: WITA\nclosures:\n"
        "  - date: 2025-03-27\n    name: Penutupan kantor\n",
        encoding="utf-8",
    )
    code, text = run("deadline", "2025-03-27", "--local", str(path), "--json")
    assert code == 0
    data = json.loads(text)
    assert data["zone"] == "Asia/Makassar"
    # closed the day it arrived, so it counts from the next working day: 28 Mar is cuti
    # bersama, 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr cuti bersama (SKB 2025) -> Tue 8 Apr
    assert data["receipt_date"] == "2025-04-08"


def test_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("deadline", "27/03/2025")
    assert code == 2
    assert "RECEIVED must be an ISO date or datetime" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("zone", "why"),
    [
        (
            "Mars",
            "unknown zone 'Mars'; expected an Indonesian IANA zone (Asia/Jakarta, "
            "Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, WIT or a province name",
        ),
        ("", "empty; expected an Indonesian IANA zone, WIB, WITA, WIT or a province name"),
        (" ", "empty; expected an Indonesian IANA zone, WIB, WITA, WIT or a province name"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ("deadline", "2025-03-27"),
        ("calendar", "show", "2025"),
        ("calendar", "coverage"),
        ("register", "report", "register.csv"),
    ],
)
def test_a_bad_zone_is_bad_usage_on_every_calendar_command(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], zone: str, why: str
) -> None:
    # an empty --zone once meant Asia/Jakarta without a word; an unknown one exited 1
    code, text = run(*command, "--zone", zone)
    assert (code, text) == (2, "")
    assert capsys.readouterr().err.splitlines()[-1].endswith(f"error: argument --zone: {why}")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("--sengketa-filed", "2025-01-02"),
            "the sengketa (2025-01-02) is dated before receipt of the request (2025-03-27); "
            "a step cannot come before the step it follows",
        ),
        (
            ("--decided", "2025-04-10", "--keberatan-filed", "2025-04-09"),
            "the keberatan (2025-04-09) is dated before the written notice (2025-04-10); "
            "a step cannot come before the step it follows",
        ),
        (
            ("--keberatan-filed", "2025-05-02", "--atasan-answered", "2025-05-01"),
            "the atasan PPID's answer (2025-05-01) is dated before the keberatan "
            "(2025-05-02); a step cannot come before the step it follows",
        ),
    ],
)
def test_a_step_dated_before_the_one_it_follows_is_bad_usage(
    capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], message: str
) -> None:
    # once printed "Komisi Informasi starts by 2025-01-22" for a request of 2025-03-27
    code, text = run("deadline", "2025-03-27", *extra, "--json")
    assert (code, text) == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == f"ppid deadline: error: {message}"


def test_steps_on_the_same_day_are_in_order() -> None:
    code, _ = run("deadline", "2025-03-27", "--decided", "2025-03-27", "--json")
    assert code == 0


@pytest.mark.parametrize("partial", ["2025", "2025-03", "2025-3"])
def test_a_partial_date_is_bad_usage(capsys: pytest.CaptureFixture[str], partial: str) -> None:
    # "2025" once meant 2025-01-01 and "2025-03" 2025-03-01, silently
    code, text = run("deadline", partial)
    assert (code, text) == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"ppid deadline: error: RECEIVED {partial!r} is not a whole date; give the year, month "
        "and day (2025-03-27) or a datetime (2025-03-27T15:30+08:00)"
    )


@pytest.mark.parametrize(
    ("received", "message"),
    [
        (
            "9999-12-31T23:59:59+00:00",  # once an OverflowError traceback
            "RECEIVED must be in the years 1900-2200, got '9999-12-31T23:59:59+00:00'",
        ),
        ("0001-01-01", "RECEIVED must be in the years 1900-2200, got '0001-01-01'"),
        (
            "2025-W13-4",
            "RECEIVED must be an ISO date or datetime (2025-03-27 or 2025-03-27T15:30+08:00), "
            "got '2025-W13-4'",
        ),
    ],
)
def test_dates_outside_the_years_or_forms_are_bad_usage(
    capsys: pytest.CaptureFixture[str], received: str, message: str
) -> None:
    code, text = run("deadline", received, "--json")
    assert (code, text) == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == f"ppid deadline: error: {message}"


@pytest.mark.parametrize("value", ["9999-12-31", "20250402", "2025-04"])
def test_step_dates_are_whole_iso_dates_in_range(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, _ = run("deadline", "2025-03-27", "--decided", value)
    assert code == 2
    assert "argument --decided:" in capsys.readouterr().err


def test_whole_chain_keys() -> None:
    code, text = run("deadline", "2025-03-27", "--json", "--decided", "2025-04-10")
    assert code == 0
    data = json.loads(text)
    assert data["regime"] == "uu_14_2008"
    # 30 working days after Thu 2025-04-10, skipping 18 Apr, 1 May, 12-13 May: 2025-05-28
    assert data["keberatan_filing_due"] == "2025-05-28"
    assert [s["step"] for s in data["steps"]] == [
        "response",
        "extended_response",
        "keberatan_filing",
        "atasan_answer",
        "sengketa_filing",
        "ki_start",
        "ki_finish",
    ]
    assert data["steps"][2]["counts_from_actual"] is True


def test_perki_unknown_steps_are_null() -> None:
    code, text = run("deadline", "2024-10-07", "--rules", "perki_1_2019", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["regime_confirmed"] is False
    assert data["response_due"] == "2024-10-10"
    assert data["keberatan_filing_due"] is None
    assert data["steps"][2]["confidence"] == "unknown"


def test_perki_text_says_unknown() -> None:
    code, text = run("deadline", "2024-10-07", "--rules", "perki_1_2019")
    assert code == 0
    assert "Keberatan: file by:         unknown" in text
    assert "not confirmed" in text


def test_text_counts_are_worded_for_one() -> None:
    code, text = run("deadline", "2024-11-25")
    assert code == 0
    assert "Skipped: 6 weekend days and 1 holiday:" in text
