"""The result of a deadline computation: one step's [`Deadline`][Deadline], a request's chain.

[`deadline_chain()`][ppid_core.requests.deadline_chain] builds a [`DeadlineChain`][DeadlineChain];
it carries what
its reports need (the calendar's coverage, the days skipped), so that its ``to_dict()`` is
the whole ``ppid deadline --json`` object.

The titles, column headers and step names of its tables are English, translated when the
tables are made (``ppid --lang id`` gives the Indonesian words the offices use); the
reasons a step is unknown are English data in ``to_dict()``, shown translated. The JSON is
the same in every language.

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 36 ayat (1)–(2), Pasal 37 ayat (2),
    Pasal 38 ayat (1)–(2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.calendar import CalendarSummary, Span
from ppid_core.requests._rules import RuleSet, Step, StepRule
from ppid_core.requests._said import said

__all__ = ["Deadline", "DeadlineChain", "deadline_table", "rule_text"]


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
        provisional: Whether the date rests on a day no decree has settled yet (an
            estimated year, a provisional holiday), here or in the step it counts from.
        reason: Why ``due`` is ``None``: the rule set has no number, the step before has
            no date, or "di luar data kalender: data ends YYYY-MM-DD".
    """

    step: Step
    due: dt.date | None
    counts_from: dt.date | None
    actual: bool
    rule: StepRule
    provisional: bool = False
    reason: str | None = None

    @property
    def known(self) -> bool:
        """Whether the deadline has a date."""
        return self.due is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: step, due, what it counts from, the rule, and why unknown."""
        out: dict[str, Any] = jsonable(
            {
                "step": self.step.value,
                "due": self.due,
                "counts_from": self.counts_from,
                "counts_from_actual": self.actual,
                "days": self.rule.days,
                "citation": self.rule.citation,
                "confidence": self.rule.confidence.value,
                "source": self.rule.source,
                "provisional": self.provisional,
                "reason": self.reason,
            }
        )
        return out


def rule_text(d: Deadline) -> str:
    """The rule of a deadline in one line: citation, days and confidence."""
    days = "unknown" if d.rule.days is None else f"{d.rule.days} hari kerja"
    return f"{d.rule.citation}: {days} [{d.rule.confidence.value}]"


_STEP_LABELS = {
    Step.RESPONSE: N_("Written notice"),
    Step.EXTENDED_RESPONSE: N_("Notice after an extension"),
    Step.KEBERATAN_FILING: N_("Filing a keberatan"),
    Step.ATASAN_ANSWER: N_("Answer of the atasan PPID"),
    Step.SENGKETA_FILING: N_("Filing a sengketa"),
    Step.SENGKETA_FILING_WITHOUT_ANSWER: N_("Filing a sengketa"),
    Step.KI_START: N_("Komisi Informasi starts"),
    Step.KI_FINISH: N_("Komisi Informasi ends"),
}
"""Each step's name in the tables (English; translated where shown)."""


def deadline_table(deadlines: Iterable[Deadline], title: str) -> Table:
    """Deadlines as a table: step, last day, what it counts from, the rule, and why unknown."""
    return Table(
        columns=(
            _("Step"),
            _("Due"),
            _("Counted from"),
            _("Working days"),
            _("Basis"),
            _("Confidence"),
            _("Provisional"),
            _("Reason"),
        ),
        rows=[
            (
                _(_STEP_LABELS[d.step]),
                d.due,
                d.counts_from,
                d.rule.days,
                d.rule.citation,
                d.rule.confidence.value,
                d.provisional,
                None if d.reason is None else said(d.reason),
            )
            for d in deadlines
        ],
        title=title,
    )


@attrs.frozen(kw_only=True, repr=False)
class DeadlineChain(ResultMixin):
    """The deadlines of one request, from the written notice to the Komisi Informasi.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide): ``to_dict()`` is what ``ppid deadline --json`` prints.

    Attributes:
        received: When the request was received (as given).
        receipt_date: The date it counts as received.
        rules: The rule set applied.
        calendar: What the calendar used covers, its zone and cuti bersama setting.
        explanation: The working days from the receipt date to the last day of the
            response period (extended, when known), with every day skipped and why.
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
    calendar: CalendarSummary
    explanation: Span

    @property
    def provisional(self) -> bool:
        """Whether any date of the chain rests on a day no decree has settled yet."""
        return any(d.provisional for d in self.deadlines)

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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: the keys of ``ppid deadline --json``.

        ``response_due`` and the other ``*_due`` keys are ISO dates or ``null``; ``steps``
        lists every step with its rule, and ``skipped`` every non-working day of the
        response period with its reason.
        """
        cal = self.calendar
        out: dict[str, Any] = jsonable(
            {
                "received": self.received,
                "zone": cal.zone,
                "cuti_bersama_non_working": cal.cuti_bersama,
                "regime": self.rules.name,
                "regime_confirmed": self.rules.confirmed,
                "provisional": self.provisional,
                "calendar": {
                    "first_day": cal.first_day,
                    "last_day": cal.last_day,
                    "decreed_years": list(cal.decreed_years),
                    "estimated_years": list(cal.estimated_years),
                },
                "receipt_date": self.receipt_date,
                "response_due": self.response.due,
                "response_rule": rule_text(self.response),
                "extended_response_due": self.extended_response.due,
                "extension_rule": rule_text(self.extended_response),
                "keberatan_filing_due": self.keberatan_filing.due,
                "atasan_answer_due": self.atasan_answer.due,
                "sengketa_filing_due": self.sengketa_filing.due,
                "ki_start_due": self.ki_start.due,
                "ki_finish_due": self.ki_finish.due,
                "steps": [d.to_dict() for d in self.deadlines],
                "skipped": list(self.explanation.skipped),
            }
        )
        return out

    def tables(self) -> list[Table]:
        """The steps (last day, what it counts from, rule), then the days skipped."""
        steps = deadline_table(
            self.deadlines, title=_("Deadlines ({rules})").format(rules=self.rules.name)
        )
        return [steps, *self.explanation.tables()]

    def _summary(self) -> str:
        def day(d: Deadline) -> str:
            return d.due.isoformat() if d.due is not None else "unknown"

        mark = ", provisional" if self.provisional else ""
        return (
            f"received {self.receipt_date.isoformat()}: response {day(self.response)}, "
            f"extended {day(self.extended_response)}{mark}"
        )

    def _heading(self) -> str:
        return _("Deadlines of the request received on {day}").format(
            day=self.receipt_date.isoformat()
        )
