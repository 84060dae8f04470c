"""Regimes: the unsur, weights and interval table of an IKM guideline, read from YAML.

A regime is data (``ikm/data/regimes/<key>.yaml``), never constants in code, so a custom
regime or a corrected table is a reviewed data change with its citation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

import attrs

from ppid_core._numbers import half_up
from ppid_core._yaml import Document
from ppid_core.errors import DataFileError, InvalidTallyError, LocatedError, UnknownNameError

__all__ = [
    "CONVERSION_LIMIT",
    "DEFAULT_REGIME",
    "SCALE_LIMIT",
    "Band",
    "Regime",
    "Unsur",
    "available_regimes",
    "label_key",
    "label_problems",
    "load_regime",
    "normalize_header",
]

DEFAULT_REGIME = "permenpan_14_2017"
#: Bounds of the answer scale and of the conversion factor. Real guidelines use 1-4 (or a
#: Likert 1-5/1-7/1-10) and x25; the bounds keep a mistyped regime from building an answer
#: table of millions of scores, and keep every band bound a small decimal.
SCALE_LIMIT = 99
CONVERSION_LIMIT = 1000


def normalize_header(text: str) -> str:
    """Fold a column header or alias for matching: case, blanks and a trailing dot.

    >>> normalize_header("  Sarana  dan Prasarana. ")
    'sarana dan prasarana'
    """
    return " ".join(text.split()).rstrip(".:").strip().casefold()


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def label_key(label: str) -> str:
    """An answer label folded as the readers fold a cell: blanks collapsed, case ignored."""
    return " ".join(label.split()).casefold()


def label_problems(answers: Sequence[str], minimum: int, maximum: int) -> list[tuple[int, str]]:
    """(position, message) for each answer label a reader could not tell from another answer.

    A cell is read as a score (its digits) or as an answer label. A label that reads as the
    digits of another score (``"4"`` labelling score 1) or as another score's label would
    make one cell mean two scores, so such a regime is refused. A label equal to its own
    score's digits is harmless.

    >>> for position, message in label_problems(["4", "2", "Baik", "baik"], 1, 4):
    ...     print(position, message)
    0 answer label '4' (score 1) reads as score 4; a label that is a number must be its own score
    3 answer label 'baik' (score 4) is also the label of score 3 ('Baik'); each answer needs
    its own label
    """
    digits = {str(t): t for t in range(minimum, maximum + 1)}
    problems: list[tuple[int, str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for pos, label in enumerate(answers):
        score, key = minimum + pos, label_key(label)
        if not key:
            problems.append((pos, f"the answer label of score {score} is blank; give it a text"))
        elif digits.get(key, score) != score:
            problems.append(
                (
                    pos,
                    f"answer label {label!r} (score {score}) reads as score {digits[key]}; "
                    "a label that is a number must be its own score",
                )
            )
        elif key in seen:
            other, first = seen[key]
            problems.append(
                (
                    pos,
                    f"answer label {label!r} (score {score}) is also the label of score {other} "
                    f"({first!r}); each answer needs its own label",
                )
            )
        else:
            seen[key] = (score, label)
    return problems


@attrs.frozen(kw_only=True)
class Unsur:
    """Unsur (element): one dimension of the satisfaction survey.

    Attributes:
        key: Stable identifier (``persyaratan``); never a position.
        name: The name the regulation uses.
        aliases: Other headers accepted for its column (the short names reports use).
        question: The default question text.
        question_number: The position of the question in the standard questionnaire.
        answers: Labels of the answers 1..4 (empty when the guideline gives none).
        weight: Its weight in the index (the weights of a regime sum to exactly 1).

    References:
        Permenpan RB 14/2017, Lampiran (ruang lingkup, 9 unsur).
    """

    key: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    question: str = ""
    question_number: int | None = None
    answers: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    weight: Fraction

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header that names this unsur: the key, the name and the aliases."""
        return (self.key, self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class Band:
    """One row of the interval table: a range of converted values and its grade.

    Attributes:
        mutu: Service quality grade (A-D).
        kinerja: Performance label (Sangat Baik ... Tidak Baik).
        perception: The "nilai persepsi" 1-4 of the row.
        lower: Lowest converted value (NIK) of the row, inclusive, 2 decimals.
        upper: Highest converted value (NIK) of the row, inclusive, 2 decimals.
    """

    mutu: str
    kinerja: str
    perception: int
    lower: Decimal
    upper: Decimal

    def contains(self, value: Decimal) -> bool:
        """True when the (already rounded) converted value lies in this row."""
        return self.lower <= value <= self.upper


def _regime_problems(regime: Regime) -> list[LocatedError]:
    """What makes a regime built in code unusable (the YAML reader checks the same)."""
    source = f"<regime {regime.key}>"
    out: list[LocatedError] = []
    smin, smax = regime.scale_minimum, regime.scale_maximum
    if not 0 <= smin < smax <= SCALE_LIMIT:
        out.append(
            LocatedError(
                f"the answer scale must run upwards within 0-{SCALE_LIMIT}, got {smin}-{smax}",
                source=source,
                path="$.scale_maximum",
            )
        )
    if not 1 <= regime.conversion <= CONVERSION_LIMIT:
        out.append(
            LocatedError(
                f"the conversion factor must be 1-{CONVERSION_LIMIT}, got {regime.conversion}",
                source=source,
                path="$.conversion",
            )
        )
    first: dict[str, int] = {}
    for i, u in enumerate(regime.unsur):
        if u.key in first:
            out.append(
                LocatedError(
                    f"duplicate unsur key {u.key!r} (first at $.unsur[{first[u.key]}]); "
                    "every unsur needs its own key",
                    source=source,
                    path=f"$.unsur[{i}].key",
                )
            )
        first.setdefault(u.key, i)
        if u.answers and len(u.answers) != smax - smin + 1:
            out.append(
                LocatedError(
                    f"expected {smax - smin + 1} answer labels (scores {smin}-{smax}), "
                    f"got {len(u.answers)}",
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
                f"the weights of the unsur must sum to exactly 1, got {total}",
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
            :meth:`from_yaml` locates them in a file.

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
        msg = f"no unsur {name!r} in regime {self.key}; known: {known}"
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
            >>> r = load_regime()
            >>> [r.classify(Fraction(v)).mutu for v in ("88.305", "88.30", "64.994", "65")]
            ['A', 'B', 'D', 'C']
        """
        shown = half_up(Fraction(value), 2)
        for band in self.bands:
            if band.contains(shown):
                return band
        msg = f"converted value {shown} is outside the interval table of {self.key}"
        raise InvalidTallyError(msg)

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "<string>") -> Regime:
        """Read a regime from YAML text; every problem is reported together.

        Raises:
            DataFileError: The document breaks the schema (located errors).
        """
        from ppid_core.ikm._regime_yaml import read_regime  # noqa: PLC0415 - it builds Regime

        return read_regime(Document.parse(text, source=source))


_CACHE: dict[str, Regime] = {}


def available_regimes() -> tuple[str, ...]:
    """Keys of the regimes shipped with ppid-core.

    >>> available_regimes()
    ('kepmenpan_25_2004', 'permenpan_14_2017')
    """
    folder = resources.files("ppid_core.ikm") / "data" / "regimes"
    return tuple(
        sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    )


def load_regime(name: str | Path = DEFAULT_REGIME) -> Regime:
    """A shipped regime by key, or a custom one from a YAML file path.

    Args:
        name: A key from :func:`available_regimes` or the path of a ``.yaml`` file.

    Raises:
        UnknownNameError: ``name`` is neither a shipped key nor an existing file.
        DataFileError: The YAML breaks the schema.

    Examples:
        >>> r = load_regime()
        >>> len(r.unsur), r.unsur[0].weight, r.classify(Fraction(272, 3)).kinerja
        (9, Fraction(1, 9), 'Sangat Baik')
    """
    text = str(name)
    if text in _CACHE:
        return _CACHE[text]
    if text in available_regimes():
        res = resources.files("ppid_core.ikm") / "data" / "regimes" / f"{text}.yaml"
        regime = Regime.from_yaml(res.read_text(encoding="utf-8"), source=f"{text}.yaml")
        _CACHE[text] = regime
        return regime
    path = Path(text)
    if path.suffix in {".yaml", ".yml"} and path.is_file():
        from ppid_core.ikm._regime_yaml import read_regime  # noqa: PLC0415 - it builds Regime

        return read_regime(Document.read(path))
    known = ", ".join(available_regimes())
    msg = f"unknown regime {text!r}; use one of {known} or the path of a .yaml file"
    raise UnknownNameError(msg)
