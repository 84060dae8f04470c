"""Build the annual report (laporan layanan informasi publik, Perki 1/2021 Pasal 56).

Parts 3 and 4 come from one or more registers, read with
[`load_register()`][ppid_core.requests.load_register]; parts 1, 2, 5 and 6 from the
office's profile ([`load_annual_profile()`][ppid_core.requests.load_annual_profile]).

- **The year.** A request belongs to the year by its date received; the registers'
  requests of other years are counted in a note (and in part 3's ``outside_year``),
  never dropped silently.
- **Several registers** are one register: they are put in a fixed order (by source name,
  then content) before they are merged, so reading them in any order gives the same
  report. A figure needs its column in every file (see
  [`service_report()`][ppid_core.requests.service_report]). A register given twice is
  counted once, with a note; identical requests in two files are counted, with a warning
  naming the files and rows (`ppid_core.requests._annual_inputs`).
- **The figures** are the service report's: [`service_report()`][ppid_core.requests.service_report]
  of the merged register for the year gives the count, the months, the response times,
  the decisions, the refusal reasons, keberatan and sengketa. The response time of each
  request is classed against the rule set's limits: within the response period (10
  working days, UU 14/2008 Pasal 22 ayat (7)), within the extended one (17, ayat (8)),
  later, not answered (an empty response-date cell: the request is open, and counted as
  ``overdue`` when past its deadline on ``as_of``, 31 December unless given), or unknown
  (a cell that could not be read). A register without the response column leaves the
  classes unknown (``None``), never 0; each month is classed by the same computation, so
  the months add up to the year. A month without requests has 0 in every class.
- **How keberatan and sengketa ended** is recorded in no register column: unknown.

    >>> from ppid_core.calendar import WorkCalendar
    >>> from ppid_core.examples.requests import load_kpu_ntt_2024
    >>> cal = WorkCalendar.indonesia(zone="NTT")
    >>> report = annual_report(load_kpu_ntt_2024(cal), cal, year=2024)
    >>> report
    <AnnualReport 2024: 37 requests, 1 of 6 parts provided>
    >>> [(p.number, p.provided) for p in report.parts]
    [(1, False), (2, False), (3, True), (4, False), (5, False), (6, False)]

References:
    Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 (the sub-items of
    parts 2 and 3, from the older Perki 1/2010 model) [S]; UU 14/2008 Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from ppid_core._masking import Masking
from ppid_core.errors import DataFileError, InvalidArgumentError, LocatedError
from ppid_core.requests._annual_inputs import distinct_registers, repeated_requests
from ppid_core.requests._annual_parts import (
    PART_TITLES,
    DisputePart,
    MonthFigures,
    ProfilePart,
    ResponseClasses,
    ServicePart,
    TitlePage,
)
from ppid_core.requests._annual_profile import AnnualProfile
from ppid_core.requests._annual_result import AnnualReport
from ppid_core.requests._register_merge import merge_registers
from ppid_core.requests._register_model import Register
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._service_figures import ResponseTimes, response_times, unread_positions
from ppid_core.requests._service_report import service_report

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["annual_report"]


def _order(register: Register) -> tuple[object, ...]:
    """A register's place in the merge: by source, then by its requests (every column)."""
    rest = (
        register.responded,
        register.decisions,
        register.refusal_reasons,
        register.keberatan_on,
        register.sengketa_on,
        tuple(sorted(register.fields)),
    )
    return (register.source, register.rows, register.received, register.numbers, repr(rest))


def _classes(
    times: ResponseTimes | None,
    requests: int,
    limits: tuple[int, int],
    known: bool,
    open_: int,
) -> ResponseClasses:
    """The response classes from the service report's response times; ``open_`` of the
    requests have an empty response-date cell (not answered)."""
    if not requests:  # no request: nothing is unknown
        return ResponseClasses(
            limits=limits, within=0, extended=0, later=0, not_answered=0, unknown=0
        )
    if not known:  # no response column: the classes are unknown, not zero
        return ResponseClasses(
            limits=limits,
            within=None,
            extended=None,
            later=None,
            not_answered=None,
            unknown=requests,
        )
    if times is None:  # the column, but no date recorded
        return ResponseClasses(
            limits=limits,
            within=0,
            extended=0,
            later=0,
            not_answered=open_,
            unknown=requests - open_,
        )
    first, second = (int(share * times.recorded) for share in times.within)
    return ResponseClasses(
        limits=limits,
        within=first,
        extended=second - first,
        later=times.recorded - second,
        not_answered=open_,
        unknown=times.missing - open_,
    )


