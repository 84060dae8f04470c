"""Tallies: validation, from published totals, and exact merging."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import InvalidTallyError, UnknownNameError
from ppid_core.ikm import Regime, Tally

R = Regime.bundled()


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


def test_merge_refuses_other_unsur() -> None:
    other = Tally.empty(Regime.bundled("kepmenpan_25_2004"))
    with pytest.raises(InvalidTallyError, match="cannot merge tallies of different unsur"):
        Tally.empty(R) + other
    with pytest.raises(InvalidTallyError, match="cannot merge tallies of different unsur"):
        Tally.merge([other], regime=R)


def test_merging_nothing_gives_the_neutral_tally() -> None:
    a = Tally.from_totals(R, [4] * 9, respondents=1)
    assert Tally.merge([]) == Tally.neutral()
    assert Tally.merge([], regime=R) == Tally.empty(R)
    assert Tally.neutral() + a == a + Tally.neutral() == a
    assert sum([a, a]) == a + a
    assert sum([], Tally.neutral()) == Tally.neutral()
    assert 0 + a == a + 0 == a


def test_the_neutral_tally_counts_nobody() -> None:
    with pytest.raises(InvalidTallyError) as info:
        Tally(keys=(), totals=(), answered=(), respondents=1)
    assert str(info.value) == (
        "a tally without unsur is the neutral tally: nobody can be counted in it"
    )


def test_nrr_of_an_unanswered_unsur() -> None:
    t = Tally.empty(R)
    with pytest.raises(InvalidTallyError, match="unsur 'biaya' has no answers"):
        t.nrr("biaya")
    with pytest.raises(UnknownNameError, match="no unsur 'x' in this tally"):
        t.nrr("x")


def test_from_totals_refuses_what_is_not_a_whole_number() -> None:
    # 4.9 used to become 4 (int() cuts): a published total is a sum of whole scores.
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, [4.9] + [4] * 8, respondents=1)  # type: ignore[arg-type]
    assert str(info.value) == "totals: unsur 'persyaratan' must be a whole number, got 4.9"
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, {**{u.key: 4 for u in R.unsur}, "biaya": "4"}, respondents=1)  # type: ignore[dict-item]
    assert str(info.value) == "totals: unsur 'biaya' must be a whole number, got '4'"
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, [4] * 9, respondents=1, answered=[1] * 8 + [True])
    assert str(info.value) == "answered: unsur 'sarana' must be a whole number, got True"
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, [4] * 9, respondents=1.5)  # type: ignore[arg-type]
    assert str(info.value) == "respondents must be a whole number, got 1.5"


def test_whole_numbers_in_other_types_are_taken() -> None:
    from decimal import Decimal

    whole = Tally.from_totals(R, [4] * 9, respondents=1)
    assert Tally.from_totals(R, [4.0] * 9, respondents=1.0) == whole  # type: ignore[list-item, arg-type]
    assert Tally.from_totals(R, [Decimal("4.00")] * 9, respondents=Fraction(2, 2)) == whole  # type: ignore[list-item, arg-type]


def test_the_constructor_refuses_fractions_of_a_count() -> None:
    with pytest.raises(InvalidTallyError) as info:
        Tally(keys=["a"], totals=[7.5], answered=[2], respondents=2)  # type: ignore[list-item]
    assert str(info.value) == "a tally's totals and answers must be a whole number, got 7.5"
    with pytest.raises(InvalidTallyError) as info:
        Tally(keys=["a"], totals=[8], answered=[2], respondents=2, dropped=0.5)  # type: ignore[arg-type]
    assert str(info.value) == "respondents and dropped must be a whole number, got 0.5"


def test_an_unsur_given_twice_by_different_names_is_refused() -> None:
    totals = {**{u.key: 4 for u in R.unsur}, "Biaya/Tarif": 3}
    with pytest.raises(InvalidTallyError) as info:
        Tally.from_totals(R, totals, respondents=1)
    assert str(info.value) == "totals: unsur 'biaya' is given twice ('biaya' and 'Biaya/Tarif')"
