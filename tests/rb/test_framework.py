"""The area framework: canonical keys and aliases are data."""

from __future__ import annotations

import pytest

from ppid_core.errors import UnknownNameError
from ppid_core.rb import Framework
from ppid_core.rb._framework import normalise_name


def test_eight_areas_in_pmprb_order() -> None:
    fw = Framework.bundled()
    assert [a.key for a in fw.areas] == [
        "manajemen_perubahan", "deregulasi_kebijakan", "organisasi", "tata_laksana",
        "sdm_aparatur", "akuntabilitas", "pengawasan", "pelayanan_publik",
    ]  # fmt: skip
    assert [a.number for a in fw.areas] == list(range(1, 9))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Penguatan Kelembagaan", "organisasi"),
        ("Penataan Manajemen ASN", "sdm_aparatur"),
        ("Penguatan Sistem manajemen SDM ASN", "sdm_aparatur"),
        ("Tim Penataan Sistem Manajemen Aparatur Sipil Negara", "sdm_aparatur"),
        ("Penguatan Peraturan Perundang-Undangan/Deregulasi Kebijakan", "deregulasi_kebijakan"),
        ("Penataan Tatalaksana", "tata_laksana"),
        ("Penguatan Akuntabilitas", "akuntabilitas"),
        ("pelayanan publik", "pelayanan_publik"),
        ("tata_laksana", "tata_laksana"),
    ],
)
def test_aliases(name: str, key: str) -> None:
    assert Framework.bundled().resolve(name).key == key


def test_unknown_names() -> None:
    fw = Framework.bundled()
    assert fw.get("Reformasi") is None
    with pytest.raises(UnknownNameError, match="unknown area 'Reformasi' in framework"):
        fw.resolve("Reformasi")
    with pytest.raises(UnknownNameError, match="unknown framework 'rb-2045'; bundled: rb-2020"):
        Framework.bundled("rb-2045")


def test_normalise_name() -> None:
    assert normalise_name("Perundang - undangan /  Deregulasi") == "perundang-undangan/deregulasi"
