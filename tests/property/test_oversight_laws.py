"""Laws of the oversight of the PPID Pelaksana (Hypothesis).

- The total row equals the merge of the unit rows: its requests are the sum over units,
  and the months of the monthly form add up to each unit's row.
- Reading the registers in any order gives the same table.
- Merging the per-unit summaries of several registers gives what one pass over all their
  requests gives ([`UnitSummary`][ppid_core.requests.UnitSummary] is a commutative monoid
  whose median stays exact).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import OversightTable, Register, UnitSummary, oversight
from tests.property.strategies import budget, request_dates

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="NTT")
ON = dt.date(2024, 12, 31)
HEAD = [
    "No",
    "Unit Kerja Tempat Mengurus Layanan Publik",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Tanggal Tanggapan",
]
UNITS = ("KPU Kota Kupang", "KPU Kabupaten Kupang", "KPU Kabupaten Alor")

#: One request: its unit, the day received, and the days to its answer (None: open).
requests = st.tuples(
    st.sampled_from(UNITS), request_dates, st.one_of(st.none(), st.integers(0, 40))
)
request_lists = st.lists(requests, max_size=12)


def make(rows: list[tuple[str, dt.date, int | None]], source: str) -> Register:
    cells = [
        [
            str(i + 1),
            unit,
            day.isoformat(),
            "" if wait is None else (day + dt.timedelta(days=wait)).isoformat(),
        ]
        for i, (unit, day, wait) in enumerate(rows)
    ]
    return Register.from_rows([HEAD, *cells], source=source, calendar=CAL)


def run(registers: list[Register], by: str = "year") -> OversightTable:
    return oversight(registers, on=ON, calendar=CAL, by=by)


def figures(table: OversightTable) -> dict[str, UnitSummary]:
    """The units that reported (an empty register's file-named row is its own)."""
    return {row.unit: row.summary for row in table.units if row.reported}


@budget(0.1)
@given(st.lists(request_lists, min_size=1, max_size=3))
def test_totals_equal_the_sum_over_units(
    parts: list[list[tuple[str, dt.date, int | None]]],
) -> None:
    table = run([make(rows, f"r{i}.csv") for i, rows in enumerate(parts)], by="month")
    assert table.total == UnitSummary.merge(row.summary for row in table.units)
    assert table.total.requests == sum(row.summary.requests for row in table.units)
    assert table.total.requests == sum(len(rows) for rows in parts)
    assert table.to_dict()["total"] == table.total.requests
    assert table.months is not None
    for row in table.units:
        months = [m.summary for m in table.months if m.unit == row.unit]
        assert UnitSummary.merge(months) == row.summary


@budget(0.1)
@given(st.lists(request_lists, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_any_order_of_registers_gives_the_same_table(
    parts: list[list[tuple[str, dt.date, int | None]]], rnd: object
) -> None:
    registers = [make(rows, f"r{i}.csv") for i, rows in enumerate(parts)]
    shuffled = list(registers)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert run(shuffled, by="month") == run(registers, by="month")


@budget(0.1)
@given(request_lists, st.data())
def test_merged_unit_summaries_equal_one_pass(
    rows: list[tuple[str, dt.date, int | None]], data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(rows)))
    whole = figures(run([make(rows, "all.csv")]))
    split = figures(run([make(rows[:cut], "a.csv"), make(rows[cut:], "b.csv")]))
    assert split == whole


summaries = st.builds(
    lambda days, untimed, open_: UnitSummary(
        requests=len(days) + open_ + untimed,
        timed=len(days) + open_,
        response_days=[(d, 1) for d in days],
        open=open_,
    ),
    st.lists(st.integers(0, 30), max_size=8),
    st.integers(0, 3),
    st.integers(0, 3),
)


@given(summaries, summaries, summaries)
def test_unit_summaries_form_a_commutative_monoid(
    a: UnitSummary, b: UnitSummary, c: UnitSummary
) -> None:
    assert a + UnitSummary() == a == UnitSummary() + a
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a


@given(st.lists(summaries, max_size=5))
def test_the_merged_median_is_the_median_of_all_times(parts: list[UnitSummary]) -> None:
    merged = UnitSummary.merge(parts)
    times = sorted(d for p in parts for d, n in p.response_days for _ in range(n))
    if not times:
        assert merged.median is None
        return
    mid = len(times) // 2
    expected = Fraction(times[mid]) if len(times) % 2 else Fraction(times[mid - 1] + times[mid], 2)
    assert merged.median == expected
    assert attrs.evolve(merged).answered == len(times)