def _sorted(counts: dict[str, int] | None) -> dict[str, int] | None:
    if counts is None:
        return None
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def annual_report(
    registers: Register | Sequence[Register],
    calendar: WorkCalendar,
    rules: RuleSet | str = "uu_14_2008",
    *,
    year: int,
    profile: AnnualProfile | None = None,
    masking: Masking | None = None,
    as_of: dt.date | None = None,
) -> AnnualReport:
    """Build the annual report of a year from the registers and the office's profile.

    Args:
        registers: One register or several (one per file, unit or year), in any order.
        calendar: The office's calendar (working days, cuti bersama setting).
        rules: The deadline rule set whose response and extended limits class the
            response times (``uu_14_2008``: 10 and 17 working days).
        year: The year reported; requests count by their date received.
        profile: The office's profile (parts 1, 2, 5, 6, title page and signature);
            without one those parts are not provided.
        masking: How the signatory's name appears; default initials.
        as_of: The date the requests not answered are judged on (overdue or not);
            default 31 December of ``year``.

    Returns:
        The report: six parts, each with ``number``, ``title`` and ``provided``.

    Raises:
        InvalidArgumentError: No register.
        DataFileError: A profile of another year (located at its ``year``).
        CalendarCoverageError: A date the calendar does not cover.

    References:
        Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 [S];
        UU 14/2008 Pasal 22 ayat (7)–(8).
    """
    regs = [registers] if isinstance(registers, Register) else list(registers)
    if not regs:
        msg = "no register given; expected at least one"
        raise InvalidArgumentError(msg)
    if profile is not None and profile.year != year:
        line, column = profile.year_at or (None, None)
        error = LocatedError(
            f"the profile is for {profile.year}, the report for {year}; give the profile of {year}",
            source=profile.source,
            line=line,
            column=column,
            path="$.year",
        )
        raise DataFileError.from_errors(profile.source, [error])
    mask = masking or Masking()
    rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
    regs, given_twice = distinct_registers(regs)
    regs.sort(key=_order)
    repeated = repeated_requests(regs)
    reg = merge_registers(regs)
    on = as_of or dt.date(year, 12, 31)
    report = service_report(reg, calendar, rs, year=year, as_of=on, masking=mask)
    limits = (rs.days(Step.RESPONSE), rs.days(Step.RESPONSE) + rs.days(Step.EXTENDED_RESPONSE))
    known = "responded" in reg.fields

    chosen = [d.year == year for d in reg.received]
    unread = unread_positions(reg, "responded") if known else set()
    empty = [r is None and i not in unread for i, r in enumerate(reg.responded)]
    received = list(itertools.compress(reg.received, chosen))
    responded = list(itertools.compress(reg.responded, chosen))
    times = list(itertools.compress(reg.received_times, chosen))
    not_answered = list(itertools.compress(empty, chosen))
    by_month: dict[int, list[int]] = {}
    for i, day in enumerate(received):  # one pass, then each month's positions
        by_month.setdefault(day.month, []).append(i)
    months = []
    for month, n in report.by_month.items():
        at = by_month.get(int(month[5:]), [])
        rt = None
        if known and at:
            rt = response_times(
                [received[i] for i in at],
                [responded[i] for i in at],
                calendar,
                limits,
                [times[i] for i in at],
            )
        open_ = sum(not_answered[i] for i in at)
        months.append(
            MonthFigures(month=month, requests=n, response=_classes(rt, n, limits, known, open_))
        )

    service = ServicePart(
        requests=report.total,
        outside_year=len(reg) - report.total,
        months=tuple(months),
        response=_classes(report.response_times, report.total, limits, known, sum(not_answered)),
        as_of=on,
        overdue=None if report.overdue is None else len(report.overdue),
        decisions=_sorted(report.decisions),
        refusal_reasons=_sorted(report.refusal_reasons),
    )
    disputes = DisputePart(
        provided=bool({"keberatan", "sengketa"} & reg.fields),
        keberatan=report.keberatan,
        sengketa=report.sengketa,
    )
    sections = {} if profile is None else profile.sections

    def written(number: int) -> ProfilePart:
        section = sections.get(number)
        if section is None:
            return ProfilePart(number=number, title=PART_TITLES[number], provided=False)
        return ProfilePart(
            number=number,
            title=PART_TITLES[number],
            provided=True,
            summary=section.summary,
            lists=section.lists,
            missing=section.missing,
        )

    signatory = None if profile is None else profile.signatory
    page = TitlePage(
        year=year,
        source=reg.source,
        rule_set=rs.name,
        public_body=None if profile is None else profile.public_body,
        ppid=None if profile is None else profile.ppid,
        profile_source=None if profile is None else PurePath(profile.source).name,
        place=None if profile is None else profile.place,
        signed_on=None if profile is None else profile.signed_on,
        signatory_position=None if signatory is None else signatory.position,
        signatory_name=None
        if signatory is None or not signatory.name
        else mask.name(signatory.name),
    )
    return AnnualReport(
        title_page=page,
        parts=(written(1), written(2), service, disputes, written(5), written(6)),
        notes=(*given_twice, *report.notes),
        warnings=(*repeated, *report.warnings),
    )
