"""``ppid report annual``: the annual report (laporan layanan informasi publik).

``ppid report annual --year Y --register FILE... [--profile FILE]`` builds the report of
Perki 1/2021 Pasal 56 from one or more registers (parts 3 and 4) and the office's profile
(parts 1, 2, 5 and 6, the title page and the signature block). Without ``--profile`` the
report is still produced, with those parts marked "tidak disediakan".

``--format md`` prints the document in Markdown (the default, but for a terminal, which
gets ``text``: the document's tables aligned, see ``to_text()``), ``--format html`` (or an
``--output`` name ending in ``.html``) writes one standalone page to print and sign, with
the chart as inline SVG; ``--json`` prints the report's ``to_dict()``: ``year`` and
``parts``, six objects with ``number``, ``title`` and ``provided`` (part 3 also has
``requests``). Registers are read as ``ppid register report`` reads them (``--layout``,
``--sheet``, ``--include-hidden``, ``--map``, ``--source-zone``,
``--decisions``); unusable optional cells are printed on stderr as
warnings and count as unknown. A file named twice (by any path to it) is read once and
counted once, with a note; identical requests in two files are counted, with a warning on
stderr naming the files and rows. ``--as-of DATE`` is the date requests not answered are
judged overdue on (default 31 December of the year). ``--unmask`` shows the signatory's
name as written. Give the office's zone (``--zone NTT``): dates are counted in it.

The document is Indonesian in every language (its titles are the regulation's words);
the help, the messages, the notes and the warnings are in the language chosen
(``ppid --lang id|en``).

References:
    Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 [S].
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ppid_core._i18n import _
from ppid_core.cli._options import (
    add_calendar_options,
    add_output_options,
    add_rules_option,
    add_unmask_option,
    calendar_from_args,
)
from ppid_core.cli._output import check_file_options, emit_text, render
from ppid_core.cli._register_options import (
    TEXT_DEFAULT_HELP,
    add_register_reading_options,
    iso_date,
    load_registers,
    report_format,
    year,
)
from ppid_core.requests import (
    Masking,
    NameMasking,
    Register,
    RuleSet,
    annual_report,
    load_annual_profile,
    parse_annual_profile,
)
from ppid_core.requests._said import said

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["demo", "register"]

_FORMATS = ("text", "md", "html", "json")
_HTML_SUFFIXES = (".html", ".htm")
EXAMPLE_PROFILE = "kpu_ntt_2024_profil.yaml"
"""The embedded example profile, beside the example register."""


def _format(args: argparse.Namespace, out: TextIO) -> str:
    fmt = report_format(args, out)
    output: str | None = args.output
    chosen = args.format is not None or args.json
    if not chosen and output and Path(output).suffix.lower() in _HTML_SUFFIXES:
        return "html"
    return fmt


def _registers(args: argparse.Namespace, cal: WorkCalendar) -> list[Register]:
    """Each file read once: a file named again (``r.csv``, ``./r.csv``, a link to it)
    gives the same register, which the report counts once, with a note."""
    first: dict[Path, int] = {}
    for i, file in enumerate(args.registers):
        first.setdefault(Path(file).resolve(), i)
    files = [args.registers[i] for i in sorted(set(first.values()))]
    read = dict(zip(files, load_registers(args, files, cal), strict=True))
    return [read[args.registers[first[Path(file).resolve()]]] for file in args.registers]


def _run_annual(args: argparse.Namespace, out: TextIO) -> int:
    fmt = _format(args, out)
    check_file_options(args, fmt)
    profile = None if args.profile is None else load_annual_profile(args.profile)
    as_of = None if args.as_of is None else dt.date.fromisoformat(args.as_of)
    through = max(args.year + 1, as_of.year if as_of else 0)
    cal = calendar_from_args(args, through=through)
    registers = _registers(args, cal)
    masking = Masking(names=NameMasking.NONE, unmasked=True) if args.unmask else Masking()
    report = annual_report(
        registers, cal, args.rules, year=args.year, profile=profile, masking=masking, as_of=as_of
    )
    for warning in report.warnings:
        print(_("warning: {warning}").format(warning=said(warning)), file=sys.stderr)
    emit_text(args, out, render(report, fmt, args), fmt)
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid report`` with ``annual``."""
    sub = parser.add_subparsers(dest="report_command", required=True, metavar="ACTION")
    p = sub.add_parser(
        "annual",
        help=_("the annual report, laporan layanan informasi publik (Perki 1/2021 Pasal 56)"),
        description=_(
            "The six parts of the laporan layanan informasi publik: parts 3 (rincian "
            "pelayanan) and 4 (keberatan and sengketa) from the registers, parts 1, 2, 5 and 6 "
            "from the office's profile (--profile; without it they are marked 'tidak "
            "disediakan'). Requests count in the year by their date received; those of other "
            "years are counted in a note. Several registers are one register, in any order. "
            "The document has a title page, tables, one chart (requests per month against "
            "the 10- and 17-working-day limits) and a signature block; it is in Indonesian "
            "in every language. Output: {terminal}."
        ).format(terminal=_(TEXT_DEFAULT_HELP)),
    )
    p.add_argument(
        "--year", type=year, required=True, metavar="YEAR", help=_("the year reported (1900-2200)")
    )
    p.add_argument(
        "--register",
        dest="registers",
        action="extend",
        nargs="+",
        required=True,
        metavar="FILE",
        help=_("register file(s), .csv or .xlsx (with [excel]); repeatable; read in any order"),
    )
    p.add_argument(
        "--profile",
        metavar="FILE",
        help=_("the office's profile (YAML): title page, signature block, parts 1, 2, 5, 6"),
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=_(
            "the date requests not answered are judged overdue on (default: 31 December "
            "of --year; e.g. the date the report is signed)"
        ),
    )
    add_register_reading_options(p, topics=False)
    add_rules_option(p, RuleSet.bundled_names())
    add_calendar_options(p)
    add_unmask_option(p)
    add_output_options(p, _FORMATS, default="md")
    p.add_argument_group(_("files")).add_argument(
        "--output",
        metavar="FILE",
        help=_(
            "write the document to FILE instead of stdout (a name ending in .html writes "
            "the HTML page); written whole or not at all"
        ),
    )
    p.set_defaults(handler=_run_annual, parser=p, excel_id=False)


