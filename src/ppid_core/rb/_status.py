"""The status of an action plan in one month ([`PlanStatus`][PlanStatus]), and its reports.

[`plan_status()`][ppid_core.rb.plan_status] computes it (see ``rb/_monitor.py`` for the rules);
this module holds the result and renders it: progress per area, per kegiatan and per
triwulan, the monthly report to the Tim Pengarah (Markdown) and JSON-ready data.

References:
    Permen PANRB 90/2021 Lampiran III, Manajemen Perubahan, pemenuhan iii; Keputusan KPU
    Provinsi NTT No. 79/2022 Lampiran I (monthly report to the Tim Pengarah).
"""

from __future__ import annotations

import html
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.rb._plan_model import NO_AREA, ActionPlan
from ppid_core.rb._progress import PROGRESS_DEFINITIONS
from ppid_core.rb._row_state import (
    DEFAULT_PARTLY_WEIGHT,
    NOT_MEASURED,
    ROMAN,
    Progress,
    QuarterRollup,
    RowState,
    RowStatus,
    percent,
    progress_cells,
    progress_columns,
    progress_data,
    progress_text,
    row_cells,
    row_columns,
    row_data,
)

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
        progress_definition: The progress definition of every ``Progress`` in it.
    """

    plan: ActionPlan
    year: int
    month: int
    cutoff: int
    rows: tuple[RowStatus, ...]
    quarters: tuple[QuarterRollup, ...]
    progress_definition: str = "months"

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
            key = r.row.area_key
            out[key] = out.get(key, _zero(r.progress)) + r.progress
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
        total = Progress(definition=self.progress_definition)
        for r in self.rows:
            total = attrs.evolve(total + r.progress, partly_weight=r.progress.partly_weight)
        return total

    def done(self) -> tuple[RowStatus, ...]:
        """Rows with a ``done`` record for the reporting month."""
        return tuple(
            r for r in self.rows if any(x.month == self.cutoff and x.is_done for x in r.records)
        )

    # -- views --------------------------------------------------------------------------
    def progress_table(self) -> Table:
        """Progress per area: planned months, elapsed, done, partly, progress, expected.

        Areas are named as the plan names them (``AreaPlan.label``), else canonically.
        """
        labels = area_labels(self.plan)
        rows = [[labels[key], *progress_cells(p)] for key, p in self.by_area().items()]
        rows.append([_("All areas"), *progress_cells(self.total())])
        return Table(
            columns=(_("Area perubahan"), *progress_columns()),
            rows=rows,
            title=_("Progress per area perubahan"),
        )

    def kegiatan_table(self) -> Table:
        """Progress per kegiatan (code ``"<area>.<kegiatan>"``), in plan order."""
        names = _kegiatan_names(self.plan)
        rows = [[code, names[code], *progress_cells(p)] for code, p in self.by_kegiatan().items()]
        return Table(
            columns=(_("Code"), _("Kegiatan"), *progress_columns()),
            rows=rows,
            title=_("Progress per kegiatan"),
        )

    def quarter_table(self) -> Table:
        """The roll-up per triwulan, counted in planned months (row x month)."""
        rows = [[f"TW {ROMAN[q.quarter - 1]}", q.planned, q.done, q.partly, q.not_done,
                 q.no_record, q.future] for q in self.quarters]  # fmt: skip
        columns = tuple(_(c) for c in _QUARTER_COLUMNS)
        return Table(columns=columns, rows=rows, title=_("Per triwulan"))

    def tables(self) -> list[Table]:
        """Rows due this month, late rows, then progress per area, kegiatan and triwulan."""
        return [
            Table(columns=row_columns(), rows=[row_cells(r) for r in self.due()],
                  title=_(_DUE)),
            Table(columns=row_columns(), rows=[row_cells(r) for r in self.late()],
                  title=_(_LATE)),
            self.progress_table(),
            self.kegiatan_table(),
            self.quarter_table(),
        ]  # fmt: skip

    def to_markdown(self) -> str:
        """The monthly report to the Tim Pengarah, as Markdown (in the language in use)."""
        title = _("RB action plan report {unit} — {month}").format(
            unit=_markdown_text(self.plan.unit), month=self._month()
        )
        parts = [f"# {title}", ""]
        due, late = self.due(), self.late()
        summary, meaning = self._sentences()
        parts += [summary, "", meaning, ""]
        for heading, rows in ((_(_DUE), due), (_(_LATE), late)):
            parts += [f"## {heading}", ""]
            if rows:
                table = Table(columns=row_columns(), rows=[row_cells(r) for r in rows])
                parts += [table.to_markdown()]
            else:
                parts += [_("None.")]
            parts.append("")
        for table in (self.progress_table(), self.kegiatan_table(), self.quarter_table()):
            parts += [f"## {table.title}", "", attrs.evolve(table, title=None).to_markdown(), ""]
        return "\n".join(parts[:-1])

    def to_text(self) -> str:
        """The monthly report for a terminal: the heading, the two sentences of
        [`to_markdown()`][to_markdown], then every table aligned (no Markdown)."""
        parts = [self._heading(), *self._sentences()]
        for t in self.tables():
            parts.append(t.to_text() if t.rows else f"{t.title}\n\n{_('None.')}")
        return "\n\n".join(parts) + "\n"

    def _sentences(self) -> tuple[str, str]:
        """The summary sentence and the progress definition."""
        total = self.total()
        definition = PROGRESS_DEFINITIONS[self.progress_definition]
        summary = _(
            "Due this month: {due} sub kegiatan; late: {late}; progress in the year: "
            "{progress} (target to this month {expected})."
        ).format(due=len(self.due()), late=len(self.late()), progress=progress_text(total),
                 expected=percent(total.expected))  # fmt: skip
        meaning = _(
            "Progress definition: {title} ({name}: {formula}); {mark} = nothing to measure."
        ).format(title=_(definition.title), name=definition.name,
                 formula=_(definition.formula), mark=NOT_MEASURED)  # fmt: skip
        return summary, meaning

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (what ``ppid rb status --json`` prints).

        Keys: ``unit``, ``year``, ``month`` (``"YYYY-MM"``), ``framework``,
        ``progress_definition``, ``due``, ``late`` and ``done``
        (lists of rows), ``by_area`` (area key to progress), ``by_kegiatan`` (kegiatan code
        ``"<area>.<kegiatan>"`` to its ``name`` and progress), ``total`` and ``quarters``.
        Shares (``progress``, ``expected``) are numbers 0-1, half-up to 4 decimals; their
        exact values are in ``progress_exact`` and ``expected_exact`` (``"1/3"``), with
        the definition's ``achieved`` and ``out_of``. A person in charge (``pic_name``) is
        masked.
        """
        names = _kegiatan_names(self.plan)
        out: dict[str, Any] = jsonable(
            {
                "unit": self.plan.unit,
                "year": self.plan.year,
                "month": f"{self.year:04d}-{self.month:02d}",
                "framework": self.plan.framework,
                "progress_definition": self.progress_definition,
                "due": [row_data(r) for r in self.due()],
                "late": [row_data(r) for r in self.late()],
                "done": [row_data(r) for r in self.done()],
                "by_area": {k: progress_data(p) for k, p in self.by_area().items()},
                "by_kegiatan": {
                    k: {"name": names[k], **progress_data(p)} for k, p in self.by_kegiatan().items()
                },
                "total": progress_data(self.total()),
                "quarters": list(self.quarters),
            }
        )
        return out

    def _summary(self) -> str:
        return (
            f"{self.plan.unit} {self.year:04d}-{self.month:02d}: {len(self.due())} due, "
            f"{len(self.late())} late, progress {progress_text(self.total())}"
        )

    def _heading(self) -> str:
        return _("RB action plan {unit} — {month}").format(unit=self.plan.unit, month=self._month())

    def _month(self) -> str:
        """The reporting month as words: ``June 2022``, ``Juni 2022`` in Indonesian."""
        return f"{_(_MONTHS[self.month - 1])} {self.year}"


_DUE = N_("Due this month")
_LATE = N_("Late")
_QUARTER_COLUMNS = (N_("Triwulan"), N_("Planned months"), N_("Done"), N_("Partly"),
                    N_("Not done"), N_("No report"), N_("Upcoming"))  # fmt: skip
_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
           N_("December"))  # fmt: skip


def _zero(like: Progress) -> Progress:
    return Progress(partly_weight=like.partly_weight, definition=like.definition)


def area_labels(plan: ActionPlan) -> dict[str, str]:
    """Each area key with the plan's own name for it (the decree's wording), if any."""
    fw = plan.resolved_framework()
    return {
        ap.area or NO_AREA: ap.label or (fw.area(ap.area).name if ap.area else _("No area"))
        for ap in plan.areas
    }


def _kegiatan_names(plan: ActionPlan) -> dict[str, str]:
    return {row.code.rsplit(".", 1)[0]: row.activity.name for row in plan.rows()}


def _markdown_text(text: str) -> str:
    """Text for a Markdown line outside a table: HTML is shown, not run (``<`` is ``&lt;``).

    >>> _markdown_text("KPU <script>")
    'KPU &lt;script&gt;'
    """
    return html.escape(" ".join(text.split()), quote=False)
