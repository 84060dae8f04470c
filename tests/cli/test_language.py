"""``ppid --lang id|en``: the command line in Bahasa Indonesia and in English."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from ppid_core.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_deadline_in_indonesian() -> None:
    # source: issue 14, "Done means": `ppid --lang id deadline 2025-03-27`
    code, text = run("--lang", "id", "deadline", "2025-03-27")
    assert code == 0
    lines = text.splitlines()
    assert lines[:4] == [
        "Aturan:                                 UU 14/2008 — regime umum layanan informasi publik",
        "Diterima:                               2025-03-27 (Asia/Jakarta)",
        "Dihitung diterima pada:                 2025-03-27",
        "Batas waktu jawaban:                    2025-04-22  "
        "(UU 14/2008 Pasal 22 ayat (7): 10 hari kerja, sumber primer)",
    ]
    assert lines[4].startswith("Batas jawaban jika diperpanjang:        2025-05-02  ")
    assert "Dilewati: 8 hari akhir pekan dan 11 hari libur:" in lines


def test_deadline_in_english() -> None:
    code, text = run("--lang", "en", "deadline", "2025-03-27")
    assert code == 0
    lines = text.splitlines()
    assert lines[3] == (
        "Response due:               2025-04-22  "
        "(UU 14/2008 Pasal 22 ayat (7): 10 working days, primary source)"
    )
    assert "Skipped: 8 weekend days and 11 holidays:" in lines


def test_json_keys_are_never_translated() -> None:
    _, english = run("--lang", "en", "deadline", "2025-03-27", "--json")
    _, indonesian = run("--lang", "id", "deadline", "2025-03-27", "--json")
    assert english == indonesian


def test_argparse_speaks_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--lang", "id", "deadline")
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: ppid deadline [-h]")
    assert err.endswith("ppid deadline: galat: argumen berikut wajib diberikan: RECEIVED\n")


def test_an_unknown_language_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--lang", "jv", "deadline", "2025-03-27")
    assert code == 2
    assert capsys.readouterr().err.endswith(
        "ppid: error: argument --lang: invalid choice: 'jv' (choose from 'en', 'id')\n"
    )


def test_the_locale_chooses_when_no_flag_is_given() -> None:
    env = {**os.environ, "LANG": "id_ID.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "ppid_core", "deadline", "2025-03-27"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.startswith("Aturan:")
    english = subprocess.run(
        [sys.executable, "-m", "ppid_core", "--lang", "en", "deadline", "2025-03-27"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert english.stdout.startswith("Rules:")


def test_main_restores_the_language_and_argparse() -> None:
    import argparse

    before = argparse._  # type: ignore[attr-defined]
    run("--lang", "id", "deadline", "2025-03-27")
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_ppid_lang_keeps_the_office_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PPID_LANG", "id")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run("deadline", "2025-03-27")[1].startswith("Aturan:")
    assert run("--lang", "en", "deadline", "2025-03-27")[1].startswith("Rules:")
    monkeypatch.setenv("PPID_LANG", "jv")  # not offered: the locale decides
    assert run("deadline", "2025-03-27")[1].startswith("Rules:")
