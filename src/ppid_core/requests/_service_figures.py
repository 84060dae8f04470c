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

import datetime as dt
import itertools
import operator
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

import attrs

from ppid_core._i18n import N_
from ppid_core._numbers import half_up
from ppid_core._tables import jsonable
from ppid_core.requests._histogram import DayHistogram
from ppid_core.requests._layouts import Layout
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline, receipt_dates
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._service_decisions import NOT_RECORDED, UNREADABLE
from ppid_core.requests._topics import TopicTable

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._register_merge import ReadPart
    from ppid_core.requests._register_model import Register

__all__ = [
    "NOT_RECORDED",
    "UNREADABLE",
    "ResponseTimes",
    "RuleFacts",
    "by_month",
    "by_topic",
    "count_truthy",
    "counts",
    "deadline_notes",
    "month_counts",
    "month_table",
    "reading_notes",
    "response_days",
    "response_times",
    "topic_counts",
    "unread_positions",
    "unreadable_deadlines",
]


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

    @classmethod
    def from_histogram(
        cls, days: DayHistogram, *, requests: int, limits: tuple[int, ...]
    ) -> ResponseTimes | None:
        """The figures of a histogram of ``requests`` requests; ``None`` when no time is
        recorded (unknown, never 0)."""
        n = days.count
        if not n:
            return None
        return cls(
            recorded=n,
            missing=requests - n,
            mean=Fraction(days.total, n),
            median=cast("Fraction", days.median),
            max=cast("int", days.max),
            limits=limits,
            within=tuple(Fraction(days.within(lim), n) for lim in limits),
        )

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


@attrs.frozen(kw_only=True)
class RuleFacts:
    """What a service report says of its deadline rule set (kept in a summary, so that a
    report built from merged summaries needs no rule-set file).

    Attributes:
        name: The rule set's name.
        confirmed: Whether every number is confirmed.
        limits: The response period and the extended one in working days, ``(10, 17)``.
        citations: The articles setting them (UU 14/2008 Pasal 22 ayat (7) and ayat (8)).
    """

    name: str
    confirmed: bool
    limits: tuple[int, int]
    citations: tuple[str, str]

    @classmethod
    def of(cls, rules: RuleSet) -> RuleFacts:
        """The facts of a rule set.

        Raises:
            UnknownDeadlineError: The rule set has no response or extension number.
        """
        response = rules.days(Step.RESPONSE)
        return cls(
            name=rules.name,
            confirmed=rules.confirmed,
            limits=(response, response + rules.days(Step.EXTENDED_RESPONSE)),
            citations=(
                rules.step(Step.RESPONSE).citation,
                rules.step(Step.EXTENDED_RESPONSE).citation,
            ),
        )


def month_counts(received: Sequence[dt.date]) -> dict[str, int]:
    """Requests per month received, ``"YYYY-MM"`` (months without a request left out)."""
    counter: Counter[str] = Counter()
    for day, n in Counter(received).items():  # count dates at C speed, then months
        counter[f"{day.year:04d}-{day.month:02d}"] += n
    return dict(counter)


def month_table(months: dict[str, int], year: int | None) -> dict[str, int]:
    """Every month of ``year`` (or from the first month counted to the last), in order."""
    counter = {(int(k[:4]), int(k[5:])): n for k, n in months.items()}
    if year is not None:
        keys = [(year, m) for m in range(1, 13)]
    elif counter:
        lo, hi = min(counter), max(counter)
        keys = [(y, m) for y in range(lo[0], hi[0] + 1) for m in range(1, 13) if lo <= (y, m) <= hi]
    else:
        keys = []
    return {f"{y:04d}-{m:02d}": counter.get((y, m), 0) for y, m in keys}


def by_month(received: Sequence[dt.date], year: int | None) -> dict[str, int]:
    return month_table(month_counts(received), year)


def response_days(
    received: Sequence[dt.date],
    responded: Sequence[dt.date | None],
    calendar: WorkCalendar,
    times: Sequence[dt.time | None],
) -> DayHistogram:
    """Working days from receipt to written notice, over the requests that record one (a
    notice dated before receipt counts 0)."""
    answered = list(map(operator.is_not, responded, itertools.repeat(None)))
    ends = cast("list[dt.date]", list(itertools.compress(responded, answered)))
    if not ends:
        return DayHistogram()
    receipts = receipt_dates(
        list(itertools.compress(received, answered)),
        list(itertools.compress(times, answered)),
        calendar,
    )
    days = Counter(calendar.count_working_days_many(receipts, ends))
    early = sum(n for d, n in days.items() if d < 0)
    return DayHistogram([*((d, n) for d, n in days.items() if d >= 0), (0, early)])


