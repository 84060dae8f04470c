"""``ppid dip``: check a Daftar Informasi Publik (DIP), print it in the regulation's layout.

- ``ppid dip check FILE [--on DATE] [--zone ZONE] [--required KEY|FILE] [--check-urls]
  [--strict] [--format text|md|json] [--json] [--output FILE]`` reports the findings (stale
  berkala items, items without an address, excepted items without uji konsekuensi,
  entries of the required list no item fulfils) and the coverage of the list. ``--on``
  defaults to today in the office's zone (``--zone``, default Asia/Jakarta, WIB), as
  for ``ppid register oversight``. Findings are a report: exit 0. With ``--strict`` any
  finding exits 1 (for CI jobs and schedulers). A file that cannot be read exits 1 with
  every located error on stderr, as always; a ``wajib`` key that is not an entry of the
  required list is one of them.
- ``--check-urls`` asks each address whether it answers (off by default: the network is
  reached only when asked), ``--timeout`` seconds per request, ``--workers`` at a time.
- ``ppid dip table FILE [--format md|html|csv|json|xlsx] [--output F] [--excel-id]``
  prints the DIP as the office publishes it, then the excepted items as a table of their
  own (UU 14/2008 Pasal 11 ayat (1) huruf a).

Without ``--format``, a report printed to a terminal is ``text`` (aligned tables, no
Markdown syntax, [`to_text()`][ppid_core.dip.DipCheck.to_text]); printed to a pipe or a
file, or written with ``--output``, it is ``md``, as before, so scripts keep their output.
Help texts, messages and the report's headings follow ``ppid --lang``; the JSON does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from ppid_core._i18n import _, ngettext
from ppid_core.cli._options import add_output_options, report_format, zone_option
from ppid_core.cli._output import (
    add_file_options,
    check_file_options,
    write_result,
)
from ppid_core.dip import (
    DEFAULT_REQUIRED,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    DipCheck,
    RequiredList,
    check_dip,
    load_dip,
    load_required,
)
from ppid_core.errors import UnknownNameError

_DEMO_DAY = dt.date(2025, 1, 15)
#: The office's zone when ``--zone`` is not given (WIB), as for the other commands.
_ZONE = "Asia/Jakarta"
#: The clock of "today" (a test replaces it).
_clock = dt.datetime.now
#: The formats of ``dip table``.
_TABLE_FORMATS = ("text", "md", "html", "csv", "json", "xlsx")


def _date(text: str) -> dt.date:
    """An argparse type: an ISO date ``YYYY-MM-DD`` in the years 1900 to 2200."""
    msg = _("expected an ISO date (2025-01-15), got {text}").format(text=repr(text))
    if len(text) != 10:
        raise argparse.ArgumentTypeError(msg)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg) from None
    if not 1900 <= day.year <= 2200:
        msg = _("expected a date in the years 1900 to 2200, got {text}").format(text=repr(text))
        raise argparse.ArgumentTypeError(msg)
    return day


def _bounded(low: float, high: float, *, whole: bool) -> Callable[[str], float]:
    """An argparse type: a number from ``low`` to ``high`` (a whole one if ``whole``)."""

    def parse(text: str) -> float:
        value: float | None
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high or value == 0:
            msg = (
                _("expected a whole number from {low} to {high}, got {text}")
                if whole
                else _("expected a number of seconds from {low} to {high}, got {text}")
            ).format(low=f"{low:g}", high=f"{high:g}", text=repr(text))
            raise argparse.ArgumentTypeError(msg)
        return value

    return parse


def _required(args: argparse.Namespace) -> RequiredList:
    """The list of ``--required``: a bundled key, or a YAML file (a name ending .yaml/.yml)."""
    value: str = args.required
    if Path(value).suffix.lower() in {".yaml", ".yml"}:
        return load_required(value)
    try:
        return RequiredList.bundled(value)
    except UnknownNameError as exc:
        args.parser.error(
            _("--required: {error}; or give a file ending in .yaml").format(error=exc)
        )
        raise  # pragma: no cover - parser.error exits


def today(zone: str) -> dt.date:
    """Today's date in the office's zone (an IANA name)."""
    return _clock(ZoneInfo(zone)).date()


def _check(args: argparse.Namespace, out: TextIO) -> int:
    fmt = report_format(args, out)
    check_file_options(args, fmt)
    required = _required(args)
    dip = load_dip(args.file, required=required)
    result = check_dip(
        dip,
        on=args.on or today(args.zone),
        required=required,
        check_urls=args.check_urls,
        timeout=args.timeout,
        workers=args.workers,
    )
    write_result(args, out, fmt, result)
    if args.strict and result.findings:
        n = len(result.findings)
        print(
            "ppid: " + ngettext("{n} finding (--strict)", "{n} findings (--strict)", n).format(n=n),
            file=sys.stderr,
        )
        return 1
    return 0


def _table(args: argparse.Namespace, out: TextIO) -> int:
    fmt = report_format(args, out)
    check_file_options(args, fmt)
    table = load_dip(args.file).table()
    return write_result(args, out, fmt, table)


def register(dip: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid dip`` with its sub-commands."""
    sub = dip.add_subparsers(dest="dip_command", required=True, metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help=_("check a DIP: completeness, staleness, addresses, uji konsekuensi"),
        description=_(
            "Check a DIP: completeness, staleness, addresses, uji konsekuensi. {terminal}"
        ).format(terminal=_terminal_help()),
    )
    check.add_argument("file", metavar="FILE", help=_("the DIP as YAML"))
    check.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help=_("the day of the check (default: today in the office's zone, --zone)"),
    )
    check.add_argument(
        "--zone",
        type=zone_option,
        default=_ZONE,
        help=_(
            "the office's zone, for today's date: IANA zone, WIB/WITA/WIT or province "
            "(default {zone}, WIB); an unknown or empty zone is bad usage"
        ).format(zone=_ZONE),
    )
    check.add_argument(
        "--required",
        default=DEFAULT_REQUIRED,
        metavar="KEY|FILE",
        help=_(
            "the list of required information: a bundled key (default {key}: "
            "UU 14/2008 Pasal 9-11) or your own YAML file in its layout"
        ).format(key=DEFAULT_REQUIRED),
    )
    check.add_argument(
        "--strict", action="store_true", help=_("exit 1 when there is any finding (default: 0)")
    )
    urls = check.add_argument_group(_("URL check (off by default; reaches the network)"))
    urls.add_argument(
        "--check-urls", action="store_true", help=_("ask each address whether it answers")
    )
    urls.add_argument(
        "--timeout",
        type=_bounded(0, 120, whole=False),
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=_("seconds per request (default {seconds}, at most 120)").format(
            seconds=f"{DEFAULT_TIMEOUT:g}"
        ),
    )
    urls.add_argument(
        "--workers",
        type=_bounded(1, 16, whole=True),
        default=DEFAULT_WORKERS,
        metavar="N",
        help=_("requests at a time (default {n}, at most 16)").format(n=DEFAULT_WORKERS),
    )
    add_output_options(check, ("text", "md", "json"), default="md")
    files = check.add_argument_group(_("files"))
    files.add_argument(
        "--output",
        metavar="FILE",
        help=_("write the report to FILE instead of stdout; written whole or not at all"),
    )
    check.set_defaults(handler=_check, parser=check, excel_id=False)
    table = sub.add_parser(
        "table",
        help=_("the DIP in the regulation's layout"),
        description=_("The DIP in the regulation's layout. {terminal}").format(
            terminal=_terminal_help()
        ),
    )
    table.add_argument("file", metavar="FILE", help=_("the DIP as YAML"))
    add_output_options(table, _TABLE_FORMATS, default="md")
    add_file_options(table)
    table.set_defaults(handler=_table, parser=table)


def _terminal_help() -> str:
    return _(
        "Without --format, the output is text (aligned tables) when printed to a terminal "
        "and md (Markdown) in a pipe, a file or with --output."
    )


def demo(out: TextIO) -> None:
    """The example DIP (a KPU provincial office, illustrative) checked on 15 January 2025."""
    from ppid_core.examples.dip import load_example_dip  # noqa: PLC0415 - demo only

    dip = load_example_dip()
    result: DipCheck = check_dip(dip, on=_DEMO_DAY)
    heading = _("DIP: {unit}, checked on {day} (illustrative example)").format(
        unit=dip.unit, day=_DEMO_DAY
    )
    state = _("current") if result.current else _("not current")
    complete = _("complete") if result.complete else _("incomplete")
    items = ngettext("{n} item", "{n} items", len(dip.items)).format(n=len(dip.items))
    n = len(result.findings)
    findings = ngettext("{n} finding", "{n} findings", n).format(n=n)
    summary = _("{items}; {state}, {complete}; {findings}").format(
        items=items, state=state, complete=complete, findings=findings
    )
    out.write(f"\n== {heading} ==\n{summary}\n\n{result.findings_table().to_markdown()}\n")
