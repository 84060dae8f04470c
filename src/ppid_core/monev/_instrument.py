"""The e-Monev instrument (Perki 1/2022): indicators, weights, items, bands, SAQ/visitasi.

The instrument is data (``monev/data/<key>.yaml``), because the Komisi Informasi and the
provincial commissions change it from year to year. What a source does not say is a
setting of the file, never a number made up here: the within-indicator
[`aggregation`][Instrument.aggregation] (``equal`` shares or the items' ``points``), an
indicator whose item list is known to be partial (``complete: false``), an item whose
points are ``unknown``.

    >>> ins = Instrument.bundled()
    >>> ins.key, ins.saq_share, ins.visitasi_share
    ('ki-pusat-2025', Fraction(80, 1), Fraction(20, 1))
    >>> [(i.key, int(i.weight)) for i in ins.indicators][:2]
    [('jenis_informasi', 40), ('digitalisasi', 20)]
    >>> ins.classify(Fraction(8995, 100)).name  # 89.95 is below 90
    'Menuju Informatif'

References:
    Perki 1/2022 (Monitoring dan Evaluasi Keterbukaan Informasi Publik) [secondary];
    weights, split and bands as reported for 2025 [secondary] (see the data file).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ppid_core._source import FileInput, bundled_names, bundled_text
from ppid_core._yaml import Document, build
from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.monev._instrument_parts import DEFAULT_INSTRUMENT, HUNDRED, Band, Indicator, Item
from ppid_core.monev._instrument_yaml import read_instrument

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Instrument", "load_instrument", "parse_instrument"]

_PACKAGE, _FOLDER = "ppid_core.monev", "data"
_HUNDRED = HUNDRED


@attrs.frozen(kw_only=True)
class Instrument:
    """An e-Monev instrument: what is scored, how much each part weighs, and the bands.

    Attributes:
        key: Its key (the file name of a bundled instrument).
        title: Its title.
        regulation: The regulation it implements.
        year: The e-Monev year it is for, when known.
        saq_share: Percent of the final score from the SAQ (80 in 2025).
        visitasi_share: Percent from the visitasi / uji publik (20 in 2025).
        split_confidence: How sure the split is; ``split_source``: where it comes from.
        split_source: Where the split comes from.
        aggregation: How items add up inside an indicator (see `AGGREGATIONS`).
        aggregation_confidence: How sure that rule is (``unknown`` when it is a setting).
        aggregation_note: What the rule assumes.
        bands: The qualifications, highest first; the last starts at 0.
        band_rule: How scores between the published ranges are classified.
        bands_confidence: How sure the bands are.
        bands_source: Where the bands come from.
        indicators: The indicators, in the instrument's order.

    Raises:
        InvalidArgumentError: Weights or shares that do not sum to 100, bands not from 0
            and descending, or two items with one key (an instrument built in code; a
            file's problems are located errors, see [`load_instrument()`][load_instrument]).
    """

    key: str
    title: str
    indicators: tuple[Indicator, ...]
    bands: tuple[Band, ...]
    regulation: str = ""
    year: int | None = None
    saq_share: Fraction = Fraction(80)
    visitasi_share: Fraction = Fraction(20)
    split_confidence: str = "unknown"
    split_source: str = ""
    aggregation: str = "equal"
    aggregation_confidence: str = "unknown"
    aggregation_note: str = ""
    band_rule: str = ""
    bands_confidence: str = "unknown"
    bands_source: str = ""
    _items: dict[str, Item] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        if sum(i.weight for i in self.indicators) != _HUNDRED:
            problems.append("the indicator weights must sum to exactly 100")
        if self.saq_share + self.visitasi_share != _HUNDRED:
            problems.append("saq_share and visitasi_share must sum to exactly 100")
        lowers = [b.lower for b in self.bands]
        if not lowers or lowers[-1] != 0 or lowers != sorted(set(lowers), reverse=True):
            problems.append("bands must be highest first, with distinct lower bounds, down to 0")
        items = {}
        for indicator in self.indicators:
            for item in indicator.items:
                if item.key in items:
                    problems.append(f"two items have the key {item.key!r}")
                items[item.key] = item
        if problems:
            raise InvalidArgumentError("; ".join(problems))
        object.__setattr__(self, "_items", items)

    @classmethod
    def bundled(cls, key: str = DEFAULT_INSTRUMENT) -> Instrument:
        """An instrument shipped with ppid-core, by key (read once, then shared).

        Raises:
            UnknownNameError: No such instrument; the message lists the bundled keys.
        """
        return _bundled(key)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The keys of the instruments shipped with ppid-core.

        >>> Instrument.bundled_names()
        ('ki-pusat-2025',)
        """
        return bundled_names(_PACKAGE, _FOLDER)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, indicator by indicator."""
        return tuple(self._items.values())

    def item(self, key: str) -> Item:
        """The item with this key.

        Raises:
            UnknownNameError: No item has that key.
        """
        try:
            return self._items[key]
        except KeyError:
            msg = f"unknown item {key!r} in instrument {self.key}"
            raise UnknownNameError(msg) from None

    def has_item(self, key: str) -> bool:
        """Whether an item has this key."""
        return key in self._items

    def indicator(self, key: str) -> Indicator:
        """The indicator with this key.

        Raises:
            UnknownNameError: No indicator has that key.
        """
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        msg = f"unknown indicator {key!r} in instrument {self.key}"
        raise UnknownNameError(msg)

    def share(self, item: Item) -> Fraction:
        """The item's share of its indicator (0 to 1) under the `aggregation` rule."""
        siblings = self.indicator(item.indicator).items
        if self.aggregation == "points":
            total = sum((i.points or Fraction(0) for i in siblings), Fraction(0))
            return (item.points or Fraction(0)) / total if total else Fraction(0)
        return Fraction(1, len(siblings))

    def points(self, item: Item) -> Fraction:
        """What the item is worth in the final score (0-100) when fully met with evidence.

        ``saq_share / 100 x indicator weight x share``.

        >>> ins = Instrument.bundled()
        >>> ins.points(ins.item("dip_mutakhir"))  # 80% x 40 x 1/2
        Fraction(16, 1)
        """
        weight = self.indicator(item.indicator).weight
        return self.saq_share / _HUNDRED * weight * self.share(item)

    def classify(self, score: Fraction) -> Band:
        """The band of an exact score: the highest band whose lower bound it reaches."""
        for band in self.bands:
            if score >= band.lower:
                return band
        return self.bands[-1]


def _build(fields: Mapping[str, object] | None) -> Instrument | None:
    return None if fields is None else Instrument(**fields)  # type: ignore[arg-type]


def parse_instrument(text: str, *, source: str = "<string>") -> Instrument:
    """Read an instrument from YAML text, in the layout of the bundled ``ki-pusat-2025``.

    Raises:
        DataFileError: Every problem of the text, each located (see
            [`load_instrument()`][load_instrument]).
    """
    return build(text, source, lambda doc: _build(read_instrument(doc)))


def load_instrument(file: FileInput, /, *, source: str | None = None) -> Instrument:
    """Read an instrument file (a path, bytes or a binary file object), strictly.

    A commission's own questionnaire, or a revised year, is a file in the layout of the
    bundled ``ki-pusat-2025.yaml``; ``ppid monev score FILE --instrument FILE`` reads it.
    Every problem is reported together, located: an unknown field, a weight or share that
    is not a number from 0 to 100, weights that do not sum to 100, bands not descending to
    0, an unknown answer type, aggregation or confidence, two items with one key, an item
    without points under the ``points`` rule (or with points under ``equal``).

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    doc = Document.read(file, source=source)
    fields = read_instrument(doc)
    doc.raise_errors()
    instrument = _build(fields)
    if instrument is None:  # pragma: no cover - read_instrument records why
        raise DataFileError.from_errors(doc.source, [])
    return instrument


@functools.cache
def _bundled(key: str) -> Instrument:
    text, source = bundled_text(_PACKAGE, _FOLDER, key, what="e-Monev instrument")
    return parse_instrument(text, source=source)
