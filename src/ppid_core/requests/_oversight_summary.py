"""[`UnitSummary`][UnitSummary]: one unit's figures for the oversight, as a mergeable value.

The oversight of the PPID Pelaksana (pengawasan) counts, per unit, the requests, how
many were answered within the response period and within the extended one, how many are
overdue, and the median response time. A unit's figures may come from several files (a
register per year, per sheet) or several reading passes, so they are kept as a value that
*merges*: counts add up, and response times are kept as a histogram of whole working days
(the [`DayHistogram`][ppid_core.requests.DayHistogram] the service report keeps too),
so that the median after merging is exactly the median of one pass over all the requests.

- ``a + b`` merges two summaries; ``UnitSummary()`` is the identity
  (``a + UnitSummary() == a``), and ``sum(summaries)`` works (``0 + a`` is ``a``); ``+``
  is associative and commutative, so [`UnitSummary.merge()`][UnitSummary.merge] of any
  grouping or order of parts gives the same value.
- Unknowns stay unknown: requests from a register without a response-date column are
  counted in ``requests`` but not in ``timed``; their timing is never presumed.

References:
    UU 14/2008 Pasal 22 ayat (7) (response within 10 working days) and ayat (8)
    (extension by at most 7 working days).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import attrs

from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._histogram import DayHistogram

__all__ = ["UnitSummary"]


@attrs.frozen(kw_only=True)
class UnitSummary:
    """One unit's oversight figures: counts and a histogram of response times.

    Attributes:
        requests: Requests received.
        timed: Requests from registers that have a response-date column (the others'
            timing is unknown, never presumed).
        response_days: Histogram of response times in working days (a
            [`DayHistogram`][ppid_core.requests.DayHistogram]; built from ``(days,
            requests)`` pairs too), over the requests whose response date the register
            records.
        open: Timed requests without a response date.
        overdue: Open (timed) requests past the deadline that applied to each on the oversight's
            date (UU 14/2008 Pasal 22 ayat (7), or ayat (8) where a written extension is
            recorded).
        overdue_unknown: Open requests whose deadline cannot be judged (a date past the
            calendar's data, or a response or extension date the register could not read).

    Raises:
        InvalidArgumentError: Counts that cannot belong together (more answered than
            timed, more overdue than open, a negative count).

    Examples:
        >>> a = UnitSummary(requests=3, timed=3, response_days=((2, 1), (12, 1)), open=1)
        >>> b = UnitSummary(requests=2, timed=2, response_days=((5, 2),))
        >>> both = a + b
        >>> both.answered, both.response_days.pairs, both.median
        (4, ((2, 1), (5, 2), (12, 1)), Fraction(5, 1))
        >>> both.within(10), a.median
        (3, Fraction(7, 1))
        >>> a + UnitSummary() == a == UnitSummary.merge([UnitSummary(), a]) == sum([a])
        True

        A unit without a response-date column: its timing is unknown, never zero.

        >>> untimed = UnitSummary(requests=3)
        >>> untimed.known, untimed.within(10), untimed.median
        (False, None, None)
        >>> (untimed + a).within(10), (untimed + a).untimed
        (1, 3)
    """

    requests: int = 0
    timed: int = 0
    response_days: DayHistogram = attrs.field(factory=DayHistogram, converter=DayHistogram)
    open: int = 0
    overdue: int = 0
    overdue_unknown: int = 0

    def __attrs_post_init__(self) -> None:
        for name in ("requests", "timed", "open", "overdue", "overdue_unknown"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                msg = f"{name} must be a whole number of 0 or more, got {value!r}"
                raise InvalidArgumentError(msg)
        if self.timed > self.requests:
            msg = f"timed ({self.timed}) cannot exceed requests ({self.requests})"
            raise InvalidArgumentError(msg)
        if self.answered + self.open > self.timed:
            msg = (
                f"answered ({self.answered}) and open ({self.open}) requests cannot exceed "
                f"the timed ones ({self.timed})"
            )
            raise InvalidArgumentError(msg)
        if self.overdue + self.overdue_unknown > self.open:
            msg = (
                f"overdue ({self.overdue}) and undecidable ({self.overdue_unknown}) requests "
                f"cannot exceed the open ones ({self.open})"
            )
            raise InvalidArgumentError(msg)

    def __add__(self, other: object) -> UnitSummary:
        """The summary of both parts' requests together (the merge; ``0`` changes nothing)."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, UnitSummary):
            return NotImplemented
        return UnitSummary(
            requests=self.requests + other.requests,
            timed=self.timed + other.timed,
            response_days=self.response_days + other.response_days,
            open=self.open + other.open,
            overdue=self.overdue + other.overdue,
            overdue_unknown=self.overdue_unknown + other.overdue_unknown,
        )

    def __radd__(self, other: object) -> UnitSummary:
        """``0 + summary`` is the summary, so that ``sum(summaries)`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, parts: Iterable[UnitSummary]) -> UnitSummary:
        """The merge of any number of summaries (``UnitSummary()`` for none)."""
        out = cls()
        for part in parts:
            out += part
        return out

    @property
    def answered(self) -> int:
        """Requests whose response date the register records."""
        return self.response_days.count

    @property
    def untimed(self) -> int:
        """Requests from registers without a response-date column (timing unknown)."""
        return self.requests - self.timed

    @property
    def known(self) -> bool:
        """Whether the timing figures mean anything: some request is timed, or there is
        no request at all. ``False`` for a unit whose registers have no response-date
        column: its ``answered``, ``open`` and ``overdue`` are then counts over no timed
        request (0 of 0), not a finding of zero, and [`within()`][within] is ``None``."""
        return self.timed > 0 or self.requests == 0

    def within(self, limit: int) -> int | None:
        """Answered requests whose response took at most ``limit`` working days; ``None``
        (unknown, never 0) when no request of the unit is timed (see [`known`][known])."""
        return self.response_days.within(limit) if self.known else None

    def share_within(self, limit: int) -> Fraction | None:
        """Exact share of the answered requests answered within ``limit`` working days;
        ``None`` (unknown) when none is answered."""
        return self.response_days.share_within(limit)

    @property
    def median(self) -> Fraction | None:
        """Exact median response time in working days; ``None`` when none is answered.

        The times are whole working days. With an odd number of answered requests the
        median is the middle one; with an even number, the mean of the two middle ones,
        so it may end in ``1/2`` (``Fraction(9, 2)``: 4.5 days).
        """
        return self.response_days.median
