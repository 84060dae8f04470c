"""``ppid --lang id|en rb ...``: the RB commands and reports in Bahasa Indonesia and English.

The Indonesian texts are today's report wording (issue 14: ``--lang id`` prints what the
officer saw before); English is the library's default. JSON is the same in both.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.rb import example_path

PLAN = str(example_path("kpu-ntt-2022-rencana-aksi.yaml"))
REAL = str(example_path("kpu-ntt-2022-realisasi.yaml"))
TEAM = str(example_path("kpu-ntt-2022-tim.yaml"))
LKE = resources.files("ppid_core.examples.rb") / "lke-example.yaml"


class Terminal(io.StringIO):
    """stdout as a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str, out: io.StringIO | None = None) -> tuple[int, str]:
    stream = io.StringIO() if out is None else out
    return main(list(argv), out=stream), stream.getvalue()


def test_check_in_indonesian_and_english() -> None:
    code, text = run("--lang", "id", "rb", "check", PLAN, REAL, TEAM)
    assert code == 0
    assert text.splitlines() == [
        f"{PLAN}: rencana aksi 2022, 8 area, 32 kegiatan, 93 sub kegiatan",
        f"{REAL}: realisasi rencana aksi 2022, 26 catatan",
        f"{TEAM}: tim 2022, 10 tim, 51 keanggotaan",
    ]
    code, text = run("--lang", "en", "rb", "check", PLAN)
    assert text == f"{PLAN}: plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan\n"


def test_status_in_indonesian_is_todays_report() -> None:
    code, text = run("--lang", "id", "rb", "status", REAL, "--month", "2022-06")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == (
        "# Laporan Rencana Aksi RB Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur — Juni 2022"
    )
    assert lines[2] == (
        "Dijadwalkan bulan ini: 50 sub kegiatan; terlambat: 48; capaian tahunan: 4.7% "
        "(target s.d. bulan ini 47.4%)."
    )
    assert lines[4].startswith("Definisi capaian: bulan terlaksana (months: ")
    assert lines[4].endswith("; – = tidak ada yang diukur.")
    assert "## Capaian per area perubahan" in lines
    assert "| Kode | Sub kegiatan | Bulan | Status | Terlambat | Realisasi | Data dukung |" in lines
    assert (
        "| Triwulan | Bulan rencana | Terlaksana | Sebagian | Belum | Tanpa laporan | Akan datang |"
        in lines
    )


def test_status_in_english() -> None:
    code, text = run("--lang", "en", "rb", "status", REAL, "--month", "2022-06")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == (
        "# RB action plan report Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur — June 2022"
    )
    assert lines[2] == (
        "Due this month: 50 sub kegiatan; late: 48; progress in the year: 4.7% "
        "(target to this month 47.4%)."
    )
    assert "## Progress per area perubahan" in lines
    assert "| Code | Sub kegiatan | Months | Status | Late | Realisation | Data dukung |" in lines


def test_status_prints_aligned_text_to_a_terminal() -> None:
    code, text = run("--lang", "en", "rb", "status", REAL, "--month", "2022-06", out=Terminal())
    assert code == 0
    lines = text.splitlines()
    assert (
        lines[0] == "RB action plan Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur — June 2022"
    )
    assert "|" not in text
    assert "Per triwulan" in lines
    i = lines.index("Per triwulan")
    assert lines[i + 2].split() == [
        "Triwulan", "Planned", "months", "Done", "Partly", "Not", "done", "No", "report",
        "Upcoming",
    ]  # fmt: skip
    # --format md still gives Markdown on a terminal
    _, md = run("rb", "status", REAL, "--month", "2022-06", "--format", "md", out=Terminal())
    assert md.startswith("# RB action plan report ")


def test_frameworks_in_both_languages() -> None:
    _, text = run("--lang", "id", "rb", "frameworks")
    assert "**Kerangka RB**" in text
    assert "| Kerangka | Judul | Area | Komponen | Tema | Area wajib | Sumber |" in text
    _, text = run("--lang", "en", "rb", "frameworks")
    assert "**RB frameworks**" in text
    assert "| Framework | Title | Areas | Components | Themes | Area required | Source |" in text


def test_lke_score_in_both_languages() -> None:
    with resources.as_file(LKE) as path:
        _, text = run("--lang", "id", "rb", "lke", "score", str(path))
        _, english = run("--lang", "en", "rb", "lke", "score", str(path))
    assert text.startswith("# LKE Zona Integritas Unit Contoh Pelayanan 2025: nilai 90.91\n")
    assert "|  | Nilai evaluasi Zona Integritas | 100.00 | 90.91 |  |  |" in text
    assert "| Komponen | Area | Bobot | Nilai | % bobot | Catatan |" in text
    assert english.startswith("# LKE Zona Integritas Unit Contoh Pelayanan 2025: score 90.91\n")
    assert "|  | Zona Integritas evaluation score | 100.00 | 90.91 |  |  |" in english


def test_usage_errors_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--lang", "id", "rb", "status", PLAN, "--month", "2022-13")
    assert code == 2
    err = capsys.readouterr().err
    assert err.endswith(
        "argumen --month: bulan harus ditulis YYYY-MM (misalnya 2022-06), diberikan '2022-13'\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("rb", "status", REAL, "--month", "2022-06", "--json"),
        ("rb", "frameworks", "--json"),
    ],
)
def test_json_is_the_same_in_both_languages(argv: tuple[str, ...]) -> None:
    assert run("--lang", "id", *argv)[1] == run("--lang", "en", *argv)[1]


def test_lke_json_is_the_same_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "lke.yaml"
    path.write_bytes(LKE.read_bytes())
    argv = ("rb", "lke", "score", str(path), "--json")
    assert run("--lang", "id", *argv)[1] == run("--lang", "en", *argv)[1]
