"""Laws of estimated years, provisional marks, and chains that never fail whole."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import HolidayCategory, HolidayStatus, WorkCalendar
from ppid_core.cli import main
from ppid_core.errors import CalendarCoverageError
from tests.property.strategies import LAST, budget, cuti_bersama, decreed_dates, estimated_dates

pytestmark = pytest.mark.property

STRICT = {cb: WorkCalendar.indonesia(cuti_bersama=cb, holidays_dir=None) for cb in (True, False)}
ESTIMATING = {
    cb: WorkCalendar.indonesia(cuti_bersama=cb, holidays_dir=None, estimate_until=LAST + 3)
    for cb in (True, False)
}


@given(decreed_dates, st.integers(-300, 400), cuti_bersama)
def test_estimating_agrees_with_decreed_data_wherever_it_is_decreed(
    d: dt.date, n: int, cb: bool
) -> None:
    try:
        strict = STRICT[cb].add_working_days(d, n)
    except CalendarCoverageError:
        if n < 0:  # before the first year: no estimate reaches back
            with pytest.raises(CalendarCoverageError):
                ESTIMATING[cb].add_working_days(d, n)
        else:
            assert ESTIMATING[cb].add_working_days(d, n).year > LAST
        return
    assert ESTIMATING[cb].add_working_days(d, n) == strict
    assert ESTIMATING[cb].count_working_days(d, strict) == STRICT[cb].count_working_days(d, strict)


def _naive_unsure(cal: WorkCalendar, day: dt.date) -> bool:
    if day.year in cal.estimated_years:
        return True
    return any(
        h.status is HolidayStatus.PROVISIONAL
        and (cal.cuti_bersama or h.category is not HolidayCategory.CUTI_BERSAMA)
        and abs((h.date - day).days) <= 1
        for h in cal.holidays
    )


@given(estimated_dates, st.integers(0, 90), cuti_bersama)
def test_provisional_agrees_with_a_day_by_day_check(a: dt.date, span: int, cb: bool) -> None:
    cal = ESTIMATING[cb]
    b = min(a + dt.timedelta(days=span), cal.last_day)
    days = [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
    assert cal.provisional(a, b) == any(_naive_unsure(cal, d) for d in days)


def _deadline_json(*argv: str) -> tuple[int, dict[str, object]]:
    out = io.StringIO()
    code = main(["deadline", *argv, "--json"], out=out)
    return code, json.loads(out.getvalue())


@budget(0.5)
@given(decreed_dates, cuti_bersama)
def test_deadline_command_answers_every_decreed_receipt_date(d: dt.date, cb: bool) -> None:
    flags = [] if cb else ["--no-cuti-bersama"]
    code, data = _deadline_json(d.isoformat(), *flags)
    assert code == 0
    assert data["response_due"] is not None
    steps = data["steps"]
    assert isinstance(steps, list)
    for step in steps:
        assert (step["due"] is None) == bool(step["reason"])
    assert data["provisional"] == any(step["provisional"] for step in steps)


@budget(0.4)
@given(st.dates(dt.date(LAST, 10, 1), dt.date(LAST, 12, 31)))
def test_without_estimates_every_step_is_a_date_or_says_why(d: dt.date) -> None:
    code, data = _deadline_json(d.isoformat(), "--no-estimate")
    steps = data["steps"]
    assert isinstance(steps, list)
    assert code == (0 if data["response_due"] is not None else 1)
    for before, after in itertools.pairwise(steps):
        assert (before["due"] is None) <= (after["due"] is None)  # unknown only from a point on
    for step in steps:
        assert step["due"] is not None or step["reason"].startswith("di luar data kalender")
