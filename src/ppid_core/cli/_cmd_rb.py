"""``ppid rb``: check RB files, show a plan's status in a month, print the plan table.

- ``ppid rb check FILE...`` validates team, plan and realisation files (exit 1 with
  every located error on stderr);
- ``ppid rb status FILE --month YYYY-MM [--format md|json] [--json]`` shows what is due,
  done and late; FILE is a plan, or a realisation file (its plan is read from its
  ``plan:`` field);
- ``ppid rb table FILE [--format md|csv] [--unmask]`` prints a plan as Lampiran II or a
  team as Lampiran I (names masked unless ``--unmask``). Planned months are ticked ``✓``,
  or ``v`` where the output's encoding (a cp1252 Windows redirect) has no ``✓``. ``--csv``
  still works for one release, with a note on stderr. A table has no ``to_dict()``, so
  it has no JSON form: ``ppid rb status --json`` is the plan's data.

Output is always encodable: a character the output's encoding lacks is written as ``?``
and counted in a warning on stderr.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, TextIO

from ppid_core.cli._options import add_output_options, add_unmask_option, output_format
from ppid_core.cli._output import add_file_options, check_file_options, dialect_of, emit_text
from ppid_core.errors import DataFileError
from ppid_core.rb import (
    ASCII_TICK,
    TICK,
    ActionPlan,
    Realisation,
    TeamDecree,
    check_file,
    load_any,
    plan_status,
    plan_table,
    team_table,
)

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")


def _month(text: str) -> tuple[int, int]:
    m = _MONTH.fullmatch(text)
    if not m:
        msg = f"expected a month as YYYY-MM (e.g. 2022-06), got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(m[1]), int(m[2])


def _encodable(text: str, encoding: str | None) -> bool:
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:  # an encoding Python does not know: leave it to the stream
        return True
    return True


def _mark(out: TextIO) -> str:
    """The tick for planned months: ``✓``, or ``v`` where ``out`` cannot encode it."""
    return TICK if _encodable(TICK, getattr(out, "encoding", None)) else ASCII_TICK


def _write(out: TextIO, text: str) -> None:
    """Write ``text``; characters the stream's encoding lacks become ``?``, with a warning.

    A Windows console or redirect is often cp1252: a name in another script must not end
    in a traceback, nor vanish without a word.
    """
    encoding = getattr(out, "encoding", None)
    strict = getattr(out, "errors", "strict") == "strict"
    if encoding and strict and not _encodable(text, encoding):
        lost = {ch for ch in set(text) if not _encodable(ch, encoding)}
        count = sum(text.count(ch) for ch in lost)
        text = text.encode(encoding, "replace").decode(encoding)
        print(
            f"ppid: {count} character(s) cannot be written in {encoding} and are shown as '?'; "
            "set PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) to keep them",
            file=sys.stderr,
        )
    out.write(text)


def _check(args: argparse.Namespace, out: TextIO) -> int:
    failed = False
    for name in args.files:
        try:
            _write(out, f"{check_file(name)}\n")
        except DataFileError as exc:
            print(exc.report(), file=sys.stderr)
            failed = True
        except OSError as exc:
            print(f"ppid: {name}: {exc.strerror or exc}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _plan_and_records(name: str) -> tuple[ActionPlan, Realisation | None]:
    loaded = load_any(name)
    if isinstance(loaded, ActionPlan):
        return loaded, None
    if isinstance(loaded, TeamDecree):
        msg = f"{name}: a team file has no schedule; give a plan or realisation file"
        raise DataFileError.from_errors(name, [_located(name, msg)])
    return loaded


def _located(name: str, message: str) -> Any:
    from ppid_core.errors import LocatedError  # noqa: PLC0415 - rare path

    return LocatedError(message, source=name, line=1, column=1, path="$.kind")


def _status(args: argparse.Namespace, out: TextIO) -> int:
    plan, records = _plan_and_records(args.file)
    year, month = args.month
    status = plan_status(plan, records, year=year, month=month)
    text = status.to_json() if output_format(args) == "json" else status.to_markdown()
    _write(out, text + "\n")
    return 0


def _table(args: argparse.Namespace, out: TextIO) -> int:
    loaded = load_any(args.file)
    if isinstance(loaded, TeamDecree):
        table = team_table(loaded, unmask=args.unmask)
    else:
        plan = loaded if isinstance(loaded, ActionPlan) else loaded[0]
        table = plan_table(plan, mark=_mark(out))
    fmt = output_format(args)
    check_file_options(args, fmt)
    text = table.to_csv(dialect=dialect_of(args)) if fmt == "csv" else table.to_markdown() + "\n"
    emit_text(args, out, text, fmt)
    return 0


def register(rb: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid rb`` with its sub-commands."""
    sub = rb.add_subparsers(dest="rb_command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="validate RB YAML files (team, plan, realisation)")
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="team, plan or realisation YAML files"
    )
    check.set_defaults(handler=_check)
    status = sub.add_parser("status", help="what is due, done and late in a month")
    status.add_argument("file", metavar="FILE", help="a plan, or a realisation file")
    status.add_argument(
        "--month", type=_month, required=True, metavar="YYYY-MM", help="the month to report"
    )
    add_output_options(status, ("md", "json"), default="md")
    status.set_defaults(handler=_status)
    table = sub.add_parser("table", help="a plan as Lampiran II, a team as Lampiran I")
    table.add_argument("file", metavar="FILE", help="a plan, or a team file")
    add_unmask_option(table)
    add_output_options(table, ("md", "csv"), default="md", legacy_flags={"--csv": "csv"})
    add_file_options(table, output=False)
    table.set_defaults(handler=_table)


def demo(out: TextIO) -> None:
    """The seed plan (KPU Provinsi NTT 2022) in April 2022, with illustrative records."""
    from ppid_core.examples.rb import load_kpu_ntt_2022_monitoring  # noqa: PLC0415 - demo only

    plan, records = load_kpu_ntt_2022_monitoring()
    status = plan_status(plan, records, year=2022, month=4)
    total = status.total()
    _write(
        out,
        f"\n== RB: rencana aksi {plan.unit} {plan.year}, status April 2022 "
        "(illustrative realisation records) ==\n"
        f"due this month: {len(status.due())} sub kegiatan; late: {len(status.late())}; "
        f"planned months done: {total.done} of {total.elapsed} elapsed "
        f"({total.planned} in the year)\n\n"
        f"{status.progress_table().to_markdown()}\n\n"
        f"{status.quarter_table().to_markdown()}\n",
    )
