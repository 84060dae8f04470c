"""The score of a Zona Integritas LKE: per area, pengungkit, hasil, total, and the predicates.

[`LkeScore`][LkeScore] is a result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``,
``to_frame``): the figures are exact (``Fraction``) and shown half-up to 2 decimals. A
condition is compared exactly: where a score and its minimum would show the same at 2
decimals but differ (74.995 against 75.00), the score is shown with as many decimals as
tell them apart, so "75.00 ... tidak" never appears. A score resting on an answer ppid-core
derived is marked "(estimasi)" (``"estimated": true`` in JSON). It is built by
[`score_lke()`][ppid_core.rb.score_lke]; this module only holds and renders it.

References:
    Permen PANRB 90/2021 Lampiran II Bab III huruf A and Tabel 6 (thresholds), Lampiran III.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable, markdown_text
from ppid_core.rb._lke_parts import (
    LkeAreaScore,
    LkeItemScore,
    LkePredicateCheck,
    LkeSubScore,
    LkeWhatIf,
)

__all__ = ["LkeScore"]


def _shown(value: Fraction) -> str:
    return str(half_up(value, 2))


def _against(value: Fraction, minimum: Fraction, places: int = 2) -> Decimal:
    """``value`` half-up to ``places`` decimals, or to as many (up to 12) as tell it from
    ``minimum``: 74.995 against 75 is ``74.995``, not ``75.00``."""
    while places < 12 and value != minimum and half_up(value, places) == half_up(minimum, places):
        places += 1
    return half_up(value, places)


@attrs.frozen(kw_only=True, repr=False)
class LkeScore(ResultMixin):
    """The LKE score of a unit: areas, pengungkit, hasil, total, predicates, what-if.

    Attributes:
        lke: The LKE key.
        unit: The unit evaluated.
        year: The year.
        aggregation: The aggregation setting used inside a sub-indicator.
        survey_value: The setting that turns a survey file into a 0-4 value.
        areas: Each area's score.
        sub_indicators: Each sub-indicator's score.
        items: Each question: answer, origin, points.
        components: ``"pengungkit"`` and ``"hasil"`` -> score.
        total: Pengungkit + hasil, exact.
        predicates: Menuju WBK and Menuju WBBM, checked.
        what_if: Unanswered and low items, most points first.
        notes: What the reader should know (settings, items not computable).
    """

    lke: str
    unit: str
    year: int
    aggregation: str
    survey_value: str
    areas: tuple[LkeAreaScore, ...]
    sub_indicators: tuple[LkeSubScore, ...]
    items: tuple[LkeItemScore, ...]
    components: Mapping[str, Fraction] = attrs.field(hash=False)
    total: Fraction
    predicates: tuple[LkePredicateCheck, ...]
    what_if: tuple[LkeWhatIf, ...]
    notes: tuple[str, ...] = ()

    @property
    def pengungkit(self) -> Fraction:
        """The pengungkit score (at most 60)."""
        return self.components.get("pengungkit", Fraction(0))

    @property
    def hasil(self) -> Fraction:
        """The hasil score (at most 40)."""
        return self.components.get("hasil", Fraction(0))

    @property
    def estimated_from(self) -> tuple[str, ...]:
        """The derived answers the total rests on (empty: only the office's answers)."""
        return tuple(i.key for i in self.items if i.origin == "derived")

    def _mark(self, keys: tuple[str, ...]) -> str | None:
        return "(estimasi)" if keys else None

    def area_table(self) -> Table:
        """One row per area, then pengungkit, hasil and the total (half-up to 2 decimals)."""
        rows: list[tuple[object, ...]] = [
            (
                a.component,
                a.name,
                half_up(a.weight),
                half_up(a.score),
                half_up(100 * a.share),
                self._mark(a.estimated_from),
            )
            for a in self.areas
        ]
        for key, value in self.components.items():
            mine = [a for a in self.areas if a.component == key]
            weight = sum((a.weight for a in mine), Fraction(0))
            keys = tuple(k for a in mine for k in a.estimated_from)
            rows.append(
                (
                    key,
                    _("Total {component}").format(component=key),
                    half_up(weight),
                    half_up(value),
                    None,
                    self._mark(keys),
                )
            )
        rows.append(
            (
                "",
                _("Zona Integritas evaluation score"),
                half_up(100),
                half_up(self.total),
                None,
                self._mark(self.estimated_from),
            )
        )
        return Table(
            columns=tuple(_(c) for c in _AREA_COLUMNS),
            rows=rows,
            title=_("LKE score {lke}: {unit} {year}").format(
                lke=self.lke, unit=self.unit, year=self.year
            ),
        )

    def predicate_table(self) -> Table:
        """Each condition of each predicate: minimum, score, met, citation."""
        rows: list[tuple[str, str, str | None, str | None, str, str]] = [
            (
                p.name,
                c.label,
                f"{_shown(100 * c.minimum)}%" if c.share else _shown(c.minimum),
                f"{_against(100 * c.value, 100 * c.minimum)}%"
                if c.share
                else str(_against(c.value, c.minimum)),
                (_("yes") if c.met else _("no")) + (" (estimasi)" if c.estimated else ""),
                c.citation,
            )
            for p in self.predicates
            for c in p.conditions
        ]
        rows += [
            (p.name, text, None, None, _("judged by the evaluator"), citation)
            for p in self.predicates
            for text, citation in p.not_scored
        ]
        return Table(
            columns=tuple(_(c) for c in _PREDICATE_COLUMNS),
            rows=rows,
            title=_("Predicate conditions (Permen PANRB 90/2021 Lampiran II Tabel 6)"),
        )

    def derived_table(self) -> Table:
        """The answers ppid-core derived, where from, and whether they were used."""
        rows = [(i.key, _derived(i), i.derived_from, _used(i)) for i in self.items if i.derived]
        return Table(
            columns=(_("Question"), _("Derived answer"), _("Source"), _("Used")),
            rows=rows,
            title=_("Answers derived by ppid-core"),
        )

    def what_if_table(self) -> Table:
        """Unanswered and low items, ordered by the points the best answer would add."""
        rows = [
            (w.key, w.answer or _("not answered"), half_up(w.gain), w.text) for w in self.what_if
        ]
        return Table(
            columns=(_("Question"), _("Answer now"), _("Points to gain"), _("Description")),
            rows=rows,
            title=_("What if: points gained with the best answer"),
        )

    def tables(self) -> list[Table]:
        """Areas, predicate conditions, derived answers (when any), the what-if list."""
        derived = self.derived_table()
        return [
            self.area_table(),
            self.predicate_table(),
            *([derived] if derived.rows else []),
            self.what_if_table(),
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (what ``ppid rb lke score --json`` prints).

        Scores are half-up to 2 decimals under ``total``, ``pengungkit``, ``hasil`` and each
        area's ``score``; the exact values are under ``exact``. ``estimated`` is true where a
        score rests on an answer ppid-core derived (``estimated_from`` names them). A
        condition's ``value`` is a string with as many decimals as tell it from its minimum.
        An item's ``answer`` is exact (``"272/75"``); a survey value also has
        ``answer_decimal`` (half-up to 4 decimals).
        """
        data: dict[str, Any] = jsonable(
            {
                "lke": self.lke,
                "unit": self.unit,
                "year": self.year,
                "aggregation": self.aggregation,
                "survey_value": self.survey_value,
                "total": half_up(self.total),
                "pengungkit": half_up(self.pengungkit),
                "hasil": half_up(self.hasil),
                "exact": {"total": self.total, **dict(self.components)},
                "estimated": bool(self.estimated_from),
                "estimated_from": list(self.estimated_from),
                "areas": [
                    {
                        "key": a.key,
                        "name": a.name,
                        "component": a.component,
                        "weight": a.weight,
                        "score": half_up(a.score),
                        "share": half_up(100 * a.share),
                        "estimated": bool(a.estimated_from),
                    }
                    for a in self.areas
                ],
                "sub_indicators": [
                    {
                        "key": s.key,
                        "name": s.name,
                        "weight": s.weight,
                        "score": half_up(s.score),
                        "answered": s.answered,
                        "questions": s.questions,
                    }
                    for s in self.sub_indicators
                ],
                "predicates": [
                    {
                        "key": p.key,
                        "name": p.name,
                        "met": p.met,
                        "citation": p.citation,
                        "conditions": [
                            {
                                "label": c.label,
                                "minimum": c.minimum,
                                "value": _against(c.value, c.minimum, 4 if c.share else 2),
                                "met": c.met,
                                "estimated": c.estimated,
                                "citation": c.citation,
                            }
                            for c in p.conditions
                        ],
                        "not_scored": [
                            {"text": text, "citation": citation} for text, citation in p.not_scored
                        ],
                    }
                    for p in self.predicates
                ],
                "items": [
                    {
                        "key": i.key,
                        "type": i.type,
                        "answer": i.answer,
                        **(
                            {"answer_decimal": half_up(i.survey_value, 4)}
                            if i.survey_value is not None
                            else {}
                        ),
                        "origin": i.origin,
                        "points": half_up(i.points, 4),
                        "derived": i.derived,
                        "derived_from": i.derived_from,
                        "derived_confidence": i.derived_confidence,
                    }
                    for i in self.items
                ],
                "what_if": [
                    {
                        "key": w.key,
                        "answer": w.answer,
                        "gain": half_up(w.gain),
                        "gain_exact": w.gain,
                    }
                    for w in self.what_if
                ],
                "notes": list(self.notes),
            }
        )
        return data

    def _summary(self) -> str:
        met = [p.name for p in self.predicates if p.met]
        reached = ", ".join(met) if met else "no predicate threshold met"
        return f"{self.unit} {self.year}: total {_shown(self.total)} ({reached})"

    def _heading(self) -> str:
        mark = " (estimasi)" if self.estimated_from else ""
        text = _("LKE Zona Integritas {unit} {year}: score {score}").format(
            unit=self.unit, year=self.year, score=_shown(self.total)
        )
        return text + mark

    def to_markdown(self) -> str:
        """The heading, the tables, then the notes (settings and items not computable)."""
        text = super().to_markdown()
        if self.notes:
            text += "\n" + "".join(f"- {markdown_text(n)}\n" for n in self.notes)
        return text

    def to_text(self) -> str:
        """The heading, the tables aligned for a terminal, then the notes."""
        text = super().to_text()
        if self.notes:
            text += "\n" + "".join(f"- {n}\n" for n in self.notes)
        return text


def _derived(item: LkeItemScore) -> str | None:
    """The derived answer as shown: a survey value with its 2-decimal display."""
    if item.derived is not None and "/" in item.derived:  # a survey value, not a finite decimal
        return f"{item.derived} (≈ {half_up(Fraction(item.derived), 2)})"
    return item.derived


def _used(item: LkeItemScore) -> str:
    """Whether the derived answer was used, and if not, why."""
    if item.origin == "derived":
        return _("used")
    if item.origin == "unanswered":
        return _("not used: marked unanswered (~)")
    return _("the unit's answer used ({answer})").format(answer=item.answer)


_AREA_COLUMNS = (N_("Component"), N_("Area"), N_("Weight"), N_("Score"), N_("Weight share (%)"),
                 N_("Note"))  # fmt: skip
_PREDICATE_COLUMNS = (N_("Predicate"), N_("Condition"), N_("Minimum"), N_("Score"), N_("Met"),
                      N_("Basis"))  # fmt: skip
