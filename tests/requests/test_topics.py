"""Topic tables: the general one (the default), the KPU one, and a user's own."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.requests import TopicTable, load_topics, parse_topics
from ppid_core.requests._topics import DEFAULT_TOPICS

UMUM = TopicTable.bundled("umum")
KPU = TopicTable.bundled("kpu")


def test_the_default_is_the_general_table() -> None:
    assert DEFAULT_TOPICS == "umum"
    assert TopicTable.bundled() is UMUM
    assert TopicTable.bundled_names() == ("kpu", "umum")
    assert UMUM.other == "Lainnya"
    assert [t.name for t in UMUM.topics] == [
        "Peraturan dan keputusan",
        "Anggaran dan keuangan",
        "Pengadaan barang dan jasa",
        "Kepegawaian",
        "Pengaduan",
        "Perizinan dan standar layanan",
        "Program dan kegiatan",
        "Profil dan organisasi",
        "Laporan dan evaluasi",
        "Data dan statistik",
    ]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # issue 10: a data request is data, not election results
        ("rekap data 2020 sampai 2022", "Data dan statistik"),
        ("Rekapitulasi jumlah penduduk per kecamatan", "Data dan statistik"),
        ("Salinan DIPA dan realisasi anggaran 2024", "Anggaran dan keuangan"),
        ("Laporan keuangan tahun 2023", "Anggaran dan keuangan"),  # before Laporan
        ("Data anggaran 2024", "Anggaran dan keuangan"),  # the subject before Data
        ("Dokumen kontrak pengadaan barang/jasa", "Pengadaan barang dan jasa"),
        ("Paket tender di LPSE 2024", "Pengadaan barang dan jasa"),
        ("Data pegawai honorer", "Kepegawaian"),
        ("Informasi terkait pendaftaran CPNS 2024", "Kepegawaian"),
        ("Tindak lanjut pengaduan masyarakat", "Pengaduan"),
        ("Persyaratan izin mendirikan bangunan", "Perizinan dan standar layanan"),
        ("SOP layanan informasi", "Perizinan dan standar layanan"),
        ("Salinan SK penetapan", "Peraturan dan keputusan"),
        ("Perda tentang retribusi", "Peraturan dan keputusan"),  # whatever its subject
        ("Salinan SK pengangkatan pegawai", "Peraturan dan keputusan"),
        ("Peraturan Bupati nomor 5", "Peraturan dan keputusan"),
        ("Renstra 2020-2024", "Program dan kegiatan"),
        ("Jadwal kegiatan sosialisasi", "Program dan kegiatan"),
        ("Struktur organisasi dan tupoksi", "Profil dan organisasi"),
        ("Profil kantor", "Profil dan organisasi"),
        ("LAKIP 2023", "Laporan dan evaluasi"),
        ("Hasil evaluasi kinerja", "Laporan dan evaluasi"),
        ("Foto kegiatan", "Program dan kegiatan"),
        ("Surat undangan rapat", "Lainnya"),
        ("Pendataan", "Lainnya"),  # whole words only: "pendataan" is not "data"
        ("", "Lainnya"),
    ],
)
def test_general_topics(text: str, topic: str) -> None:
    assert UMUM.classify(text) == topic


def test_kpu_topics_stay_an_option() -> None:
    assert KPU.classify("Data DPT NTT Pilkada 2024") == "Daftar pemilih"
    assert KPU.classify("Hasil Rekapitulasi Pemilu 2024") == "Hasil pemilu dan perolehan suara"
    assert UMUM.classify("Hasil Rekapitulasi Pemilu 2024") == "Data dan statistik"


def test_seed_register_under_each_table() -> None:
    # source: the 37 requests of the KPU Provinsi NTT 2024 register (embedded example)
    texts = [e.information for e in load_kpu_ntt_2024().entries]
    by_umum: dict[str, int] = {}
    for text in texts:
        by_umum[UMUM.classify(text)] = by_umum.get(UMUM.classify(text), 0) + 1
    assert by_umum == {
        "Lainnya": 7,
        "Data dan statistik": 24,
        "Kepegawaian": 4,
        "Peraturan dan keputusan": 1,
        "Program dan kegiatan": 1,
    }
    assert sum(KPU.classify(t) == "Daftar pemilih" for t in texts) == 12


def test_unknown_table() -> None:
    with pytest.raises(UnknownNameError) as info:
        TopicTable.bundled("bawaslu")
    assert str(info.value) == "unknown topic table 'bawaslu'; bundled: kpu, umum"


def test_a_users_table() -> None:
    table = parse_topics(
        "other: Lain-lain\ntopics:\n  - {name: Kesehatan, keywords: [puskesmas, rsud]}\n"
    )
    assert table.classify("Data kunjungan Puskesmas") == "Kesehatan"
    assert table.classify("Profil kantor") == "Lain-lain"
    assert load_topics(b"other: X\ntopics:\n  - {name: Y, keywords: [y]}\n").classify("y") == "Y"
    with pytest.raises(DataFileError) as info:
        parse_topics("other: X\ntopics:\n  - {name: Y, keywords: []}\n", source="t.yaml")
    assert [str(e) for e in info.value.exceptions] == [
        "t.yaml:3:25 ($.topics[0].keywords): expected at least one keyword"
    ]
