"""What a read survey keeps of its respondents, so that a breakdown is chosen after reading.

Per counted questionnaire a survey keeps one byte per unsur (the score, or
[`NOT_ANSWERED`][NOT_ANSWERED]) and, for every other column, a code: the position of the cell's
text (stripped) in the sorted list of the column's distinct values. A million respondents
with one service column take about 10 MB. Not kept:

- columns with personal data (names, phone numbers, e-mails, NIK, addresses): a
  breakdown by them would print them, so they are refused as ``by`` anyway;
- columns with more than [`KEEP_LIMIT`][KEEP_LIMIT] distinct values (a row number, a timestamp,
  free-text suggestions): they identify respondents rather than group them. A column
  named with ``by`` when reading is kept whatever its number of values.

Group tallies are computed from the codes without a Python loop over rows: each unsur's
score bytes and the group codes are read as one big integer each (``int.from_bytes``),
combined as ``code * slots + score`` in one multiplication and one addition, and counted
per value (``bytes.count``, or one ``collections.Counter`` pass for many values).
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, TypeAlias

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import _
from ppid_core.errors import InvalidArgumentError, UnknownNameError
from ppid_core.ikm._header import personal_mask, shown_headers
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._tally import Tally

__all__ = [
    "KEEP_LIMIT",
    "NOT_ANSWERED",
    "Coder",
    "GroupKey",
    "KeptColumn",
    "Responses",
    "group_tallies",
    "typecode",
]

#: The most distinct values a column may have to be kept for a breakdown chosen later.
KEEP_LIMIT = 1_000
#: The score byte of an unsur the questionnaire left blank (scores are at most 99).
NOT_ANSWERED = 255

_ORDER = sys.byteorder
_Code: TypeAlias = Literal["B", "H", "I", "L", "Q"]
_CODES: tuple[_Code, ...] = ("Q", "L", "I", "H", "B")
_TYPECODES: dict[int, _Code] = {array(code).itemsize: code for code in _CODES}  # width -> code
_COUNT_LIMIT = 48  # values counted one ``bytes.count`` each; more go through a Counter


def _width(values: int) -> int:
    """Bytes per row for codes ``0 .. values - 1``."""
    return next(w for w in (1, 2, 4, 8) if values <= 1 << (8 * w))


def typecode(values: int) -> str:
    """The narrowest ``array`` type code for codes ``0 .. values - 1``.

    >>> typecode(2), typecode(300), typecode(70_000)
    ('B', 'H', 'I')
    """
    return _TYPECODES[_width(values)]


@attrs.frozen(kw_only=True)
class KeptColumn:
    """One column kept for breakdowns: its distinct values and, per row, a code.

    Attributes:
        name: The header as written (stripped).
        labels: The distinct cell texts, stripped, sorted (``""`` for blank cells).
        codes: Per counted row, the position of its text in ``labels``.
    """

    name: str
    labels: tuple[str, ...] = attrs.field(repr=False)
    codes: array[int] = attrs.field(repr=False)

    @classmethod
    def from_raw(cls, name: str, labels: Sequence[str], codes: array[int]) -> KeptColumn:
        """The canonical column from codes into ``labels`` in any order, maybe repeated.

        ``labels`` are stripped, merged when equal and sorted, and ``codes`` renumbered,
        so that the same cells give the same column however they were read.
        """
        stripped = [label.strip() for label in labels]
        ordered = sorted(set(stripped))
        position = {label: i for i, label in enumerate(ordered)}
        remap = [position[label] for label in stripped]
        code = typecode(len(ordered))
        if remap == list(range(len(remap))) and codes.typecode == code:
            return cls(name=name, labels=tuple(ordered), codes=codes)
        if codes.itemsize == 1 and code == "B":
            table = bytes(remap) + bytes(256 - len(remap))
            new = array("B", codes.tobytes().translate(table))
        else:
            new = array(code, map(remap.__getitem__, codes))
        return cls(name=name, labels=tuple(ordered), codes=new)


class _Index(dict[str, int]):
    """Text -> code, a new code for each new text."""

    def __missing__(self, key: str) -> int:
        code = self[key] = len(self)
        return code


class Coder:
    """Codes one column while a file is read, and counts its values (for the profile).

    Cells are coded as written; stripping, merging and sorting happen once, at the end
    ([`KeptColumn.from_raw()`][KeptColumn.from_raw]), on the distinct values only. A column whose
    stripped
    values number more than [`KEEP_LIMIT`][KEEP_LIMIT] gives up its codes (unless ``required``)
    and only counts its values from then on.
    """

    def __init__(self, name: str, *, required: bool, counted: bool = False) -> None:
        self.name = name
        self.required = required
        self.counted = counted
        self.kept = True
        self.index = _Index()
        self.codes: array[int] = array("B")
        self.counts: Counter[str] = Counter()  # once the codes are given up, if counted
        self._check_at = KEEP_LIMIT
        self._column: KeptColumn | None = None

    def add(self, values: Sequence[str]) -> None:
        """Code (or count) a chunk of cells."""
        if not self.kept:
            if self.counted:
                self.counts.update(map(str.strip, values))
            return
        new = list(map(self.index.__getitem__, values))
        size = len(self.index)
        if size > self._check_at:
            if not self.required and len({v.strip() for v in self.index}) > KEEP_LIMIT:
                self._give_up(new)
                return
            self._check_at = 2 * size  # many padded spellings of few values: check rarely
        if typecode(size) != self.codes.typecode:
            self.codes = array(typecode(size), self.codes)
        if self.codes.itemsize == 1:
            self.codes.frombytes(bytes(new))
        else:
            self.codes.extend(new)

    def _give_up(self, new: list[int]) -> None:
        if self.counted:
            texts = [v.strip() for v in self.index]
            for code, n in Counter(self.codes).items():
                self.counts[texts[code]] += n
            self.counts.update(texts[code] for code in new)
        self.kept = False
        self.index = _Index()
        self.codes = array("B")

    def column(self) -> KeptColumn | None:
        """The column read so far, canonical (see [`KeptColumn.from_raw()`][KeptColumn.from_raw]),
        or ``None``
        when it is not kept."""
        if not self.kept:
            return None
        if self._column is None or len(self._column.codes) != len(self.codes):
            self._column = KeptColumn.from_raw(self.name, list(self.index), self.codes)
        return self._column

    def value_counts(self) -> dict[str, int]:
        """Stripped value -> rows, sorted by value (only for a ``counted`` column)."""
        column = self.column()
        if column is None:
            return dict(sorted(self.counts.items()))
        counts = _histogram(column.codes, range(len(column.labels)))
        return {column.labels[v]: n for v, n in counts}


@attrs.frozen(kw_only=True)
class Responses:
    """The answers and kept columns of every counted questionnaire, in reading order.

    Attributes:
        header: Every column of the file, stripped (to explain why one is not kept).
        scores: Per unsur (regime order), per row: the score, or [`NOT_ANSWERED`][NOT_ANSWERED].
        columns: The kept columns (see the module docstring).
        rows: Per row, its row number in the file (kept for a survey with a date column,
            else empty); not compared, since the same answers may stand anywhere.
    """

    header: tuple[str, ...] = ()
    scores: tuple[bytes, ...] = attrs.field(default=(), repr=False)
    columns: tuple[KeptColumn, ...] = ()
    rows: array[int] = attrs.field(factory=lambda: array("I"), repr=False, eq=False)

    def find(self, name: str, source: str) -> KeptColumn:
        """The kept column ``name`` names, matched as headers are (case, punctuation and
        blanks ignored).

        Raises:
            UnknownNameError: No such column, or it holds personal data, or it was not
                kept (the message says why and how to keep it).
        """
        wanted = fold(name)
        for column in self.columns:
            if fold(column.name) == wanted:
                return column
        found = next((h for h in self.header if fold(h) == wanted), None)
        if found is None:
            msg = _("no column {name!r} in {source} to break down by; columns: ").format(
                name=name, source=source
            )
            raise UnknownNameError(msg + shown_headers(self.header))
        if personal_mask(found) is not None:
            msg = _(
                "column {found!r} of {source} holds personal data; a breakdown by it would print "
                "it for every group: choose a column such as Layanan"
            ).format(found=found, source=source)
            raise UnknownNameError(msg)
        kept = ", ".join(c.name for c in self.columns) or "none"
        msg = _(
            "column {found!r} of {source} was not kept for a breakdown: it is an unsur "
            "column or has more than {KEEP_LIMIT:,} distinct values; name it when reading "
            "(by=[{found!r}]) to keep it (kept: {kept})"
        ).format(found=found, source=source, KEEP_LIMIT=KEEP_LIMIT, kept=kept)
        raise UnknownNameError(msg)


def _widen(data: bytes | array[int], width: int) -> memoryview | bytearray:
    """The unsigned values of ``data`` (bytes: one byte each) as ``width``-byte values in
    native order, ready for ``int.from_bytes``."""
    have = data.itemsize if isinstance(data, array) else 1
    raw = memoryview(data).cast("B")
    if have == width:
        return raw
    out = bytearray(len(raw) // have * width)
    shift = 0 if _ORDER == "little" else width - have
    for k in range(have):
        out[shift + k :: width] = raw[k::have]
    return out


def _combine(high: array[int], factor: int, low: bytes | array[int], size: int) -> array[int]:
    """Per row ``high * factor + low`` (each ``low < factor``, each result ``< size``).

    Both columns become one big integer each, with one row per ``_width(size)`` bytes, so
    the multiplication and the addition run over every row at once, with no carry from
    one row into the next.
    """
    width = _width(size)
    a = int.from_bytes(_widen(high, width), _ORDER)
    b = int.from_bytes(_widen(low, width), _ORDER)
    out = array(_TYPECODES[width])
    out.frombytes((a * factor + b).to_bytes(len(high) * width, _ORDER))
    return out


def _histogram(data: array[int], values: Sequence[int]) -> list[tuple[int, int]]:
    """(value, count) of each of ``values`` (ascending) that occurs in ``data``.

    A few values of one byte are counted by ``bytes.count`` (a scan at memory speed
    each), more by one ``Counter`` pass.
    """
    if data.itemsize == 1 and len(values) <= _COUNT_LIMIT:
        raw = data.tobytes()
        counts = [(v, raw.count(v)) for v in values]
    else:
        counter = Counter(data)
        counts = [(v, counter[v]) for v in values]
    return [(v, n) for v, n in counts if n]


def _occurring(codes: array[int]) -> list[tuple[int, int]]:
    """(value, count) of every value of ``codes``, ascending."""
    return sorted(Counter(codes).items())


def _dense(codes: array[int], size: int) -> tuple[array[int], list[int]]:
    """Renumber codes ``0 .. size - 1`` to the ones that occur; (codes, old code of each)."""
    used = sorted(set(codes))
    position = {v: i for i, v in enumerate(used)}
    return array(typecode(len(used)), map(position.__getitem__, codes)), used


def _group_codes(columns: Sequence[KeptColumn]) -> tuple[array[int], list[tuple[str, ...]]]:
    """Per row the code of its group across ``columns`` (crossed), and each group's labels."""
    codes = columns[0].codes
    keys: list[tuple[str, ...]] = [(label,) for label in columns[0].labels]
    for column in columns[1:]:
        k = len(column.labels)
        size = len(keys) * k
        joined = _combine(codes, k, column.codes, size)
        if size <= 1 << 16:
            codes = joined
            keys = [(*key, label) for key in keys for label in column.labels]
        else:  # keep only the combinations that occur
            codes, used = _dense(joined, size)
            keys = [(*keys[v // k], column.labels[v % k]) for v in used]
    return codes, keys


#: A function of a cell's text giving its group (``key=`` of a breakdown).
GroupKey: TypeAlias = Callable[[str], str]


def _keyed(column: KeptColumn, key: GroupKey | None) -> KeptColumn:
    """``column`` with each distinct value replaced by ``key(value)`` (merged, re-sorted)."""
    if key is None:
        return column
    labels = []
    for label in column.labels:
        group = key(label)
        if not isinstance(group, str):
            msg = _("key= must give a text for each value, got {kind}").format(
                kind=type(group).__name__
            )
            raise InvalidArgumentError(msg)
        labels.append(group)
    return KeptColumn.from_raw(column.name, labels, column.codes)


def group_tallies(
    responses: Responses,
    names: Sequence[str],
    regime: Regime,
    source: str,
    key: GroupKey | Mapping[str, GroupKey] | None = None,
) -> tuple[tuple[str, ...], dict[tuple[str, ...], Tally]]:
    """The kept columns ``names`` name, and the tally of each group of their values
    (crossed when there are several), groups sorted by their values.

    ``key`` groups by a function of the values instead (each distinct value is passed
    once): one function for every column, or a mapping of column name to function.

    Raises:
        UnknownNameError: A name matches no kept column (see [`Responses.find()`][Responses.find]).
        InvalidArgumentError: ``key`` gives something other than a text.
    """
    chosen = key if isinstance(key, Mapping) else dict.fromkeys(names, key)
    by_fold = {fold(name): fn for name, fn in chosen.items()}
    columns = [_keyed(responses.find(name, source), by_fold.get(fold(name))) for name in names]
    if not columns:
        msg = _("name at least one column to break down by")
        raise UnknownNameError(msg)
    found = tuple(c.name for c in columns)
    if not responses.scores or not len(columns[0].codes):
        return found, {}
    codes, keys = _group_codes(columns)
    size = len(keys)
    sizes = dict(_histogram(codes, range(size)) if size <= _COUNT_LIMIT else _occurring(codes))
    low, high = regime.scale_minimum, regime.scale_maximum
    slots = high - low + 2  # 0: not answered, then one per score
    table = bytearray(256)
    for s in range(low, high + 1):
        table[s] = s - low + 1
    n = len(regime.unsur)
    totals = {g: [0] * n for g in sizes}
    answered = {g: [0] * n for g in sizes}
    wanted = [g * slots + slot for g in sorted(sizes) for slot in range(1, slots)]
    for j, scores in enumerate(responses.scores):
        joined = _combine(codes, slots, scores.translate(table), size * slots)
        for value, count in _histogram(joined, wanted):
            group, slot = divmod(value, slots)
            totals[group][j] += (low + slot - 1) * count
            answered[group][j] += count
    ordered = sorted(sizes, key=keys.__getitem__)
    tallies = {
        keys[g]: Tally(
            keys=regime.keys, totals=totals[g], answered=answered[g], respondents=sizes[g]
        )
        for g in ordered
    }
    return found, tallies
