"""``ppid deadline``: every deadline of an information request, notice to Komisi Informasi.

The computation lives in [`ppid_core.requests.deadline_chain()`][ppid_core.requests.deadline_chain];
this command parses
the arguments and prints the chain: ``--format text`` (the default) for the terminal,
``md`` the chain's ``to_markdown()``, ``json`` (or ``--json``) its ``to_dict()``, so the
two never drift. ``--rules`` names the deadline rule set (``--regime`` still works for one
release, with a note on stderr). Steps already taken are given as dates
(``--decided``, ``--keberatan-filed``, ``--atasan-answered``, ``--sengketa-filed``);
the others count from the latest legal day of the step before. A step whose number the
chosen rule set does not know, or whose date lies past the calendar's data, is printed as
unknown (JSON ``"due": null`` with a ``reason``), never guessed; the steps before it keep
their dates, and the command exits 0 whenever the response deadline is known. Years after
the decreed holiday data are estimated unless ``--no-estimate`` is given, and every date
resting on them is marked provisional (JSON ``"provisional": true``).

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 36 ayat (1)–(2), Pasal 37 ayat (2),
    Pasal 38 ayat (1)–(2); Perki 1/2019 (secondary sources, see its rule set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import TextIO

from ppid_core._i18n import N_, _, ngettext
from ppid_core.calendar import HolidayStatus, WorkCalendar, zone_info
from ppid_core.cli._options import (
    add_calendar_options,
    add_output_options,
    add_rules_option,
    calendar_from_args,
    output_format,
    zone_from_args,
)
from ppid_core.errors import IllegalTransitionError
from ppid_core.requests import DeadlineChain, RuleSet, deadline_chain
from ppid_core.requests._said import said

YEARS = (1900, 2200)
"""The years a date on the command line may have: the span the calendar code knows."""

_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:$|[T ])")
_PARTIAL_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{1,2})?")


def _parse_datetime(text: str, expected: str) -> object:
    """``text`` by pendulum's ISO 8601 parser (imported here: it is slow to import)."""
    import pendulum  # noqa: PLC0415 - only for a datetime, see above
    from pendulum.parsing.exceptions import ParserError  # noqa: PLC0415

    try:
        return pendulum.parse(text, exact=True, tz=None)
    except (ValueError, OverflowError, ParserError) as exc:
        raise argparse.ArgumentTypeError(expected) from exc


def _year_in_range(text: str, year: int, what: str) -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        msg = _("{what} must be in the years {first}-{last}, got {text!r}").format(
            what=what, first=YEARS[0], last=YEARS[1], text=text
        )
        raise argparse.ArgumentTypeError(msg)


def parse_received(text: str, zone: str) -> dt.date | dt.datetime:
    """An ISO date, or an ISO datetime (a naive one is taken in the office's zone).

    A partial date (``2025``, ``2025-03``) is refused, not read as the first day of the
    year or month; so are years outside [`YEARS`][YEARS].
    """
    expected = _(
        "RECEIVED must be an ISO date or datetime (2025-03-27 or 2025-03-27T15:30+08:00), "
        "got {text!r}"
    ).format(text=text)
    if _PARTIAL_DATE.fullmatch(text.strip()):
        msg = _(
            "RECEIVED {text!r} is not a whole date; give the year, month and day "
            "(2025-03-27) or a datetime (2025-03-27T15:30+08:00)"
        ).format(text=text.strip())
        raise argparse.ArgumentTypeError(msg)
    if not _FULL_DATE.match(text.strip()):
        raise argparse.ArgumentTypeError(expected)
    if len(text.strip()) == len("2025-03-27"):  # a date, the common case: no pendulum
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError as exc:  # 2025-02-30
            raise argparse.ArgumentTypeError(expected) from exc
        _year_in_range(text, day.year, "RECEIVED")
        return day
    parsed = _parse_datetime(text.strip(), expected)
    if isinstance(parsed, dt.datetime):
        _year_in_range(text, parsed.year, "RECEIVED")
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone_info(zone))
    if isinstance(parsed, dt.date):
        _year_in_range(text, parsed.year, "RECEIVED")
        return dt.date(parsed.year, parsed.month, parsed.day)
    msg = _("RECEIVED must be a date or a datetime, got {text!r}").format(text=text)
    raise argparse.ArgumentTypeError(msg)


