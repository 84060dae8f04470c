"""The parts of an e-Monev instrument: items, indicators, bands, and the closed word lists.

References:
    Perki 1/2022 (Monitoring dan Evaluasi Keterbukaan Informasi Publik) [secondary].
"""

from __future__ import annotations

from fractions import Fraction

import attrs

__all__ = [
    "AGGREGATIONS",
    "ANSWER_TYPES",
    "CONFIDENCES",
    "DEFAULT_INSTRUMENT",
    "DERIVATIONS",
    "HUNDRED",
    "Band",
    "Indicator",
    "Item",
]

DEFAULT_INSTRUMENT = "ki-pusat-2025"
"""The bundled instrument used when an answers file names none."""
ANSWER_TYPES = ("yes_no", "scale")
"""``yes_no``: ``ya`` or ``tidak``; ``scale``: a whole number from ``minimum`` to ``maximum``."""
DERIVATIONS = ("annual_report", "dip", "ikm", "register")
"""What ppid-core can answer itself (see [`Fact`][ppid_core.monev.Fact])."""
AGGREGATIONS = ("equal", "points")
"""How items add up inside an indicator: equal shares, or each item's points."""
CONFIDENCES = ("primary", "secondary", "practice", "unknown")
"""How sure a fact of the instrument is, as in the project's reference notes."""
HUNDRED = Fraction(100)
"""A hundred percent."""


@attrs.frozen(kw_only=True)
class Item:
    """One question of the self-assessment questionnaire (SAQ).

    Attributes:
        key: Its key in answers files (``"dip_mutakhir"``).
        indicator: The key of its indicator.
        text: The question as the source words it.
        answer: ``"yes_no"`` or ``"scale"`` (see `ANSWER_TYPES`).
        minimum: The lowest answer of a scale (``0`` for ``yes_no``: ``tidak``).
        maximum: The highest answer of a scale (``1`` for ``yes_no``: ``ya``).
        points: Its points under the ``points`` aggregation; ``None`` when unknown.
        number: Its number in the questionnaire (``"2.1.0.0"``), when a source gives one.
        derive: What ppid-core can answer it from (see `DERIVATIONS`), or ``None``.
        confidence: How sure its presence and wording are.
        source: Where it comes from.
        note: What is known and what is not.
    """

    key: str
    indicator: str
    text: str
    answer: str = "yes_no"
    minimum: int = 0
    maximum: int = 1
    points: Fraction | None = None
    number: str | None = None
    derive: str | None = None
    confidence: str = "unknown"
    source: str = ""
    note: str = ""

    def credit(self, value: int) -> Fraction:
        """The share of the item an answer earns: ``(value - minimum) / (maximum - minimum)``.

        >>> Item(key="x", indicator="y", text="t", answer="scale", maximum=4).credit(3)
        Fraction(3, 4)
        """
        return Fraction(value - self.minimum, self.maximum - self.minimum)

    def shown(self, value: int) -> str:
        """An answer as an office writes it: ``ya``/``tidak``, or the number of a scale."""
        if self.answer == "yes_no":
            return "ya" if value == self.maximum else "tidak"
        return str(value)


@attrs.frozen(kw_only=True)
class Indicator:
    """One indicator of the instrument and its weight (percent of the SAQ).

    Attributes:
        key: Its key (``"jenis_informasi"``).
        name: Its name (``"Jenis Informasi"``).
        weight: Its weight in percent; the weights of an instrument sum to exactly 100.
        items: Its items as far as they are known.
        complete: Whether the item list is the whole of the indicator's questions.
        confidence: How sure the weight is.
        source: Where the weight comes from.
    """

    key: str
    name: str
    weight: Fraction
    items: tuple[Item, ...] = ()
    complete: bool = False
    confidence: str = "unknown"
    source: str = ""


@attrs.frozen(kw_only=True)
class Band:
    """A qualification (Informatif ... Tidak Informatif) from its lower bound up.

    Attributes:
        name: The qualification.
        lower: Its lowest score, inclusive; it ends below the next band's lower bound.
    """

    name: str
    lower: Fraction
