"""How commands read request registers: one set of options, one loader.

``ppid register report``, ``ppid register oversight`` and ``ppid report annual`` read the
same files the same way: ``--sheet`` and ``--include-hidden`` for workbooks, ``--layout``,
``--map COLUMN=FIELD``, ``--source-zone`` and ``--decisions`` for what the headers and
cells mean (``--topics`` where topics are reported), ``--year`` and dates guarded against
typos. A command adds them with
[`add_register_reading_options()`][add_register_reading_options] and reads with
[`load_registers()`][load_registers] or [`reading_options()`][reading_options].

Help texts and messages are English, marked for the catalog and translated when the parser
is built or the message is said (``ppid --lang``); [`YEARS_HELP`][YEARS_HELP] and
[`TEXT_DEFAULT_HELP`][TEXT_DEFAULT_HELP] are marked with ``N_`` and translated where shown.
Without ``--format`` the register reports print aligned text on a terminal and Markdown
elsewhere ([`report_format()`][report_format]); several files show a progress bar on a
terminal ([`each_file()`][each_file]).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ppid_core._i18n import N_, _
from ppid_core.cli._options import TEXT_DEFAULT_HELP, report_format
from ppid_core.cli._progress import progress
from ppid_core.errors import UnknownNameError, UnknownZoneError
from ppid_core.requests import (
    FIELDS,
    DecisionTable,
    Layout,
    Register,
    TopicTable,
    load_decisions,
    load_register,
    load_topics,
    to_office_zone,
)
from ppid_core.requests._layouts import resolve_layout

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator, Sequence

    from ppid_core.calendar import WorkCalendar

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "TEXT_DEFAULT_HELP",
    "YEARS_HELP",
    "add_register_reading_options",
    "each_file",
    "iso_date",
    "load_registers",
    "option_error",
    "reading_options",
    "register_usage_problem",
    "report_format",
    "topics_from_args",
    "year",
]

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years ``--year``, ``--as-of`` and ``--on`` accept: a guard against typos (0, 20244)."""
YEARS_HELP = N_(
    "{first} to {last}; a year outside is surely a typo, as registers under "
    "UU 14/2008 date from 2010 (whether the calendar covers the year is checked when the "
    "report is built)"
)
"""The years ``--year`` accepts, said in its help (English; ``_(YEARS_HELP).format(first=...,
last=...)`` where shown, see [`years_help()`][years_help])."""


def years_help() -> str:
    """[`YEARS_HELP`][YEARS_HELP] in the language in use."""
    return _(YEARS_HELP).format(first=FIRST_YEAR, last=LAST_YEAR)


def each_file(files: Sequence[str]) -> Iterator[str]:
    """``files`` one by one, with a progress bar on stderr when it is a terminal and the
    reading takes a while (``cli._progress``)."""
    return progress(files, total=len(files), what=_("Reading registers"), unit=_("files"))


