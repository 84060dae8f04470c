"""Topics of the information asked for: a keyword table shipped as package data.

A request falls in the first topic (in table order) one of whose keywords appears in
its text as a whole word, case-insensitive; otherwise in the table's ``other`` topic.
A table is an editorial grouping, not a legal classification; offices pass their own
([`load_topics()`][load_topics], [`parse_topics()`][parse_topics]). ppid-core ships two:

- ``umum`` (the default, [`DEFAULT_TOPICS`][DEFAULT_TOPICS]): for any public body,
  grouped by the kind of document asked for (regulations, budget, procurement, staff,
  complaints, permits, programmes, profile, reports, data and statistics);
- ``kpu``: election topics for KPU offices (voter lists, candidates, results, ...).

    >>> topics = TopicTable.bundled()
    >>> topics.classify("rekap data 2020 sampai 2022")
    'Data dan statistik'
    >>> topics.classify("Salinan DIPA dan realisasi anggaran 2024")
    'Anggaran dan keuangan'
    >>> topics.classify("Informasi terkait pendaftaran CPNS 2024")
    'Kepegawaian'
    >>> topics.classify("Profil kantor")
    'Profil dan organisasi'
    >>> TopicTable.bundled("kpu").classify("Data DPT NTT Pilkada 2024")
    'Daftar pemilih'
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import attrs

from ppid_core._i18n import _
from ppid_core._source import FileInput, bundled_names, bundled_text, deprecated
from ppid_core._yaml import Document

__all__ = ["DEFAULT_TOPICS", "Topic", "TopicTable", "load_topics", "parse_topics", "read_topics"]

DEFAULT_TOPICS = "umum"
"""The topic table used when none is named: the general one, for any public body
(it was ``"kpu"`` in ppid-core 0.1.0: KPU offices now name that one)."""
_PACKAGE, _FOLDER = "ppid_core.requests", "data/topics"


@attrs.frozen(kw_only=True)
class Topic:
    """A topic and its keywords."""

    name: str
    keywords: tuple[str, ...]


@attrs.frozen(kw_only=True)
class TopicTable:
    """An ordered keyword table.

    Attributes:
        topics: Topics in matching order.
        other: The topic of a text that matches none.
    """

    topics: tuple[Topic, ...]
    other: str
    _patterns: tuple[tuple[str, re.Pattern[str]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    _cache: dict[str, str] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        pats = tuple(
            (
                t.name,
                re.compile(
                    r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in t.keywords) + r")(?![\w-])",
                    re.IGNORECASE,
                ),
            )
            for t in self.topics
        )
        object.__setattr__(self, "_patterns", pats)

    @classmethod
    def bundled(cls, name: str = DEFAULT_TOPICS) -> TopicTable:
        """A topic table shipped with ppid-core, by name (read once, then shared).

        Raises:
            UnknownNameError: No such table; the message lists the bundled names.
        """
        return _bundled(name)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The names of the topic tables shipped with ppid-core.

        >>> TopicTable.bundled_names()
        ('kpu', 'umum')
        """
        return bundled_names(_PACKAGE, _FOLDER)

    def classify(self, text: str) -> str:
        """The topic of one text (cached per distinct text)."""
        hit = self._cache.get(text)
        if hit is None:
            hit = next((name for name, pat in self._patterns if pat.search(text)), self.other)
            self._cache[text] = hit
        return hit


def _read(doc: Document) -> TopicTable:
    top = doc.mapping(doc.root, "$", required=("other", "topics"))
    other = doc.string(top.get("other"), "$.other")
    topics: list[Topic] = []
    for _i, node, path in doc.items(top.get("topics"), "$.topics"):
        fields = doc.mapping(node, path, required=("name", "keywords"))
        name = doc.string(fields.get("name"), f"{path}.name")
        words = [
            doc.string(k, kp) for _j, k, kp in doc.items(fields.get("keywords"), f"{path}.keywords")
        ]
        if name is not None and words and all(words):
            topics.append(Topic(name=name, keywords=tuple(w.lower() for w in words if w)))
        elif name is not None and not words:
            doc.error(
                fields.get("keywords"), f"{path}.keywords", _("expected at least one keyword")
            )
    doc.raise_errors()
    return TopicTable(topics=tuple(topics), other=other or "")


def parse_topics(text: str, *, source: str = "<string>") -> TopicTable:
    """Parse a topic table from YAML text (the layout of the bundled ``umum.yaml``).

    Raises:
        DataFileError: Every problem of the text, each located.

    Examples:
        >>> table = parse_topics(
        ...     "other: Lainnya\\ntopics:\\n  - {name: Anggaran, keywords: [dipa]}\\n"
        ... )
        >>> table.classify("Salinan DIPA 2024"), table.classify("Profil kantor")
        ('Anggaran', 'Lainnya')
    """
    return _read(Document.parse(text, source=source))


def load_topics(file: FileInput | None = None, /, *, source: str | None = None) -> TopicTable:
    """Load a topic table from its YAML file: a path, its bytes or a binary file object.

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
            *Deprecated:* nothing gives the bundled table, with a warning; use
            [`TopicTable.bundled()`][TopicTable.bundled].
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.
    """
    if file is None:
        deprecated("load_topics() without a file", "TopicTable.bundled()")
        return _bundled(DEFAULT_TOPICS)
    return _read(Document.read(file, source=source))


@functools.cache
def _bundled(name: str) -> TopicTable:
    text, source = bundled_text(_PACKAGE, _FOLDER, name, what="topic table")
    return parse_topics(text, source=source)


# -- deprecated names (one release) ---------------------------------------------------------


def read_topics(path: str | Path) -> TopicTable:
    """Deprecated: use [`load_topics()`][load_topics]."""
    deprecated("read_topics(path)", "load_topics(path)")
    return load_topics(path)
