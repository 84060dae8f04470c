"""The models of an RB action plan (rencana aksi): rows, kegiatan, areas, the plan.

Read by ``rb/_plan.py`` (the file layout) and ``rb/_plan_rows.py`` (a row's fields).

References:
    Keputusan KPU Provinsi NTT No. 79/2022 Lampiran II (the layout); Permen PANRB 3/2023
    (RB General and RB Tematik rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

import attrs

from ppid_core.errors import UnknownNameError
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Area, Framework, find_framework
from ppid_core.rb._periods import Period, Target

__all__ = ["NO_AREA", "ActionPlan", "Activity", "AreaPlan", "PlanRow", "SubActivity"]

#: The key under which rows without an area perubahan are pooled (an RB General plan).
NO_AREA = "-"


@attrs.frozen(kw_only=True)
class SubActivity:
    """One sub kegiatan (rencana aksi): the unit that is scheduled and reported on.

    Attributes:
        name: The sub kegiatan as the office wrote it.
        details: Its own list of items (``a) ...``, ``b) ...``), where the plan has one.
        indikator: Indikator keberhasilan (success indicators), in order.
        months: Months of implementation (1-12), ascending. A row with targets and no
            ``months`` in its file is planned in the last month of each period with a
            target (``TW II`` → Jun).
        target: The target as free text, where the plan states one that way.
        team: The responsible team, where known.
        keterangan: The remark column.
        satuan: The output unit of the numeric targets (``"Dokumen"``, ``"Laporan"``).
        targets: Targets per period (all months or all quarters), in period order.
        budget: Anggaran planned, in rupiah.
        budget_realised: Anggaran realised, in rupiah.
        pic: The unit or position in charge (not a person's name: that is ``pic_name``).
        pic_name: The person in charge; personal data, masked in every output by default.
        theme: The RB Tematik theme key, for a row of an RB Tematik plan.
        permasalahan: The problem an RB Tematik row addresses.
    """

    name: str
    details: tuple[str, ...] = ()
    indikator: tuple[str, ...] = ()
    months: tuple[int, ...] = ()
    target: str | None = None
    team: str | None = None
    keterangan: str | None = None
    satuan: str | None = None
    targets: tuple[Target, ...] = ()
    budget: Decimal | None = None
    budget_realised: Decimal | None = None
    pic: str | None = None
    pic_name: str | None = None
    theme: str | None = None
    permasalahan: str | None = None

    def target_in(self, period: Period) -> Target | None:
        """The target of a period, if the row sets one."""
        return next((t for t in self.targets if t.period == period), None)

    @property
    def period_kind(self) -> Literal["month", "quarter"] | None:
        """``"month"`` or ``"quarter"`` for a row with targets, else ``None``."""
        return self.targets[0].period.kind if self.targets else None


@attrs.frozen(kw_only=True)
class Activity:
    """One kegiatan (activity) of an area, made of sub kegiatan."""

    name: str
    sub_kegiatan: tuple[SubActivity, ...]


@attrs.frozen(kw_only=True)
class AreaPlan:
    """The part of a plan for one area perubahan (or for the rows that have none).

    Attributes:
        area: The canonical area key, e.g. ``"organisasi"``; ``None`` for kegiatan
            without an area (allowed where the framework's ``area_required`` is false).
        label: The area's name as the office wrote it, when it differs from the key.
        team: The responsible team, where known.
        kegiatan: The activities.
    """

    area: str | None
    label: str | None = None
    team: str | None = None
    kegiatan: tuple[Activity, ...]


@attrs.frozen(kw_only=True)
class PlanRow:
    """A sub kegiatan with its place in the plan.

    ``code`` is ``"<area>.<kegiatan>.<sub kegiatan>"``, each a 1-based position in the
    plan (``"3.1.2"``: third area group listed, first kegiatan, second sub kegiatan).
    Realisation records refer to rows by this code. ``area`` is ``None`` for a row
    without an area perubahan.
    """

    code: str
    area: Area | None
    area_label: str
    activity: Activity
    sub: SubActivity

    @property
    def area_key(self) -> str:
        """The area's key, or `NO_AREA` (``"-"``)."""
        return self.area.key if self.area is not None else NO_AREA


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A rencana aksi: the annual RB action plan of one unit.

    Attributes:
        year: The plan year.
        unit: The office (satuan kerja).
        areas: The area groups, in the plan's order.
        framework: The road-map framework key its areas belong to.
        title: The plan's title, if given.
        decree: The decree it is attached to (free text), if given.
        component: The framework component (``"general"``, ``"tematik"``), if named.
        warnings: Near-duplicate kegiatan names, each with both locations (kept apart,
            not merged; not part of equality).
        framework_file: The office's own framework the plan was checked against, when
            its key is not a bundled one.
    """

    year: int
    unit: str
    areas: tuple[AreaPlan, ...]
    framework: str = DEFAULT_FRAMEWORK
    title: str | None = None
    decree: str | None = None
    component: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)
    framework_file: Framework | None = attrs.field(default=None, eq=False, repr=False)
    _rows: dict[str, PlanRow] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def resolved_framework(self) -> Framework:
        """The plan's framework: its ``framework_file``, else the bundled one of its key.

        Raises:
            UnknownNameError: The key is neither (a loaded plan never has such a key).
        """
        files = (self.framework_file,) if self.framework_file is not None else ()
        return find_framework(self.framework, files)

    def _index(self) -> dict[str, PlanRow]:
        """Every row by code, built on first use (the plan is frozen, so it stays valid)."""
        if self._rows is not None:
            return self._rows
        fw = self.resolved_framework()
        index: dict[str, PlanRow] = {}
        for a, ap in enumerate(self.areas, start=1):
            area = fw.area(ap.area) if ap.area is not None else None
            label = ap.label or (area.name if area is not None else "")
            for k, act in enumerate(ap.kegiatan, start=1):
                for s, sub in enumerate(act.sub_kegiatan, start=1):
                    code = f"{a}.{k}.{s}"
                    index[code] = PlanRow(
                        code=code, area=area, area_label=label, activity=act, sub=sub
                    )
        object.__setattr__(self, "_rows", index)
        return index

    def rows(self) -> Iterator[PlanRow]:
        """Every sub kegiatan, in plan order, with its code.

        Raises:
            UnknownNameError: The plan was built with an area key or framework that
                does not exist (a loaded plan never is).
        """
        return iter(self._index().values())

    def row(self, code: str) -> PlanRow:
        """The row with this code, found by an index (not a scan of the plan).

        Raises:
            UnknownNameError: No such code (a ``LookupError``).
        """
        row = self._index().get(code)
        if row is None:
            n = len(self._index())
            msg = (
                f"no row {code!r} in the plan; expected the code of one of its {n} rows, "
                "'<area>.<kegiatan>.<sub kegiatan>' such as '1.1.1'"
            )
            raise UnknownNameError(msg)
        return row
