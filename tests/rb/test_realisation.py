"""Realisation records, checked against their plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError
from ppid_core.rb import (
    ActionPlan,
    PlanRow,
    RecordStatus,
    load_monitoring,
    load_plan,
    parse_plan,
    parse_realisation,
)

PLAN = parse_plan(
    "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
    "      - name: K\n        sub_kegiatan:\n          - {name: S, months: [Feb, Mar]}\n"
)
HEAD = "kind: realisation\nplan: plan.yaml\nrecords:\n"


def report(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_realisation(text, source="real.yaml", plan=PLAN)
    return info.value.report()


def test_records_load() -> None:
    real = parse_realisation(
        HEAD + "  - {code: 1.1.1, sub_kegiatan: S, month: Februari, status: partly, note: Half}\n",
        plan=PLAN,
    )
    (rec,) = real.records
    assert (rec.month, rec.status, rec.note) == (2, RecordStatus.PARTLY, "Half")
    assert real.get("1.1.1", 2) is rec
    assert real.get("1.1.1", 3) is None
    assert RecordStatus.NOT_DONE.label == "not done"


def test_records_are_checked_against_the_plan() -> None:
    text = HEAD + (
        "  - {code: 1.1.2, sub_kegiatan: S, month: Feb, status: done}\n"
        "  - {code: 1.1.1, sub_kegiatan: S, month: Jan, status: done}\n"
        "  - {code: 1.1.1, sub_kegiatan: S, month: Feb, status: done}\n"
        "  - {code: 1.1.1, sub_kegiatan: S, month: 2, status: finished}\n"
        "  - {code: one, sub_kegiatan: S, month: 13, status: done}\n"
    )
    assert report(text) == (
        "real.yaml:4:12 ($.records[0].code): no row 1.1.2 in the plan\n"
        "real.yaml:5:43 ($.records[1].month): Jan is not a planned month of 1.1.1 "
        "(planned: Feb, Mar)\n"
        "real.yaml:7:5 ($.records[3]): 1.1.1 Feb is already recorded at line 6\n"
        "real.yaml:7:54 ($.records[3].status): unknown value 'finished'; "
        "expected one of: done, not_done, partly\n"
        "real.yaml:8:12 ($.records[4].code): expected a plan code such as '1.2.3', got 'one'\n"
        "real.yaml:8:41 ($.records[4].month): month must be 1-12, got 13"
    )


def test_load_monitoring_reads_the_plan_named_by_the_file(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
        "      - name: K\n        sub_kegiatan:\n          - {name: S, months: [Feb]}\n",
        encoding="utf-8",
    )
    real_file = tmp_path / "real.yaml"
    real_file.write_text(
        HEAD + "  - {code: 1.1.1, sub_kegiatan: S, month: Feb, status: done}\n", encoding="utf-8"
    )
    plan, real = load_monitoring(real_file)
    assert plan.year == 2022
    assert len(real.records) == 1
    real_file.write_text(
        HEAD + "  - {code: 1.1.1, sub_kegiatan: S, month: Mar, status: done}\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        load_monitoring(real_file)
    assert info.value.report() == (
        f"{real_file}:4:43 ($.records[0].month): Mar is not a planned month of 1.1.1 (planned: Feb)"
    )


def _files(tmp_path: Path, records: str, plan_name: str = "plan.yaml") -> Path:
    (tmp_path / "plan.yaml").write_text(
        "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
        "      - name: K\n        sub_kegiatan:\n"
        "          - {name: Baru, months: [Feb]}\n          - {name: S, months: [Feb]}\n",
        encoding="utf-8",
    )
    real = tmp_path / "real.yaml"
    real.write_text(f"kind: realisation\nplan: {plan_name}\nrecords:\n{records}", encoding="utf-8")
    return real


def test_a_record_moved_by_an_inserted_row_is_refused(tmp_path: Path) -> None:
    # "Baru" was inserted before "S": the record written for S at 1.1.1 now names the wrong row
    real = _files(tmp_path, "  - {code: 1.1.1, sub_kegiatan: S, month: Feb, status: done}\n")
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    assert info.value.report() == (
        f"{real}:4:33 ($.records[0].sub_kegiatan): row 1.1.1 of the plan is 'Baru', but the "
        "record names 'S'; 'S' is row 1.1.2; correct the code or the name"
    )


def test_names_match_ignoring_case_blanks_and_a_final_colon(tmp_path: Path) -> None:
    real = _files(tmp_path, "  - {code: 1.1.2, sub_kegiatan: ' s: ', month: Feb, status: done}\n")
    assert load_monitoring(real)[1].records[0].sub_kegiatan == "s:"


def test_structural_and_plan_errors_come_in_one_pass(tmp_path: Path) -> None:
    real = _files(
        tmp_path,
        "  - {code: 9.9.9, sub_kegiatan: S, month: Feb, status: done}\n"
        "  - {code: 1.1.2, sub_kegiatan: S, month: Jul, status: done}\n"
        "  - {code: 1.1.2, sub_kegiatan: S, month: Feb}\n",
    )
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    assert info.value.report().splitlines() == [
        f"{real}:4:12 ($.records[0].code): no row 9.9.9 in the plan",
        f"{real}:5:43 ($.records[1].month): Jul is not a planned month of 1.1.2 (planned: Feb)",
        f"{real}:6:5 ($.records[2]): missing required field 'status' or 'target_status'",
    ]


def test_a_missing_plan_or_a_folder_is_located_at_the_plan_field(tmp_path: Path) -> None:
    real = _files(tmp_path, "  - {code: 1.1.2, sub_kegiatan: S, month: Feb}\n", "nope.yaml")
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    assert info.value.report().splitlines() == [
        f"{real}:2:7 ($.plan): the plan file '{tmp_path / 'nope.yaml'}' does not exist; "
        "'plan' is relative to this file",
        f"{real}:4:5 ($.records[0]): missing required field 'status' or 'target_status'",
    ]
    (tmp_path / "folder").mkdir()
    real = _files(tmp_path, "  - {code: 1.1.2, sub_kegiatan: S, month: Feb, status: done}\n",
                  "folder")  # fmt: skip
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    assert info.value.report() == (
        f"{real}:2:7 ($.plan): the plan {str(tmp_path / 'folder')!r} is a directory; "
        "name the plan's YAML file"
    )


def test_no_records_yet_is_accepted(tmp_path: Path) -> None:
    assert load_monitoring(_files(tmp_path, "  []\n"))[1].records == ()


def test_a_latin_1_file_is_located(tmp_path: Path) -> None:
    real = _files(tmp_path, "  - {code: 1.1.2, sub_kegiatan: S, month: Feb, status: done}\n")
    real.write_bytes(real.read_bytes().replace(b"sub_kegiatan: S,", b"sub_kegiatan: S\xe9,"))
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    assert info.value.report() == (f"{real}:4:34: byte 0xE9 is not UTF-8; save the file as UTF-8")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(plan.read_bytes().replace(b"unit: U", b"unit: \xe9"))
    with pytest.raises(DataFileError) as info:
        load_plan(plan)
    assert info.value.report() == f"{plan}:3:7: byte 0xE9 is not UTF-8; save the file as UTF-8"


def _counting_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the scans of a plan: every call of ``ActionPlan.rows``."""
    calls = [0]
    original = ActionPlan.rows

    def rows(self: ActionPlan) -> Iterator[PlanRow]:
        calls[0] += 1
        return original(self)

    monkeypatch.setattr(ActionPlan, "rows", rows)
    return calls


