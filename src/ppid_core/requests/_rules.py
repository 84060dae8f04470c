"""Deadline rule sets: package YAML, each step citing its Pasal/ayat.

A rule set gives, for each step of the request–keberatan–sengketa chain, how many
working days it allows, which article says so and how sure we are of the number
([`Confidence`][Confidence]). A step whose number was not found has ``days`` ``None``; asking
for its deadline raises [`UnknownDeadlineError`][ppid_core.errors.UnknownDeadlineError] instead of
guessing.

Two rule sets ship with the package:

- ``uu_14_2008``: the general regime of UU 14/2008;
- ``perki_1_2019``: election information under Perki 1/2019, from secondary sources
  only, with unknown steps (``confirmed: false``).

What ``confirmed`` means ([`RuleSet.confirmed`][RuleSet.confirmed], the YAML key ``confirmed``):
``true`` says that **every step has a number (none is unknown) and each number agrees
with every source the step cites** — its ``source`` and any restatement its ``note``
cites. It does *not* say that every number was read in the regulation's own text: that
is each step's [`Confidence`][Confidence] (only ``primary`` was; in ``uu_14_2008`` that is the
response period alone). A rule set with an unknown step cannot be ``confirmed: true``;
the loader refuses it.

    >>> rules = RuleSet.bundled("uu_14_2008")
    >>> rules.step(Step.RESPONSE).days, rules.step(Step.RESPONSE).citation
    (10, 'UU 14/2008 Pasal 22 ayat (7)')
    >>> perki = RuleSet.bundled("perki_1_2019")
    >>> perki.confirmed, perki.step(Step.KEBERATAN_FILING).days
    (False, None)
    >>> perki.days(Step.KEBERATAN_FILING)
    Traceback (most recent call last):
    ...
    ppid_core.errors.UnknownDeadlineError: perki_1_2019: no number of days is known for step ...

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 36 ayat (1)–(2), Pasal 37 ayat (1)–(2),
    Pasal 38 ayat (1)–(2); Perki 1/2019 Pasal 12–14 (secondary sources).
"""

from __future__ import annotations

import enum
import functools
from pathlib import Path

import attrs
import yaml

from ppid_core._source import FileInput, bundled_names, bundled_text, deprecated
from ppid_core._yaml import Document
from ppid_core.errors import UnknownDeadlineError, UnknownNameError

__all__ = [
    "DEFAULT_RULE_SET",
    "Confidence",
    "RuleSet",
    "Step",
    "StepRule",
    "load_rule_set",
    "parse_rule_set",
    "read_rule_set",
    "rule_set_names",
]

DEFAULT_RULE_SET = "uu_14_2008"
"""The rule set used when none is named: the general regime of UU 14/2008."""
_PACKAGE, _FOLDER = "ppid_core.requests", "data/rules"


class _StepType(enum.EnumType):
    """Keeps the step's old name ``Step.EXTENSION`` working for one release, with a warning."""

    def __getattr__(cls, name: str) -> Step:
        if name in _OLD_STEP_NAMES:
            new = _OLD_STEP_NAMES[name]
            deprecated(f"Step.{name}", f"Step.{new.name}", stacklevel=3, guide=_GUIDE)
            return new
        raise AttributeError(name)


class Step(enum.Enum, metaclass=_StepType):
    """A step of the chain whose length a rule set fixes (values are the YAML keys).

    The values are also the names of [`DeadlineChain`][ppid_core.requests.DeadlineChain]'s
    attributes and, with ``_due``, the keys of its ``to_dict()``:
    ``Step.EXTENDED_RESPONSE`` is ``chain.extended_response`` and ``extended_response_due``.
    Its old name ``Step.EXTENSION`` (value ``"extension"``, the YAML key of earlier
    versions) still works for one release, with a `DeprecationWarning`.
    """

    RESPONSE = "response"
    """Written notice (pemberitahuan tertulis) to a request."""
    EXTENDED_RESPONSE = "extended_response"
    """Written notice after an extension: extra days after the response deadline, with
    written reasons."""
    KEBERATAN_FILING = "keberatan_filing"
    """The requester's window to file a keberatan."""
    ATASAN_ANSWER = "atasan_answer"
    """The atasan PPID's time to answer a keberatan."""
    SENGKETA_FILING = "sengketa_filing"
    """The requester's window to bring a sengketa, after the atasan's answer."""
    SENGKETA_FILING_WITHOUT_ANSWER = "sengketa_filing_without_answer"
    """The same window when the atasan did not answer in time."""
    KI_START = "ki_start"
    """The Komisi Informasi's time to start mediation or adjudication."""
    KI_FINISH = "ki_finish"
    """The Komisi Informasi's time to settle the sengketa."""

    @classmethod
    def _missing_(cls, value: object) -> Step | None:
        """``Step("extension")``, the old value, gives the step with a warning."""
        if isinstance(value, str) and value in _OLD_STEP_VALUES:
            new = _OLD_STEP_VALUES[value]
            deprecated(f"Step({value!r})", f"Step({new.value!r})", stacklevel=5, guide=_GUIDE)
            return new
        return None


