"""Progress definitions: how a plan's realisation becomes one share between 0 and 1.

No regulation fixes how an action plan's progress is computed (the LKE RB General 2023
scores the *tingkat implementasi* of the rencana aksi, 7.00 of 100, without a formula;
KepMen PANRB 739/2023 [REG, excerpt]). So the definition is an explicit choice, by name
(``progress=`` in [`plan_status()`][ppid_core.rb.plan_status], ``--progress NAME`` on the
command line). Each gives, per plan row, a share *achieved* / *out of*; areas, kegiatan
and the plan pool them (sum of *achieved* over sum of *out of*; 0 when nothing counts).
Only records of periods that ended by the reporting month *c* count; the denominators
are the whole year's, so progress grows through the year.

``months`` (the default, ppid-core's rule since 0.1)
    (months done + *w* x months partly done) / planned months. A month is done when
    its record says ``done`` (or, without a ``status``, ``Target Tercapai``); *w* is
    ``partly_weight`` (1/2 unless set; a ppid-core convention).
``targets``
    periods whose record says ``Target Tercapai`` / periods with a target.
``values``
    the sum over periods with a target of min(achieved / target, 1), over the number
    of periods with a target. Each period is capped at 1, so over-achievement in one
    quarter does not hide a miss in another, and progress stays within [0, 1]. A
    period without an achieved value counts 0.
``bps``
    the rule of Badan Pusat Statistik's RB General 2025 plan: (periods with no target +
    periods with a target whose record says ``Target Tercapai``) / all periods of the
    year (4 triwulan, or 12 months), for rows with targets. A period with a target and
    no record yet counts as not achieved (the plan's own sheet counts "not Tidak
    Tercapai"; the two agree once every period is reported).

Rows without targets count only under ``months``.

    >>> sorted(PROGRESS_DEFINITIONS)
    ['bps', 'months', 'targets', 'values']

References:
    KepMen PANRB 739/2023 (LKE RB General: tingkat implementasi rencana aksi, 7.00);
    Badan Pusat Statistik, Rencana Aksi RB General 2025 (persentase pencapaian per row).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

import attrs

from ppid_core._i18n import N_
from ppid_core.rb._periods import Period
from ppid_core.rb._plan_model import PlanRow
from ppid_core.rb._record_model import Record, RecordStatus, TargetStatus

__all__ = ["DEFAULT_PROGRESS", "PROGRESS_DEFINITIONS", "ProgressDefinition", "row_share"]

DEFAULT_PROGRESS = "months"

Share = tuple[Fraction, int]
Measure = Callable[[PlanRow, Mapping[int, Record], int, Fraction], Share]


@attrs.frozen(kw_only=True)
class ProgressDefinition:
    """One way to turn realisation into progress.

    Attributes:
        name: Its name (``months``, ``targets``, ``values``, ``bps``).
        title: A short title for reports, in English (``_(title)`` where shown).
        formula: The formula, in words, in English (``_(formula)`` where shown).
    """

    name: str
    title: str
    formula: str


def _months(row: PlanRow, recs: Mapping[int, Record], cutoff: int, weight: Fraction) -> Share:
    elapsed = [recs[m] for m in row.sub.months if m <= cutoff and m in recs]
    done = sum(1 for r in elapsed if r.is_done)
    partly = sum(1 for r in elapsed if r.status is RecordStatus.PARTLY)
    return done + weight * partly, len(row.sub.months)


def _reached(rec: Record | None) -> bool:
    return rec is not None and rec.target_status is TargetStatus.ACHIEVED


def _targets(row: PlanRow, recs: Mapping[int, Record], cutoff: int, weight: Fraction) -> Share:
    del weight
    ended = [t for t in row.sub.targets if t.period.last_month <= cutoff]
    return Fraction(sum(1 for t in ended if _reached(recs.get(t.period.last_month)))), len(
        row.sub.targets
    )


def _values(row: PlanRow, recs: Mapping[int, Record], cutoff: int, weight: Fraction) -> Share:
    del weight
    total = Fraction(0)
    for t in row.sub.targets:
        rec = recs.get(t.period.last_month)
        if t.period.last_month <= cutoff and rec is not None and rec.achieved is not None:
            total += min(Fraction(rec.achieved) / Fraction(t.value), Fraction(1))
    return total, len(row.sub.targets)


def _bps(row: PlanRow, recs: Mapping[int, Record], cutoff: int, weight: Fraction) -> Share:
    del weight
    kind = row.sub.period_kind
    if kind is None:
        return Fraction(0), 0
    periods = [Period(kind=kind, number=n) for n in range(1, 5 if kind == "quarter" else 13)]
    achieved = sum(
        1
        for p in periods
        if p.last_month <= cutoff
        and (row.sub.target_in(p) is None or _reached(recs.get(p.last_month)))
    )
    return Fraction(achieved), len(periods)


_MEASURES: dict[str, Measure] = {
    "months": _months,
    "targets": _targets,
    "values": _values,
    "bps": _bps,
}

#: The definitions by name (the module docstring gives each formula).
PROGRESS_DEFINITIONS = {
    d.name: d
    for d in (
        ProgressDefinition(
            name="months",
            title=N_("months done"),
            formula=N_("(months done + partly_weight x months partly done) / planned months"),
        ),
        ProgressDefinition(
            name="targets",
            title=N_("targets reached"),
            formula=N_("periods recorded Target Tercapai / periods with a target"),
        ),
        ProgressDefinition(
            name="values",
            title=N_("achievement against target"),
            formula=N_(
                "sum of min(achieved / target, 1) over periods with a target / their number"
            ),
        ),
        ProgressDefinition(
            name="bps",
            title=N_("BPS rule"),
            formula=N_(
                "(periods without a target + periods recorded Target Tercapai) / all periods"
            ),
        ),
    )
}


def row_share(
    definition: str, row: PlanRow, recs: Mapping[int, Record], cutoff: int, weight: Fraction
) -> Share:
    """A row's share (*achieved*, *out of*) under a definition, up to month ``cutoff``.

    ``recs`` are the row's records by month (a triwulan's record under its last month).
    """
    return _MEASURES[definition](row, recs, cutoff, weight)
