"""Laws of LKE scoring (Hypothesis): bounded by the weights, monotone in every answer.

- the total never exceeds 100 (its maximum), and each area, component and sub-indicator
  stays within 0 and its weight, under every aggregation setting;
- a better answer to one question (an earlier option, a larger ratio, a higher survey
  value, or an answer where there was none under ``mean``) never lowers any score;
- the what-if gain of an item is exactly what answering it best adds to the total.

The strategies of answers are LKE-specific and live here (they could move to
``strategies.py`` when a second module needs them).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.rb import (
    LKE_AGGREGATIONS,
    LkeAnswers,
    LkeAnswerValue,
    LkeQuestion,
    LkeScore,
    bundled_lke,
    score_lke,
)
from tests.property.strategies import budget

pytestmark = pytest.mark.property

LKE = bundled_lke()
QUESTIONS = LKE.questions


def _value(q: LkeQuestion) -> st.SearchStrategy[LkeAnswerValue]:
    if q.options:
        return st.sampled_from(q.options)
    if q.type == "persen":
        return st.tuples(st.integers(0, 50), st.integers(0, 50)).map(
            lambda nd: tuple(sorted({q.numerator or "": nd[0], q.denominator or "": nd[1]}.items()))
        )
    return st.fractions(0, 4, max_denominator=100)


@st.composite
def answer_sets(draw: st.DrawFn, *, complete: bool = False) -> dict[str, LkeAnswerValue]:
    chosen = QUESTIONS if complete else draw(st.lists(st.sampled_from(QUESTIONS), unique=True))
    return {q.key: draw(_value(q)) for q in chosen}


def _score(values: dict[str, LkeAnswerValue], aggregation: str) -> LkeScore:
    answers = LkeAnswers(lke=LKE, unit="Unit", year=2025, values=values)
    return score_lke(answers, aggregation=aggregation)


def _better(q: LkeQuestion, value: LkeAnswerValue, data: st.DataObject) -> LkeAnswerValue:
    draw = data.draw
    if q.options:
        assert isinstance(value, str)
        return q.options[draw(st.integers(0, q.options.index(value)))]
    if q.type == "persen":
        assert isinstance(value, tuple)
        counts = dict(value)
        num, den = counts[q.numerator or ""], counts[q.denominator or ""]
        if q.formula == "decrease":  # fewer violations this year is better
            counts[q.numerator or ""] = draw(st.integers(0, num))
        elif den:  # a larger numerator over the same denominator is better
            counts[q.numerator or ""] = draw(st.integers(num, num + 50))
        return tuple(sorted(counts.items()))
    assert isinstance(value, Fraction)
    return draw(st.fractions(value, 4, max_denominator=100))


def _scores(result: LkeScore) -> dict[str, Fraction]:
    out = {f"area:{a.key}": a.score for a in result.areas}
    out.update({f"sub:{s.key}": s.score for s in result.sub_indicators})
    out.update({f"component:{k}": v for k, v in result.components.items()})
    out["total"] = result.total
    return out


@budget(0.25)
@given(values=answer_sets(), aggregation=st.sampled_from(sorted(LKE_AGGREGATIONS)))
def test_total_never_exceeds_its_maximum(
    values: dict[str, LkeAnswerValue], aggregation: str
) -> None:
    result = _score(values, aggregation)
    assert 0 <= result.total <= 100
    for area in result.areas:
        assert 0 <= area.score <= area.weight
    for sub in result.sub_indicators:
        assert 0 <= sub.score <= sub.weight
    assert result.pengungkit <= 60
    assert result.hasil <= 40


@budget(0.25)
@given(data=st.data(), aggregation=st.sampled_from(sorted(LKE_AGGREGATIONS)))
def test_a_better_answer_never_lowers_any_score(data: st.DataObject, aggregation: str) -> None:
    values = data.draw(answer_sets(complete=True))
    q = data.draw(st.sampled_from(QUESTIONS))
    better = _better(q, values[q.key], data)
    before = _scores(_score(values, aggregation))
    after = _scores(_score({**values, q.key: better}, aggregation))
    assert all(after[k] >= before[k] for k in before)


@budget(0.25)
@given(values=answer_sets(), data=st.data())
def test_answering_a_question_never_lowers_any_score_under_mean(
    values: dict[str, LkeAnswerValue], data: st.DataObject
) -> None:
    missing = [q for q in QUESTIONS if q.key not in values]
    if not missing:
        return
    q = data.draw(st.sampled_from(missing))
    before = _scores(_score(values, "mean"))
    after = _scores(_score({**values, q.key: data.draw(_value(q))}, "mean"))
    assert all(after[k] >= before[k] for k in before)


@budget(0.15)
@given(values=answer_sets(), aggregation=st.sampled_from(sorted(LKE_AGGREGATIONS)))
def test_what_if_gain_is_what_the_best_answer_adds(
    values: dict[str, LkeAnswerValue], aggregation: str
) -> None:
    result = _score(values, aggregation)
    for w in result.what_if[:3]:
        q = LKE.question(w.key)
        best: LkeAnswerValue
        if q.options:
            best = q.options[0]
        elif q.type == "persen":
            best = tuple(
                sorted(
                    {
                        q.numerator or "": 0 if q.formula == "decrease" else 1,
                        q.denominator or "": 1,
                    }.items()
                )
            )
        else:
            best = Fraction(4)
        assert _score({**values, q.key: best}, aggregation).total - result.total == w.gain
