"""Decision words of a request register, as data: what each word a register writes says.

A register's decision column ("Keputusan") is written by hand, and offices write the same
decision many ways: "Diterima", "Dikabulkan seluruhnya", "Informasi diberikan" all say the
information was given in full. A [`DecisionTable`][DecisionTable] maps each word to one of
the five kinds of [`DecisionKind`][ppid_core.requests.DecisionKind], or to an
[`Unstated`][Unstated] meaning:

- ``handled``: the request was answered, but the word does not say what was decided
  ("Selesai", "Sudah dijawab"). Counting it as granted would invent a decision the register
  does not record, so a report counts it apart (answered, decision not stated);
- ``pending``: the request is still being dealt with ("Proses", "Diperpanjang").

Words are compared by `ppid_core._headers.fold()` (case, punctuation and repeated blanks
do not count). The table ppid-core ships is ``DecisionTable.bundled()`` (its file,
``requests/data/decisions/default.yaml``, cites the sources of every kind); an office adds
its own words in a file of the same layout, read over the shipped one:

    >>> table = DecisionTable.bundled()
    >>> table.lookup("DIKABULKAN SELURUHNYA"), table.lookup("Selesai")
    (<DecisionKind.GRANTED: 'granted'>, <Unstated.HANDLED: 'handled'>)
    >>> table.lookup("diterima penuh") is None
    True
    >>> ours = parse_decisions(
    ...     "decisions:\\n  granted: [Diterima penuh]\\n", extends=DecisionTable.bundled()
    ... )
    >>> ours.lookup("Diterima penuh"), ours.lookup("Ditolak")
    (<DecisionKind.GRANTED: 'granted'>, <DecisionKind.REFUSED: 'refused'>)

A word may name one thing only: a word listed under two kinds, or under another kind than
the table it extends gives it, is an error at the word.

References:
    UU 14/2008 Pasal 17 (exceptions), Pasal 22 ayat (7) (the written notice); Perki 1/2021
    (Standar Layanan Informasi Publik); the Perki 1/2010 register template (Keputusan).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import N_
from ppid_core._source import FileInput, bundled_names, bundled_text
from ppid_core._yaml import Document, node_path
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._models import DecisionKind
from ppid_core.requests._shown import shown

if TYPE_CHECKING:
    import yaml

__all__ = [
    "DEFAULT_DECISIONS",
    "DecisionTable",
    "Meaning",
    "Unstated",
    "load_decisions",
    "parse_decisions",
]

DEFAULT_DECISIONS = "default"
"""The decision table used when none is named."""
_PACKAGE, _FOLDER = "ppid_core.requests", "data/decisions"
_SECTIONS = ("decisions", "handled", "pending")


class Unstated(enum.Enum):
    """A register word that states no decision (UU 14/2008 Pasal 22 ayat (7) needs one)."""

    HANDLED = "handled"
    """Answered ("Selesai", "Sudah dijawab"); the word does not say what was decided."""
    PENDING = "pending"
    """Still being dealt with ("Proses", "Dalam proses", "Diperpanjang")."""


Meaning: TypeAlias = DecisionKind | Unstated
"""What a register word says: a decision, or that it states none."""

_EXAMPLES = ", ".join(k.label for k in DecisionKind)


def _index(pairs: Iterable[tuple[str, Meaning]]) -> dict[str, Meaning]:
    """Folded word to meaning; a word without letters or a word with two meanings raises."""
    out: dict[str, Meaning] = {}
    first: dict[str, str] = {}
    problems: list[str] = []
    for word, meaning in pairs:
        key = fold(word)
        if not key:
            problems.append(f"{word!r} has no letters or digits")
        elif out.setdefault(key, meaning) is not meaning:
            problems.append(
                f"{first[key]!r} ({out[key].value}) and {word!r} ({meaning.value}) "
                "are the same word"
            )
        first.setdefault(key, word)
    if problems:
        msg = "; ".join(problems) + "; a word names one decision only"
        raise InvalidArgumentError(msg)
    return out


def _kinds(
    value: Mapping[DecisionKind, Iterable[str]] | Mapping[str, Iterable[str]],
) -> dict[DecisionKind, tuple[str, ...]]:
    """The words per kind, keyed by [`DecisionKind`][DecisionKind] (its value is accepted too)."""
    out: dict[DecisionKind, tuple[str, ...]] = {}
    for key, words in value.items():
        try:
            kind = DecisionKind(key)
        except ValueError:
            expected = ", ".join(k.value for k in DecisionKind)
            msg = f"unknown decision kind {key!r}; expected one of: {expected}"
            raise InvalidArgumentError(msg) from None
        out[kind] = tuple(words)
    return out


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class DecisionTable:
    """The words of a register's decision column and what each says.

    Attributes:
        decisions: For each decision kind, its words as written.
        handled: Words saying a request was answered, without saying what was decided.
        pending: Words saying a request is still being dealt with.

    Raises:
        InvalidArgumentError: A word with no letters or digits, or one word (as folded)
            given two meanings.
    """

    decisions: Mapping[DecisionKind, tuple[str, ...]] = attrs.field(converter=_kinds)
    handled: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    pending: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    _meanings: dict[str, Meaning] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_meanings", _index(self._pairs()))

    def _pairs(self) -> Iterable[tuple[str, Meaning]]:
        for kind, words in self.decisions.items():
            yield from ((w, kind) for w in words)
        yield from ((w, Unstated.HANDLED) for w in self.handled)
        yield from ((w, Unstated.PENDING) for w in self.pending)

    @classmethod
    def bundled(cls, name: str = DEFAULT_DECISIONS) -> DecisionTable:
        """A decision table shipped with ppid-core, by name (read once, then shared).

        Raises:
            UnknownNameError: No such table; the message lists the bundled names.
        """
        return _bundled(name)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The names of the decision tables shipped with ppid-core.

        >>> DecisionTable.bundled_names()
        ('default',)
        """
        return bundled_names(_PACKAGE, _FOLDER)

    def lookup(self, text: str) -> Meaning | None:
        """What a cell's word says; ``None`` for a word the table does not know (or blank).

        >>> DecisionTable.bundled().lookup("  Diterima,  sebagian ")
        <DecisionKind.PARTIALLY_GRANTED: 'partially_granted'>
        """
        return self._meanings.get(fold(text))

    def read(self, text: str) -> Meaning:
        """What a cell's word says, or the reason it says nothing known.

        Raises:
            InvalidArgumentError: The cell is blank, or its word is not in the table (the
                message shows it masked: any cell may hold personal data).

        Examples:
            >>> DecisionTable.bundled().read("Sudah dijawab")
            <Unstated.HANDLED: 'handled'>
            >>> DecisionTable.bundled().read("Budi")
            Traceback (most recent call last):
            ...
            ppid_core.errors.InvalidArgumentError: unknown decision 'B.' (masked); expected ...
        """
        meaning = self.lookup(text)
        if meaning is not None:
            return meaning
        if not text.strip():
            msg = N_("empty decision")
            raise InvalidArgumentError(msg)
        msg = N_(
            "unknown decision {text}; expected a word of the decision table, e.g. "
            "{examples}, or selesai (answered, decision not stated)"
        ).format(text=shown(text), examples=_EXAMPLES)
        raise InvalidArgumentError(msg)

    def extended(self, other: DecisionTable) -> DecisionTable:
        """This table with the words of ``other`` added (a word both list once).

        Raises:
            InvalidArgumentError: ``other`` gives a word another meaning than this table.

        Examples:
            >>> more = DecisionTable(decisions={}, handled=["Beres"])
            >>> DecisionTable.bundled().extended(more).lookup("beres")
            <Unstated.HANDLED: 'handled'>
            >>> DecisionTable.bundled().extended(DecisionTable(decisions={}, handled=["Diterima"]))
            Traceback (most recent call last):
            ...
            ppid_core.errors.InvalidArgumentError: 'Diterima' (granted) and 'Diterima' (handled) ...
        """
        pairs = (*self._pairs(), *other._pairs())
        _index(pairs)  # every word with two meanings, in one message
        merged: dict[Meaning, list[str]] = {}
        seen: set[str] = set()
        for word, meaning in pairs:
            if fold(word) not in seen:
                seen.add(fold(word))
                merged.setdefault(meaning, []).append(word)
        return DecisionTable(
            decisions={k: merged[k] for k in DecisionKind if k in merged},
            handled=merged.get(Unstated.HANDLED, []),
            pending=merged.get(Unstated.PENDING, []),
        )


