"""Scoring: exact NRR, weighted index, conversion, grades, and the legacy policy."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ppid_core.errors import InvalidTallyError
from ppid_core.ikm import Regime, ScoringPolicy, Tally, parse_regime, score

R = Regime.bundled()
SEED = [549, 555, 523, 600, 503, 553, 553, 537, 523]  # regime order: pengaduan, then sarana


def _seed() -> Tally:
    return Tally.from_totals(R, SEED, respondents=150)


def test_exact_seed_values() -> None:
    res = score(_seed(), R)
    assert res.index == Fraction(4896, 1350)
    assert res.ikm == Fraction(272, 3)
    assert res["waktu"].nrr == Fraction(523, 150)
    assert res["waktu"].converted == Fraction(523, 6)
    assert res["Produk"].mutu == "B"
    assert res.scope == "unit (pooled respondents)"
    assert res.policy.compliant


def test_default_regime_is_14_2017() -> None:
    assert score(_seed()).regime.key == "permenpan_14_2017"


def test_legacy_weight_0_11_is_one_percent_low_and_marked() -> None:
    res = score(_seed(), R, policy=ScoringPolicy.legacy_spreadsheet(weight="0.11"))
    assert res.ikm == Fraction(272, 3) * Fraction(99, 100)
    assert res.ikm_display == Decimal("89.76")
    assert not res.policy.compliant
    assert res.policy.describe() == "legacy spreadsheet (NOT compliant): weight 0.11"


def test_legacy_rounded_intermediates() -> None:
    policy = ScoringPolicy.legacy_spreadsheet(weight="1/9", nrr_places=2, index_places=2)
    res = score(_seed(), R, policy=policy)
    assert res["waktu"].nrr == Fraction("3.49")
    assert res.index == Fraction("3.63")
    assert res.ikm_display == Decimal("90.75")  # the error the seed's own figures avoid
    assert policy.describe() == (
        "legacy spreadsheet (NOT compliant): weight 0.111111, NRR rounded to 2 dp, "
        "index rounded to 2 dp"
    )


def test_legacy_below_the_table_is_refused_not_clamped() -> None:
    t = Tally.from_totals(R, [100] * 9, respondents=100)
    with pytest.raises(InvalidTallyError) as info:
        score(t, R, policy=ScoringPolicy.legacy_spreadsheet(weight="0.11"))
    assert str(info.value) == (
        "unit (pooled respondents), IKM: converted value 24.75 is outside the interval table "
        "of permenpan_14_2017 (25.00-100.00) under legacy spreadsheet (NOT compliant): "
        "weight 0.11; it cannot be classified"
    )


def test_legacy_above_the_table_is_refused() -> None:
    # 0.112 x 9 = 1.008 is within the tolerance, but all 4s give 100.80.
    t = Tally.from_totals(R, [400] * 9, respondents=100)
    with pytest.raises(InvalidTallyError, match=r"IKM: converted value 100\.80 is outside"):
        score(t, R, policy=ScoringPolicy.legacy_spreadsheet(weight="0.112"))


def test_bad_legacy_weight() -> None:
    with pytest.raises(InvalidTallyError) as info:
        ScoringPolicy.legacy_spreadsheet(weight="abc")
    assert str(info.value) == "expected a weight like '0.111' or '1/9', got 'abc'"
    with pytest.raises(InvalidTallyError) as info:
        ScoringPolicy.legacy_spreadsheet(weight="0")
    assert str(info.value) == (
        "a legacy weight is a rounded 1/k (0.11 or 0.111 for 9 unsur, 0.071 for 14), "
        "so it lies strictly between 0 and 1; got '0'"
    )
    with pytest.raises(InvalidTallyError, match=r"strictly between 0 and 1; got '1\.5'$"):
        ScoringPolicy(weight="1.5")


def test_a_weight_of_thousands_of_digits_is_refused_not_a_traceback() -> None:
    # int() refuses more than 4,300 digits with a plain ValueError; the text is cut first.
    with pytest.raises(InvalidTallyError) as info:
        ScoringPolicy.legacy_spreadsheet(weight="1/" + "9" * 5000)
    assert str(info.value) == (f"expected a weight like '0.111' or '1/9', got '1/{'9' * 98}...'")
    with pytest.raises(InvalidTallyError):
        ScoringPolicy.legacy_spreadsheet(weight=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("weight", ["0.5", "0.1", "0.125", "0.071"])
def test_legacy_weight_must_fit_the_regime(weight: str) -> None:
    policy = ScoringPolicy.legacy_spreadsheet(weight=weight)
    with pytest.raises(InvalidTallyError, match=f"^legacy weight {weight} x 9 unsur = ") as info:
        score(_seed(), R, policy=policy)
    assert str(info.value).endswith(
        "not within 0.01 of 1; a legacy weight is a rounded 1/9 for regime permenpan_14_2017 "
        "(e.g. 0.11 or 0.111)"
    )


def test_known_legacy_weights_fit_their_regimes() -> None:
    for weight in ("0.11", "0.111", "1/9"):
        ScoringPolicy.legacy_spreadsheet(weight=weight).check(R)
    old = Regime.bundled("kepmenpan_25_2004")
    ScoringPolicy.legacy_spreadsheet(weight="0.071").check(old)
    with pytest.raises(InvalidTallyError, match="rounded 1/14 for regime kepmenpan_25_2004 "):
        ScoringPolicy.legacy_spreadsheet(weight="0.11").check(old)


def test_legacy_places_are_checked() -> None:
    with pytest.raises(
        InvalidTallyError, match=r"^nrr_places must be a whole number 0-10, got -1$"
    ):
        ScoringPolicy.legacy_spreadsheet(nrr_places=-1)
    with pytest.raises(
        InvalidTallyError, match=r"^index_places must be a whole number 0-10, got True$"
    ):
        ScoringPolicy(index_places=True)
    with pytest.raises(
        InvalidTallyError, match=r"^nrr_places must be a whole number 0-10, got 2\.0$"
    ):
        ScoringPolicy(nrr_places=2.0)  # type: ignore[arg-type]
    only_rounding = ScoringPolicy.legacy_spreadsheet(weight=None, nrr_places=2)
    assert only_rounding.describe() == "legacy spreadsheet (NOT compliant): NRR rounded to 2 dp"


def test_regime_mismatch_and_unanswered() -> None:
    with pytest.raises(InvalidTallyError, match="are not those of regime kepmenpan_25_2004"):
        score(_seed(), Regime.bundled("kepmenpan_25_2004"))
    t = Tally(keys=R.keys, totals=[0] + [4] * 8, answered=[0] + [1] * 8, respondents=1)
    with pytest.raises(InvalidTallyError) as info:
        score(t, R, scope="Layanan = A")
    assert str(info.value) == (
        "Layanan = A: unsur 'persyaratan' has no answers; its NRR is undefined"
    )


def test_custom_weights_are_used() -> None:
    text = """\
key: two
title: Two unsur
unsur:
  - {key: a, name: A, weight: "3/4"}
  - {key: b, name: B, weight: "1/4"}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "65.00", upper: "100.00"}
"""
    r = parse_regime(text)
    res = score(Tally.from_totals(r, [4, 2], respondents=1), r)
    assert res.index == Fraction(7, 2)
    assert res.ikm == Fraction(175, 2)


def test_str() -> None:
    assert str(score(_seed(), R)) == "IKM 90.67 (A, Sangat Baik); 150 responden"


def test_a_bad_population_is_refused_when_scoring_not_when_rendering() -> None:
    with pytest.raises(InvalidTallyError) as info:
        score(_seed(), R, population=0)
    assert str(info.value) == "population must be a whole number >= 1, got 0"
