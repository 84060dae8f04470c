"""Monitoring an action plan month by month: what is due, done and late.

[`plan_status()`][plan_status] computes a [`PlanStatus`][ppid_core.rb.PlanStatus]
(``rb/_status.py``), the
result that renders the reports.

Everything is month-granular. For a sub kegiatan with planned months *P* in the plan
year, looked at in a reporting month *c* (a month of the plan year; a month before the
year counts as 0, one after it as 13), using only the records of months up to *c*:

- a planned month *p* is **done** when a record for (row, *p*) has status ``done`` (or,
  without a ``status``, target status ``Target Tercapai``);
  ``partly`` and ``not_done`` records, and a missing record, leave it open;
- the row is **due** in *c* when *c* is in *P* (whatever its records say);
- a planned month *p* is **late** when *p* < *c* and it is not done: a month's work is
  late from the first day of the next month;
- the row's state is, by precedence: ``unscheduled`` (*P* empty), ``upcoming`` (every
  planned month is after *c*), ``late`` (a late month), ``due`` (*c* in *P* and not
  done), ``complete`` (every planned month done), else ``on_track`` (every month up to *c*
  done, more planned later);
- **progress** (under the default definition, ``months``; ``progress=`` selects
  ``targets``, ``values`` or ``bps``, see ``rb/_progress.py``) is
  (done months + *w* x partly months) / |*P*| over the months up to
  *c*, with *w* = ``partly_weight`` (1/2 unless set; this weight is a ppid-core
  convention, not a regulation); **expected** is |{*p* in *P* : *p* <= *c*}| / |*P*|.
  Area and kegiatan progress pool the planned months of their rows.

Quarters (triwulan) are Jan-Mar, Apr-Jun, Jul-Sep and Oct-Dec.

    >>> from ppid_core.rb import parse_plan
    >>> plan = parse_plan('''
    ... kind: plan
    ... year: 2022
    ... unit: KPU Provinsi NTT
    ... areas:
    ...   - area: organisasi
    ...     kegiatan:
    ...       - name: Penyusunan SOTK
    ...         sub_kegiatan:
    ...           - {name: Penyesuaian SOTK, months: [Feb, Mar, Des]}
    ... ''')
    >>> st = plan_status(plan, None, year=2022, month=3)
    >>> row = st.rows[0]
    >>> row.state.value, row.late_months, row.due
    ('late', (2,), True)
    >>> str(row.expected)
    '2/3'

References:
    Permen PANRB 90/2021 Lampiran III, Manajemen Perubahan, pemenuhan iii ("seluruh
    kegiatan pembangunan sudah dilaksanakan sesuai dengan rencana"); Keputusan KPU
    Provinsi NTT No. 79/2022 Lampiran I (monthly report to the Tim Pengarah).
"""

from __future__ import annotations

from fractions import Fraction

from ppid_core.errors import LocatedError, UnknownNameError
from ppid_core.rb._months import quarter_months
from ppid_core.rb._plan_model import ActionPlan, PlanRow
from ppid_core.rb._progress import DEFAULT_PROGRESS, PROGRESS_DEFINITIONS, row_share
from ppid_core.rb._record_model import Realisation, Record, RecordStatus
from ppid_core.rb._row_state import (
    DEFAULT_PARTLY_WEIGHT,
    Progress,
    QuarterRollup,
    RowState,
    RowStatus,
)
from ppid_core.rb._status import PlanStatus

__all__ = ["plan_status"]


def _row_status(
    row: PlanRow, recs: dict[int, Record], cutoff: int, weight: Fraction, definition: str
) -> RowStatus:
    planned = row.sub.months
    elapsed = [m for m in planned if m <= cutoff]
    done = [m for m in elapsed if m in recs and recs[m].is_done]
    partly = [m for m in elapsed if m in recs and recs[m].status is RecordStatus.PARTLY]
    achieved, out_of = row_share(definition, row, recs, cutoff, weight)
    late = tuple(m for m in planned if m < cutoff and m not in done)
    due = cutoff in planned
    if not planned:
        state = RowState.UNSCHEDULED
    elif not elapsed:
        state = RowState.UPCOMING
    elif late:
        state = RowState.LATE
    elif due and cutoff not in done:
        state = RowState.DUE
    elif len(done) == len(planned):
        state = RowState.COMPLETE
    else:
        state = RowState.ON_TRACK
    return RowStatus(
        row=row,
        state=state,
        due=due,
        late_months=late,
        records=tuple(recs[m] for m in sorted(recs) if m <= cutoff),
        progress=Progress(
            planned=len(planned),
            elapsed=len(elapsed),
            done=len(done),
            partly=len(partly),
            partly_weight=weight,
            definition=definition,
            achieved=achieved,
            out_of=out_of,
        ),
    )


def plan_status(
    plan: ActionPlan,
    realisation: Realisation | None,
    *,
    year: int,
    month: int,
    partly_weight: Fraction = DEFAULT_PARTLY_WEIGHT,
    progress: str = DEFAULT_PROGRESS,
) -> PlanStatus:
    """The plan's status in a reporting month.

    Args:
        plan: The action plan.
        realisation: Its realisation records (``None``: nothing recorded yet).
        year: The reporting year.
        month: The reporting month, 1-12.
        partly_weight: How much a ``partly`` month counts in progress, 0 to 1.
        progress: The progress definition, by name: ``months`` (the default),
            ``targets``, ``values`` or ``bps`` (formulas in ``rb/_progress.py`` and the
            RB guide).

    Raises:
        LocatedError: ``month`` is not 1-12 or ``partly_weight`` not within 0 to 1 (a
            ``ValueError``; its location is ``plan_status``, the function given it).
        UnknownNameError: ``progress`` is not a definition's name.
    """
    if progress not in PROGRESS_DEFINITIONS:
        names = ", ".join(PROGRESS_DEFINITIONS)
        msg = f"unknown progress definition {progress!r}; expected one of: {names}"
        raise UnknownNameError(msg)
    if not 1 <= month <= 12:
        msg = f"month must be 1-12, got {month}"
        raise LocatedError(msg, source="plan_status")
    if not 0 <= partly_weight <= 1:
        msg = f"partly_weight must be from 0 to 1, got {partly_weight}"
        raise LocatedError(msg, source="plan_status")
    cutoff = 0 if year < plan.year else 13 if year > plan.year else month
    by_row: dict[str, dict[int, Record]] = {}
    for rec in realisation.records if realisation else ():
        by_row.setdefault(rec.code, {})[rec.month] = rec
    rows = tuple(
        _row_status(row, by_row.get(row.code, {}), cutoff, partly_weight, progress)
        for row in plan.rows()
    )
    quarters = []
    for q in range(1, 5):
        counts = dict.fromkeys(("planned", "done", "partly", "not_done", "no_record", "future"), 0)
        for rs in rows:
            recs = by_row.get(rs.row.code, {})
            for m in quarter_months(q):
                if m not in rs.row.sub.months:
                    continue
                counts["planned"] += 1
                found = recs.get(m)
                if m > cutoff:
                    counts["future"] += 1
                elif found is None:
                    counts["no_record"] += 1
                elif found.status is not None:
                    counts[found.status.value] += 1
                else:
                    counts["done" if found.is_done else "not_done"] += 1
        quarters.append(QuarterRollup(quarter=q, **counts))
    return PlanStatus(
        plan=plan,
        year=year,
        month=month,
        cutoff=cutoff,
        rows=rows,
        quarters=tuple(quarters),
        progress_definition=progress,
    )
