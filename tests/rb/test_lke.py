"""The LKE as data: areas, weights and answer types as Permen PANRB 90/2021 Lampiran III."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.rb import LKE_ANSWER_TYPES, bundled_lke, lke_names, load_lke

F = Fraction


def test_shipped_lkes() -> None:
    assert lke_names() == ("zi-2021-2024",)
    with pytest.raises(UnknownNameError):
        bundled_lke("zi-1999")


# source: Permen PANRB 90/2021 Lampiran II Bab I huruf A, Tabel 3 and Tabel 4.
def test_area_weights_are_those_of_tabel_3_and_4() -> None:
    lke = bundled_lke()
    assert [(a.key, a.component, a.weight) for a in lke.areas] == [
        ("manajemen_perubahan", "pengungkit", 8),
        ("tatalaksana", "pengungkit", 7),
        ("sdm", "pengungkit", 10),
        ("akuntabilitas", "pengungkit", 10),
        ("pengawasan", "pengungkit", 15),
        ("pelayanan_publik", "pengungkit", 10),
        ("bersih_akuntabel", "hasil", F(45, 2)),
        ("pelayanan_prima", "hasil", F(35, 2)),
    ]
    assert {k: w for k, (_, w, _) in lke.components.items()} == {"pengungkit": 60, "hasil": 40}


# source: Permen PANRB 90/2021 Lampiran III (sub-indicator weights of the LKE).
def test_sub_indicator_weights_of_lampiran_iii() -> None:
    lke = bundled_lke()
    weights = {s.key: s.weight for s in lke.sub_indicators}
    assert weights["pemenuhan.manajemen_perubahan.i"] == F(1, 2)
    assert weights["pemenuhan.manajemen_perubahan.iv"] == F(3, 2)
    assert weights["pemenuhan.tatalaksana.ii"] == 2
    assert weights["pemenuhan.sdm.i"] == F(1, 4)
    assert weights["pemenuhan.sdm.iii"] == F(5, 4)
    assert weights["reform.pengawasan.ii"] == 3
    assert weights["hasil.bersih_akuntabel.ipak"] == F(35, 2)
    assert weights["hasil.bersih_akuntabel.kinerja"] == 5
    assert weights["hasil.pelayanan_prima.ipkp"] == F(35, 2)
    assert len(weights) == 45
    for area in lke.areas[:6]:
        halves = Counter[str]()
        for s in area.sub_indicators:
            halves[s.aspect] += s.weight  # type: ignore[assignment]
        assert halves["pemenuhan"] == halves["reform"] == area.weight / 2


def test_questions_and_answer_types() -> None:
    lke = bundled_lke()
    types = Counter(q.type for q in lke.questions)
    # source: the reference notes (rb.md §3.2) count "about 17 Ya/Tidak, 36 A/B/C, 33 A/B/C/D,
    # 17 A/B/C/D/E, about 8 %, 2 survey" in a separate text extraction of Lampiran III.
    assert types == {
        "ya_tidak": 17,
        "abc": 36,
        "abcd": 33,
        "abcde": 17,
        "persen": 8,
        "nilai_04": 2,
    }
    assert set(types) == set(LKE_ANSWER_TYPES)
    assert len(lke.questions) == 113
    q = lke.question("reform.manajemen_perubahan.i.a")
    assert (q.formula, q.numerator, q.denominator) == ("ratio", "perubahan", "agen_perubahan")
    assert q.percent({"agen_perubahan": 4, "perubahan": 6}) == 1  # capped at 100%
    assert q.percent({"agen_perubahan": 0, "perubahan": 0}) is None
    fall = lke.question("reform.sdm.iii.a")
    assert fall.percent({"tahun_sebelumnya": 2, "tahun_ini": 5}) == 0  # never below 0
    assert lke.question("reform.pengawasan.ii.a").confidence == "unverified"


def test_conversions_are_marked_as_code_practice() -> None:
    lke = bundled_lke()
    assert lke.conversion["abcd"] == {"A": 1, "B": F(67, 100), "C": F(33, 100), "D": 0}
    assert lke.conversion["abcde"] == {"A": 1, "B": F(3, 4), "C": F(1, 2), "D": F(1, 4), "E": 0}
    assert set(lke.conversion_confidence.values()) == {"code"}


# source: Permen PANRB 90/2021 Lampiran II Bab III huruf A angka 3) to 6), Tabel 6.
def test_predicate_thresholds_of_tabel_6() -> None:
    wbk, wbbm = bundled_lke().predicates
    assert [(c.kind, c.target, c.minimum) for c in wbk.conditions] == [
        ("total", None, 75),
        ("component", "pengungkit", 40),
        ("every_area", "pengungkit", F(3, 5)),
        ("area", "bersih_akuntabel", F(73, 4)),
        ("sub_indicator", "hasil.bersih_akuntabel.ipak", F(63, 4)),
        ("sub_indicator", "hasil.bersih_akuntabel.kinerja", F(5, 2)),
        ("area", "pelayanan_prima", 14),
    ]
    assert [c.minimum for c in wbbm.conditions] == [
        85,
        48,
        F(3, 4),
        F(39, 2),
        F(63, 4),
        F(15, 4),
        F(63, 4),
    ]
    assert all(
        c.citation.startswith("Permen PANRB 90/2021 Lampiran II Bab III") for c in wbk.conditions
    )
    assert wbbm.not_scored[0] == (
        "Telah mendapatkan predikat Menuju WBK",
        "Permen PANRB 90/2021 Lampiran II Bab III huruf A, Tabel 6 (Nilai Total)",
    )
    assert {c for _, c in wbbm.not_scored[1:]} == {"Permen PANRB 5/2024 Lampiran II Bab II"}


def test_derive_rules_are_data_with_their_confidence() -> None:
    lke = bundled_lke()
    freq = lke.question("pemenuhan.pelayanan_publik.iv.a")
    assert (freq.derive, dict(freq.derive_options), freq.derive_confidence) == (
        "skm_frequency",
        {"4": "A", "3": "B", "2": "C", "1": "D", "0": "E"},
        "reg",
    )
    ipkp = lke.question("hasil.pelayanan_prima.ipkp.a")
    assert (ipkp.derive, dict(ipkp.derive_options), ipkp.derive_confidence) == (
        "survey_value",
        {},
        "setting",
    )
    assert all(q.derive_source for q in lke.questions if q.derive)


def test_a_derive_rule_with_a_wrong_option_is_located() -> None:
    from importlib import resources

    text = (resources.files("ppid_core.rb") / "data/lke/zi-2021-2024.yaml").read_text("utf-8")
    broken = text.replace('"online_offline": A, "offline": B, "none": C', '"online_offline": D')
    with pytest.raises(DataFileError) as info:
        load_lke(broken.encode())
    assert [e.message for e in info.value.exceptions] == [
        "missing required field 'offline'",
        "missing required field 'none'",
        "unknown value 'D'; expected one of: A, B, C",
    ]


def test_a_broken_lke_file_reports_every_problem(tmp_path: object) -> None:
    from importlib import resources

    text = (resources.files("ppid_core.rb") / "data/lke/zi-2021-2024.yaml").read_text("utf-8")
    broken = (
        text.replace(
            'weight: "0.50"\n        questions:\n          - {letter: a, type: ya_tidak',
            'weight: "0.75"\n        questions:\n          - {letter: a, type: ya_tidak',
            1,
        )
        .replace(
            'type: abcd\n            text: "Seluruh kegiatan',
            'type: abcdf\n            text: "Seluruh kegiatan',
        )
        .replace('"B": "0.67"', '"B": "1.5"')
    )
    with pytest.raises(DataFileError) as info:
        load_lke(broken.encode())
    messages = [e.message for e in info.value.exceptions]
    assert messages == [
        "expected values falling from 1 (the best option) to 0",
        "the sub-indicators of manajemen_perubahan add up to 8.25, expected 8",
        "pemenuhan and reform of manajemen_perubahan must weigh the same, got 4.25 and 4",
        "unknown value 'abcdf'; expected one of: abc, abcd, abcde, nilai_04, persen, ya_tidak",
    ]