def _words(
    doc: Document,
    node: yaml.Node | None,
    path: str,
    meaning: Meaning,
    *,
    seen: dict[str, tuple[Meaning, int]],
    base: DecisionTable | None,
) -> list[str]:
    """The words of one list, each checked against the file so far and the base table."""
    before = len(doc.errors)
    items = doc.items(node, path)
    if node is not None and not items and len(doc.errors) == before:
        doc.error(node, path, "expected at least one word")
    out: list[str] = []
    for _i, item, item_path in items:
        word = doc.string(item, item_path, one_line=True)
        if word is None:
            continue
        key = fold(word)
        if not key:
            doc.error(item, item_path, f"{word!r} has no letters or digits; expected a word")
            continue
        other, other_line = seen.setdefault(key, (meaning, item.start_mark.line + 1))
        known = base.lookup(word) if base is not None else None
        if other is not meaning:
            doc.error(
                item,
                item_path,
                f"{word!r} is also listed under {other.value} (line {other_line}); "
                "a word names one decision only",
            )
        elif known is not None and known is not meaning:
            doc.error(
                item,
                item_path,
                f"{word!r} already means {known.value} in the table this file extends; "
                "a word names one decision only",
            )
        else:
            out.append(word)
    return out


def _read(doc: Document, base: DecisionTable | None) -> DecisionTable:
    top = doc.mapping(doc.root, "$", optional=_SECTIONS)
    if not top and not doc.errors:
        doc.error(doc.root, "$", f"expected at least one of: {', '.join(_SECTIONS)}")
    seen: dict[str, tuple[Meaning, int]] = {}
    kinds = doc.mapping(
        top.get("decisions"), "$.decisions", optional=tuple(k.value for k in DecisionKind)
    )
    decisions: dict[DecisionKind, list[str]] = {}
    for key, node in kinds.items():
        kind = DecisionKind(key)
        decisions[kind] = _words(
            doc, node, node_path("$.decisions", key), kind, seen=seen, base=base
        )
    handled = _words(doc, top.get("handled"), "$.handled", Unstated.HANDLED, seen=seen, base=base)
    pending = _words(doc, top.get("pending"), "$.pending", Unstated.PENDING, seen=seen, base=base)
    doc.raise_errors()
    table = DecisionTable(decisions=decisions, handled=handled, pending=pending)
    return table if base is None else base.extended(table)