def response_times(
    received: Sequence[dt.date],
    responded: Sequence[dt.date | None],
    calendar: WorkCalendar,
    limits: tuple[int, ...],
    times: Sequence[dt.time | None],
) -> ResponseTimes | None:
    days = response_days(received, responded, calendar, times)
    return ResponseTimes.from_histogram(days, requests=len(received), limits=limits)


def by_topic(table: TopicTable, texts: Sequence[str]) -> dict[str, int]:
    """Requests per topic, most first (ties in first-seen order); one look-up per text.

    An empty cell is counted under [`NOT_RECORDED`][NOT_RECORDED], not classified.
    """
    return dict(Counter(topic_counts(table, texts)).most_common())


def topic_counts(table: TopicTable, texts: Sequence[str]) -> dict[str, int]:
    """Requests per topic in first-seen order (see [`by_topic()`][by_topic])."""
    counter: Counter[str] = Counter()
    classify = table.classify
    for text, n in Counter(texts).items():
        counter[classify(text) if text else NOT_RECORDED] += n
    return dict(counter)


def counts(values: Sequence[str]) -> dict[str, int]:
    """Requests per text, most first; empty cells under [`NOT_RECORDED`][NOT_RECORDED]."""
    out = Counter(values).most_common()
    return {text or NOT_RECORDED: n for text, n in out}


def reading_notes(register: ReadPart) -> list[str]:
    """What the report should say about how its register was read, and what it lacks."""
    notes = [
        N_("{source}: read with layout {layout}; header: {header}").format(
            source=p.source, layout=p.layout, header=p.header
        )
        for p in register.provenance
    ]
    notes += register.notes
    missing = [
        f for f in ("unit", "service", "information", "requester") if f not in register.fields
    ]
    if missing:
        notes.append(
            N_(
                "the register has no column for: {fields} (unknown in this report, not zero)"
            ).format(fields=", ".join(missing))
        )
    notes += register.passed_over
    if register.ignored_columns:
        notes.append(
            N_("columns not in the layout, not used: {columns}").format(
                columns=", ".join(register.ignored_columns)
            )
        )
    by_field = Counter(w.field for w in register.warnings)
    for field, n in by_field.items():
        rows = [w.row for w in register.warnings if w.field == field]
        shown = ", ".join(map(str, rows[:20]))
        if len(rows) > 20:
            shown = N_("{rows} and {n} more").format(rows=shown, n=len(rows) - 20)
        column = register.column(field) or field
        notes.append(
            N_(
                '{n} cells of column "{column}" could not be used and count as unknown '
                "(rows {rows}; see the warnings)"
            ).format(n=n, column=column, rows=shown)
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
    rules: RuleFacts,
    overdue: Sequence[OverdueRequest] | None,
    unknown: Sequence[UnknownDeadline] | None,
    register: ReadPart,
) -> list[str]:
    """What the report should say about its rule set and its overdue list."""
    notes: list[str] = []
    limits = rules.limits
    if not rules.confirmed:
        notes.append(
            N_(
                "rule set {name} is not confirmed (some numbers are unknown or rest on too "
                "few sources; see each step's confidence)"
            ).format(name=rules.name)
        )
    if unknown:
        notes.append(
            N_(
                "{n} open requests cannot be judged overdue (a deadline past the "
                "calendar's holiday data, or a response or extension date that could not be "
                "read); they are listed with their rows"
            ).format(n=len(unknown))
        )
    if overdue is not None and any(o.provisional for o in overdue):
        notes.append(
            N_(
                "deadlines marked provisional rest on estimated holidays or on a date the "
                "sidang isbat may still move"
            )
        )
    if overdue is not None:
        notes.append(
            N_(
                "overdue means no response date and past the response deadline "
                "({short} working days, {short_citation}), or past the extended one "
                "({extended} working days, {extended_citation}) where the register records "
                "a written extension sent within the response period"
            ).format(
                short=limits[0],
                short_citation=rules.citations[0],
                extended=limits[1],
                extended_citation=rules.citations[1],
            )
        )
        if "extended" not in register.fields:
            notes.append(
                N_(
                    "the register has no column {column}: no extension is presumed, every "
                    "open request is held to {days} working days"
                ).format(column=_extension_column(register), days=limits[0])
            )
    return notes


def _extension_column(register: ReadPart) -> str:
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
