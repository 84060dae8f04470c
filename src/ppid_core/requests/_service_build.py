"""[`service_summary()`][service_summary]: the mergeable figures of one register.

Everything the service report computes from the register's requests, once: months,
counts per column, response times in working days, the overdue list (twice when the
register records extensions: with them, and held to the response period, for a merge with
a register that records none).

References:
    UU 14/2008 Pasal 12; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from ppid_core._masking import Masking
from ppid_core.requests._overdue import overdue_requests
from ppid_core.requests._register_merge import ReadPart
from ppid_core.requests._rules import RuleSet
from ppid_core.requests._service_decisions import NOT_RECORDED, decision_tally
from ppid_core.requests._service_figures import (
    RuleFacts,
    month_counts,
    response_days,
    topic_counts,
    unread_positions,
    unreadable_deadlines,
)
from ppid_core.requests._service_summary import Lists, ServiceSummary
from ppid_core.requests._topics import TopicTable

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._register_model import Register

__all__ = ["service_summary"]

T = TypeVar("T")


def service_summary(
    register: Register,
    calendar: WorkCalendar,
    rules: RuleSet | str = "uu_14_2008",
    *,
    year: int | None = None,
    as_of: dt.date | None = None,
    topics: TopicTable | None = None,
    masking: Masking | None = None,
) -> ServiceSummary:
    """The mergeable figures of a register's service report.

    The arguments are those of [`service_report()`][ppid_core.requests.service_report],
    which is ``ServiceReport.from_summary(service_summary(...))``.

    Raises:
        CalendarCoverageError: A date the calendar does not cover.
        UnknownDeadlineError: The rule set has no response number (overdue needs it).

    References:
        UU 14/2008 Pasal 12; Pasal 22 ayat (7)–(8).
    """
    rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
    facts = RuleFacts.of(rs)
    mask = masking or Masking()
    table = topics or TopicTable.bundled()
    today = as_of or dt.datetime.now(ZoneInfo(calendar.zone)).date()
    reg = register
    if year is None:
        chosen: list[bool] | None = None
    else:
        in_year = {d for d in set(reg.received) if d.year == year}
        chosen = list(map(in_year.__contains__, reg.received))

    def col(values: Sequence[T]) -> Sequence[T]:
        return values if chosen is None else tuple(itertools.compress(values, chosen))

    received = col(reg.received)

    def unread(field: str) -> Sequence[bool]:
        at = unread_positions(reg, field)
        return col([i in at for i in range(len(reg))]) if at else [False] * len(received)

    has = reg.fields.__contains__
    figures: dict[str, Any] = {}
    if has("service"):
        figures["services"] = Counter(col(reg.services))
    if has("information"):
        figures["topics"] = topic_counts(table, col(reg.information))
    if has("unit"):
        figures["units"] = Counter(col(reg.units))
    if has("decision"):
        figures["decisions"], figures["decisions_unreadable"] = decision_tally(
            col(reg.decisions), unread("decision")
        )
    if has("refusal_reason"):
        figures["refusal_reasons"] = Counter(filter(None, col(reg.refusal_reasons)))
    if has("keberatan"):
        figures["keberatan"] = sum(map(bool, col(reg.keberatan_on)))
    if has("sengketa"):
        figures["sengketa"] = sum(map(bool, col(reg.sengketa_on)))
    figures["held"] = ((), ()) if has("extended") else None
    if has("responded"):
        times, responded = col(reg.received_times), col(reg.responded)
        figures["response_days"] = response_days(received, responded, calendar, times)
        name_of = functools.lru_cache(maxsize=None)(mask.name)

        def overdue(extended: bool) -> Lists:
            return overdue_requests(
                received,
                responded,
                col(reg.extended_on) if extended else None,
                rules=rs,
                calendar=calendar,
                today=today,
                numbers=col(reg.numbers),
                names=col(reg.names),
                masked=lambda name: name_of(name) if name else NOT_RECORDED,
                rows=col(reg.rows),
                times=times,
                unreadable=unreadable_deadlines(
                    unread("responded"), unread("extended") if extended else [False] * len(received)
                ),
            )

        figures["overdue"], figures["overdue_unknown"] = overdue(has("extended"))
        if has("extended"):
            figures["held"] = overdue(extended=False)
    return ServiceSummary(
        rules=facts,
        year=year,
        as_of=today,
        parts=(ReadPart.of(reg),),
        requests=len(received),
        outside_year=len(reg) - len(received),
        months=month_counts(received),
        **figures,
    )
