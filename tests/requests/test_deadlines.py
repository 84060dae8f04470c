"""The deadline chain."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import CalendarCoverageError, IllegalTransitionError
from ppid_core.requests import Step, deadline_chain
from ppid_core.requests._deadlines import NO_RULE, NO_START


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")


def test_golden_pair_with_and_without_cuti_bersama() -> None:
    # source: the golden pair (UU 14/2008 Pasal 22 ayat (7); SKB 2025 cuti bersama)
    with_cb = WorkCalendar.indonesia(cuti_bersama=True)
    without = WorkCalendar.indonesia(cuti_bersama=False)
    assert deadline_chain(dt.date(2025, 3, 27), with_cb).response.due == dt.date(2025, 4, 22)
    assert deadline_chain(dt.date(2025, 3, 27), without).response.due == dt.date(2025, 4, 14)


def test_latest_path_chain(cal: WorkCalendar) -> None:
    chain = deadline_chain(dt.date(2025, 3, 27), cal)
    ds = [d.due for d in chain.deadlines]
    assert all(d is not None for d in ds)
    assert chain.extended_response.due == cal.add_working_days(dt.date(2025, 4, 22), 7)
    assert chain.keberatan_filing.due == cal.add_working_days(chain.extended_response.due, 30)
    assert chain.sengketa_filing.rule.step is Step.SENGKETA_FILING_WITHOUT_ANSWER
    assert not chain.keberatan_filing.actual


def test_actual_dates(cal: WorkCalendar) -> None:
    chain = deadline_chain(
        dt.date(2025, 3, 27),
        cal,
        decided_on=dt.date(2025, 4, 10),
        keberatan_filed_on=dt.date(2025, 4, 21),
        atasan_answered_on=dt.date(2025, 5, 5),
        sengketa_filed_on=dt.date(2025, 5, 12),
    )
    assert chain.keberatan_filing.due == cal.add_working_days(dt.date(2025, 4, 10), 30)
    assert chain.atasan_answer.due == cal.add_working_days(dt.date(2025, 4, 21), 30)
    assert chain.sengketa_filing.due == cal.add_working_days(dt.date(2025, 5, 5), 14)
    assert chain.sengketa_filing.rule.step is Step.SENGKETA_FILING
    # 2025-05-12 is Waisak (libur nasional), 05-13 cuti bersama: it counts from 05-14.
    assert cal.receipt_date(dt.date(2025, 5, 12)) == dt.date(2025, 5, 14)
    assert chain.ki_finish.due == cal.add_working_days(dt.date(2025, 5, 14), 100)
    assert all(d.actual for d in chain.deadlines[2:])


def test_after_hours_counts_from_next_day(cal: WorkCalendar) -> None:
    late = dt.datetime(2025, 3, 26, 17, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert deadline_chain(late, cal).receipt_date == dt.date(2025, 3, 27)


def test_perki_unknown_steps_are_none(cal: WorkCalendar) -> None:
    chain = deadline_chain(dt.date(2024, 10, 7), cal, "perki_1_2019")
    assert chain.response.due == cal.add_working_days(dt.date(2024, 10, 7), 3)
    assert chain.extended_response.due == cal.add_working_days(chain.response.due, 2)
    assert chain.keberatan_filing.due is None
    assert chain.atasan_answer.due is None  # counts from an unknown day
    assert chain.ki_finish.due is None
    known = deadline_chain(
        dt.date(2024, 10, 7), cal, "perki_1_2019", keberatan_filed_on=dt.date(2024, 10, 14)
    )
    assert known.atasan_answer.due == cal.add_working_days(dt.date(2024, 10, 14), 3)


STRICT = WorkCalendar.indonesia(holidays_dir=None, zone="WITA")
ESTIMATING = WorkCalendar.indonesia(holidays_dir=None, zone="WITA", estimate_until=2029)
WITA = ZoneInfo("Asia/Makassar")


def test_golden_2027_chain_across_new_year() -> None:
    # source: the bar. Received Mon 21 Dec 2026 09:00 WITA; SKB 2026 (cuti bersama 24 Dec,
    # Natal 25 Dec) and SKB 2027 (1 Jan, Isra Mikraj 5 Jan). By hand: 22, 23, 28, 29, 30, 31 Dec,
    # 4, 6, 7, 8 Jan -> 8 Jan; seven more: 11-15, 18, 19 Jan -> 19 Jan.
    chain = deadline_chain(dt.datetime(2026, 12, 21, 9, 0, tzinfo=WITA), STRICT)
    assert chain.response.due == dt.date(2027, 1, 8)
    assert chain.extended_response.due == dt.date(2027, 1, 19)
    assert not chain.response.provisional
    assert not chain.extended_response.provisional


def test_steps_past_the_data_are_unknown_not_raised() -> None:
    # Received Mon 22 Nov 2027: notice and extension fall in 2027, the keberatan window in 2028.
    chain = deadline_chain(dt.date(2027, 11, 22), STRICT)
    assert chain.response.due == dt.date(2027, 12, 6)
    assert chain.extended_response.due == dt.date(2027, 12, 15)
    later = chain.deadlines[2:]
    assert [d.due for d in later] == [None] * 5
    assert {d.reason for d in later} == {"di luar data kalender: data ends 2027-12-31"}
    assert chain.response.reason is None
    assert not chain.provisional


def test_estimated_steps_are_provisional_and_agree_where_decreed() -> None:
    strict = deadline_chain(dt.date(2027, 11, 22), STRICT)
    est = deadline_chain(dt.date(2027, 11, 22), ESTIMATING)
    assert est.response == strict.response
    assert est.extended_response == strict.extended_response
    assert all(d.due is not None and d.provisional for d in est.deadlines[2:])
    assert est.provisional


def test_provisional_idul_fitri_2027_marks_the_step_and_those_after() -> None:
    # Received Wed 2 Dec 2026: the notice, extension and keberatan windows end before Mar 2027;
    # the atasan's 30 working days run over Idul Fitri 1448 H, which the sidang isbat may move.
    chain = deadline_chain(dt.date(2026, 12, 2), STRICT)
    assert [d.provisional for d in chain.deadlines] == [False, False, False, True, True, True, True]
    assert chain.atasan_answer.due is not None
    assert chain.atasan_answer.due > dt.date(2027, 3, 15)


def test_receipt_outside_the_data_still_raises() -> None:
    with pytest.raises(CalendarCoverageError):
        deadline_chain(dt.date(2015, 12, 30), STRICT)


def test_unknown_rule_keeps_its_reason(cal: WorkCalendar) -> None:
    chain = deadline_chain(dt.date(2025, 3, 27), cal, "perki_1_2019")
    unknown = [d for d in chain.deadlines if d.due is None]
    assert unknown
    assert {d.reason for d in unknown} <= {NO_RULE, NO_START}
    assert any(d.reason == NO_RULE for d in unknown)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            # issue 9: `ppid deadline 2025-03-27 --sengketa-filed 2025-01-02` printed a date
            {"sengketa_filed_on": dt.date(2025, 1, 2)},
            "the sengketa (2025-01-02) is dated before receipt of the request (2025-03-27); "
            "a step cannot come before the step it follows",
        ),
        (
            {"decided_on": dt.date(2025, 4, 10), "keberatan_filed_on": dt.date(2025, 4, 9)},
            "the keberatan (2025-04-09) is dated before the written notice (2025-04-10); "
            "a step cannot come before the step it follows",
        ),
        (
            {
                "keberatan_filed_on": dt.date(2025, 5, 20),
                "atasan_answered_on": dt.date(2025, 6, 2),
                "sengketa_filed_on": dt.date(2025, 6, 1),
            },
            "the sengketa (2025-06-01) is dated before the atasan PPID's answer (2025-06-02); "
            "a step cannot come before the step it follows",
        ),
    ],
)
def test_step_dated_before_the_step_it_follows(
    cal: WorkCalendar, kw: dict[str, dt.date], message: str
) -> None:
    with pytest.raises(IllegalTransitionError) as info:
        deadline_chain(dt.date(2025, 3, 27), cal, **kw)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_steps_on_the_same_day_are_in_order(cal: WorkCalendar) -> None:
    day = dt.date(2025, 4, 10)
    chain = deadline_chain(
        dt.datetime(2025, 4, 10, 9, tzinfo=ZoneInfo("Asia/Makassar")),
        cal,
        decided_on=day,
        keberatan_filed_on=day,
    )
    assert chain.keberatan_filing.counts_from == day
