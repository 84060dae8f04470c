"""Month words, ranges and quarters."""

from __future__ import annotations

import pytest

from ppid_core.rb import months_label, parse_month, quarter_months, quarter_of
from ppid_core.rb._months import parse_months_item


@pytest.mark.parametrize(
    ("text", "month"),
    [("1", 1), ("01", 1), ("12", 12), ("Jan", 1), ("mei", 5), ("Agu", 8), ("Agt", 8),
     ("Oktober", 10), ("Des", 12), ("Desember", 12), ("13", None), ("0", None), ("May", None)],
)  # fmt: skip
def test_parse_month(text: str, month: int | None) -> None:
    assert parse_month(text) == month


def test_ranges() -> None:
    assert parse_months_item("Mar - Mei") == (3, 4, 5)
    assert parse_months_item("10-12") == (10, 11, 12)
    assert parse_months_item("Des-Jan") is None
    assert parse_months_item("Jan-Foo") is None


def test_quarters_and_labels() -> None:
    assert [quarter_of(m) for m in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert quarter_months(1) == (1, 2, 3)
    assert months_label((1, 2, 3, 5, 12)) == "Jan-Mar, Mei, Des"
