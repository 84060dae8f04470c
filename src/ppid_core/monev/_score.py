"""The predicted e-Monev score: per item, per indicator, in total, and the qualification.

[`MonevScore`][MonevScore] follows the one result protocol (``to_dict``, ``to_json``,
``to_markdown``, ``tables``, ``to_frame``). Every rendering calls it a *prediksi*: it is
ppid-core's reading of the office's answers, never the Komisi Informasi's result.

Where the instrument leaves a part unknown (an indicator whose item list is partial or
empty) or the office gives no visitasi estimate, the score is a range: the lowest and the
highest it can be. The qualification is known when both ends fall in one band. An item's
points rest on the instrument's `aggregation` setting; when that setting's confidence is
``unknown`` every rendering labels the points as an assumption (``asumsi``).

The headings, titles, column headers and table texts are English, translated with ``_()``
when rendered (``ppid --lang id`` gives the Indonesian report: *prediksi*, *asumsi*); the
JSON (``to_dict()``) is the same in every language, its ``notice`` the Indonesian
[`NOTICE`][NOTICE]. The notes, provenances and answers are data: they read as written.

References:
    Perki 1/2022 (e-Monev) [secondary]; bands and split as the instrument's data says.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.monev._derived import Fact
from ppid_core.monev._instrument import Instrument
from ppid_core.monev._instrument_parts import Band, Indicator, Item

__all__ = ["NOTICE", "IndicatorScore", "ItemScore", "MonevScore"]

NOTICE = "Prediksi ppid-core dari jawaban kantor, bukan hasil penilaian Komisi Informasi."
"""The sentence every rendering of a [`MonevScore`][MonevScore] carries (JSON: as is)."""
NOTICE_TEXT = N_(
    "A prediction by ppid-core from the office's answers, not the Komisi Informasi's assessment."
)
"""[`NOTICE`][NOTICE] in English: the tables and headings show it in the language in use."""


def _percent(value: Fraction) -> str:
    """A share as written in the instrument: ``80``, ``12.5``."""
    return str(value.numerator) if value.denominator == 1 else str(half_up(value, 2))


def _shown(value: Fraction | None) -> object:
    return None if value is None else half_up(value, 2)


@attrs.frozen(kw_only=True)
class ItemScore:
    """One item as scored.

    Attributes:
        item: The item.
        value: The answer used (``None``: not answered, not derived).
        evidence: The evidence of the answer used: the office's PDF, or for a derived
            ``ya`` the PDF still to upload (``"PDF untuk diunggah: ..."``); ``None`` when
            there is none.
        origin: ``"kantor"`` (the office's answer), ``"turunan"`` (derived by ppid-core)
            or ``"kosong"`` (neither).
        derived: The provenance of a derived answer, also when the office's answer won.
        derived_value: The derived answer (also when the office's answer won), or ``None``.
        upload: For a derived ``ya``, the PDF the office uploads (see
            [`Fact.upload`][ppid_core.monev.Fact]); ``None`` otherwise.
        credit: The share of the item earned (0 to 1): the answer's, and 0 without
            evidence.
        points: What the item is worth in the final score when met in full with evidence.
        earned: What it earns: ``points x credit``.
    """

    item: Item
    value: int | None
    evidence: str | None
    origin: str
    derived: str | None
    credit: Fraction
    points: Fraction
    earned: Fraction
    derived_value: int | None = None
    upload: str | None = None

    @property
    def conflict(self) -> bool:
        """The office's answer contradicts what ppid-core derives (the office's is used)."""
        return (
            self.origin == "kantor"
            and self.derived_value is not None
            and self.value != self.derived_value
        )

    @property
    def answer_text(self) -> str:
        """The answer as written (``ya``, ``tidak``, a number) or ``-``."""
        return "-" if self.value is None else self.item.shown(self.value)

    @property
    def source_text(self) -> str:
        """Which answer was used, and what was derived."""
        if self.origin == "turunan":
            return _("derived: {provenance}").format(provenance=self.derived)
        if self.conflict and self.derived_value is not None:
            derived = self.item.shown(self.derived_value)
            return _("office's answer, CONTRADICTS the derived {derived} ({provenance})").format(
                derived=derived, provenance=self.derived
            )
        if self.origin == "kantor" and self.derived:
            return _("office's answer (derived answer not used: {provenance})").format(
                provenance=self.derived
            )
        return _("office's answer") if self.origin == "kantor" else _("not answered")


@attrs.frozen(kw_only=True)
class IndicatorScore:
    """One indicator as scored.

    Attributes:
        indicator: The indicator.
        score: Its predicted score, 0-100, when its item list is complete; ``None`` when
            the list is partial or empty (unknown: see `low` and `high`).
        low: The least it adds to the SAQ score: what its listed items earn (0 without a
            listed item).
        high: The most it adds: the same for a complete list, its whole weight otherwise.
    """

    indicator: Indicator
    score: Fraction | None
    low: Fraction
    high: Fraction


@attrs.frozen(kw_only=True, repr=False)
class MonevScore(ResultMixin):
    """The predicted e-Monev score of one office: a *prediksi*, not the commission's result.

    Attributes:
        instrument: The instrument scored against.
        office: The office, as its answers file names it.
        year: The e-Monev year.
        source: The answers file.
        items: Every item of the instrument, scored.
        indicators: Every indicator, scored.
        saq_low: The least SAQ score (0-100).
        saq_high: The most SAQ score (equal to `saq_low` when every indicator is known).
        visitasi: The office's visitasi estimate, or ``None`` (then 0 to 100).
        low: The least final score: ``saq_share x SAQ + visitasi_share x visitasi``, / 100.
        high: The most final score.
        derived_unused: The facts given that no item of the instrument asks for (a survey
            when no item has ``derive: ikm``): kept and noted, never dropped silently.
        notes: What the reader must know (Indonesian): contradictions between the office's
            answer and a derived one, evidence that is not a PDF, unused facts.
    """

    instrument: Instrument
    office: str
    year: int | None
    source: str
    items: tuple[ItemScore, ...]
    indicators: tuple[IndicatorScore, ...]
    saq_low: Fraction
    saq_high: Fraction
    visitasi: Fraction | None
    low: Fraction
    high: Fraction
    derived_unused: tuple[Fact, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def score(self) -> Fraction | None:
        """The exact predicted score when it is known, else ``None`` (see `low`, `high`)."""
        return self.low if self.low == self.high else None

    @property
    def band(self) -> Band | None:
        """The predicted qualification, when both ends of the range fall in one band."""
        low, high = self.instrument.classify(self.low), self.instrument.classify(self.high)
        return low if low == high else None

    @property
    def band_range(self) -> tuple[Band, Band]:
        """The qualifications of the lowest and of the highest score."""
        return self.instrument.classify(self.low), self.instrument.classify(self.high)

    @property
    def missing(self) -> tuple[ItemScore, ...]:
        """Items without evidence, the most points they would add first (then in order)."""
        lacking = [s for s in self.items if s.evidence is None]
        order = {s.item.key: i for i, s in enumerate(self.items)}
        return tuple(sorted(lacking, key=lambda s: (-s.points, order[s.item.key])))

    @property
    def to_upload(self) -> tuple[ItemScore, ...]:
        """Items answered by ppid-core whose PDF the office must still upload, in order."""
        return tuple(s for s in self.items if s.upload is not None)

    @property
    def conflicts(self) -> tuple[ItemScore, ...]:
        """Items where the office's answer contradicts the derived one."""
        return tuple(s for s in self.items if s.conflict)

    @property
    def points_assumed(self) -> bool:
        """Whether item points rest on an aggregation setting of unknown confidence."""
        return self.instrument.aggregation_confidence == "unknown"

    def _indicator_value(self, s: IndicatorScore) -> object:
        if s.score is not None:
            return _shown(s.score)
        if not s.indicator.items:
            return _("unknown")
        low = s.low * 100 / s.indicator.weight if s.indicator.weight else Fraction(0)
        return _("{low}-100.00 (partial item list)").format(low=half_up(low, 2))

    # -- rendering ---------------------------------------------------------------------------
    def _range(self, low: Fraction, high: Fraction) -> str:
        if low == high:
            return str(half_up(low, 2))
        return f"{half_up(low, 2)}-{half_up(high, 2)}"

    def _band_text(self) -> str:
        band = self.band
        if band is not None:
            return band.name
        low, high = self.band_range
        return _("between {low} and {high}").format(low=low.name, high=high.name)

    def _summary(self) -> str:
        who = self.office or self.source
        return _("prediction for {who}: {range} ({band})").format(
            who=who, range=self._range(self.low, self.high), band=self._band_text()
        )

    def _heading(self) -> str:
        values = {
            "year": self.year,
            "who": self.office or self.source,
            "range": self._range(self.low, self.high),
            "band": self._band_text(),
            "notice": _(NOTICE_TEXT),
        }
        if self.year:
            return _("e-Monev prediction {year} for {who}: {range} ({band}). {notice}").format(
                **values
            )
        return _("e-Monev prediction for {who}: {range} ({band}). {notice}").format(**values)

    def tables(self) -> list[Table]:
        """Summary, indicators, items, and the items without evidence."""
        ins = self.instrument
        visitasi = _("unknown (0-100)") if self.visitasi is None else _shown(self.visitasi)
        summary = Table(
            title=_("Prediction (not the Komisi Informasi's result), instrument {key}").format(
                key=ins.key
            ),
            columns=(_("Part"), _("Value")),
            rows=[
                (f"SAQ ({_percent(ins.saq_share)}%)", self._range(self.saq_low, self.saq_high)),
                (f"Visitasi ({_percent(ins.visitasi_share)}%)", visitasi),
                (_("Final score (prediction)"), self._range(self.low, self.high)),
                (_("Qualification (prediction)"), self._band_text()),
                (_("Item aggregation"), f"{ins.aggregation} [{ins.aggregation_confidence}]"),
            ],
        )
        poin = _("Points (assumption)") if self.points_assumed else _("Points")
        basis = (
            _(
                "by the aggregation setting {aggregation} [{confidence}], "
                "not a rule of the Komisi Informasi"
            ).format(aggregation=ins.aggregation, confidence=ins.aggregation_confidence)
            if self.points_assumed
            else _("by the instrument ({aggregation})").format(aggregation=ins.aggregation)
        )
        indicators = Table(
            title=_("Prediction per indicator"),
            columns=(
                _("Indicator"),
                _("Weight (%)"),
                _("Items"),
                _("Item list"),
                _("Score (0-100)"),
                "SAQ",
            ),
            rows=[
                (
                    s.indicator.name,
                    _shown(s.indicator.weight),
                    len(s.indicator.items),
                    _("complete") if s.indicator.complete else _("partial"),
                    self._indicator_value(s),
                    self._range(s.low, s.high),
                )
                for s in self.indicators
            ],
        )
        items = Table(
            title=_("Items"),
            columns=(
                _("Item"),
                _("Indicator"),
                _("Question"),
                _("Answer"),
                _("Evidence"),
                _("Source"),
                poin,
                _("Score"),
            ),
            rows=[
                (
                    s.item.number or s.item.key,
                    s.item.indicator,
                    s.item.text,
                    s.answer_text,
                    s.evidence or "-",
                    s.source_text,
                    _shown(s.points),
                    _shown(s.earned),
                )
                for s in self.items
            ],
        )
        missing = Table(
            title=_("Items without evidence, by the points they would add ({basis})").format(
                basis=basis
            ),
            columns=(_("Item"), _("Question"), poin),
            rows=[
                (s.item.number or s.item.key, s.item.text, _shown(s.points)) for s in self.missing
            ],
        )
        upload = Table(
            title=_("Items answered by ppid-core: PDFs still to upload to the SAQ"),
            columns=(_("Item"), _("Question"), _("PDF to upload"), poin),
            rows=[
                (s.item.number or s.item.key, s.item.text, s.upload, _shown(s.points))
                for s in self.to_upload
            ],
        )
        tables = [summary, indicators, items, missing, upload]
        if self.notes:
            tables.append(
                Table(title=_("Notes"), columns=(_("Note"),), rows=[(n,) for n in self.notes])
            )
        return tables

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; ``prediction`` is always true and ``notice`` says so."""
        ins = self.instrument
        band = self.band
        low_band, high_band = self.band_range
        data: dict[str, Any] = jsonable(
            {
                "prediction": True,
                "notice": NOTICE,
                "instrument": ins.key,
                "office": self.office,
                "year": self.year,
                "score": _shown(self.score),
                "score_exact": self.score,
                "low": _shown(self.low),
                "high": _shown(self.high),
                "low_exact": self.low,
                "high_exact": self.high,
                "band": None if band is None else band.name,
                "band_range": [low_band.name, high_band.name],
                "saq": {
                    "share": ins.saq_share,
                    "low": _shown(self.saq_low),
                    "high": _shown(self.saq_high),
                },
                "visitasi": {"share": ins.visitasi_share, "estimate": self.visitasi},
                "settings": {
                    "points_assumed": self.points_assumed,
                    "aggregation": ins.aggregation,
                    "aggregation_confidence": ins.aggregation_confidence,
                    "band_rule": ins.band_rule,
                },
                "indicators": [
                    {
                        "key": s.indicator.key,
                        "name": s.indicator.name,
                        "weight": s.indicator.weight,
                        "items": len(s.indicator.items),
                        "complete": s.indicator.complete,
                        "score": _shown(s.score),
                        "low": _shown(s.low),
                        "high": _shown(s.high),
                    }
                    for s in self.indicators
                ],
                "items": [
                    {
                        "key": s.item.key,
                        "indicator": s.item.indicator,
                        "answer": None if s.value is None else s.answer_text,
                        "origin": s.origin,
                        "derived": s.derived,
                        "derived_answer": (
                            None if s.derived_value is None else s.item.shown(s.derived_value)
                        ),
                        "conflict": s.conflict,
                        "evidence": s.evidence,
                        "upload": s.upload,
                        "points": _shown(s.points),
                        "earned": _shown(s.earned),
                    }
                    for s in self.items
                ],
                "missing_evidence": [
                    {"key": s.item.key, "text": s.item.text, "points": _shown(s.points)}
                    for s in self.missing
                ],
                "to_upload": [
                    {"key": s.item.key, "upload": s.upload, "points": _shown(s.points)}
                    for s in self.to_upload
                ],
                "derived_unused": [
                    {"kind": f.kind, "holds": f.holds, "provenance": f.provenance}
                    for f in self.derived_unused
                ],
                "notes": list(self.notes),
            }
        )
        return data
