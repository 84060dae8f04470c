"""The rows of a plan's monthly status: states, progress, and their cells and data.

The parts of a [`PlanStatus`][ppid_core.rb.PlanStatus] (``rb/_status.py``): the state of
a row, its [`Progress`][Progress] under the chosen definition (``rb/_progress.py``), the
roll-up per triwulan, and how each renders as table cells and JSON-ready data.

References:
    Permen PANRB 90/2021 Lampiran III, Manajemen Perubahan, pemenuhan iii; Keputusan KPU
    Provinsi NTT No. 79/2022 Lampiran I (monthly report to the Tim Pengarah).
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._masking import mask_name
from ppid_core._numbers import half_up
from ppid_core.rb._months import months_label
from ppid_core.rb._plan_model import PlanRow
from ppid_core.rb._record_model import Record

__all__ = [
    "DEFAULT_PARTLY_WEIGHT",
    "NOT_MEASURED",
    "PROGRESS_COLUMNS",
    "ROMAN",
    "ROW_COLUMNS",
    "Progress",
    "QuarterRollup",
    "RowState",
    "RowStatus",
    "percent",
    "progress_cells",
    "progress_columns",
    "progress_data",
    "progress_text",
    "row_cells",
    "row_columns",
    "row_data",
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
        """The label used in reports, in the language in use (``terlambat`` in Indonesian)."""
        return _(_STATE_LABELS[self])


_STATE_LABELS = {
    RowState.UNSCHEDULED: N_("not scheduled"),
    RowState.UPCOMING: N_("not yet due"),
    RowState.LATE: N_("late"),
    RowState.DUE: N_("due this month"),
    RowState.COMPLETE: N_("complete"),
    RowState.ON_TRACK: N_("on schedule"),
}


@attrs.frozen(kw_only=True)
class Progress:
    """Pooled planned months and their realisation up to the reporting month.

    Attributes:
        definition: The progress definition ``value`` follows (``months`` unless chosen).
        achieved: The pooled *achieved* of that definition.
        out_of: The pooled *out of* of that definition.
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
    definition: str = "months"
    achieved: Fraction = Fraction(0)
    out_of: int = 0

    @property
    def value(self) -> Fraction:
        """The progress, 0 to 1, under ``definition`` (0 when nothing counts).

        ``months``: the realised share of the year's planned months; any other
        definition: ``achieved / out_of`` (see ``rb/_progress.py``).
        """
        if self.definition != "months":
            return self.achieved / self.out_of if self.out_of else Fraction(0)
        if not self.planned:
            return Fraction(0)
        return (self.done + self.partly_weight * self.partly) / self.planned

    @property
    def measurable(self) -> bool:
        """Whether anything counts under ``definition`` (``value`` is 0 by default otherwise).

        A kegiatan without targets has nothing to measure under ``targets``, ``values`` or
        ``bps``: reports show ``–`` and JSON ``null``, not an invented 0%.
        """
        return bool(self.planned if self.definition == "months" else self.out_of)

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
            achieved=self.achieved + other.achieved,
            out_of=self.out_of + other.out_of,
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


def percent(value: Fraction) -> str:
    """A share as a percentage, half-up to one decimal: ``Fraction(2, 3)`` is ``66.7%``."""
    return f"{half_up(value * 100, 1)}%"


#: What a report shows for a progress with nothing to measure.
NOT_MEASURED = "–"


def progress_text(p: Progress) -> str:
    """``percent(p.value)``, or ``–`` when nothing counts under its definition."""
    return percent(p.value) if p.measurable else NOT_MEASURED


#: The columns of a row's status, in English (translate each with ``_()`` where shown:
#: [`row_columns()`][row_columns]).
ROW_COLUMNS = (N_("Code"), N_("Sub kegiatan"), N_("Months"), N_("Status"), N_("Late"),
               N_("Realisation"), N_("Data dukung"))  # fmt: skip
#: The columns of a progress, in English (see [`progress_columns()`][progress_columns]).
PROGRESS_COLUMNS = (N_("Planned months"), N_("Up to this month"), N_("Done"), N_("Partly"),
                    N_("Progress"), N_("Target to this month"))  # fmt: skip


