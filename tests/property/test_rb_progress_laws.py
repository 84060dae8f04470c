"""Hypothesis laws of RB progress (issue 13): every definition gives a share in [0, 1], and
splitting the realisation records across files (then merging them) changes nothing."""

from __future__ import annotations

import io
import json
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.cli import main
from ppid_core.examples.rb import example_path
from ppid_core.rb import (
    PROGRESS_DEFINITIONS,
    ActionPlan,
    Activity,
    AreaPlan,
    Period,
    Realisation,
    Record,
    RecordStatus,
    SubActivity,
    Target,
    TargetStatus,
    merge_realisations,
    plan_status,
)
from tests.property.strategies import budget

pytestmark = pytest.mark.property

_KINDS: tuple[Literal["quarter", "month"], ...] = ("quarter", "month")
_VALUES = st.decimals(min_value=Decimal("0.5"), max_value=Decimal(1000), places=1)


@st.composite
def rows(draw: st.DrawFn) -> SubActivity:
    """A row with targets by triwulan or by month (or none, scheduled by month)."""
    if draw(st.integers(0, 2)) == 0:  # no targets: scheduled by month only
        months = tuple(sorted(draw(st.sets(st.integers(1, 12), max_size=12))))
        return SubActivity(name="r", months=months)
    kind = draw(st.sampled_from(_KINDS))
    last = 4 if kind == "quarter" else 12
    numbers = sorted(draw(st.sets(st.integers(1, last), min_size=1, max_size=last)))
    targets = tuple(
        Target(period=Period(kind=kind, number=n), value=draw(_VALUES), percent=draw(st.booleans()))
        for n in numbers
    )
    months = tuple(sorted({t.period.last_month for t in targets}))
    return SubActivity(name="r", months=months, satuan="Dokumen", targets=targets)


@st.composite
def monitored(draw: st.DrawFn) -> tuple[ActionPlan, Realisation]:
    """A plan without areas and any records of its rows' periods."""
    subs = draw(st.lists(rows(), min_size=1, max_size=6))
    plan = ActionPlan(
        year=2025,
        unit="U",
        framework="rb-general-tematik-2023",
        areas=(AreaPlan(area=None, kegiatan=(Activity(name="K", sub_kegiatan=tuple(subs)),)),),
    )
    records = []
    for row in plan.rows():
        quarterly = row.sub.period_kind == "quarter"
        for n in range(1, 5 if quarterly else 13):
            if not draw(st.booleans()):
                continue
            period = Period(kind="quarter" if quarterly else "month", number=n)
            records.append(
                Record(
                    code=row.code,
                    sub_kegiatan="r",
                    month=period.last_month,
                    quarter=n if quarterly else None,
                    status=draw(st.none() | st.sampled_from(list(RecordStatus))),
                    target_status=draw(st.sampled_from(list(TargetStatus))),
                    achieved=draw(st.none() | st.decimals(0, 5000, places=2)),
                )
            )
    return plan, Realisation(plan="plan.yaml", records=tuple(records))


@given(monitored(), st.integers(1, 12), st.sampled_from(sorted(PROGRESS_DEFINITIONS)))
@budget(0.5)
def test_progress_is_between_0_and_1(
    case: tuple[ActionPlan, Realisation], month: int, definition: str
) -> None:
    plan, real = case
    status = plan_status(plan, real, year=2025, month=month, progress=definition)
    for progress in (status.total(), *status.by_kegiatan().values(), *status.by_area().values()):
        assert isinstance(progress.value, Fraction)
        assert 0 <= progress.value <= 1
    for row in status.rows:
        assert 0 <= row.progress.value <= 1


@given(monitored(), st.integers(1, 12), st.data())
@budget(0.5)
def test_splitting_realisation_records_across_files_changes_nothing(
    case: tuple[ActionPlan, Realisation], month: int, data: st.DataObject
) -> None:
    plan, whole = case
    files = data.draw(st.integers(1, 4))
    which = [data.draw(st.integers(0, files - 1)) for _ in whole.records]
    parts = [
        Realisation(plan=whole.plan, records=tuple(r for r, w in zip(whole.records, which,
                                                                     strict=True) if w == i))
        for i in range(files)
    ]  # fmt: skip
    merged = merge_realisations(parts)
    for definition in PROGRESS_DEFINITIONS:
        one = plan_status(plan, whole, year=2025, month=month, progress=definition)
        split = plan_status(plan, merged, year=2025, month=month, progress=definition)
        assert split.to_dict() == one.to_dict()


_EXAMPLE_PLAN = example_path("contoh-rb-general-2025-rencana-aksi.yaml")
_EXAMPLE_LINES = (
    example_path("contoh-rb-general-2025-realisasi.yaml").read_text(encoding="utf-8").splitlines()
)
_HEAD = [line for line in _EXAMPLE_LINES if not line.startswith("  - ")]
_RECORDS = [line for line in _EXAMPLE_LINES if line.startswith("  - ")]


def _status_json(*argv: str) -> object:
    out = io.StringIO()
    assert main(["rb", "status", *argv, "--json"], out=out) == 0
    return json.loads(out.getvalue())


@given(
    st.lists(st.integers(0, 3), min_size=len(_RECORDS), max_size=len(_RECORDS)),
    st.integers(1, 12),
    st.sampled_from(sorted(PROGRESS_DEFINITIONS)),
)
@budget(0.2)
def test_splitting_realisation_files_on_the_command_line_changes_nothing(
    which: list[int], month: int, definition: str
) -> None:
    """``ppid rb status A B C`` reports what ``ppid rb status WHOLE`` reports (review 13 B)."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / _EXAMPLE_PLAN.name).write_bytes(_EXAMPLE_PLAN.read_bytes())
        whole = base / "whole.yaml"
        whole.write_text("\n".join([*_HEAD, *_RECORDS]) + "\n", encoding="utf-8")
        names = []
        for i in sorted(set(which)):
            part = base / f"part-{i}.yaml"
            lines = [r for r, w in zip(_RECORDS, which, strict=True) if w == i]
            part.write_text("\n".join([*_HEAD, *lines]) + "\n", encoding="utf-8")
            names.append(str(part))
        argv = ("--month", f"2025-{month:02d}", "--progress", definition)
        assert _status_json(*names, *argv) == _status_json(str(whole), *argv)
