"""Monitoring an action plan month by month: what is due, done and late.

Everything is month-granular. For a sub kegiatan with planned months *P* in the plan
year, looked at in a reporting month *c* (a month of the plan year; a month before the
year counts as 0, one after it as 13), using only the records of months up to *c*:

- a planned month *p* is **done** when a record for (row, *p*) has status ``done``;
  ``partly`` and ``not_done`` records, and a missing record, leave it open;
- the row is **due** in *c* when *c* is in *P* (whatever its records say);
- a planned month *p* is **late** when *p* < *c* and it is not done: a month's work is
  late from the first day of the next month;
- the row's state is, by precedence: ``unscheduled`` (*P* empty), ``upcoming`` (every
  planned month is after *c*), ``late`` (a late month), ``due`` (*c* in *P* and not
  done), ``complete`` (every planned month done), else ``on_track`` (every month up to *c*
  done, more planned later);
- **progress** is (done months + *w* x partly months) / |*P*| over the months up to
  *c*, with *w* = ``partly_weight`` (1/2 unless set; this weight is a ppid-core
  convention, not a regulation); **expected** is |{*p* in *P* : *p* <= *c*}| / |*P*|.
  Area and kegiatan progress pool the planned months of their rows.

Quarters (triwulan) are Jan-Mar, Apr-Jun, Jul-Sep and Oct-Dec.

    >>> from ppid_core.rb._plan import loads_plan
    >>> plan = loads_plan('''
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

import enum
from fractions import Fraction

import attrs

from ppid_core.errors import LocatedError
from ppid_core.rb._months import quarter_months
from ppid_core.rb._plan import ActionPlan, PlanRow
from ppid_core.rb._realisation import Realisation, Record, Status

__all__ = ["PlanStatus", "Progress", "QuarterRollup", "RowState", "RowStatus", "plan_status"]

DEFAULT_PARTLY_WEIGHT = Fraction(1, 2)


class RowState(enum.Enum):
    """Where a sub kegiatan stands in the reporting month."""

    UNSCHEDULED = "unscheduled"
    UPCOMING = "upcoming"
    LATE = "late"
    DUE = "due"
    COMPLETE = "complete"
    ON_TRACK = "on_track"

    @property
    def label(self) -> str:
        """The Indonesian label used in reports."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    RowState.UNSCHEDULED: "tidak dijadwalkan",
    RowState.UPCOMING: "belum waktunya",
    RowState.LATE: "terlambat",
    RowState.DUE: "jatuh tempo",
    RowState.COMPLETE: "selesai",
    RowState.ON_TRACK: "sesuai jadwal",
}


@attrs.frozen(kw_only=True)
class Progress:
    """Pooled planned months and their realisation up to the reporting month.

    Attributes:
        planned: Planned months (row x month) in the whole year.
        elapsed: Planned months up to the reporting month.
        done: Of those, done.
        partly: Of those, partly done.
        partly_weight: How much a partly-done month counts.
    """

    planned: int = 0
    elapsed: int = 0
    done: int = 0
    partly: int = 0
    partly_weight: Fraction = DEFAULT_PARTLY_WEIGHT

    @property
    def value(self) -> Fraction:
        """Realised share of the year's planned months (0 when nothing is planned)."""
        if not self.planned:
            return Fraction(0)
        return (self.done + self.partly_weight * self.partly) / self.planned

    @property
    def expected(self) -> Fraction:
        """Share of the year's planned months that fall up to the reporting month."""
        return Fraction(self.elapsed, self.planned) if self.planned else Fraction(0)

    def __add__(self, other: Progress) -> Progress:
        return attrs.evolve(
            self,
            planned=self.planned + other.planned,
            elapsed=self.elapsed + other.elapsed,
            done=self.done + other.done,
            partly=self.partly + other.partly,
        )


