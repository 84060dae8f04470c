"""An office's answers to the Zona Integritas LKE, in YAML, read strictly.

The file names the LKE it answers (``lke:``, default ``zi-2021-2024``), the unit and the
year, and maps each question key to its answer:

```yaml
kind: lke-answers
lke: zi-2021-2024
unit: Unit Contoh
year: 2025
answers:
  pemenuhan.manajemen_perubahan.i.a: Ya              # Ya/Tidak
  pemenuhan.manajemen_perubahan.i.b: A               # A/B/C, A/B/C/D, A/B/C/D/E
  reform.manajemen_perubahan.i.a:                    # a percentage: its counts (Jumlah)
    agen_perubahan: 10
    perubahan: 12
  hasil.bersih_akuntabel.ipak.a: 3.62                # a survey value, 0 to 4
  hasil.pelayanan_prima.ipkp.a: ~                    # not answered (yet)
recorded:                                            # optional: what the office recorded
  skm_published: online_offline                      # online_offline, offline or none
  skm_follow_up: {followed_up: 3, total: 4}          # SKM recommendations followed up
```

What is under ``recorded`` is evidence, not an answer: ppid-core derives pemenuhan iv.b
and iv.c from it where ``answers`` is silent (as from ``--skm-published`` and
``--skm-follow-up``, which win over the file).

A letter or Ya/Tidak is read whatever its case (``a`` is ``A``); anything else outside the
question's type is an error at its line: ``expected one of A, B, C, D (answer type
A/B/C/D), got 'E'``, ``expected Ya or Tidak (answer type Ya/Tidak), got 'yes'``. An unknown
question key names the nearest key; a duplicate key names the line of the first. Counts are
whole numbers from 0 to `MAX_COUNT`, given as a mapping (a percentage such as ``80%`` is
refused with the counts expected: the LKE computes it); where the numerator is counted among
the denominator (``bounded`` in the LKE data: sasaran tercapai among sasaran) it may not
exceed it. A survey value is a number from 0 to 4. Every problem of the file is reported
together. A question left out or written ``~`` is unanswered: it scores 0 and heads the
what-if list.

    >>> answers = parse_lke_answers('''
    ... kind: lke-answers
    ... unit: Unit Contoh
    ... year: 2025
    ... answers:
    ...   pemenuhan.manajemen_perubahan.i.a: Ya
    ...   pemenuhan.manajemen_perubahan.i.b: b
    ... ''')
    >>> answers.values["pemenuhan.manajemen_perubahan.i.b"]
    'B'

References:
    Permen PANRB 90/2021 Lampiran III (LKE: questions and answer types).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ppid_core._source import FileInput
from ppid_core._yaml import Document
from ppid_core._yaml_scalars import show
from ppid_core.rb._lke import DEFAULT_LKE, LKE_ANSWER_TYPES, Lke, LkeQuestion
from ppid_core.rb._lke_read import bundled_lke

if TYPE_CHECKING:
    import yaml

__all__ = ["LkeAnswerValue", "LkeAnswers", "load_lke_answers", "parse_lke_answers"]

#: The largest count (Jumlah) an answer may give: bounds a typing slip, far above any unit.
MAX_COUNT = 10_000_000
#: An answer: an option (``"A"``, ``"Ya"``), counts (count key -> number) or a survey value.
LkeAnswerValue = str | Fraction | tuple[tuple[str, int], ...]


@attrs.frozen(kw_only=True)
class LkeAnswers:
    """An office's answers to an LKE.

    Attributes:
        lke: The LKE answered.
        unit: The unit (unit kerja) evaluated.
        year: The year of the evaluation.
        values: LkeQuestion key -> answer; counts are sorted ``(key, number)`` pairs.
        unanswered: Keys written with ``~`` (null) on purpose.
        lines: LkeQuestion key -> the line of its answer in the file.
        source: Where the answers came from.
        skm_published: Recorded (``recorded.skm_published``): how the SKM results were
            published, ``online_offline``, ``offline`` or ``none``.
        skm_follow_up: Recorded (``recorded.skm_follow_up``): ``(followed up, total)``.
    """

    lke: Lke = attrs.field(eq=False)
    unit: str
    year: int
    values: Mapping[str, LkeAnswerValue] = attrs.field(factory=dict, hash=False)
    unanswered: tuple[str, ...] = ()
    lines: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    source: str = "<answers>"
    skm_published: str | None = None
    skm_follow_up: tuple[int, int] | None = None

    def with_answer(self, key: str, value: LkeAnswerValue | None) -> LkeAnswers:
        """A copy with one answer set (``None``: removed), for what-if questions.

        Raises:
            UnknownNameError: ``key`` is not a question of the LKE.
        """
        self.lke.question(key)
        values = {k: v for k, v in self.values.items() if k != key}
        if value is not None:
            values[key] = value
        return attrs.evolve(self, values=values)


def load_lke_answers(file: FileInput, *, lke: Lke | None = None) -> LkeAnswers:
    """Read an office's LKE answers from a YAML file.

    Args:
        file: A path, bytes or a binary file object (at most 10 MiB).
        lke: The LKE to read them against; default the bundled one the file names.

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    return _read(Document.read(file), lke)


def parse_lke_answers(text: str, *, lke: Lke | None = None, source: str = "<string>") -> LkeAnswers:
    """Read an office's LKE answers from YAML text (see [`load_lke_answers`][load_lke_answers]).

    Raises:
        DataFileError: Every problem of the text, each located.
    """
    return _read(Document.parse(text, source=source), lke)


