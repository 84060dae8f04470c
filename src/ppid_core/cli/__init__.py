"""The ``ppid`` command line.

Each part of the library adds its commands from a module ``_cmd_<part>.py`` in this
package, which defines ``ORDER`` (its place in ``ppid demo`` and in ``--help``),
``register(subparsers)`` and ``demo(out)``. Exit status: 0 on success, 1 on bad data
(every error on stderr with its location), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TextIO

from ppid_core import __version__
from ppid_core.calendar import ESTIMATE_LIMIT
from ppid_core.errors import CalendarCoverageError, DataFileError, PpidError

__all__ = ["main"]


def _parts() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("_cmd_"))
    mods = [importlib.import_module(f"{__name__}.{n}") for n in names]
    return sorted(mods, key=lambda m: int(m.ORDER))


def _coverage_advice(exc: CalendarCoverageError) -> str:
    """A coverage error in command-line terms (the library's message speaks Python)."""
    if exc.subject is None or exc.first_day is None or exc.last_day is None:
        return str(exc)
    return (
        f"{exc.subject} is outside the holiday data ({exc.first_day} to {exc.last_day}); "
        "add that year with --holidays FILE (or a folder of files in $PPID_HOLIDAYS_DIR); "
        "years after the decreed data are estimated unless --no-estimate is given, "
        f"at most {ESTIMATE_LIMIT} years ahead"
    )


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    for part in args.parts:
        part.demo(out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every part's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="ppid",
        description="Indonesian public-information service toolkit: working days, "
        "KIP request deadlines, IKM scoring, RB action plans.",
    )
    parser.add_argument("--version", action="version", version=f"ppid-core {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parts = _parts()
    demo = sub.add_parser("demo", help="run the main jobs on the embedded example data")
    demo.set_defaults(handler=_demo, parts=parts)
    for part in parts:
        part.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run ``ppid``; returns the exit status instead of exiting (the script wrapper exits)."""
    stdout = out if out is not None else sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
        return int(exc.code or 0)
    try:
        return int(args.handler(args, stdout))
    except SystemExit as exc:  # a handler's parser.error(): bad usage
        return int(exc.code or 0)
    except DataFileError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except CalendarCoverageError as exc:
        print(f"ppid: {_coverage_advice(exc)}", file=sys.stderr)
        return 1
    except PpidError as exc:
        print(f"ppid: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"ppid: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
