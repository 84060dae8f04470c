"""Scoring the LKE: aggregation settings, derived answers, predicates, the what-if list."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from ppid_core.errors import InvalidArgumentError, UnknownNameError
from ppid_core.examples.rb import load_kpu_ntt_2022_monitoring
from ppid_core.rb import (
    LKE_AGGREGATIONS,
    LkeAnswers,
    LkeEvidence,
    RowState,
    derive_lke_answers,
    load_lke,
    parse_lke_answers,
    plan_status,
    score_lke,
)

F = Fraction
HEAD = "kind: lke-answers\nunit: Unit Contoh\nyear: 2025\nanswers:\n"


def answers(body: str = "", year: int = 2025) -> LkeAnswers:
    return parse_lke_answers(HEAD.replace("2025", str(year)) + body)


def test_mean_counts_unanswered_questions_as_zero() -> None:
    a = answers(
        "  pemenuhan.manajemen_perubahan.ii.a: Ya\n  pemenuhan.manajemen_perubahan.ii.b: B\n"
    )
    result = score_lke(a)
    (sub,) = [s for s in result.sub_indicators if s.key == "pemenuhan.manajemen_perubahan.ii"]
    assert sub.score == F(1) * (1 + F(1, 2) + 0) / 3
    assert (sub.answered, sub.questions) == (2, 3)
    assert result.total == F(1, 2)


def test_answered_mean_leaves_unanswered_questions_out() -> None:
    a = answers(
        "  pemenuhan.manajemen_perubahan.ii.a: Ya\n  pemenuhan.manajemen_perubahan.ii.b: B\n"
    )
    result = score_lke(a, aggregation="answered-mean")
    assert result.total == F(1) * (1 + F(1, 2)) / 2
    assert result.aggregation == "answered-mean"
    assert result.notes[0].startswith("aggregation=answered-mean: ")


def test_unknown_settings_and_another_lke_are_refused() -> None:
    a = answers()
    with pytest.raises(
        UnknownNameError, match="unknown aggregation 'median'; use one of mean, answered-mean"
    ):
        score_lke(a, aggregation="median")
    with pytest.raises(
        UnknownNameError, match="unknown survey_value 'x'; use one of ikm-index, none"
    ):
        score_lke(a, survey_value="x")
    from importlib import resources

    text = (resources.files("ppid_core.rb") / "data/lke/zi-2021-2024.yaml").read_text("utf-8")
    other = load_lke(text.replace("key: zi-2021-2024", "key: zi-lain").encode())
    with pytest.raises(
        InvalidArgumentError, match="read against LKE 'zi-2021-2024', not 'zi-lain'"
    ):
        score_lke(a, lke=other)


def test_a_zero_denominator_scores_zero_with_a_note() -> None:
    a = answers("  reform.sdm.iii.a: {tahun_sebelumnya: 0, tahun_ini: 0}\n")
    result = score_lke(a)
    assert result.total == 0
    assert (
        "reform.sdm.iii.a: the denominator is 0; the LKE gives no rule, so it counts as "
        "answered and scores 0 (under every aggregation)" in result.notes
    )
    (item,) = [i for i in result.items if i.key == "reform.sdm.iii.a"]
    assert (item.origin, item.answer, item.value) == (
        "office",
        "tahun_ini=0, tahun_sebelumnya=0",
        None,
    )


def test_derived_answers_fill_gaps_and_office_answers_win() -> None:
    evidence = LkeEvidence(
        skm_quarters=("2024-T4", "2025-T1", "2025-T2", "2025-T4"),
        skm_source="skm.csv",
        skm_published="offline",
        skm_follow_up=(3, 5),
        skm_index=F(7, 2),
    )
    a = answers("  pemenuhan.pelayanan_publik.iv.b: A\n")
    result = score_lke(a, derived=evidence)
    items = {i.key: i for i in result.items}
    freq = items["pemenuhan.pelayanan_publik.iv.a"]
    assert (freq.answer, freq.origin) == ("B", "derived")  # 3 triwulan of 2025
    assert (
        freq.derived_from
        == "skm.csv: SKM respondents in 3 triwulan of 2025 (2025-T1, 2025-T2, 2025-T4)"
    )
    assert freq.derived_confidence == "reg"
    published = items["pemenuhan.pelayanan_publik.iv.b"]
    assert (published.answer, published.origin, published.derived) == ("A", "office", "B")
    follow = items["pemenuhan.pelayanan_publik.iv.c"]
    assert (follow.answer, follow.derived_from) == ("B", "recorded: 3 of 5 SKM follow-ups done")
    ipkp = items["hasil.pelayanan_prima.ipkp.a"]
    assert (ipkp.answer, ipkp.points) == ("3.5", F(35, 2) * F(7, 2) / 4)
    assert ipkp.derived_from is not None
    assert "an estimate, not the TPN survey" in ipkp.derived_from
    assert score_lke(a, derived=evidence, survey_value="none").items[-1].origin == "unanswered"
    table = result.derived_table()
    assert [r[0] for r in table.rows] == [
        "pemenuhan.pelayanan_publik.iv.a",
        "pemenuhan.pelayanan_publik.iv.b",
        "pemenuhan.pelayanan_publik.iv.c",
        "hasil.pelayanan_prima.ipkp.a",
    ]
    assert table.rows[1][3] == "the unit's answer used (A)"
    assert table.rows[3][1] == "3.5"
    wbbm = {c.label: c for c in result.predicates[1].conditions}
    assert wbbm["Nilai Pelayanan Publik yang Prima"].estimated_from == (
        "hasil.pelayanan_prima.ipkp.a",
    )
    assert not wbbm["Nilai Birokrasi yang Bersih dan Akuntabel"].estimated
    assert result.estimated_from == (
        "pemenuhan.pelayanan_publik.iv.a",
        "pemenuhan.pelayanan_publik.iv.c",
        "hasil.pelayanan_prima.ipkp.a",
    )
    row = "| Menuju WBBM | Nilai Pelayanan Publik yang Prima | 15.75 | 15.31 | no (estimasi) |"
    assert row in result.to_markdown()


def test_a_zero_denominator_is_answered_and_scores_zero_under_both_aggregations() -> None:
    a = answers(
        "  reform.manajemen_perubahan.i.a: {agen_perubahan: 0, perubahan: 0}\n"
        "  reform.manajemen_perubahan.i.b: {perubahan: 4, terintegrasi: 4}\n"
    )
    for aggregation in LKE_AGGREGATIONS:
        result = score_lke(a, aggregation=aggregation)
        (sub,) = [s for s in result.sub_indicators if s.key == "reform.manajemen_perubahan.i"]
        assert (sub.score, sub.answered) == (F(1), 2), aggregation


def test_a_score_just_under_a_threshold_shows_the_decimals_that_tell() -> None:
    from ppid_core.rb._lke_result import _against

    assert str(_against(F(74995, 1000), F(75))) == "74.995"
    assert str(_against(F(75), F(75))) == "75.00"
    assert str(_against(F(7, 3), F(1, 2))) == "2.33"


def test_a_question_written_null_is_not_filled_by_derivation() -> None:
    a = answers("  pemenuhan.pelayanan_publik.iv.b: ~\n")
    result = score_lke(a, derived=LkeEvidence(skm_published="none"))
    (item,) = [i for i in result.items if i.key == "pemenuhan.pelayanan_publik.iv.b"]
    assert (item.origin, item.derived) == ("unanswered", "C")
    assert list(result.derived_table().rows) == [
        (
            "pemenuhan.pelayanan_publik.iv.b",
            "C",
            "recorded: SKM results published none",
            "not used: marked unanswered (~)",
        )
    ]


def test_recorded_evidence_in_the_answers_file_is_used_and_flags_win() -> None:
    a = answers("recorded: {skm_published: offline, skm_follow_up: {followed_up: 1, total: 4}}\n")
    items = {i.key: i for i in score_lke(a).items}
    assert items["pemenuhan.pelayanan_publik.iv.b"].answer == "B"
    assert items["pemenuhan.pelayanan_publik.iv.c"].answer == "C"
    flagged = score_lke(a, derived=LkeEvidence(skm_published="online_offline"))
    assert {i.key: i for i in flagged.items}["pemenuhan.pelayanan_publik.iv.b"].answer == "A"


@pytest.mark.parametrize(
    ("quarters", "option"),
    [
        ((), "E"),
        (("2025-T3",), "D"),
        (("2025-T1", "2025-T1", "2025-T2"), "C"),
        (("2025-T1", "2025-T2", "2025-T3", "2025-T4"), "A"),
    ],
)
def test_skm_frequency_counts_triwulan(quarters: tuple[str, ...], option: str) -> None:
    a = answers()
    found = derive_lke_answers(a.lke, LkeEvidence(skm_quarters=quarters), year=2025)
    assert found["pemenuhan.pelayanan_publik.iv.a"].value == option


def test_kegiatan_sesuai_rencana_from_rb_monitoring() -> None:
    plan, records = load_kpu_ntt_2022_monitoring()
    status = plan_status(plan, records, year=2022, month=6)
    counted = [r for r in status.rows if r.state not in (RowState.UNSCHEDULED, RowState.UPCOMING)]
    done = [r for r in counted if r.state in (RowState.COMPLETE, RowState.ON_TRACK)]
    expected = (
        "A"
        if len(done) == len(counted)
        else "B"
        if 2 * len(done) > len(counted)
        else "C"
        if done
        else "D"
    )
    a = answers(year=2022)
    result = score_lke(a, derived=LkeEvidence(plan_status=status))
    (item,) = [i for i in result.items if i.key == "pemenuhan.manajemen_perubahan.iii.a"]
    assert (item.answer, item.origin) == (expected, "derived")
    assert item.derived_from == (
        f"RB monitoring {plan.unit} up to 2022-06: "
        f"{len(done)} of {len(counted)} sub kegiatan ran to plan"
    )


def test_evidence_values_are_checked() -> None:
    with pytest.raises(
        InvalidArgumentError, match="skm_published must be one of online_offline, offline, none"
    ):
        LkeEvidence(skm_published="website")
    with pytest.raises(InvalidArgumentError, match="skm_follow_up must be"):
        LkeEvidence(skm_follow_up=(5, 3))
    with pytest.raises(InvalidArgumentError, match="skm_index must be from 0 to 4"):
        LkeEvidence(skm_index=F(9, 2))


def test_what_if_orders_by_points_added() -> None:
    a = answers("  hasil.pelayanan_prima.ipkp.a: 3\n  pemenuhan.manajemen_perubahan.i.b: B\n")
    result = score_lke(a)
    top = result.what_if[:3]
    assert [(w.key, w.answer, w.gain) for w in top] == [
        ("hasil.bersih_akuntabel.ipak.a", None, F(35, 2)),
        ("hasil.bersih_akuntabel.kinerja.b", None, F(5)),
        ("hasil.pelayanan_prima.ipkp.a", "3", F(35, 2) / 4),
    ]
    (low,) = [w for w in result.what_if if w.key == "pemenuhan.manajemen_perubahan.i.b"]
    assert low.gain == F(1, 2) / 2 * F(1, 2)
    assert len(result.what_if) == 113  # every question is unanswered or below its best
    assert result.what_if_table().rows[0][:3] == (
        "hasil.bersih_akuntabel.ipak.a",
        "not answered",
        result.what_if_table().rows[0][2],
    )


def test_result_protocol() -> None:
    result = score_lke(answers("  hasil.pelayanan_prima.ipkp.a: 3.2\n"))
    data = result.to_dict()
    assert json.loads(result.to_json()) == json.loads(json.dumps(data))
    assert (data["total"], data["hasil"], data["pengungkit"]) == (14.0, 14.0, 0.0)
    assert [p["met"] for p in data["predicates"]] == [False, False]
    (ipkp,) = [
        c
        for c in data["predicates"][0]["conditions"]
        if c["label"] == "Nilai Pelayanan Publik yang Prima"
    ]
    assert ipkp == {
        "label": "Nilai Pelayanan Publik yang Prima",
        "minimum": 14,
        "value": 14.0,
        "met": True,
        "estimated": False,
        "citation": "Permen PANRB 90/2021 Lampiran II Bab III huruf A angka 6) "
        "(survei minimal 3,20); Tabel 6",
    }
    assert repr(result) == "<LkeScore Unit Contoh 2025: total 14.00 (no predicate threshold met)>"
    assert result.to_markdown().startswith("# LKE Zona Integritas Unit Contoh 2025: score 14.00\n")
    assert [t.title for t in result.tables()] == [
        "LKE score zi-2021-2024: Unit Contoh 2025",
        "Predicate conditions (Permen PANRB 90/2021 Lampiran II Tabel 6)",
        "What if: points gained with the best answer",
    ]  # nothing derived: no "Answers derived by ppid-core" table
