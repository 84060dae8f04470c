"""Where ``ppid_core.dip`` sits: on the ground floor's helpers only; results import alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import ppid_core.dip

SRC = Path(ppid_core.dip.__file__).parent
ALLOWED = ("ppid_core.dip", "ppid_core.errors", "ppid_core.calendar")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m.startswith("ppid_core")}


@pytest.mark.parametrize("path", sorted(SRC.glob("*.py")), ids=lambda p: p.name)
def test_imports_only_the_floors_below(path: Path) -> None:
    bad = [
        m
        for m in _imports(path)
        if not m.startswith(ALLOWED) and not m.split(".")[1].startswith("_")
    ]
    assert bad == []


def test_the_result_does_not_import_the_check() -> None:
    assert "ppid_core.dip._check" not in _imports(SRC / "_result.py")
    assert "ppid_core.dip._urls" not in _imports(SRC / "_result.py")


@pytest.mark.parametrize("module", ["ppid_core.dip._result", "ppid_core.dip._model"])
def test_result_modules_import_alone(module: str) -> None:
    code = f"import importlib; importlib.import_module({module!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
