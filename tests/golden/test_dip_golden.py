"""Golden cases of the DIP check, from the lists of UU 14/2008 Pasal 9-11.

source: UU 14/2008 BAB IV (Pasal 9 ayat (2) huruf a-c, Pasal 10 ayat (1), Pasal 11 ayat (1)
huruf a-h), as cited entry by entry in src/ppid_core/dip/data/required/uu_14_2008.yaml (with
the confidence of each wording); seeds 001 and 004, section IV "Monitoring Ketersediaan
Informasi Publik" ("memastikan bahwa informasi publik yang wajib diumumkan ... tersedia dan
mudah diakses oleh masyarakat").
"""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.dip import FindingKind, RequiredList, check_dip, parse_dip

# source: UU 14/2008 Pasal 9 ayat (2) (bbpmpjateng.kemdikbud.go.id, diskominfo.lamongankab.go.id);
# Pasal 10 ayat (1) (quoted by the Ketua KI Pusat, bisnis.com 2013); Pasal 11 ayat (1) huruf h
# (Wikisource transcription, page 9); Pasal 11 ayat (1) huruf a-g [U].
LAW = {
    "pasal-9-2-a": ("berkala", "informasi yang berkaitan dengan Badan Publik"),
    "pasal-9-2-b": ("berkala", "informasi mengenai kegiatan dan kinerja Badan Publik terkait"),
    "pasal-9-2-c": ("berkala", "informasi mengenai laporan keuangan"),
    "pasal-10-1": (
        "serta_merta",
        "informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum",
    ),
    "pasal-11-1-a": (
        "setiap_saat",
        "daftar seluruh Informasi Publik yang berada di bawah penguasaannya, tidak termasuk "
        "informasi yang dikecualikan",
    ),
    "pasal-11-1-b": ("setiap_saat", "hasil keputusan Badan Publik dan pertimbangannya"),
    "pasal-11-1-c": ("setiap_saat", "seluruh kebijakan yang ada berikut dokumen pendukungnya"),
    "pasal-11-1-d": (
        "setiap_saat",
        "rencana kerja proyek termasuk di dalamnya perkiraan pengeluaran tahunan Badan Publik",
    ),
    "pasal-11-1-e": ("setiap_saat", "perjanjian Badan Publik dengan pihak ketiga"),
    "pasal-11-1-f": (
        "setiap_saat",
        "informasi dan kebijakan yang disampaikan Pejabat Publik dalam pertemuan yang terbuka "
        "untuk umum",
    ),
    "pasal-11-1-g": (
        "setiap_saat",
        "prosedur kerja pegawai Badan Publik yang berkaitan dengan pelayanan masyarakat",
    ),
    "pasal-11-1-h": (
        "setiap_saat",
        "laporan mengenai pelayanan akses Informasi Publik sebagaimana diatur dalam "
        "Undang-Undang ini",
    ),
}
ALWAYS = [k for k in LAW if k != "pasal-10-1"]


def test_the_bundled_list_is_the_law() -> None:
    uu = RequiredList.bundled()
    assert {e.key: (e.category.value, e.text) for e in uu.entries} == LAW
    assert [e.key for e in uu.entries if not e.always] == ["pasal-10-1"]


def _dip(keys: list[str], updated: str = "2024-07-01") -> str:
    lines = ["unit: KPU Kota Contoh", "items:"]
    for n, key in enumerate(keys, start=1):
        category = LAW[key][0]
        lines += [
            f"  - number: {n}",
            f"    summary: {LAW[key][1]}",
            "    holder: Sub Bagian Umum",
            "    responsible: Sekretaris",
            "    created: 2024, Kota Contoh",
            "    form: elektronik",
            "    retention: 5 tahun",
            f"    category: {category}",
            f"    wajib: {key}",
            f"    url: https://example.org/{n}",
            f"    updated: {updated}",
        ]
    return "\n".join(lines) + "\n"


def test_one_item_per_entry_is_complete() -> None:
    check = check_dip(parse_dip(_dip(list(LAW))), on=dt.date(2024, 12, 31))
    assert (check.complete, check.current, check.ok) == (True, True, True)


@pytest.mark.parametrize("key", ALWAYS)
def test_leaving_out_one_entry_is_one_finding(key: str) -> None:
    check = check_dip(parse_dip(_dip([k for k in ALWAYS if k != key])), on=dt.date(2024, 8, 1))
    assert [(f.kind, f.key) for f in check.findings] == [(FindingKind.MISSING, key)]


def test_serta_merta_only_when_it_exists() -> None:
    # source: UU 14/2008 Pasal 10 ayat (1): information that threatens lives or public order.
    check = check_dip(parse_dip(_dip(ALWAYS)), on=dt.date(2024, 8, 1))
    assert check.ok
    assert {c.entry.key: c.status for c in check.coverage}["pasal-10-1"] == "bila ada"


def test_six_months_to_the_day() -> None:
    # source: UU 14/2008 Pasal 9 ayat (3) [S] ("paling lambat 6 (enam) bulan sekali").
    dip = parse_dip(_dip(ALWAYS, updated="2024-01-31"))
    assert check_dip(dip, on=dt.date(2024, 7, 31)).current
    late = check_dip(dip, on=dt.date(2024, 8, 1))
    assert [f.number for f in late.of_kind(FindingKind.STALE)] == ["1", "2", "3"]
