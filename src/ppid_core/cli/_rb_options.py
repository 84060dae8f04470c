"""Options shared by the ``ppid rb`` commands: the office's own framework files.

``--framework FILE`` (repeatable) is taken by ``rb check``, ``status``, ``table``,
``frameworks`` and ``rb lke score`` (for its ``--rb-plan``): one option, one loader, so a
plan naming the office's framework reads the same everywhere.

The reports of these commands print Markdown by default, except to a terminal:
[`report_format()`][report_format] gives ``text`` (aligned tables, see ``to_text()``)
when no ``--format`` (or ``--json``) is given and stdout is a terminal, so a pipe, a file
or a script keeps the Markdown it had.
"""

from __future__ import annotations

import argparse
import sys

from ppid_core._i18n import _
from ppid_core.cli._options import TEXT_DEFAULT_HELP, report_format
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import Framework, load_framework

__all__ = ["TEXT_DEFAULT_HELP", "add_framework_option", "load_frameworks", "report_format"]


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def load_frameworks(args: argparse.Namespace) -> tuple[tuple[Framework, ...], bool]:
    """The frameworks given with ``--framework FILE``, and whether any failed.

    Every file's errors are printed (one bad file does not hide another's); a key
    given by two files is a located error at the second, naming the first.
    """
    loaded: list[Framework] = []
    failed = False
    for path in args.framework or ():
        try:
            fw = load_framework(path)
        except DataFileError as exc:
            _say(exc.report())
            failed = True
            continue
        except OSError as exc:
            _say(f"ppid: {path}: {exc.strerror or exc}")
            failed = True
            continue
        first = next((f for f in loaded if f.key == fw.key), None)
        if first is not None:
            line, column = fw.key_at or (1, 1)
            msg = _(
                "framework key {key!r} is also the key of {first}; "
                "give each framework file its own key"
            ).format(key=fw.key, first=first.origin)
            error = LocatedError(msg, source=path, line=line, column=column, path="$.framework")
            _say(str(error))
            failed = True
            continue
        loaded.append(fw)
    return tuple(loaded), failed


def add_framework_option(parser: argparse.ArgumentParser) -> None:
    """``--framework FILE``: the office's own framework files (repeatable)."""
    parser.add_argument(
        "--framework",
        action="append",
        metavar="FILE",
        help=_(
            "the office's own framework YAML file (repeatable); a plan naming its key "
            "is checked against it"
        ),
    )
