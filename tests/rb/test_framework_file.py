"""Frameworks as data: the bundled 2023 framework, and an office's own file (issue 13 §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.rb import (
    Framework,
    list_frameworks,
    load_framework,
    load_monitoring,
    parse_framework,
    parse_plan,
)
from ppid_core.rb._framework import find_framework

OWN = """\
framework: rb-kpu-2025
title: Road Map RB KPU 2025-2029 (contoh)
source: Keputusan KPU (illustrative)
confidence: UNVERIFIED
areas:
  - key: tata_kelola
    name: Penguatan Tata Kelola
    aliases: [Tata Kelola]
    source: illustrative
    confidence: UNVERIFIED
  - {key: pelayanan, name: Pelayanan Pemilu}
"""

PLAN = """\
kind: plan
framework: rb-kpu-2025
year: 2025
unit: KPU Contoh
areas:
  - area: Tata Kelola
    kegiatan:
      - name: Penataan SOP
        sub_kegiatan:
          - {name: Reviu SOP, months: [Mar]}
"""


def report(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_framework(text, source="fw.yaml")
    return info.value.report()


def test_two_frameworks_are_bundled() -> None:
    assert Framework.bundled_names() == ("rb-2020-2024", "rb-general-tematik-2023")
    fw = Framework.bundled("rb-general-tematik-2023")
    assert [c.key for c in fw.components] == ["general", "tematik"]
    assert [t.key for t in fw.themes] == [
        "pengentasan_kemiskinan",
        "peningkatan_investasi",
        "digitalisasi_administrasi_pemerintahan",
        "percepatan_prioritas_aktual_presiden",
    ]
    # source: reference rb.md §1.5 "[UNVERIFIED] The exact wording of these themes"
    assert {t.confidence for t in fw.themes} == {"UNVERIFIED"}
    assert all(t.source for t in (*fw.areas, *fw.components, *fw.themes))
    assert fw.theme("Penanggulangan Kemiskinan") == fw.themes[0]
    assert fw.area_required is False


def test_rb_2020_2024_is_unchanged() -> None:
    fw = Framework.bundled()
    assert len(fw.areas) == 8
    assert fw.area_required is True
    assert fw.themes == ()
    # the long names are CODE/SEC (reference rb.md 1.2): tagged at the weaker, CODE
    assert {a.confidence for a in fw.areas} == {"CODE"}
    assert all("[CODE/SEC]" in (a.source or "") for a in fw.areas)


def test_tematik_framework_is_tagged_sec() -> None:
    # only the menimbang of Permen PANRB 3/2023 was read; the content is SEC/UNVERIFIED
    assert Framework.bundled("rb-general-tematik-2023").confidence == "SEC"


def test_an_office_framework_loads(tmp_path: Path) -> None:
    path = tmp_path / "fw.yaml"
    path.write_text(OWN, encoding="utf-8")
    fw = load_framework(path)
    assert fw.key == "rb-kpu-2025"
    assert fw.origin == str(path)
    assert fw.resolve("tata kelola").key == "tata_kelola"
    plan = parse_plan(PLAN, frameworks=[fw])
    assert [r.area.key for r in plan.rows() if r.area] == ["tata_kelola"]
    assert plan.resolved_framework() is fw
    assert [f.key for f in list_frameworks([fw]).frameworks][-1] == "rb-kpu-2025"


def test_a_plan_naming_an_unknown_framework() -> None:
    with pytest.raises(DataFileError) as info:
        parse_plan(PLAN, source="plan.yaml")
    assert info.value.report() == (
        "plan.yaml:2:12 ($.framework): unknown framework 'rb-kpu-2025'; expected one of: "
        "rb-2020-2024, rb-general-tematik-2023, or the key of the office's own framework "
        "file (--framework FILE)"
    )
    with pytest.raises(UnknownNameError):
        find_framework("rb-2045")


def test_a_realisation_finds_its_plan_with_the_office_framework(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    real = tmp_path / "real.yaml"
    real.write_text(
        "kind: realisation\nplan: plan.yaml\nrecords:\n"
        "  - {code: 1.1.1, sub_kegiatan: Reviu SOP, month: Mar, status: done}\n",
        encoding="utf-8",
    )
    fw = parse_framework(OWN)
    plan, records = load_monitoring(real, frameworks=[fw])
    assert plan.framework == "rb-kpu-2025"
    assert len(records.records) == 1


def test_duplicate_area_key() -> None:
    text = OWN.replace("key: pelayanan", "key: tata_kelola")
    assert report(text) == (
        "fw.yaml:11:11 ($.areas[1].key): area key 'tata_kelola' is already used at line 6; "
        "each area needs its own key"
    )


def test_a_name_of_two_areas() -> None:
    text = OWN.replace("name: Pelayanan Pemilu", "name: Tata Kelola")
    assert report(text) == (
        "fw.yaml:11:5 ($.areas[1]): the name 'Tata Kelola' already names area tata_kelola "
        "(line 6); a name may belong to one area only"
    )


def test_a_bundled_key_is_not_reused() -> None:
    assert report(OWN.replace("rb-kpu-2025", "rb-2020-2024")) == (
        "fw.yaml:1:12 ($.framework): the key 'rb-2020-2024' is a framework bundled with "
        "ppid-core; give the office's framework its own key (such as 'rb-2020-2024-kpu')"
    )


def test_every_error_of_a_framework_file_at_once() -> None:
    text = (
        OWN.replace("confidence: UNVERIFIED\nareas", "confidence: maybe\nareas")
        .replace("key: pelayanan", "key: Pelayanan")
        .replace("source: illustrative\n", "source: illustrative\n    color: red\n")
    )
    assert report(text).splitlines() == [
        "fw.yaml:4:13 ($.confidence): unknown value 'maybe'; expected one of: CODE, REG, "
        "SEC, UNVERIFIED",
        "fw.yaml:10:5 ($.areas[0].color): unknown field 'color'; expected one of: aliases, "
        "confidence, key, name, note, source",
        "fw.yaml:12:11 ($.areas[1].key): expected a key of lower-case letters, digits and _ "
        "(such as 'organisasi'), got 'Pelayanan'",
    ]


def test_a_framework_without_areas() -> None:
    text = OWN.split("areas:", maxsplit=1)[0] + "areas: []\n"
    assert report(text) == "fw.yaml:5:8 ($.areas): expected at least one area"


def test_list_frameworks_refuses_one_key_twice() -> None:
    # review 13 A5: the JSON kept the last of two files with one key
    one = parse_framework(OWN, source="a.yaml")
    two = parse_framework(OWN, source="b.yaml")
    assert one.key_at == (1, 12)
    with pytest.raises(InvalidArgumentError) as info:
        list_frameworks([one, two])
    assert str(info.value) == (
        f"framework key {one.key!r} is the key of both a.yaml and b.yaml; give each "
        "framework file its own key"
    )
