"""``ppid rb``: check RB files, show a plan's status in a month, print the plan table.

- ``ppid rb check FILE...`` validates team, plan, realisation and framework files (exit 1
  with every located error of every file on stderr; a bad ``--framework`` file does not
  stop the other files being checked);
- ``ppid rb status FILE... --month YYYY-MM [--progress NAME] [--format text|md|json]
  [--json]``
  shows what is due, done and late, and progress under the chosen definition (``months``,
  ``targets``, ``values``, ``bps``); FILE is a plan, or one or more realisation files of
  one plan (their plan is read from ``plan:``; several files are merged, a row and period
  recorded twice refused). A month outside the plan's year gets a note on stderr;
- ``ppid rb frameworks [--json]`` lists the bundled frameworks (and those given with
  ``--framework``) with their keys and entries;
- ``--framework FILE`` (repeatable, on ``check``, ``status``, ``table`` and
  ``frameworks``) loads the office's own framework file, so a plan naming its key is
  checked against it. Warnings of a plan (near-duplicate kegiatan names, with both
  locations) go to stderr; they do not change the exit status.
- ``ppid rb table FILE [--format md|csv] [--unmask]`` prints a plan as Lampiran II or a
  team as Lampiran I (names masked unless ``--unmask``). Planned months are ticked ``✓``,
  or ``v`` where the output's encoding (a cp1252 Windows redirect) has no ``✓``. ``--csv``
  still works for one release, with a note on stderr. A table has no ``to_dict()``, so
  it has no JSON form: ``ppid rb status --json`` is the plan's data.

Output is always encodable: a character the output's encoding lacks is written as ``?``
and counted in a warning on stderr.

Without ``--format``, ``status``, ``table`` and ``frameworks`` print aligned text tables
to a terminal (``to_text()``) and Markdown elsewhere (a pipe, a file), so scripts keep
their output. Help, messages and report headings are in the language chosen with
``ppid --lang``; the Lampiran I and II tables keep the decree's Indonesian columns in both
languages, and JSON is the same in both.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TextIO

import attrs

from ppid_core._i18n import _
from ppid_core._source import FileInput
from ppid_core.cli._options import add_output_options, add_unmask_option
from ppid_core.cli._output import (
    add_file_options,
    check_file_options,
    write_result,
)
from ppid_core.cli._progress import progress
from ppid_core.cli._rb_options import (
    TEXT_DEFAULT_HELP,
    add_framework_option,
    load_frameworks,
    report_format,
)
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import (
    ASCII_TICK,
    DEFAULT_PROGRESS,
    PROGRESS_DEFINITIONS,
    TICK,
    ActionPlan,
    Framework,
    Realisation,
    TeamDecree,
    list_frameworks,
    load_any,
    load_framework,
    merge_realisations,
    plan_status,
    plan_table,
    team_table,
)
from ppid_core.rb._files import is_framework_file, summary_line
from ppid_core.rb._row_state import percent

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")


def _month(text: str) -> tuple[int, int]:
    m = _MONTH.fullmatch(text)
    if not m:
        msg = _("expected a month as YYYY-MM (e.g. 2022-06), got {text!r}").format(text=text)
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


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _warn(loaded: object) -> None:
    """Print a plan's warnings (near-duplicate kegiatan names) on stderr."""
    plan = loaded[0] if isinstance(loaded, tuple) else loaded
    for warning in plan.warnings if isinstance(plan, ActionPlan) else ():
        print(_("ppid: warning: {warning}").format(warning=warning), file=sys.stderr)


def check_one(
    file: FileInput, frameworks: tuple[Framework, ...] = (), *, source: str | None = None
) -> tuple[str, list[str]]:
    """The summary line of one file (a team, plan, realisation or framework file) and the
    plan's warnings: what ``ppid rb check`` prints, shared with ``POST /v1/rb/check``."""
    name = source or str(file)
    try:
        loaded = load_any(file, source=source, frameworks=frameworks)
    except DataFileError:
        if not is_framework_file(file, source=source):
            raise
        fw = load_framework(file, source=source)
        what = _("framework {key}, {areas} areas, {components} components, {themes} themes")
        return f"{name}: " + what.format(
            key=fw.key, areas=len(fw.areas), components=len(fw.components), themes=len(fw.themes)
        ), []
    plan = loaded[0] if isinstance(loaded, tuple) else loaded
    warnings = [str(w) for w in plan.warnings] if isinstance(plan, ActionPlan) else []
    return summary_line(name, loaded), warnings


