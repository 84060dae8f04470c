"""``ppid monev score``: predict the e-Monev score (Perki 1/2022) from the office's answers.

``ppid monev score FILE [--instrument FILE] [--register FILE...] [--survey FILE...]
[--dip FILE [--on DATE]] [--profile FILE] [--report-year YEAR] [--zone ZONE ...]
[--format text|md|json] [--json] [--output FILE]``

FILE is the office's answers (YAML). The other files let ppid-core answer items itself
and say from what: a register read (``--register``), a satisfaction survey and its IKM
(``--survey``), the DIP up to date on ``--on`` (``--dip``), and the annual report of
``--report-year`` (default: the answers' year minus one) built from the registers and
``--profile``, on the office's calendar (``--zone`` and the other calendar options; "today"
for ``--on`` is today in that zone). The office's own answer to an item always wins, and a
contradiction is a warning on stderr. Every input file is read before any is refused: their
errors are reported together (exit 1). The output is a prediction, never the Komisi
Informasi's result, and says so ("prediction", "prediksi" with ``ppid --lang id``).

Without ``--format``, the prediction printed to a terminal is ``text`` (aligned tables,
no Markdown syntax); printed to a pipe or a file, or written with ``--output``, it is
``md``, as before. Reading several registers or surveys shows a progress bar on stderr
when it is a terminal and the reading takes a while.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from ppid_core._i18n import _
from ppid_core.cli._jobs import file_errors
from ppid_core.cli._options import (
    add_calendar_options,
    add_output_options,
    calendar_from_args,
    report_format,
    zone_from_args,
)
from ppid_core.cli._output import check_file_options, write_result
from ppid_core.cli._progress import progress
from ppid_core.errors import PpidError
from ppid_core.monev import (
    Answers,
    Fact,
    Instrument,
    annual_report_fact,
    dip_fact,
    load_answers,
    load_instrument,
    register_fact,
    score_monev,
    survey_fact,
)

if TYPE_CHECKING:
    from ppid_core.dip import DipCheck
    from ppid_core.ikm import IkmResult, Survey
    from ppid_core.requests import Register

_FIRST_YEAR, _LAST_YEAR = 1900, 2200
DEMO_DAY = dt.date(2025, 1, 15)
"""The day the demo checks the DIP on: the day of the ``ppid dip`` demo."""


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        msg = _("expected a date as YYYY-MM-DD, got {text}").format(text=repr(text))
        raise argparse.ArgumentTypeError(msg) from None
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        msg = _("expected a date from {first} to {last}, got {text}").format(
            first=_FIRST_YEAR, last=_LAST_YEAR, text=repr(text)
        )
        raise argparse.ArgumentTypeError(msg)
    return day


def _year(text: str) -> int:
    if not text.strip().isdigit() or not _FIRST_YEAR <= int(text) <= _LAST_YEAR:
        msg = _("expected a year from {first} to {last}, got {text}").format(
            first=_FIRST_YEAR, last=_LAST_YEAR, text=repr(text)
        )
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _today(args: argparse.Namespace) -> dt.date:
    """Today in the office's zone (``--zone``, else the ``--local`` file's, else WIB)."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - only without --on

    return dt.datetime.now(ZoneInfo(zone_from_args(args))).date()


def _ikm(read_survey: Callable[[str], Survey], name: str) -> IkmResult:
    return read_survey(name).score()


def _collect(tasks: list[tuple[str, Callable[[], object]]]) -> list[object]:
    """Read every input file; all their errors raise together (one group), else values."""
    names = [name for name, _read in tasks]
    outcomes: list[object] = []
    steps = progress(tasks, total=len(tasks), what=_("Reading the files"), unit=_("files"))
    for _name, read in steps:
        try:
            outcomes.append(read())
        except (PpidError, OSError) as exc:
            outcomes.append(exc)
    error = file_errors(names, outcomes)
    if error is not None:
        raise error
    return outcomes


def _inputs(args: argparse.Namespace) -> tuple[Answers, Instrument | None, list[Fact]]:
    """The answers, the instrument and the facts: every file read, all errors at once."""
    instrument = None if args.instrument is None else load_instrument(args.instrument)
    # the year after today's in the easternmost zone (UTC+9), or after --report-year
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    through = max(this_year, args.report_year or 0) + 1
    cal = calendar_from_args(args, through=through) if args.register else None
    tasks: list[tuple[str, Callable[[], object]]] = [
        (args.file, lambda: load_answers(args.file, instrument=instrument))
    ]
    if args.register:
        from ppid_core.requests import load_annual_profile, load_register  # noqa: PLC0415

        tasks += [(n, functools.partial(load_register, n, calendar=cal)) for n in args.register]
        if args.profile is not None:
            tasks.append((args.profile, lambda: load_annual_profile(args.profile)))
    if args.survey:
        from ppid_core.ikm import read_survey  # noqa: PLC0415 - only when asked

        tasks += [(n, functools.partial(_ikm, read_survey, n)) for n in args.survey]
    if args.dip is not None:
        from ppid_core.dip import check_dip, load_dip  # noqa: PLC0415 - only when asked

        on = args.on or _today(args)
        tasks.append((args.dip, lambda: check_dip(load_dip(args.dip), on=on)))
    read: Iterator[Any] = iter(_collect(tasks))  # in the order of the tasks
    answers: Answers = next(read)
    registers: list[Register] = [next(read) for _ in args.register]
    profile = next(read) if args.register and args.profile is not None else None
    surveys: list[IkmResult] = [next(read) for _ in args.survey]
    dip: DipCheck | None = next(read) if args.dip is not None else None
    facts: list[Fact] = [register_fact(r) for r in registers]
    report_year = args.report_year or (answers.year - 1 if answers.year else None)
    if registers and report_year is not None and cal is not None:
        from ppid_core.requests import annual_report  # noqa: PLC0415 - only with --register

        report = annual_report(registers, cal, year=report_year, profile=profile)
        facts.append(annual_report_fact(report))
    facts += [survey_fact(s) for s in surveys]
    if dip is not None:
        facts.append(dip_fact(dip))
    return answers, instrument, facts