_LABELS = {
    "response": N_("Response due"),
    "extended_response": N_("Extended response due"),
    "keberatan_filing": N_("Keberatan: file by"),
    "atasan_answer": N_("Atasan PPID answers by"),
    "sengketa_filing": N_("Sengketa: file by"),
    "ki_start": N_("Komisi Informasi starts by"),
    "ki_finish": N_("Komisi Informasi ends by"),
}
_CONFIDENCE = {
    "primary": N_("primary source"),
    "secondary": N_("secondary sources"),
    "practice": N_("agency practice"),
    "unknown": N_("number unknown"),
}


def _optional_date(text: str) -> dt.date:
    """An argparse type for the dates of steps taken: ISO ``YYYY-MM-DD`` in [`YEARS`][YEARS]."""
    msg = _("expected an ISO date (2025-04-22), got {text!r}").format(text=text)
    if not _FULL_DATE.match(text) or len(text) != 10:
        raise argparse.ArgumentTypeError(msg)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:  # 2025-02-30
        raise argparse.ArgumentTypeError(msg) from None
    _year_in_range(text, day.year, _("the date"))
    return day


def _run(args: argparse.Namespace, out: TextIO) -> int:
    zone = zone_from_args(args)
    try:
        received = parse_received(args.received, zone)
    except argparse.ArgumentTypeError as exc:
        args.parser.error(str(exc))
    local = received.astimezone(zone_info(zone)) if isinstance(received, dt.datetime) else received
    cal = calendar_from_args(args, through=local.year + 1)
    try:
        chain = deadline_chain(
            received,
            cal,
            args.rules,
            decided_on=args.decided,
            keberatan_filed_on=args.keberatan_filed,
            atasan_answered_on=args.atasan_answered,
            sengketa_filed_on=args.sengketa_filed,
        )
    except IllegalTransitionError as exc:  # a step dated before the one it follows
        args.parser.error(str(exc))
    status = 0 if chain.response.due is not None else 1
    if status:
        text = _(
            "ppid: the response deadline cannot be computed ({reason}); "
            "add the year with --holidays FILE, or drop --no-estimate"
        )
        print(text.format(reason=chain.response.reason), file=sys.stderr)
    fmt = output_format(args)
    if fmt == "json":
        print(chain.to_json(), file=out)
        return status
    if fmt == "md":
        print(chain.to_markdown(), end="", file=out)
        return status
    _print_text(chain, cal, args.received, out)
    return status


def _print_text(chain: DeadlineChain, cal: WorkCalendar, received: str, out: TextIO) -> None:
    """The chain for a terminal, in the language chosen (``--lang``)."""
    rows = [
        (_("Rules"), chain.rules.title),
        (_("Received"), f"{received} ({cal.zone})"),
        (_("Counts as received on"), str(chain.receipt_date)),
    ]
    for d in chain.deadlines:
        mark = " *" if d.provisional else ""
        days = (
            _("unknown")
            if d.rule.days is None
            else ngettext("{n} working day", "{n} working days", d.rule.days).format(n=d.rule.days)
        )
        details = [d.rule.citation + ": " + days, _(_CONFIDENCE[d.rule.confidence.value])]
        if not d.actual and d.counts_from is not None:
            details.append(_("from the latest day of the step before"))
        why = f" — {said(d.reason)}" if d.reason else ""
        due = str(d.due) if d.due is not None else _("unknown")
        rows.append((_(_LABELS[d.step.value]), f"{due}{mark}{why}  ({', '.join(details)})"))
    width = max(len(label) for label, _value in rows) + 2
    for label, value in rows:
        print(f"{label + ':':<{width}}{value}", file=out)
        if label == rows[0][0] and not chain.rules.confirmed:
            note = _("(not confirmed: some numbers are unknown or rest on too few sources)")
            print(" " * width + note, file=out)
    if chain.provisional:
        dues = [d.due for d in chain.deadlines if d.due is not None]
        print(_provisional_note(cal, chain.receipt_date, max(dues)), file=out)
    skipped = chain.explanation.skipped
    holidays = [s for s in skipped if s.category != "akhir_pekan"]
    weekends = len(skipped) - len(holidays)
    line = _("Skipped: {weekends} and {holidays}").format(
        weekends=ngettext("{n} weekend day", "{n} weekend days", weekends).format(n=weekends),
        holidays=ngettext("{n} holiday", "{n} holidays", len(holidays)).format(n=len(holidays)),
    )
    print(line + (":" if holidays else ""), file=out)
    for s in holidays:
        flag = "" if s.status == "decreed" else f" ({_(_STATUS.get(s.status, s.status))})"
        print(f"  {s.date}  {s.category:<17} {s.name}{flag}", file=out)


