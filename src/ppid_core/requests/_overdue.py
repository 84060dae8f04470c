"""Requests past their deadline on a day: the overdue list of the service report.

The response period (UU 14/2008 Pasal 22 ayat (7)) applies to every request, unless the
register records a written extension (Pasal 22 ayat (8)) sent on or before the period's
last day; then the extended period applies. An extension is never presumed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from ppid_core.requests._rules import RuleSet, Step

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["OverdueRequest", "overdue_requests"]


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
    """

    number: str
    received: dt.date
    due: dt.date
    working_days_late: int
    requester: str
    limit: int
    extended_on: dt.date | None = None
    citation: str = ""

    @property
    def deadline(self) -> str:
        """Which deadline applied, in words (as the Markdown report shows it)."""
        text = f"{self.limit} hari kerja"
        if self.extended_on is not None:
            text += f" (diperpanjang {self.extended_on.isoformat()})"
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
) -> tuple[OverdueRequest, ...]:
    """Requests without a response date past the deadline that applied to each.

    The response period applies unless the register records a written extension sent
    on or before its last day (UU 14/2008 Pasal 22 ayat (7)–(8)).
    """
    open_ = [
        i
        for i in itertools.compress(
            range(len(responded)), map(operator.is_, responded, itertools.repeat(None))
        )
        if received[i] <= today
    ]
    base, more = rules.days(Step.RESPONSE), rules.days(Step.EXTENSION)
    receipts = calendar.add_working_days_many([received[i] for i in open_], 0)
    dues = calendar.add_working_days_many(receipts, base)
    ext: list[dt.date | None] = [None] * len(open_)
    if extended is not None:
        ext = [extended[i] for i in open_]
        ext = [e if e is not None and e <= due else None for e, due in zip(ext, dues, strict=True)]
        longer = [j for j, e in enumerate(ext) if e is not None]
        later = calendar.add_working_days_many([dues[j] for j in longer], more)
        for j, due in zip(longer, later, strict=True):
            dues[j] = due
    response, extension = rules.step(Step.RESPONSE), rules.step(Step.EXTENSION)
    out = []
    for j, (i, due) in enumerate(zip(open_, dues, strict=True)):
        if due < today:
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
                    citation=response.citation if on is None else extension.citation,
                )
            )
    return tuple(out)
