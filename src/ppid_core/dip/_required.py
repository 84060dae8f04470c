"""Required lists: the information a public body must publish, as data with citations.

A required list is a YAML file under ``dip/data/required/`` (or an office's own file in the
same layout). Each entry has a ``key`` that DIP items name with ``wajib: <key>``, the
category the law gives it, its citation, and how sure we are of its wording
(``confidence``: P primary text read, S secondary sources, U not read). The list also holds
the staleness rule: how many months information of a category may go without an update.

    >>> uu = RequiredList.bundled()
    >>> uu.key, len(uu.entries), uu.staleness.months, uu.staleness.citation
    ('uu_14_2008', 12, 6, 'UU 14/2008 Pasal 9 ayat (3)')
    >>> uu.entry("pasal-11-1-h").confidence
    'P'

References:
    UU 14/2008 Pasal 9-11 (BAB IV, informasi yang wajib disediakan dan diumumkan).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from ppid_core._i18n import _
from ppid_core._source import FileInput, bundled_names, bundled_text, read_source_text
from ppid_core._yaml import Document, build, node_path
from ppid_core._yaml_scalars import show
from ppid_core.dip._model import Category

if TYPE_CHECKING:
    import yaml

__all__ = [
    "DEFAULT_REQUIRED",
    "RequiredEntry",
    "RequiredList",
    "Staleness",
    "load_required",
    "unknown_key",
]

#: The bundled list used when none is given.
DEFAULT_REQUIRED = "uu_14_2008"
_CONFIDENCE = ("P", "S", "U")
_CATEGORIES = {c.value: c for c in Category}
_CITED = ("citation", "confidence", "source")


@attrs.frozen(kw_only=True)
class RequiredEntry:
    """One piece of information the law requires.

    Attributes:
        key: The stable key DIP items name (``wajib: pasal-9-2-a``).
        category: Its category under UU 14/2008.
        citation: Pasal, ayat and huruf.
        text: The law's words for it (Indonesian).
        always: ``False`` when it is required only if such information exists (informasi
            serta merta): then its absence is not a finding.
        confidence: ``P``, ``S`` or ``U`` (see the module).
        source: Where the words were read (or the official text, for ``U``).
        note: What a reviewer should know.
    """

    key: str
    category: Category
    citation: str
    text: str
    always: bool
    confidence: str
    source: str
    note: str | None = None


@attrs.frozen(kw_only=True)
class Staleness:
    """How long information of a category may go without an update.

    Attributes:
        category: The category the rule applies to (berkala).
        months: Calendar months from the last update.
        citation: The article that sets it.
        confidence: ``P``, ``S`` or ``U``.
        source: Where it was read.
        note: What a reviewer should know (here: the ayat number).
    """

    category: Category
    months: int
    citation: str
    confidence: str
    source: str
    note: str | None = None


@attrs.frozen(kw_only=True)
class RequiredList:
    """A list of required information and its staleness rule.

    Attributes:
        key: The list's key (the bundled file's name).
        title: What it is.
        regulation: The regulation it lists.
        staleness: The staleness rule.
        entries: The entries, in the law's order.
    """

    key: str
    title: str
    regulation: str
    staleness: Staleness
    entries: tuple[RequiredEntry, ...]

    @staticmethod
    def bundled_names() -> tuple[str, ...]:
        """The keys of the bundled lists."""
        return bundled_names("ppid_core.dip", "data/required")

    @staticmethod
    @functools.cache
    def bundled(name: str = DEFAULT_REQUIRED) -> RequiredList:
        """A bundled list by key.

        Raises:
            UnknownNameError: No such list; the message names the bundled ones.
        """
        text, source = bundled_text("ppid_core.dip", "data/required", name, what="required list")
        return build(text, source, _from_document)

    def entry(self, key: str) -> RequiredEntry | None:
        """The entry with ``key``, if any."""
        return next((e for e in self.entries if e.key == key), None)


def unknown_key(key: str, required: RequiredList) -> str:
    """The message for a ``wajib`` key that is not an entry of ``required``.

    >>> print(unknown_key("pasal-99", RequiredList.bundled()))  # doctest: +NORMALIZE_WHITESPACE
    'pasal-99' is not an entry of the required list uu_14_2008; expected one of:
    pasal-9-2-a, pasal-9-2-b, pasal-9-2-c, pasal-10-1, pasal-11-1-a, pasal-11-1-b,
    pasal-11-1-c, pasal-11-1-d, pasal-11-1-e, pasal-11-1-f, pasal-11-1-g, pasal-11-1-h
    """
    if not required.entries:
        return _("{key} is not an entry of the required list {list}, which has no entries").format(
            key=show(key), list=required.key
        )
    return _("{key} is not an entry of the required list {list}; expected one of: {keys}").format(
        key=show(key), list=required.key, keys=", ".join(e.key for e in required.entries)
    )


def _cited(doc: Document, f: dict[str, yaml.Node], path: str) -> tuple[str | None, ...]:
    citation = doc.required(f, "citation", path, doc.string)
    confidence = doc.required(f, "confidence", path, lambda n, p: doc.choice(n, p, _CONFIDENCE))
    source = doc.required(f, "source", path, lambda n, p: doc.string(n, p, one_line=True))
    note = doc.optional(f, "note", path, doc.string)
    return citation, confidence, source, note


def _entry(doc: Document, node: yaml.Node, path: str) -> RequiredEntry | None:
    keys = ("key", "category", "text", "always", *_CITED)
    f = doc.mapping(node, path, required=keys, optional=("note",))
    key = doc.required(f, "key", path, lambda n, p: doc.string(n, p, one_line=True))
    category: Category | None = doc.required(
        f, "category", path, lambda n, p: doc.choice(n, p, _CATEGORIES)
    )
    text = doc.required(f, "text", path, doc.string)
    always = doc.required(f, "always", path, doc.boolean)
    citation, confidence, source, note = _cited(doc, f, path)
    if category is None or None in (key, text, always, citation, confidence, source):
        return None
    return RequiredEntry(
        key=key or "",
        category=category,
        citation=citation or "",
        text=text or "",
        always=bool(always),
        confidence=confidence or "",
        source=source or "",
        note=note,
    )


def _staleness(doc: Document, node: yaml.Node | None, path: str) -> Staleness | None:
    f = doc.mapping(node, path, required=("category", "months", *_CITED), optional=("note",))
    category: Category | None = doc.required(
        f, "category", path, lambda n, p: doc.choice(n, p, _CATEGORIES)
    )
    months = doc.required(f, "months", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=120))
    citation, confidence, source, note = _cited(doc, f, path)
    if category is None or None in (months, citation, confidence, source):
        return None
    return Staleness(
        category=category,
        months=months or 0,
        citation=citation or "",
        confidence=confidence or "",
        source=source or "",
        note=note,
    )


def _from_document(doc: Document) -> RequiredList | None:
    top = doc.mapping(
        doc.root, "$", required=("key", "title", "regulation", "staleness", "entries")
    )
    key = doc.required(top, "key", "$", lambda n, p: doc.string(n, p, one_line=True))
    title = doc.required(top, "title", "$", doc.string)
    regulation = doc.required(top, "regulation", "$", doc.string)
    staleness = _staleness(doc, top.get("staleness"), "$.staleness") if "staleness" in top else None
    entries: list[RequiredEntry] = []
    first: dict[str, int] = {}
    for _index, node, path in doc.items(top.get("entries"), "$.entries"):
        entry = _entry(doc, node, path)
        if entry is None:
            continue
        if entry.key in first:
            doc.error(
                node,
                node_path(path, "key"),
                _("duplicate key {key} (first at line {line})").format(
                    key=repr(entry.key), line=first[entry.key]
                ),
            )
            continue
        first[entry.key] = node.start_mark.line + 1
        entries.append(entry)
    if doc.errors or staleness is None or None in (key, title, regulation):
        return None
    return RequiredList(
        key=key or "",
        title=title or "",
        regulation=regulation or "",
        staleness=staleness,
        entries=tuple(entries),
    )


def load_required(file: FileInput, /, *, source: str | None = None) -> RequiredList:
    """Load an office's own required list, in the layout of the bundled ``uu_14_2008.yaml``.

    Raises:
        DataFileError: Every problem of the file, each located.
        OSError: The path cannot be read.
    """
    text, name = read_source_text(file, source=source)
    return build(text, name, _from_document)