_GUIDE = "Deadlines and the service report"
#: Old member names and values of [`Step`][Step], still read for one release, with a warning.
_OLD_STEP_NAMES = {"EXTENSION": Step.EXTENDED_RESPONSE}
_OLD_STEP_VALUES = {"extension": Step.EXTENDED_RESPONSE}


class Confidence(enum.Enum):
    """How sure the rule set is of a step's number."""

    PRIMARY = "primary"
    """Read in a copy of the regulation's text."""
    SECONDARY = "secondary"
    """Restated by official pages, later regulations or officials."""
    PRACTICE = "practice"
    """Agency practice; the statute's wording was not found."""
    UNKNOWN = "unknown"
    """No number found; the step has no ``days``."""


@attrs.frozen(kw_only=True)
class StepRule:
    """One step of a rule set.

    Attributes:
        step: Which step.
        days: Working days allowed, or ``None`` when the number is unknown.
        citation: Pasal/ayat, as precise as the sources allow.
        confidence: How sure we are of ``days``.
        counts_from: The event the days count from, in words.
        source: Where the number was read (URL), if anywhere.
        note: Quote or caveat.
    """

    step: Step
    days: int | None
    citation: str
    confidence: Confidence
    counts_from: str
    source: str | None = None
    note: str = ""

    @property
    def known(self) -> bool:
        """Whether the step has a number."""
        return self.days is not None


