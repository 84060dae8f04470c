"""Hypothesis laws of the request lifecycle.

- No path closes without a decision.
- A deadline, once in force, never moves earlier as the request advances.
- Every state that has a pending obligation knows its due date (under UU 14/2008).
"""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

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
)

CAL = WorkCalendar.indonesia(zone="WITA")
ZONE = ZoneInfo("Asia/Makassar")
DECISIONS = [
    Decision(kind=DecisionKind.GRANTED),
    Decision(kind=DecisionKind.REFUSED, exception="Pasal 17 huruf h"),
    Decision(kind=DecisionKind.NOT_HELD, holder="KPU RI"),
]
ACTIONS = ("extend", "decide", "keberatan", "answer", "sengketa", "settle")


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


paths = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 40), st.integers(0, 2)), max_size=10
)
starts = st.dates(
    dt.date(2020, 1, 1), dt.date(2024, 6, 30)
)  # + 400 working days stays in 2020-2026
regimes = st.sampled_from(["uu_14_2008", "perki_1_2019"])


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


@given(starts, regimes, paths)
def test_no_path_closes_without_a_decision(
    start: dt.date, regime: str, moves: list[tuple[str, int, int]]
) -> None:
    for case in walk(start, regime, moves):
        if case.closed:
            assert case.decision is not None


@given(starts, regimes, paths)
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


@given(starts, paths)
def test_pending_obligation_has_a_due_date_under_uu(
    start: dt.date, moves: list[tuple[str, int, int]]
) -> None:
    for case in walk(start, "uu_14_2008", moves):
        if case.current is not None:
            assert case.due is not None
            assert case.due >= CAL.to_date(case.request.received_at)
