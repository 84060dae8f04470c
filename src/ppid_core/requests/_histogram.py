"""[`DayHistogram`][DayHistogram]: response times in whole working days, as a mergeable value.

A median or a share of a merged set of requests cannot be computed from the medians and
shares of its parts. It can from their histograms: how many requests took 0, 1, 2, ...
working days. Histograms add up (a commutative monoid, the empty histogram its identity),
and every figure read from a merged histogram (count, mean, median, maximum, share within
a limit) is exactly the figure of one pass over all the requests. The service report
([`ServiceSummary`][ppid_core.requests.ServiceSummary]) and the oversight table
([`UnitSummary`][ppid_core.requests.UnitSummary]) share this one type.

References:
    UU 14/2008 Pasal 22 ayat (7) (a response within 10 working days) and ayat (8) (an
    extension of at most 7 working days): the limits the shares are read against.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from fractions import Fraction

import attrs

from ppid_core.errors import InvalidArgumentError

__all__ = ["DayHistogram"]


def _canonical(value: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The histogram in its one canonical form: sorted by days, counts above zero."""
    if isinstance(value, DayHistogram):
        return value.pairs
    merged: Counter[int] = Counter()
    for days, count in value:
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            msg = f"response days must be whole numbers of 0 or more, got {days!r}"
            raise InvalidArgumentError(msg)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            msg = f"a histogram count must be a whole number of 0 or more, got {count!r}"
            raise InvalidArgumentError(msg)
        merged[days] += count
    return tuple(sorted((d, n) for d, n in merged.items() if n))


@attrs.frozen
class DayHistogram:
    """How many requests took each whole number of working days.

    Iterating gives the ``(days, requests)`` pairs sorted by days; ``len()`` is the number
    of distinct times. Built from pairs in any order (the same days may repeat: they add
    up), or with [`of()`][of] from the times themselves.

    Attributes:
        pairs: ``(days, requests)`` sorted by days, one pair per distinct time, counts
            above zero.

    Raises:
        InvalidArgumentError: Days or a count that is not a whole number of 0 or more.

    Examples:
        >>> a = DayHistogram.of([2, 12, 5])
        >>> b = DayHistogram([(5, 1), (1, 1)])
        >>> both = a + b
        >>> both.pairs, both.count, both.median, both.within(10)
        (((1, 1), (2, 1), (5, 2), (12, 1)), 5, Fraction(5, 1), 4)
        >>> sum([a, b]) == both == DayHistogram.merge([b, a]) and a + DayHistogram() == a
        True
    """

    pairs: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_canonical)

    @classmethod
    def of(cls, days: Iterable[int]) -> DayHistogram:
        """The histogram of response times given one per request."""
        return cls(Counter(days).items())

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __add__(self, other: object) -> DayHistogram:
        """Both histograms' requests together (``0`` changes nothing, for ``sum()``)."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, DayHistogram):
            return NotImplemented
        if not other.pairs:
            return self
        if not self.pairs:
            return other
        return DayHistogram((*self.pairs, *other.pairs))

    def __radd__(self, other: object) -> DayHistogram:
        """``0 + histogram`` is the histogram, so that ``sum(histograms)`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, parts: Iterable[DayHistogram]) -> DayHistogram:
        """The merge of any number of histograms (the empty one for none)."""
        return cls(pair for part in parts for pair in part.pairs)

    @property
    def count(self) -> int:
        """The requests counted."""
        return sum(n for _, n in self.pairs)

    @property
    def total(self) -> int:
        """The sum of all the times (working days)."""
        return sum(d * n for d, n in self.pairs)

    @property
    def max(self) -> int | None:
        """The longest time; ``None`` when empty."""
        return self.pairs[-1][0] if self.pairs else None

    @property
    def mean(self) -> Fraction | None:
        """Exact mean; ``None`` when empty."""
        n = self.count
        return Fraction(self.total, n) if n else None

    @property
    def median(self) -> Fraction | None:
        """Exact median; ``None`` when empty.

        With an odd count the middle time; with an even one, the mean of the two middle
        times, so it may end in ``1/2`` (``Fraction(9, 2)``: 4.5 days).
        """
        n = self.count
        if not n:
            return None
        return Fraction(self.nth((n - 1) // 2) + self.nth(n // 2), 2)

    def nth(self, index: int) -> int:
        """The ``index``-th (0-based) time in sorted order.

        Raises:
            InvalidArgumentError: ``index`` is not below [`count`][count].
        """
        ends = itertools.accumulate(n for _, n in self.pairs)
        for (days, _), end in zip(self.pairs, ends, strict=True):
            if index < end:
                return days
        msg = f"no time number {index} in a histogram of {self.count} requests"
        raise InvalidArgumentError(msg)

    def within(self, limit: int) -> int:
        """Requests whose time was at most ``limit`` working days."""
        return sum(n for days, n in self.pairs if days <= limit)

    def share_within(self, limit: int) -> Fraction | None:
        """Exact share of the requests within ``limit`` working days; ``None`` when empty."""
        n = self.count
        return Fraction(self.within(limit), n) if n else None
