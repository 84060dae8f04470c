"""``ppid register report``: the service report of a request register.

``--format md`` (the default), ``csv`` (``section,item,value``) or ``json`` (``--json``,
the report's ``to_dict()``). Requester names are masked (``--names`` chooses how);
``--unmask`` shows personal data as written. ``--rules`` names the deadline rule set.
For one release the old spellings still work, each with a note on stderr: ``--csv``
(``--format csv``), ``--names none`` (``--unmask``) and ``--regime`` (``--rules``).

Reading the files offices have: several ``FILE`` arguments are one register (their
requests together); ``--layout NAME|FILE`` names the layout of the headers (default: the
best of the bundled ones), ``--map COLUMN=FIELD`` chooses a column for a field
(repeatable), ``--source-zone`` says where an app stored its times, ``--decisions FILE``
adds words to the decision table and ``--topics NAME|FILE`` chooses the topic table.
Optional cells that cannot be used are printed on stderr as warnings (``warning: ...``)
and counted as unknown; the report still exits 0.

References:
    UU 14/2008 Pasal 12 (the yearly announcement: number of requests, time taken,
    grants and refusals, reasons for refusal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
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
from ppid_core.cli._output import add_file_options, check_file_options, write_report
from ppid_core.errors import UnknownNameError, UnknownZoneError
from ppid_core.requests import (
    FIELDS,
    DecisionTable,
    Layout,
    Masking,
    NameMasking,
    RuleSet,
    TopicTable,
    load_decisions,
    load_register,
    load_topics,
    service_report,
    to_office_zone,
)
from ppid_core.requests._layouts import resolve_layout
from ppid_core.requests._register_merge import merge_registers

__all__ = ["demo", "register"]

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years ``--year`` and ``--as-of`` accept: a guard against typos (0, 20244)."""
_YEARS = (
    f"{FIRST_YEAR} to {LAST_YEAR}; a year outside is surely a typo, as registers under "
    "UU 14/2008 date from 2010 (whether the calendar covers the year is checked when the "
    "report is built)"
)


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options given for these files, or ``None``.

    (``--zone`` is checked where it is parsed, in the shared calendar options.)
    """
    for file in args.files:
        if Path(file).suffix.lower() in {".xlsx", ".xlsm"}:
            continue
        if args.sheet is not None:
            return f"--sheet applies to .xlsx files; {file} is read as CSV, which has no sheets"
        if args.include_hidden:
            return f"--include-hidden applies to .xlsx files; {file} is read as CSV"
    if args.unmask and args.names not in {None, NameMasking.NONE.value}:
        return f"--unmask shows names as written; it cannot be combined with --names {args.names}"
    return None


def _masking(args: argparse.Namespace) -> Masking:
    """``--unmask``: personal data as written; else names as ``--names`` says (initials)."""
    if args.unmask or args.names == NameMasking.NONE.value:
        return Masking(names=NameMasking.NONE, unmasked=True)
    return Masking(names=NameMasking(args.names or NameMasking.INITIALS.value))


def _layout(args: argparse.Namespace) -> Layout | None:
    """``--layout NAME|FILE``: a bundled layout or a layout file (its errors exit 1)."""
    if args.layout is None:
        return None
    parser: argparse.ArgumentParser = args.parser
    try:
        return resolve_layout(args.layout)
    except UnknownNameError as exc:
        parser.error(f"--layout: {exc}")


def _topics(args: argparse.Namespace) -> TopicTable | None:
    """``--topics NAME|FILE``: a bundled topic table or a topic file (its errors exit 1)."""
    if args.topics is None:
        return None
    if args.topics in TopicTable.bundled_names():
        return TopicTable.bundled(args.topics)
    if not Path(args.topics).is_file():
        names = ", ".join(TopicTable.bundled_names())
        args.parser.error(
            f"--topics: unknown topic table {args.topics!r}: neither a bundled table "
            f"({names}) nor a file"
        )
    return load_topics(args.topics)


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args)  # a contradiction of --json and --format is found first
    check_file_options(args, fmt)
    if (problem := _usage_problem(args)) is not None:
        args.parser.error(problem)
    masking = _masking(args)
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    # today's year in the easternmost Indonesian zone (UTC+9), then the year after it
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    horizon = max(this_year, args.year or 0, as_of.year if as_of else 0) + 1
    cal = calendar_from_args(args, through=horizon)
    layout, topics = _layout(args), _topics(args)
    decisions = (
        None
        if args.decisions is None
        else load_decisions(args.decisions, extends=DecisionTable.bundled())
    )
    registers = []
    for file in args.files:
        try:
            registers.append(
                load_register(
                    file,
                    calendar=cal,
                    sheet=args.sheet,
                    include_hidden=args.include_hidden,
                    layout=layout,
                    columns=dict(args.map or ()),
                    source_zone=args.source_zone,
                    decisions=decisions,
                )
            )
        except UnknownNameError as exc:  # no sheet or column of that name: the option is wrong
            text = str(exc)
            args.parser.error(text if "--map" in text else f"--sheet: {text}")
    reg = merge_registers(registers)
    for warning in reg.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    report = service_report(
        reg, cal, args.rules, year=args.year, as_of=as_of, masking=masking, topics=topics
    )
    return write_report(args, out, fmt, report)


def _column_field(text: str) -> tuple[str, str]:
    """An argparse type for ``--map COLUMN=FIELD`` (the last ``=`` separates them)."""
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip() or not field.strip():
        msg = f"expected COLUMN=FIELD (e.g. 'Tgl Masuk=received'), got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    if field.strip() not in FIELDS:
        msg = (
            f"unknown field {field.strip()!r} in {text!r}; expected COLUMN=FIELD with FIELD "
            f"one of: {', '.join(FIELDS)}"
        )
        raise argparse.ArgumentTypeError(msg)
    return column.strip(), field.strip()


def _source_zone(text: str) -> str:
    """An argparse type for ``--source-zone``: UTC, an offset or an Indonesian zone."""
    if not text.strip():
        msg = "empty; expected UTC, an offset such as +07:00, WIB, WITA, WIT or a province"
        raise argparse.ArgumentTypeError(msg)
    try:
        to_office_zone(dt.date(2024, 1, 1), dt.time(0), source_zone=text, office_zone="WIB")
    except UnknownZoneError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


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
        "decisions; keberatan and sengketa; overdue requests. FILE is CSV or XLSX: the "
        "header is found below title rows (two header rows are joined) and its names are "
        "read through a layout (kpu, komisi-informasi, e-ppid, or --layout FILE). Only the "
        "date received is required; a figure whose column is missing is unknown, never "
        "zero. Several FILEs are one register. Personal data is masked.",
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="register file (.csv in UTF-8, UTF-16 or cp1252 with , ; or tab; or .xlsx "
        "with [excel]); several files are reported together",
    )
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
    reading = p.add_argument_group("reading the file")
    reading.add_argument(
        "--layout",
        metavar="NAME|FILE",
        help=f"the layout of the header names: {', '.join(Layout.bundled_names())}, or a "
        "layout YAML file (default: the bundled layout that matches best)",
    )
    reading.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        type=_column_field,
        help=f"read COLUMN (its header, any case) as FIELD, one of: {', '.join(FIELDS)} "
        "(repeatable)",
    )
    reading.add_argument(
        "--source-zone",
        metavar="ZONE",
        type=_source_zone,
        help="the zone times without a zone were stored in, e.g. UTC for many e-PPID apps "
        "(default: the office's zone, --zone); times are moved to the office's zone before "
        "their date is taken",
    )
    reading.add_argument(
        "--decisions",
        metavar="FILE",
        help="a decision table (YAML) adding words to the bundled one",
    )
    reading.add_argument(
        "--topics",
        metavar="NAME|FILE",
        help=f"the topic table: {', '.join(TopicTable.bundled_names())}, or a topic YAML "
        "file (default: umum)",
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
    add_output_options(
        p, ("md", "csv", "json", "xlsx"), default="md", legacy_flags={"--csv": "csv"}
    )
    add_file_options(p)
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
    topics = ", ".join(f"{t} {n}" for t, n in (report.by_topic or {}).items())
    print(f"  per topic: {topics}", file=out)
    print("  response times: unknown (the register records no response dates)", file=out)
    for note in report.notes:
        print(f"  note: {note}", file=out)
    print(file=out)