def _read(doc: Document, lke: Lke | None) -> LkeAnswers:
    top = doc.mapping(
        doc.root, "$", required=("kind", "unit", "year", "answers"), optional=("lke", "recorded")
    )
    doc.required(top, "kind", "$", lambda n, p: doc.choice(n, p, ("lke-answers",)))
    named = doc.optional(top, "lke", "$", lambda n, p: doc.string(n, p, one_line=True))
    if lke is None:
        lke = bundled_lke(named or DEFAULT_LKE)
    elif named is not None and named != lke.key:
        msg = f"these answers are for LKE {named!r}, but LKE {lke.key!r} was given"
        doc.error(top.get("lke"), "$.lke", msg)
    unit = doc.required(top, "unit", "$", lambda n, p: doc.string(n, p, one_line=True))
    year = doc.required(
        top, "year", "$", lambda n, p: doc.integer(n, p, minimum=2000, maximum=2100)
    )
    node = top.get("answers")
    # ``answers:`` left empty: nothing answered yet (every question in the what-if list)
    fields = {} if doc.is_null(node) else doc.mapping(node, "$.answers", open_keys=True)
    values: dict[str, LkeAnswerValue] = {}
    nulls: list[str] = []
    lines: dict[str, int] = {}
    for key, value in fields.items():
        path = f"$.answers.{key}"
        question = lke.get(key)
        if question is None:
            doc.error(_key_node(node, key), path, lke.unknown_message(key))
            continue
        lines[key] = value.start_mark.line + 1
        if doc.is_null(value):
            nulls.append(key)
            continue
        answer = _answer(doc, value, path, question)
        if answer is not None:
            values[key] = answer
    published, follow_up = _recorded(doc, top.get("recorded"))
    doc.raise_errors()
    return LkeAnswers(
        lke=lke,
        unit=unit or "",
        year=year or 0,
        values=values,
        unanswered=tuple(nulls),
        lines=lines,
        source=doc.source,
        skm_published=published,
        skm_follow_up=follow_up,
    )


#: The recorded publication of SKM results (the keys of the LKE's skm_published mapping).
_PUBLISHED = ("online_offline", "offline", "none")


def _recorded(doc: Document, node: yaml.Node | None) -> tuple[str | None, tuple[int, int] | None]:
    f = doc.mapping(node, "$.recorded", optional=("skm_published", "skm_follow_up"))
    published = doc.optional(
        f, "skm_published", "$.recorded", lambda n, p: doc.choice(n, p, _PUBLISHED)
    )
    follow_up = None
    if "skm_follow_up" in f:
        path = "$.recorded.skm_follow_up"
        g = doc.mapping(f["skm_follow_up"], path, required=("followed_up", "total"))
        done, total = (
            doc.integer(g.get(k), f"{path}.{k}", minimum=0, maximum=MAX_COUNT)
            for k in ("followed_up", "total")
        )
        if done is not None and total is not None:
            if done > total:
                msg = f"expected followed_up at most total ({total}), got {done}"
                doc.error(g.get("followed_up"), f"{path}.followed_up", msg)
            else:
                follow_up = (done, total)
    return published, follow_up


def _key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    for k, _ in getattr(node, "value", ()):
        if getattr(k, "value", None) == key:
            return k  # type: ignore[no-any-return]
    return node


def _answer(doc: Document, node: yaml.Node, path: str, q: LkeQuestion) -> LkeAnswerValue | None:
    kind = LKE_ANSWER_TYPES[q.type]
    if q.options:
        raw = doc.scalar(node, path, f"an answer of type {kind}")
        if raw is None:
            return None
        by_fold = {o.casefold(): o for o in q.options}
        found = by_fold.get(raw.strip().casefold())
        if found is None:
            expected = "Ya or Tidak" if q.type == "ya_tidak" else f"one of {', '.join(q.options)}"
            doc.error(node, path, f"expected {expected} (answer type {kind}), got {show(raw)}")
        return found
    if q.type == "persen":
        return _counts(doc, node, path, q)
    value = doc.decimal(node, path)
    if value is None:
        return None
    if not 0 <= value <= 4:
        doc.error(node, path, f"expected a survey value from 0 to 4 (answer type {kind})")
        return None
    return Fraction(value)


def _counts(doc: Document, node: yaml.Node, path: str, q: LkeQuestion) -> LkeAnswerValue | None:
    """The counts of a ``persen`` answer; a bounded numerator at most its denominator."""
    import yaml  # noqa: PLC0415 - loaded with the document

    if isinstance(node, yaml.ScalarNode):
        example = ", ".join(f"{k}: ..." for k in q.required_counts)
        msg = (
            f"expected the counts {{{example}}}, got {show(node.value)}: "
            "ppid-core computes the percentage from them"
        )
        doc.error(node, path, msg)
        return None
    fields = doc.mapping(
        node,
        path,
        required=q.required_counts,
        optional=[c for c in q.counts if c not in q.required_counts],
    )
    counts = {
        k: doc.integer(v, f"{path}.{k}", minimum=0, maximum=MAX_COUNT) for k, v in fields.items()
    }
    if len(fields) < len(q.required_counts) or any(v is None for v in counts.values()):
        return None
    num, den = counts.get(q.numerator or ""), counts.get(q.denominator or "")
    if q.bounded and num is not None and den is not None and num > den:
        msg = f"expected {q.numerator} at most {q.denominator} ({den}), got {num}"
        doc.error(fields[q.numerator or ""], f"{path}.{q.numerator}", msg)
        return None
    return tuple(sorted((k, v) for k, v in counts.items() if v is not None))
