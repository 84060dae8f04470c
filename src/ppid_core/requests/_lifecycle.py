"""The lifecycle of a request: the legal transitions only, each state with its due date.

A [`Case`][Case] is a request with what has happened to it so far. Each transition
returns a new case (``attrs.evolve``); a transition the law does not allow from the
current state raises [`IllegalTransitionError`][ppid_core.errors.IllegalTransitionError].

::

    RECEIVED ──extend──▶ EXTENDED
       │                    │
       └──────decide────────┴──▶ DECIDED
    RECEIVED/EXTENDED (deadline passed) or DECIDED ──file_keberatan──▶ KEBERATAN_FILED
    KEBERATAN_FILED ──answer_keberatan──▶ KEBERATAN_ANSWERED
    KEBERATAN_ANSWERED, or KEBERATAN_FILED after the atasan's deadline
        ──file_sengketa──▶ SENGKETA_FILED
    SENGKETA_FILED ──settle_sengketa──▶ SENGKETA_SETTLED

Every transition that can end a case (``decide``, ``answer_keberatan``,
``settle_sengketa``) needs a [`Decision`][ppid_core.requests.Decision] (anything else, ``None``
included, raises [`IllegalTransitionError`][ppid_core.errors.IllegalTransitionError]), so no path
closes
without one.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from ppid_core.calendar import WorkCalendar
    >>> from ppid_core.requests import (
    ...     Case,
    ...     Decision,
    ...     DecisionKind,
    ...     InformationRequest,
    ...     Requester,
    ... )
    >>> cal = WorkCalendar.indonesia(zone="WITA")
    >>> req = InformationRequest(
    ...     number="017/PPID/X/2024",
    ...     received_at=dt.datetime(2024, 10, 7, 10, 0, tzinfo=ZoneInfo("Asia/Makassar")),
    ...     requester=Requester(name="Aprilianus Ndarinu"),
    ...     information="Data SK Pemilihan 8 dapil 2004-2024",
    ... )
    >>> case = Case.open(req, cal)
    >>> case.due
    datetime.date(2024, 10, 21)
    >>> case.status_on(dt.date(2024, 10, 17))
    <CaseStatus.DUE_SOON: 'due_soon'>
    >>> done = case.decide(dt.date(2024, 10, 22), Decision(kind=DecisionKind.GRANTED))
    >>> done.status_on(dt.date(2024, 11, 1))
    <CaseStatus.DONE_LATE: 'done_late'>

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 35 ayat (1), Pasal 36 ayat (1)–(2),
    Pasal 37 ayat (1)–(2), Pasal 38 ayat (1)–(2).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import _
from ppid_core._masking import Masking
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.errors import IllegalTransitionError
from ppid_core.requests._chain import Deadline, deadline_table
from ppid_core.requests._deadlines import case_deadlines
from ppid_core.requests._models import (
    ClockStart,
    Decision,
    InformationRequest,
    Keberatan,
    KeberatanGround,
    Sengketa,
)
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._states import CLOSING, OPEN_OBLIGATION, CaseStatus, State
from ppid_core.requests._transitions import (
    in_state,
    not_before,
    recorded,
    require_decision,
    within_window,
)

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["Case", "CaseStatus", "State"]


@attrs.frozen(kw_only=True, repr=False)
class Case(ResultMixin):
    """A request and its history.

    Build one with [`open()`][open]. Attributes other than ``request``, ``rules``,
    ``calendar`` and ``clock_start`` are set by the transitions. A case is also a result
    (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see the results
    guide), personal data masked.

    Attributes:
        request: The request.
        rules: The deadline rule set.
        calendar: The office's calendar.
        clock_start: Which moment starts the response clock.
        state: The current state.
        extended_on: When the extension was notified.
        decision: The decision in force (the PPID's, then the atasan's, then the
            Komisi Informasi's).
        decided_on: When the PPID's written notice was given.
        keberatan: The keberatan, if one was filed.
        atasan_answered_on: When the atasan PPID answered.
        sengketa: The sengketa, if one was brought.
        settled_on: When the Komisi Informasi settled it.
    """

    request: InformationRequest
    rules: RuleSet
    calendar: WorkCalendar = attrs.field(repr=False, eq=False)
    clock_start: ClockStart = ClockStart.RECEIPT
    state: State = State.RECEIVED
    extended_on: dt.date | None = None
    decision: Decision | None = None
    decided_on: dt.date | None = None
    keberatan: Keberatan | None = None
    atasan_answered_on: dt.date | None = None
    sengketa: Sengketa | None = None
    settled_on: dt.date | None = None

    @classmethod
    def open(
        cls,
        request: InformationRequest,
        calendar: WorkCalendar,
        rules: RuleSet | str = "uu_14_2008",
        *,
        clock_start: ClockStart = ClockStart.RECEIPT,
    ) -> Case:
        """A new case for a request just received."""
        rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
        return cls(request=request, rules=rs, calendar=calendar, clock_start=clock_start)

    # -- deadlines ----------------------------------------------------------------------
    @property
    def deadlines(self) -> dict[Step, Deadline]:
        """The deadlines in force, by step; a step appears once the case reaches it.

        A deadline, once in the mapping, never moves earlier as the case advances.
        """
        return case_deadlines(
            self.rules,
            self.calendar,
            self.request.clock_start(self.clock_start),
            extended_on=self.extended_on,
            decided_on=self.decided_on,
            keberatan_filed_on=self.keberatan.filed_on if self.keberatan else None,
            atasan_answered_on=self.atasan_answered_on,
            sengketa_filed_on=self.sengketa.filed_on if self.sengketa else None,
        )

    @property
    def current(self) -> Deadline | None:
        """The deadline of the body's (or the Komisi Informasi's) pending obligation.

        ``None`` when the next move is the requester's (after a decision or an answer)
        or the case is settled.
        """
        step = OPEN_OBLIGATION.get(self.state)
        return None if step is None else self.deadlines[step]

    @property
    def due(self) -> dt.date | None:
        """The last day of the pending obligation (see [`current`][current]).

        ``None`` also when the date lies past the calendar's holiday data; the
        deadline's ``reason`` then says so (see [`current`][current]).

        Raises:
            UnknownDeadlineError: The rule set has no number for that step.
        """
        current = self.current
        if current is None:
            return None
        if current.due is None:
            self.rules.days(current.rule.step)  # raises with the rule set's explanation
        return current.due

    @property
    def closed(self) -> bool:
        """Whether the case is in a state that can end it (it then has a decision)."""
        return self.state in CLOSING

    # -- the result protocol ---------------------------------------------------------------
    def _history(self) -> list[tuple[str, dt.date | dt.datetime]]:
        events: list[tuple[str, dt.date | dt.datetime | None]] = [
            ("diterima", self.request.received_at),
            ("diperpanjang", self.extended_on),
            ("diputuskan", self.decided_on),
            ("keberatan diajukan", self.keberatan.filed_on if self.keberatan else None),
            ("keberatan dijawab", self.atasan_answered_on),
            ("sengketa diajukan", self.sengketa.filed_on if self.sengketa else None),
            ("sengketa selesai", self.settled_on),
        ]
        return [(what, when) for what, when in events if when is not None]

    def to_dict(self, *, masking: Masking | None = None) -> dict[str, Any]:
        """JSON-ready mapping: the request (requester masked), state, history, deadlines.

        Args:
            masking: How the requester's name, phone and e-mail appear (default: masked;
                ``Masking(names=NameMasking.NONE, unmasked=True)`` shows them).
        """
        mask = masking or Masking()
        req, who = self.request, self.request.requester
        current = self.current
        grounds = sorted(g.value for g in self.keberatan.grounds) if self.keberatan else None
        out: dict[str, Any] = jsonable(
            {
                "number": req.number,
                "received_at": req.received_at,
                "requester": {
                    "name": mask.name(who.name),
                    "phone": mask.phone(who.phone),
                    "email": mask.email(who.email),
                },
                "information": req.information,
                "rule_set": self.rules.name,
                "clock_start": self.clock_start,
                "state": self.state,
                "closed": self.closed,
                "current_step": None if current is None else current.step.value,
                "due": None if current is None else current.due,
                "decision": self.decision,
                "keberatan_grounds": grounds,
                "history": [{"event": what, "on": when} for what, when in self._history()],
                "deadlines": [d.to_dict() for d in self.deadlines.values()],
            }
        )
        return out

    def tables(self) -> list[Table]:
        """The history of the case, then the deadlines in force."""
        history = Table(
            columns=(_("Event"), _("Date")),
            rows=self._history(),
            title=_("Request {number}: {state}").format(
                number=self.request.number, state=self.state.value
            ),
        )
        return [history, deadline_table(self.deadlines.values(), title=_("Deadlines"))]

    def _summary(self) -> str:
        current = self.current
        due = "" if current is None else f", due {current.due or 'unknown'}"
        return f"{self.request.number}: {self.state.value}{due}"

    def _heading(self) -> str:
        return _("Information request {number}").format(number=self.request.number)

    # -- status -------------------------------------------------------------------------
    def _done_status(self) -> CaseStatus:
        dl = self.deadlines
        if self.state is State.DECIDED:
            step = Step.EXTENDED_RESPONSE if self.extended_on else Step.RESPONSE
            done = self.decided_on
        elif self.state is State.KEBERATAN_ANSWERED:
            step, done = Step.ATASAN_ANSWER, self.atasan_answered_on
        else:
            step, done = Step.KI_FINISH, self.settled_on
        due = dl[step].due
        if due is None or done is None:
            return CaseStatus.UNKNOWN
        return CaseStatus.DONE_ON_TIME if done <= due else CaseStatus.DONE_LATE

    def status_on(self, day: dt.date, *, soon: int = 2) -> CaseStatus:
        """How the case stands on ``day``.

        Args:
            day: The day asked about.
            soon: A pending deadline this many working days away or fewer is "due soon".

        Returns:
            For a pending obligation: on time, due soon or overdue; when the body has
            done its part (the next move is the requester's, or the case is settled):
            done on time or done late, judged on the last obligation met; unknown
            when the rule set has no number.
        """
        current = self.current
        if current is None:
            return self._done_status()
        if current.due is None:
            return CaseStatus.UNKNOWN
        if day > current.due:
            return CaseStatus.OVERDUE
        if self.calendar.count_working_days(day, current.due) <= soon:
            return CaseStatus.DUE_SOON
        return CaseStatus.ON_TIME

    # -- transitions ----------------------------------------------------------------------
    def extend(self, on: dt.date) -> Case:
        """Notify an extension (UU 14/2008 Pasal 22 ayat (8)), within the response period."""
        in_state(self.state, "extend", State.RECEIVED)
        not_before("extend", on, self.calendar.to_date(self.request.received_at))
        due = self.deadlines[Step.RESPONSE].due
        if due is not None and on > due:
            msg = (
                f"cannot extend on {on.isoformat()}: the response period ended on "
                f"{due.isoformat()} (an extension is notified within it)"
            )
            raise IllegalTransitionError(msg)
        return attrs.evolve(self, state=State.EXTENDED, extended_on=on)

    def decide(self, on: dt.date, decision: Decision) -> Case:
        """Give the written notice with its decision (UU 14/2008 Pasal 22 ayat (7))."""
        in_state(self.state, "decide", State.RECEIVED, State.EXTENDED)
        require_decision("decide", decision)
        received = self.calendar.to_date(self.request.received_at)
        not_before("decide", on, self.extended_on or received)
        return attrs.evolve(self, state=State.DECIDED, decision=decision, decided_on=on)

    def file_keberatan(self, keberatan: Keberatan) -> Case:
        """File a keberatan (UU 14/2008 Pasal 35–36).

        From a decided case, within the keberatan window counted from the notice; from
        an undecided one only after its response deadline has passed (ground c, not
        responded), within the window counted from that deadline.
        """
        in_state(self.state, "file a keberatan", State.RECEIVED, State.EXTENDED, State.DECIDED)
        day = keberatan.filed_on
        if self.state is not State.DECIDED:
            pending = self.current
            if pending is not None and pending.due is not None and day <= pending.due:
                msg = (
                    f"cannot file a keberatan on {day.isoformat()} for an unanswered request "
                    f"before its response deadline {pending.due.isoformat()} has passed"
                )
                raise IllegalTransitionError(msg)
            if KeberatanGround.C not in keberatan.grounds:
                msg = "a keberatan on an unanswered request must cite ground c (not responded)"
                raise IllegalTransitionError(msg)
        not_before("file a keberatan", day, self.decided_on)
        filed = attrs.evolve(self, keberatan=keberatan)
        within_window("file a keberatan", filed.deadlines[Step.KEBERATAN_FILING], day)
        return attrs.evolve(filed, state=State.KEBERATAN_FILED)

    def answer_keberatan(self, on: dt.date, decision: Decision) -> Case:
        """The atasan PPID's written answer and the decision it holds (Pasal 36 ayat (2))."""
        in_state(self.state, "answer a keberatan", State.KEBERATAN_FILED)
        require_decision("answer a keberatan", decision)
        keberatan = recorded(self.keberatan, "keberatan", self.state)
        not_before("answer a keberatan", on, keberatan.filed_on)
        return attrs.evolve(
            self, state=State.KEBERATAN_ANSWERED, atasan_answered_on=on, decision=decision
        )

    def file_sengketa(self, sengketa: Sengketa) -> Case:
        """Bring a sengketa to the Komisi Informasi (UU 14/2008 Pasal 37).

        After the atasan's answer, within its window; without an answer, only once the
        atasan's period has passed.
        """
        in_state(self.state, "file a sengketa", State.KEBERATAN_FILED, State.KEBERATAN_ANSWERED)
        day = sengketa.filed_on
        if self.state is State.KEBERATAN_FILED:
            pending = self.current
            if pending is not None and pending.due is not None and day <= pending.due:
                msg = (
                    f"cannot file a sengketa on {day.isoformat()} before the atasan PPID's "
                    f"period ends on {pending.due.isoformat()} (no answer yet)"
                )
                raise IllegalTransitionError(msg)
        keberatan = recorded(self.keberatan, "keberatan", self.state)
        not_before("file a sengketa", day, self.atasan_answered_on or keberatan.filed_on)
        filed = attrs.evolve(self, sengketa=sengketa)
        within_window("file a sengketa", filed.deadlines[Step.SENGKETA_FILING], day)
        return attrs.evolve(filed, state=State.SENGKETA_FILED)

    def settle_sengketa(self, on: dt.date, decision: Decision) -> Case:
        """The Komisi Informasi's settlement (mediation or putusan) and its decision."""
        in_state(self.state, "settle a sengketa", State.SENGKETA_FILED)
        require_decision("settle a sengketa", decision)
        sengketa = recorded(self.sengketa, "sengketa", self.state)
        not_before("settle a sengketa", on, sengketa.filed_on)
        return attrs.evolve(self, state=State.SENGKETA_SETTLED, settled_on=on, decision=decision)
