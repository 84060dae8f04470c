"""Golden facts of the seed decree, KPU Provinsi NTT No. 79 Tahun 2022.

source: /work/shared/seeds/002_e0cc5f0ba82b00f7.txt (Keputusan KPU Provinsi NTT Nomor 79
Tahun 2022, Diktum KESATU, Lampiran I and Lampiran II), transcribed in
src/ppid_core/examples/rb/.
"""

from __future__ import annotations

import datetime as dt

from ppid_core.examples.rb import example_path
from ppid_core.rb import load_plan, load_team

TEAM = load_team(example_path("kpu-ntt-2022-tim.yaml"))
PLAN = load_plan(example_path("kpu-ntt-2022-rencana-aksi.yaml"))


def test_decree() -> None:
    # source: seed, "NOMOR 79 TAHUN 2022", "Ditetapkan di Kupang pada tanggal 28 Maret 2022"
    assert TEAM.decree.number == "79 Tahun 2022"
    assert TEAM.decree.date == dt.date(2022, 3, 28)
    assert TEAM.decree.amends == "56/HK.03.1/53/2022"


def test_teams_and_members() -> None:
    # source: seed, Diktum KESATU: Tim Pengarah, Tim Pelaksana in 8 teams, Tim Agen Perubahan
    assert len(TEAM.pelaksana) == 8
    assert len(TEAM.teams()) == 10
    # source: seed, Lampiran I: 5 pengarah, 1 ketua pelaksana, 5 per area team, 5 agen
    assert len(TEAM.pengarah.members) == 5
    assert TEAM.ketua_pelaksana is not None
    assert TEAM.ketua_pelaksana.position == "Sekretaris KPU"
    assert [len(t.members) for t in TEAM.pelaksana] == [5] * 8
    assert TEAM.agen_perubahan is not None
    assert len(TEAM.agen_perubahan.members) == 5
    assert len(TEAM.members()) == 51
    # source: seed, Diktum KESATU order a.-h. (Pengawasan before Akuntabilitas Kinerja)
    assert [t.area for t in TEAM.pelaksana] == [
        "manajemen_perubahan", "deregulasi_kebijakan", "organisasi", "tata_laksana",
        "sdm_aparatur", "pengawasan", "akuntabilitas", "pelayanan_publik",
    ]  # fmt: skip
    assert all(sum(m.is_coordinator for m in t.members) == 1 for t in TEAM.pelaksana)


def test_plan_areas_and_kegiatan() -> None:
    # source: seed, Lampiran II, column AREA PERUBAHAN, areas 1-8
    assert [a.label for a in PLAN.areas] == [
        "Manajemen Perubahan",
        "Penguatan Peraturan Perundang-Undangan/Deregulasi Kebijakan",
        "Penguatan Kelembagaan",
        "Penguatan Tata Laksana",
        "Penguatan Sistem manajemen SDM ASN",
        "Penguatan Akuntabilitas Kinerja",
        "Penguatan Pengawasan",
        "Peningkatan Kualitas Pelayanan Publik",
    ]
    # source: seed, Lampiran II, column KEGIATAN per area (see the transcription notes)
    assert [len(a.kegiatan) for a in PLAN.areas] == [4, 5, 2, 4, 2, 2, 8, 5]
    assert [sum(len(k.sub_kegiatan) for k in a.kegiatan) for a in PLAN.areas] == [
        11, 6, 4, 11, 8, 11, 23, 19,
    ]  # fmt: skip
    assert PLAN.year == 2022


def test_some_schedules() -> None:
    # source: seed line 373: "g) Peningkatan integritas" in column 4, "1) Penyampaian LHKPN" in
    # column 5, the indikator in column 6 -- text one column right, so the tick in column 8
    # is Feb (not Mar); line 375 likewise puts "Pembangunan unit kerja pengadaan" in Jan.
    assert PLAN.row("7.7.1").sub.name == "Penyampaian LHKPN"
    assert PLAN.row("7.7.1").sub.months == (2,)
    assert PLAN.row("7.7.2").sub.months == (2,)
    assert PLAN.row("7.8.1").sub.months == (1,)
    # source: seed line 265, text cells in place, ticks in columns 6-8: SOP drafting Jan-Mar
    assert PLAN.row("4.1.3").sub.months == (1, 2, 3)
    # source: seed lines 254-255, 306, 410-412, text cells in place: the tick in column 11 is
    # Jun, as on line 412 (8.3.11). The second tick of 254-255 and 410-411 sits in the
    # KETERANGAN column: read as Des but uncertain (marked in the YAML), so not pinned here.
    assert 6 in PLAN.row("3.1.1").sub.months
    assert PLAN.row("3.2.1").sub.months[:2] == (2, 3)
    assert PLAN.row("6.1.3").sub.months == (2, 6, 12)
    assert PLAN.row("8.3.9").sub.months[0] == PLAN.row("8.3.11").sub.months[0] == 6
    assert PLAN.row("8.5.1").sub.months == (6, 12)  # line 419: columns 11 and 17
    renstra = PLAN.row("6.1.1").sub
    assert renstra.months == ()
    assert renstra.keterangan == "Telah dillaksanakan pada tahun 2021"
    # every area of the plan has its Tim Pelaksana
    assert all(a.area is not None and TEAM.team_for(a.area) is not None for a in PLAN.areas)
