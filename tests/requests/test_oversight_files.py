"""The oversight's input files: the expected units and the zone map (exact messages)."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError
from ppid_core.requests import load_expected_units, load_zone_map


def errors(exc: pytest.ExceptionInfo[DataFileError]) -> list[str]:
    return exc.value.report().splitlines()


def test_units_in_order() -> None:
    assert load_expected_units(b"- KPU Kota Kupang\n- 'no'\n") == ("KPU Kota Kupang", "no")


def test_bad_units_file_reports_everything() -> None:
    text = b"- KPU Kota Kupang\n- [a, b]\n- kpu kota. kupang\n- ''\n- \"a\\tb\"\n"
    with pytest.raises(DataFileError) as info:
        load_expected_units(text, source="units.yaml")
    assert errors(info) == [
        "units.yaml:2:3 ($[1]): expected text, got a list",
        "units.yaml:3:3 ($[2]): unit 'kpu kota. kupang' is listed twice (first at $[0]: "
        "'KPU Kota Kupang'); list it once",
        "units.yaml:4:3 ($[3]): expected non-empty text",
        "units.yaml:5:3 ($[4]): expected one line of text, found U+0009 (a tab or line break)",
    ]


def test_units_file_must_be_a_non_empty_list() -> None:
    with pytest.raises(DataFileError) as info:
        load_expected_units(b"units: 3\n", source="u.yaml")
    assert errors(info) == ["u.yaml:1:1 ($): expected a list, got a mapping"]
    with pytest.raises(DataFileError) as info:
        load_expected_units(b"[]\n", source="u.yaml")
    assert errors(info) == ["u.yaml:1:1 ($): the list is empty; expected the names of the units"]


def test_zone_map() -> None:
    assert load_zone_map(b"a.csv: WIB\nb.xlsx: Papua\n") == {
        "a.csv": "Asia/Jakarta",
        "b.xlsx": "Asia/Jayapura",
    }


def test_bad_zone_map_reports_everything() -> None:
    with pytest.raises(DataFileError) as info:
        load_zone_map(b"a.csv: Tokyo\nb.csv: [WIB]\na.csv: WIT\n", source="zones.yaml")
    assert errors(info) == [
        "zones.yaml:1:8 ($.a.csv): unknown zone 'Tokyo'; expected an Indonesian IANA zone "
        "(Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, WIT or a "
        "province name",
        "zones.yaml:2:8 ($.b.csv): expected text, got a list",
        "zones.yaml:3:1 ($.a.csv): duplicate key 'a.csv' (first at line 1)",
    ]