def row_columns() -> tuple[str, ...]:
    """`ROW_COLUMNS` in the language in use."""
    return tuple(_(c) for c in ROW_COLUMNS)


def progress_columns() -> tuple[str, ...]:
    """`PROGRESS_COLUMNS` in the language in use."""
    return tuple(_(c) for c in PROGRESS_COLUMNS)


def _record_label(rec: Record, row: PlanRow) -> str:
    """``terlaksana``, ``Tidak Tercapai, capaian 0 Dokumen (alasan: ...)``."""
    parts = [rec.status.label] if rec.status is not None else []
    if rec.target_status is not None:
        parts.append(rec.target_status.label)
    if rec.achieved is not None:
        target = row.sub.target_in(rec.period)
        unit = "%" if target is not None and target.percent else f" {row.sub.satuan or ''}"
        achieved = f"{rec.achieved}{unit}".rstrip()
        parts.append(_("achieved {value}").format(value=achieved))
    text = ", ".join(parts)
    return (
        _("{text} (reason: {reason})").format(text=text, reason=rec.reason) if rec.reason else text
    )


def row_cells(rs: RowStatus) -> list[object]:
    """A row's cells under `ROW_COLUMNS`."""
    recs = {r.month: r for r in rs.records}
    last = recs[max(recs)] if recs else None
    return [
        rs.row.code,
        rs.row.sub.name,
        months_label(rs.row.sub.months),
        rs.state.label,
        months_label(rs.late_months) if rs.late_months else "",
        _record_label(last, rs.row) if last else "",
        "; ".join(ref for r in rs.records for ref in r.data_dukung),
    ]


def progress_cells(p: Progress) -> list[object]:
    """A progress's cells under `PROGRESS_COLUMNS`."""
    return [p.planned, p.elapsed, p.done, p.partly, progress_text(p), percent(p.expected)]


def progress_data(p: Progress) -> dict[str, Any]:
    """A progress as JSON-ready data (shares half-up to 4 decimals, and exact).

    ``progress`` and ``progress_exact`` are ``None`` when nothing counts (``out_of`` 0).
    """
    measured = p.measurable
    return {"planned": p.planned, "elapsed": p.elapsed, "done": p.done, "partly": p.partly,
            "progress": half_up(p.value, 4) if measured else None,
            "expected": half_up(p.expected, 4),
            "progress_exact": str(p.value) if measured else None,
            "expected_exact": str(p.expected),
            "definition": p.definition, "achieved": str(p.achieved),
            "out_of": p.out_of}  # fmt: skip


def _record_data(r: Record) -> dict[str, Any]:
    data: dict[str, Any] = {
        "month": r.month,
        "status": r.status.value if r.status is not None else None,
        "note": r.note,
        "data_dukung": list(r.data_dukung),
    }
    if r.quarter is not None:
        data["period"] = r.period.label
    if r.target_status is not None:
        data["target_status"] = r.target_status.value
    if r.achieved is not None:
        data["achieved"] = str(r.achieved)
    if r.reason is not None:
        data["reason"] = r.reason
    return data


def row_data(rs: RowStatus) -> dict[str, Any]:
    """A row's status as JSON-ready data; a person in charge is masked.

    ``pic``, ``pic_name``, ``theme``, ``permasalahan``, ``budget`` and ``budget_realised``
    (rupiah as strings, exact) appear when the plan gives them.
    """
    sub = rs.row.sub
    data: dict[str, Any] = {
        "code": rs.row.code,
        "area": rs.row.area_key,
        "sub_kegiatan": sub.name,
        "months": list(sub.months),
        "state": rs.state.value,
        "late_months": list(rs.late_months),
        "records": [_record_data(r) for r in rs.records],
    }
    if sub.targets:
        data["satuan"] = sub.satuan
        data["targets"] = {t.period.label: t.label(sub.satuan) for t in sub.targets}
    extra = {"pic": sub.pic, "pic_name": mask_name(sub.pic_name) if sub.pic_name else None,
             "theme": sub.theme, "permasalahan": sub.permasalahan,
             "budget": str(sub.budget) if sub.budget is not None else None,
             "budget_realised": str(sub.budget_realised)
             if sub.budget_realised is not None else None}  # fmt: skip
    data.update({k: v for k, v in extra.items() if v is not None})
    return data
