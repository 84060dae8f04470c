"""``ppid deadline``: the response deadlines of an information request.

References:
    UU 14/2008 Pasal 22 ayat (7) (written notice within 10 working days of receipt) and
    ayat (8) (extension by at most 7 more working days, with written reasons).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

import pendulum
from pendulum.parsing.exceptions import ParserError

from ppid_core._tables import dumps_json
from ppid_core.calendar import WorkCalendar
from ppid_core.calendar._zones import zone_info

ORDER = 10

RESPONSE_DAYS = 10  # UU 14/2008 Pasal 22 ayat (7)
EXTENSION_DAYS = 7  # UU 14/2008 Pasal 22 ayat (8)


def _parse_received(text: str, zone: str) -> dt.date | dt.datetime:
    """An ISO date, or an ISO datetime (a naive one is taken in the office's zone)."""
    try:
        parsed = pendulum.parse(text, exact=True, tz=None)
    except (ValueError, ParserError) as exc:
        msg = (
            "RECEIVED must be an ISO date or datetime "
            f"(2025-03-27 or 2025-03-27T15:30+08:00), got {text!r}"
        )
        raise argparse.ArgumentTypeError(msg) from exc
    if isinstance(parsed, dt.datetime):
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=zone_info(zone))
        return parsed
    if isinstance(parsed, dt.date):
        return dt.date(parsed.year, parsed.month, parsed.day)
    msg = f"RECEIVED must be a date or a datetime, got {text!r}"
    raise argparse.ArgumentTypeError(msg)


def response_deadlines(cal: WorkCalendar, received: dt.date) -> dict[str, Any]:
    """The receipt date, both response deadlines and the days skipped up to the later one."""
    receipt = cal.receipt_date(received)
    due = cal.add_working_days(receipt, RESPONSE_DAYS)
    extended = cal.add_working_days(due, EXTENSION_DAYS)
    span = cal.explain(receipt, extended)
    return {
        "received": received,
        "zone": cal.zone,
        "cuti_bersama_non_working": cal.cuti_bersama,
        "receipt_date": receipt,
        "response_due": due,
        "response_rule": "UU 14/2008 Pasal 22 ayat (7): 10 hari kerja",
        "extended_response_due": extended,
        "extension_rule": "UU 14/2008 Pasal 22 ayat (8): paling lama 7 hari kerja",
        "skipped": [
            {"date": s.date, "category": s.category, "name": s.name, "source": s.source}
            for s in span.skipped
        ],
    }


def _run(args: argparse.Namespace, out: TextIO) -> int:
    cal = WorkCalendar.indonesia(cuti_bersama=not args.no_cuti_bersama, zone=args.zone)
    try:
        received = _parse_received(args.received, cal.zone)
    except argparse.ArgumentTypeError as exc:
        args.parser.error(str(exc))
    result = response_deadlines(cal, received)
    if args.json:
        print(dumps_json(result), file=out)
        return 0
    print(f"Received:               {args.received} ({cal.zone})", file=out)
    print(f"Counts as received on:  {result['receipt_date']}", file=out)
    print(
        f"Response due:           {result['response_due']}  ({result['response_rule']})", file=out
    )
    print(
        f"Extended response due:  {result['extended_response_due']}  ({result['extension_rule']})",
        file=out,
    )
    holidays = [s for s in result["skipped"] if s["category"] != "akhir_pekan"]
    weekends = len(result["skipped"]) - len(holidays)
    print(f"Skipped: {weekends} weekend days and {len(holidays)} holidays:", file=out)
    for s in holidays:
        print(f"  {s['date']}  {s['category']:<17} {s['name']}", file=out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``ppid deadline``."""
    p = sub.add_parser(
        "deadline",
        help="response deadlines of an information request (UU 14/2008 Pasal 22)",
        description="Response deadline (10 working days, UU 14/2008 Pasal 22 ayat (7)) and "
        "extended deadline (7 more, ayat (8)) of a request received at RECEIVED.",
    )
    p.add_argument("received", metavar="RECEIVED", help="ISO date or datetime of receipt")
    p.add_argument("--zone", default="Asia/Jakarta", help="IANA zone, WIB/WITA/WIT or province")
    p.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help="count cuti bersama as working days (default: non-working, as for ASN offices)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_run, parser=p)


def demo(out: TextIO) -> None:
    """Show the Lebaran 2025 example with and without cuti bersama."""
    print("== Working days: a request received on Thursday 2025-03-27 ==", file=out)
    received = dt.date(2025, 3, 27)
    for cb in (True, False):
        cal = WorkCalendar.indonesia(cuti_bersama=cb)
        r = response_deadlines(cal, received)
        label = "cuti bersama non-working" if cb else "cuti bersama as working days"
        print(
            f"  {label:<29} response due {r['response_due']}, "
            f"extended {r['extended_response_due']}",
            file=out,
        )
    print(file=out)


__all__ = ["EXTENSION_DAYS", "ORDER", "RESPONSE_DAYS", "demo", "register", "response_deadlines"]
