"""Regimes as data: the shipped YAML files and the validation of custom ones."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, InvalidTallyError, UnknownNameError
from ppid_core.ikm import Regime, Tally, Unsur, load_regime, parse_regime, read_survey, score

CUSTOM = """\
key: custom_unit
title: Custom unit survey
unsur:
  - {key: persyaratan, name: Persyaratan, weight: "0.5"}
  - {key: kebersihan, name: Kebersihan, aliases: [Kebersihan ruang], weight: "1/4"}
  - {key: parkir, name: Parkir, weight: "1/4"}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: C, kinerja: Kurang Baik, perception: 2, lower: "65.00", upper: "76.60"}
  - {mutu: B, kinerja: Baik, perception: 3, lower: "76.61", upper: "88.30"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "88.31", upper: "100.00"}
"""


def test_shipped_regimes() -> None:
    assert Regime.bundled_names() == ("kepmenpan_25_2004", "permenpan_14_2017")


def test_permenpan_14_2017_unsur_keys_names_and_weights() -> None:
    r = Regime.bundled("permenpan_14_2017")
    assert r.keys == (
        "persyaratan",
        "prosedur",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "pengaduan",
        "sarana",
    )
    assert all(u.weight == Fraction(1, 9) for u in r.unsur)
    assert r["Sarana dan Prasarana"].question_number == 8
    assert r["Penanganan Pengaduan"].question_number == 9
    assert r["biaya"].answers == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert [(b.mutu, b.kinerja, b.lower, b.upper) for b in r.bands] == [
        ("D", "Tidak Baik", Decimal("25.00"), Decimal("64.99")),
        ("C", "Kurang Baik", Decimal("65.00"), Decimal("76.60")),
        ("B", "Baik", Decimal("76.61"), Decimal("88.30")),
        ("A", "Sangat Baik", Decimal("88.31"), Decimal("100.00")),
    ]


def test_kepmenpan_25_2004_has_14_unsur_and_equal_width_bands() -> None:
    r = Regime.bundled("kepmenpan_25_2004")
    assert len(r.unsur) == 14
    assert {u.weight for u in r.unsur} == {Fraction(1, 14)}
    assert [b.upper for b in r.bands] == [Decimal(x) for x in ("43.75", "62.50", "81.25", "100.00")]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sarpras", "sarana"),
        ("  waktu ", "waktu"),
        ("BIAYA/TARIF", "biaya"),
        ("Prosedur.", "prosedur"),
    ],
)
def test_lookup_by_alias(name: str, key: str) -> None:
    assert Regime.bundled()[name].key == key


def test_unknown_unsur() -> None:
    with pytest.raises(UnknownNameError, match="no unsur 'Parkir' in regime permenpan_14_2017"):
        Regime.bundled()["Parkir"]


def test_unknown_regime() -> None:
    with pytest.raises(UnknownNameError) as info:
        Regime.bundled("permenpan_16_2014")
    assert str(info.value) == (
        "unknown regime 'permenpan_16_2014'; bundled: kepmenpan_25_2004, permenpan_14_2017"
    )


def test_a_bundled_regime_is_read_once() -> None:
    assert Regime.bundled() is Regime.bundled("permenpan_14_2017")


def test_custom_regime_from_file(tmp_path: Path) -> None:
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    r = load_regime(path)
    assert r.keys == ("persyaratan", "kebersihan", "parkir")
    assert [u.weight for u in r.unsur] == [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]


def _errors(text: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_regime(text, source="c.yaml")
    return [str(e) for e in info.value.exceptions]


def test_weights_must_sum_to_exactly_one() -> None:
    text = CUSTOM.replace('weight: "0.5"', 'weight: "0.49"')
    assert _errors(text) == [
        "c.yaml:4:3 ($.unsur): the weights must sum to exactly 1, got 99/100 (= 0.990000)"
    ]


def test_all_problems_are_reported_together() -> None:
    text = (
        CUSTOM.replace('weight: "1/4"}', "weight: lots}", 1)
        .replace('lower: "65.00"', 'lower: "65.10"')
        .replace("key: parkir", "key: Parkir")
    )
    assert _errors(text) == [
        "c.yaml:5:78 ($.unsur[1].weight): expected a weight in (0, 1] like 1/9 or 0.2, got 'lots'",
        "c.yaml:6:11 ($.unsur[2].key): expected a snake_case key, got 'Parkir'",
        "c.yaml:9:59 ($.bands[1].lower): bands must be contiguous on the 0.01 grid: "
        "expected lower 65.00, got 65.10",
    ]


def test_weights_all_or_none_and_alias_collisions() -> None:
    text = CUSTOM.replace(', weight: "1/4"}', "}", 1).replace(
        "aliases: [Kebersihan ruang]", "aliases: [Persyaratan]"
    )
    assert _errors(text) == [
        "c.yaml:4:3 ($.unsur): give a weight to every unsur or to none",
        "c.yaml:5:5 ($.unsur[1]): header 'Persyaratan' already names unsur 'persyaratan'",
    ]


def test_duplicate_unsur_key_is_located() -> None:
    text = CUSTOM.replace("key: parkir, name: Parkir", "key: kebersihan, name: Parkir")
    assert _errors(text) == [
        "c.yaml:6:11 ($.unsur[2].key): duplicate unsur key 'kebersihan' (first at "
        "$.unsur[1]); every unsur needs its own key"
    ]


def test_programmatic_regime_refuses_duplicate_keys() -> None:
    u = Unsur(key="a", name="A", weight=Fraction(1, 2))
    with pytest.raises(DataFileError) as info:
        Regime(key="x", title="x", unsur=(u, u), bands=Regime.bundled().bands)
    assert info.value.report() == (
        "<regime x> ($.unsur[1].key): duplicate unsur key 'a' (first at $.unsur[0]); "
        "every unsur needs its own key"
    )


def test_kepmenpan_last_band_is_marked_inferred() -> None:
    notes = Regime.bundled("kepmenpan_25_2004").notes
    assert "The last band (81.26-100.00, A) is inferred" in notes


def test_last_band_must_reach_the_top() -> None:
    text = CUSTOM.replace('upper: "100.00"', 'upper: "99.99"')
    assert _errors(text) == ["c.yaml:8:3 ($.bands): the last band must end at 100, got 99.99"]


def test_programmatic_regime_checks_weights() -> None:
    r = Regime.bundled()
    with pytest.raises(DataFileError) as info:
        Regime(
            key="x",
            title="x",
            unsur=(Unsur(key="a", name="A", weight=Fraction(1, 2)),),
            bands=r.bands,
        )
    assert info.value.report() == (
        "<regime x> ($.unsur): the weights of the unsur must sum to exactly 1, got 1/2"
    )


@pytest.mark.parametrize(
    ("value", "mutu"),
    [
        ("25", "D"),
        ("64.99", "D"),
        ("64.994", "D"),
        ("64.995", "C"),
        ("76.60", "C"),
        ("76.605", "B"),
        ("88.30", "B"),
        ("88.305", "A"),
        ("100", "A"),
    ],
)
def test_classify_rounds_half_up_first(value: str, mutu: str) -> None:
    assert Regime.bundled().classify(Fraction(value)).mutu == mutu


def test_classify_outside_the_table() -> None:
    with pytest.raises(InvalidTallyError) as info:
        Regime.bundled().classify(Fraction("24.99"))
    assert str(info.value) == (
        "converted value 24.99 is outside the interval table of permenpan_14_2017"
    )


def test_bands_must_be_contiguous_and_ordered() -> None:
    gap = CUSTOM.replace('lower: "76.61"', 'lower: "76.70"')
    assert _errors(gap) == [
        "c.yaml:10:52 ($.bands[2].lower): bands must be contiguous on the 0.01 grid: "
        "expected lower 76.61, got 76.70"
    ]
    inverted = CUSTOM.replace('upper: "100.00"', 'upper: "88.00"')
    assert _errors(inverted) == [
        "c.yaml:8:3 ($.bands): the last band must end at 100, got 88.00",
        "c.yaml:11:75 ($.bands[3].upper): upper 88.00 is below lower 88.31",
    ]


LABELS = """\
key: coded
title: Answers coded as digits
unsur:
  - {key: a, name: A, answers: ["4", "3", "2", "1"]}
  - {key: b, name: B, answers: [Buruk, Cukup, Baik, Baik]}
  - {key: c, name: C, answers: ["1", "2", "3", "4"]}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "65.00", upper: "100.00"}
