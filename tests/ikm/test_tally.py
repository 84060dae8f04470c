"""Tallies: validation, from published totals, and exact merging."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import InvalidTallyError, UnknownNameError
from ppid_core.ikm import Tally, load_regime

R = load_regime()


def test_from_totals_by_name_and_in_order_agree() -> None:
    by_name = Tally.from_totals(R, {u.name: 300 for u in R.unsur}, respondents=100)
    in_order = Tally.from_totals(R, [300] * 9, respondents=100)
    assert by_name == in_order
    assert by_name.answered == (100,) * 9


def test_nrr_is_exact() -> None:
    t = Tally.from_totals(R, [523] * 9, respondents=150)
    assert t.nrr("waktu") == Fraction(523, 150)


def test_per_unsur_answered() -> None:
    t = Tally.from_totals(R, [30] * 9, respondents=10, answered=[10] * 8 + [8])
    assert t.nrr("sarana") == Fraction(30, 8)


def test_total_outside_the_scale_is_refused() -> None:
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, [401] + [300] * 8, respondents=100)
    assert str(info.value) == (
        "unsur 'persyaratan': total 401 is impossible for 100 answers scored 1-4 (allowed 100-400)"
    )


def test_missing_and_unknown_unsur() -> None:
    with pytest.raises(InvalidTallyError, match="totals: missing unsur prosedur, waktu"):
        Tally.from_totals(
            R,
            {
                "persyaratan": 3,
                "Biaya": 3,
                "produk": 3,
                "kompetensi": 3,
                "perilaku": 3,
                "pengaduan": 3,
                "sarana": 3,
            },
            respondents=1,
        )
    with pytest.raises(UnknownNameError, match="no unsur 'Parkir'"):
        Tally.from_totals(R, {"Parkir": 3}, respondents=1)
    with pytest.raises(InvalidTallyError, match="expected 9 values in regime order, got 2"):
        Tally.from_totals(R, [3, 3], respondents=1)


def test_more_answers_than_respondents() -> None:
    with pytest.raises(InvalidTallyError, match="unsur 'a': 3 answers for 2 respondents"):
        Tally(keys=["a"], totals=[9], answered=[3], respondents=2)


def test_merge_adds_everything() -> None:
    a = Tally.from_totals(R, [4] * 9, respondents=1)
    b = Tally(keys=R.keys, totals=[3] * 9, answered=[1] * 9, respondents=2, dropped=1)
    merged = a + b
    assert merged.totals == (7,) * 9
    assert merged.respondents == 3
    assert merged.dropped == 1
    assert Tally.merge([a, b, Tally.empty(R)]) == merged


def test_merge_refuses_other_unsur_and_nothing() -> None:
    other = Tally.empty(load_regime("kepmenpan_25_2004"))
    with pytest.raises(InvalidTallyError, match="cannot merge tallies of different unsur"):
        Tally.empty(R) + other
    with pytest.raises(InvalidTallyError, match="merge needs at least one tally"):
        Tally.merge([])


def test_nrr_of_an_unanswered_unsur() -> None:
    t = Tally.empty(R)
    with pytest.raises(InvalidTallyError, match="unsur 'biaya' has no answers"):
        t.nrr("biaya")
    with pytest.raises(UnknownNameError, match="no unsur 'x' in this tally"):
        t.nrr("x")
