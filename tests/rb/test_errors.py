"""Every error the rb package raises on purpose is a ``PpidError`` (no bare built-ins)."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import ppid_core.rb

RB = Path(ppid_core.rb.__file__).parent
# Programming errors, not the user's: allowed as bare built-ins, each with its reason.
ALLOWED = {
    "AssertionError",  # a reader returned nothing without recording why: a bug in ppid-core
    "NotImplementedError",
}


def _raised_names(tree: ast.AST) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name):
                out.append((node.lineno, exc.id))
    return out


def test_no_bare_builtin_exception_is_raised() -> None:
    builtin_errors = {
        name
        for name, value in vars(builtins).items()
        if isinstance(value, type) and issubclass(value, BaseException)
    }
    found = [
        f"{path.name}:{line}: raise {name}"
        for path in sorted(RB.glob("*.py"))
        for line, name in _raised_names(ast.parse(path.read_text(encoding="utf-8")))
        if name in builtin_errors - ALLOWED
    ]
    assert found == []
