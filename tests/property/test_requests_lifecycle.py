"""Hypothesis laws of the request lifecycle.

- No sequence of transitions, legal or not (``None`` decisions included), reaches a
  closed state without a Decision; an illegal transition raises
  IllegalTransitionError and leaves the case as it was.
- A deadline, once in force, never moves earlier as the request advances.
- Every state that has a pending obligation knows its due date (under UU 14/2008).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import cast
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import IllegalTransitionError
from ppid_core.requests import (
    Case,
    Decision,
    DecisionKind,
    InformationRequest,
    Keberatan,
    KeberatanGround,
    Requester,
    Sengketa,
    State,
)
from tests.property.strategies import request_dates, rule_sets, transitions

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="WITA")
ZONE = ZoneInfo("Asia/Makassar")
DECISIONS = [
    Decision(kind=DecisionKind.GRANTED),
    Decision(kind=DecisionKind.REFUSED, exception="Pasal 17 huruf h"),
    Decision(kind=DecisionKind.NOT_HELD, holder="KPU RI"),
]


def step(case: Case, action: str, gap: int, pick: int, today: dt.date) -> Case:
    day = CAL.add_working_days(today, gap)
    decision = DECISIONS[pick % len(DECISIONS)]
    if action == "extend":
        return case.extend(day)
    if action == "decide":
        return case.decide(day, decision)
    if action == "keberatan":
        grounds = {KeberatanGround.C} if case.decision is None else {KeberatanGround.A}
        return case.file_keberatan(Keberatan(filed_on=day, grounds=grounds))
    if action == "answer":
        return case.answer_keberatan(day, decision)
    if action == "sengketa":
        return case.file_sengketa(Sengketa(filed_on=day))
    return case.settle_sengketa(day, decision)


paths = transitions(picks=3, max_size=10)  # legal decisions only


def walk(start: dt.date, regime: str, moves: list[tuple[str, int, int]]) -> list[Case]:
    req = InformationRequest(
        number="1",
        received_at=dt.datetime(start.year, start.month, start.day, 9, tzinfo=ZONE),
        requester=Requester(name="X"),
        information="Data",
    )
    cases = [Case.open(req, CAL, regime)]
    today = start
    for action, gap, pick in moves:
        try:
            nxt = step(cases[-1], action, gap, pick, today)
        except IllegalTransitionError:
            continue
        today = CAL.add_working_days(today, gap)
        cases.append(nxt)
    return cases


# the states each transition is allowed from (UU 14/2008 Pasal 22, 35-38)
ALLOWED = {
    "extend": {State.RECEIVED},
    "decide": {State.RECEIVED, State.EXTENDED},
    "keberatan": {State.RECEIVED, State.EXTENDED, State.DECIDED},
    "answer": {State.KEBERATAN_FILED},
    "sengketa": {State.KEBERATAN_FILED, State.KEBERATAN_ANSWERED},
    "settle": {State.SENGKETA_FILED},
}
CARRIES_DECISION = {"decide", "answer", "settle"}
any_moves = transitions(picks=4, max_size=12)  # pick 3: no decision


def step_or_none(case: Case, action: str, gap: int, pick: int, today: dt.date) -> Case:
    """Like :func:`step`, but ``pick == 3`` passes ``None`` as the decision."""
    if pick < 3 or action not in CARRIES_DECISION:
        return step(case, action, gap, pick, today)
    day = CAL.add_working_days(today, gap)
    none = cast("Decision", None)
    if action == "decide":
        return case.decide(day, none)
    if action == "answer":
        return case.answer_keberatan(day, none)
    return case.settle_sengketa(day, none)


@given(request_dates, rule_sets, any_moves)
def test_no_sequence_closes_without_a_decision(
    start: dt.date, regime: str, moves: list[tuple[str, int, int]]
) -> None:
    case = walk(start, regime, [])[0]
    today = start
    for action, gap, pick in moves:
        before = attrs.evolve(case)
        illegal = case.state not in ALLOWED[action] or (pick == 3 and action in CARRIES_DECISION)
        try:
            nxt = step_or_none(case, action, gap, pick, today)
        except IllegalTransitionError:
            assert case == before  # nothing changed
            assert case.state is before.state
            continue
        assert not illegal, (action, case.state, pick)
        if nxt.closed:
            assert isinstance(nxt.decision, Decision)
        case, today = nxt, CAL.add_working_days(today, gap)


@given(request_dates, rule_sets, paths)
def test_deadlines_never_move_earlier(
    start: dt.date, regime: str, moves: list[tuple[str, int, int]]
) -> None:
    cases = walk(start, regime, moves)
    for before, after in itertools.pairwise(cases):
        old, new = before.deadlines, after.deadlines
        assert set(old) <= set(new)
        for s, dl in old.items():
            if dl.due is not None:
                moved = new[s].due
                assert moved is not None
                assert moved >= dl.due


@given(request_dates, paths)
def test_pending_obligation_has_a_due_date_under_uu(
    start: dt.date, moves: list[tuple[str, int, int]]
) -> None:
    for case in walk(start, "uu_14_2008", moves):
        if case.current is not None:
            assert case.due is not None
            assert case.due >= CAL.to_date(case.request.received_at)
