"""Golden e-Monev predictions worked out by hand from the instrument's weights.

source: weights jenis informasi 40, digitalisasi 20, kualitas informasi, pelayanan
informasi, komitmen organisasi and sarana-prasarana 10 each; SAQ 80, visitasi 20; bands
Informatif 90-100 ... Tidak Informatif < 40 (KI Pusat, May 2025, as reported by
kaltimprov.go.id [secondary]; bands: several reports 2021-2025 [secondary]).
"""

from __future__ import annotations

from fractions import Fraction

from ppid_core.monev import Answer, Answers, Instrument, parse_instrument, score_monev

KNOWN = "confidence: unknown, source: s"
ALL = (
    "dip_mutakhir",
    "laporan_layanan_informasi",
    "formulir_permohonan",
    "formulir_keberatan",
    "register_permohonan",
    "jadwal_pelayanan",
)


def test_bundled_fully_answered_by_hand() -> None:
    answers = Answers(
        instrument="ki-pusat-2025",
        visitasi=Fraction(85),
        answers=tuple(Answer(item=k, value=1, evidence=f"{k}.pdf") for k in ALL),
    )
    s = score_monev(answers)
    # Listed items all met: jenis informasi 40 and sarana-prasarana 10 in full = 50 SAQ
    # points at least; every item list is partial (complete: false), so each indicator,
    # listed items or not, may reach its whole weight: 100 at most.
    assert (s.saq_low, s.saq_high) == (Fraction(50), Fraction(100))
    # final = 0.8 x SAQ + 0.2 x 85 = 40 + 17 .. 80 + 17
    assert (s.low, s.high) == (Fraction(57), Fraction(97))
    assert [b.name for b in s.band_range] == ["Kurang Informatif", "Informatif"]
    assert s.missing == ()


def test_partial_indicator_by_hand() -> None:
    # review 12 item 1. Only the DIP item is met: Jenis Informasi (weight 40, 2 listed
    # items of a partial list, equal shares) earns at least 40 x 1/2 = 20 and at most 40;
    # the other indicators 0 to their weight. SAQ 20 to 100.
    answers = Answers(
        instrument="ki-pusat-2025",
        visitasi=Fraction(85),
        answers=(Answer(item="dip_mutakhir", value=1, evidence="dip.pdf"),),
    )
    s = score_monev(answers)
    assert (s.indicators[0].low, s.indicators[0].high) == (Fraction(20), Fraction(40))
    assert s.indicators[0].score is None
    assert (s.saq_low, s.saq_high) == (Fraction(20), Fraction(100))
    # final = 0.8 x 20 + 0.2 x 85 = 16 + 17 = 33 .. 0.8 x 100 + 17 = 97
    assert (s.low, s.high) == (Fraction(33), Fraction(97))
    assert [b.name for b in s.band_range] == ["Tidak Informatif", "Informatif"]


def test_complete_instrument_by_hand() -> None:
    # source: the bundled weights and split; a complete two-item-per-indicator tree with
    # equal shares, written for this test (not the commission's items).
    ins = Instrument.bundled()
    lines = [
        "key: hand",
        "title: Hand",
        "split: {saq: 80, visitasi: 20, confidence: secondary, source: s}",
        "aggregation: {rule: equal, confidence: unknown, note: n}",
        "bands:",
        "  confidence: secondary",
        "  source: s",
        "  rule: r",
        "  levels:",
        *[f"    - {{name: {b.name}, lower: {b.lower}}}" for b in ins.bands],
        "indicators:",
    ]
    for ind in ins.indicators:
        lines += [
            f"  - {{key: {ind.key}, name: {ind.name}, weight: {ind.weight}, "
            "confidence: secondary, source: s, complete: true, items: [",
            f"      {{key: {ind.key}_1, text: a, answer: yes_no, {KNOWN}}},",
            f"      {{key: {ind.key}_2, text: b, answer: yes_no, {KNOWN}}}]}}",
        ]
    hand = parse_instrument("\n".join(lines) + "\n", source="hand.yaml")
    met = [
        "jenis_informasi_1",
        "jenis_informasi_2",
        "digitalisasi_1",
        "kualitas_informasi_1",
        "pelayanan_informasi_1",
        "pelayanan_informasi_2",
        "komitmen_organisasi_1",
        "sarana_prasarana_1",
        "sarana_prasarana_2",
    ]
    answers = Answers(
        instrument="hand",
        visitasi=Fraction(90),
        answers=(
            *(Answer(item=k, value=1, evidence="x.pdf") for k in met),
            Answer(item="digitalisasi_2", value=0, evidence="x.pdf"),
            Answer(item="kualitas_informasi_2", value=1, evidence=None),
            Answer(item="komitmen_organisasi_2", value=0, evidence=None),
        ),
    )
    s = score_monev(answers, instrument=hand)
    # SAQ = 40 x 1 + 20 x 1/2 + 10 x 1/2 + 10 x 1 + 10 x 1/2 + 10 x 1 = 80
    assert s.saq_low == 80
    assert s.saq_high == 80
    # final = 0.8 x 80 + 0.2 x 90 = 64 + 18 = 82: Menuju Informatif
    assert s.score == 82
    assert s.band is not None
    assert s.band.name == "Menuju Informatif"
    assert [i.score for i in s.indicators] == [100, 50, 50, 100, 50, 100]
    # items without evidence, by the points they would add (0.8 x 10 x 1/2 = 4 each)
    assert [(m.item.key, m.points) for m in s.missing] == [
        ("kualitas_informasi_2", Fraction(4)),
        ("komitmen_organisasi_2", Fraction(4)),
    ]
    assert s.to_dict()["score"] == 82.0
