"""``ppid register report``: the service report of a request register.

``--format md`` (the default), ``csv`` (``section,item,value``) or ``json`` (``--json``,
the report's ``to_dict()``). Requester names are masked (``--names`` chooses how);
``--unmask`` shows personal data as written. ``--rules`` names the deadline rule set.
For one release the old spellings still work, each with a note on stderr: ``--csv``
(``--format csv``), ``--names none`` (``--unmask``) and ``--regime`` (``--rules``).

References:
    UU 14/2008 Pasal 12 (the yearly announcement: number of requests, time taken,
    grants and refusals, reasons for refusal).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from ppid_core.calendar import WorkCalendar
from ppid_core.cli._options import (
    ChoiceAction,
    add_calendar_options,
    add_output_options,
    add_rules_option,
    add_unmask_option,
    calendar_from_args,
    output_format,
)
from ppid_core.errors import UnknownNameError
from ppid_core.requests import (
    Masking,
    NameMasking,
    RuleSet,
    load_register,
    service_report,
)

__all__ = ["demo", "register"]

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years ``--year`` and ``--as-of`` accept: a guard against typos (0, 20244)."""
_YEARS = (
    f"{FIRST_YEAR} to {LAST_YEAR}; a year outside is surely a typo, as registers under "
    "UU 14/2008 date from 2010 (whether the calendar covers the year is checked when the "
    "report is built)"
)


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options given for this file, or ``None``.

    (``--zone`` is checked where it is parsed, in the shared calendar options.)
    """
    suffix = Path(args.file).suffix.lower()
    if args.sheet is not None and suffix not in {".xlsx", ".xlsm"}:
        return f"--sheet applies to .xlsx files; {args.file} is read as CSV, which has no sheets"
    if args.include_hidden and suffix not in {".xlsx", ".xlsm"}:
        return f"--include-hidden applies to .xlsx files; {args.file} is read as CSV"
    if args.unmask and args.names not in {None, NameMasking.NONE.value}:
        return f"--unmask shows names as written; it cannot be combined with --names {args.names}"
    return None


def _masking(args: argparse.Namespace) -> Masking:
    """``--unmask``: personal data as written; else names as ``--names`` says (initials)."""
    if args.unmask or args.names == NameMasking.NONE.value:
        return Masking(names=NameMasking.NONE, unmasked=True)
    return Masking(names=NameMasking(args.names or NameMasking.INITIALS.value))


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args)  # a contradiction of --json and --format is found first
    if (problem := _usage_problem(args)) is not None:
        args.parser.error(problem)
    masking = _masking(args)
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    # today's year in the easternmost Indonesian zone (UTC+9), then the year after it
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    horizon = max(this_year, args.year or 0, as_of.year if as_of else 0) + 1
    cal = calendar_from_args(args, through=horizon)
    try:
        reg = load_register(
            args.file, calendar=cal, sheet=args.sheet, include_hidden=args.include_hidden
        )
    except UnknownNameError as exc:  # no sheet of that name: the option is wrong
        args.parser.error(f"--sheet: {exc}")
    report = service_report(reg, cal, args.rules, year=args.year, as_of=as_of, masking=masking)
    if fmt == "json":
        print(report.to_json(), file=out)
    elif fmt == "csv":
        print(report.to_csv(), end="", file=out)
    else:
        print(report.to_markdown(), end="", file=out)
    return 0


def _iso_date(text: str) -> str:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        msg = f"expected an ISO date (2025-01-06), got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        msg = f"expected a date in the years {FIRST_YEAR} to {LAST_YEAR}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return day.isoformat()


def _year(text: str) -> int:
    try:
        year = int(text.strip())
    except ValueError:
        msg = f"expected a year such as 2024, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        msg = f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return year


def register(reg: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid register`` with ``report``."""
    reg_sub = reg.add_subparsers(dest="register_command", required=True, metavar="ACTION")
    p = reg_sub.add_parser(
        "report",
        help="service report of a register (UU 14/2008 Pasal 12)",
        description="Requests per month, kind of service, topic and unit; response times; "
        "decisions; keberatan and sengketa; overdue requests. FILE is CSV or XLSX in the "
        "register layout of KPU offices. Personal data is masked.",
    )
    p.add_argument("file", metavar="FILE", help="register file (.csv, or .xlsx with [excel])")
    p.add_argument(
        "--year",
        type=_year,
        metavar="YEAR",
        help=f"only requests received in this year ({_YEARS})",
    )
    p.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="DATE",
        help=f"report date for the overdue list, ISO (default today; a year from {FIRST_YEAR} "
        f"to {LAST_YEAR}, as for --year)",
    )
    p.add_argument(
        "--sheet",
        metavar="S",
        help="the .xlsx sheet to read (default: the first visible sheet; the report's "
        "source names the sheet read)",
    )
    p.add_argument(
        "--include-hidden",
        action="store_true",
        help="read the hidden rows of an .xlsx sheet as data (default: refused, listed)",
    )
    add_rules_option(p, RuleSet.bundled_names())
    add_calendar_options(p)
    masking = p.add_argument_group("personal data")
    masking.add_argument(
        "--names",
        action=ChoiceAction,
        choices=[m.value for m in NameMasking if m is not NameMasking.NONE],
        deprecated={NameMasking.NONE.value: (NameMasking.NONE.value, "--unmask")},
        default=None,
        help="how requester names are masked (default initials)",
    )
    add_unmask_option(masking)
    add_output_options(p, ("md", "csv", "json"), default="md", legacy_flags={"--csv": "csv"})
    p.set_defaults(handler=_run_report, parser=p)


def demo(out: TextIO) -> None:
    """Report on the embedded 2024 register of KPU Provinsi NTT."""
    from ppid_core.examples.requests import load_kpu_ntt_2024  # noqa: PLC0415 - demo only

    cal = WorkCalendar.indonesia(zone="NTT")
    report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    print("== Service report: KPU Provinsi NTT register 2024 (embedded example) ==", file=out)
    print(f"  requests: {report.total}", file=out)
    busiest = ", ".join(f"{m} {n}" for m, n in report.by_month.items() if n)
    print(f"  per month: {busiest}", file=out)
    topics = ", ".join(f"{t} {n}" for t, n in report.by_topic.items())
    print(f"  per topic: {topics}", file=out)
    print("  response times: unknown (the register records no response dates)", file=out)
    for note in report.notes:
        print(f"  note: {note}", file=out)
    print(file=out)
