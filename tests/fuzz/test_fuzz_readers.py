"""Fuzzing: damaged versions of every real input file, through every reader and the CLI.

The only outcomes accepted are a result or a :class:`~ppid_core.errors.PpidError` (a
``DataFileError`` group included); for the command line, an exit status of 0, 1 or 2
with no traceback. ``make test`` runs a small budget; ``make fuzz`` a long one
(``PPID_FUZZ_EXAMPLES``). See CONTRIBUTING.md, "What every reader must survive".
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ppid_core.calendar import load_holidays, load_local_calendar
from ppid_core.calendar._overview import load_calendar_file
from ppid_core.cli import main
from ppid_core.dip import load_dip
from ppid_core.errors import PpidError
from ppid_core.ikm import load_regime, read_survey
from ppid_core.monev import load_answers
from ppid_core.rb import load_any, load_framework, load_lke_answers
from ppid_core.requests import (
    load_annual_profile,
    load_expected_units,
    load_register,
    load_rule_set,
    load_topics,
    load_zone_map,
)
from tests.fuzz.mutations import mutated

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("PPID_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PKG = resources.files("ppid_core")
REGISTER_PATH = str(PKG.joinpath("examples", "requests", "kpu_ntt_2024.csv"))


def _bytes(*parts: str) -> bytes:
    return PKG.joinpath(*parts).read_bytes()


def _xlsx_of(csv_text: str) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(csv_text)):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


LOCAL = b"""office: KPU Kabupaten Flores Timur
zone: WITA
office_hours:
  monday: 07:30-16:00
  friday: 07:30-16:30
closures:
  - date: 2024-11-04
    until: 2024-11-08
    name: Penutupan kantor
working_days:
  - date: 2024-12-28
    name: Hari kerja pengganti
"""
SURVEY = _bytes("examples", "ikm", "kpu_ntt_2024_skm.csv")
REGISTER = _bytes("examples", "requests", "kpu_ntt_2024.csv")
# the register as an Indonesian Excel saves it (issue 10): a title, cp1252, ";" between cells
REGISTER_EXCEL_ID = (
    "REGISTER PERMOHONAN INFORMASI \u2013 2024;;;;;;;\r\n"
    + REGISTER.decode().replace(",", ";").replace("\n", "\r\n")
).encode("cp1252")
PLAN = _bytes("examples", "rb", "kpu-ntt-2022-rencana-aksi.yaml")
TEAM = _bytes("examples", "rb", "kpu-ntt-2022-tim.yaml")
REALISATION = _bytes("examples", "rb", "kpu-ntt-2022-realisasi.yaml")
PROFILE = _bytes("examples", "requests", "kpu_ntt_2024_profil.yaml")
UNITS = _bytes("examples", "requests", "oversight", "units.yaml")
ZONES = b"kpu_kabupaten_alor.csv: WITA\nkpu_kota_kupang.csv: Asia/Makassar\n"
DIP = _bytes("examples", "dip", "kpu-ntt-dip.yaml")
MONEV = _bytes("examples", "monev", "kpu-ntt-2025-jawaban.yaml")
LKE = _bytes("examples", "rb", "lke-example.yaml")
# an office's own framework: the bundled 2023 one under a key of its own
FRAMEWORK = _bytes("rb", "data", "rb-general-tematik-2023.yaml").replace(
    b"framework: rb-general-tematik-2023", b"framework: rb-general-kpu-2025"
)
PLAN_2025 = _bytes("examples", "rb", "contoh-rb-general-2025-rencana-aksi.yaml")

# name -> (original bytes, file name, reader of the written file)
Reader = Callable[[Path], object]
TARGETS: dict[str, tuple[bytes, str, Reader]] = {
    "holiday file": (
        _bytes("calendar", "data", "holidays", "2027.yaml"),
        "2027.yaml",
        load_calendar_file,
    ),
    "local calendar": (LOCAL, "kantor.yaml", load_calendar_file),
    "rule set": (_bytes("requests", "data", "rules", "uu_14_2008.yaml"), "r.yaml", load_rule_set),
    "topic table": (_bytes("requests", "data", "topics", "kpu.yaml"), "t.yaml", load_topics),
    "ikm regime": (
        _bytes("ikm", "data", "regimes", "permenpan_14_2017.yaml"),
        "g.yaml",
        load_regime,
    ),
    "survey csv": (SURVEY, "skm.csv", read_survey),
    "register csv": (REGISTER, "register.csv", load_register),
    "register excel-id csv": (REGISTER_EXCEL_ID, "register-id.csv", load_register),
    "rb plan": (PLAN, "kpu-ntt-2022-rencana-aksi.yaml", load_any),
    "rb team": (TEAM, "kpu-ntt-2022-tim.yaml", load_any),
    "rb realisation": (REALISATION, "kpu-ntt-2022-realisasi.yaml", load_any),
    "annual profile": (PROFILE, "profil.yaml", load_annual_profile),
    "expected units": (UNITS, "units.yaml", load_expected_units),
    "zone map": (ZONES, "zones.yaml", load_zone_map),
    "dip": (DIP, "dip.yaml", load_dip),
    "monev answers": (MONEV, "jawaban.yaml", load_answers),
    "lke answers": (LKE, "lke.yaml", load_lke_answers),
    "rb framework": (FRAMEWORK, "framework.yaml", load_framework),
    "rb general 2025 plan": (PLAN_2025, "contoh-rb-general-2025-rencana-aksi.yaml", load_any),
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``name`` next to the unchanged rb plan (realisations point at it)."""
    (folder / "kpu-ntt-2022-rencana-aksi.yaml").write_bytes(PLAN)
    path = folder / name
    path.write_bytes(data)
    return path


