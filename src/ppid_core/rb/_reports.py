"""Reports: the plan as Lampiran II, the team as Lampiran I, the monthly status report.

Tables are shared :class:`~ppid_core._tables.Table` objects, so each renders as
Markdown, CSV or JSON records. Names of team members are personal data: they are masked
unless ``unmask=True``.

    >>> mask_name("Drs. Yosafat Koli")  # the house-wide rule, ppid_core._masking
    'Y. K.'

References:
    Keputusan KPU Provinsi NTT No. 79/2022 Lampiran I (team layout) and Lampiran II
    (action-plan layout); UU 27/2022 on personal data protection (masking by default).
"""

from __future__ import annotations

import html
from fractions import Fraction
from typing import Any

from ppid_core._masking import mask_name
from ppid_core._numbers import half_up
from ppid_core._tables import Table, jsonable
from ppid_core.rb._framework import Framework
from ppid_core.rb._monitor import PlanStatus, Progress, RowStatus
from ppid_core.rb._months import MONTH_ABBREVIATIONS, MONTH_NAMES, months_label
from ppid_core.rb._plan import ActionPlan
from ppid_core.rb._realisation import Status
from ppid_core.rb._team import Member, Team, TeamDecree

__all__ = [
    "ASCII_TICK",
    "LAMPIRAN_II_COLUMNS",
    "TICK",
    "area_labels",
    "kegiatan_table",
    "mask_name",
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
TICK = "✓"
ASCII_TICK = "v"  # "beri tanda (v)": how Indonesian forms write a tick without the sign
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def percent(value: Fraction) -> str:
    """A share as a percentage, half-up to one decimal: ``Fraction(2, 3)`` is ``66.7%``."""
    return f"{half_up(value * 100, 1)}%"


def plan_table(plan: ActionPlan, *, mark: str = TICK) -> Table:
    """The plan in the layout of Lampiran II, one row per sub kegiatan.

    The area and kegiatan cells are written on their first row only, as the decree
    merges them; indicators are joined with ``"; "``. A planned month is marked with
    ``mark`` (:data:`TICK`; give :data:`ASCII_TICK` for an output that cannot encode it).
    """
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
        ])  # fmt: skip
        last_area, last_activity = area_no, activity_no
    title = plan.title or f"Rencana Aksi Reformasi Birokrasi {plan.unit} Tahun {plan.year}"
    return Table(columns=LAMPIRAN_II_COLUMNS, rows=rows, title=title)


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
        numeral = _ROMAN[i] if i < len(_ROMAN) else str(i + 1)
        rows.append([None, f"{numeral}. {t.name.upper()}", "", "", ""])
        rows += _member_rows(t, unmask)
    title = f"Tim Reformasi Birokrasi {team.unit} Tahun {team.year}"
    columns = ("NO", "NAMA", "JABATAN", "KEDUDUKAN DALAM TIM", "TUGAS DALAM TIM")
    return Table(columns=columns, rows=rows, title=title)


def _row_cells(rs: RowStatus) -> list[object]:
    recs = {r.month: r for r in rs.records}
    last = recs[max(recs)] if recs else None
    return [
        rs.row.code,
        rs.row.sub.name,
        months_label(rs.row.sub.months),
        rs.state.label,
        months_label(rs.late_months) if rs.late_months else "",
        last.status.label if last else "",
        "; ".join(ref for r in rs.records for ref in r.data_dukung),
    ]


_ROW_COLUMNS = ("Kode", "Sub kegiatan", "Bulan", "Status", "Terlambat", "Realisasi", "Data dukung")


_PROGRESS_COLUMNS = ("Bulan rencana", "Sampai bulan ini", "Terlaksana", "Sebagian", "Capaian",
                     "Target s.d. bulan ini")  # fmt: skip


def _progress_cells(p: Progress) -> list[object]:
    return [p.planned, p.elapsed, p.done, p.partly, percent(p.value), percent(p.expected)]


def area_labels(plan: ActionPlan) -> dict[str, str]:
    """Each area key with the plan's own name for it (the decree's wording), if any."""
    fw = Framework.named(plan.framework)
    return {ap.area: ap.label or fw.area(ap.area).name for ap in plan.areas}


def progress_table(status: PlanStatus) -> Table:
    """Progress per area: planned months, elapsed, done, partly, progress, expected.

    Areas are named as the plan names them (``AreaPlan.label``), else canonically.
    """
    labels = area_labels(status.plan)
    rows = [[labels[key], *_progress_cells(p)] for key, p in status.by_area().items()]
    rows.append(["Jumlah", *_progress_cells(status.total())])
    return Table(columns=("Area perubahan", *_PROGRESS_COLUMNS), rows=rows)


