"""The deadline chain."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import Step, deadline_chain


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
