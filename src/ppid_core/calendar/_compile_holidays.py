"""Regenerate ``calendar/data/holidays.json`` from the bundled YAML files (see ``._compiled``).

Run after any change to ``calendar/data/holidays/*.yaml`` (a new year, an SKB revision)::

    python -m ppid_core.calendar._compile_holidays          # write the file
    python -m ppid_core.calendar._compile_holidays --check  # exit 1 if it is stale

Every year is read with the strict loader first, so a file with an error is reported
(located) and nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ppid_core._source import bundled_text
from ppid_core.calendar._compiled import REGENERATE, compiled_path, render
from ppid_core.calendar._holidays import bundled_year_numbers, parse_holidays

__all__ = ["compiled_text", "main"]

_PACKAGE, _FOLDER = "ppid_core.calendar", "data/holidays"


def compiled_text() -> str:
    """The compiled file as the bundled YAML files make it now (each read strictly).

    Raises:
        DataFileError: A bundled file has errors.
    """
    years = []
    for year in bundled_year_numbers():
        text, source = bundled_text(_PACKAGE, _FOLDER, str(year), what="holiday year")
        years.append((parse_holidays(text, source=source), text))
    return render(years)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the compiled file (or with ``--check``, only say whether it is stale).

    Returns:
        0 when the file is (now) current; 1 with ``--check`` when it is stale.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    check = args == ["--check"]
    if args and not check:
        sys.stderr.write(f"usage: {REGENERATE} [--check]\n")
        return 2
    path = compiled_path()
    text = compiled_text()
    try:
        with open(path, encoding="utf-8", newline="\n") as f:  # noqa: PTH123
            current: str | None = f.read()
    except FileNotFoundError:
        current = None
    if current == text:
        sys.stdout.write(f"{path}: up to date\n")
        return 0
    if check:
        sys.stdout.write(f"{path}: stale; regenerate it with: {REGENERATE}\n")
        return 1
    with open(path, "w", encoding="utf-8", newline="\n") as f:  # noqa: PTH123
        f.write(text)
    sys.stdout.write(f"{path}: written\n")
    return 0


if __name__ == "__main__":  # pragma: no cover - run as a command
    sys.exit(main())
