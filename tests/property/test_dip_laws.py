"""Hypothesis laws of the DIP check.

- staleness is monotone in the day checked: an item stale on a day is stale on every later
  day, and a DIP not current stays not current (as long as no date lies after the day);
- adding months is monotone and never goes back;
- completeness is monotone in the items: adding an item never adds a missing entry.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.dip import Category, DipItem, FindingKind, Form, add_months, check_dip
from ppid_core.examples.dip import load_example_dip
from tests.property.strategies import budget, calendar_dates

pytestmark = pytest.mark.property

DIP = load_example_dip()
KEYS = sorted({k for i in DIP.items for k in i.wajib})


def _stale(on: dt.date, updated: dt.date) -> bool:
    item = DipItem(
        number="1",
        summary="s",
        holder="h",
        responsible="r",
        created="c",
        form=(Form.ELECTRONIC,),
        retention="5 tahun",
        category=Category.BERKALA,
        url="https://example.org/1",
        updated=updated,
    )
    check = check_dip(attrs.evolve(DIP, items=(item,)), on=on)
    return bool(check.of_kind(FindingKind.STALE))


@budget(0.5)
@given(updated=calendar_dates, first=calendar_dates, later=st.integers(0, 800))
def test_staleness_is_monotone_in_the_day(updated: dt.date, first: dt.date, later: int) -> None:
    on = max(first, updated)
    if _stale(on, updated):
        assert _stale(on + dt.timedelta(days=later), updated)


@budget(0.5)
@given(first=st.dates(dt.date(2024, 10, 1), dt.date(2026, 12, 31)), later=st.integers(0, 800))
def test_not_current_stays_not_current(first: dt.date, later: int) -> None:
    # From the last update of the example on (2024-10-01): no date lies after the day.
    if not check_dip(DIP, on=first).current:
        assert not check_dip(DIP, on=first + dt.timedelta(days=later)).current


@budget(0.5)
@given(day=calendar_dates, months=st.integers(0, 240), more=st.integers(0, 240))
def test_add_months_is_monotone(day: dt.date, months: int, more: int) -> None:
    assert day <= add_months(day, months) <= add_months(day, months + more)
    assert add_months(day, months).day <= day.day


@budget(0.5)
@given(kept=st.lists(st.sampled_from(KEYS), unique=True), extra=st.sampled_from(KEYS))
def test_adding_an_item_never_adds_a_missing_entry(kept: list[str], extra: str) -> None:
    items = [i for i in DIP.items if set(i.wajib) <= set(kept)]
    more = [i for i in DIP.items if extra in i.wajib and i not in items]
    on = dt.date(2024, 12, 1)

    def missing(chosen: list[DipItem]) -> set[str | None]:
        check = check_dip(attrs.evolve(DIP, items=tuple(chosen)), on=on)
        return {f.key for f in check.of_kind(FindingKind.MISSING)}

    assert missing(items + more) <= missing(items)
