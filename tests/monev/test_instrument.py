"""The bundled instrument and strict reading of instrument files (exact messages)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.monev import Band, Indicator, Instrument, load_instrument, parse_instrument

GOOD = """\
key: mine
title: Test
split: {saq: 80, visitasi: 20, confidence: secondary, source: s}
aggregation: {rule: points, confidence: primary, note: n}
bands:
  confidence: secondary
  source: s
  rule: r
  levels:
    - {name: Informatif, lower: 90}
    - {name: Tidak Informatif, lower: 0}
indicators:
  - key: a
    name: A
    weight: 60
    confidence: secondary
    source: s
    complete: true
    items:
      - {key: a1, text: T1, answer: yes_no, points: 3, confidence: secondary, source: s}
      - {key: a2, text: T2, answer: scale, minimum: 0, maximum: 4, points: 1,
         confidence: secondary, source: s}
  - key: b
    name: B
    weight: 40
    confidence: secondary
    source: s
    items: []
"""


def test_bundled_weights_split_and_bands() -> None:
    ins = Instrument.bundled()
    assert Instrument.bundled_names() == ("ki-pusat-2025",)
    assert {i.key: i.weight for i in ins.indicators} == {
        "jenis_informasi": 40,
        "digitalisasi": 20,
        "kualitas_informasi": 10,
        "pelayanan_informasi": 10,
        "komitmen_organisasi": 10,
        "sarana_prasarana": 10,
    }
    assert (ins.saq_share, ins.visitasi_share) == (Fraction(80), Fraction(20))
    assert [(b.name, b.lower) for b in ins.bands] == [
        ("Informatif", Fraction(90)),
        ("Menuju Informatif", Fraction(80)),
        ("Cukup Informatif", Fraction(60)),
        ("Kurang Informatif", Fraction(40)),
        ("Tidak Informatif", Fraction(0)),
    ]
    assert ins.aggregation == "equal"
    assert ins.aggregation_confidence == "unknown"
    assert ins.split_confidence == ins.bands_confidence == "secondary"
    assert all(i.confidence == "secondary" for i in ins.indicators)
    assert all(i.confidence == "secondary" and i.source for i in ins.items)
    assert not any(i.complete for i in ins.indicators)  # the item tree is partial
    assert all(i.points is None for i in ins.items)  # never invented


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (Fraction(100), "Informatif"),
        (Fraction(90), "Informatif"),
        (Fraction(8995, 100), "Menuju Informatif"),  # the gap 89.9-90: below 90
        (Fraction(89999, 1000), "Menuju Informatif"),
        (Fraction(80), "Menuju Informatif"),
        (Fraction(7999, 100), "Cukup Informatif"),
        (Fraction(60), "Cukup Informatif"),
        (Fraction(5995, 100), "Kurang Informatif"),
        (Fraction(40), "Kurang Informatif"),
        (Fraction(3999, 100), "Tidak Informatif"),
        (Fraction(0), "Tidak Informatif"),
    ],
)
def test_band_edges(score: Fraction, band: str) -> None:
    assert Instrument.bundled().classify(score).name == band


def test_unknown_bundled_name() -> None:
    with pytest.raises(
        UnknownNameError, match="unknown e-Monev instrument 'x'; bundled: ki-pusat-2025"
    ):
        Instrument.bundled("x")


def test_points_and_shares_of_a_file() -> None:
    ins = parse_instrument(GOOD, source="mine.yaml")
    a1, a2 = ins.item("a1"), ins.item("a2")
    assert ins.share(a1) == Fraction(3, 4)
    assert ins.points(a1) == Fraction(80, 100) * 60 * Fraction(3, 4)
    assert a2.credit(3) == Fraction(3, 4)
    assert ins.indicator("a").complete
    with pytest.raises(UnknownNameError, match="unknown item 'zz' in instrument mine"):
        ins.item("zz")


def test_load_from_bytes() -> None:
    assert load_instrument(GOOD.encode(), source="m.yaml").key == "mine"


def _errors(text: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_instrument(text, source="i.yaml")
    return [str(e) for e in info.value.exceptions]


def test_bad_file_every_error_located() -> None:
    bad = (
        GOOD.replace("saq: 80", "saq: 70")
        .replace("rule: points", "rule: sum")
        .replace("weight: 40", "weight: 140")
        .replace("answer: yes_no, points: 3", "answer: maybe, points: 3")
        .replace("lower: 0}", "lower: 95}")
    )
    assert _errors(bad) == [
        "i.yaml:3:8 ($.split): saq and visitasi must sum to 100, got 90",
        "i.yaml:4:21 ($.aggregation.rule): unknown value 'sum'; expected one of: equal, points",
        "i.yaml:11:39 ($.bands.levels[1].lower): expected a lower bound below 90 "
        "(bands go highest first)",
        "i.yaml:20:37 ($.indicators[0].items[0].answer): unknown value 'maybe'; "
        "expected one of: scale, yes_no",
        "i.yaml:25:13 ($.indicators[1].weight): expected a percentage from 0 to 100, got 140",
    ]


def test_weights_must_sum_to_100() -> None:
    assert _errors(GOOD.replace("weight: 40", "weight: 39.5")) == [
        "i.yaml:13:3 ($.indicators): the weights must sum to 100, got 99.5"
    ]


def test_points_rule_needs_points_and_equal_refuses_them() -> None:
    assert _errors(GOOD.replace("points: 1,", "")) == [
        "i.yaml:21:9 ($.indicators[0].items[1]): "
        "aggregation rule 'points' needs the points of every item"
    ]
    assert _errors(GOOD.replace("points: 1,", "").replace("rule: points", "rule: equal")) == [
        "i.yaml:20:53 ($.indicators[0].items[0].points): points are given but the "
        "aggregation rule is 'equal'; use rule 'points'"
    ]


def test_duplicate_item_and_derive_on_scale() -> None:
    text = GOOD.replace("key: a2", "key: a1").replace(
        "maximum: 4, points: 1,", "maximum: 4, points: 1, derive: dip,"
    )
    assert _errors(text) == [
        "i.yaml:21:9 ($.indicators[0].items[1]): duplicate item key 'a1' (first at line 20)",
        "i.yaml:21:87 ($.indicators[0].items[1].derive): only a yes_no item can be derived",
    ]


def test_code_built_instrument_is_checked() -> None:
    with pytest.raises(
        InvalidArgumentError,
        match="the indicator weights must sum to exactly 100; bands must be highest first",
    ):
        Instrument(
            key="x",
            title="x",
            indicators=(Indicator(key="a", name="A", weight=Fraction(50)),),
            bands=(Band(name="B", lower=Fraction(10)),),
        )
