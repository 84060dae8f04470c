"""The required lists: the bundled UU 14/2008 list and an office's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.dip import Category, RequiredList, load_required
from ppid_core.errors import DataFileError


def test_bundled_names() -> None:
    assert RequiredList.bundled_names() == ("uu_14_2008",)


def test_every_entry_cites_and_says_how_sure() -> None:
    uu = RequiredList.bundled()
    for e in uu.entries:
        assert e.citation.startswith("UU 14/2008 Pasal ")
        assert e.confidence in {"P", "S", "U"}
        assert e.source.startswith("https://")
    assert uu.staleness.category is Category.BERKALA
    assert uu.staleness.confidence == "S"
    assert "ayat (4) [U]" in (uu.staleness.note or "")


OWN = """\
key: kantor
title: Daftar sendiri
regulation: Keputusan PPID
staleness: {category: berkala, months: 3, citation: SK 1, confidence: P, source: https://x.org}
entries:
  - {key: a, category: berkala, citation: SK 1 angka 1, text: profil, always: true,
     confidence: P, source: https://x.org}
"""


def test_own_list(tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(OWN, encoding="utf-8")
    own = load_required(path)
    assert (own.key, own.staleness.months, own.entry("a") is not None) == ("kantor", 3, True)


def test_own_list_errors(tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    bad = OWN.replace("months: 3", "months: 0")
    bad = bad.replace("confidence: P, source", "confidence: X, source", 1)
    bad += bad.split("entries:\n")[1]
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_required(path, source="own.yaml")
    assert [str(e) for e in info.value.exceptions] == [
        "own.yaml:4:40 ($.staleness.months): expected a whole number from 1 to 120, got 0",
        "own.yaml:4:71 ($.staleness.confidence): unknown value 'X'; expected one of: P, S, U",
        "own.yaml:8:5 ($.entries[1].key): duplicate key 'a' (first at line 6)",
    ]