def kegiatan_table(status: PlanStatus) -> Table:
    """Progress per kegiatan (code ``"<area>.<kegiatan>"``), in plan order."""
    names = {row.code.rsplit(".", 1)[0]: row.activity.name for row in status.plan.rows()}
    rows = [[code, names[code], *_progress_cells(p)] for code, p in status.by_kegiatan().items()]
    return Table(columns=("Kode", "Kegiatan", *_PROGRESS_COLUMNS), rows=rows)


def quarter_table(status: PlanStatus) -> Table:
    """The roll-up per triwulan, counted in planned months (row x month)."""
    rows = [[f"TW {_ROMAN[q.quarter - 1]}", q.planned, q.done, q.partly, q.not_done,
             q.no_record, q.future] for q in status.quarters]  # fmt: skip
    columns = ("Triwulan", "Bulan rencana", "Terlaksana", "Sebagian", "Belum", "Tanpa laporan",
               "Akan datang")  # fmt: skip
    return Table(columns=columns, rows=rows)


def _markdown_text(text: str) -> str:
    """Text for a Markdown line outside a table: HTML is shown, not run (``<`` is ``&lt;``).

    >>> _markdown_text("KPU <script>")
    'KPU &lt;script&gt;'
    """
    return html.escape(" ".join(text.split()), quote=False)


def monthly_report(status: PlanStatus) -> str:
    """The monthly report to the Tim Pengarah, as Markdown."""
    plan = status.plan
    month = f"{MONTH_NAMES[status.month - 1]} {status.year}"
    parts = [f"# Laporan Rencana Aksi RB {_markdown_text(plan.unit)} — {month}", ""]
    due, late = status.due(), status.late()
    parts += [f"Dijadwalkan bulan ini: {len(due)} sub kegiatan; terlambat: {len(late)}; "
              f"capaian tahunan: {percent(status.total().value)} "
              f"(target s.d. bulan ini {percent(status.total().expected)}).", ""]  # fmt: skip
    for heading, rows in (("Dijadwalkan bulan ini", due), ("Terlambat", late)):
        parts += [f"## {heading}", ""]
        if rows:
            parts += [Table(columns=_ROW_COLUMNS, rows=[_row_cells(r) for r in rows]).to_markdown()]
        else:
            parts += ["Tidak ada."]
        parts.append("")
    parts += ["## Capaian per area perubahan", "", progress_table(status).to_markdown(), ""]
    parts += ["## Capaian per kegiatan", "", kegiatan_table(status).to_markdown(), ""]
    parts += ["## Per triwulan", "", quarter_table(status).to_markdown()]
    return "\n".join(parts)


def _progress_data(p: Progress) -> dict[str, Any]:
    return {"planned": p.planned, "elapsed": p.elapsed, "done": p.done, "partly": p.partly,
            "progress": jsonable(p.value), "expected": jsonable(p.expected)}  # fmt: skip


def _row_data(rs: RowStatus) -> dict[str, Any]:
    return {
        "code": rs.row.code,
        "area": rs.row.area.key,
        "sub_kegiatan": rs.row.sub.name,
        "months": list(rs.row.sub.months),
        "state": rs.state.value,
        "late_months": list(rs.late_months),
        "records": [
            {
                "month": r.month,
                "status": r.status.value,
                "note": r.note,
                "data_dukung": list(r.data_dukung),
            }
            for r in rs.records
        ],
    }


def status_data(status: PlanStatus) -> dict[str, Any]:
    """The status as JSON-ready data (used by ``ppid rb status --json``).

    Keys: ``unit``, ``year``, ``month`` (``"YYYY-MM"``), ``due``, ``late`` and ``done``
    (lists of rows), ``by_area`` (area key to progress), ``by_kegiatan`` (kegiatan code
    ``"<area>.<kegiatan>"`` to its ``name`` and progress), ``total`` and ``quarters``.
    Shares are numbers 0-1.
    """
    names = {row.code.rsplit(".", 1)[0]: row.activity.name for row in status.plan.rows()}
    done = [
        r
        for r in status.rows
        if any(rec.month == status.cutoff and rec.status is Status.DONE for rec in r.records)
    ]
    return {
        "unit": status.plan.unit,
        "year": status.plan.year,
        "month": f"{status.year:04d}-{status.month:02d}",
        "due": [_row_data(r) for r in status.due()],
        "late": [_row_data(r) for r in status.late()],
        "done": [_row_data(r) for r in done],
        "by_area": {k: _progress_data(p) for k, p in status.by_area().items()},
        "by_kegiatan": {
            k: {"name": names[k], **_progress_data(p)} for k, p in status.by_kegiatan().items()
        },
        "total": _progress_data(status.total()),
        "quarters": [jsonable(q) for q in status.quarters],
    }