def parse_decisions(
    text: str, *, source: str = "<string>", extends: DecisionTable | None = None
) -> DecisionTable:
    """Parse a decision table from YAML text (the layout of the bundled ``default.yaml``).

    Args:
        text: The YAML text: any of ``decisions`` (a mapping from the decision kinds
            ``granted``, ``partially_granted``, ``refused``, ``not_held``,
            ``not_documented`` to lists of words), ``handled`` and ``pending`` (lists).
        source: The name used in error messages.
        extends: A table the text adds to (usually ``DecisionTable.bundled()``); the
            result holds the words of both.

    Raises:
        DataFileError: Every problem of the text, each located: a word listed under two
            meanings, or under another meaning than ``extends`` gives it, among them.

    Examples:
        >>> parse_decisions("handled: [Selesai]\\npending: [selesai]\\n", source="d.yaml")
        Traceback (most recent call last):
        ...
        ppid_core.errors.DataFileError: d.yaml: 1 error
    """
    return _read(Document.parse(text, source=source), extends)


def load_decisions(
    file: FileInput, /, *, source: str | None = None, extends: DecisionTable | None = None
) -> DecisionTable:
    """Load a decision table from its YAML file: a path, its bytes or a binary file object.

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        extends: A table the file adds to (usually ``DecisionTable.bundled()``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.
    """
    return _read(Document.read(file, source=source), extends)


@functools.cache
def _bundled(name: str) -> DecisionTable:
    text, source = bundled_text(_PACKAGE, _FOLDER, name, what="decision table")
    return parse_decisions(text, source=source)
