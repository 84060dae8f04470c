"""Half-up rounding and exact fraction parsing."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ppid_core._numbers import half_up, parse_fraction


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(17433, 200), 2, "87.17"),  # 87.165: half goes up
        (Fraction(1, 8), 2, "0.13"),  # round() would give 0.12
        (Fraction(-1, 8), 2, "-0.13"),  # away from zero
        (Fraction(8830, 100), 2, "88.30"),
        (Fraction(272, 3), 2, "90.67"),
        (Fraction(100), 2, "100.00"),
        (Fraction(2, 3), 0, "1"),
        (Fraction(1, 3), 4, "0.3333"),
    ],
)
def test_half_up(value: Fraction, places: int, expected: str) -> None:
    assert half_up(value, places) == Decimal(expected)
    assert str(half_up(value, places)) == expected


def test_half_up_keeps_exact_half_of_a_huge_fraction() -> None:
    big = Fraction(10**40 * 2 + 1, 2 * 10**2)  # ...0.005 exactly, beyond float precision
    assert str(half_up(big, 2)).endswith(".01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/9", Fraction(1, 9)),
        (" 0.111 ", Fraction(111, 1000)),
        ("1", Fraction(1)),
        ("2 / 14", Fraction(1, 7)),
        ("1/0", None),
        ("a/b", None),
        ("-0.1", None),
        ("", None),
    ],
)
def test_parse_fraction(text: str, expected: Fraction | None) -> None:
    assert parse_fraction(text) == expected
