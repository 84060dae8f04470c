"""``ppid register report``: the service report of a request register.

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
from ppid_core.cli._options import add_calendar_options, calendar_from_args
from ppid_core.errors import UnknownNameError
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.requests import (
    Masking,
    NameMasking,
    RuleSet,
    load_register,
    service_report,
)

__all__ = ["ORDER", "demo", "register"]

ORDER = 20

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
    return None


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    if (problem := _usage_problem(args)) is not None:
        args.parser.error(problem)
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
    masking = Masking(names=NameMasking(args.names))
    report = service_report(reg, cal, args.regime, year=args.year, as_of=as_of, masking=masking)
    if args.json:
        print(report.to_json(), file=out)
    elif args.csv:
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``ppid register report``."""
    reg = sub.add_parser("register", help="request registers (register permohonan informasi)")
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
    p.add_argument(
        "--regime",
        choices=RuleSet.bundled_names(),
        default="uu_14_2008",
        help="deadline rule set (default uu_14_2008)",
    )
    add_calendar_options(p)
    p.add_argument(
        "--names",
        choices=[m.value for m in NameMasking],
        default=NameMasking.INITIALS.value,
        help="how requester names appear (default initials; 'none' unmasks)",
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object")
    fmt.add_argument("--csv", action="store_true", help="print section,item,value CSV")
    p.set_defaults(handler=_run_report, parser=p)


def demo(out: TextIO) -> None:
    """Report on the embedded 2024 register of KPU Provinsi NTT."""
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