"""


def test_an_answer_label_that_reads_as_another_score_is_refused() -> None:
    # A cell "4" would be score 4 as digits and score 1 as a label: the old readers scored
    # it 4 on the fast path and 1 row by row. Labels are labels, so such a regime is
    # refused where the label is written; a label equal to its own score (unsur c) is fine.
    assert _errors(LABELS) == [
        "c.yaml:4:33 ($.unsur[0].answers[0]): answer label '4' (score 1) reads as score 4; "
        "a label that is a number must be its own score",
        "c.yaml:4:38 ($.unsur[0].answers[1]): answer label '3' (score 2) reads as score 3; "
        "a label that is a number must be its own score",
        "c.yaml:4:43 ($.unsur[0].answers[2]): answer label '2' (score 3) reads as score 2; "
        "a label that is a number must be its own score",
        "c.yaml:4:48 ($.unsur[0].answers[3]): answer label '1' (score 4) reads as score 1; "
        "a label that is a number must be its own score",
        "c.yaml:5:53 ($.unsur[1].answers[3]): answer label 'Baik' (score 4) is also the label "
        "of score 3 ('Baik'); each answer needs its own label",
    ]


def test_a_programmatic_regime_refuses_such_labels_too() -> None:
    unsur = (
        Unsur(key="a", name="A", answers=(" 4", "x", "y", "z"), weight=Fraction(1, 2)),
        Unsur(key="b", name="B", answers=("p", "q", "r", "P"), weight=Fraction(1, 2)),
    )
    with pytest.raises(DataFileError) as info:
        Regime(key="x", title="x", unsur=unsur, bands=Regime.bundled().bands)
    assert info.value.report() == (
        "<regime x> ($.unsur[0].answers[0]): answer label ' 4' (score 1) reads as score 4; "
        "a label that is a number must be its own score\n"
        "<regime x> ($.unsur[1].answers[3]): answer label 'P' (score 4) is also the label of "
        "score 1 ('p'); each answer needs its own label"
    )


def test_digit_labels_of_their_own_scores_read_the_same_on_both_paths() -> None:
    text = LABELS.replace('["4", "3", "2", "1"]', "[w, x, y, z]").replace(
        "Baik, Baik]", "Baik, Sangat Baik]"
    )
    r = parse_regime(text)
    rows = [{"A": "z", "B": "Sangat baik", "C": "4"}, {"A": "1", "B": "2", "C": "3"}]
    # the first row alone takes the digit fast path for C, the second the label path for A
    assert read_survey(rows, regime=r).tally.totals == (5, 6, 7)


def test_a_band_bound_of_29_digits_is_located() -> None:
    # decimal.InvalidOperation (quantize past 28 digits) used to escape as a traceback; the
    # strict loader now refuses such numbers before the regime sees them.
    text = CUSTOM.replace('upper: "100.00"', 'upper: "10000000000000000000000000000"')
    assert _errors(text) == [
        "c.yaml:11:75 ($.bands[3].upper): expected a decimal number of at most 20 digits, "
        "got 29 digits",
    ]
    low = CUSTOM.replace('lower: "88.31"', f'lower: "-{"9" * 5000}.5"')
    assert _errors(low) == [
        "c.yaml:11:59 ($.bands[3].lower): expected a decimal number of at most 20 digits, "
        "got 5001 digits",
    ]
    within = CUSTOM.replace('upper: "100.00"', 'upper: "1000.00"')
    assert _errors(within) == [
        "c.yaml:11:75 ($.bands[3].upper): upper 1000.00 is outside the converted scale 25-100",
    ]


def test_scale_and_conversion_are_bounded() -> None:
    text = CUSTOM.replace("unsur:\n", "scale_maximum: 1000000000\nconversion: 0\nunsur:\n", 1)
    assert _errors(text) == [
        "c.yaml:3:16 ($.scale_maximum): expected a whole number from 1 to 99, got 1000000000",
        "c.yaml:4:13 ($.conversion): expected a whole number from 1 to 1000, got 0",
    ]
    upside_down = CUSTOM.replace("unsur:\n", "scale_minimum: 4\nscale_maximum: 2\nunsur:\n", 1)
    assert _errors(upside_down) == [
        "c.yaml:4:16 ($.scale_maximum): the answer scale must run upwards: scale_minimum 4, "
        "scale_maximum 2"
    ]


def test_a_weight_of_thousands_of_digits_is_located() -> None:
    text = CUSTOM.replace('weight: "1/4"}', f'weight: "1/{"4" * 5000}"}}', 1)
    assert _errors(text) == [
        f"c.yaml:5:78 ($.unsur[1].weight): expected a weight in (0, 1] like 1/9 or 0.2, "
        f"got '1/{'4' * 98}...'",
    ]


def test_a_value_off_the_table_is_an_invalid_tally_in_score() -> None:
    t = Tally.from_totals(Regime.bundled(), [100] * 9, respondents=100)
    assert score(t).mutu == "D"


def test_a_programmatic_regime_checks_its_scale_and_conversion() -> None:
    u = Unsur(key="a", name="A", weight=Fraction(1))
    with pytest.raises(DataFileError) as info:
        Regime(
            key="x",
            title="x",
            unsur=(u,),
            scale_minimum=4,
            scale_maximum=1,
            conversion=10**6,
            bands=Regime.bundled().bands,
        )
    assert info.value.report() == (
        "<regime x> ($.conversion): the conversion factor must be 1-1000, got 1000000\n"
        "<regime x> ($.scale_maximum): the answer scale must run upwards within 0-99, got 4-1"
    )


def test_load_regime_reads_a_file_in_every_form(tmp_path: Path) -> None:
    path = tmp_path / "unit.yaml"
    path.write_bytes(_bundled_bytes())
    expected = Regime.bundled()
    assert load_regime(path) == expected
    assert load_regime(str(path)) == expected
    assert load_regime(path.read_bytes()) == expected
    with path.open("rb") as fh:
        assert load_regime(fh) == expected


def _bundled_bytes() -> bytes:
    return (resources.files("ppid_core.ikm") / "data/regimes/permenpan_14_2017.yaml").read_bytes()
