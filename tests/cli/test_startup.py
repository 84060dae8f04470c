"""``ppid`` starts lazily: ``--version`` and ``--help`` import no command module.

Each case runs ``ppid`` in a fresh interpreter and lists the modules it imported; the
start-up times themselves are measured by ``benchmarks/bench_startup.py``, not here.
"""

from __future__ import annotations

import importlib.metadata
import json
import pkgutil
import subprocess
import sys

import pytest

import ppid_core.cli
from ppid_core.cli import COMMANDS
from ppid_core.cli._version import installed_version

SCRIPT = """
import json, sys
from ppid_core.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

HEAVY = ("pendulum", "yaml", "attr", "attrs", "openpyxl", "pandas", "holidays")
"""Third-party packages that ``ppid --version`` and ``ppid --help`` must not import."""


def imported(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.splitlines()[-1])
    return int(report["code"]), set(report["modules"])


def top(modules: set[str]) -> set[str]:
    return {m.partition(".")[0] for m in modules}


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_import_nothing_heavy(argv: list[str]) -> None:
    code, modules = imported(*argv)
    assert code == 0
    assert top(modules).isdisjoint(HEAVY), sorted(top(modules) & set(HEAVY))
    ours = {m for m in modules if m.startswith("ppid_core.") and m != "ppid_core.errors"}
    # the language is chosen before the parser is built (help texts depend on it)
    assert ours <= {
        "ppid_core.cli",
        "ppid_core.cli._streams",
        "ppid_core.cli._version",
        "ppid_core._i18n",
        "ppid_core.cli._language",
    }
    assert "importlib.metadata" not in modules


def test_a_command_imports_only_its_own_module() -> None:
    code, modules = imported("deadline", "2025-03-27", "--json")
    assert code == 0
    commands = {m for m in modules if m.startswith("ppid_core.cli._cmd_")}
    assert commands == {"ppid_core.cli._cmd_deadline"}
    assert top(modules).isdisjoint({"pendulum", "openpyxl", "pandas"})


def test_a_received_datetime_is_still_read_by_pendulum() -> None:
    code, modules = imported("deadline", "2025-03-27T15:30+08:00", "--json")
    assert code == 0
    assert "pendulum" in modules


def test_command_help_is_complete() -> None:
    code, modules = imported("register", "report", "--help")
    assert code == 0
    assert "ppid_core.cli._cmd_requests" in modules


def test_every_command_module_is_in_the_table() -> None:
    found = {m.name for m in pkgutil.iter_modules(ppid_core.cli.__path__)}
    # _cmd_rb_lke fills `ppid rb lke`, a part of the rb group: _cmd_rb imports it
    subgroups = {"_cmd_rb_lke"}
    commands = {m for m in found if m.startswith("_cmd_")} - subgroups
    assert commands == {c.module for c in COMMANDS} - {None}


def test_the_version_is_the_one_importlib_metadata_reads() -> None:
    assert installed_version() == importlib.metadata.version("ppid-core")