def _check(args: argparse.Namespace, out: TextIO) -> int:
    frameworks, failed = load_frameworks(args)
    names = args.files
    for name in progress(names, total=len(names), what=_("Checking files"), unit=_("files")):
        try:
            line, warnings = check_one(name, frameworks)
            for warning in warnings:
                _say(_("ppid: warning: {warning}").format(warning=warning))
            out.write(f"{line}\n")
        except DataFileError as exc:
            _say(exc.report())
            failed = True
        except OSError as exc:
            _say(f"ppid: {name}: {exc.strerror or exc}")
            failed = True
    return 1 if failed else 0


def _load_for_status(
    name: str, frameworks: tuple[Framework, ...]
) -> tuple[ActionPlan, Realisation | None]:
    loaded = load_any(name, frameworks=frameworks)
    _warn(loaded)
    if isinstance(loaded, ActionPlan):
        return loaded, None
    if isinstance(loaded, TeamDecree):
        msg = _("{name}: a team file has no schedule; give a plan or realisation file").format(
            name=name
        )
        raise DataFileError.from_errors(name, [_located(name, msg)])
    return loaded


def _located(name: str, message: str) -> LocatedError:
    return LocatedError(message, source=name, line=1, column=1, path="$.kind")


def _plan_and_records(
    names: list[str], frameworks: tuple[Framework, ...]
) -> tuple[ActionPlan, Realisation | None] | None:
    """The plan and the records of every file, merged; ``None`` after printing errors.

    Several files must all be realisation files of one plan (a file per quarter or per
    team): their records are merged, and every file's errors are printed at once.
    """
    loaded: list[tuple[str, ActionPlan, Realisation | None]] = []
    failed = False
    for name in progress(names, total=len(names), what=_("Reading files"), unit=_("files")):
        try:
            loaded.append((name, *_load_for_status(name, frameworks)))
        except DataFileError as exc:
            _say(exc.report())
            failed = True
        except OSError as exc:
            _say(f"ppid: {name}: {exc.strerror or exc}")
            failed = True
    if failed:
        return None
    if len(loaded) == 1:
        return loaded[0][1], loaded[0][2]
    first_name, plan, _records = loaded[0]
    parts: list[Realisation] = []
    for name, other, real in loaded:
        if real is None:
            _say(
                _("ppid: {name}: a plan file; several files must all be realisation files").format(
                    name=name
                )
            )
            return None
        if other != plan:
            text = _("ppid: {name}: names another plan than {first}; give the files of one plan")
            _say(text.format(name=name, first=first_name))
            return None
        parts.append(real)
    # each file names the plan relative to its own folder: the same plan, checked above
    first_plan = parts[0].plan
    return plan, merge_realisations(attrs.evolve(r, plan=first_plan) for r in parts)


def _status(args: argparse.Namespace, out: TextIO) -> int:
    frameworks, failed = load_frameworks(args)
    if failed:
        return 1
    found = _plan_and_records(args.files, frameworks)
    if found is None:
        return 1
    plan, records = found
    year, month = args.month
    if year != plan.year:
        text = (
            _(
                "ppid: note: {month} is before the plan's year {year}: nothing is due yet; "
                "give a month of {year} for a monthly report"
            )
            if year < plan.year
            else _(
                "ppid: note: {month} is after the plan's year {year}: the whole year has "
                "ended; give a month of {year} for a monthly report"
            )
        )
        _say(text.format(month=f"{year:04d}-{month:02d}", year=plan.year))
    status = plan_status(plan, records, year=year, month=month, progress=args.progress)
    return write_result(args, out, report_format(args, out), status)


def _table(args: argparse.Namespace, out: TextIO) -> int:
    frameworks, failed = load_frameworks(args)
    if failed:
        return 1
    loaded = load_any(args.file, frameworks=frameworks)
    _warn(loaded)
    if isinstance(loaded, TeamDecree):
        table = team_table(loaded, unmask=args.unmask)
    else:
        plan = loaded if isinstance(loaded, ActionPlan) else loaded[0]
        table = plan_table(plan, mark=_mark(out), unmask=args.unmask)
    fmt = report_format(args, out)
    check_file_options(args, fmt)
    return write_result(args, out, fmt, table)


def _list(args: argparse.Namespace, out: TextIO) -> int:
    frameworks, failed = load_frameworks(args)
    if failed:
        return 1
    listing = list_frameworks(frameworks)
    return write_result(args, out, report_format(args, out), listing)


