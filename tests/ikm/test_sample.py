"""Krejcie & Morgan sample sizes: table as data, formula, adequacy check."""

from __future__ import annotations

import pytest

from ppid_core.errors import InvalidTallyError, UnknownNameError
from ppid_core.ikm import check_sample, krejcie_morgan, krejcie_morgan_table


def test_table_is_ascending_and_complete() -> None:
    table = krejcie_morgan_table()
    assert len(table) == 90
    assert [n for n, _ in table] == sorted(n for n, _ in table)
    assert [s for _, s in table] == sorted(s for _, s in table)


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (1, 1),
        (9, 9),
        (10, 10),
        (11, 14),
        (100, 80),
        (101, 86),
        (1000, 278),
        (10_000, 370),
        (75_001, 384),
        (5_000_000, 384),
    ],
)
def test_table_lookup_takes_the_next_row_up(population: int, expected: int) -> None:
    assert krejcie_morgan(population) == expected


def test_formula_modes() -> None:
    assert krejcie_morgan(125, method="formula") == 94
    assert krejcie_morgan(125, method="formula", rounding="ceiling") == 95
    assert krejcie_morgan(100_000, method="formula") == 383
    assert krejcie_morgan(3, method="formula") == 3


@pytest.mark.parametrize("bad", [0, -5, True, 2.5])
def test_bad_population(bad: object) -> None:
    with pytest.raises(InvalidTallyError) as info:
        krejcie_morgan(bad)  # type: ignore[arg-type]
    assert str(info.value) == f"population must be a whole number >= 1, got {bad!r}"
    with pytest.raises(InvalidTallyError):
        check_sample(10, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, True, 2.5])
def test_bad_respondents(bad: object) -> None:
    with pytest.raises(InvalidTallyError) as info:
        check_sample(bad, 100)  # type: ignore[arg-type]
    assert str(info.value) == f"respondents must be a whole number >= 0, got {bad!r}"


def test_bad_modes() -> None:
    with pytest.raises(UnknownNameError) as info:
        krejcie_morgan(10, method="x")  # type: ignore[arg-type]
    assert str(info.value) == "method must be 'table' or 'formula', got 'x'"
    with pytest.raises(UnknownNameError) as info:
        krejcie_morgan(10, method="formula", rounding="x")  # type: ignore[arg-type]
    assert str(info.value) == "rounding must be 'half_up' or 'ceiling', got 'x'"


def test_check_sample() -> None:
    ok = check_sample(400, 10_000)
    assert ok.adequate
    assert ok.shortfall == 0
    assert ok.message() == (
        "400 respondents for a population of 10000; Krejcie & Morgan require 370 (enough)"
    )
    short = check_sample(150, 1000)
    assert (short.adequate, short.shortfall) == (False, 128)
