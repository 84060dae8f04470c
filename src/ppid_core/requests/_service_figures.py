"""The figures of the service report: months, tallies, topics and response times.

Response times are in working days from the receipt date to the written notice, over the
requests whose response date the register records; with none recorded they are unknown
(``None``), never 0.

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
from ppid_core.requests._overdue import receipt_dates
from ppid_core.requests._topics import TopicTable

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["ResponseTimes", "by_month", "by_topic", "count_truthy", "response_times", "tally"]

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
    """Requests per topic, most first (ties in first-seen order); one look-up per text."""
    counter: Counter[str] = Counter()
    classify = table.classify
    for text, n in Counter(texts).items():
        counter[classify(text)] += n
    return dict(counter.most_common())


def count_truthy(values: Sequence[object]) -> int:
    return len(list(filter(None, values)))