def _survives(read: Reader, path: Path) -> None:
    with contextlib.suppress(PpidError):
        read(path)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_reader_survives_damaged_file(target: str) -> None:
    original, name, read = TARGETS[target]

    @FUZZ
    @given(data=mutated(original))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            _survives(read, _write(Path(tmp), name, data))

    run()


@pytest.mark.parametrize(
    ("target", "read"),
    [("survey xlsx", read_survey), ("register xlsx", load_register)],
)
def test_xlsx_reader_survives_damaged_workbook(target: str, read: Reader) -> None:
    original = _xlsx_of((SURVEY if target.startswith("survey") else REGISTER).decode("utf-8"))

    @FUZZ
    @given(data=mutated(original))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            _survives(read, _write(Path(tmp), "file.xlsx", data))

    run()


# name -> (original bytes, loader): the in-memory forms every load_* takes (bytes, a file
# object); an RB realisation has no folder then, which is itself a located error
IN_MEMORY: dict[str, tuple[bytes, Callable[[Any], object]]] = {
    "holiday file": (TARGETS["holiday file"][0], load_holidays),
    "local calendar": (LOCAL, load_local_calendar),
    "rule set": (TARGETS["rule set"][0], load_rule_set),
    "topic table": (TARGETS["topic table"][0], load_topics),
    "register csv": (REGISTER, load_register),
    "rb plan": (PLAN, load_any),
    "rb team": (TEAM, load_any),
    "rb realisation": (REALISATION, load_any),
    "annual profile": (PROFILE, load_annual_profile),
    "dip": (DIP, load_dip),
    "monev answers": (MONEV, load_answers),
    "lke answers": (LKE, load_lke_answers),
    "rb framework": (FRAMEWORK, load_framework),
}


@pytest.mark.parametrize("target", sorted(IN_MEMORY))
def test_in_memory_reader_survives_damaged_bytes(target: str) -> None:
    original, read = IN_MEMORY[target]

    @FUZZ
    @given(data=mutated(original))
    def run(data: bytes) -> None:
        with contextlib.suppress(PpidError):
            read(data)
        with contextlib.suppress(PpidError):
            read(io.BytesIO(data))

    run()


COMMANDS: dict[str, tuple[str, list[str]]] = {
    "survey csv": ("skm.csv", ["ikm", "score", "{}", "--json"]),
    "register csv": ("register.csv", ["register", "report", "{}", "--json"]),
    "register excel-id csv": (
        "register-id.csv",
        ["register", "report", "{}", "--json", "--map", "NAMA LAYANAN YANG DITERIMA=information"],
    ),
    "rb plan": ("kpu-ntt-2022-rencana-aksi.yaml", ["rb", "check", "{}"]),
    "rb realisation": ("kpu-ntt-2022-realisasi.yaml", ["rb", "check", "{}"]),
    "holiday file": ("2027.yaml", ["calendar", "check", "{}"]),
    "holiday option": ("2027.yaml", ["deadline", "2026-12-02", "--holidays", "{}", "--json"]),
    "local option": ("kantor.yaml", ["deadline", "2024-11-01", "--local", "{}", "--json"]),
    "annual profile": (
        "profil.yaml",
        ["report", "annual", "--year", "2024", "--register", REGISTER_PATH, "--profile", "{}"],
    ),
    "expected units": (
        "units.yaml",
        ["register", "oversight", REGISTER_PATH, "--units", "{}", "--on", "2025-01-06"],
    ),
    "dip": ("dip.yaml", ["dip", "check", "{}", "--on", "2025-01-15"]),
    "monev answers": ("jawaban.yaml", ["monev", "score", "{}"]),
    "lke answers": ("lke.yaml", ["rb", "lke", "score", "{}"]),
    "rb general 2025 plan": ("contoh-rb-general-2025-rencana-aksi.yaml", ["rb", "check", "{}"]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_line_survives_damaged_file(command: str) -> None:
    name, argv = COMMANDS[command]
    original = TARGETS.get(
        command, TARGETS["holiday file"] if "holiday" in command else TARGETS["local calendar"]
    )[0]

    @FUZZ
    @given(data=mutated(original))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = _write(Path(tmp), name, data)
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = main([a.replace("{}", str(path)) for a in argv], out=io.StringIO())
            assert code in {0, 1, 2}, err.getvalue()
            assert "Traceback" not in err.getvalue()

    run()


@FUZZ
@given(st.text(max_size=40))
def test_deadline_argument_never_tracebacks(text: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["deadline", text, "--json"], out=io.StringIO())
    assert code in {0, 1, 2}
    assert "Traceback" not in err.getvalue()
