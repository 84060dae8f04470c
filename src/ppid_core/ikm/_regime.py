"""Regimes: the unsur, weights and interval table of an IKM guideline, read from YAML.

A regime is data (``ikm/data/regimes/<key>.yaml``), never constants in code, so a custom
regime or a corrected table is a reviewed data change with its citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

import attrs
import yaml

from ppid_core._numbers import half_up, parse_fraction
from ppid_core._yaml import Document, node_path
from ppid_core.errors import UnknownNameError

__all__ = [
    "DEFAULT_REGIME",
    "Band",
    "Regime",
    "Unsur",
    "available_regimes",
    "load_regime",
    "normalize_header",
]

DEFAULT_REGIME = "permenpan_14_2017"
_CENT = Decimal("0.01")
_KEY_RE = re.compile(r"[a-z][a-z0-9_]*")


def normalize_header(text: str) -> str:
    """Fold a column header or alias for matching: case, blanks and a trailing dot.

    >>> normalize_header("  Sarana  dan Prasarana. ")
    'sarana dan prasarana'
    """
    return " ".join(text.split()).rstrip(".:").strip().casefold()


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


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


def _check_unsur(instance: Regime, _a: object, unsur: tuple[Unsur, ...]) -> None:
    keys = [u.key for u in unsur]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        msg = f"duplicate unsur key {', '.join(repr(k) for k in duplicates)}"
        raise ValueError(msg)
    total = sum((u.weight for u in unsur), Fraction(0))
    if total != 1:
        msg = f"the weights of the unsur must sum to exactly 1, got {total}"
        raise ValueError(msg)


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

    References:
        Permenpan RB 14/2017, Lampiran (formula: NRR per unsur, bobot 1/9, x 25).
    """

    key: str
    title: str
    references: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    unsur: tuple[Unsur, ...] = attrs.field(validator=_check_unsur)
    scale_minimum: int = 1
    scale_maximum: int = 4
    conversion: int = 25
    bands: tuple[Band, ...]
    notes: str = ""

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
            ValueError: The value lies outside the table.

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
        raise ValueError(msg)

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "<string>") -> Regime:
        """Read a regime from YAML text; every problem is reported together.

        Raises:
            DataFileError: The document breaks the schema (located errors).
        """
        return _read_regime(Document.parse(text, source=source))


@attrs.define
class _RawUnsur:
    node: yaml.Node
    path: str
    key_node: yaml.Node | None = None
    key: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    question: str = ""
    question_number: int | None = None
    answers: tuple[str, ...] = ()
    weight: Fraction | None = None
    has_weight: bool = False


def _texts(doc: Document, m: dict[str, yaml.Node], field: str, path: str) -> tuple[str, ...]:
    if field not in m:
        return ()
    items = [doc.string(n, p) for _, n, p in doc.items(m[field], node_path(path, field))]
    return tuple(i for i in items if i is not None)


def _read_unsur(doc: Document, node: yaml.Node, path: str) -> _RawUnsur | None:
    m = doc.mapping(
        node,
        path,
        required=("key", "name"),
        optional=("aliases", "question", "question_number", "answers", "weight"),
    )
    if not m:
        return None
    raw = _RawUnsur(node=node, path=path, key_node=m.get("key"))
    raw.key = doc.string(m.get("key"), node_path(path, "key"))
    if raw.key is not None and not _KEY_RE.fullmatch(raw.key):
        doc.error(m["key"], node_path(path, "key"), f"expected a snake_case key, got {raw.key!r}")
    raw.name = doc.string(m.get("name"), node_path(path, "name"))
    raw.aliases = _texts(doc, m, "aliases", path)
    raw.answers = _texts(doc, m, "answers", path)
    raw.question = doc.optional(m, "question", path, doc.string) or ""
    raw.question_number = doc.optional(
        m, "question_number", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=99)
    )
    if "weight" in m:
        raw.has_weight = True
        wpath = node_path(path, "weight")
        text = doc.string(m["weight"], wpath)
        raw.weight = parse_fraction(text) if text is not None else None
        if text is not None and (raw.weight is None or not 0 < raw.weight <= 1):
            doc.error(
                m["weight"], wpath, f"expected a weight in (0, 1] like 1/9 or 0.2, got {text!r}"
            )
            raw.weight = None
    return raw