def iso_date(text: str) -> str:
    """An argparse type: an ISO date in the years [`FIRST_YEAR`][FIRST_YEAR]–`LAST_YEAR`."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        msg = _("expected an ISO date (2025-01-06), got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        msg = _("expected a date in the years {first} to {last}, got {text!r}").format(
            first=FIRST_YEAR, last=LAST_YEAR, text=text
        )
        raise argparse.ArgumentTypeError(msg)
    return day.isoformat()


def year(text: str) -> int:
    """An argparse type: a year from [`FIRST_YEAR`][FIRST_YEAR] to `LAST_YEAR`."""
    try:
        value = int(text.strip())
    except ValueError:
        msg = _("expected a year such as 2024, got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg) from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        msg = _("expected a year from {first} to {last}, got {text!r}").format(
            first=FIRST_YEAR, last=LAST_YEAR, text=text
        )
        raise argparse.ArgumentTypeError(msg)
    return value


def _column_field(text: str) -> tuple[str, str]:
    """An argparse type for ``--map COLUMN=FIELD`` (the last ``=`` separates them)."""
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip() or not field.strip():
        msg = _("expected COLUMN=FIELD (e.g. 'Tgl Masuk=received'), got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg)
    if field.strip() not in FIELDS:
        msg = _(
            "unknown field {field!r} in {text!r}; expected COLUMN=FIELD with FIELD one of: {fields}"
        ).format(field=field.strip(), text=text, fields=", ".join(FIELDS))
        raise argparse.ArgumentTypeError(msg)
    return column.strip(), field.strip()


def _source_zone(text: str) -> str:
    """An argparse type for ``--source-zone``: UTC, an offset or an Indonesian zone."""
    if not text.strip():
        msg = _("empty; expected UTC, an offset such as +07:00, WIB, WITA, WIT or a province")
        raise argparse.ArgumentTypeError(msg)
    try:
        to_office_zone(dt.date(2024, 1, 1), dt.time(0), source_zone=text, office_zone="WIB")
    except UnknownZoneError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def add_register_reading_options(parser: argparse.ArgumentParser, *, topics: bool) -> None:
    """How register files are read: sheet, hidden rows, layout, columns, zones, words."""
    parser.add_argument(
        "--sheet",
        metavar="S",
        help=_(
            "the .xlsx sheet to read (default: the first visible sheet; the report's "
            "source names the sheet read)"
        ),
    )
    parser.add_argument(
        "--include-hidden",
        action="store_true",
        help=_("read the hidden rows of an .xlsx sheet as data (default: refused, listed)"),
    )
    reading = parser.add_argument_group(_("reading the file"))
    reading.add_argument(
        "--layout",
        metavar="NAME|FILE",
        help=_(
            "the layout of the header names: {names}, or a layout YAML file (default: the "
            "bundled layout that matches best)"
        ).format(names=", ".join(Layout.bundled_names())),
    )
    reading.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        type=_column_field,
        help=_("read COLUMN (its header, any case) as FIELD, one of: {fields} (repeatable)").format(
            fields=", ".join(FIELDS)
        ),
    )
    reading.add_argument(
        "--source-zone",
        metavar="ZONE",
        type=_source_zone,
        help=_(
            "the zone times without a zone were stored in, e.g. UTC for many e-PPID apps "
            "(default: the office's zone, --zone); times are moved to the office's zone "
            "before their date is taken"
        ),
    )
    reading.add_argument(
        "--decisions",
        metavar="FILE",
        help=_("a decision table (YAML) adding words to the bundled one"),
    )
    if topics:
        reading.add_argument(
            "--topics",
            metavar="NAME|FILE",
            help=_("the topic table: {names}, or a topic YAML file (default: umum)").format(
                names=", ".join(TopicTable.bundled_names())
            ),
        )


def register_usage_problem(args: argparse.Namespace, files: Sequence[str]) -> str | None:
    """What is wrong with the workbook options for ``files``, or ``None``."""
    for file in files:
        if Path(file).suffix.lower() in {".xlsx", ".xlsm"}:
            continue
        if args.sheet is not None:
            return _(
                "--sheet applies to .xlsx files; {file} is read as CSV, which has no sheets"
            ).format(file=file)
        if args.include_hidden:
            return _("--include-hidden applies to .xlsx files; {file} is read as CSV").format(
                file=file
            )
    return None


def _layout(args: argparse.Namespace) -> Layout | None:
    """``--layout NAME|FILE``: a bundled layout or a layout file (its errors exit 1)."""
    if args.layout is None:
        return None
    parser: argparse.ArgumentParser = args.parser
    try:
        return resolve_layout(args.layout)
    except UnknownNameError as exc:
        parser.error(f"--layout: {exc}")


def topics_from_args(args: argparse.Namespace) -> TopicTable | None:
    """``--topics NAME|FILE``: a bundled topic table or a topic file (its errors exit 1)."""
    if args.topics is None:
        return None
    if args.topics in TopicTable.bundled_names():
        return TopicTable.bundled(args.topics)
    if not Path(args.topics).is_file():
        names = ", ".join(TopicTable.bundled_names())
        args.parser.error(
            _(
                "--topics: unknown topic table {name!r}: neither a bundled table ({names}) "
                "nor a file"
            ).format(name=args.topics, names=names)
        )
    return load_topics(args.topics)


def reading_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``load_register`` that the options give."""
    decisions = (
        None
        if args.decisions is None
        else load_decisions(args.decisions, extends=DecisionTable.bundled())
    )
    return {
        "sheet": args.sheet,
        "include_hidden": args.include_hidden,
        "layout": _layout(args),
        "columns": dict(args.map or ()),
        "source_zone": args.source_zone,
        "decisions": decisions,
    }


def option_error(args: argparse.Namespace, exc: UnknownNameError) -> None:
    """A sheet or a mapped column the file does not have: the option is wrong (exit 2)."""
    text = str(exc)
    args.parser.error(text if "--map" in text else f"--sheet: {text}")


def load_registers(
    args: argparse.Namespace, files: Sequence[str], calendar: WorkCalendar
) -> list[Register]:
    """Each of ``files`` read as the options say (bad usage exits 2, bad data raises)."""
    if (problem := register_usage_problem(args, files)) is not None:
        args.parser.error(problem)
    options = reading_options(args)
    registers = []
    for file in each_file(files):
        try:
            registers.append(load_register(file, calendar=calendar, **options))
        except UnknownNameError as exc:
            option_error(args, exc)
    return registers
