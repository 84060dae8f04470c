"""Regimes: the unsur, weights and interval table of an IKM guideline, read from YAML.

A regime is data (``ikm/data/regimes/<key>.yaml``), never constants in code, so a custom
regime or a corrected table is a reviewed data change with its citation. A shipped regime
is [`Regime.bundled()`][Regime.bundled]; a regime file is read with [`load_regime()`][load_regime]
(a path, bytes or
a binary file object) and YAML text with [`parse_regime()`][parse_regime].
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs

from ppid_core._i18n import _
from ppid_core._numbers import half_up
from ppid_core._source import FileInput, bundled_names, bundled_text, deprecated
from ppid_core._yaml import Document
from ppid_core.errors import DataFileError, InvalidTallyError, LocatedError, UnknownNameError
from ppid_core.ikm._regime_parts import (
    CONVERSION_LIMIT,
    SCALE_LIMIT,
    Band,
    Unsur,
    label_problems,
    normalize_header,
)
from ppid_core.ikm._regime_yaml import regime_fields

__all__ = [
    "DEFAULT_REGIME",
    "Band",
    "Regime",
    "Unsur",
    "available_regimes",
    "load_regime",
    "parse_regime",
]

DEFAULT_REGIME = "permenpan_14_2017"


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _regime_problems(regime: Regime) -> list[LocatedError]:
    """What makes a regime built in code unusable (the YAML reader checks the same)."""
    source = f"<regime {regime.key}>"
    out: list[LocatedError] = []
    smin, smax = regime.scale_minimum, regime.scale_maximum
    if not 0 <= smin < smax <= SCALE_LIMIT:
        out.append(
            LocatedError(
                _(
                    "the answer scale must run upwards within 0-{SCALE_LIMIT}, got {smin}-{smax}"
                ).format(SCALE_LIMIT=SCALE_LIMIT, smin=smin, smax=smax),
                source=source,
                path="$.scale_maximum",
            )
        )
    if not 1 <= regime.conversion <= CONVERSION_LIMIT:
        out.append(
            LocatedError(
                _("the conversion factor must be 1-{CONVERSION_LIMIT}, got {conversion}").format(
                    CONVERSION_LIMIT=CONVERSION_LIMIT, conversion=regime.conversion
                ),
                source=source,
                path="$.conversion",
            )
        )
    first: dict[str, int] = {}
    for i, u in enumerate(regime.unsur):
        if u.key in first:
            out.append(
                LocatedError(
                    _(
                        "duplicate unsur key {key!r} (first at "
                        "$.unsur[{first}]); every unsur needs its "
                        "own key"
                    ).format(key=u.key, first=first[u.key]),
                    source=source,
                    path=f"$.unsur[{i}].key",
                )
            )
        first.setdefault(u.key, i)
        if u.answers and len(u.answers) != smax - smin + 1:
            out.append(
                LocatedError(
                    _("expected {value} answer labels (scores {smin}-{smax}), got {count}").format(
                        value=smax - smin + 1, smin=smin, smax=smax, count=len(u.answers)
                    ),
                    source=source,
                    path=f"$.unsur[{i}].answers",
                )
            )
        out.extend(
            LocatedError(message, source=source, path=f"$.unsur[{i}].answers[{pos}]")
            for pos, message in label_problems(u.answers, smin, smax)
        )
    total = sum((u.weight for u in regime.unsur), Fraction(0))
    if total != 1:
        out.append(
            LocatedError(
                _("the weights of the unsur must sum to exactly 1, got {total}").format(
                    total=total
                ),
                source=source,
                path="$.unsur",
            )
        )
    return out


@attrs.frozen(kw_only=True)
class Regime:
    """An IKM guideline: its unsur, scale, conversion and interval table.

    Attributes:
        key: Identifier (``permenpan_14_2017``).
        title: Human title with the regulation's name.
        references: Citations of the rules this data encodes.
        unsur: The unsur in the regime file's listing order (for Permenpan RB 14/2017 the
            order most sources list, unverified against the Lampiran); reports sort them by
            question number.
        scale_minimum: Lowest answer score (1).
        scale_maximum: Highest answer score (4).
        conversion: Factor from the index (NI) to the converted value (NIK), 25.
        bands: The interval table, lowest band first, contiguous on the 0.01 grid.
        notes: Remarks on provenance (what is verified and what is not).

    Raises:
        DataFileError: Every problem of a regime built in code, located by its data path
            (``<regime KEY> ($.unsur[1].key): duplicate unsur key ...``), as
            [`parse_regime()`][parse_regime] locates them in a file.

    References:
        Permenpan RB 14/2017, Lampiran (formula: NRR per unsur, bobot 1/9, x 25).
    """

    key: str
    title: str
    references: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    unsur: tuple[Unsur, ...]
    scale_minimum: int = 1
    scale_maximum: int = 4
    conversion: int = 25
    bands: tuple[Band, ...]
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems = _regime_problems(self)
        if problems:
            raise DataFileError.from_errors(f"<regime {self.key}>", problems)

    @property
    def keys(self) -> tuple[str, ...]:
        """The unsur keys in listing order."""
        return tuple(u.key for u in self.unsur)

    def __getitem__(self, name: str) -> Unsur:
        """An unsur by key, name or alias (case and blanks ignored).

        Raises:
            UnknownNameError: No unsur has that name.
        """
        wanted = normalize_header(name)
        for u in self.unsur:
            if wanted in {normalize_header(h) for h in u.headers}:
                return u
        known = ", ".join(self.keys)
        msg = _("no unsur {name!r} in regime {key}; known: {known}").format(
            name=name, key=self.key, known=known
        )
        raise UnknownNameError(msg)

    def classify(self, value: Fraction | Decimal | int) -> Band:
        """The band of a converted value, after rounding it half-up to 2 decimals.

        Args:
            value: A converted value (NIK, 25-100 for 14/2017).

        Returns:
            The row of the interval table.

        Raises:
            InvalidTallyError: The value lies outside the table (no tally scored under the
                regime's own weights can give it).

        Examples:
            >>> r = Regime.bundled()
            >>> [r.classify(Fraction(v)).mutu for v in ("88.305", "88.30", "64.994", "65")]
            ['A', 'B', 'D', 'C']
        """
        shown = half_up(Fraction(value), 2)
        for band in self.bands:
            if band.contains(shown):
                return band
        msg = _("converted value {shown} is outside the interval table of {key}").format(
            shown=shown, key=self.key
        )
        raise InvalidTallyError(msg)

    @classmethod
    def bundled(cls, name: str = DEFAULT_REGIME) -> Regime:
        """A regime shipped with ppid-core, by key (read once, then shared).

        Raises:
            UnknownNameError: No such regime; the message lists the bundled keys.

        Examples:
            >>> r = Regime.bundled()
            >>> r.key, len(r.unsur), r.unsur[0].weight
            ('permenpan_14_2017', 9, Fraction(1, 9))
            >>> len(Regime.bundled("kepmenpan_25_2004").unsur)
            14
        """
        return _bundled(name)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The keys of the regimes shipped with ppid-core.

        >>> Regime.bundled_names()
        ('kepmenpan_25_2004', 'permenpan_14_2017')
        """
        return bundled_names(_PACKAGE, _FOLDER)

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "<string>") -> Regime:
        """Deprecated: use [`parse_regime()`][ppid_core.ikm.parse_regime]."""
        deprecated("Regime.from_yaml(text)", "parse_regime(text)")
        return parse_regime(text, source=source)


