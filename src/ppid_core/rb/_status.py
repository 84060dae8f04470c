"""The status of an action plan in one month ([`PlanStatus`][PlanStatus]), and its reports.

[`plan_status()`][ppid_core.rb.plan_status] computes it (see ``rb/_monitor.py`` for the rules);
this module holds the result and renders it: progress per area, per kegiatan and per
triwulan, the monthly report to the Tim Pengarah (Markdown) and JSON-ready data.

References:
    Permen PANRB 90/2021 Lampiran III, Manajemen Perubahan, pemenuhan iii; Keputusan KPU
    Provinsi NTT No. 79/2022 Lampiran I (monthly report to the Tim Pengarah).
"""

from __future__ import annotations

import enum
import html
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.rb._framework import Framework
from ppid_core.rb._months import MONTH_NAMES, months_label
from ppid_core.rb._plan import ActionPlan, PlanRow
from ppid_core.rb._realisation import Record, RecordStatus

__all__ = [
    "DEFAULT_PARTLY_WEIGHT",
    "ROMAN",
    "PlanStatus",
    "Progress",
    "QuarterRollup",
    "RowState",
    "RowStatus",
    "area_labels",
    "percent",
]

DEFAULT_PARTLY_WEIGHT = Fraction(1, 2)
#: Roman numerals of the triwulan and of the team's sections, as the decree writes them.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


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