def demo(out: TextIO) -> None:
    """The annual report of the embedded 2024 register of KPU Provinsi NTT, with its
    embedded example profile."""
    from ppid_core.calendar import WorkCalendar  # noqa: PLC0415 - demo only
    from ppid_core.examples.requests import load_kpu_ntt_2024  # noqa: PLC0415

    text = (resources.files("ppid_core.examples.requests") / EXAMPLE_PROFILE).read_text(
        encoding="utf-8"
    )
    profile = parse_annual_profile(text, source=EXAMPLE_PROFILE)
    cal = WorkCalendar.indonesia(zone="NTT")
    report = annual_report(load_kpu_ntt_2024(cal), cal, year=2024, profile=profile)
    title = _("Annual report 2024 (Perki 1/2021 Pasal 56): embedded example")
    print(f"== {title} ==", file=out)
    for part in report.parts:
        shown = _("provided") if part.provided else _("not provided")
        print(f"  {part.number}. {part.title}: {shown}", file=out)
    service = report.service
    print("  " + _("requests received in 2024: {n}").format(n=service.requests), file=out)
    print(
        "  "
        + _(
            "response time: unknown for {n} requests (the register records no response dates)"
        ).format(n=service.response.unknown),
        file=out,
    )
    command = "`ppid report annual --zone NTT --year 2024 --register FILE --profile FILE`"
    print("  " + _("{command} writes it").format(command=command), file=out)
    print(file=out)
