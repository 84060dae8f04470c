"""Laws of the e-Monev prediction: bounded, monotone in each answer, band consistent."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.monev import Answer, Answers, Instrument, score_monev

from .strategies import budget

pytestmark = pytest.mark.property

INS = Instrument.bundled()


@st.composite
def monev_answers(draw: st.DrawFn) -> Answers:
    """Answers to any subset of the bundled items, with or without evidence and visitasi."""
    answers = []
    for item in INS.items:
        if draw(st.booleans()):
            value = draw(st.integers(item.minimum, item.maximum))
            evidence = draw(st.sampled_from([None, "x.pdf"]))
            answers.append(Answer(item=item.key, value=value, evidence=evidence))
    visitasi = draw(st.none() | st.fractions(0, 100))
    return Answers(instrument=INS.key, answers=tuple(answers), visitasi=visitasi)


@budget(0.5)
@given(monev_answers())
def test_total_within_0_and_100(answers: Answers) -> None:
    s = score_monev(answers)
    assert 0 <= s.low <= s.high <= 100
    assert 0 <= s.saq_low <= s.saq_high <= 100


@budget(0.5)
@given(monev_answers(), st.sampled_from([i.key for i in INS.items]))
def test_monotone_in_each_answer(answers: Answers, key: str) -> None:
    item = INS.item(key)
    better = (
        *(a for a in answers.answers if a.item != key),
        Answer(item=key, value=item.maximum, evidence="x.pdf"),
    )
    before = score_monev(answers)
    after = score_monev(Answers(instrument=INS.key, answers=better, visitasi=answers.visitasi))
    assert after.low >= before.low
    assert after.high >= before.high


@budget(0.5)
@given(monev_answers())
def test_band_consistent_with_score(answers: Answers) -> None:
    s = score_monev(answers)
    low, high = s.band_range
    assert s.low >= low.lower
    assert s.high >= high.lower
    higher = [b for b in INS.bands if b.lower > low.lower]
    assert not higher or s.low < min(b.lower for b in higher)
    if s.band is not None:
        assert INS.classify(s.low) == INS.classify(s.high) == s.band
    if s.score is not None:
        assert s.band == INS.classify(s.score)


@budget(0.5)
@given(monev_answers())
def test_a_partial_indicator_may_reach_its_weight(answers: Answers) -> None:
    # an indicator whose item list is partial is a range from what its listed items earn
    # up to its whole weight: the questions not listed may make up the rest
    for s in score_monev(answers).indicators:
        if not s.indicator.complete:
            assert s.score is None
            assert 0 <= s.low <= s.high == s.indicator.weight


@given(st.fractions(0, 100))
def test_classify_takes_the_highest_band_reached(score: Fraction) -> None:
    band = INS.classify(score)
    assert score >= band.lower
    assert all(score < b.lower for b in INS.bands if b.lower > band.lower)
