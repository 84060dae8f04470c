"""The figures of the service report: months, tallies, topics and response times.

Response times are in working days from the receipt date to the written notice, over the
requests whose response date the register records; with none recorded they are unknown
(``None``), never 0. A count by a column the register lacks is unknown (``None``); a
cell left empty in a column it has is counted under [`NOT_RECORDED`][NOT_RECORDED], one
that could not be read under [`UNREADABLE`][UNREADABLE].

References:
    UU 14/2008 Pasal 12 huruf a–d; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ppid_core._numbers import half_up
from ppid_core._tables import jsonable
from ppid_core.requests._decisions import Unstated
from ppid_core.requests._layouts import Layout
from ppid_core.requests._models import DecisionKind
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline, receipt_dates
from ppid_core.requests._register_merge import passed_over
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._topics import TopicTable

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import Meaning
    from ppid_core.requests._register_model import Register

__all__ = [
    "NOT_RECORDED",
    "UNREADABLE",
    "ResponseTimes",
    "by_month",
    "by_topic",
    "count_truthy",
    "counts",
    "deadline_notes",
    "decision_counts",
    "reading_notes",
    "response_times",
    "tally",
    "unread_positions",
    "unreadable_deadlines",
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


@attrs.frozen(kw_only=True)
class ResponseTimes:
    """Working days from receipt to written notice, over the requests that record one.

    Attributes:
        recorded: Requests with a response date.
        missing: Requests without one (not counted in the figures).
        mean: Exact mean.
        median: Exact median.
        max: Longest.
        limits: The rule set's limits, e.g. ``(10, 17)``: response, and with extension.
        within: Exact share of recorded requests answered within each limit.
    """

    recorded: int
    missing: int
    mean: Fraction
    median: Fraction
    max: int
    limits: tuple[int, ...]
    within: tuple[Fraction, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures, rounded half-up to two decimals (shares in percent)."""
        out: dict[str, Any] = {
            "recorded": self.recorded,
            "missing": self.missing,
            "mean": jsonable(half_up(self.mean, 2)),
            "median": jsonable(half_up(self.median, 2)),
            "max": self.max,
        }
        for limit, share in zip(self.limits, self.within, strict=True):
            out[f"within_{limit}_percent"] = jsonable(half_up(share * 100, 2))
        return out


def by_month(received: Sequence[dt.date], year: int | None) -> dict[str, int]:
    counter: Counter[tuple[int, int]] = Counter()
    for day, n in Counter(received).items():  # count dates at C speed, then months
        counter[day.year, day.month] += n
    if year is not None:
        keys = [(year, m) for m in range(1, 13)]
    elif counter:
        lo, hi = min(counter), max(counter)
        keys = [(y, m) for y in range(lo[0], hi[0] + 1) for m in range(1, 13) if lo <= (y, m) <= hi]
    else:
        keys = []
    return {f"{y:04d}-{m:02d}": counter.get((y, m), 0) for y, m in keys}


def response_times(
    received: Sequence[dt.date],
    responded: Sequence[dt.date | None],
    calendar: WorkCalendar,
    limits: tuple[int, ...],
    times: Sequence[dt.time | None],
) -> ResponseTimes | None:
    answered = list(map(operator.is_not, responded, itertools.repeat(None)))
    ends = cast("list[dt.date]", list(itertools.compress(responded, answered)))
    if not ends:
        return None
    receipts = receipt_dates(
        list(itertools.compress(received, answered)),
        list(itertools.compress(times, answered)),
        calendar,
    )
    days = sorted(calendar.count_working_days_many(receipts, ends))
    early = bisect.bisect_left(days, 0)  # a notice before receipt counts 0
    days[:early] = [0] * early
    n = len(days)
    mid = n // 2
    median = Fraction(days[mid]) if n % 2 else Fraction(days[mid - 1] + days[mid], 2)
    return ResponseTimes(
        recorded=n,
        missing=len(received) - n,
        mean=Fraction(sum(days), n),
        median=median,
        max=days[-1],
        limits=limits,
        within=tuple(Fraction(bisect.bisect_right(days, lim), n) for lim in limits),
    )


def tally(values: Sequence[T], expected: Sequence[T]) -> dict[T, int]:
    """``Counter(values)`` (same counts, same first-seen order), without hashing each value.

    ``list.count`` compares by identity first, so a column of enum members and ``None``
    is counted at C speed; anything not in ``expected`` falls back to [`Counter`][Counter].
    """
    counts = {v: n for v in expected if (n := values.count(v))}
    if sum(counts.values()) != len(values):
        return dict(Counter(values))
    return dict(sorted(counts.items(), key=lambda item: values.index(item[0])))


def by_topic(table: TopicTable, texts: Sequence[str]) -> dict[str, int]:
    """Requests per topic, most first (ties in first-seen order); one look-up per text.

    An empty cell is counted under [`NOT_RECORDED`][NOT_RECORDED], not classified.
    """
    counter: Counter[str] = Counter()
    classify = table.classify
    for text, n in Counter(texts).items():
        counter[classify(text) if text else NOT_RECORDED] += n
    return dict(counter.most_common())


def counts(values: Sequence[str]) -> dict[str, int]:
    """Requests per text, most first; empty cells under [`NOT_RECORDED`][NOT_RECORDED]."""
    out = Counter(values).most_common()
    return {text or NOT_RECORDED: n for text, n in out}


