"""Every deadline of the chain: response, extension, keberatan, atasan PPID, sengketa, KI.

[`deadline_chain()`][deadline_chain] computes, for one request, the last day of each step under a
rule set and a [`WorkCalendar`][ppid_core.calendar.WorkCalendar]. Steps that already happened
are given as dates (``decided_on``, ``keberatan_filed_on``, ...); the others are
counted from the *latest* legal day of the step before, so the chain shows how far
each step can reach. Each [`Deadline`][Deadline] says which date it counts from and which
rule it applies. A step whose date cannot be computed has ``due`` ``None`` and a
``reason``: the rule set has no number for it, the step before has no date, or the date
lies past the calendar's holiday data ("di luar data kalender"). The steps before keep
their dates: a chain never fails whole. A step whose count touches an estimated year or a
provisional holiday is ``provisional``, and so is every step counted from it.

Counting: ``due = calendar.add_working_days(calendar.receipt_date(start), days)`` — an
event on a non-working day (or after office hours, if the calendar has them) counts
as received on the next working day; the days are working days strictly after it.

    >>> import datetime as dt
    >>> from ppid_core.calendar import WorkCalendar
    >>> cal = WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")
    >>> chain = deadline_chain(dt.date(2025, 3, 27), cal)
    >>> chain.response.due, chain.extended_response.due
    (datetime.date(2025, 4, 22), datetime.date(2025, 5, 2))

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 36 ayat (1)–(2), Pasal 37 ayat (2),
    Pasal 38 ayat (1)–(2).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from ppid_core._i18n import N_
from ppid_core.calendar import CalendarSummary
from ppid_core.errors import CalendarCoverageError, IllegalTransitionError
from ppid_core.requests._chain import Deadline, DeadlineChain
from ppid_core.requests._rules import RuleSet, Step, StepRule

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["case_deadlines", "compute_deadline", "deadline_chain", "due_after"]

NO_RULE = N_("the rule set has no number for this step")
NO_START = N_("the step it counts from has no date")


def due_after(
    start: dt.date | dt.datetime, days: int | None, calendar: WorkCalendar
) -> dt.date | None:
    """``days`` working days after the receipt date of ``start``; ``None`` if unknown."""
    if days is None:
        return None
    return calendar.add_working_days(calendar.receipt_date(start), days)


def _outside(exc: CalendarCoverageError, start: dt.date, calendar: WorkCalendar) -> str:
    """The reason of a step the calendar's data cannot reach."""
    if start < calendar.first_day:
        return f"di luar data kalender: data starts {calendar.first_day.isoformat()}"
    return f"di luar data kalender: data ends {(exc.last_day or calendar.last_day).isoformat()}"


def compute_deadline(
    step: Step,
    rule: StepRule,
    start: dt.date | dt.datetime | None,
    *,
    actual: bool,
    calendar: WorkCalendar,
    after: Deadline | None = None,
    counts_from: dt.date | None = None,
) -> Deadline:
    """One step's deadline, or the reason it has none; never raises for coverage.

    Args:
        step: The step.
        rule: Its rule.
        start: What it counts from (an event, or the due date of ``after``).
        actual: Whether ``start`` is a recorded event.
        calendar: The office's calendar.
        after: The deadline it counts from when ``start`` is not an event; its reason
            and provisional flag carry over.
        counts_from: The date to report as ``counts_from`` (default ``start``).
    """
    inherited = after is not None and not actual and after.provisional
    shown = counts_from if counts_from is not None else start
    day_shown = shown if not isinstance(shown, dt.datetime) else calendar.to_date(shown)

    def unknown(reason: str) -> Deadline:
        return Deadline(
            step=step,
            due=None,
            counts_from=day_shown,
            actual=actual,
            rule=rule,
            provisional=inherited,
            reason=reason,
        )

    if start is None:
        return unknown(after.reason if after is not None and after.reason else NO_START)
    if rule.days is None:
        return unknown(NO_RULE)
    day = calendar.to_date(start)
    try:
        due = calendar.add_working_days(calendar.receipt_date(start), rule.days)
    except CalendarCoverageError as exc:
        return unknown(_outside(exc, day, calendar))
    return Deadline(
        step=step,
        due=due,
        counts_from=day_shown,
        actual=actual,
        rule=rule,
        provisional=inherited or calendar.provisional(day, due),
    )


def _in_order(calendar: WorkCalendar, events: tuple[tuple[str, dt.date | None], ...]) -> None:
    """Refuse a recorded step dated before the latest recorded step before it."""
    last: tuple[str, dt.date] | None = None
    for what, when in events:
        if when is None:
            continue
        day = calendar.to_date(when)
        if last is not None and day < last[1]:
            msg = (
                f"{what} ({day.isoformat()}) is dated before {last[0]} "
                f"({last[1].isoformat()}); a step cannot come before the step it follows"
            )
            raise IllegalTransitionError(msg)
        last = (what, day)


