"""The decision figures of the service report: requests per decision, mergeable.

A cell without a decision is counted under "tidak dicatat" when left empty and under
"tidak terbaca" when it could not be read; a word that states no decision ("selesai")
under its own key, never as a decision.

References:
    UU 14/2008 Pasal 12 huruf c (grants and refusals).
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from ppid_core.requests._decisions import Meaning, Unstated
from ppid_core.requests._models import DecisionKind

__all__ = [
    "NOT_RECORDED",
    "UNREADABLE",
    "decision_counts",
    "decision_tally",
    "split_unreadable",
    "tally",
]

NOT_RECORDED = "tidak dicatat"
"""The key of a count under which cells left empty are counted."""
UNREADABLE = "tidak terbaca"
"""The key of a count under which cells that could not be read are counted."""
_UNSTATED = {
    Unstated.HANDLED: "dijawab, keputusan tidak disebut",
    Unstated.PENDING: "dalam proses",
}

T = TypeVar("T")


def tally(values: Sequence[T], expected: Sequence[T]) -> dict[T, int]:
    """``Counter(values)`` (same counts, same first-seen order), without hashing each value.

    ``list.count`` compares by identity first, so a column of enum members and ``None``
    is counted at C speed; anything not in ``expected`` falls back to [`Counter`][Counter].
    """
    counts = {v: n for v in expected if (n := values.count(v))}
    if sum(counts.values()) != len(values):
        return dict(Counter(values))
    return dict(sorted(counts.items(), key=lambda item: values.index(item[0])))


def decision_counts(
    decisions: Sequence[Meaning | None], unreadable: Sequence[bool]
) -> dict[str, int]:
    """Requests per decision (its label), in first-seen order.

    ``None`` is counted under [`UNREADABLE`][UNREADABLE] where ``unreadable`` says the cell could
    not be read, else under [`NOT_RECORDED`][NOT_RECORDED]; a word stating no decision
    ("selesai") under its own key, never as a decision.
    """
    return split_unreadable(*decision_tally(decisions, unreadable))


def decision_tally(
    decisions: Sequence[Meaning | None], unreadable: Sequence[bool]
) -> tuple[dict[str, int], int]:
    """Requests per decision label in first-seen order, every cell without a decision
    under [`NOT_RECORDED`][NOT_RECORDED]; and how many of those could not be read. The
    mergeable form of [`decision_counts()`][decision_counts] (see
    [`split_unreadable()`][split_unreadable])."""
    out: dict[str, int] = {}
    expected: tuple[Meaning | None, ...] = (None, *DecisionKind, *Unstated)
    for meaning, n in tally(decisions, expected).items():
        if meaning is None:
            out[NOT_RECORDED] = n
        elif isinstance(meaning, DecisionKind):
            out[meaning.label] = n
        else:
            out[_UNSTATED[meaning]] = n
    bad = sum(itertools.compress(unreadable, map(operator.is_, decisions, itertools.repeat(None))))
    return out, bad


def split_unreadable(tallied: dict[str, int], unreadable: int) -> dict[str, int]:
    """The decision counts as reported: the cells without a decision split into those
    left empty ([`NOT_RECORDED`][NOT_RECORDED]) and those unreadable
    ([`UNREADABLE`][UNREADABLE]), in that place."""
    out: dict[str, int] = {}
    for label, n in tallied.items():
        if label != NOT_RECORDED:
            out[label] = n
            continue
        if n - unreadable:
            out[NOT_RECORDED] = n - unreadable
        if unreadable:
            out[UNREADABLE] = unreadable
    return out
