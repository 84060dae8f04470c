"""Reports: the plan as Lampiran II, the team as Lampiran I.

Tables are [`Table`][ppid_core.Table] objects, so each renders as Markdown, CSV, HTML or
JSON records. Names of team members are personal data: they are masked unless
``unmask=True``. The monthly status report and its tables are methods of
[`PlanStatus`][ppid_core.rb.PlanStatus] now; the functions that rendered them here
(``status_data``, ``monthly_report``, ``progress_table``, ``kegiatan_table``,
``quarter_table``) still work for one release, with a ``DeprecationWarning``.

    >>> from ppid_core.masking import mask_name  # the house-wide rule
    >>> mask_name("Drs. Yosafat Koli")
    'Y. K.'

References:
    Keputusan KPU Provinsi NTT No. 79/2022 Lampiran I (team layout) and Lampiran II
    (action-plan layout); UU 27/2022 on personal data protection (masking by default).
"""

from __future__ import annotations

from typing import Any

import attrs

from ppid_core._masking import mask_name
from ppid_core._source import deprecated
from ppid_core._tables import Table
from ppid_core.rb._months import MONTH_ABBREVIATIONS
from ppid_core.rb._plan import ActionPlan, SubActivity
from ppid_core.rb._status import ROMAN, PlanStatus, area_labels, percent
from ppid_core.rb._team import Member, Team, TeamDecree

__all__ = [
    "ASCII_TICK",
    "LAMPIRAN_II_COLUMNS",
    "PLAN_EXTRA_COLUMNS",
    "TICK",
    "area_labels",
    "kegiatan_table",
    "monthly_report",
    "percent",
    "plan_table",
    "progress_table",
    "quarter_table",
    "status_data",
    "team_table",
]

LAMPIRAN_II_COLUMNS = (
    "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN",
    *MONTH_ABBREVIATIONS, "KETERANGAN",
)  # fmt: skip
#: The columns a plan with numbers adds after KETERANGAN.
PLAN_EXTRA_COLUMNS = ("SATUAN", "TARGET", "PIC", "ANGGARAN", "REALISASI ANGGARAN", "TEMA",
                      "PERMASALAHAN")  # fmt: skip
TICK = "✓"
ASCII_TICK = "v"  # "beri tanda (v)": how Indonesian forms write a tick without the sign


def _extra_cells(sub: SubActivity, unmask: bool) -> list[object]:
    targets = "; ".join(f"{t.period.label}: {t.label(sub.satuan)}" for t in sub.targets)
    person = sub.pic_name if unmask or sub.pic_name is None else mask_name(sub.pic_name)
    pic = ", ".join(p for p in (sub.pic, person) if p)
    budget = "" if sub.budget is None else str(sub.budget)
    realised = "" if sub.budget_realised is None else str(sub.budget_realised)
    return [sub.satuan or "", targets, pic, budget, realised, sub.theme or "",
            sub.permasalahan or ""]  # fmt: skip


def plan_table(plan: ActionPlan, *, mark: str = TICK, unmask: bool = False) -> Table:
    """The plan in the layout of Lampiran II, one row per sub kegiatan.

    The area and kegiatan cells are written on their first row only, as the decree
    merges them; indicators are joined with ``"; "``. A planned month is marked with
    ``mark`` (`TICK`; give `ASCII_TICK` for an output that cannot encode it). A plan
    with targets, a PIC, a budget, a theme or a permasalahan gets seven more columns
    (`PLAN_EXTRA_COLUMNS`): satuan, targets per period, PIC (a person's name masked
    unless ``unmask``), anggaran, realisasi anggaran, tema (RB Tematik) and permasalahan.
    """
    extra = any(
        r.sub.targets or r.sub.pic or r.sub.pic_name or r.sub.budget is not None
        or r.sub.budget_realised is not None or r.sub.theme or r.sub.permasalahan
        for r in plan.rows()
    )  # fmt: skip
    rows: list[list[object]] = []
    last_area = last_activity = ""
    for row in plan.rows():
        area_no, activity_no, _ = row.code.split(".")
        new_area = area_no != last_area
        new_activity = new_area or activity_no != last_activity
        ticks = [mark if m in row.sub.months else "" for m in range(1, 13)]
        rows.append([
            int(area_no) if new_area else None,
            row.area_label if new_area else "",
            row.activity.name if new_activity else "",
            " ".join((row.sub.name, *row.sub.details)),
            "; ".join(row.sub.indikator),
            *ticks,
            row.sub.keterangan or "",
            *(_extra_cells(row.sub, unmask) if extra else []),
        ])  # fmt: skip
        last_area, last_activity = area_no, activity_no
    title = plan.title or f"Rencana Aksi Reformasi Birokrasi {plan.unit} Tahun {plan.year}"
    columns = (*LAMPIRAN_II_COLUMNS, *PLAN_EXTRA_COLUMNS) if extra else LAMPIRAN_II_COLUMNS
    return Table(columns=columns, rows=rows, title=title)


