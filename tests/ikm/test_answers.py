"""Answer cells as forms write them: labels with a score or an option letter (issue 10)."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError
from ppid_core.ikm import Regime, parse_regime, read_survey
from ppid_core.ikm._answers import Answers

R = Regime.bundled()
A = Answers(R)
PERSYARATAN, PROSEDUR, SARANA = (R.keys.index(k) for k in ("persyaratan", "prosedur", "sarana"))
UNSUR = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]
UNSUR += ["Sarana", "Pengaduan"]


@pytest.mark.parametrize(
    ("cell", "score"),
    [
        ("3", 3),
        ("Sesuai", 3),
        ("  sangat   SESUAI ", 4),
        ("Sesuai.", 3),
        ("Sesuai (3)", 3),
        ("Sesuai(3)", 3),
        ("3 - Sesuai", 3),
        ("3 – Sesuai", 3),
        ("3. Sesuai", 3),
        ("3) Sesuai", 3),
        ("(3) Sesuai", 3),
        ("3: Sesuai", 3),
        ("a. Tidak sesuai", 1),
        ("A. Tidak sesuai", 1),
        ("b) Kurang sesuai", 2),
        ("(c) Sesuai", 3),
        ("d. Sangat sesuai (4)", 4),
        ("a. Sangat sesuai", 4),  # a form that lists the best answer first
        ("d. Tidak sesuai", 1),
        ("a.", 1),
        ("(d)", 4),
        ("c)", 3),
    ],
)
def test_decorated_answers(cell: str, score: int) -> None:
    assert A.score(PERSYARATAN, cell) == score


@pytest.mark.parametrize(
    "cell",
    ["A", "e.", "3.", "(3)", "Sesuai (2)", "b. Sangat sesuai", "Mudah", "Sesuai 3", "3.5", ""],
)
def test_what_is_not_an_answer(cell: str) -> None:
    assert A.score(PERSYARATAN, cell) is None


def test_each_unsur_has_its_own_labels() -> None:
    assert A.score(PROSEDUR, "a. Tidak mudah") == 1
    assert A.score(PERSYARATAN, "a. Tidak mudah") is None
    assert A.score(SARANA, "Sangat Baik (4)") == 4
    assert A.score(SARANA, "Baik") == 3


def _errors(rows: list[dict[str, object]]) -> list[str]:
    with pytest.raises(DataFileError) as info:
        read_survey(rows, source_name="skm.csv")
    return [str(e) for e in info.value.exceptions]


def test_a_decoration_that_contradicts_its_label_is_located_naming_both() -> None:
    row = dict.fromkeys(UNSUR, 4)
    errors = _errors(
        [
            {**row, "Persyaratan": "Sesuai (2)"},
            {**row, "Persyaratan": "b. Sangat sesuai"},
            {**row, "Persyaratan": "e. Sangat sesuai"},
            {**row, "Persyaratan": "e."},
            {**row, "Persyaratan": "Mudah (3)"},
        ]
    )
    expected = (
        "expected a score 1-4 or an answer label ('1', '2', '3', '4', 'Tidak sesuai', "
        "'Kurang sesuai', 'Sesuai', 'Sangat sesuai')"
    )
    assert errors == [
        "skm.csv: row 2, column \"Persyaratan\": 'Sesuai (2)' is not an answer: its label "
        f"'Sesuai' is score 3, but its number says 2; {expected}",
        "skm.csv: row 3, column \"Persyaratan\": 'b. Sangat sesuai' is not an answer: its "
        "label 'Sangat sesuai' is score 4, but option 'b' is score 2 (or 3 on a form that "
        f"lists the best answer first); {expected}",
        "skm.csv: row 4, column \"Persyaratan\": 'e. Sangat sesuai' is not an answer: its "
        f"label 'Sangat sesuai' is score 4, but option 'e' is not one of a-d; {expected}",
        "skm.csv: row 5, column \"Persyaratan\": 'e.' is not an answer: option 'e' is not one "
        f"of a-d; {expected}",
        f"skm.csv: row 6, column \"Persyaratan\": 'Mudah (3)' is not an answer; {expected}",
    ]


def test_a_decorated_answer_is_decoded_once_then_counted_fast() -> None:
    answers = Answers(R)
    assert answers.score(PERSYARATAN, "c. Sesuai") == 3
    assert answers.tables[PERSYARATAN]["c. Sesuai"] == 3  # the fast path finds it next time
    assert answers.score(PERSYARATAN, "x. Sesuai") is None
    assert "x. Sesuai" not in answers.tables[PERSYARATAN]


def test_google_forms_answers_of_a_whole_file() -> None:
    rows = [
        {u: f"{'abcd'[s - 1]}. {R[u].answers[s - 1]}" for u in UNSUR} for s in (1, 2, 3, 4, 4, 3)
    ]
    survey = read_survey(rows)
    assert survey.tally.totals == (17,) * 9


def test_labels_that_differ_only_by_punctuation_are_not_folded() -> None:
    regime = parse_regime(
        """\
key: dots
title: Labels that fold alike
unsur:
  - {key: a, name: A, answers: [Baik, "Baik.", Bagus, Sangat bagus]}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "65.00", upper: "100.00"}
"""
    )
    answers = Answers(regime)
    assert (answers.score(0, "Baik"), answers.score(0, "Baik.")) == (1, 2)
    assert answers.score(0, "baik!") is None  # folds to both: neither
    assert answers.score(0, "c. bagus") == 3
