"""``ppid calendar``: what the holiday data says, whether a file is valid, which years it covers.

- ``show YEAR``: every non-working day of the year other than plain weekends, with its
  category, source and status (decreed, provisional or estimated);
- ``check FILE...``: validate holiday files and office-local files, every error located;
- ``coverage``: which years are decreed, which estimated, and the data's last change.

Each takes the calendar options of every calendar-using command (``--holidays``,
``--local``, ``$PPID_HOLIDAYS_DIR``, ...), so an office can see what its own files change.
``show`` and ``coverage`` print ``--format text`` (the default: aligned tables for a
terminal, no Markdown), ``md`` (the result's ``to_markdown()``) or ``json`` (``--json``,
its ``to_dict()``, the same in every language); ``check`` prints text or JSON. Texts,
headings and notes are in the language chosen (``ppid --lang id|en``); the data (dates,
categories, holiday names, sources) are printed as the files write them.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ppid_core._i18n import N_, _, ngettext
from ppid_core._tables import Table, dumps_json
from ppid_core.calendar import (
    ESTIMATE_LIMIT,
    HolidayYear,
    LocalCalendar,
    coverage,
    extra_holiday_years,
    holiday_data,
    load_calendar_file,
    year_overview,
)
from ppid_core.cli._options import (
    add_calendar_options,
    add_output_options,
    calendar_from_args,
    output_format,
)
from ppid_core.cli._progress import progress
from ppid_core.errors import DataFileError

__all__ = ["demo", "register"]


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 1900 <= year <= 2200:
        msg = _("expected a year such as 2027, got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg)
    return year


def _run_show(args: argparse.Namespace, out: TextIO) -> int:
    cal = calendar_from_args(args, through=args.year)
    view = year_overview(cal, args.year)
    fmt = output_format(args)
    if fmt == "json":
        print(view.to_json(), file=out)
        return 0
    if fmt == "md":
        print(view.to_markdown(), end="", file=out)
        return 0
    line = ngettext(
        "{year}: {status}, {n} working day ({zone})",
        "{year}: {status}, {n} working days ({zone})",
        view.working_days,
    )
    status = _(_STATUS.get(view.status, view.status))
    print(line.format(year=args.year, status=status, n=view.working_days, zone=cal.zone), file=out)
    table = Table(
        columns=(_("Date"), _("Day"), _("Category"), _("Name"), _("Status")),
        rows=[
            (d.date, item["weekday"], d.category, d.name, _(_STATUS.get(d.status, d.status)))
            for d, item in zip(view.days, view.to_dict()["days"], strict=True)
        ],
    )
    print(table.to_text(), file=out)
    notes = view.tables()[1].rows  # the sources, then the notes, in the language in use
    for label, text in notes:
        print(f"{label}: {text}", file=out)
    return 0


_STATUS = {
    "decreed": N_("decreed"),
    "provisional": N_("provisional"),
    "estimated": N_("estimated"),
}


def _describe(item: HolidayYear | LocalCalendar) -> str:
    if isinstance(item, HolidayYear):
        n, moving = len(item.holidays), len(item.provisional)
        if moving:
            text = ngettext(
                "holiday file for {year}, {n} day, {moving} provisional",
                "holiday file for {year}, {n} days, {moving} provisional",
                n,
            )
        else:
            text = ngettext(
                "holiday file for {year}, {n} day", "holiday file for {year}, {n} days", n
            )
        return text.format(year=item.year, n=n, moving=moving)
    return _("local calendar, {closures} closures, {working} working days").format(
        closures=len(item.closures), working=len(item.working_days)
    )


def _run_check(args: argparse.Namespace, out: TextIO) -> int:
    results = []
    files = progress(args.files, total=len(args.files), what=_("Checking files"), unit=_("file"))
    for path in files:
        try:
            item = load_calendar_file(path)
        except DataFileError as exc:
            results.append(
                {"file": path, "valid": False, "errors": [str(e) for e in exc.exceptions]}
            )
        except OSError as exc:
            results.append(
                {"file": path, "valid": False, "errors": [f"{path}: {exc.strerror or exc}"]}
            )
        else:
            results.append({"file": path, "valid": True, "summary": _describe(item), "errors": []})
    failed = any(not r["valid"] for r in results)
    if output_format(args) == "json":
        print(dumps_json({"valid": not failed, "files": results}), file=out)
    else:
        for r in results:
            if r["valid"]:
                print(
                    _("{file}: ok ({summary})").format(file=r["file"], summary=r["summary"]),
                    file=out,
                )
            else:
                for e in r["errors"]:
                    print(e, file=sys.stderr)
    return 1 if failed else 0


def _run_coverage(args: argparse.Namespace, out: TextIO) -> int:
    data = holiday_data(extra_years=extra_holiday_years(args.holidays))
    cal = calendar_from_args(args, through=max(data) + ESTIMATE_LIMIT)
    report = coverage(cal, data, ESTIMATE_LIMIT)
    fmt = output_format(args)
    if fmt == "json":
        print(report.to_json(), file=out)
        return 0
    if fmt == "md":
        print(report.to_markdown(), end="", file=out)
        return 0
    first, last = report.decreed[0].year, report.decreed[-1].year
    print(_("Decreed: {first}–{last}").format(first=first, last=last), file=out)
    for y in report.decreed:
        moving = (
            _("; provisional: {days}").format(days=", ".join(d.isoformat() for d in y.provisional))
            if y.provisional
            else ""
        )
        changed = y.last_change.isoformat() if y.last_change else _("unknown")
        line = "  " + _("{year}  {file} (last decree {date}){provisional}").format(
            year=y.year, file=y.file, date=changed, provisional=moving
        )
        print(line, file=out)
    if report.estimated_years:
        years = report.estimated_years
        line = _(
            "Estimated on request: {first}–{last} (fixed-date holidays by Keppres, "
            "movable ones by python-holidays, no cuti bersama)"
        ).format(first=years[0], last=years[-1])
        print(line, file=out)
    changed = report.last_change.isoformat() if report.last_change else _("unknown")
    print(_("Last change of the decreed data: {date}").format(date=changed), file=out)
    return 0


def register(cal: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid calendar`` with ``show``, ``check`` and ``coverage``."""
    cal.description = _(
        "What the holiday data says: a year's non-working days, whether files are valid, "
        "which years are covered."
    )
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True, metavar="ACTION")

    show = cal_sub.add_parser(
        "show",
        help=_("every non-working day of a year, with its source and status"),
        description=_(
            "Every holiday, cuti bersama, election day and office closure of YEAR "
            "(weekends only when a holiday falls on them), with its category, decree and "
            "status: decreed, provisional (the decree leaves it to a later decision) or "
            "estimated (no decree yet)."
        ),
    )
    show.add_argument("year", type=_year, metavar="YEAR", help=_("the year, 1900 to 2200"))
    add_calendar_options(show)
    add_output_options(show, ("text", "md", "json"), default="text")
    show.set_defaults(handler=_run_show)

    check = cal_sub.add_parser(
        "check",
        help=_("validate holiday or local calendar files"),
        description=_(
            "Validate each FILE: a holiday file (it has a top-level 'year:') or an "
            "office's local calendar. Every error is printed with its location; exit 1 if any."
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_("holiday files and office-local calendar files"),
    )
    add_output_options(check, ("text", "json"), default="text")
    check.set_defaults(handler=_run_check)

    cov = cal_sub.add_parser(
        "coverage",
        help=_("which years are decreed, which estimated, and the data's last change"),
    )
    add_calendar_options(cov)
    add_output_options(cov, ("text", "md", "json"), default="text")
    cov.set_defaults(handler=_run_coverage)


def demo(out: TextIO) -> None:
    """Nothing: the calendar shows in the deadline demo."""
    del out
