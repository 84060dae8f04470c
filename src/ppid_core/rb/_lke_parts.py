"""The parts of an LKE score: areas, sub-indicators, items, conditions, predicates, what-if.

Built by [`score_lke()`][ppid_core.rb.score_lke] and held by
[`LkeScore`][ppid_core.rb.LkeScore]; every figure is exact (``Fraction``).

References:
    Permen PANRB 90/2021 Lampiran II Bab III huruf A and Tabel 6 (thresholds), Lampiran III.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

__all__ = [
    "LkeAreaScore",
    "LkeConditionCheck",
    "LkeItemScore",
    "LkePredicateCheck",
    "LkeSubScore",
    "LkeWhatIf",
]


@attrs.frozen(kw_only=True)
class LkeAreaScore:
    """The score of one area.

    Attributes:
        key: The area key.
        name: Its name.
        component: ``"pengungkit"`` or ``"hasil"``.
        weight: Its weight (the most it can score).
        score: Its score, exact.
        estimated_from: The derived answers it rests on (empty: only the office's).
    """

    key: str
    name: str
    component: str
    weight: Fraction
    score: Fraction
    estimated_from: tuple[str, ...] = ()

    @property
    def share(self) -> Fraction:
        """Score over weight, 0 to 1 (the per-area condition of the predicates)."""
        return self.score / self.weight if self.weight else Fraction(0)


@attrs.frozen(kw_only=True)
class LkeSubScore:
    """The score of one sub-indicator.

    Attributes:
        key: The sub-indicator key.
        area: Its area key.
        name: Its name.
        weight: Its weight.
        score: Its score, exact.
        answered: How many of its questions are answered (a 0 denominator included).
        questions: How many questions it has.
        estimated_from: The derived answers it rests on.
    """

    key: str
    area: str
    name: str
    weight: Fraction
    score: Fraction
    answered: int
    questions: int
    estimated_from: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class LkeItemScore:
    """One question: the answer used, where it came from, and its points.

    Attributes:
        key: The question key.
        type: Its answer type.
        answer: The answer used, exactly, as text (``"A"``, ``"Ya"``, ``"a=1, b=2"``,
            ``"3.62"``, ``"272/75"``), or ``None`` when unanswered.
        survey_value: For a survey value (0-4), the answer used, exact.
        value: Its value, 0 to 1 (``None`` when unanswered or not computable).
        points: What it adds to its sub-indicator's score.
        origin: ``"office"`` (the answer file), ``"derived"`` (ppid-core) or
            ``"unanswered"``.
        derived: The answer ppid-core derived, if any (also when the office answer won).
        derived_from: Where the derived answer comes from.
        derived_confidence: The confidence of the derive rule (LKE data): ``"reg"`` or
            ``"setting"``.
    """

    key: str
    type: str
    answer: str | None
    value: Fraction | None
    points: Fraction
    origin: str
    survey_value: Fraction | None = None
    derived: str | None = None
    derived_from: str | None = None
    derived_confidence: str | None = None


@attrs.frozen(kw_only=True)
class LkeConditionCheck:
    """One minimum condition of a predicate, checked.

    Attributes:
        label: What is compared (in Indonesian, as the regulation words it).
        minimum: The minimum (points; a share for the per-area condition).
        value: The score compared (for the per-area condition: the lowest share).
        met: Whether the score reaches the minimum.
        citation: Where the regulation sets it.
        share: True when ``minimum`` and ``value`` are shares of a weight.
        estimated_from: The derived answers the score compared rests on.
    """

    label: str
    minimum: Fraction
    value: Fraction
    met: bool
    citation: str
    share: bool = False
    estimated_from: tuple[str, ...] = ()

    @property
    def estimated(self) -> bool:
        """True when the score rests on an answer ppid-core derived."""
        return bool(self.estimated_from)


@attrs.frozen(kw_only=True)
class LkePredicateCheck:
    """A predicate (Menuju WBK, Menuju WBBM): its scored conditions and what is not scored.

    Attributes:
        key: ``"menuju_wbk"`` or ``"menuju_wbbm"``.
        name: ``"Menuju WBK"``.
        citation: The regulation's article.
        conditions: Each scored condition, checked.
        not_scored: Requirements no LKE answer shows (the evaluator checks them), as
            ``(text, citation)`` pairs.
    """

    key: str
    name: str
    citation: str
    conditions: tuple[LkeConditionCheck, ...]
    not_scored: tuple[tuple[str, str], ...] = ()

    @property
    def met(self) -> bool:
        """True when every scored condition is met (the rest is the evaluator's)."""
        return all(c.met for c in self.conditions)


@attrs.frozen(kw_only=True)
class LkeWhatIf:
    """An unanswered or low item and the points the best answer would add to the total.

    Attributes:
        key: The question key.
        text: The question.
        answer: The answer used now (``None``: unanswered).
        gain: Points added to the total by the best answer (A, Ya, 100%, 4), exact.
    """

    key: str
    text: str
    answer: str | None
    gain: Fraction