_STATUS = {"provisional": N_("provisional"), "estimated": N_("estimated")}


def _provisional_note(cal: WorkCalendar, first: dt.date, last: dt.date) -> str:
    """The line that explains the ``*`` marks: which undecided days the counts cross."""
    parts = []
    years = [y for y in sorted(cal.estimated_years) if first.year <= y <= last.year]
    if years:
        parts.append(
            _(
                "the holidays of {years} are estimated (no SKB yet: fixed-date days by "
                "Keppres, movable ones by python-holidays, cuti bersama unknown)"
            ).format(years=", ".join(map(str, years)))
        )
    moving = [
        h
        for h in cal.holidays
        if h.status is HolidayStatus.PROVISIONAL
        and first - dt.timedelta(days=1) <= h.date <= last + dt.timedelta(days=1)
    ]
    if moving:
        days = ", ".join(sorted({h.date.isoformat() for h in moving}))
        parts.append(
            _("the decree leaves {days} to the sidang isbat, which may move them").format(days=days)
        )
    return _("* provisional: {parts}. Check again once the decree is final.").format(
        parts="; ".join(parts)
    )


def register(p: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid deadline``."""
    p.description = _(
        "Response deadline (UU 14/2008 Pasal 22 ayat (7)), extended deadline "
        "(ayat (8)), keberatan window (Pasal 36 ayat (1)), atasan PPID's answer (ayat (2)), "
        "sengketa window (Pasal 37 ayat (2)) and the Komisi Informasi's periods (Pasal 38) "
        "of a request received at RECEIVED. Steps not yet taken count from the latest legal "
        "day of the step before."
    )
    p.add_argument("received", metavar="RECEIVED", help=_("ISO date or datetime of receipt"))
    add_calendar_options(p)
    add_rules_option(p, RuleSet.bundled_names())
    for flag, what in (
        ("--decided", N_("date the written notice was given")),
        ("--keberatan-filed", N_("date a keberatan was received")),
        ("--atasan-answered", N_("date the atasan PPID's answer was received")),
        ("--sengketa-filed", N_("date the Komisi Informasi received a sengketa")),
    ):
        p.add_argument(flag, type=_optional_date, metavar="DATE", help=_(what))
    add_output_options(p, ("text", "md", "json"), default="text")
    p.set_defaults(handler=_run, parser=p)


def demo(out: TextIO) -> None:
    """Show the Lebaran 2025 example with and without cuti bersama (in the language in use)."""
    title = _("Working days: a request received on Thursday 2025-03-27")
    print(f"== {title} ==", file=out)
    received = dt.date(2025, 3, 27)
    rows = []
    for cb in (True, False):
        chain = deadline_chain(received, WorkCalendar.indonesia(cuti_bersama=cb))
        label = _("cuti bersama non-working") if cb else _("cuti bersama as working days")
        due = _("response due {due}, extended {extended}").format(
            due=chain.response.due, extended=chain.extended_response.due
        )
        rows.append((label, due))
    width = max(len(label) for label, _due in rows) + 1
    for label, due in rows:
        print(f"  {label:<{width}} {due}", file=out)
    print(file=out)


__all__ = ["demo", "parse_received", "register"]
