"""Every error the ikm package raises is a PpidError: no bare built-in escapes its API.

The docs promise that every error derives from :class:`~ppid_core.errors.PpidError`; a
``raise ValueError(...)`` in a reader or a scoring helper breaks that promise silently, so
the source is scanned for raises of built-in exception classes.
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

import ppid_core

SRC = Path(ppid_core.__file__).parent
FILES = [*sorted((SRC / "ikm").rglob("*.py")), SRC / "cli" / "_cmd_ikm.py"]
BUILTIN_ERRORS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
}
PROTOCOL = {"StopIteration"}  # ends an iterator; not an error


def _raised_builtins(text: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Raise) or node.exc is None:
            continue
        target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if isinstance(target, ast.Name) and target.id in BUILTIN_ERRORS - PROTOCOL:
            found.append(f"{name}:{node.lineno}: raise {target.id}")
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_bare_builtin_is_raised(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _raised_builtins(text, str(path.relative_to(SRC))) == []


def test_the_scan_sees_bare_raises_and_lets_the_others_pass() -> None:
    text = (
        "def f(x):\n"
        "    if x:\n"
        "        raise ValueError('x')\n"
        "    try:\n"
        "        raise KeyError\n"
        "    except KeyError:\n"
        "        raise\n"
        "    raise InvalidTallyError('ok')\n"
    )
    assert _raised_builtins(text, "m.py") == ["m.py:3: raise ValueError", "m.py:5: raise KeyError"]