def _score(args: argparse.Namespace, out: TextIO) -> int:
    if args.profile is not None and not args.register:
        args.parser.error(_("--profile needs --register: the annual report is built from both"))
    fmt = report_format(args, out)
    check_file_options(args, fmt)
    answers, instrument, facts = _inputs(args)
    result = score_monev(answers, instrument=instrument, derived=facts)
    for note in result.notes:
        print(_("ppid: warning: {note}").format(note=note), file=sys.stderr)
    return write_result(args, out, fmt, result)


def register(monev: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid monev`` with its sub-commands."""
    sub = monev.add_subparsers(dest="monev_command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "score",
        help=_(
            "predict the e-Monev score and list the items without evidence (a prediction, "
            "not the Komisi Informasi's result)"
        ),
        description=_(
            "Predict the e-Monev score and list the items without evidence (a prediction, "
            "not the Komisi Informasi's result). Without --format, the output is text "
            "(aligned tables) when printed to a terminal and md (Markdown) in a pipe, a "
            "file or with --output."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("the office's answers (YAML)"))
    p.add_argument(
        "--instrument",
        metavar="FILE",
        help=_(
            "the commission's instrument as a YAML file (default: the bundled one the answers name)"
        ),
    )
    p.add_argument(
        "--register",
        action="append",
        default=[],
        metavar="FILE",
        help=_(
            "a request register (CSV or XLSX; repeatable): answers the register item, "
            "and with the year the annual-report item"
        ),
    )
    p.add_argument(
        "--survey",
        action="append",
        default=[],
        metavar="FILE",
        help=_("a satisfaction survey (CSV or XLSX; repeatable): answers a survey item"),
    )
    p.add_argument("--dip", metavar="FILE", help=_("the DIP (YAML): answers the DIP item"))
    p.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help=_(
            "the day the DIP is checked on, YYYY-MM-DD (default: today in the office's "
            "zone, --zone)"
        ),
    )
    p.add_argument(
        "--profile",
        metavar="FILE",
        help=_("the office's annual profile (YAML), for the annual report with --register"),
    )
    p.add_argument(
        "--report-year",
        type=_year,
        metavar="YEAR",
        help=_("the year of the annual report (default: the answers' year minus one)"),
    )
    add_calendar_options(p)
    add_output_options(p, ("text", "md", "json"), default="md")
    p.add_argument_group(_("files")).add_argument(
        "--output",
        metavar="FILE",
        help=_("write the output to FILE instead of stdout; written whole or not at all"),
    )
    p.set_defaults(handler=_score, parser=p, excel_id=False)


def demo(out: TextIO) -> None:
    """The embedded example answers, with the embedded register, profile and DIP.

    The same files and day as the other demos: the 2024 register and profile give the
    annual report (`ppid report annual`), and the DIP is checked on 15 January 2025, as
    `ppid dip check` shows it. Evidence cells name files, never folders.
    """
    from importlib import resources  # noqa: PLC0415 - demo only

    from ppid_core.calendar import WorkCalendar  # noqa: PLC0415
    from ppid_core.dip import check_dip  # noqa: PLC0415
    from ppid_core.examples.dip import load_example_dip  # noqa: PLC0415
    from ppid_core.examples.monev import load_example_answers  # noqa: PLC0415
    from ppid_core.examples.requests import load_kpu_ntt_2024  # noqa: PLC0415
    from ppid_core.requests import annual_report, parse_annual_profile  # noqa: PLC0415

    profile_name = "kpu_ntt_2024_profil.yaml"
    profile = parse_annual_profile(
        (resources.files("ppid_core.examples.requests") / profile_name).read_text("utf-8"),
        source=profile_name,
    )
    cal = WorkCalendar.indonesia(zone="NTT")
    register = load_kpu_ntt_2024(cal)
    facts = [
        register_fact(register),
        annual_report_fact(annual_report([register], cal, year=2024, profile=profile)),
        dip_fact(check_dip(load_example_dip(), on=DEMO_DAY)),
    ]
    result = score_monev(load_example_answers(), derived=facts)
    heading = _(
        "e-Monev: a prediction (not the Komisi Informasi's result), DIP as of {day}"
    ).format(day=DEMO_DAY)
    out.write(f"\n== {heading} ==\n")
    out.write(result.to_markdown())