_PACKAGE, _FOLDER = "ppid_core.ikm", "data/regimes"


@functools.cache
def _bundled(name: str) -> Regime:
    text, source = bundled_text(_PACKAGE, _FOLDER, name, what="regime")
    return parse_regime(text, source=source)


def parse_regime(text: str, *, source: str = "<string>") -> Regime:
    """Parse a regime from YAML text; every problem is reported together.

    Args:
        text: The YAML document (the layout of the bundled regimes).
        source: The name used in error messages.

    Raises:
        DataFileError: The document breaks the schema (every problem, located).
    """
    return Regime(**regime_fields(Document.parse(text, source=source)))


def load_regime(file: FileInput | None = None, /, *, source: str | None = None) -> Regime:
    """Load a regime from its YAML file: a path, its bytes or a binary file object.

    A unit that adds unsur or weighs them differently writes a regime file in the layout
    of the bundled ones; a regime shipped with ppid-core is [`Regime.bundled()`][Regime.bundled].

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
            *Deprecated:* without it, the default bundled regime, with a warning; use
            [`Regime.bundled()`][Regime.bundled].
            *Deprecated:* a bundled regime's key (``"kepmenpan_25_2004"``) still gives
            that regime, with a warning; use [`Regime.bundled()`][Regime.bundled].
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        UnknownNameError: (Deprecated use) a name without a suffix that is neither a
            bundled regime nor a file.
        OSError: The path cannot be read.

    Examples:
        >>> text = Path(__file__).with_name("data") / "regimes" / "permenpan_14_2017.yaml"
        >>> load_regime(text.read_bytes(), source="mine.yaml") == Regime.bundled()
        True
    """
    if file is None:  # the old default: the bundled regime, now Regime.bundled()
        deprecated("load_regime() without a file", "Regime.bundled()")
        return _bundled(DEFAULT_REGIME)
    if isinstance(file, str) and not Path(file).suffix and not Path(file).exists():
        # the old meaning, a bundled regime's key: an unknown key stays UnknownNameError
        deprecated(f"load_regime({file!r}) for a bundled regime", f"Regime.bundled({file!r})")
        return _bundled(file)
    return Regime(**regime_fields(Document.read(file, source=source)))


def available_regimes() -> tuple[str, ...]:
    """Deprecated: use [`Regime.bundled_names()`][Regime.bundled_names]."""
    deprecated("available_regimes()", "Regime.bundled_names()")
    return bundled_names(_PACKAGE, _FOLDER)
