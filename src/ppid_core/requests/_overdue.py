"""Requests past their deadline on a day: the overdue list of the service report.

The response period (UU 14/2008 Pasal 22 ayat (7)) applies to every request, unless the
register records a written extension (Pasal 22 ayat (8)) sent on or before the period's
last day; then the extended period applies. An extension is never presumed.

A request whose deadline the calendar cannot reach (a date past its holiday data) is not
dropped: it is listed as an [`UnknownDeadline`][UnknownDeadline] with its register row and the
    reason.
A deadline that rests on an estimated year or a provisional holiday is marked provisional.

A request whose register cell records a time of day (``2024-06-04 23:30``, the office's
local time) counts from its receipt date under the calendar's office hours: after closing
time it counts as received on the next working day
([`WorkCalendar.receipt_date()`][WorkCalendar.receipt_date]).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

import attrs

from ppid_core._i18n import _
from ppid_core.errors import CalendarCoverageError
from ppid_core.requests._rules import RuleSet, Step

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["OverdueRequest", "UnknownDeadline", "overdue_requests", "receipt_dates"]


def receipt_dates(
    received: Sequence[dt.date], times: Sequence[dt.time | None], calendar: WorkCalendar
) -> list[dt.date]:
    """The date each request counts as received: its day, or its moment under office hours.

    A time of day is the office's local time. Batch form for the dates alone.

    Raises:
        CalendarCoverageError: A receipt date past the calendar's data.
    """
    receipts = calendar.add_working_days_many(received, 0)
    if times.count(None) == len(times):  # no time recorded (counted at C speed)
        return receipts
    recorded = map(operator.is_not, times, itertools.repeat(None))
    timed = list(itertools.compress(range(len(times)), recorded))
    if timed:
        zone = ZoneInfo(calendar.zone)
        for i in timed:
            moment = dt.datetime.combine(received[i], cast("dt.time", times[i]), tzinfo=zone)
            receipts[i] = calendar.receipt_date(moment)
    return receipts


@attrs.frozen(kw_only=True)
class UnknownDeadline:
    """An open request whose deadline cannot be computed from the calendar's data.

    Attributes:
        number: Register number.
        row: The register row it was read from.
        received: Date received.
        reason: Why, e.g. "di luar data kalender: data ends 2027-12-31".
    """

    number: str
    row: int
    received: dt.date
    reason: str


@attrs.frozen(kw_only=True)
class OverdueRequest:
    """A request without a response date whose deadline has passed.

    Attributes:
        number: Register number.
        received: Date received.
        due: Last day of the period that applied.
        working_days_late: Working days after ``due`` up to the report's date.
        requester: The requester's name, masked by the report's policy.
        limit: Working days of the period that applied (e.g. 10, or 17 when extended).
        extended_on: Date of the written extension notice, when one applied.
        citation: The article that sets the period applied.
        provisional: Whether ``due`` rests on an estimated year or a provisional holiday.
    """

    number: str
    received: dt.date
    due: dt.date
    working_days_late: int
    requester: str
    limit: int
    extended_on: dt.date | None = None
    citation: str = ""
    provisional: bool = False

    @property
    def deadline(self) -> str:
        """Which deadline applied, in words, in the language in use (as the reports show
        it: ``10 hari kerja; UU 14/2008 Pasal 22 ayat (7)`` in Indonesian)."""
        if self.extended_on is None:
            text = _("{days} working days").format(days=self.limit)
        else:
            text = _("{days} working days (extended on {day})").format(
                days=self.limit, day=self.extended_on.isoformat()
            )
        return f"{text}; {self.citation}" if self.citation else text


def overdue_requests(
    received: Sequence[dt.date],
    responded: Sequence[dt.date | None],
    extended: Sequence[dt.date | None] | None,
    *,
    rules: RuleSet,
    calendar: WorkCalendar,
    today: dt.date,
    numbers: Sequence[str],
    names: Sequence[str],
    masked: Callable[[str], str],
    rows: Sequence[int] | None = None,
    times: Sequence[dt.time | None] | None = None,
    unreadable: Sequence[str | None] | None = None,
) -> tuple[tuple[OverdueRequest, ...], tuple[UnknownDeadline, ...]]:
    """Requests without a response date past the deadline that applied to each.

    The response period applies unless the register records a written extension sent
    on or before its last day (UU 14/2008 Pasal 22 ayat (7)–(8)).

    Returns:
        The overdue requests, and the open requests whose deadline cannot be judged: the
        calendar cannot reach it, or ``unreadable`` gives a reason (a response or
        extension date the register could not read); each with its register row
        (``rows`` default to 1, 2, ...). ``times`` are the times of day received, where
        recorded (see [`receipt_dates()`][receipt_dates]).
    """
    open_ = [
        i
        for i in itertools.compress(
            range(len(responded)), map(operator.is_, responded, itertools.repeat(None))
        )
        if received[i] <= today
    ]
    unknown: list[UnknownDeadline] = []
    if unreadable is not None and any(unreadable):
        judged = []
        for i in open_:
            if (why := unreadable[i]) is None:
                judged.append(i)
            else:
                unknown.append(
                    UnknownDeadline(
                        number=numbers[i],
                        row=rows[i] if rows is not None else i + 1,
                        received=received[i],
                        reason=why,
                    )
                )
        open_ = judged
    base, more = rules.days(Step.RESPONSE), rules.days(Step.EXTENDED_RESPONSE)
    ext_all = [None] * len(received) if extended is None else extended
    at = [None] * len(received) if times is None else times
    try:
        dues, ext = _dues(
            calendar,
            [received[i] for i in open_],
            [at[i] for i in open_],
            [ext_all[i] for i in open_],
            base=base,
            more=more,
        )
    except CalendarCoverageError:
        dues, ext = [], []
        for i in open_:
            try:
                (due,), (on,) = _dues(
                    calendar, [received[i]], [at[i]], [ext_all[i]], base=base, more=more
                )
            except CalendarCoverageError as exc:
                due, on = exc, None
            dues.append(due)
            ext.append(on)
    response, extended_rule = rules.step(Step.RESPONSE), rules.step(Step.EXTENDED_RESPONSE)
    out: list[OverdueRequest] = []
    for j, (i, due) in enumerate(zip(open_, dues, strict=True)):
        if isinstance(due, CalendarCoverageError):
            end = due.last_day or calendar.last_day
            unknown.append(
                UnknownDeadline(
                    number=numbers[i],
                    row=rows[i] if rows is not None else i + 1,
                    received=received[i],
                    reason=f"di luar data kalender: data ends {end.isoformat()}",
                )
            )
        elif due < today:
            on = ext[j]
            out.append(
                OverdueRequest(
                    number=numbers[i],
                    received=received[i],
                    due=due,
                    working_days_late=calendar.count_working_days(due, today),
                    requester=masked(names[i]),
                    limit=base if on is None else base + more,
                    extended_on=on,
                    citation=response.citation if on is None else extended_rule.citation,
                    provisional=calendar.provisional(received[i], due),
                )
            )
    return tuple(out), tuple(unknown)


def _dues(
    calendar: WorkCalendar,
    received: list[dt.date],
    times: list[dt.time | None],
    extended: list[dt.date | None],
    *,
    base: int,
    more: int,
) -> tuple[list[dt.date | CalendarCoverageError], list[dt.date | None]]:
    """The deadline of each request (batch form) and the extension that applied to it.

    Raises:
        CalendarCoverageError: Some deadline is past the calendar's data.
    """
    receipts = receipt_dates(received, times, calendar)
    dues: list[dt.date | CalendarCoverageError] = list(
        calendar.add_working_days_many(receipts, base)
    )
    ext = [
        e if e is not None and e <= due else None
        for e, due in zip(extended, cast("list[dt.date]", dues), strict=True)
    ]
    longer = [j for j, e in enumerate(ext) if e is not None]
    later = calendar.add_working_days_many([cast("dt.date", dues[j]) for j in longer], more)
    for j, due in zip(longer, later, strict=True):
        dues[j] = due
    return dues, ext
