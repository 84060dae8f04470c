"""Loading team decrees; bad input pinned to its exact message."""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import Member, dump_team, parse_team

TEAM = """kind: team
year: 2022
unit: KPU Provinsi NTT
decree: {number: 79 Tahun 2022, date: 2022-03-28}
pengarah:
  members:
    - {name: Thomas Dohu, position: Ketua KPU, role: Pengarah merangkap Ketua}
pelaksana:
  - name: Tim Penguatan Kelembagaan
    area: Penguatan Kelembagaan
    duties: [Membentuk unit kerja]
    members:
      - {name: Simon A. Lau, position: Kepala Bagian, role: Koordinator merangkap Anggota}
      - {name: Linda Benyamin, position: Pelaksana, role: Anggota}
"""


def report(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_team(text, source="tim.yaml")
    return info.value.report()


def test_a_team_loads() -> None:
    team = parse_team(TEAM)
    assert team.decree.date == dt.date(2022, 3, 28)
    assert team.pelaksana[0].area == "organisasi"
    assert team.pelaksana[0].duties == ("Membentuk unit kerja",)
    assert team.team_for("organisasi") is team.pelaksana[0]
    assert team.team_for("pengawasan") is None
    assert [m.name for m in team.members()] == ["Thomas Dohu", "Simon A. Lau", "Linda Benyamin"]
    assert parse_team(dump_team(team)) == team


def test_coordinator_is_read_from_the_role() -> None:
    assert Member(name="A", position="B", role="Koordinator merangkap Anggota").is_coordinator
    assert Member(name="A", position="B", role="Ketua").is_coordinator
    assert not Member(name="A", position="B", role="Anggota").is_coordinator


def test_a_member_without_a_name() -> None:
    text = TEAM.replace("{name: Linda Benyamin, ", "{")
    assert report(text) == (
        "tim.yaml:14:9 ($.pelaksana[0].members[1]): missing required field 'name'"
    )


def test_a_date_that_does_not_exist() -> None:
    assert report(TEAM.replace("2022-03-28", "2022-02-30")) == (
        "tim.yaml:4:39 ($.decree.date): 2022-02-30 is not a valid date "
        "(day is out of range for month)"
    )


def test_each_area_team_has_exactly_one_coordinator() -> None:
    text = TEAM.replace("role: Koordinator merangkap Anggota", "role: Anggota")
    assert report(text) == (
        "tim.yaml:13:7 ($.pelaksana[0].members): expected exactly one member whose role starts "
        "with 'Koordinator' or 'Ketua', got 0"
    )


def test_an_area_with_two_teams_and_an_empty_team() -> None:
    text = TEAM + ("  - name: Tim Organisasi\n    area: organisasi\n    members: []\n")
    assert report(text) == (
        "tim.yaml:15:5 ($.pelaksana[1].area): area organisasi already has a team (line 9)\n"
        "tim.yaml:17:14 ($.pelaksana[1].members): expected at least one member"
    )


def test_member_names_are_masked_in_repr() -> None:
    m = Member(name="Simon A. Lau", position="Kepala Bagian", role="Anggota")
    assert "name='S. A. L.'" in repr(m)
    assert "Simon" not in repr(parse_team(TEAM))


def test_no_tim_pelaksana_is_refused() -> None:
    text = TEAM.split("pelaksana:\n", maxsplit=1)[0] + "pelaksana: []\n"
    assert report(text) == "tim.yaml:8:12 ($.pelaksana): expected at least one Tim Pelaksana"


def test_a_member_whose_name_is_null() -> None:
    text = TEAM.replace("{name: Linda Benyamin,", "{name: ~,")
    assert report(text) == (
        "tim.yaml:14:16 ($.pelaksana[0].members[1].name): expected text, got null ('~'); "
        "quote it to mean the text"
    )


def test_a_member_written_as_a_bare_name_is_not_echoed() -> None:
    text = TEAM.replace(
        "- {name: Linda Benyamin, position: Pelaksana, role: Anggota}", "- Linda Benyamin, S.H."
    )
    assert report(text) == (
        "tim.yaml:14:9 ($.pelaksana[0].members[1]): expected a member as a mapping with name, "
        "position and role, got text (not repeated here: it may be a person's name)"
    )


def test_a_name_written_as_a_key_is_not_echoed() -> None:
    text = TEAM.replace(
        "- {name: Linda Benyamin, position: Pelaksana, role: Anggota}",
        "- {Linda Benyamin: Pelaksana, Linda Benyamin: Anggota, position: P, role: Anggota}",
    )
    unknown = (
        "unknown field (not repeated here: it may be a person's name); "
        "expected one of: duties, name, position, role"
    )
    assert report(text) == (
        "tim.yaml:14:9 ($.pelaksana[0].members[1]): missing required field 'name'\n"
        f"tim.yaml:14:10 ($.pelaksana[0].members[1]): {unknown}\n"
        f"tim.yaml:14:37 ($.pelaksana[0].members[1]): {unknown}"
    )


def test_members_or_a_team_written_as_text_are_not_echoed() -> None:
    text = TEAM.replace(
        "  members:\n"
        "    - {name: Thomas Dohu, position: Ketua KPU, role: Pengarah merangkap Ketua}",
        "  members: Thomas Dohu",
    )
    assert report(text) == (
        "tim.yaml:6:12 ($.pengarah.members): expected a list of members, got text "
        "(not repeated here: it may be a person's name)"
    )
    text += "ketua_pelaksana: Yosafat Koli\nagen_perubahan: Ana Waha Kolin\n"
    lines = report(text).splitlines()
    assert lines[1:] == [
        "tim.yaml:14:18 ($.ketua_pelaksana): expected a member as a mapping with name, "
        "position and role, got text (not repeated here: it may be a person's name)",
        "tim.yaml:15:17 ($.agen_perubahan): expected a team as a mapping with members, got text "
        "(not repeated here: it may be a person's name)",
    ]
    for name in ("Thomas", "Yosafat", "Ana Waha"):
        assert name not in "\n".join(lines)


def test_a_null_member_says_null() -> None:
    text = TEAM.replace("- {name: Linda Benyamin, position: Pelaksana, role: Anggota}", "- ~")
    assert report(text) == (
        "tim.yaml:14:9 ($.pelaksana[0].members[1]): expected a member as a mapping with name, "
        "position and role, got null"
    )


def test_a_year_of_more_than_4300_digits_is_a_located_error() -> None:
    with pytest.raises(DataFileError) as info:
        parse_team(TEAM.replace("year: 2022", "year: " + "9" * 5000), source="tim.yaml")
    (error,) = info.value.exceptions
    assert isinstance(error, LocatedError)
    assert (error.source, error.line, error.column, error.path) == ("tim.yaml", 2, 7, "$.year")
    assert len(error.message) < 200
