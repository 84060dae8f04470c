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
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from ppid_core._numbers import half_up
from ppid_core.calendar import WorkCalendar
from ppid_core.cli._jobs import add_jobs_option, file_errors, run_each
from ppid_core.cli._options import (
    ChoiceAction,
    add_calendar_options,
    add_output_options,
    add_rules_option,
    add_unmask_option,
    calendar_from_args,
    output_format,
)
from ppid_core.cli._output import (
    add_file_options,
    check_file_options,
    dialect_of,
    emit_text,
    write_report,
)
from ppid_core.cli._register_options import (
    FIRST_YEAR,
    LAST_YEAR,
    YEARS_HELP,
    add_register_reading_options,
    iso_date,
    option_error,
    reading_options,
    register_usage_problem,
    topics_from_args,
    year,
)
from ppid_core.errors import UnknownNameError
from ppid_core.requests import (
    Masking,
    NameMasking,
    RuleSet,
    ServiceReport,
    ServiceSummary,
    load_expected_units,
    load_register,
    load_zone_map,
    oversight,
    service_report,
    service_summary,
)

__all__ = ["demo", "register", "summarise_file"]


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options given for these files, or ``None``.

    (``--zone`` is checked where it is parsed, in the shared calendar options.)
    """
    if (problem := register_usage_problem(args, args.files)) is not None:
        return problem
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
    check_file_options(args, fmt)
    if (problem := _usage_problem(args)) is not None:
        args.parser.error(problem)
    masking = _masking(args)
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    # today's year in the easternmost Indonesian zone (UTC+9), then the year after it
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    horizon = max(this_year, args.year or 0, as_of.year if as_of else 0) + 1
    cal = calendar_from_args(args, through=horizon)
    options = {
        "reading": {"calendar": cal, **reading_options(args)},
        "summary": {
            "calendar": cal,
            "rules": args.rules,
            "year": args.year,
            "as_of": as_of or dt.datetime.now(ZoneInfo(cal.zone)).date(),
            "masking": masking,
            "topics": topics_from_args(args),
        },
    }
    outcomes = run_each(summarise_file, args.files, options, jobs=args.jobs)
    for outcome in outcomes:
        if isinstance(outcome, UnknownNameError):  # no sheet or column of that name
            option_error(args, outcome)
    if (error := file_errors(args.files, outcomes)) is not None:
        raise error
    summary = ServiceSummary.merge(o for o in outcomes if isinstance(o, ServiceSummary))
    for warning in summary.reading.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return write_report(args, out, fmt, ServiceReport.from_summary(summary))


def summarise_file(path: str, options: dict[str, Any]) -> ServiceSummary:
    """Read one FILE and summarise it (run in a worker process with ``--jobs``)."""
    register = load_register(path, **options["reading"])
    return service_summary(register, **options["summary"])


def register(reg: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid register`` with ``report`` and ``oversight``."""
    reg_sub = reg.add_subparsers(dest="register_command", required=True, metavar="ACTION")
    p = reg_sub.add_parser(
        "report",
        help="service report of a register (UU 14/2008 Pasal 12)",
        description="Requests per month, kind of service, topic and unit; response times; "
        "decisions; keberatan and sengketa; overdue requests. FILE is CSV or XLSX: the "
        "header is found below title rows (two header rows are joined) and its names are "
        "read through a layout (kpu, komisi-informasi, e-ppid, or --layout FILE). Only the "
        "date received is required; a figure whose column is missing is unknown, never "
        "zero. Several FILEs are one register: each is read and summarised on its own (in N "
        "worker processes with --jobs N) and the summaries merged, which gives exactly the "
        "report of the files concatenated. Personal data is masked.",
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
        type=year,
        metavar="YEAR",
        help=f"only requests received in this year ({YEARS_HELP})",
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=f"report date for the overdue list, ISO (default today; a year from {FIRST_YEAR} "
        f"to {LAST_YEAR}, as for --year)",
    )
    add_jobs_option(p)
    add_register_reading_options(p, topics=True)
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
    _add_oversight(reg_sub)