def deadline_chain(
    received: dt.date | dt.datetime,
    calendar: WorkCalendar,
    rules: RuleSet | str = "uu_14_2008",
    *,
    decided_on: dt.date | None = None,
    keberatan_filed_on: dt.date | None = None,
    atasan_answered_on: dt.date | None = None,
    sengketa_filed_on: dt.date | None = None,
) -> DeadlineChain:
    """Compute the whole chain of deadlines for one request.

    Args:
        received: When the request was received: a date, or an aware datetime
            (converted to the calendar's zone; office hours apply if the calendar has them).
        calendar: The office's working-day calendar (its cuti bersama setting decides
            whether collective leave counts).
        rules: A rule set or the name of a shipped one.
        decided_on: The day the written notice was given, if it was.
        keberatan_filed_on: The day a keberatan was received, if one was.
        atasan_answered_on: The day the atasan PPID's answer was received, if it was.
        sengketa_filed_on: The day the Komisi Informasi received a sengketa, if one was.

    Returns:
        The chain. Without ``decided_on`` the keberatan window counts from the extended
        response deadline (the notice never came, Pasal 35 ayat (1) huruf c); without
        ``atasan_answered_on`` the sengketa window counts from the end of the atasan's
        period (the practice rule ``sengketa_filing_without_answer``).

    A step whose date the calendar cannot reach has ``due`` ``None`` and a ``reason``;
    the chain itself is still returned.

    Raises:
        CalendarCoverageError: The receipt date itself is outside the calendar's years.
        NaiveDatetimeError: ``received`` is a naive datetime.
        IllegalTransitionError: A recorded step is dated before the step it follows (the
            written notice before receipt, the sengketa before the keberatan, ...), as
            [`Case`][ppid_core.requests.Case] refuses it.

    References:
        UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 35 ayat (1), Pasal 36 ayat (1)–(2),
        Pasal 37 ayat (1)–(2), Pasal 38 ayat (1)–(2).
    """
    rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
    _in_order(
        calendar,
        (
            ("receipt of the request", received),
            ("the written notice", decided_on),
            ("the keberatan", keberatan_filed_on),
            ("the atasan PPID's answer", atasan_answered_on),
            ("the sengketa", sengketa_filed_on),
        ),
    )

    def dl(
        step: Step, event: dt.date | None, after: Deadline, rule: Step | None = None
    ) -> Deadline:
        """``step`` counted from a recorded ``event``, else from ``after``'s due date."""
        start = event if event is not None else after.due
        return compute_deadline(
            step,
            rs.step(rule or step),
            start,
            actual=event is not None,
            calendar=calendar,
            after=after,
        )

    receipt = calendar.receipt_date(received)
    response = compute_deadline(
        Step.RESPONSE, rs.step(Step.RESPONSE), receipt, actual=True, calendar=calendar
    )
    if calendar.provisional(receipt, calendar.to_date(received)):
        response = attrs.evolve(response, provisional=True)  # the receipt day itself moves
    extended = dl(Step.EXTENDED_RESPONSE, None, response)
    keberatan = dl(Step.KEBERATAN_FILING, decided_on, extended)
    atasan = dl(Step.ATASAN_ANSWER, keberatan_filed_on, keberatan)
    if atasan_answered_on is not None:
        sengketa = dl(Step.SENGKETA_FILING, atasan_answered_on, atasan)
    else:
        sengketa = dl(Step.SENGKETA_FILING, None, atasan, Step.SENGKETA_FILING_WITHOUT_ANSWER)
    return DeadlineChain(
        received=received,
        receipt_date=receipt,
        rules=rs,
        response=response,
        extended_response=extended,
        keberatan_filing=keberatan,
        atasan_answer=atasan,
        sengketa_filing=sengketa,
        ki_start=dl(Step.KI_START, sengketa_filed_on, sengketa),
        ki_finish=dl(Step.KI_FINISH, sengketa_filed_on, sengketa),
        calendar=CalendarSummary.of(calendar),
        explanation=calendar.explain(receipt, extended.due or response.due or receipt),
    )


def case_deadlines(
    rules: RuleSet,
    calendar: WorkCalendar,
    clock: dt.datetime,
    *,
    extended_on: dt.date | None,
    decided_on: dt.date | None,
    keberatan_filed_on: dt.date | None,
    atasan_answered_on: dt.date | None,
    sengketa_filed_on: dt.date | None,
) -> dict[Step, Deadline]:
    """The deadlines in force for a case with these recorded events, by step.

    A step appears once the case reaches it: the response from ``clock`` (the moment that
    starts the response clock), the extension once notified, the keberatan window from the
    notice (or, with a keberatan on an unanswered request, from the last response day),
    and so on; see [`deadlines`][ppid_core.requests.Case.deadlines].
    """

    def dl(
        step: Step, start: dt.date | dt.datetime | None, actual: bool, after: Deadline | None = None
    ) -> Deadline:
        return compute_deadline(
            step, rules.step(step), start, actual=actual, calendar=calendar, after=after
        )

    out: dict[Step, Deadline] = {}
    resp = dl(Step.RESPONSE, clock, True)
    out[Step.RESPONSE] = resp
    last_response = resp
    if extended_on is not None:
        last_response = dl(Step.EXTENDED_RESPONSE, resp.due, False, resp)
        out[Step.EXTENDED_RESPONSE] = last_response
    if decided_on is not None:
        out[Step.KEBERATAN_FILING] = dl(Step.KEBERATAN_FILING, decided_on, True)
    elif keberatan_filed_on is not None:
        out[Step.KEBERATAN_FILING] = dl(
            Step.KEBERATAN_FILING, last_response.due, False, last_response
        )
    if keberatan_filed_on is not None:
        atasan = dl(Step.ATASAN_ANSWER, keberatan_filed_on, True)
        out[Step.ATASAN_ANSWER] = atasan
        if atasan_answered_on is not None:
            out[Step.SENGKETA_FILING] = dl(Step.SENGKETA_FILING, atasan_answered_on, True)
        elif sengketa_filed_on is not None:
            out[Step.SENGKETA_FILING] = dl(
                Step.SENGKETA_FILING_WITHOUT_ANSWER, atasan.due, False, atasan
            )
    if sengketa_filed_on is not None:
        out[Step.KI_START] = dl(Step.KI_START, sengketa_filed_on, True)
        out[Step.KI_FINISH] = dl(Step.KI_FINISH, sengketa_filed_on, True)
    return out