def decision_counts(
    decisions: Sequence[Meaning | None], unreadable: Sequence[bool]
) -> dict[str, int]:
    """Requests per decision (its label), in first-seen order.

    ``None`` is counted under [`UNREADABLE`][UNREADABLE] where ``unreadable`` says the cell could
    not be read, else under [`NOT_RECORDED`][NOT_RECORDED]; a word stating no decision
    ("selesai") under its own key, never as a decision.
    """
    out: dict[str, int] = {}
    expected: tuple[Meaning | None, ...] = (None, *DecisionKind, *Unstated)
    for meaning, n in tally(decisions, expected).items():
        if meaning is None:
            bad = sum(
                itertools.compress(unreadable, map(operator.is_, decisions, itertools.repeat(None)))
            )
            if n - bad:
                out[NOT_RECORDED] = n - bad
            if bad:
                out[UNREADABLE] = bad
        elif isinstance(meaning, DecisionKind):
            out[meaning.label] = n
        else:
            out[_UNSTATED[meaning]] = n
    return out


def reading_notes(register: Register) -> list[str]:
    """What the report should say about how its register was read, and what it lacks."""
    notes = [
        f"{p.source}: read with layout {p.layout}; header: {p.header}" for p in register.provenance
    ]
    notes += register.notes
    missing = [
        f for f in ("unit", "service", "information", "requester") if f not in register.fields
    ]
    if missing:
        notes.append(
            "the register has no column for: " + ", ".join(missing) + " (unknown in this "
            "report, not zero)"
        )
    notes += passed_over(register)
    if register.ignored_columns:
        notes.append("columns not in the layout, not used: " + ", ".join(register.ignored_columns))
    by_field = Counter(w.field for w in register.warnings)
    for field, n in by_field.items():
        rows = [w.row for w in register.warnings if w.field == field]
        shown = ", ".join(map(str, rows[:20])) + (
            f" and {len(rows) - 20} more" if len(rows) > 20 else ""
        )
        column = register.column(field) or field
        notes.append(
            f'{n} cells of column "{column}" could not be used and count as unknown '
            f"(rows {shown}; see the warnings)"
        )
    return notes


def count_truthy(values: Sequence[object]) -> int:
    return len(list(filter(None, values)))


def unread_positions(register: Register, field: str) -> set[int]:
    """The positions (0-based, in the register) of the requests whose ``field`` cell could
    not be read. A merged register's warnings are matched to its files by their source,
    since each file numbers its own rows."""
    warned = {(w.source, w.row) for w in register.warnings if w.field == field}
    if not warned:
        return set()
    if not register.merged_from:  # one file: its rows are the register's
        rows = {row for _, row in warned}
        return {i for i, row in enumerate(register.rows) if row in rows}
    out: set[int] = set()
    start = 0
    for part in register.provenance:
        end = start + part.requests
        for i in range(start, end):
            if (part.source, register.rows[i]) in warned:
                out.add(i)
        start = end
    return out


def deadline_notes(
    rules: RuleSet,
    overdue: Sequence[OverdueRequest] | None,
    unknown: Sequence[UnknownDeadline] | None,
    register: Register,
) -> list[str]:
    """What the report should say about its rule set and its overdue list."""
    notes: list[str] = []
    limits = (
        rules.days(Step.RESPONSE),
        rules.days(Step.RESPONSE) + rules.days(Step.EXTENDED_RESPONSE),
    )
    if not rules.confirmed:
        notes.append(
            f"rule set {rules.name} is not confirmed (some numbers are unknown or rest on too "
            "few sources; see each step's confidence)"
        )
    if unknown:
        notes.append(
            f"{len(unknown)} open requests cannot be judged overdue (a deadline past the "
            "calendar's holiday data, or a response or extension date that could not be "
            "read); they are listed with their rows"
        )
    if overdue is not None and any(o.provisional for o in overdue):
        notes.append(
            "deadlines marked provisional rest on estimated holidays or on a date the "
            "sidang isbat may still move"
        )
    if overdue is not None:
        notes.append(
            f"overdue means no response date and past the response deadline "
            f"({limits[0]} working days, {rules.step(Step.RESPONSE).citation}), or past the "
            f"extended one ({limits[1]} working days, "
            f"{rules.step(Step.EXTENDED_RESPONSE).citation}) where the register records a "
            "written extension sent within the response period"
        )
        if "extended" not in register.fields:
            notes.append(
                f"the register has no column {_extension_column(register)}: no extension is "
                f"presumed, every open request is held to {limits[0]} working days"
            )
    return notes


def _extension_column(register: Register) -> str:
    """How the register's layout names the extension column (``"Tanggal Perpanjangan"``)."""
    if register.layout in Layout.bundled_names():
        name = Layout.bundled(register.layout).first_name("extended")
        if name is not None:
            return f'"{name}"'
    return "for the written extension notice (field extended)"


def unreadable_deadlines(
    responded: Sequence[bool], extended: Sequence[bool]
) -> list[str | None] | None:
    """Per request, why its deadline cannot be judged from the register, or ``None``;
    ``None`` for all when every response and extension date was read."""
    if not (any(responded) or any(extended)):
        return None
    return [
        "tanggal tanggapan tidak terbaca"
        if r
        else "tanggal perpanjangan tidak terbaca"
        if e
        else None
        for r, e in zip(responded, extended, strict=True)
    ]
