"""``ppid register report FILE... [--jobs N]``: per-file summaries merged into exactly the
report of the concatenated register (issue 15)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.cli import main
from ppid_core.examples.requests import kpu_ntt_2024_text
from ppid_core.requests import load_register, service_report
from ppid_core.requests._register_merge import merge_registers

AS_OF = "2025-01-06"
CAL_OPTIONS = ("--as-of", AS_OF, "--no-estimate")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def parts(tmp_path: Path) -> list[Path]:
    """The seed register cut into three files, each with the header."""
    head, *rows = kpu_ntt_2024_text().splitlines(keepends=True)
    cuts = [rows[:10], rows[10:11], rows[11:]]
    paths = []
    for i, chunk in enumerate(cuts):
        path = tmp_path / f"part{i}.csv"
        path.write_text(head + "".join(chunk), encoding="utf-8")
        paths.append(path)
    (tmp_path / "whole.csv").write_text(kpu_ntt_2024_text(), encoding="utf-8")
    return paths


def test_merged_files_give_the_report_of_the_concatenated_register(parts: list[Path]) -> None:
    code, text = run("register", "report", *map(str, parts), *CAL_OPTIONS, "--json")
    assert code == 0
    cal = WorkCalendar.indonesia()
    registers = [load_register(p, calendar=cal) for p in parts]
    whole = service_report(merge_registers(registers), cal, as_of=dt.date(2025, 1, 6))
    assert json.loads(text) == whole.to_dict()
    assert text == whole.to_json() + "\n"


def test_jobs_give_the_same_json(parts: list[Path]) -> None:
    argv = ["register", "report", *map(str, parts), *CAL_OPTIONS, "--json"]
    assert run(*argv, "--jobs", "2") == run(*argv)


def test_the_figures_equal_one_file_of_all_the_rows(parts: list[Path]) -> None:
    whole = parts[0].parent / "whole.csv"
    merged = json.loads(run("register", "report", *map(str, parts), "--as-of", AS_OF, "--json")[1])
    single = json.loads(run("register", "report", str(whole), "--as-of", AS_OF, "--json")[1])
    for key in ("total", "by_month", "by_service", "by_topic", "by_unit", "response_times"):
        assert merged[key] == single[key]


def test_every_files_errors_are_reported_together(
    parts: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = parts[0].parent / "bad.csv"
    bad.write_text(parts[0].read_text(encoding="utf-8").replace("4 Juni 2024", "31 Juni 2024"))
    missing = parts[0].parent / "nope.csv"
    code, _ = run("register", "report", str(bad), str(parts[1]), str(missing), "--jobs", "2")
    assert code == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "bad.csv: row 2, column \"Tanggal/Bulan/Tahun Mengurus Layanan\": '31 Juni 2024' is "
        "not a valid date (day is out of range for month)",
        f"{missing}: No such file or directory",
    ]


@pytest.mark.parametrize("value", ["0", "65", "x", ""])
def test_jobs_is_checked_where_it_is_parsed(
    value: str, parts: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("register", "report", str(parts[0]), "--jobs", value)[0] == 2
    assert f"expected a whole number from 1 to 64, got {value!r}" in capsys.readouterr().err
