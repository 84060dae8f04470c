"""``ppid`` itself: closed pipes, legacy encodings, internal errors, exit statuses."""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TextIO

import pytest

from ppid_core.cli import EXIT_INTERNAL, _cmd_calendar, main
from ppid_core.errors import DataFileError, LocatedError, UnknownZoneError

PPID = [sys.executable, "-c", "import sys; from ppid_core.cli import main; sys.exit(main())"]


def test_a_reader_that_stops_early_is_a_normal_end() -> None:
    # `ppid demo | head -1` once printed "ppid: : Broken pipe" and exited 1; here the
    # reading end is closed before the command writes anything, so every write fails
    proc = subprocess.Popen(
        [*PPID, "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert (proc.wait(timeout=120), err) == (0, b"")


def test_a_closed_stdout_is_a_normal_end() -> None:
    # with stdout closed (>&-) sys.stdout is None: once an AttributeError traceback
    script = 'exec "$0" "$@" >&-'
    done = subprocess.run(
        ["sh", "-c", script, *PPID, "demo"], capture_output=True, timeout=120, check=False
    )
    assert (done.returncode, done.stderr) == (0, b"")


class _Pipe(io.StringIO):
    """A stream whose reader has gone away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"], out=_Pipe()) == 0
    assert capsys.readouterr().err == ""


def local_file(tmp_path: Path) -> Path:
    path = tmp_path / "local.yaml"
    path.write_text(
        "closures:\n  - date: 2025-06-02\n    name: Penutupan kantor ✓ 火山\n", encoding="utf-8"
    )
    return path


def test_a_legacy_stdout_encoding_never_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cp1252, as on a Windows redirect, cannot write ✓ or 火山: replaced, and counted
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252", newline="\n")
    code = main(["calendar", "show", "2025", "--local", str(local_file(tmp_path))], out=out)
    out.flush()
    assert code == 0
    assert re.search(
        r"\n2025-06-02  Senin +penutupan_lokal  Penutupan kantor \? \?\? +decreed\n",
        raw.getvalue().decode("cp1252"),
    )
    assert capsys.readouterr().err == (
        "ppid: 3 character(s) cannot be written in cp1252 and are shown as '?'; "
        "set PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) to keep them\n"
    )


def test_the_process_stdout_in_a_legacy_encoding(tmp_path: Path) -> None:
    done = subprocess.run(
        [*PPID, "calendar", "show", "2025", "--local", str(local_file(tmp_path))],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"},
    )
    assert done.returncode == 0
    assert b"Penutupan kantor ? ??" in done.stdout
    assert b"3 character(s) cannot be written in cp1252" in done.stderr
    assert b"Traceback" not in done.stderr


def test_a_legacy_stderr_encoding_keeps_the_detail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    err = io.TextIOWrapper(raw, encoding="cp1252", newline="\n")
    monkeypatch.setattr(sys, "stderr", err)
    missing = tmp_path / "libur_✓.yaml"
    assert main(["calendar", "show", "2025", "--holidays", str(missing)], out=io.StringIO()) == 1
    err.flush()
    assert "libur_\\u2713.yaml" in raw.getvalue().decode("cp1252")


def _handler_raising(exc: BaseException) -> object:
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        raise exc

    return handler


def test_an_internal_error_hides_its_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the message of a bug may quote the input: a requester's name and phone
    monkeypatch.delenv("PPID_DEBUG", raising=False)
    monkeypatch.setattr(
        _cmd_calendar, "_run_coverage", _handler_raising(ValueError("Budi Santoso 081234567890"))
    )
    assert main(["calendar", "coverage"], out=io.StringIO()) == EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert "Budi" not in err
    assert "0812" not in err
    assert err.startswith("ppid: internal error: ValueError at ")
    assert err.rstrip().endswith(
        "This is a bug in ppid-core; please report it with the command you ran (the message "
        "is not shown, as it may quote your data; PPID_DEBUG=1 shows the whole traceback)"
    )


def test_an_internal_error_in_library_code_names_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PPID_DEBUG", raising=False)

    def broken(*args: object, **kwargs: object) -> object:
        table: dict[str, object] = {}
        return table["Budi"]  # a KeyError in ppid_core code would read the same

    monkeypatch.setattr(_cmd_calendar, "coverage", broken)
    assert main(["calendar", "coverage"], out=io.StringIO()) == 3
    err = capsys.readouterr().err
    assert err.startswith("ppid: internal error: KeyError at ppid_core/cli/_cmd_calendar.py:")
    assert "(_run_coverage)" in err
    assert "Budi" not in err


def test_ppid_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PPID_DEBUG", "1")
    monkeypatch.setattr(_cmd_calendar, "_run_coverage", _handler_raising(ValueError("detail")))
    assert main(["calendar", "coverage"], out=io.StringIO()) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.rstrip().endswith("ValueError: detail")


def test_ppid_errors_are_still_reported_as_bad_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    located = LocatedError("bad", source="a.csv", row=2, field="Tanggal")
    group = DataFileError.from_errors("a.csv", [located])
    monkeypatch.setattr(_cmd_calendar, "_run_coverage", _handler_raising(group))
    assert main(["calendar", "coverage"], out=io.StringIO()) == 1
    assert capsys.readouterr().err == 'a.csv: row 2, column "Tanggal": bad\n'


def test_a_group_of_several_files_errors_is_bad_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one = DataFileError.from_errors("a.csv", [LocatedError("bad", source="a.csv", row=2)])
    two = UnknownZoneError("unknown zone 'Mars'")
    monkeypatch.setattr(
        _cmd_calendar, "_run_coverage", _handler_raising(ExceptionGroup("2 files", [one, two]))
    )
    assert main(["calendar", "coverage"], out=io.StringIO()) == 1
    assert capsys.readouterr().err == "a.csv: row 2: bad\nppid: unknown zone 'Mars'\n"


def test_interrupted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(_cmd_calendar, "_run_coverage", _handler_raising(KeyboardInterrupt()))
    assert main(["calendar", "coverage"], out=io.StringIO()) == 130
    assert capsys.readouterr().err == "ppid: interrupted\n"


def test_usage_and_help_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"], out=io.StringIO()) == 0
    assert main(["no-such-command"], out=io.StringIO()) == 2
    assert main([], out=io.StringIO()) == 2
    capsys.readouterr()