@attrs.frozen(kw_only=True, repr=False)
class PlanStatus(ResultMixin):
    """A plan's status in one reporting month: what is due, done and late, and progress.

    Built by [`plan_status()`][ppid_core.rb.plan_status]. A result (``to_dict``, ``to_json``,
    ``to_markdown``, ``tables``, ``to_frame``; see the results guide): ``to_dict()`` is
    what ``ppid rb status --json`` prints, ``to_markdown()`` the monthly report to the Tim
    Pengarah.

    Attributes:
        plan: The action plan.
        year: The reporting year.
        month: The reporting month, 1-12.
        cutoff: The reporting month as a month of the plan year (0 before it, 13 after).
        rows: The status of every sub kegiatan, in plan order.
        quarters: The roll-up per triwulan.
    """

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

    def done(self) -> tuple[RowStatus, ...]:
        """Rows with a ``done`` record for the reporting month."""
        return tuple(
            r
            for r in self.rows
            if any(x.month == self.cutoff and x.status is RecordStatus.DONE for x in r.records)
        )

    # -- views --------------------------------------------------------------------------
    def progress_table(self) -> Table:
        """Progress per area: planned months, elapsed, done, partly, progress, expected.

        Areas are named as the plan names them (``AreaPlan.label``), else canonically.
        """
        labels = area_labels(self.plan)
        rows = [[labels[key], *_progress_cells(p)] for key, p in self.by_area().items()]
        rows.append(["Jumlah", *_progress_cells(self.total())])
        return Table(
            columns=("Area perubahan", *_PROGRESS_COLUMNS),
            rows=rows,
            title="Capaian per area perubahan",
        )

    def kegiatan_table(self) -> Table:
        """Progress per kegiatan (code ``"<area>.<kegiatan>"``), in plan order."""
        names = _kegiatan_names(self.plan)
        rows = [[code, names[code], *_progress_cells(p)] for code, p in self.by_kegiatan().items()]
        return Table(
            columns=("Kode", "Kegiatan", *_PROGRESS_COLUMNS),
            rows=rows,
            title="Capaian per kegiatan",
        )

    def quarter_table(self) -> Table:
        """The roll-up per triwulan, counted in planned months (row x month)."""
        rows = [[f"TW {ROMAN[q.quarter - 1]}", q.planned, q.done, q.partly, q.not_done,
                 q.no_record, q.future] for q in self.quarters]  # fmt: skip
        columns = ("Triwulan", "Bulan rencana", "Terlaksana", "Sebagian", "Belum",
                   "Tanpa laporan", "Akan datang")  # fmt: skip
        return Table(columns=columns, rows=rows, title="Per triwulan")

    def tables(self) -> list[Table]:
        """Rows due this month, late rows, then progress per area, kegiatan and triwulan."""
        return [
            Table(columns=_ROW_COLUMNS, rows=[_row_cells(r) for r in self.due()],
                  title="Dijadwalkan bulan ini"),
            Table(columns=_ROW_COLUMNS, rows=[_row_cells(r) for r in self.late()],
                  title="Terlambat"),
            self.progress_table(),
            self.kegiatan_table(),
            self.quarter_table(),
        ]  # fmt: skip

    def to_markdown(self) -> str:
        """The monthly report to the Tim Pengarah, as Markdown."""
        month = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        parts = [f"# Laporan Rencana Aksi RB {_markdown_text(self.plan.unit)} — {month}", ""]
        due, late, total = self.due(), self.late(), self.total()
        parts += [f"Dijadwalkan bulan ini: {len(due)} sub kegiatan; terlambat: {len(late)}; "
                  f"capaian tahunan: {percent(total.value)} "
                  f"(target s.d. bulan ini {percent(total.expected)}).", ""]  # fmt: skip
        for heading, rows in (("Dijadwalkan bulan ini", due), ("Terlambat", late)):
            parts += [f"## {heading}", ""]
            if rows:
                table = Table(columns=_ROW_COLUMNS, rows=[_row_cells(r) for r in rows])
                parts += [table.to_markdown()]
            else:
                parts += ["Tidak ada."]
            parts.append("")
        for table in (self.progress_table(), self.kegiatan_table(), self.quarter_table()):
            parts += [f"## {table.title}", "", attrs.evolve(table, title=None).to_markdown(), ""]
        return "\n".join(parts[:-1])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (what ``ppid rb status --json`` prints).

        Keys: ``unit``, ``year``, ``month`` (``"YYYY-MM"``), ``due``, ``late`` and ``done``
        (lists of rows), ``by_area`` (area key to progress), ``by_kegiatan`` (kegiatan code
        ``"<area>.<kegiatan>"`` to its ``name`` and progress), ``total`` and ``quarters``.
        Shares (``progress``, ``expected``) are numbers 0-1, half-up to 4 decimals; their
        exact values are in ``progress_exact`` and ``expected_exact`` (``"1/3"``).
        """
        names = _kegiatan_names(self.plan)
        out: dict[str, Any] = jsonable(
            {
                "unit": self.plan.unit,
                "year": self.plan.year,
                "month": f"{self.year:04d}-{self.month:02d}",
                "due": [_row_data(r) for r in self.due()],
                "late": [_row_data(r) for r in self.late()],
                "done": [_row_data(r) for r in self.done()],
                "by_area": {k: _progress_data(p) for k, p in self.by_area().items()},
                "by_kegiatan": {
                    k: {"name": names[k], **_progress_data(p)}
                    for k, p in self.by_kegiatan().items()
                },
                "total": _progress_data(self.total()),
                "quarters": list(self.quarters),
            }
        )
        return out

    def _summary(self) -> str:
        return (
            f"{self.plan.unit} {self.year:04d}-{self.month:02d}: {len(self.due())} due, "
            f"{len(self.late())} late, progress {percent(self.total().value)}"
        )

    def _heading(self) -> str:
        month = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return f"Rencana Aksi RB {self.plan.unit} — {month}"


def _zero(like: Progress) -> Progress:
    return Progress(partly_weight=like.partly_weight)


def percent(value: Fraction) -> str:
    """A share as a percentage, half-up to one decimal: ``Fraction(2, 3)`` is ``66.7%``."""
    return f"{half_up(value * 100, 1)}%"


def area_labels(plan: ActionPlan) -> dict[str, str]:
    """Each area key with the plan's own name for it (the decree's wording), if any."""
    fw = Framework.bundled(plan.framework)
    return {ap.area: ap.label or fw.area(ap.area).name for ap in plan.areas}


def _kegiatan_names(plan: ActionPlan) -> dict[str, str]:
    return {row.code.rsplit(".", 1)[0]: row.activity.name for row in plan.rows()}


def _markdown_text(text: str) -> str:
    """Text for a Markdown line outside a table: HTML is shown, not run (``<`` is ``&lt;``).

    >>> _markdown_text("KPU <script>")
    'KPU &lt;script&gt;'
    """
    return html.escape(" ".join(text.split()), quote=False)


_ROW_COLUMNS = ("Kode", "Sub kegiatan", "Bulan", "Status", "Terlambat", "Realisasi", "Data dukung")
_PROGRESS_COLUMNS = ("Bulan rencana", "Sampai bulan ini", "Terlaksana", "Sebagian", "Capaian",
                     "Target s.d. bulan ini")  # fmt: skip


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


def _progress_cells(p: Progress) -> list[object]:
    return [p.planned, p.elapsed, p.done, p.partly, percent(p.value), percent(p.expected)]


def _progress_data(p: Progress) -> dict[str, Any]:
    return {"planned": p.planned, "elapsed": p.elapsed, "done": p.done, "partly": p.partly,
            "progress": half_up(p.value, 4), "expected": half_up(p.expected, 4),
            "progress_exact": str(p.value), "expected_exact": str(p.expected)}  # fmt: skip


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
