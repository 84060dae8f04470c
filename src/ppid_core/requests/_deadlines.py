"""Every deadline of the chain: response, extension, keberatan, atasan PPID, sengketa, KI.

:func:`deadline_chain` computes, for one request, the last day of each step under a
rule set and a :class:`~ppid_core.calendar.WorkCalendar`. Steps that already happened
are given as dates (``decided_on``, ``keberatan_filed_on``, ...); the others are
counted from the *latest* legal day of the step before, so the chain shows how far
each step can reach. Each :class:`Deadline` says which date it counts from and which
rule it applies; a step whose number the rule set does not know has ``due`` ``None``.

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

from ppid_core.requests._rules import RuleSet, Step, StepRule, load_rule_set

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["Deadline", "DeadlineChain", "deadline_chain", "due_after"]


@attrs.frozen(kw_only=True)
class Deadline:
    """The last day of one step.

    Attributes:
        step: The step.
        due: The last day, or ``None`` when unknown (the rule set has no number for the
            step, or the step it counts from has no date).
        counts_from: The date it counts from (before receipt adjustment), if known.
        actual: Whether ``counts_from`` is a recorded event (``True``) or the latest
            legal day of the step before (``False``).
        rule: The rule applied, with its citation and confidence.
    """

    step: Step
    due: dt.date | None
    counts_from: dt.date | None
    actual: bool
    rule: StepRule

    @property
    def known(self) -> bool:
        """Whether the deadline has a date."""
        return self.due is not None


def due_after(
    start: dt.date | dt.datetime, days: int | None, calendar: WorkCalendar
) -> dt.date | None:
    """``days`` working days after the receipt date of ``start``; ``None`` if unknown."""
    if days is None:
        return None
    return calendar.add_working_days(calendar.receipt_date(start), days)


def _deadline(
    step: Step,
    rule_step: Step,
    start: dt.date | None,
    *,
    actual: bool,
    rules: RuleSet,
    calendar: WorkCalendar,
) -> Deadline:
    rule = rules.step(rule_step)
    due = None if start is None else due_after(start, rule.days, calendar)
    return Deadline(step=step, due=due, counts_from=start, actual=actual, rule=rule)


@attrs.frozen(kw_only=True)
class DeadlineChain:
    """The deadlines of one request, from the written notice to the Komisi Informasi.

    Attributes:
        received: When the request was received (as given).
        receipt_date: The date it counts as received.
        rules: The rule set applied.
        response: Written notice, Pasal 22 ayat (7).
        extended_response: Written notice after an extension, Pasal 22 ayat (8).
        keberatan_filing: Last day to file a keberatan, Pasal 36 ayat (1).
        atasan_answer: Last day for the atasan PPID's answer, Pasal 36 ayat (2).
        sengketa_filing: Last day to bring a sengketa, Pasal 37 ayat (2) (or the
            practice window when the atasan did not answer).
        ki_start: Last day for the Komisi Informasi to start, Pasal 38 ayat (1).
        ki_finish: Last day for the Komisi Informasi to finish, Pasal 38 ayat (2).
    """

    received: dt.date | dt.datetime
    receipt_date: dt.date
    rules: RuleSet
    response: Deadline
    extended_response: Deadline
    keberatan_filing: Deadline
    atasan_answer: Deadline
    sengketa_filing: Deadline
    ki_start: Deadline
    ki_finish: Deadline

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline, in chain order."""
        return (
            self.response,
            self.extended_response,
            self.keberatan_filing,
            self.atasan_answer,
            self.sengketa_filing,
            self.ki_start,
            self.ki_finish,
        )


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

    Raises:
        CalendarCoverageError: A date outside the calendar's years.
        NaiveDatetimeError: ``received`` is a naive datetime.

    References:
        UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 35 ayat (1), Pasal 36 ayat (1)–(2),
        Pasal 37 ayat (1)–(2), Pasal 38 ayat (1)–(2).
    """
    rs = load_rule_set(rules) if isinstance(rules, str) else rules

    def dl(step: Step, start: dt.date | None, actual: bool, rule: Step | None = None) -> Deadline:
        return _deadline(step, rule or step, start, actual=actual, rules=rs, calendar=calendar)

    receipt = calendar.receipt_date(received)
    response = dl(Step.RESPONSE, receipt, True)
    extended = dl(Step.EXTENSION, response.due, False)
    keberatan = dl(Step.KEBERATAN_FILING, decided_on or extended.due, decided_on is not None)
    atasan = dl(
        Step.ATASAN_ANSWER, keberatan_filed_on or keberatan.due, keberatan_filed_on is not None
    )
    if atasan_answered_on is not None:
        sengketa = dl(Step.SENGKETA_FILING, atasan_answered_on, True)
    else:
        sengketa = dl(Step.SENGKETA_FILING, atasan.due, False, Step.SENGKETA_FILING_WITHOUT_ANSWER)
    ki_from = sengketa_filed_on or sengketa.due
    is_actual = sengketa_filed_on is not None
    return DeadlineChain(
        received=received,
        receipt_date=receipt,
        rules=rs,
        response=response,
        extended_response=extended,
        keberatan_filing=keberatan,
        atasan_answer=atasan,
        sengketa_filing=sengketa,
        ki_start=dl(Step.KI_START, ki_from, is_actual),
        ki_finish=dl(Step.KI_FINISH, ki_from, is_actual),
    )
