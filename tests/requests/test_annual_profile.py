"""The annual report's profile: strict YAML, every problem located and reported at once."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError
from ppid_core.requests import (
    AnnualProfile,
    ProfileSection,
    Signatory,
    load_annual_profile,
    parse_annual_profile,
)

GOOD = """\
public_body: KPU Kota Contoh
ppid: PPID KPU Kota Contoh
year: 2024
place: Kota Contoh
signed_on: 2025-03-31
signatory: {position: Ketua PPID, name: Budi Santoso}
policy:
  summary: Kebijakan layanan.
  instruments: [SK PPID 2024]
implementation:
  summary: Layanan berjalan.
  budget: [DIPA 2024]
obstacles: {external: [], internal: [Register belum lengkap]}
recommendations: {recommendations: [Lengkapi register], follow_up: []}
"""


def _messages(text: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_annual_profile(text, source="profil.yaml")
    return [str(e) for e in info.value.exceptions]


def test_a_full_profile_is_read_field_by_field() -> None:
    profile = parse_annual_profile(GOOD, source="profil.yaml")
    assert profile == AnnualProfile(
        source="profil.yaml",
        public_body="KPU Kota Contoh",
        ppid="PPID KPU Kota Contoh",
        year=2024,
        place="Kota Contoh",
        signed_on=dt.date(2025, 3, 31),
        signatory=Signatory(position="Ketua PPID", name="Budi Santoso"),
        sections={
            1: ProfileSection(
                part=1, summary="Kebijakan layanan.", lists=(("instruments", ("SK PPID 2024",)),)
            ),
            2: ProfileSection(
                part=2,
                summary="Layanan berjalan.",
                lists=(("budget", ("DIPA 2024",)),),
                missing=("facilities", "staff"),
            ),
            5: ProfileSection(
                part=5, lists=(("external", ()), ("internal", ("Register belum lengkap",)))
            ),
            6: ProfileSection(
                part=6, lists=(("recommendations", ("Lengkapi register",)), ("follow_up", ()))
            ),
        },
    )


def test_where_the_year_is_written_is_kept_for_located_errors() -> None:
    assert parse_annual_profile(GOOD, source="profil.yaml").year_at == (3, 7)


def test_the_least_profile_has_no_part() -> None:
    profile = parse_annual_profile("public_body: B\nppid: P\nyear: 2024\n")
    assert profile.sections == {}
    assert profile.signatory is None
    assert profile.source == "<string>"


def test_unknown_key() -> None:
    assert _messages("public_body: B\nppid: P\nyear: 2024\ncolour: red\n") == [
        "profil.yaml:4:1 ($.colour): unknown field 'colour'; expected one of: implementation, "
        "obstacles, place, policy, ppid, public_body, recommendations, signatory, signed_on, year"
    ]


def test_unknown_key_in_a_part() -> None:
    assert _messages("public_body: B\nppid: P\nyear: 2024\npolicy: {summary: s, budget: []}\n") == [
        "profil.yaml:4:22 ($.policy.budget): unknown field 'budget'; expected one of: "
        "instruments, summary"
    ]


def test_wrong_types() -> None:
    text = (
        "public_body: B\nppid: P\nyear: 2024.5\nsigned_on: 31-03-2025\n"
        "policy:\n  summary: [a, b]\n  instruments: text\n"
    )
    assert _messages(text) == [
        "profil.yaml:3:7 ($.year): expected a whole number, got '2024.5'",
        "profil.yaml:4:12 ($.signed_on): expected a date as YYYY-MM-DD, got '31-03-2025'",
        "profil.yaml:6:12 ($.policy.summary): expected text, got a list",
        "profil.yaml:7:16 ($.policy.instruments): expected a list, got 'text'",
    ]


def test_a_year_out_of_range() -> None:
    assert _messages("public_body: B\nppid: P\nyear: 20244\n") == [
        "profil.yaml:3:7 ($.year): expected a whole number from 1900 to 2200, got 20244"
    ]


def test_duplicate_key() -> None:
    assert _messages("public_body: B\nppid: P\nyear: 2024\nyear: 2023\n") == [
        "profil.yaml:4:1 ($.year): duplicate key 'year' (first at line 3)"
    ]


def test_missing_required_fields_all_at_once() -> None:
    text = "public_body: B\nobstacles: {external: []}\nsignatory: {name: A}\n"
    assert _messages(text) == [
        "profil.yaml:1:1 ($): missing required field 'ppid'",
        "profil.yaml:1:1 ($): missing required field 'year'",
        "profil.yaml:2:12 ($.obstacles): missing required field 'internal'",
        "profil.yaml:3:12 ($.signatory): missing required field 'position'",
    ]


def test_a_name_on_two_lines_is_refused() -> None:
    assert _messages('public_body: "B\\nC"\nppid: P\nyear: 2024\n') == [
        "profil.yaml:1:14 ($.public_body): expected one line of text, found U+000A (a tab or "
        "line break)"
    ]


def test_the_error_count_names_the_file() -> None:
    with pytest.raises(DataFileError, match=r"^profil\.yaml: 2 errors$"):
        parse_annual_profile("public_body: B\n", source="profil.yaml")


def test_load_from_a_path_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "profil.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_annual_profile(path).source == str(path)
    path.write_text("public_body: [x]\nppid: P\nyear: 2024\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_annual_profile(path)
    assert [str(e) for e in info.value.exceptions] == [
        f"{path}:1:14 ($.public_body): expected text, got a list"
    ]


def test_the_embedded_example_profile_is_valid_and_has_no_name() -> None:
    text = (resources.files("ppid_core.examples.requests") / "kpu_ntt_2024_profil.yaml").read_text(
        encoding="utf-8"
    )
    profile = parse_annual_profile(text)
    assert profile.year == 2024
    assert sorted(profile.sections) == [1, 2, 5, 6]
    assert profile.signatory is not None
    assert profile.signatory.name is None
    assert "EXAMPLE" in text