@attrs.frozen(kw_only=True)
class RowStatus:
    """The status of one sub kegiatan in the reporting month.

    Attributes:
        row: The plan row.
        state: Its state (see the module's definitions).
        due: True when the reporting month is a planned month.
        late_months: Planned months before the reporting month that are not done.
        records: Its records of months up to the reporting month, by month.
        progress: Its progress.
    """

    row: PlanRow
    state: RowState
    due: bool
    late_months: tuple[int, ...]
    records: tuple[Record, ...]
    progress: Progress

    @property
    def expected(self) -> Fraction:
        """Share of its planned months up to the reporting month."""
        return self.progress.expected


@attrs.frozen(kw_only=True)
class QuarterRollup:
    """One triwulan: counts of planned months (row x month) by outcome.

    ``no_record`` counts elapsed planned months without any record; ``future`` those
    after the reporting month.
    """

    quarter: int
    planned: int
    done: int
    partly: int
    not_done: int
    no_record: int
    future: int


@attrs.frozen(kw_only=True)
class PlanStatus:
    """A plan's status in one reporting month."""

    plan: ActionPlan
    year: int
    month: int
    cutoff: int
    rows: tuple[RowStatus, ...]
    quarters: tuple[QuarterRollup, ...]

    def due(self) -> tuple[RowStatus, ...]:
        """Rows planned in the reporting month."""
        return tuple(r for r in self.rows if r.due)

    def late(self) -> tuple[RowStatus, ...]:
        """Rows with a late month."""
        return tuple(r for r in self.rows if r.state is RowState.LATE)

    def by_area(self) -> dict[str, Progress]:
        """Pooled progress per area key, in plan order."""
        out: dict[str, Progress] = {}
        for r in self.rows:
            out[r.row.area.key] = out.get(r.row.area.key, _zero(r.progress)) + r.progress
        return out

    def by_kegiatan(self) -> dict[str, Progress]:
        """Pooled progress per kegiatan, keyed by its code ``"<area>.<kegiatan>"``."""
        out: dict[str, Progress] = {}
        for r in self.rows:
            key = r.row.code.rsplit(".", 1)[0]
            out[key] = out.get(key, _zero(r.progress)) + r.progress
        return out

    def total(self) -> Progress:
        """Pooled progress of the whole plan."""
        total = Progress()
        for r in self.rows:
            total = attrs.evolve(total + r.progress, partly_weight=r.progress.partly_weight)
        return total


def _zero(like: Progress) -> Progress:
    return Progress(partly_weight=like.partly_weight)


def _row_status(row: PlanRow, recs: dict[int, Record], cutoff: int, weight: Fraction) -> RowStatus:
    planned = row.sub.months
    elapsed = [m for m in planned if m <= cutoff]
    done = [m for m in elapsed if m in recs and recs[m].status is Status.DONE]
    partly = [m for m in elapsed if m in recs and recs[m].status is Status.PARTLY]
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
        ),
    )


def plan_status(
    plan: ActionPlan,
    realisation: Realisation | None,
    *,
    year: int,
    month: int,
    partly_weight: Fraction = DEFAULT_PARTLY_WEIGHT,
) -> PlanStatus:
    """The plan's status in a reporting month.

    Args:
        plan: The action plan.
        realisation: Its realisation records (``None``: nothing recorded yet).
        year: The reporting year.
        month: The reporting month, 1-12.
        partly_weight: How much a ``partly`` month counts in progress, 0 to 1.

    Raises:
        LocatedError: ``month`` is not 1-12 or ``partly_weight`` not within 0 to 1 (a
            ``ValueError``; its location is ``plan_status``, the function given it).
    """
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
        _row_status(row, by_row.get(row.code, {}), cutoff, partly_weight) for row in plan.rows()
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
                else:
                    counts[found.status.value] += 1
        quarters.append(QuarterRollup(quarter=q, **counts))
    return PlanStatus(
        plan=plan, year=year, month=month, cutoff=cutoff, rows=rows, quarters=tuple(quarters)
    )
