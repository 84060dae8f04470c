"""No built-in exception escapes the library: every error a caller can meet is a PpidError.

The docs promise that every error derives from :class:`~ppid_core.errors.PpidError` (and
from the closest built-in, so ``except ValueError`` still works). A ``raise ValueError(...)``
breaks that promise without a sound, so the source of ``src/ppid_core`` is scanned (with
:mod:`ast`) for raises of built-in exception classes.

A few stay on purpose: a programming error the docs name (a wrong argument *type*), or a
"cannot happen" guard. Each is listed in :data:`ALLOWED` by module and function (not by line,
so edits elsewhere in the file do not disturb it), with the reason.
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import ppid_core

SRC = Path(ppid_core.__file__).parent
BUILTIN_ERRORS = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
) - {"StopIteration", "StopAsyncIteration", "GeneratorExit"}  # protocol, not errors

ALLOWED: dict[tuple[str, str], str] = {
    ("ppid_core.__init__", "__getattr__"): (
        "AttributeError: a module __getattr__ must raise it for unknown names (PEP 562)"
    ),
    ("ppid_core.calendar.__init__", "__getattr__"): (
        "AttributeError: a module __getattr__ must raise it for unknown names (PEP 562)"
    ),
    ("ppid_core._source", "moved_name"): (
        "AttributeError: a module __getattr__ must raise it for unknown names (PEP 562)"
    ),
    ("ppid_core.requests._rules", "_StepType.__getattr__"): (
        "AttributeError: a class __getattr__ must raise it for unknown names"
    ),
    ("ppid_core._tables", "jsonable"): "TypeError: a value of a type no report holds (a bug)",
    ("ppid_core._yaml", "build"): "AssertionError: a reader returned None without an error",
    ("ppid_core.calendar._calendar", "WorkCalendar.to_date"): (
        "TypeError: not a date at all, documented in Raises (a wrong argument type)"
    ),
    ("ppid_core.calendar._calendar", "WorkCalendar.add_working_days"): (
        "TypeError: n is not a whole number (a wrong argument type)"
    ),
    ("ppid_core.calendar._calendar", "WorkCalendar.count_working_days"): (
        "AssertionError: cannot happen, _index raised for the uncovered end"
    ),
    ("ppid_core.rb._files", "_kind"): "AssertionError: cannot happen, an error was recorded",
    ("ppid_core.rb._files", "load_any"): "AssertionError: cannot happen, an error was recorded",
    ("ppid_core.rb._files", "monitoring_from_document"): (
        "AssertionError: cannot happen, an error was recorded"
    ),
    ("ppid_core._source", "read_source"): (
        "TypeError: not a path, bytes or a file object, documented in Raises (a wrong type)"
    ),
    ("ppid_core._source", "_read_object"): (
        "TypeError: a file object opened as text, documented in Raises (a wrong type)"
    ),
    ("ppid_core.ikm._read_survey", "read_survey"): (
        "TypeError: not a file, a DataFrame or rows, documented in Raises (a wrong type)"
    ),
    ("ppid_core.requests._register_parse", "check_text"): (
        "TypeError: a cell that is not str, from code (a wrong argument type)"
    ),
    ("ppid_core.__main__", "<module>"): "SystemExit: how `python -m ppid_core` exits",
}


def _module(path: Path) -> str:
    return ".".join(("ppid_core", *path.relative_to(SRC).with_suffix("").parts))


class _Raises(ast.NodeVisitor):
    """Every ``raise <BuiltinError>`` with the qualified name of the function around it."""

    def __init__(self) -> None:
        self.scope: list[str] = []
        self.found: list[tuple[str, int, str]] = []  # (function, line, exception)

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._enter(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._enter(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._enter(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        if node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id in BUILTIN_ERRORS:
                where = ".".join(self.scope) or "<module>"
                self.found.append((where, node.lineno, target.id))
        self.generic_visit(node)


def bare_raises() -> list[tuple[str, str, int, str]]:
    """``(module, function, line, exception)`` for every raise of a built-in in the source."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        visitor = _Raises()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        out += [(_module(path), fn, line, exc) for fn, line, exc in visitor.found]
    return out


def test_the_scanner_finds_what_it_should() -> None:
    source = (
        "def f():\n    raise ValueError('x')\n"
        "class C:\n    def g(self):\n        raise KeyError\n"
        "def h():\n    raise StopIteration\n"
        "def i():\n    raise PpidError('x') from None\n"
    )
    visitor = _Raises()
    visitor.visit(ast.parse(source))
    assert visitor.found == [("f", 2, "ValueError"), ("C.g", 5, "KeyError")]


def test_no_bare_builtin_raises() -> None:
    found = [
        f"{module}.{fn} (line {line}): raise {exc}"
        for module, fn, line, exc in bare_raises()
        if (module, fn) not in ALLOWED
    ]
    assert found == [], "raise a PpidError subclass (see ppid_core.errors) instead:\n" + "\n".join(
        found
    )


def test_every_allowed_raise_still_exists() -> None:
    # an entry whose raise is gone leaves the list, so the list never hides a new one
    present = {(module, fn) for module, fn, _line, _exc in bare_raises()}
    assert sorted(set(ALLOWED) - present) == []
