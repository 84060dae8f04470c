"""Predicting the e-Monev score from the office's answers and what ppid-core knows.

The arithmetic is exact (`fractions.Fraction`); rounding (half-up, 2 decimals) is for
display only, and the band is decided on the exact score.

- an item earns ``points x credit``, where ``points`` is its worth in the final score
  (``saq_share / 100 x indicator weight x its share of the indicator``) and ``credit`` its
  answer's share (``ya`` 1, ``tidak`` 0, a scale ``(value - minimum) / (maximum -
  minimum)``); an item without evidence earns nothing; the ``share`` is the instrument's
  `aggregation` setting (``equal``: every listed item alike), not a rule of the Komisi
  Informasi unless the instrument file says so;
- an indicator whose item list is complete scores the sum over its items of
  ``share x credit x 100``; one whose list is partial (``complete: false``) is unknown:
  what its listed items earn is the least it adds, its whole weight the most (the
  questions not listed may make up the rest), and an indicator without a listed item adds
  from 0 to its whole weight;
- the final score is ``(saq_share x SAQ + visitasi_share x visitasi) / 100``, the visitasi
  being the office's estimate or, without one, anything from 0 to 100.

What the score notes (`MonevScore.notes`, ``notes`` in JSON): a derived fact that
contradicts the office's answer (the office's answer is used), a fact no item of the
instrument asks for (``derived_unused``), and evidence that is not a PDF (the SAQ takes
one PDF per item, Perki 1/2022 procedure [secondary]).

References:
    Perki 1/2022 (e-Monev); weights, split and bands as reported for 2025 [secondary].
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from ppid_core.errors import InvalidArgumentError
from ppid_core.monev._answers import Answer, Answers
from ppid_core.monev._derived import Fact, merge_facts
from ppid_core.monev._instrument import Instrument
from ppid_core.monev._instrument_parts import HUNDRED, Item
from ppid_core.monev._score import IndicatorScore, ItemScore, MonevScore

__all__ = ["score_monev"]

_ZERO = Fraction(0)


def _check(answers: Answers, instrument: Instrument) -> None:
    problems = []
    if answers.instrument != instrument.key:
        problems.append(
            f"the answers are for instrument {answers.instrument!r}, not {instrument.key!r}"
        )
    seen: set[str] = set()
    for answer in answers.answers:
        if answer.item in seen:
            problems.append(f"item {answer.item!r} is answered twice")
        seen.add(answer.item)
        if not instrument.has_item(answer.item):
            problems.append(f"unknown item {answer.item!r}")
            continue
        item = instrument.item(answer.item)
        if not item.minimum <= answer.value <= item.maximum:
            problems.append(
                f"item {answer.item!r}: expected {item.minimum} to {item.maximum}, "
                f"got {answer.value}"
            )
    if answers.visitasi is not None and not 0 <= answers.visitasi <= HUNDRED:
        problems.append(f"visitasi must be from 0 to 100, got {answers.visitasi}")
    if problems:
        raise InvalidArgumentError("; ".join(problems))


def _item(item: Item, answer: Answer | None, fact: Fact | None, points: Fraction) -> ItemScore:
    derived = fact.provenance if fact is not None else None
    derived_value = None if fact is None else (item.maximum if fact.holds else item.minimum)
    upload = None
    if answer is not None:
        value: int | None = answer.value
        evidence, origin = answer.evidence, "kantor"
    elif fact is not None:
        value, origin = derived_value, "turunan"
        upload = fact.upload if fact.holds else None
        evidence = None if upload is None else f"PDF untuk diunggah: {upload}"
    else:
        value, evidence, origin = None, None, "kosong"
    credit = _ZERO if value is None or evidence is None else item.credit(value)
    return ItemScore(
        item=item,
        credit=credit,
        value=value,
        evidence=evidence,
        origin=origin,
        derived=derived,
        derived_value=derived_value,
        upload=upload,
        points=points,
        earned=points * credit,
    )


def _notes(items: list[ItemScore], unused: list[Fact]) -> tuple[str, ...]:
    notes = []
    for s in items:
        name = s.item.number or s.item.key
        if s.conflict and s.derived_value is not None and s.value is not None:
            notes.append(
                f"butir {name}: kantor menjawab {s.item.shown(s.value)}, tetapi ppid-core "
                f"menurunkan {s.item.shown(s.derived_value)} dari {s.derived}; "
                "jawaban kantor yang dipakai, periksa kembali"
            )
        if s.origin == "kantor" and s.evidence is not None and not _is_pdf(s.evidence):
            notes.append(
                f"butir {name}: bukti {s.evidence!r} bukan PDF; SAQ menerima satu PDF per "
                "butir (Perki 1/2022 [secondary])"
            )
    notes += [
        f"tidak dipakai: {f.provenance}; tidak ada butir instrumen dengan derive: {f.kind}"
        for f in unused
    ]
    return tuple(notes)


def _is_pdf(evidence: str) -> bool:
    return evidence.lower().split("?", 1)[0].split("#", 1)[0].endswith(".pdf")


def score_monev(
    answers: Answers,
    *,
    instrument: Instrument | None = None,
    derived: Iterable[Fact] = (),
) -> MonevScore:
    """Predict the e-Monev score: per item, per indicator, in total, and the band.

    Args:
        answers: The office's answers ([`load_answers()`][ppid_core.monev.load_answers]).
        instrument: The instrument; by default the bundled one the answers name.
        derived: What ppid-core knows ([`register_fact()`][ppid_core.monev.register_fact],
            [`survey_fact()`][ppid_core.monev.survey_fact], ...). It answers the items
            with a matching ``derive:`` that the office left unanswered; the office's
            answer wins, and the item says which was used (a contradiction is noted). A
            fact no item asks for is kept in ``derived_unused`` and noted, never dropped.

    Returns:
        The [`MonevScore`][ppid_core.monev.MonevScore]: a prediction, never the
        commission's result.

    Raises:
        InvalidArgumentError: Answers built in code that do not fit the instrument (an
            unknown item, a value outside its type, two answers to one item).

    Examples:
        >>> from ppid_core.monev import parse_answers
        >>> a = parse_answers(
        ...     "visitasi: 90\\nanswers:\\n"
        ...     "  formulir_permohonan: {answer: ya, evidence: formulir.pdf}\\n"
        ... )
        >>> s = score_monev(a)
        >>> s.low, s.high  # 80% x (2.5 listed .. 100, every list partial) + 20% x 90
        (Fraction(20, 1), Fraction(98, 1))
        >>> s.band is None, [b.name for b in s.band_range]
        (True, ['Tidak Informatif', 'Informatif'])
    """
    ins = instrument if instrument is not None else Instrument.bundled(answers.instrument)
    _check(answers, ins)
    facts = merge_facts(derived)
    by_item = {a.item: a for a in answers.answers}
    items: list[ItemScore] = []
    indicators: list[IndicatorScore] = []
    for indicator in ins.indicators:
        scored = [
            _item(
                item,
                by_item.get(item.key),
                facts.get(item.derive) if item.derive else None,
                ins.points(item),
            )
            for item in indicator.items
        ]
        items += scored
        listed = sum((ins.share(s.item) * s.credit for s in scored), _ZERO) * HUNDRED
        part = indicator.weight * listed / HUNDRED  # in SAQ points
        if indicator.complete and scored:
            indicators.append(
                IndicatorScore(indicator=indicator, score=listed, low=part, high=part)
            )
        else:  # a partial list: the unlisted questions may make up the rest
            indicators.append(
                IndicatorScore(indicator=indicator, score=None, low=part, high=indicator.weight)
            )
    asked = {item.derive for item in ins.items if item.derive}
    unused = [fact for kind, fact in facts.items() if kind not in asked]
    saq_low = sum((s.low for s in indicators), _ZERO)
    saq_high = sum((s.high for s in indicators), _ZERO)
    v_low, v_high = (
        (answers.visitasi, answers.visitasi) if answers.visitasi is not None else (_ZERO, HUNDRED)
    )
    return MonevScore(
        instrument=ins,
        office=answers.office,
        year=answers.year,
        source=answers.source,
        items=tuple(items),
        indicators=tuple(indicators),
        derived_unused=tuple(unused),
        notes=_notes(items, unused),
        saq_low=saq_low,
        saq_high=saq_high,
        visitasi=answers.visitasi,
        low=(ins.saq_share * saq_low + ins.visitasi_share * v_low) / HUNDRED,
        high=(ins.saq_share * saq_high + ins.visitasi_share * v_high) / HUNDRED,
    )
