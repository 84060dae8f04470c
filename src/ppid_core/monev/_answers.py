"""The office's answers to the e-Monev questionnaire, in YAML, read strictly.

An answers file names its instrument and answers items by key; each answer names its
evidence, the PDF of data dukung the SAQ asks for (one per item), or says there is none
yet with ``evidence: null``::

    instrument: ki-pusat-2025
    office: KPU Provinsi Nusa Tenggara Timur
    year: 2025
    visitasi: 85            # optional: the office's own estimate, 0-100
    answers:
      formulir_permohonan:
        answer: ya
        evidence: formulir-permohonan.pdf
      jadwal_pelayanan:
        answer: ya
        evidence: null      # none yet: it earns nothing until there is one

A ``yes_no`` item is answered ``ya`` or ``tidak``; a ``scale`` item with a whole number
from its minimum to its maximum. An item not in the instrument, an answer outside its
type and an answer without an ``evidence`` field are located errors, all reported
together.

References:
    Perki 1/2022 (e-Monev procedure: one PDF of data dukung per question, at most 2 MB)
    [secondary].
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ppid_core._i18n import _
from ppid_core._source import FileInput
from ppid_core._yaml import Document, node_path
from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.monev._instrument import Instrument
from ppid_core.monev._instrument_parts import DEFAULT_INSTRUMENT, HUNDRED, Item

if TYPE_CHECKING:
    import yaml

__all__ = ["Answer", "Answers", "load_answers", "parse_answers"]

_YES_NO = {"ya": 1, "tidak": 0}


@attrs.frozen(kw_only=True)
class Answer:
    """The office's answer to one item.

    Attributes:
        item: The item's key.
        value: ``1`` (``ya``) or ``0`` (``tidak``) for a ``yes_no`` item; the number
            chosen for a ``scale`` item.
        evidence: The PDF of data dukung (its name or address); ``None`` when there is
            none yet.
        note: The office's remark.
    """

    item: str
    value: int
    evidence: str | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class Answers:
    """An answers file: which instrument, whose answers, and the answers by item.

    Attributes:
        instrument: The instrument's key.
        answers: The answers, in the file's order.
        office: The public body answering.
        year: The e-Monev year.
        visitasi: The office's own estimate of its visitasi score (0-100), or ``None``
            when it gives none (the prediction is then a range).
        source: The file name used in messages.
    """

    instrument: str
    answers: tuple[Answer, ...] = ()
    office: str = ""
    year: int | None = None
    visitasi: Fraction | None = None
    source: str = "<answers>"

    def get(self, item: str) -> Answer | None:
        """The answer to an item, or ``None``."""
        for answer in self.answers:
            if answer.item == item:
                return answer
        return None


def _value(doc: Document, node: yaml.Node | None, path: str, item: Item) -> int | None:
    if item.answer == "yes_no":
        raw = doc.scalar(node, path, "ya or tidak")
        if raw is None:
            return None
        if raw not in _YES_NO:
            msg = _("expected ya or tidak (a yes_no item), got {raw}").format(raw=repr(raw))
            doc.error(node, path, msg)
            return None
        return _YES_NO[raw]
    value = doc.integer(node, path)
    if value is not None and not item.minimum <= value <= item.maximum:
        doc.error(
            node,
            path,
            _("expected a whole number from {low} to {high} (a scale item), got {value}").format(
                low=item.minimum, high=item.maximum, value=value
            ),
        )
        return None
    return value


def _answer(
    doc: Document, node: yaml.Node, path: str, item: Item | None, key: str
) -> Answer | None:
    m = doc.mapping(node, path, required=("answer",), optional=("evidence", "note"))
    if not m:
        return None
    if "evidence" not in m and item is not None:  # an unknown item has its own error
        doc.error(
            node,
            path,
            _(
                "evidence missing: name the PDF of data dukung for this item, or write "
                "'evidence: null' if there is none yet (an item without evidence earns nothing)"
            ),
        )
    evidence = doc.optional(m, "evidence", path, lambda n, p: doc.string(n, p, one_line=True))
    note = doc.optional(m, "note", path, doc.string) or ""
    if item is None:
        return None
    value = doc.required(m, "answer", path, lambda n, p: _value(doc, n, p, item))
    if value is None or "evidence" not in m:
        return None
    return Answer(item=key, value=value, evidence=evidence, note=note)


def _instrument(doc: Document, top: dict[str, yaml.Node], given: Instrument | None) -> Instrument:
    node = top.get("instrument")
    named = doc.optional(top, "instrument", "$", lambda n, p: doc.string(n, p, one_line=True))
    if given is not None:
        if named is not None and named != given.key:
            doc.error(
                node,
                "$.instrument",
                _("the answers are for instrument {named}, but {given} was given").format(
                    named=repr(named), given=repr(given.key)
                ),
            )
        return given
    try:
        return Instrument.bundled(named or DEFAULT_INSTRUMENT)
    except UnknownNameError as exc:
        msg = _("{error}; or give the instrument file (--instrument FILE)").format(error=exc)
        doc.error(node, "$.instrument", msg)
        return Instrument.bundled()


def read_answers(doc: Document, instrument: Instrument | None) -> Answers | None:
    """The answers in ``doc`` (problems recorded on it), checked against ``instrument``."""
    top = doc.mapping(
        doc.root, "$", required=("answers",), optional=("instrument", "office", "year", "visitasi")
    )
    ins = _instrument(doc, top, instrument)
    fields = doc.mapping(top.get("answers"), "$.answers", open_keys=True)
    pairs = getattr(top.get("answers"), "value", None)
    keys = {
        str(p[0].value): p[0]
        for p in (pairs if isinstance(pairs, list) else [])
        if isinstance(p, tuple)
    }
    answers = []
    for key, node in fields.items():
        path = node_path("$.answers", key)
        item = ins.item(key) if ins.has_item(key) else None
        if item is None:
            known = ", ".join(i.key for i in ins.items)
            doc.error(
                keys.get(key, node),
                path,
                _(
                    "unknown item {key}; expected an item of instrument {instrument}: {known}"
                ).format(key=repr(key), instrument=ins.key, known=known),
            )
        answer = _answer(doc, node, path, item, key)
        if answer is not None:
            answers.append(answer)
    visitasi = doc.optional(top, "visitasi", "$", doc.decimal)
    if visitasi is not None and not 0 <= visitasi <= HUNDRED:
        msg = _("expected a score from 0 to 100, got {value}").format(value=visitasi)
        doc.error(top["visitasi"], "$.visitasi", msg)
        visitasi = None
    year = doc.optional(
        top, "year", "$", lambda n, p: doc.integer(n, p, minimum=2000, maximum=2200)
    )
    office = doc.optional(top, "office", "$", lambda n, p: doc.string(n, p, one_line=True))
    if doc.errors:
        return None
    return Answers(
        instrument=ins.key,
        answers=tuple(answers),
        office=office or "",
        year=year,
        visitasi=None if visitasi is None else Fraction(visitasi),
        source=doc.source,
    )


def parse_answers(
    text: str, *, instrument: Instrument | None = None, source: str = "<string>"
) -> Answers:
    """Read answers from YAML text (see [`load_answers()`][load_answers]).

    >>> a = parse_answers("answers:\\n  jadwal_pelayanan: {answer: ya, evidence: null}\\n")
    >>> a.instrument, a.get("jadwal_pelayanan")
    ('ki-pusat-2025', Answer(item='jadwal_pelayanan', value=1, evidence=None, note=''))

    Raises:
        DataFileError: Every problem of the text, each located.
    """
    return _finish(Document.parse(text, source=source), instrument)


def load_answers(
    file: FileInput, /, *, instrument: Instrument | None = None, source: str | None = None
) -> Answers:
    """Read an answers file: a path, bytes or a binary file object (at most 10 MiB).

    Args:
        file: The answers file.
        instrument: The instrument to check the answers against; by default the bundled
            one the file names (``instrument:``), else `DEFAULT_INSTRUMENT`.
        source: The name used in messages (default: the path).

    Raises:
        DataFileError: Every problem of the file, each located: an unknown field or
            item, an answer outside its item's type, an answer without ``evidence``, a
            ``visitasi`` outside 0-100, an instrument that is not bundled or not the one
            given.
    """
    return _finish(Document.read(file, source=source), instrument)


def _finish(doc: Document, instrument: Instrument | None) -> Answers:
    answers = read_answers(doc, instrument)
    doc.raise_errors()
    if answers is None:  # pragma: no cover - read_answers records why
        raise DataFileError.from_errors(doc.source, [])
    return answers
