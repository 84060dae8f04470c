"""PlanStatus as a result, and the free functions it replaces (deprecated for one release)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from ppid_core.examples.rb import load_kpu_ntt_2022_monitoring
from ppid_core.rb import (
    PlanStatus,
    kegiatan_table,
    monthly_report,
    plan_status,
    progress_table,
    quarter_table,
    status_data,
)


@pytest.fixture(scope="module")
def status() -> PlanStatus:
    plan, records = load_kpu_ntt_2022_monitoring()
    return plan_status(plan, records, year=2022, month=4)


def test_tables_have_titles(status: PlanStatus) -> None:
    assert [t.title for t in status.tables()] == [
        "Due this month",
        "Late",
        "Progress per area perubahan",
        "Progress per kegiatan",
        "Per triwulan",
    ]
    assert len(status.tables()[0].rows) == len(status.due()) == 45
    assert len(status.tables()[1].rows) == len(status.late()) == 38


def test_markdown_is_the_monthly_report(status: PlanStatus) -> None:
    text = status.to_markdown()
    assert text.startswith("# RB action plan report Komisi Pemilihan Umum Provinsi")
    assert "\n## Progress per area perubahan\n\n| Area perubahan |" in text
    assert "**" not in text  # the headings carry the titles, not bold lines
    assert text.endswith("|")


def test_done_rows_are_those_done_in_the_month(status: PlanStatus) -> None:
    assert [r["code"] for r in status.to_dict()["done"]] == [r.row.code for r in status.done()]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (status_data, lambda s: s.to_dict()),
        (monthly_report, lambda s: s.to_markdown()),
        (progress_table, lambda s: attrs.evolve(s.progress_table(), title=None)),
        (kegiatan_table, lambda s: attrs.evolve(s.kegiatan_table(), title=None)),
        (quarter_table, lambda s: attrs.evolve(s.quarter_table(), title=None)),
    ],
)
def test_old_functions_warn_and_give_the_same(
    status: PlanStatus, old: Callable[[PlanStatus], Any], new: Callable[[PlanStatus], Any]
) -> None:
    with pytest.deprecated_call(match=r"is deprecated .* use status\."):
        got = old(status)
    assert got == new(status)
