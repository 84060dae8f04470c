"""Fuzzing the survey files of issue 10 (a worksheet under a title with codes, a Google
Forms export, a long export of an SKM app): damaged, through the reader and the CLI.

The only outcomes accepted are a survey or a `PpidError`; on the command line an exit
status of 0, 1 or 2 and no traceback. See CONTRIBUTING.md, "What every reader must survive".
"""

from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from ppid_core.cli import main
from ppid_core.errors import PpidError
from ppid_core.ikm import Regime, read_survey
from tests.fuzz.mutations import mutated
from tests.fuzz.test_fuzz_readers import FUZZ, _xlsx_of

pytestmark = pytest.mark.fuzz

R = Regime.bundled()
_BY_NUMBER = sorted(R.unsur, key=lambda u: u.question_number or 0)


def _codes() -> str:
    codes = ",".join(f"U{i}" for i in range(1, 10))
    rows = ["REKAP SKM 2024,,,", ",,,", "No,Layanan,Nilai Unsur,,,,,,,,", f",,{codes}"]
    rows += [f"{n},Informasi,4,4,3,4,3,4,4,3,3" for n in range(1, 6)]
    return "\n".join(rows) + "\n"


def _google_forms() -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(
        ["Timestamp", "Nama", "Layanan"]
        + [f"{u.question_number}. {u.question}" for u in _BY_NUMBER]
    )
    for n in range(5):
        writer.writerow(
            [f"2024/06/0{n + 1} 10:15:23 AM GMT+8", "Budi Santoso", "Informasi"]
            + [f"c. {u.answers[2]}" if n % 2 else f"{u.answers[3]} (4)" for u in _BY_NUMBER]
        )
    return out.getvalue()


def _long() -> str:
    rows = ["id_responden,tanggal,no_pertanyaan,nilai,Jenis Kelamin"]
    rows += [
        f"R{r},2024-06-0{r + 1},U{q},{1 + (r + q) % 4},P" for r in range(4) for q in range(1, 10)
    ]
    return "\n".join(rows) + "\n"


FILES = {"codes": _codes(), "google forms": _google_forms(), "long": _long()}


def test_the_files_read_before_damage() -> None:
    for name, text in FILES.items():
        assert read_survey(text.encode(), source_name=f"{name}.csv").respondents >= 4, name


def _survives(path: Path) -> None:
    with contextlib.suppress(PpidError):
        read_survey(path)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_reader_survives_a_damaged_file(name: str) -> None:
    @FUZZ
    @given(data=mutated(FILES[name].encode()))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "skm.csv"
            path.write_bytes(data)
            _survives(path)
            with contextlib.suppress(PpidError):
                read_survey(data, layout="long")

    run()


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_reader_survives_a_damaged_workbook(name: str) -> None:
    @FUZZ
    @given(data=mutated(_xlsx_of(FILES[name])))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "skm.xlsx"
            path.write_bytes(data)
            _survives(path)

    run()


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_command_line_survives_a_damaged_file(name: str) -> None:
    @FUZZ
    @given(data=mutated(FILES[name].encode()))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "skm.csv"
            path.write_bytes(data)
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = main(["ikm", "score", str(path), "--json"], out=io.StringIO())
            assert code in {0, 1, 2}, err.getvalue()
            assert "Traceback" not in err.getvalue()

    run()
