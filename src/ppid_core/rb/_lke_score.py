"""Scoring a Zona Integritas LKE: exact arithmetic from answers to the total and predicates.

A question's value is 0 to 1: a choice answer through the LKE's conversion table, a
percentage from its counts, a survey value divided by 4. A sub-indicator's score is its
weight times an average of its questions' values; **how** the official spreadsheet averages
inside a sub-indicator is not in the regulation text reached, so it is an explicit setting,
``aggregation`` (``LKE_AGGREGATIONS``):

- ``"mean"`` (default): every question weighs the sub-indicator's weight divided by its
  number of questions; an unanswered question counts 0 (as the most complete open-source
  implementation, S11, does; it matches the LKE's layout, a weight per sub-indicator and a
  value per question);
- ``"answered-mean"``: the mean of the answered questions only (as a spreadsheet
  ``AVERAGE`` over blank cells would); a sub-indicator with no answer scores 0.

A percentage with a 0 denominator has no rule in the LKE: it is an answered question that
scores 0, under either setting. A score that rests on an answer ppid-core derived (rather
than the office's) is marked estimated (``estimated_from`` lists the questions; the report
says "(estimasi)").

An area scores the sum of its sub-indicators, a component the sum of its areas, and the
total is pengungkit + hasil (at most 100). Each predicate condition of the regulation is
checked and cited. Figures stay ``Fraction``; reports show them half-up to 2 decimals.

    >>> from ppid_core.rb import parse_lke_answers
    >>> answers = parse_lke_answers('''
    ... kind: lke-answers
    ... unit: Unit Contoh
    ... year: 2025
    ... answers:
    ...   pemenuhan.manajemen_perubahan.i.a: Ya
    ...   pemenuhan.manajemen_perubahan.i.b: B
    ...   hasil.pelayanan_prima.ipkp.a: 3.2
    ... ''')
    >>> result = score_lke(answers)
    >>> str(result.total)  # 0.50 x (1 + 1/2) / 2 + 17.50 x 3.2 / 4 = 14.375
    '115/8'
    >>> result.what_if[0].key, str(result.what_if[0].gain)
    ('hasil.bersih_akuntabel.ipak.a', '35/2')

References:
    Permen PANRB 90/2021 Lampiran II Bab I huruf A (Tabel 3, Tabel 4), Bab III huruf A and
    Tabel 6, Lampiran III.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from ppid_core._i18n import N_
from ppid_core.errors import InvalidArgumentError, UnknownNameError
from ppid_core.rb._lke import Lke, LkeCondition, LkePredicate, LkeQuestion, LkeSubIndicator
from ppid_core.rb._lke_answers import LkeAnswers, LkeAnswerValue
from ppid_core.rb._lke_evidence import Derived, LkeEvidence, derive_lke_answers
from ppid_core.rb._lke_parts import (
    LkeAreaScore,
    LkeConditionCheck,
    LkeItemScore,
    LkePredicateCheck,
    LkeSubScore,
    LkeWhatIf,
)
from ppid_core.rb._lke_result import LkeScore

__all__ = ["DEFAULT_LKE_AGGREGATION", "LKE_AGGREGATIONS", "lke_answer_value", "score_lke"]

#: The aggregation settings inside a sub-indicator, with what each does.
LKE_AGGREGATIONS: Mapping[str, str] = {
    "mean": N_(
        "each question weighs the sub-indicator weight / its number of questions; "
        "unanswered counts 0 (S11; unverified against the official spreadsheet)"
    ),
    "answered-mean": N_(
        "mean of the answered questions times the weight; unanswered ones left out "
        "(unverified against the official spreadsheet)"
    ),
}
DEFAULT_LKE_AGGREGATION = "mean"
_ONE = Fraction(1)


def lke_answer_value(lke: Lke, question: LkeQuestion, answer: LkeAnswerValue) -> Fraction | None:
    """The value (0 to 1) of an answer; ``None`` for a percentage with a 0 denominator.

    >>> from ppid_core.rb import bundled_lke
    >>> lke = bundled_lke()
    >>> lke_answer_value(lke, lke.question("pemenuhan.manajemen_perubahan.iii.a"), "B")
    Fraction(67, 100)
    """
    if question.options:
        return lke.conversion[question.type][str(answer)]
    if question.type == "persen":
        counts = dict(answer) if isinstance(answer, tuple) else {}
        return question.percent(counts)
    return answer / 4 if isinstance(answer, Fraction) else None


def _exact(answer: LkeAnswerValue) -> str:
    """An answer as text, exactly: ``"A"``, ``"a=1, b=2"``, ``"3.55"``, ``"272/75"``."""
    if isinstance(answer, tuple):
        return ", ".join(f"{k}={v}" for k, v in answer)
    if isinstance(answer, Fraction):
        den = answer.denominator
        for p in (2, 5):
            while den % p == 0:
                den //= p
        if den != 1:
            return str(answer)
        from decimal import Decimal  # noqa: PLC0415 - only for display of survey values

        return str(Decimal(answer.numerator) / Decimal(answer.denominator))
    return answer


def _sub_score(
    sub: LkeSubIndicator, values: Mapping[str, Fraction | None], aggregation: str
) -> tuple[Fraction, Fraction]:
    """(score, weight per answered question) of a sub-indicator."""
    got = [values.get(q.key) for q in sub.questions]
    answered = [v for v in got if v is not None]
    if aggregation == "mean":
        each = sub.weight / len(sub.questions) if sub.questions else Fraction(0)
        return each * sum(answered, Fraction(0)), each
    if not answered:
        return Fraction(0), Fraction(0)
    each = sub.weight / len(answered)
    return each * sum(answered, Fraction(0)), each


def score_lke(
    answers: LkeAnswers,
    *,
    lke: Lke | None = None,
    aggregation: str = DEFAULT_LKE_AGGREGATION,
    derived: LkeEvidence | None = None,
    survey_value: str = "ikm-index",
) -> LkeScore:
    """Score an office's LKE answers, filling in what ppid-core can derive.

    Args:
        answers: The office's answers ([`load_lke_answers`][ppid_core.rb.load_lke_answers]).
        lke: The LKE (default: the one the answers were read against).
        aggregation: How a sub-indicator averages its questions, a key of
            ``LKE_AGGREGATIONS``.
        derived: What the office records (SKM, RB monitoring); its answers fill the
            questions the office left unanswered, labelled with their source.
        survey_value: How a survey file becomes a 0-4 value
            (``LKE_SURVEY_VALUES``).

    Returns:
        The score: per area, pengungkit, hasil, total, the predicates and the what-if list.

    Raises:
        UnknownNameError: An unknown ``aggregation`` or ``survey_value``.
        InvalidArgumentError: ``lke`` is not the LKE the answers were read against.
    """
    lke = lke or answers.lke
    if lke.key != answers.lke.key:
        msg = f"the answers were read against LKE {answers.lke.key!r}, not {lke.key!r}"
        raise InvalidArgumentError(msg)
    if aggregation not in LKE_AGGREGATIONS:
        msg = f"unknown aggregation {aggregation!r}; use one of {', '.join(LKE_AGGREGATIONS)}"
        raise UnknownNameError(msg)
    evidence = derived or LkeEvidence()
    if evidence.skm_published is None and answers.skm_published is not None:
        evidence = attrs.evolve(evidence, skm_published=answers.skm_published)
    if evidence.skm_follow_up is None and answers.skm_follow_up is not None:
        evidence = attrs.evolve(evidence, skm_follow_up=answers.skm_follow_up)
    found = derive_lke_answers(lke, evidence, year=answers.year, survey_value=survey_value)
    notes = [
        f"aggregation={aggregation}: {LKE_AGGREGATIONS[aggregation]}",
        "values of options B-E follow the open-source implementations (CODE, S11/S12); "
        "the regulation text shows only A/Ya = 1",
    ]
    used: dict[str, LkeAnswerValue] = {}
    values: dict[str, Fraction | None] = {}
    for q in lke.questions:
        answer = answers.values.get(q.key)
        if answer is None and q.key in found and q.key not in answers.unanswered:
            answer = found[q.key].value
        if answer is not None:
            used[q.key] = answer
            values[q.key] = lke_answer_value(lke, q, answer)
            if values[q.key] is None:
                notes.append(
                    f"{q.key}: the denominator is 0; the LKE gives no rule, so it counts as "
                    "answered and scores 0 (under every aggregation)"
                )
    # what is scored: an answer whose value cannot be computed is answered and worth 0
    scored = {k: v or Fraction(0) for k, v in values.items()}
    estimated = {k for k in used if k not in answers.values}
    subs, each = _subs(lke, scored, aggregation, estimated)
    items = tuple(_item(q, used, values, found, each, answers) for q in lke.questions)
    areas = tuple(
        LkeAreaScore(
            key=a.key,
            name=a.name,
            component=a.component,
            weight=a.weight,
            score=sum((s.score for s in subs if s.area == a.key), Fraction(0)),
            estimated_from=tuple(k for s in subs if s.area == a.key for k in s.estimated_from),
        )
        for a in lke.areas
    )
    if estimated:
        notes.append(
            "(estimasi): a score resting on an answer ppid-core derived, not the office's: "
            + ", ".join(sorted(estimated))
        )
    components = {
        c: sum((a.score for a in areas if a.component == c), Fraction(0)) for c in lke.components
    }
    total = sum(components.values(), Fraction(0))
    checks = tuple(_predicate(p, areas, subs, components, total) for p in lke.predicates)
    return LkeScore(
        lke=lke.key,
        unit=answers.unit,
        year=answers.year,
        aggregation=aggregation,
        survey_value=survey_value,
        areas=areas,
        sub_indicators=subs,
        items=items,
        components=components,
        total=total,
        predicates=checks,
        what_if=_what_if(lke, scored, used, subs, aggregation),
        notes=tuple(notes),
    )


def _subs(
    lke: Lke, values: Mapping[str, Fraction | None], aggregation: str, estimated: set[str]
) -> tuple[tuple[LkeSubScore, ...], dict[str, Fraction]]:
    subs, each = [], {}
    for area in lke.areas:
        for s in area.sub_indicators:
            score, weight = _sub_score(s, values, aggregation)
            each[s.key] = weight
            answered = sum(values.get(q.key) is not None for q in s.questions)
            subs.append(
                LkeSubScore(
                    key=s.key,
                    area=area.key,
                    name=s.name,
                    weight=s.weight,
                    score=score,
                    answered=answered,
                    questions=len(s.questions),
                    estimated_from=tuple(q.key for q in s.questions if q.key in estimated),
                )
            )
    return tuple(subs), each


def _item(  # noqa: PLR0917 - a private helper of score_lke, called once
    q: LkeQuestion,
    used: Mapping[str, LkeAnswerValue],
    values: Mapping[str, Fraction | None],
    found: Mapping[str, Derived],
    each: Mapping[str, Fraction],
    answers: LkeAnswers,
) -> LkeItemScore:
    sub = q.key.rsplit(".", 1)[0]
    value = values.get(q.key)
    origin = "unanswered"
    if q.key in answers.values:
        origin = "office"
    elif q.key in used:
        origin = "derived"
    d = found.get(q.key)
    answer = used.get(q.key)
    return LkeItemScore(
        key=q.key,
        type=q.type,
        answer=_exact(answer) if answer is not None else None,
        survey_value=answer if isinstance(answer, Fraction) else None,
        value=value,
        points=each.get(sub, Fraction(0)) * (value or 0),
        origin=origin,
        derived=None if d is None else _exact(d.value),
        derived_from=None if d is None else d.label,
        derived_confidence=None if d is None else q.derive_confidence,
    )


def _what_if(
    lke: Lke,
    values: Mapping[str, Fraction | None],
    used: Mapping[str, LkeAnswerValue],
    subs: tuple[LkeSubScore, ...],
    aggregation: str,
) -> tuple[LkeWhatIf, ...]:
    now = {s.key: s.score for s in subs}
    out = []
    for area in lke.areas:
        for s in area.sub_indicators:
            for q in s.questions:
                if values.get(q.key) == _ONE:
                    continue
                better, _ = _sub_score(s, {**values, q.key: _ONE}, aggregation)
                gain = better - now[s.key]
                if gain > 0:
                    answer = _exact(used[q.key]) if q.key in used else None
                    out.append(LkeWhatIf(key=q.key, text=q.text, answer=answer, gain=gain))
    order = {q.key: i for i, q in enumerate(lke.questions)}
    return tuple(sorted(out, key=lambda w: (-w.gain, order[w.key])))


def _predicate(
    p: LkePredicate,
    areas: tuple[LkeAreaScore, ...],
    subs: tuple[LkeSubScore, ...],
    components: Mapping[str, Fraction],
    total: Fraction,
) -> LkePredicateCheck:
    return LkePredicateCheck(
        key=p.key,
        name=p.name,
        citation=p.citation,
        conditions=tuple(_condition(c, areas, subs, components, total) for c in p.conditions),
        not_scored=p.not_scored,
    )


def _condition(
    c: LkeCondition,
    areas: tuple[LkeAreaScore, ...],
    subs: tuple[LkeSubScore, ...],
    components: Mapping[str, Fraction],
    total: Fraction,
) -> LkeConditionCheck:
    share = False
    under: tuple[LkeAreaScore | LkeSubScore, ...]
    if c.kind == "total":
        label, value, under = "Nilai total (pengungkit + hasil)", total, areas
    elif c.kind in {"component", "every_area"}:
        under = tuple(a for a in areas if a.component == c.target)
        label, value = f"Nilai {c.target}", components[c.target or ""]
        if c.kind == "every_area":
            low = min((a for a in areas if a.component == c.target), key=lambda a: a.share)
            label, value, share = (
                f"Nilai per area {c.target} (terendah: {low.name})",
                low.share,
                True,
            )
    elif c.kind == "area":
        under = tuple(a for a in areas if a.key == c.target)
        label, value = f"Nilai {under[0].name}", under[0].score
    else:
        sub = next(s for s in subs if s.key == c.target)
        label, value, under = f"Nilai {sub.name}", sub.score, (sub,)
    return LkeConditionCheck(
        label=label,
        minimum=c.minimum,
        value=value,
        met=value >= c.minimum,
        citation=c.citation,
        share=share,
        estimated_from=tuple(k for part in under for k in part.estimated_from),
    )
