"""Realisation records, checked against their plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.errors import DataFileError
from ppid_core.rb import Status, load_monitoring, loads_plan, loads_realisation

PLAN = loads_plan(
    "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
    "      - name: K\n        sub_kegiatan:\n          - {name: S, months: [Feb, Mar]}\n"
)
HEAD = "kind: realisation\nplan: plan.yaml\nrecords:\n"


def report(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        loads_realisation(text, source="real.yaml", plan=PLAN)
    return info.value.report()


def test_records_load() -> None:
    real = loads_realisation(
        HEAD + "  - {code: 1.1.1, month: Februari, status: partly, note: Separuh}\n", plan=PLAN
    )
    (rec,) = real.records
    assert (rec.month, rec.status, rec.note) == (2, Status.PARTLY, "Separuh")
    assert real.get("1.1.1", 2) is rec
    assert real.get("1.1.1", 3) is None
    assert Status.NOT_DONE.label == "belum"


def test_records_are_checked_against_the_plan() -> None:
    text = HEAD + (
        "  - {code: 1.1.2, month: Feb, status: done}\n"
        "  - {code: 1.1.1, month: Jan, status: done}\n"
        "  - {code: 1.1.1, month: Feb, status: done}\n"
        "  - {code: 1.1.1, month: 2, status: finished}\n"
        "  - {code: one, month: 13, status: done}\n"
    )
    assert report(text) == (
        "real.yaml:4:12 ($.records[0].code): no row 1.1.2 in the plan\n"
        "real.yaml:5:26 ($.records[1].month): Jan is not a planned month of 1.1.1 "
        "(planned: Feb, Mar)\n"
        "real.yaml:7:5 ($.records[3]): 1.1.1 Feb is already recorded at line 6\n"
        "real.yaml:7:37 ($.records[3].status): unknown value 'finished'; "
        "expected one of: done, not_done, partly\n"
        "real.yaml:8:12 ($.records[4].code): expected a plan code such as '1.2.3', got 'one'\n"
        "real.yaml:8:24 ($.records[4].month): month must be 1-12, got 13"
    )


def test_load_monitoring_reads_the_plan_named_by_the_file(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
        "      - name: K\n        sub_kegiatan:\n          - {name: S, months: [Feb]}\n",
        encoding="utf-8",
    )
    real_file = tmp_path / "real.yaml"
    real_file.write_text(HEAD + "  - {code: 1.1.1, month: Feb, status: done}\n", encoding="utf-8")
    plan, real = load_monitoring(real_file)
    assert plan.year == 2022
    assert len(real.records) == 1
    real_file.write_text(HEAD + "  - {code: 1.1.1, month: Mar, status: done}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_monitoring(real_file)
    assert info.value.report() == (
        f"{real_file}:4:26 ($.records[0].month): Mar is not a planned month of 1.1.1 (planned: Feb)"
    )