def _read_bands(
    doc: Document, node: yaml.Node | None, path: str, low: Decimal, high: Decimal
) -> list[Band]:
    bands: list[Band] = []
    for _, n, p in doc.items(node, path):
        m = doc.mapping(n, p, required=("mutu", "kinerja", "perception", "lower", "upper"))
        values = (
            doc.string(m.get("mutu"), node_path(p, "mutu")),
            doc.string(m.get("kinerja"), node_path(p, "kinerja")),
            doc.integer(m.get("perception"), node_path(p, "perception"), minimum=1, maximum=9),
            doc.decimal(m.get("lower"), node_path(p, "lower")),
            doc.decimal(m.get("upper"), node_path(p, "upper")),
        )
        if any(v is None for v in values):
            continue
        mutu, kinerja, perception, lower, upper = values
        assert isinstance(lower, Decimal) and isinstance(upper, Decimal)  # noqa: PT018
        expected = low if not bands else bands[-1].upper + _CENT
        if lower != expected or lower.quantize(_CENT) != lower or upper.quantize(_CENT) != upper:
            doc.error(
                m["lower"],
                node_path(p, "lower"),
                f"bands must be contiguous on the 0.01 grid: expected lower {expected}, "
                f"got {lower}",
            )
        if upper < lower:
            doc.error(m["upper"], node_path(p, "upper"), f"upper {upper} is below lower {lower}")
        bands.append(
            Band(
                mutu=str(mutu),
                kinerja=str(kinerja),
                perception=int(str(perception)),
                lower=lower,
                upper=upper,
            )
        )
    if bands and bands[-1].upper != high:
        doc.error(node, path, f"the last band must end at {high}, got {bands[-1].upper}")
    return bands


def _read_regime(doc: Document) -> Regime:
    path = "$"
    m = doc.mapping(
        doc.root,
        path,
        required=("key", "title", "unsur", "bands"),
        optional=("references", "scale_minimum", "scale_maximum", "conversion", "notes"),
    )
    key = doc.string(m.get("key"), "$.key")
    title = doc.string(m.get("title"), "$.title")
    refs = (
        [doc.string(n, p) for _, n, p in doc.items(m["references"], "$.references")]
        if ("references" in m)
        else []
    )
    smin = doc.optional(m, "scale_minimum", path, lambda n, p: doc.integer(n, p, minimum=0))
    smax = doc.optional(m, "scale_maximum", path, lambda n, p: doc.integer(n, p, minimum=1))
    conv = doc.optional(m, "conversion", path, lambda n, p: doc.integer(n, p, minimum=1))
    smin, smax, conv = (1 if smin is None else smin), (smax or 4), (conv or 25)
    notes = doc.optional(m, "notes", path, doc.string) or ""
    raw_unsur = [_read_unsur(doc, n, p) for _, n, p in doc.items(m.get("unsur"), "$.unsur")]
    readable = [u for u in raw_unsur if u is not None]
    seen: dict[str, str] = {}
    first_path: dict[str, str] = {}
    size = smax - smin + 1
    for u in readable:
        if u.key is not None and u.key in first_path:
            doc.error(
                u.key_node,
                node_path(u.path, "key"),
                f"duplicate unsur key {u.key!r} (first at {first_path[u.key]}); "
                "every unsur needs its own key",
            )
        elif u.key is not None:
            first_path[u.key] = u.path
        if u.answers and len(u.answers) != size:
            doc.error(
                u.node,
                node_path(u.path, "answers"),
                f"expected {size} answer labels (scores {smin}-{smax}), got {len(u.answers)}",
            )
        for header in (u.key, u.name, *u.aliases):
            if header is None:
                continue
            norm = normalize_header(header)
            if norm in seen and seen[norm] != u.key:
                doc.error(u.node, u.path, f"header {header!r} already names unsur {seen[norm]!r}")
            seen[norm] = str(u.key)
    weighted = [u for u in readable if u.has_weight]
    if weighted and len(weighted) != len(readable):
        doc.error(m.get("unsur"), "$.unsur", "give a weight to every unsur or to none")
    elif weighted and all(u.weight is not None for u in weighted):
        total = sum((u.weight for u in weighted if u.weight is not None), Fraction(0))
        if total != 1:
            doc.error(
                m.get("unsur"),
                "$.unsur",
                f"the weights must sum to exactly 1, got {total} (= {half_up(total, 6)})",
            )
    bands = _read_bands(doc, m.get("bands"), "$.bands", Decimal(smin * conv), Decimal(smax * conv))
    doc.raise_errors()
    equal = Fraction(1, len(readable)) if readable else Fraction(1)
    unsur = tuple(
        Unsur(
            key=str(u.key),
            name=str(u.name),
            aliases=u.aliases,
            question=u.question,
            question_number=u.question_number,
            answers=u.answers,
            weight=u.weight if u.weight is not None else equal,
        )
        for u in readable
    )
    return Regime(
        key=str(key),
        title=str(title),
        references=tuple(r for r in refs if r),
        unsur=unsur,
        scale_minimum=smin,
        scale_maximum=smax,
        conversion=conv,
        bands=tuple(bands),
        notes=notes,
    )


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
        return _read_regime(Document.read(path))
    known = ", ".join(available_regimes())
    msg = f"unknown regime {text!r}; use one of {known} or the path of a .yaml file"
    raise UnknownNameError(msg)
