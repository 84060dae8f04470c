"""The lifecycle state machine."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import IllegalTransitionError, UnknownDeadlineError
from ppid_core.requests import (
    Case,
    CaseStatus,
    Decision,
    DecisionKind,
    InformationRequest,
    Keberatan,
    KeberatanGround,
    Requester,
    Sengketa,
    State,
    Step,
)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")


KUPANG = ZoneInfo("Asia/Makassar")
GRANTED = Decision(kind=DecisionKind.GRANTED)
REFUSED = Decision(kind=DecisionKind.REFUSED, exception="Pasal 17 huruf h")


def request(day: dt.date = dt.date(2025, 3, 27)) -> InformationRequest:
    return InformationRequest(
        number="1",
        received_at=dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=KUPANG),
        requester=Requester(name="Gunawan"),
        information="DPT Pilkada 2024",
    )


def test_due_and_status(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal)
    assert case.state is State.RECEIVED
    assert case.due == dt.date(2025, 4, 22)
    assert case.status_on(dt.date(2025, 4, 8)) is CaseStatus.ON_TIME
    assert case.status_on(dt.date(2025, 4, 21)) is CaseStatus.DUE_SOON
    assert case.status_on(dt.date(2025, 4, 23)) is CaseStatus.OVERDUE


def test_extension_then_decision_on_time(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal).extend(dt.date(2025, 4, 15))
    assert case.due == dt.date(2025, 5, 2)
    done = case.decide(dt.date(2025, 5, 2), GRANTED)
    assert done.closed
    assert done.due is None
    assert done.status_on(dt.date(2025, 6, 1)) is CaseStatus.DONE_ON_TIME
    assert done.deadlines[Step.KEBERATAN_FILING].due == cal.add_working_days(
        dt.date(2025, 5, 2), 30
    )


def test_late_decision(cal: WorkCalendar) -> None:
    done = Case.open(request(), cal).decide(dt.date(2025, 4, 23), GRANTED)
    assert done.status_on(dt.date(2025, 4, 23)) is CaseStatus.DONE_LATE


def test_full_chain(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal).decide(dt.date(2025, 4, 10), REFUSED)
    case = case.file_keberatan(
        Keberatan(filed_on=dt.date(2025, 4, 14), grounds={KeberatanGround.A})
    )
    assert case.due == cal.add_working_days(dt.date(2025, 4, 14), 30)
    case = case.answer_keberatan(dt.date(2025, 5, 5), REFUSED)
    assert case.status_on(dt.date(2025, 5, 6)) is CaseStatus.DONE_ON_TIME
    case = case.file_sengketa(Sengketa(filed_on=dt.date(2025, 5, 8)))
    assert case.due == cal.add_working_days(dt.date(2025, 5, 8), 100)
    case = case.settle_sengketa(dt.date(2025, 7, 1), GRANTED)
    assert case.state is State.SENGKETA_SETTLED
    assert case.decision == GRANTED
    assert case.status_on(dt.date(2025, 7, 1)) is CaseStatus.DONE_ON_TIME


def test_keberatan_for_unanswered_request(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal)
    with pytest.raises(IllegalTransitionError) as info:
        case.file_keberatan(Keberatan(filed_on=dt.date(2025, 4, 22), grounds={"c"}))
    assert str(info.value) == (
        "cannot file a keberatan on 2025-04-22 for an unanswered request before its "
        "response deadline 2025-04-22 has passed"
    )
    with pytest.raises(IllegalTransitionError, match="must cite ground c"):
        case.file_keberatan(Keberatan(filed_on=dt.date(2025, 4, 23), grounds={KeberatanGround.A}))
    k = case.file_keberatan(Keberatan(filed_on=dt.date(2025, 4, 23), grounds={KeberatanGround.C}))
    assert k.state is State.KEBERATAN_FILED
    assert k.decision is None
    assert not k.closed


def test_sengketa_without_answer(cal: WorkCalendar) -> None:
    k = Case.open(request(), cal).decide(dt.date(2025, 4, 10), REFUSED)
    k = k.file_keberatan(Keberatan(filed_on=dt.date(2025, 4, 14), grounds={KeberatanGround.A}))
    atasan_due = k.due
    assert atasan_due is not None
    with pytest.raises(IllegalTransitionError, match="before the atasan PPID's period ends"):
        k.file_sengketa(Sengketa(filed_on=atasan_due))
    s = k.file_sengketa(Sengketa(filed_on=cal.add_working_days(atasan_due, 1)))
    assert s.deadlines[Step.SENGKETA_FILING].rule.step is Step.SENGKETA_FILING_WITHOUT_ANSWER


def test_illegal_transitions(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal)
    with pytest.raises(IllegalTransitionError) as info:
        case.answer_keberatan(dt.date(2025, 4, 1), GRANTED)
    assert str(info.value) == (
        "cannot answer a keberatan a request in state 'received' (only from: keberatan_filed)"
    )
    done = case.decide(dt.date(2025, 4, 1), GRANTED)
    with pytest.raises(IllegalTransitionError):
        done.decide(dt.date(2025, 4, 2), GRANTED)
    with pytest.raises(IllegalTransitionError):
        done.extend(dt.date(2025, 4, 2))
    with pytest.raises(IllegalTransitionError) as info:
        case.extend(dt.date(2025, 4, 23))
    assert str(info.value) == (
        "cannot extend on 2025-04-23: the response period ended on 2025-04-22 "
        "(an extension is notified within it)"
    )
    with pytest.raises(IllegalTransitionError) as info:
        case.decide(dt.date(2025, 3, 1), GRANTED)
    assert str(info.value) == "cannot decide on 2025-03-01, before 2025-03-27"


def test_keberatan_window_closes(cal: WorkCalendar) -> None:
    done = Case.open(request(), cal).decide(dt.date(2025, 4, 10), REFUSED)
    last = cal.add_working_days(dt.date(2025, 4, 10), 30)
    with pytest.raises(IllegalTransitionError) as info:
        done.file_keberatan(
            Keberatan(filed_on=cal.add_working_days(last, 1), grounds={KeberatanGround.A})
        )
    assert str(info.value).endswith(
        f"the window closed on {last.isoformat()} (UU 14/2008 Pasal 36 ayat (1))"
    )


def test_perki_unknown_due_raises(cal: WorkCalendar) -> None:
    case = Case.open(request(dt.date(2024, 10, 7)), cal, "perki_1_2019")
    assert case.due == dt.date(2024, 10, 10)
    done = case.decide(dt.date(2024, 10, 9), GRANTED)
    assert done.deadlines[Step.KEBERATAN_FILING].due is None
    k = done.file_keberatan(Keberatan(filed_on=dt.date(2024, 10, 11), grounds={KeberatanGround.D}))
    assert k.due == cal.add_working_days(dt.date(2024, 10, 11), 3)
    s = k.answer_keberatan(dt.date(2024, 10, 14), GRANTED).file_sengketa(
        Sengketa(filed_on=dt.date(2024, 10, 15))
    )
    assert s.due == cal.add_working_days(dt.date(2024, 10, 15), 14)
    unknown = Case.open(request(dt.date(2024, 10, 7)), cal, "perki_1_2019")
    unknown = unknown.file_keberatan(
        Keberatan(filed_on=dt.date(2024, 10, 15), grounds={KeberatanGround.C})
    )
    assert unknown.due is not None
    # The sengketa window after no answer is unknown under Perki 1/2019: filing is allowed
    # (no window to close) and the Komisi Informasi's start period stays unknown.
    late = unknown.file_sengketa(Sengketa(filed_on=dt.date(2024, 11, 1)))
    assert late.deadlines[Step.KI_START].due is None
    with pytest.raises(UnknownDeadlineError):
        late.rules.days(Step.KI_START)


def test_closing_needs_a_decision(cal: WorkCalendar) -> None:
    case = Case.open(request(), cal)
    with pytest.raises(IllegalTransitionError) as info:
        case.decide(dt.date(2025, 4, 1), None)  # type: ignore[arg-type]
    assert str(info.value) == "cannot decide without a Decision (got None)"
    assert case.state is State.RECEIVED


def test_sengketa_window_closes_after_the_answer(cal: WorkCalendar) -> None:
    k = Case.open(request(), cal).decide(dt.date(2025, 4, 10), REFUSED)
    k = k.file_keberatan(Keberatan(filed_on=dt.date(2025, 4, 14), grounds={KeberatanGround.A}))
    answered = k.answer_keberatan(dt.date(2025, 4, 21), REFUSED)
    last = cal.add_working_days(dt.date(2025, 4, 21), 14)
    with pytest.raises(IllegalTransitionError) as info:
        answered.file_sengketa(Sengketa(filed_on=cal.add_working_days(last, 1)))
    assert str(info.value) == (
        f"cannot file a sengketa on {cal.add_working_days(last, 1).isoformat()}: the window "
        f"closed on {last.isoformat()} (UU 14/2008 Pasal 37 ayat (2))"
    )
    assert answered.file_sengketa(Sengketa(filed_on=last)).state is State.SENGKETA_FILED


def test_deadline_past_the_data_is_unknown_with_a_reason() -> None:
    # Received Mon 20 Dec 2027: the tenth working day is in January 2028, past the decreed data.
    strict = WorkCalendar.indonesia(zone="WITA", holidays_dir=None)
    case = Case.open(request(dt.date(2027, 12, 20)), strict)
    assert case.due is None
    assert case.current is not None
    assert case.current.reason == "di luar data kalender: data ends 2027-12-31"
    assert case.status_on(dt.date(2027, 12, 21)) is CaseStatus.UNKNOWN
    # with 2028 estimated: 21, 22, 23, 27-31 Dec, 3, 4 Jan (no 2028 holiday until then)
    estimating = WorkCalendar.indonesia(zone="WITA", holidays_dir=None, estimate_until=2028)
    case = Case.open(request(dt.date(2027, 12, 20)), estimating)
    assert case.due == dt.date(2028, 1, 4)
    assert case.current is not None
    assert case.current.provisional