def _progress(text: str) -> str:
    if text not in PROGRESS_DEFINITIONS:
        names = ", ".join(PROGRESS_DEFINITIONS)
        msg = _("unknown progress definition {text!r}; expected one of: {names}").format(
            text=text, names=names
        )
        raise argparse.ArgumentTypeError(msg)
    return text


def _report_formats(
    parser: argparse.ArgumentParser,
    formats: tuple[str, ...],
    legacy_flags: dict[str, str] | None = None,
) -> None:
    """``--format`` (default ``md``, ``text`` on a terminal: see the epilog) and ``--json``."""
    add_output_options(parser, formats, default="md", legacy_flags=legacy_flags)
    parser.epilog = _(TEXT_DEFAULT_HELP)


def register(rb: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid rb`` with its sub-commands."""
    sub = rb.add_subparsers(dest="rb_command", required=True, metavar="COMMAND")
    check = sub.add_parser(
        "check", help=_("validate RB YAML files (team, plan, realisation, framework)")
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_("team, plan, realisation or framework YAML files"),
    )
    add_framework_option(check)
    check.set_defaults(handler=_check)
    status = sub.add_parser("status", help=_("what is due, done and late in a month"))
    status.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_("a plan, or one or more realisation files of one plan (merged)"),
    )
    status.add_argument(
        "--month", type=_month, required=True, metavar="YYYY-MM", help=_("the month to report")
    )
    status.add_argument(
        "--progress",
        type=_progress,
        default=DEFAULT_PROGRESS,
        metavar="NAME",
        help=_("progress definition: {names} (default {default}; formulas in the RB guide)").format(
            names=", ".join(PROGRESS_DEFINITIONS), default=DEFAULT_PROGRESS
        ),
    )
    add_framework_option(status)
    _report_formats(status, ("text", "md", "json"))
    status.set_defaults(handler=_status)
    table = sub.add_parser("table", help=_("a plan as Lampiran II, a team as Lampiran I"))
    table.add_argument("file", metavar="FILE", help=_("a plan, or a team file"))
    add_unmask_option(table)
    add_framework_option(table)
    _report_formats(table, ("text", "md", "csv"), legacy_flags={"--csv": "csv"})
    add_file_options(table, output=False)
    table.set_defaults(handler=_table)
    frameworks = sub.add_parser(
        "frameworks", help=_("the bundled RB frameworks (road maps) and their keys")
    )
    add_framework_option(frameworks)
    _report_formats(frameworks, ("text", "md", "json"))
    frameworks.set_defaults(handler=_list)
    from ppid_core.cli._cmd_rb_lke import add_lke  # noqa: PLC0415 - its own command module

    add_lke(sub)


def demo(out: TextIO) -> None:
    """The seed plan (KPU Provinsi NTT 2022) in April 2022, and the RB General 2025 example."""
    from ppid_core.examples.rb import (  # noqa: PLC0415 - demo only
        load_kpu_ntt_2022_monitoring,
        load_rb_general_2025_monitoring,
    )

    plan, records = load_kpu_ntt_2022_monitoring()
    status = plan_status(plan, records, year=2022, month=4)
    total = status.total()
    title = _(
        "RB: rencana aksi {unit} {year}, status in April 2022 (illustrative realisation records)"
    ).format(unit=plan.unit, year=plan.year)
    summary = _(
        "due this month: {due} sub kegiatan; late: {late}; planned months done: {done} of "
        "{elapsed} elapsed ({planned} in the year)"
    ).format(
        due=len(status.due()),
        late=len(status.late()),
        done=total.done,
        elapsed=total.elapsed,
        planned=total.planned,
    )
    out.write(
        f"\n== {title} ==\n{summary}\n\n"
        f"{status.progress_table().to_markdown()}\n\n"
        f"{status.quarter_table().to_markdown()}\n",
    )
    general, real = load_rb_general_2025_monitoring()
    shares = []
    for name in PROGRESS_DEFINITIONS:
        st = plan_status(general, real, year=2025, month=12, progress=name)
        shares.append(f"{name} {percent(st.total().value)}")
    title = _("RB General 2025: {unit} (illustrative), progress at December 2025").format(
        unit=general.unit
    )
    line = _("{rows} rencana aksi with targets per triwulan; by definition: {shares}").format(
        rows=len(list(general.rows())), shares="; ".join(shares)
    )
    out.write(f"\n== {title} ==\n{line}\n")
    from ppid_core.cli._cmd_rb_lke import demo as lke_demo  # noqa: PLC0415 - its own module

    lke_demo(out)
