"""Loading and dumping action plans; bad input is pinned to its exact message."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.rb import SubActivity, dump_plan, parse_plan

HEAD = "kind: plan\nyear: 2022\nunit: KPU Provinsi NTT\nareas:\n"


def plan_text(area: str = "organisasi", months: str = "[Jun, Des]") -> str:
    return (
        HEAD + f"  - area: {area}\n    kegiatan:\n      - name: Evaluasi Organisasi\n"
        "        sub_kegiatan:\n"
        f"          - {{name: FGD Evaluasi Organisasi, months: {months}}}\n"
    )


def report(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_plan(text, source="plan.yaml")
    return info.value.report()


def test_a_small_plan_loads_with_codes_and_months() -> None:
    plan = parse_plan(plan_text(months="[1, Maret, Mei-Jul, agustus]"))
    (row,) = plan.rows()
    assert row.code == "1.1.1"
    assert row.area_key == "organisasi"
    assert row.sub == SubActivity(name="FGD Evaluasi Organisasi", months=(1, 3, 5, 6, 7, 8))
    assert plan.row("1.1.1") == row
    with pytest.raises(UnknownNameError) as info:
        plan.row("1.1.2")
    assert str(info.value) == (
        "no row '1.1.2' in the plan; expected the code of one of its 1 rows, "
        "'<area>.<kegiatan>.<sub kegiatan>' such as '1.1.1'"
    )


def test_the_area_is_kept_as_written_and_resolved_to_its_key() -> None:
    plan = parse_plan(plan_text(area="Penguatan Kelembagaan"))
    assert plan.areas[0].area == "organisasi"
    assert plan.areas[0].label == "Penguatan Kelembagaan"
    assert "area: Penguatan Kelembagaan" in dump_plan(plan)
    assert parse_plan(plan_text()).areas[0].label is None


def test_dump_writes_months_as_the_decree_headers() -> None:
    text = dump_plan(parse_plan(plan_text(months="[12, 6]")))
    assert "      months:\n      - Jun\n      - Des\n" in text


def test_syntax_error() -> None:
    assert report(HEAD + "  - area: [organisasi\n") == (
        "plan.yaml:6:1: YAML syntax error: did not find expected ',' or ']'"
    )


def test_duplicate_key() -> None:
    assert report(plan_text().replace("year: 2022\n", "year: 2022\nyear: 2023\n")) == (
        "plan.yaml:3:1 ($.year): duplicate key 'year' (first at line 2)"
    )


def test_unknown_area() -> None:
    assert report(plan_text(area="Penguatan Birokrasi")) == (
        "plan.yaml:5:11 ($.areas[0].area): unknown area 'Penguatan Birokrasi' in framework "
        "rb-2020-2024; expected a key, name or alias of: manajemen_perubahan, "
        "deregulasi_kebijakan, organisasi, tata_laksana, sdm_aparatur, akuntabilitas, "
        "pengawasan, pelayanan_publik"
    )


def test_month_13() -> None:
    assert report(plan_text(months="[12, 13]")) == (
        "plan.yaml:9:58 ($.areas[0].kegiatan[0].sub_kegiatan[0].months[1]): "
        "month must be 1-12, got 13"
    )


def test_unknown_month_word_and_repeated_month() -> None:
    assert report(plan_text(months="[Mar, 3, Juno]")) == (
        "plan.yaml:9:59 ($.areas[0].kegiatan[0].sub_kegiatan[0].months[1]): "
        "month Mar listed twice (first at item 0)\n"
        "plan.yaml:9:62 ($.areas[0].kegiatan[0].sub_kegiatan[0].months[2]): unknown month "
        "'Juno'; expected a month 1-12, Jan..Des or Januari..Desember, or a range such as Mar-Des"
    )


def test_yaml_1_1_traps_are_typed_by_the_schema() -> None:
    plan = parse_plan(plan_text().replace("KPU Provinsi NTT", "no"))
    assert plan.unit == "no"
    assert report(plan_text().replace("2022", "0o3742")) == (
        "plan.yaml:2:7 ($.year): expected a whole number, got '0o3742'"
    )


def test_all_errors_of_a_file_are_reported_together() -> None:
    text = plan_text(area="Foo").replace("unit: KPU Provinsi NTT\n", "unit: U\nowner: X\n")
    assert report(text) == (
        "plan.yaml:4:1 ($.owner): unknown field 'owner'; expected one of: areas, component, "
        "decree, framework, kind, title, unit, year\n"
        "plan.yaml:6:11 ($.areas[0].area): unknown area 'Foo' in framework rb-2020-2024; "
        "expected a key, name or alias of: manajemen_perubahan, deregulasi_kebijakan, "
        "organisasi, tata_laksana, sdm_aparatur, akuntabilitas, pengawasan, pelayanan_publik"
    )


def test_an_area_planned_twice_and_empty_lists_are_refused() -> None:
    twice = plan_text() + "  - area: Penguatan Kelembagaan\n    kegiatan: []\n"
    assert report(twice) == (
        "plan.yaml:10:11 ($.areas[1].area): area organisasi is already planned at line 5\n"
        "plan.yaml:11:15 ($.areas[1].kegiatan): expected at least one kegiatan"
    )


def test_missing_fields_are_located_at_their_mapping() -> None:
    text = plan_text().replace("{name: FGD Evaluasi Organisasi, months: [Jun, Des]}", "{}")
    assert report(text) == (
        "plan.yaml:9:13 ($.areas[0].kegiatan[0].sub_kegiatan[0]): missing required field 'name'\n"
        "plan.yaml:9:13 ($.areas[0].kegiatan[0].sub_kegiatan[0]): "
        "missing required field 'months'"
    )


def test_unreadable_characters_and_empty_files_are_located() -> None:
    assert report(HEAD.replace("2022", "20\x0722")) == (
        "plan.yaml:2:9: character U+0007 is not allowed in YAML; remove it or retype the text"
    )
    assert report("") == "plan.yaml:1:1: the file is empty; expected a mapping"


def test_the_kind_must_be_plan() -> None:
    assert report(plan_text().replace("kind: plan", "kind: team")) == (
        "plan.yaml:1:7 ($.kind): unknown value 'team'; expected one of: plan"
    )


def test_a_plan_without_areas_is_refused() -> None:
    assert report(HEAD.replace("areas:\n", "areas: []\n")) == (
        "plan.yaml:4:8 ($.areas): expected at least one area"
    )


def test_a_year_of_more_than_4300_digits_is_a_located_error() -> None:
    # int() refuses more than 4,300 digits with a ValueError (CVE-2020-10735 limit)
    with pytest.raises(DataFileError) as info:
        parse_plan(plan_text().replace("year: 2022", "year: " + "9" * 5000), source="plan.yaml")
    (error,) = info.value.exceptions
    assert isinstance(error, LocatedError)
    assert (error.source, error.line, error.column, error.path) == ("plan.yaml", 2, 7, "$.year")
    assert len(error.message) < 200  # the number is not echoed whole
