"""``ppid register report``: the service report of a request register.

References:
    UU 14/2008 Pasal 12 (the yearly announcement: number of requests, time taken,
    grants and refusals, reasons for refusal).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from ppid_core.calendar import WorkCalendar
from ppid_core.cli._options import add_calendar_options, calendar_from_args
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.requests import (
    Masking,
    NameMasking,
    read_register,
    rule_set_names,
    service_report,
)

__all__ = ["ORDER", "demo", "register"]

ORDER = 20


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    # today's year in the easternmost Indonesian zone (UTC+9), then the year after it
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    horizon = max(this_year, args.year or 0, as_of.year if as_of else 0) + 1
    cal = calendar_from_args(args, through=horizon)
    reg = read_register(args.file, calendar=cal)
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
        dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO date (2025-01-06), got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return text


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
    p.add_argument("--year", type=int, help="only requests received in this year")
    p.add_argument(
        "--as-of", type=_iso_date, help="report date for the overdue list (default today)"
    )
    p.add_argument(
        "--regime",
        choices=rule_set_names(),
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
    p.set_defaults(handler=_run_report)


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