def _add_oversight(reg_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = reg_sub.add_parser(
        "oversight",
        help="oversight of the PPID Pelaksana from their registers (pengawasan)",
        description="Per unit: requests, answered within 10 and 17 working days (UU 14/2008 "
        "Pasal 22 ayat (7)-(8)), overdue on --on, median response time; the units that "
        "reported nothing (an empty register, or a unit of --units without one); the total "
        "over all units. A unit is named by its register's unit column (a file with several "
        "units is split), else by the file's name. --by month gives the monthly "
        "rekapitulasi. The registers' unreadable cells and rows copied between two files "
        "of one unit are printed on stderr as warnings. No personal data is shown.",
    )
    p.add_argument(
        "paths",
        metavar="FOLDER|FILE",
        nargs="+",
        help="register files, or folders of them (.csv, .xlsx, .xlsm; one per unit); the "
        "order does not matter",
    )
    p.add_argument(
        "--on",
        type=iso_date,
        metavar="DATE",
        help=f"the oversight's date, as of which it counts: overdue on this day; requests "
        f"received after it are not counted, responses dated after it count as not yet made "
        f"(ISO; default today in the --zone; a year from {FIRST_YEAR} to {LAST_YEAR})",
    )
    p.add_argument(
        "--by",
        choices=["year", "month"],
        default="year",
        help="one row per unit (year, the default), or also one per unit and month (month)",
    )
    p.add_argument(
        "--year",
        type=year,
        metavar="YEAR",
        help=f"only requests received in this year ({YEARS_HELP})",
    )
    p.add_argument(
        "--units",
        metavar="FILE",
        help="a YAML list of the units expected to "
        "report (e.g. the 22 KPU kabupaten/kota of NTT): a unit without a register shows as "
        "'tidak melapor'",
    )
    p.add_argument(
        "--zone-map",
        metavar="FILE",
        help="a YAML mapping of register file name "
        "to its unit's zone (WIB, WITA, WIT, an IANA zone or a province); other files use "
        "--zone",
    )
    add_register_reading_options(p, topics=False)
    add_rules_option(p, RuleSet.bundled_names())
    add_calendar_options(p)
    add_output_options(p, ("md", "csv", "json", "xlsx"), default="md")
    add_file_options(p)
    p.set_defaults(handler=_run_oversight, parser=p)


def _run_oversight(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args)
    check_file_options(args, fmt)
    on = dt.date.fromisoformat(args.on) if args.on else None
    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    cal = calendar_from_args(args, through=max(this_year, args.year or 0, on.year if on else 0) + 1)
    reading = reading_options(args)  # --sheet: the workbooks among the folders' files
    try:
        table = oversight(
            args.paths,
            on=on,
            calendar=cal,
            rules=args.rules,
            by=args.by,
            year=args.year,
            units=None if args.units is None else load_expected_units(args.units),
            zones=None if args.zone_map is None else load_zone_map(args.zone_map),
            **reading,
        )
    except UnknownNameError as exc:  # no sheet or column of that name: the option is wrong
        option_error(args, exc)
    for warning in table.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if fmt == "xlsx":
        from ppid_core.cli._output import write_file  # noqa: PLC0415 - only for workbooks

        write_file(args.output, table.to_xlsx, "the workbook")
    elif fmt == "json":
        emit_text(args, out, table.to_json() + "\n", fmt)
    else:
        text = table.to_csv(dialect=dialect_of(args)) if fmt == "csv" else table.to_markdown()
        emit_text(args, out, text, fmt)
    return 0


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
    _demo_oversight(out)


def _demo_oversight(out: TextIO) -> None:
    """The oversight of the embedded example registers of four KPU kabupaten/kota in NTT,
    read in the office's zone (WITA), then the multi-zone example with its zone map."""
    from ppid_core.examples.requests import oversight as example  # noqa: PLC0415 - demo only

    cal = WorkCalendar.indonesia(zone="NTT")
    table = oversight(
        example.example_folder(),
        on=dt.date(2024, 12, 31),
        calendar=cal,
        units=example.example_units(),
    )
    print(
        "== Oversight of the PPID Pelaksana: KPU kabupaten/kota in NTT (example data, "
        f"zone {cal.zone}) ==",
        file=out,
    )
    total = table.total
    median = "unknown" if total.median is None else f"{half_up(total.median, 1)} working days"
    print(
        f"  units: {len(table.units)}; requests: {total.requests}; answered: {total.answered}, "
        f"within {table.limits[0]} working days: {total.within(table.limits[0])}, within "
        f"{table.limits[1]}: {total.within(table.limits[1])}; overdue on "
        f"{table.on.isoformat()}: {total.overdue}; median: {median}",
        file=out,
    )
    for row in table.units:
        if row.reported:
            print(
                f"  {row.unit}: {row.summary.requests} requests {row.remark()}".rstrip(), file=out
            )
    silent = [u.unit for u in table.units if not u.reported]
    print(f"  reported nothing ({len(silent)}): {', '.join(silent[:3])}, ...", file=out)
    zoned = oversight(
        example.zoned_folder(),
        on=dt.date(2024, 12, 31),
        calendar=cal,
        by="month",
        source_zone="UTC",
        zones=load_zone_map(example.zone_map_file()),
    )
    print("  units in several zones (zone map; times stored in UTC):", file=out)
    for row in zoned.units:
        months = ", ".join(
            f"{m.month} {m.summary.requests}"
            for m in zoned.months or ()
            if m.unit == row.unit and m.summary.requests
        )
        days = ", ".join(f"{d} days x{n}" for d, n in row.summary.response_days)
        print(f"    {row.unit} ({', '.join(row.zones)}): received {months}; {days}", file=out)
    print(file=out)
