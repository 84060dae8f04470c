"""Topics of the information asked for: a keyword table shipped as package data.

A request falls in the first topic (in table order) one of whose keywords appears in
its text as a whole word, case-insensitive; otherwise in the table's ``other`` topic.
The table is an editorial grouping, not a legal classification; offices pass their own.

    >>> topics = load_topics()
    >>> topics.classify("Data DPT NTT Pilkada 2024")
    'Daftar pemilih'
    >>> topics.classify("Informasi terkait pendaftaran CPNS 2024")
    'Kepegawaian (CPNS)'
    >>> topics.classify("Profil kantor")
    'Lainnya'
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

import attrs

from ppid_core._yaml import Document

__all__ = ["Topic", "TopicTable", "load_topics", "read_topics"]


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
            doc.error(fields.get("keywords"), f"{path}.keywords", "expected at least one keyword")
    doc.raise_errors()
    return TopicTable(topics=tuple(topics), other=other or "")


def read_topics(path: str | Path) -> TopicTable:
    """Read a topic table from YAML (same layout as the shipped ``topics.yaml``).

    Raises:
        DataFileError: Every problem of the file, located.
    """
    return _read(Document.read(path))


@functools.cache
def load_topics() -> TopicTable:
    """The shipped topic table for KPU offices (read once, then shared: it is immutable)."""
    res = resources.files("ppid_core.requests") / "data" / "topics.yaml"
    return _read(Document.parse(res.read_text(encoding="utf-8"), source="topics.yaml"))