@attrs.frozen(kw_only=True)
class RuleSet:
    """A regime's deadlines.

    Attributes:
        name: Identifier (the file name without ``.yaml``).
        title: Human title.
        regulation: The regulation's full name.
        applies_to: To which requests the regime applies.
        confirmed: Every step has a number and each number agrees with every source
            the step cites (not: every number was read in the regulation's text — see
            each step's ``confidence``). ``False`` when a number is unknown, or the
            sources were not enough to check it (Perki 1/2019).
        steps: One [`StepRule`][StepRule] per [`Step`][Step].
    """

    name: str
    title: str
    regulation: str
    applies_to: str
    confirmed: bool
    steps: tuple[StepRule, ...]

    @classmethod
    def bundled(cls, name: str = DEFAULT_RULE_SET) -> RuleSet:
        """A rule set shipped with ppid-core, by name (read once, then shared).

        Raises:
            UnknownNameError: No such rule set; the message lists the bundled names.

        Examples:
            >>> RuleSet.bundled().name
            'uu_14_2008'
        """
        return _bundled(name)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The names of the rule sets shipped with ppid-core.

        >>> RuleSet.bundled_names()
        ('perki_1_2019', 'uu_14_2008')
        """
        return bundled_names(_PACKAGE, _FOLDER)

    def step(self, step: Step) -> StepRule:
        """The rule of one step."""
        for rule in self.steps:
            if rule.step is step:
                return rule
        raise UnknownNameError(f"{self.name}: no rule for step {step.value!r}")  # pragma: no cover

    def days(self, step: Step) -> int:
        """The working days of ``step``.

        Raises:
            UnknownDeadlineError: The rule set has no number for this step.
        """
        rule = self.step(step)
        if rule.days is None:
            msg = (
                f"{self.name}: no number of days is known for step {step.value!r} "
                f"({rule.citation}); the deadline is unknown, not guessed"
            )
            raise UnknownDeadlineError(msg)
        return rule.days

    @property
    def unknown_steps(self) -> tuple[Step, ...]:
        """The steps without a number."""
        return tuple(r.step for r in self.steps if r.days is None)


_STEP_FIELDS = ("days", "citation", "confidence", "counts_from", "source", "note")


def _step_keys(doc: Document, steps: yaml.Node | None) -> dict[Step, str]:
    """The YAML key of each step: its value, or the old key a file still uses (warned).

    A file written for an earlier version names the extended response ``extension:``; it
    is read as ``extended_response:``, with a `DeprecationWarning` naming the line.
    """
    keys = {step: step.value for step in Step}
    if not isinstance(steps, yaml.MappingNode):
        return keys
    written = {str(k.value): k for k, _ in steps.value if isinstance(k, yaml.ScalarNode)}
    for old, step in _OLD_STEP_VALUES.items():
        if old in written and step.value not in written:
            mark = written[old].start_mark
            deprecated(
                f"{doc.source}:{mark.line + 1}:{mark.column + 1} ($.steps.{old}): "
                f"the step key {old!r}",
                repr(step.value),
                stacklevel=5,
                guide=_GUIDE,
            )
            keys[step] = old
    return keys


def _read(doc: Document) -> RuleSet:
    top = doc.mapping(
        doc.root, "$", required=("name", "title", "regulation", "applies_to", "confirmed", "steps")
    )
    confirmed = doc.boolean(top.get("confirmed"), "$.confirmed")
    texts = {k: doc.string(top.get(k), f"$.{k}") for k in ("name", "title", "regulation")}
    applies_to = doc.string(top.get("applies_to"), "$.applies_to")
    keys = _step_keys(doc, top.get("steps"))
    step_nodes = doc.mapping(top.get("steps"), "$.steps", required=keys.values())
    rules: list[StepRule] = []
    unknown: list[str] = []  # steps whose days read "unknown"
    for step in Step:
        node = step_nodes.get(keys[step])
        if node is None:
            continue
        path = f"$.steps.{keys[step]}"
        fields = doc.mapping(node, path, required=_STEP_FIELDS[:4], optional=_STEP_FIELDS[4:])
        days_node = fields.get("days")
        days: int | None = None
        unknown_days = doc.scalar(days_node, f"{path}.days", "a whole number or 'unknown'")
        if unknown_days is not None and unknown_days.strip() != "unknown":
            days = doc.integer(days_node, f"{path}.days", minimum=0, maximum=365)
        elif unknown_days is not None:
            unknown.append(keys[step])
        confidence = doc.choice(
            fields.get("confidence"), f"{path}.confidence", {c.value: c for c in Confidence}
        )
        if (
            confidence is not None
            and unknown_days is not None
            and (confidence is Confidence.UNKNOWN) != (unknown_days.strip() == "unknown")
        ):
            doc.error(
                fields.get("confidence"),
                f"{path}.confidence",
                "confidence 'unknown' goes with days: unknown, and only with it",
            )
        citation = doc.string(fields.get("citation"), f"{path}.citation")
        counts_from = doc.string(fields.get("counts_from"), f"{path}.counts_from")
        source = doc.optional(fields, "source", path, doc.string)
        note = doc.optional(fields, "note", path, doc.string) or ""
        if citation is not None and counts_from is not None and confidence is not None:
            rules.append(
                StepRule(
                    step=step,
                    days=days,
                    citation=citation,
                    confidence=confidence,
                    counts_from=counts_from,
                    source=source,
                    note=note,
                )
            )
    if confirmed and unknown:
        doc.error(
            top.get("confirmed"),
            "$.confirmed",
            "confirmed: true needs a number for every step (unknown: "
            + ", ".join(unknown)
            + "); set confirmed: false",
        )
    doc.raise_errors()
    return RuleSet(
        name=texts["name"] or "",
        title=texts["title"] or "",
        regulation=texts["regulation"] or "",
        applies_to=applies_to or "",
        confirmed=bool(confirmed),
        steps=tuple(rules),
    )


def parse_rule_set(text: str, *, source: str = "<string>") -> RuleSet:
    """Parse a rule set from YAML text (a custom or revised regime).

    Raises:
        DataFileError: Every problem of the text, each located.
    """
    return _read(Document.parse(text, source=source))


def load_rule_set(file: FileInput | None = None, /, *, source: str | None = None) -> RuleSet:
    """Load a rule set from its YAML file: a path, its bytes or a binary file object.

    The file has the layout of the bundled ones (a custom or revised regime); a rule set
    shipped with ppid-core is [`RuleSet.bundled()`][RuleSet.bundled].

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
            *Deprecated:* a bundled rule set's name (``"uu_14_2008"``), or nothing, still
            gives the bundled rule set, with a warning; use [`RuleSet.bundled()`][RuleSet.bundled].
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        UnknownNameError: (Deprecated use) a name without a suffix that is neither a
            bundled rule set nor a file.
        OSError: The path cannot be read.
    """
    if file is None:
        deprecated("load_rule_set() without a file", "RuleSet.bundled()")
        return _bundled(DEFAULT_RULE_SET)
    if isinstance(file, str) and not Path(file).suffix and not Path(file).exists():
        # the old meaning, a bundled rule set's name: an unknown name stays UnknownNameError
        deprecated(f"load_rule_set({file!r}) for a bundled rule set", f"RuleSet.bundled({file!r})")
        return _bundled(file)
    return _read(Document.read(file, source=source))


@functools.cache
def _bundled(name: str) -> RuleSet:
    text, source = bundled_text(_PACKAGE, _FOLDER, name, what="rule set")
    return parse_rule_set(text, source=source)


# -- deprecated names (one release) ---------------------------------------------------------


def read_rule_set(path: str | Path) -> RuleSet:
    """Deprecated: use [`load_rule_set()`][load_rule_set]."""
    deprecated("read_rule_set(path)", "load_rule_set(path)")
    return load_rule_set(path)


def rule_set_names() -> tuple[str, ...]:
    """Deprecated: use [`RuleSet.bundled_names()`][RuleSet.bundled_names]."""
    deprecated("rule_set_names()", "RuleSet.bundled_names()")
    return bundled_names(_PACKAGE, _FOLDER)
