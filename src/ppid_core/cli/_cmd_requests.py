"""``ppid register report``: the service report of a request register.

``--format text`` (aligned tables, [`to_text()`][ppid_core.requests.ServiceReport.to_text]),
``md``, ``csv`` (``section,item,value``), ``xlsx`` or ``json`` (``--json``, the report's
``to_dict()``); without ``--format``, ``text`` when stdout is a terminal and ``md``
otherwise (a pipe, a file), so scripts keep their Markdown. Headings, titles, column
headers, notes of the text and help are in the language chosen (``ppid --lang id|en``);
the JSON is the same in both. Requester names are masked (``--names`` chooses how);
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
from collections.abc import Iterable
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from ppid_core._i18n import _, chosen_language, set_language
from ppid_core.calendar import WorkCalendar
from ppid_core.cli._jobs import add_jobs_option, file_errors, run_each
from ppid_core.cli._options import (
    ChoiceAction,
    add_calendar_options,
    add_output_options,
    add_rules_option,
    add_unmask_option,
    calendar_from_args,
)
from ppid_core.cli._output import (
    add_file_options,
    check_file_options,
    write_result,
)
from ppid_core.cli._oversight_demo import oversight_demo
from ppid_core.cli._register_options import (
    FIRST_YEAR,
    LAST_YEAR,
    TEXT_DEFAULT_HELP,
    add_register_reading_options,
    each_file,
    iso_date,
    option_error,
    reading_options,
    register_usage_problem,
    report_format,
    topics_from_args,
    year,
    years_help,
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
from ppid_core.requests._oversight_table import NOT_REPORTED
from ppid_core.requests._said import said

__all__ = ["demo", "register", "summarise_file"]


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options given for these files, or ``None``.

    (``--zone`` is checked where it is parsed, in the shared calendar options.)
    """
    if (problem := register_usage_problem(args, args.files)) is not None:
        return problem
    if args.unmask and args.names not in {None, NameMasking.NONE.value}:
        return _(
            "--unmask shows names as written; it cannot be combined with --names {names}"
        ).format(names=args.names)
    return None


def _masking(args: argparse.Namespace) -> Masking:
    """``--unmask``: personal data as written; else names as ``--names`` says (initials)."""
    if args.unmask or args.names == NameMasking.NONE.value:
        return Masking(names=NameMasking.NONE, unmasked=True)
    return Masking(names=NameMasking(args.names or NameMasking.INITIALS.value))


def _warn(warnings: Iterable[object]) -> None:
    """Each warning on stderr, ``warning: ...``, in the language in use (located: its
    place is written as the reader gives it)."""
    for warning in warnings:
        print(_("warning: {warning}").format(warning=said(str(warning))), file=sys.stderr)


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    fmt = report_format(args, out)  # a contradiction of --json and --format is found first
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
        "language": chosen_language(),  # the workers' messages in the user's language
    }
    if args.jobs > 1:
        outcomes = run_each(summarise_file, args.files, options, jobs=args.jobs)
    else:  # one by one, with a progress bar on a terminal
        outcomes = [
            o for f in each_file(args.files) for o in run_each(summarise_file, [f], options)
        ]
    for outcome in outcomes:
        if isinstance(outcome, UnknownNameError):  # no sheet or column of that name
            option_error(args, outcome)
    if (error := file_errors(args.files, outcomes)) is not None:
        raise error
    summary = ServiceSummary.merge(o for o in outcomes if isinstance(o, ServiceSummary))
    _warn(summary.reading.warnings)
    return write_result(args, out, fmt, ServiceReport.from_summary(summary))


def summarise_file(path: str, options: dict[str, Any]) -> ServiceSummary:
    """Read one FILE and summarise it (run in a worker process with ``--jobs``, which
    speaks the language ``options["language"]`` names)."""
    set_language(options.get("language"))
    register = load_register(path, **options["reading"])
    return service_summary(register, **options["summary"])


