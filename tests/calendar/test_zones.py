"""Zones and provinces (Keppres 41/1987; tzdata)."""

from __future__ import annotations

import pytest

from ppid_core.calendar import provinces, resolve_zone


def test_38_provinces_in_four_zones() -> None:
    table = provinces()
    assert len(table) == 38
    assert set(table.values()) == {
        "Asia/Jakarta",
        "Asia/Pontianak",
        "Asia/Makassar",
        "Asia/Jayapura",
    }


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("wita", "Asia/Makassar"),
        ("WIT", "Asia/Jayapura"),
        ("Asia/Pontianak", "Asia/Pontianak"),
        ("Asia/Ujung_Pandang", "Asia/Makassar"),
        ("Nusa Tenggara Timur", "Asia/Makassar"),
        ("Provinsi NTT", "Asia/Makassar"),
        ("Banten", "Asia/Jakarta"),
        ("Kalimantan Barat", "Asia/Pontianak"),
        ("Papua Pegunungan", "Asia/Jayapura"),
        ("  DIY ", "Asia/Jakarta"),
    ],
)
def test_resolve_zone(text: str, zone: str) -> None:
    assert resolve_zone(text) == zone