def _member_rows(team: Team, unmask: bool) -> list[list[object]]:
    out: list[list[object]] = []
    for i, m in enumerate(team.members, start=1):
        duties = m.duties or (team.duties if i == 1 else ())
        out.append([i, _name(m, unmask), m.position, m.role, "; ".join(duties)])
    return out


def _name(m: Member, unmask: bool) -> str:
    return m.name if unmask else mask_name(m.name)


def team_table(team: TeamDecree, *, unmask: bool = False) -> Table:
    """The team in the layout of Lampiran I; names masked unless ``unmask``."""
    rows: list[list[object]] = [[None, "PENGARAH", "", "", ""]]
    rows += _member_rows(team.pengarah, unmask)
    rows.append([None, "PELAKSANA", "", "", ""])
    if team.ketua_pelaksana:
        k = team.ketua_pelaksana
        rows.append([1, _name(k, unmask), k.position, k.role, "; ".join(k.duties)])
    extra = [team.agen_perubahan] if team.agen_perubahan else []
    for i, t in enumerate([*team.pelaksana, *extra]):
        numeral = ROMAN[i] if i < len(ROMAN) else str(i + 1)
        rows.append([None, f"{numeral}. {t.name.upper()}", "", "", ""])
        rows += _member_rows(t, unmask)
    title = f"Tim Reformasi Birokrasi {team.unit} Tahun {team.year}"
    columns = ("NO", "NAMA", "JABATAN", "KEDUDUKAN DALAM TIM", "TUGAS DALAM TIM")
    return Table(columns=columns, rows=rows, title=title)


# -- deprecated: the methods of PlanStatus ------------------------------------------------


def _deprecated(old: str, new: str) -> None:
    deprecated(old, new, stacklevel=4, guide="Results")


def status_data(status: PlanStatus) -> dict[str, Any]:
    """Deprecated: use ``status.to_dict()`` ([`PlanStatus.to_dict()`][PlanStatus.to_dict])."""
    _deprecated("status_data(status)", "status.to_dict()")
    return status.to_dict()


def monthly_report(status: PlanStatus) -> str:
    """Deprecated: use ``status.to_markdown()``
    ([`PlanStatus.to_markdown()`][PlanStatus.to_markdown])."""
    _deprecated("monthly_report(status)", "status.to_markdown()")
    return status.to_markdown()


def progress_table(status: PlanStatus) -> Table:
    """Deprecated: use ``status.progress_table()``
    ([`PlanStatus.progress_table()`][PlanStatus.progress_table])."""
    _deprecated("progress_table(status)", "status.progress_table()")
    return attrs.evolve(status.progress_table(), title=None)


def kegiatan_table(status: PlanStatus) -> Table:
    """Deprecated: use ``status.kegiatan_table()``
    ([`PlanStatus.kegiatan_table()`][PlanStatus.kegiatan_table])."""
    _deprecated("kegiatan_table(status)", "status.kegiatan_table()")
    return attrs.evolve(status.kegiatan_table(), title=None)


def quarter_table(status: PlanStatus) -> Table:
    """Deprecated: use ``status.quarter_table()``
    ([`PlanStatus.quarter_table()`][PlanStatus.quarter_table])."""
    _deprecated("quarter_table(status)", "status.quarter_table()")
    return attrs.evolve(status.quarter_table(), title=None)
