"""Month-granular status: due, done, late, progress and the triwulan roll-up."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import LocatedError
from ppid_core.rb import RowState, parse_plan, parse_realisation, plan_status

PLAN = parse_plan(
    "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
    "      - name: K\n        sub_kegiatan:\n"
    "          - {name: A, months: [Feb, Mar, Des]}\n"
    "          - {name: B, months: [Jun]}\n"
    "          - {name: C, months: []}\n"
    "  - area: pengawasan\n    kegiatan:\n      - name: L\n        sub_kegiatan:\n"
    "          - {name: D, months: [Jan-Mar]}\n"
)
REAL = parse_realisation(
    "kind: realisation\nplan: p.yaml\nrecords:\n"
    "  - {code: 1.1.1, sub_kegiatan: A, month: Feb, status: done}\n"
    "  - {code: 1.1.1, sub_kegiatan: A, month: Mar, status: partly}\n"
    "  - {code: 2.1.1, sub_kegiatan: D, month: Jan, status: done}\n"
    "  - {code: 2.1.1, sub_kegiatan: D, month: Feb, status: done}\n"
    "  - {code: 2.1.1, sub_kegiatan: D, month: Mar, status: done}\n",
    plan=PLAN,
)


def states(month: int, year: int = 2022) -> list[str]:
    return [r.state.value for r in plan_status(PLAN, REAL, year=year, month=month).rows]


def test_states_through_the_year() -> None:
    assert states(1) == ["upcoming", "upcoming", "unscheduled", "on_track"]
    assert states(2) == ["on_track", "upcoming", "unscheduled", "on_track"]
    assert states(3) == ["due", "upcoming", "unscheduled", "complete"]
    assert states(4) == ["late", "upcoming", "unscheduled", "complete"]
    assert states(6) == ["late", "due", "unscheduled", "complete"]


def test_years_before_and_after_the_plan() -> None:
    assert states(12, year=2021) == ["upcoming", "upcoming", "unscheduled", "upcoming"]
    assert states(1, year=2023) == ["late", "late", "unscheduled", "complete"]


def test_late_months_and_due() -> None:
    st = plan_status(PLAN, REAL, year=2022, month=7)
    a, b, _, _ = st.rows
    assert a.late_months == (3,)
    assert b.late_months == (6,)
    assert [r.row.code for r in st.late()] == ["1.1.1", "1.1.2"]
    assert [r.row.code for r in plan_status(PLAN, REAL, year=2022, month=3).due()] == [
        "1.1.1",
        "2.1.1",
    ]


def test_records_after_the_reporting_month_are_not_counted() -> None:
    st = plan_status(PLAN, REAL, year=2022, month=2)
    assert [r.month for r in st.rows[3].records] == [1, 2]
    assert st.rows[3].progress.value == Fraction(2, 3)


def test_progress_pools_planned_months_with_half_weight_for_partly() -> None:
    st = plan_status(PLAN, REAL, year=2022, month=12)
    a = st.rows[0].progress
    assert (a.planned, a.elapsed, a.done, a.partly) == (3, 3, 1, 1)
    assert a.value == Fraction(1, 2)
    org = st.by_area()["organisasi"]
    assert (org.planned, org.done, org.partly) == (4, 1, 1)
    assert org.value == Fraction(3, 8)
    assert st.total().value == Fraction(9, 14)
    assert st.by_kegiatan()["2.1"].value == 1
    whole = plan_status(PLAN, REAL, year=2022, month=12, partly_weight=Fraction(0))
    assert whole.total().value == Fraction(4, 7)


def test_expected_share() -> None:
    st = plan_status(PLAN, None, year=2022, month=3)
    assert st.rows[0].expected == Fraction(2, 3)
    assert st.rows[2].expected == 0


def test_quarter_roll_up() -> None:
    st = plan_status(PLAN, REAL, year=2022, month=6)
    q1, q2, q3, q4 = st.quarters
    assert (q1.planned, q1.done, q1.partly, q1.no_record, q1.future) == (5, 4, 1, 0, 0)
    assert (q2.planned, q2.no_record, q2.future) == (1, 1, 0)
    assert (q3.planned, q4.planned, q4.future) == (0, 1, 1)


def test_bad_arguments_raise_ppid_errors_that_are_value_errors() -> None:
    with pytest.raises(LocatedError) as info:
        plan_status(PLAN, None, year=2022, month=13)
    assert str(info.value) == "plan_status: month must be 1-12, got 13"
    assert isinstance(info.value, ValueError)
    with pytest.raises(LocatedError) as info:
        plan_status(PLAN, None, year=2022, month=1, partly_weight=Fraction(2))
    assert str(info.value) == "plan_status: partly_weight must be from 0 to 1, got 2"


def test_state_labels_follow_the_language() -> None:
    # English by default; "terlambat" under set_language("id") (tests/cli/test_cmd_rb_language.py)
    assert RowState.LATE.label == "late"


def test_a_row_planned_this_month_and_not_done_is_due() -> None:
    assert plan_status(PLAN, None, year=2022, month=1).rows[3].state is RowState.DUE
