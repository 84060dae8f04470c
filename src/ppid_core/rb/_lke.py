"""The Zona Integritas LKE (Lembar Kerja Evaluasi) as data: components, areas, weights, questions.

The LKE of Permen PANRB 90/2021 Lampiran III (as amended by Permen PANRB 5/2024) is a data
file, ``rb/data/lke/<key>.yaml``, read strictly like every other data file. This module
holds its model: an [`Lke`][Lke] has areas ([`LkeArea`][LkeArea]) in two components
(pengungkit 60, hasil 40), each area has sub-indicators ([`LkeSubIndicator`][LkeSubIndicator])
with a weight, and each sub-indicator has questions ([`LkeQuestion`][LkeQuestion]) of one answer
type:

- ``ya_tidak`` (Ya/Tidak), ``abc``, ``abcd``, ``abcde`` (A is always the best option), whose
  values come from the LKE's ``conversion`` table;
- ``persen``: a percentage computed from counts (``Jumlah``) by the formula the LKE states,
  ``ratio`` (numerator / denominator) or ``decrease`` ((previous - current) / previous),
  capped at 100% and never below 0;
- ``nilai_04``: an external survey value from 0 to 4, worth ``value / 4``.

    >>> from ppid_core.rb import bundled_lke
    >>> lke = bundled_lke()
    >>> lke.key, len(lke.questions)
    ('zi-2021-2024', 113)
    >>> q = lke.question("pemenuhan.pelayanan_publik.iv.a")
    >>> q.type, q.options
    ('abcde', ('A', 'B', 'C', 'D', 'E'))
    >>> str(lke.sub_indicator_of(q.key).weight)
    '1'

References:
    Permen PANRB 90/2021 Lampiran II Bab I huruf A (Tabel 3, Tabel 4), Bab III huruf A and
    Tabel 6, Lampiran III (LKE); Permen PANRB 5/2024 (Lampiran II Bab II).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from ppid_core.errors import UnknownNameError

__all__ = [
    "DEFAULT_LKE",
    "LKE_ANSWER_TYPES",
    "Lke",
    "LkeArea",
    "LkeCondition",
    "LkePredicate",
    "LkeQuestion",
    "LkeSubIndicator",
]

#: The key of the bundled LKE used when none is named.
DEFAULT_LKE = "zi-2021-2024"
#: Answer type -> its name in the LKE.
LKE_ANSWER_TYPES: Mapping[str, str] = {
    "ya_tidak": "Ya/Tidak",
    "abc": "A/B/C",
    "abcd": "A/B/C/D",
    "abcde": "A/B/C/D/E",
    "persen": "%",
    "nilai_04": "Nilai (0-4)",
}


@attrs.frozen(kw_only=True)
class LkeQuestion:
    """One question (one row) of the LKE.

    Attributes:
        key: ``<aspect>.<area>.<sub-indicator>.<letter>``, e.g.
            ``"pemenuhan.manajemen_perubahan.iii.a"``.
        type: Its answer type, a key of ``LKE_ANSWER_TYPES``.
        text: The question as the LKE words it.
        options: The accepted answers of a choice type, best first (``()`` otherwise).
        counts: For ``persen``: the counts it is computed from, key -> name.
        required_counts: The counts the formula needs.
        formula: For ``persen``: ``"ratio"`` or ``"decrease"``.
        numerator: For ``ratio``, the count on top; for ``decrease``, this year's count.
        denominator: For ``ratio``, the count below; for ``decrease``, last year's count.
        rule: The LKE's own words for the formula.
        confidence: ``"reg"`` (read in the regulation) or ``"unverified"`` (the formula is a
            reading of the LKE's words, not stated by it).
        bounded: For a ``ratio``: the numerator is counted among the denominator, so it may
            not exceed it (an answer with more is refused).
        derive: What ppid-core can derive the answer from, if anything
            (``skm_frequency``, ``skm_published``, ``skm_follow_up``, ``rb_plan``,
            ``survey_value``).
        derive_options: The derive rule's situation -> option mapping, from the LKE data
            (``{"4": "A", ...}``, ``{"all": "A", "more_than_half": "B", ...}``).
        derive_confidence: ``"reg"`` (the LKE's option ladder, read) or ``"setting"``
            (ppid-core's documented choice).
        derive_source: Where the mapping comes from.
        derive_setting: What ppid-core chose where the regulation is silent.
        note: Anything a reviewer should know.
    """

    key: str
    type: str
    text: str
    options: tuple[str, ...] = ()
    counts: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    required_counts: tuple[str, ...] = ()
    formula: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    rule: str | None = None
    confidence: str = "reg"
    bounded: bool = False
    derive: str | None = None
    derive_options: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    derive_confidence: str | None = None
    derive_source: str | None = None
    derive_setting: str | None = None
    note: str | None = None

    def percent(self, counts: Mapping[str, int]) -> Fraction | None:
        """The value of a ``persen`` answer from its counts, 0 to 1; ``None`` on a 0 denominator.

        A ratio over 1 is capped at 1 and a negative fall counts 0 (as S11 and S12 do;
        the LKE's fully met example shows 100,00%).

        >>> from ppid_core.rb import bundled_lke
        >>> q = bundled_lke().question("reform.sdm.iii.a")
        >>> q.percent({"tahun_sebelumnya": 4, "tahun_ini": 1})
        Fraction(3, 4)
        """
        num = counts[self.numerator or ""]
        den = counts[self.denominator or ""]
        if den == 0:
            return None
        value = Fraction(den - num, den) if self.formula == "decrease" else Fraction(num, den)
        return min(max(value, Fraction(0)), Fraction(1))


@attrs.frozen(kw_only=True)
class LkeSubIndicator:
    """A sub-indicator of an area, with its weight and questions.

    Attributes:
        key: ``<aspect>.<area>.<number>``, e.g. ``"pemenuhan.manajemen_perubahan.iii"``.
        aspect: ``"pemenuhan"``, ``"reform"`` or ``"hasil"``.
        name: As the LKE names it.
        weight: Its weight (points), exact.
        questions: Its questions in the LKE's order.
        note: Anything a reviewer should know.
    """

    key: str
    aspect: str
    name: str
    weight: Fraction
    questions: tuple[LkeQuestion, ...]
    note: str | None = None


@attrs.frozen(kw_only=True)
class LkeArea:
    """An area of the LKE: one of the six pengungkit areas or the two hasil areas.

    Attributes:
        key: E.g. ``"manajemen_perubahan"``, ``"bersih_akuntabel"``.
        name: As the regulation names it.
        component: ``"pengungkit"`` or ``"hasil"``.
        weight: Its weight (points), the sum of its sub-indicators' weights.
        sub_indicators: Its sub-indicators (pemenuhan, then reform).
    """

    key: str
    name: str
    component: str
    weight: Fraction
    sub_indicators: tuple[LkeSubIndicator, ...]


@attrs.frozen(kw_only=True)
class LkeCondition:
    """One minimum condition of a predicate.

    Attributes:
        kind: ``total``, ``component``, ``every_area`` (each area of a component at least
            ``minimum`` of its weight), ``area`` or ``sub_indicator``.
        target: The component, area or sub-indicator key (``None`` for ``total``).
        minimum: The minimum, in points (a share of the weight for ``every_area``).
        citation: Where the regulation sets it.
    """

    kind: str
    target: str | None
    minimum: Fraction
    citation: str


@attrs.frozen(kw_only=True)
class LkePredicate:
    """A predicate (Menuju WBK, Menuju WBBM) with its scored conditions.

    Attributes:
        key: ``"menuju_wbk"`` or ``"menuju_wbbm"``.
        name: ``"Menuju WBK"``.
        citation: Where the regulation sets the conditions.
        conditions: The conditions the LKE score can check.
        not_scored: Requirements of the regulation that no LKE answer shows (checked by
            the evaluator), as ``(text, citation)`` pairs.
    """

    key: str
    name: str
    citation: str
    conditions: tuple[LkeCondition, ...]
    not_scored: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class Lke:
    """A Zona Integritas LKE: its areas, weights, questions, conversions and predicates.

    Attributes:
        key: The LKE key (the data file's name), e.g. ``"zi-2021-2024"``.
        title: Its title.
        references: The regulations it comes from.
        components: Component key -> (name, weight, citation).
        areas: The areas, pengungkit first.
        conversion: Answer type -> option -> value (0 to 1), for the choice types.
        conversion_confidence: Answer type -> ``"reg"``, ``"code"`` or ``"unverified"``.
        predicates: Menuju WBK and Menuju WBBM.
    """

    key: str
    title: str
    references: tuple[str, ...]
    components: Mapping[str, tuple[str, Fraction, str]] = attrs.field(hash=False)
    areas: tuple[LkeArea, ...]
    conversion: Mapping[str, Mapping[str, Fraction]] = attrs.field(hash=False)
    conversion_confidence: Mapping[str, str] = attrs.field(hash=False)
    predicates: tuple[LkePredicate, ...]
    _questions: dict[str, tuple[LkeQuestion, LkeSubIndicator, LkeArea]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        index = {
            q.key: (q, s, a) for a in self.areas for s in a.sub_indicators for q in s.questions
        }
        object.__setattr__(self, "_questions", index)

    @property
    def questions(self) -> tuple[LkeQuestion, ...]:
        """Every question, in the LKE's order."""
        return tuple(q for q, _, _ in self._questions.values())

    @property
    def sub_indicators(self) -> tuple[LkeSubIndicator, ...]:
        """Every sub-indicator, in the LKE's order."""
        return tuple(s for a in self.areas for s in a.sub_indicators)

    def get(self, key: str) -> LkeQuestion | None:
        """The question with this key, or ``None``."""
        found = self._questions.get(key)
        return None if found is None else found[0]

    def question(self, key: str) -> LkeQuestion:
        """The question with this key.

        Raises:
            UnknownNameError: No such question.
        """
        found = self._questions.get(key)
        if found is None:
            raise UnknownNameError(self.unknown_message(key))
        return found[0]

    def sub_indicator_of(self, key: str) -> LkeSubIndicator:
        """The sub-indicator a question belongs to."""
        self.question(key)
        return self._questions[key][1]

    def area_of(self, key: str) -> LkeArea:
        """The area a question belongs to."""
        self.question(key)
        return self._questions[key][2]

    def unknown_message(self, key: str) -> str:
        """The error text for a key that is not a question of this LKE (with a near key)."""
        import difflib  # noqa: PLC0415 - only for an error message

        near = difflib.get_close_matches(key, list(self._questions), n=1)
        hint = f"did you mean {near[0]!r}?" if near else "keys look like 'pemenuhan.sdm.i.a'"
        return f"unknown question key {key!r} in LKE {self.key}; {hint}"