def _wide_plan(rows: int) -> ActionPlan:
    subs = "".join(f"          - {{name: S{i}, months: [Jan-Des]}}\n" for i in range(1, rows + 1))
    return parse_plan(
        "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
        f"      - name: K\n        sub_kegiatan:\n{subs}"
    )


def _records(rows: int, *, wrong_names: bool) -> str:
    lines = []
    for i in range(1, rows + 1):
        name = f"S{rows + 1 - i}" if wrong_names else f"S{i}"  # every name at another row
        lines += [f"  - {{code: 1.1.{i}, sub_kegiatan: {name}, month: {m}, status: done}}\n"
                  for m in range(1, 13)]  # fmt: skip
    return HEAD + "".join(lines)


@pytest.mark.parametrize("wrong_names", [False, True])
def test_loading_records_scans_the_plan_once_whatever_their_number(
    monkeypatch: pytest.MonkeyPatch, wrong_names: bool
) -> None:
    # Loading used to scan the plan once per record (19,200 records took 41 s). The count
    # of scans must not grow with the records, also when every name must be looked up.
    calls = _counting_rows(monkeypatch)
    scans = []
    for rows in (2, 200):
        plan = _wide_plan(rows)
        calls[0] = 0
        if wrong_names:
            with pytest.raises(DataFileError) as info:
                parse_realisation(_records(rows, wrong_names=True), plan=plan)
            assert len(info.value.exceptions) == 12 * rows  # rows is even: no name stays
        else:
            real = parse_realisation(_records(rows, wrong_names=False), plan=plan)
            assert len(real.records) == 12 * rows
        scans.append(calls[0])
    assert scans == [1, 1]


def test_rows_are_looked_up_by_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _wide_plan(300)
    calls = _counting_rows(monkeypatch)
    assert [plan.row(f"1.1.{i}").sub.name for i in range(1, 301)][-1] == "S300"
    assert calls[0] == 0  # row() does not scan the plan
    real = parse_realisation(_records(300, wrong_names=False), plan=plan)
    assert real.get("1.1.300", 12) is real.records[-1]
    assert real.get("1.1.301", 1) is None
