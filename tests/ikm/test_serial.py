"""Serialised forms of tallies, group tallies and profiles: round trips, strict reading."""

from __future__ import annotations

import json

import pytest

from ppid_core.errors import DataFileError, InvalidTallyError
from ppid_core.examples.ikm import read_seed_survey
from ppid_core.ikm import GroupTallies, Profile, Regime, Tally

R = Regime.bundled()
SURVEY = read_seed_survey()


def _report(call: object, data: object) -> str:
    with pytest.raises(DataFileError) as info:
        call(data, source="office.json")  # type: ignore[operator]
    return info.value.report()


def test_tally_round_trips_through_json() -> None:
    t = SURVEY.tally
    data = t.to_dict()
    assert data == {
        "format": "ppid-core/ikm-tally",
        "version": 1,
        "keys": list(R.keys),
        "totals": [549, 555, 523, 600, 503, 553, 553, 537, 523],
        "answered": [150] * 9,
        "respondents": 150,
        "dropped": 0,
    }
    assert Tally.from_dict(json.loads(json.dumps(data))) == t
    assert Tally.from_dict(Tally.neutral().to_dict()) == Tally.neutral()


def test_group_tallies_and_profile_round_trip() -> None:
    groups = SURVEY.group_tallies(["Layanan", "Jenis Kelamin"])
    assert GroupTallies.from_dict(json.loads(json.dumps(groups.to_dict()))) == groups
    profile = SURVEY.profile_summary()
    assert Profile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


def test_a_bad_tally_reports_every_problem_at_its_path() -> None:
    data = SURVEY.tally.to_dict()
    data["totals"][3] = "600"
    data["answered"][1] = 4.0
    data["respondents"] = True
    data["note"] = "x"
    assert _report(Tally.from_dict, data) == (
        "office.json ($): unknown key 'note'; expected format, version, keys, totals, "
        "answered, respondents, dropped\n"
        "office.json ($.answered[1]): expected a whole number >= 0, got a number with a "
        "fraction part (4.0)\n"
        "office.json ($.respondents): expected a whole number >= 0, got true/false\n"
        "office.json ($.totals[3]): expected a whole number >= 0, got a text"
    )


def test_a_tally_of_impossible_figures_is_located() -> None:
    data = SURVEY.tally.to_dict()
    data["answered"][0] = 151
    data["totals"][2] = 0
    data["keys"][8] = "persyaratan"
    assert _report(Tally.from_dict, data) == (
        "office.json ($.keys[8]): 'persyaratan' is given twice"
    )
    data["keys"][8] = "sarana"
    assert _report(Tally.from_dict, data) == (
        "office.json ($.answered[0]): unsur 'persyaratan': 151 answers for 150 respondents\n"
        "office.json ($.totals[2]): unsur 'waktu': a total of 0 is impossible for 150 answers"
    )
    data = SURVEY.tally.to_dict()
    data["totals"] = data["totals"][:8]
    assert _report(Tally.from_dict, data) == (
        "office.json ($.totals): expected 9 values, one per key, got 8"
    )


def test_another_format_or_version_is_refused() -> None:
    data = SURVEY.tally.to_dict()
    assert _report(Tally.from_dict, {**data, "version": 2}) == (
        "office.json ($.version): unsupported version (the number 2); this release reads version 1"
    )
    assert _report(GroupTallies.from_dict, data) == (
        "office.json ($): unknown key 'keys'; expected format, version, columns, groups\n"
        "office.json ($): unknown key 'totals'; expected format, version, columns, groups\n"
        "office.json ($): unknown key 'answered'; expected format, version, columns, groups\n"
        "office.json ($): unknown key 'respondents'; expected format, version, columns, "
        "groups\n"
        "office.json ($): unknown key 'dropped'; expected format, version, columns, groups\n"
        "office.json ($): missing key 'columns'\n"
        "office.json ($): missing key 'groups'\n"
        "office.json ($.format): expected 'ppid-core/ikm-groups', got a text"
    )
    assert _report(Profile.from_dict, [1]) == (
        "office.json ($): expected an object (ppid-core/ikm-profile version 1), got a list"
    )


def test_bad_group_tallies_are_located_inside_the_groups() -> None:
    data = SURVEY.group_tallies("Layanan").to_dict()
    data["groups"][1]["tally"]["totals"][0] = -1
    data["groups"].append(
        {"values": data["groups"][0]["values"], "tally": data["groups"][0]["tally"]}
    )
    assert _report(GroupTallies.from_dict, data) == (
        "office.json ($.groups[1].tally.totals[0]): expected a whole number >= 0, got the "
        "number -1\n"
        "office.json ($.groups[2].values): this group is given twice"
    )


def test_a_bad_profile_count_is_located() -> None:
    data = SURVEY.profile_summary().to_dict()
    data["counts"]["jenis_kelamin"]["Laki-laki"] = 2.5
    assert _report(Profile.from_dict, data) == (
        "office.json ($.counts.jenis_kelamin['Laki-laki']): expected a whole number >= 0, "
        "got a number with a fraction part (2.5)"
    )


def test_group_tallies_merge_and_score_as_the_survey() -> None:
    groups = SURVEY.group_tallies("Layanan")
    assert GroupTallies.merge([]) == GroupTallies.neutral()
    assert sum([groups]) == groups + GroupTallies.neutral() == groups
    assert groups.score(R, pooled=SURVEY.score()) == SURVEY.score(by="Layanan")
    assert groups.score(R).to_dict() == SURVEY.score(by="Layanan").to_dict()
    with pytest.raises(InvalidTallyError) as info:
        groups + SURVEY.group_tallies("Pendidikan")
    assert str(info.value) == (
        "cannot merge breakdowns by different columns: ('Layanan',) and ('Pendidikan',)"
    )
