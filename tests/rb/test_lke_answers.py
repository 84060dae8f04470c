"""Reading an office's LKE answers: strict, located, every error at once, messages pinned."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.rb import bundled_lke, load_lke_answers, parse_lke_answers

HEAD = "kind: lke-answers\nunit: Unit Contoh\nyear: 2025\nanswers:\n"


def report(body: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_lke_answers(HEAD + body, source="jawaban.yaml")
    return info.value.report()


def test_answers_of_every_type_are_read() -> None:
    answers = parse_lke_answers(
        HEAD
        + "  pemenuhan.manajemen_perubahan.i.a: tidak\n"
        + "  pemenuhan.manajemen_perubahan.i.b: c\n"
        + "  reform.sdm.iii.a: {tahun_sebelumnya: 4, tahun_ini: 1}\n"
        + "  hasil.bersih_akuntabel.ipak.a: 3.60\n"
        + "  hasil.pelayanan_prima.ipkp.a: ~\n"
    )
    assert answers.values == {
        "pemenuhan.manajemen_perubahan.i.a": "Tidak",
        "pemenuhan.manajemen_perubahan.i.b": "C",
        "reform.sdm.iii.a": (("tahun_ini", 1), ("tahun_sebelumnya", 4)),
        "hasil.bersih_akuntabel.ipak.a": Fraction(18, 5),
    }
    assert answers.unanswered == ("hasil.pelayanan_prima.ipkp.a",)
    assert (answers.unit, answers.year, answers.lke.key) == ("Unit Contoh", 2025, "zi-2021-2024")
    assert answers.lines["reform.sdm.iii.a"] == 7


def test_an_answer_outside_its_type_is_refused_with_the_options() -> None:
    text = report(
        "  pemenuhan.manajemen_perubahan.iii.a: E\n"
        "  pemenuhan.manajemen_perubahan.i.a: A\n"
        "  pemenuhan.manajemen_perubahan.i.b: D\n"
        "  pemenuhan.tatalaksana.i.b: F\n"
        "  hasil.bersih_akuntabel.ipak.a: 4.01\n"
    )
    assert text.splitlines() == [
        "jawaban.yaml:5:40 ($.answers.pemenuhan.manajemen_perubahan.iii.a): "
        "expected one of A, B, C, D (answer type A/B/C/D), got 'E'",
        "jawaban.yaml:6:38 ($.answers.pemenuhan.manajemen_perubahan.i.a): "
        "expected Ya or Tidak (answer type Ya/Tidak), got 'A'",
        "jawaban.yaml:7:38 ($.answers.pemenuhan.manajemen_perubahan.i.b): "
        "expected one of A, B, C (answer type A/B/C), got 'D'",
        "jawaban.yaml:8:30 ($.answers.pemenuhan.tatalaksana.i.b): "
        "expected one of A, B, C, D, E (answer type A/B/C/D/E), got 'F'",
        "jawaban.yaml:9:34 ($.answers.hasil.bersih_akuntabel.ipak.a): "
        "expected a survey value from 0 to 4 (answer type Nilai (0-4))",
    ]


def test_an_unknown_question_key_names_the_nearest_one() -> None:
    assert report("  pemenuhan.manajemen_perubahan.ix.a: A\n") == (
        "jawaban.yaml:5:3 ($.answers.pemenuhan.manajemen_perubahan.ix.a): unknown question key "
        "'pemenuhan.manajemen_perubahan.ix.a' in LKE zi-2021-2024; "
        "did you mean 'pemenuhan.manajemen_perubahan.i.a'?"
    )


def test_a_duplicate_key_names_the_first_line() -> None:
    assert report(
        "  pemenuhan.manajemen_perubahan.i.a: Ya\n  pemenuhan.manajemen_perubahan.i.a: Tidak\n"
    ) == (
        "jawaban.yaml:6:3 ($.answers.pemenuhan.manajemen_perubahan.i.a): "
        "duplicate key 'pemenuhan.manajemen_perubahan.i.a' (first at line 5)"
    )


def test_counts_are_whole_numbers_of_the_formula() -> None:
    text = report(
        "  reform.sdm.iii.a: {tahun_sebelumnya: 4.5, tahun_ini: -1}\n"
        "  reform.akuntabilitas.i.a: {sasaran: 5, tercapai: 4}\n"
        "  reform.pelayanan_publik.i.b: 9\n"
    )
    assert text.splitlines() == [
        "jawaban.yaml:5:40 ($.answers.reform.sdm.iii.a.tahun_sebelumnya): "
        "expected a whole number, got '4.5'",
        "jawaban.yaml:5:56 ($.answers.reform.sdm.iii.a.tahun_ini): "
        "expected a whole number from 0 to 10000000, got -1",
        "jawaban.yaml:6:29 ($.answers.reform.akuntabilitas.i.a): "
        "missing required field 'sasaran_tercapai'",
        "jawaban.yaml:6:42 ($.answers.reform.akuntabilitas.i.a.tercapai): "
        "unknown field 'tercapai'; expected one of: sasaran, sasaran_tercapai",
        "jawaban.yaml:7:32 ($.answers.reform.pelayanan_publik.i.b): expected the counts "
        "{terdaftar: ..., dipermudah: ...}, got '9': ppid-core computes the percentage from them",
    ]


def test_a_percentage_instead_of_counts_names_the_counts() -> None:
    assert report("  reform.manajemen_perubahan.i.a: 80%\n") == (
        "jawaban.yaml:5:35 ($.answers.reform.manajemen_perubahan.i.a): expected the counts "
        "{agen_perubahan: ..., perubahan: ...}, got '80%': "
        "ppid-core computes the percentage from them"
    )


def test_a_numerator_counted_among_its_denominator_may_not_exceed_it() -> None:
    text = report(
        "  reform.akuntabilitas.i.a: {sasaran: 5, sasaran_tercapai: 9}\n"
        "  reform.pengawasan.iii.a: {wajib_melaporkan: 3, sudah_melaporkan: 7}\n"
        "  reform.manajemen_perubahan.i.a: {agen_perubahan: 2, perubahan: 9}\n"  # may exceed
    )
    assert text.splitlines() == [
        "jawaban.yaml:5:60 ($.answers.reform.akuntabilitas.i.a.sasaran_tercapai): "
        "expected sasaran_tercapai at most sasaran (5), got 9",
        "jawaban.yaml:6:68 ($.answers.reform.pengawasan.iii.a.sudah_melaporkan): "
        "expected sudah_melaporkan at most wajib_melaporkan (3), got 7",
    ]


def test_recorded_publication_and_follow_up_are_read() -> None:
    answers = parse_lke_answers(
        "kind: lke-answers\nunit: U\nyear: 2025\nanswers:\n"
        "recorded: {skm_published: offline, skm_follow_up: {followed_up: 3, total: 4}}\n"
    )
    assert (answers.skm_published, answers.skm_follow_up) == ("offline", (3, 4))
    assert report("recorded: {skm_follow_up: {followed_up: 5, total: 4}}\n") == (
        "jawaban.yaml:5:41 ($.recorded.skm_follow_up.followed_up): "
        "expected followed_up at most total (4), got 5"
    )


def test_the_file_head_is_checked() -> None:
    with pytest.raises(DataFileError) as info:
        parse_lke_answers("kind: plan\nunit: U\nyear: 1999\nanswers: {}\n", source="j.yaml")
    assert info.value.report().splitlines() == [
        "j.yaml:1:7 ($.kind): unknown value 'plan'; expected one of: lke-answers",
        "j.yaml:3:7 ($.year): expected a whole number from 2000 to 2100, got 1999",
    ]


def test_answers_for_another_lke_are_refused() -> None:
    with pytest.raises(DataFileError) as info:
        parse_lke_answers(HEAD.replace("kind", "lke: zi-2030\nkind"), lke=bundled_lke())
    assert str(info.value.exceptions[0]).endswith(
        "these answers are for LKE 'zi-2030', but LKE 'zi-2021-2024' was given"
    )
    with pytest.raises(UnknownNameError):
        parse_lke_answers(HEAD.replace("kind", "lke: zi-2030\nkind"))


def test_the_example_file_is_fully_answered() -> None:
    from importlib import resources

    path = resources.files("ppid_core.examples.rb") / "lke-example.yaml"
    with resources.as_file(path) as file:
        answers = load_lke_answers(file)
    assert set(answers.values) == {q.key for q in answers.lke.questions}
    assert answers.unanswered == ()


def test_with_answer_sets_and_removes_one_answer() -> None:
    answers = parse_lke_answers(HEAD + "  pemenuhan.manajemen_perubahan.i.a: Ya\n")
    changed = answers.with_answer("pemenuhan.manajemen_perubahan.i.b", "A")
    assert set(changed.values) == {
        "pemenuhan.manajemen_perubahan.i.a",
        "pemenuhan.manajemen_perubahan.i.b",
    }
    assert changed.with_answer("pemenuhan.manajemen_perubahan.i.a", None).values == {
        "pemenuhan.manajemen_perubahan.i.b": "A"
    }
    with pytest.raises(UnknownNameError):
        answers.with_answer("nope", "A")
