"""Hypothesis laws of the working-day arithmetic, checked against a naive day-by-day loop."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import HolidayCategory, WorkCalendar
from tests.property.strategies import calendar_dates, cuti_bersama

pytestmark = pytest.mark.property

CALS = {cb: WorkCalendar.indonesia(cuti_bersama=cb) for cb in (True, False)}
steps = st.integers(0, 400)  # dates leave room for 400 working days inside the data


def naive_non_working(cb: bool) -> set[dt.date]:
    return {
        h.date for h in CALS[cb].holidays if cb or h.category is not HolidayCategory.CUTI_BERSAMA
    }


NAIVE = {cb: naive_non_working(cb) for cb in (True, False)}


def naive_is_working(d: dt.date, cb: bool) -> bool:
    return d.weekday() < 5 and d not in NAIVE[cb]


def naive_add(d: dt.date, n: int, cb: bool) -> dt.date:
    if n == 0:
        while not naive_is_working(d, cb):
            d += dt.timedelta(days=1)
        return d
    while n:
        d += dt.timedelta(days=1)
        if naive_is_working(d, cb):
            n -= 1
    return d


@given(calendar_dates, steps, cuti_bersama)
def test_result_is_a_working_day(d: dt.date, n: int, cb: bool) -> None:
    assert CALS[cb].is_working_day(CALS[cb].add_working_days(d, n))


@given(calendar_dates, st.integers(1, 400), cuti_bersama)
def test_count_inverts_add(d: dt.date, n: int, cb: bool) -> None:
    cal = CALS[cb]
    assert cal.count_working_days(d, cal.add_working_days(d, n)) == n


@given(calendar_dates, calendar_dates, steps, cuti_bersama)
def test_monotone_in_start(a: dt.date, b: dt.date, n: int, cb: bool) -> None:
    lo, hi = min(a, b), max(a, b)
    assert CALS[cb].add_working_days(lo, n) <= CALS[cb].add_working_days(hi, n)


@given(calendar_dates, st.integers(1, 200), st.integers(0, 200), cuti_bersama)
def test_add_composes(d: dt.date, n: int, k: int, cb: bool) -> None:
    # n >= 1: add(d, 0) rolls a non-working d forward, which is not "0 steps" of counting.
    cal = CALS[cb]
    assert cal.add_working_days(cal.add_working_days(d, n), k) == cal.add_working_days(d, n + k)


@given(calendar_dates, st.integers(0, 60), cuti_bersama)
def test_add_agrees_with_naive_loop(d: dt.date, n: int, cb: bool) -> None:
    assert CALS[cb].add_working_days(d, n) == naive_add(d, n, cb)


@given(calendar_dates, st.integers(0, 120), cuti_bersama)
def test_count_agrees_with_naive_loop(a: dt.date, span: int, cb: bool) -> None:
    b = a + dt.timedelta(days=span)
    expected = sum(naive_is_working(a + dt.timedelta(days=i), cb) for i in range(1, span + 1))
    assert CALS[cb].count_working_days(a, b) == expected
    assert CALS[cb].count_working_days(b, a) == -expected


@given(st.dates(dt.date(2020, 7, 1), dt.date(2026, 12, 31)), st.integers(1, 100), cuti_bersama)
def test_negative_n_walks_back(d: dt.date, n: int, cb: bool) -> None:
    cal = CALS[cb]
    back = cal.add_working_days(d, -n)
    assert back < d
    assert cal.is_working_day(back)
    # (back, d] holds the n - 1 working days strictly between them, and d if it works.
    assert cal.count_working_days(back, d) == n - 1 + cal.is_working_day(d)


@given(calendar_dates, steps)
def test_cuti_bersama_only_delays(d: dt.date, n: int) -> None:
    assert CALS[True].add_working_days(d, n) >= CALS[False].add_working_days(d, n)