def register(reg: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid register`` with ``report`` and ``oversight``."""
    reg_sub = reg.add_subparsers(dest="register_command", required=True, metavar="ACTION")
    p = reg_sub.add_parser(
        "report",
        help=_("service report of a register (UU 14/2008 Pasal 12)"),
        description=_(
            "Requests per month, kind of service, topic and unit; response times; "
            "decisions; keberatan and sengketa; overdue requests. FILE is CSV or XLSX: the "
            "header is found below title rows (two header rows are joined) and its names are "
            "read through a layout (kpu, komisi-informasi, e-ppid, or --layout FILE). Only "
            "the date received is required; a figure whose column is missing is unknown, "
            "never zero. Several FILEs are one register: each is read and summarised on its "
            "own (in N worker processes with --jobs N) and the summaries merged, which gives "
            "exactly the report of the files concatenated. Personal data is masked. Output: "
            "{terminal}."
        ).format(terminal=_(TEXT_DEFAULT_HELP)),
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help=_(
            "register file (.csv in UTF-8, UTF-16 or cp1252 with , ; or tab; or .xlsx "
            "with [excel]); several files are reported together"
        ),
    )
    _add_year(p)
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=_(
            "report date for the overdue list, ISO (default today; a year from {first} to "
            "{last}, as for --year)"
        ).format(first=FIRST_YEAR, last=LAST_YEAR),
    )
    add_jobs_option(p)
    add_register_reading_options(p, topics=True)
    add_rules_option(p, RuleSet.bundled_names())
    add_calendar_options(p)
    masking = p.add_argument_group(_("personal data"))
    masking.add_argument(
        "--names",
        action=ChoiceAction,
        choices=[m.value for m in NameMasking if m is not NameMasking.NONE],
        deprecated={NameMasking.NONE.value: (NameMasking.NONE.value, "--unmask")},
        default=None,
        help=_("how requester names are masked (default initials)"),
    )
    add_unmask_option(masking)
    add_output_options(
        p, ("text", "md", "csv", "json", "xlsx"), default="md", legacy_flags={"--csv": "csv"}
    )
    add_file_options(p)
    p.set_defaults(handler=_run_report, parser=p)
    _add_oversight(reg_sub)


def _add_year(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--year",
        type=year,
        metavar="YEAR",
        help=_("only requests received in this year ({years})").format(years=years_help()),
    )


def _add_oversight(reg_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = reg_sub.add_parser(
        "oversight",
        help=_("oversight of the PPID Pelaksana from their registers (pengawasan)"),
        description=_(
            "Per unit: requests, answered within 10 and 17 working days (UU 14/2008 "
            "Pasal 22 ayat (7)-(8)), overdue on --on, median response time; the units that "
            "reported nothing (an empty register, or a unit of --units without one); the "
            "total over all units. A unit is named by its register's unit column (a file "
            "with several units is split), else by the file's name. --by month gives the "
            "monthly rekapitulasi. The registers' unreadable cells and rows copied between "
            "two files of one unit are printed on stderr as warnings. No personal data is "
            "shown. Output: {terminal}."
        ).format(terminal=_(TEXT_DEFAULT_HELP)),
    )
    p.add_argument(
        "paths",
        metavar="FOLDER|FILE",
        nargs="+",
        help=_(
            "register files, or folders of them (.csv, .xlsx, .xlsm; one per unit); the "
            "order does not matter"
        ),
    )
    p.add_argument(
        "--on",
        type=iso_date,
        metavar="DATE",
        help=_(
            "the oversight's date, as of which it counts: overdue on this day; requests "
            "received after it are not counted, responses dated after it count as not yet "
            "made (ISO; default today in the --zone; a year from {first} to {last})"
        ).format(first=FIRST_YEAR, last=LAST_YEAR),
    )
    p.add_argument(
        "--by",
        choices=["year", "month"],
        default="year",
        help=_("one row per unit (year, the default), or also one per unit and month (month)"),
    )
    _add_year(p)
    p.add_argument(
        "--units",
        metavar="FILE",
        help=_(
            "a YAML list of the units expected to report (e.g. the 22 KPU kabupaten/kota of "
            "NTT): a unit without a register shows as '{not_reported}'"
        ).format(not_reported=_(NOT_REPORTED)),
    )
    p.add_argument(
        "--zone-map",
        metavar="FILE",
        help=_(
            "a YAML mapping of register file name to its unit's zone (WIB, WITA, WIT, an "
            "IANA zone or a province); other files use --zone"
        ),
    )
    add_register_reading_options(p, topics=False)
    add_rules_option(p, RuleSet.bundled_names())
    add_calendar_options(p)
    add_output_options(p, ("text", "md", "csv", "json", "xlsx"), default="md")
    add_file_options(p)
    p.set_defaults(handler=_run_oversight, parser=p)


def _run_oversight(args: argparse.Namespace, out: TextIO) -> int:
    fmt = report_format(args, out)
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
    _warn(table.warnings)
    return write_result(args, out, fmt, table)


def demo(out: TextIO) -> None:
    """Report on the embedded 2024 register of KPU Provinsi NTT."""
    from ppid_core.examples.requests import load_kpu_ntt_2024  # noqa: PLC0415 - demo only

    cal = WorkCalendar.indonesia(zone="NTT")
    report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    title = _("Service report: KPU Provinsi NTT register 2024 (embedded example)")
    print(f"== {title} ==", file=out)
    print("  " + _("requests: {n}").format(n=report.total), file=out)
    busiest = ", ".join(f"{m} {n}" for m, n in report.by_month.items() if n)
    print("  " + _("per month: {counts}").format(counts=busiest), file=out)
    topics = ", ".join(f"{t} {n}" for t, n in (report.by_topic or {}).items())
    print("  " + _("per topic: {counts}").format(counts=topics), file=out)
    print("  " + _("response times: unknown (the register records no response dates)"), file=out)
    for note in report.notes:
        print("  " + _("note: {note}").format(note=said(note)), file=out)
    print(file=out)
    oversight_demo(out)
