"""``ppid --lang id|en`` for the request registers: ``register report``, ``register
oversight`` and ``report annual``.

The Indonesian texts are today's report wording (issue 14: ``--lang id`` prints what the
officer saw before, its notes now in Indonesian too); English is the library's default.
The annual report is an Indonesian legal document in both languages: only its notes and
warnings follow the language. JSON is the same in both.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ppid_core._i18n import set_language
from ppid_core.cli import main
from ppid_core.examples import copy_examples
from ppid_core.examples.requests import oversight as example
from ppid_core.requests._said import said

REGISTERS = str(example.example_folder())


class Terminal(io.StringIO):
    """stdout as a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str, out: io.StringIO | None = None) -> tuple[int, str]:
    stream = io.StringIO() if out is None else out
    return main(list(argv), out=stream), stream.getvalue()


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    return "register-2024.csv"


def report(lang: str, file: str, *more: str, out: io.StringIO | None = None) -> str:
    code, text = run(
        "--lang", lang, "register", "report", file, "--as-of", "2025-01-06", *more, out=out
    )
    assert code == 0
    return text


def test_register_report_in_indonesian_is_todays_report(register: str) -> None:
    lines = report("id", register).splitlines()
    assert lines[:5] == [
        "# Laporan layanan informasi publik — seluruh register",
        "",
        "Sumber: register-2024.csv; per 2025-01-06; aturan: uu_14_2008; jumlah permohonan: 37.",
        "",
        "**Permohonan per bulan**",
    ]
    for line in (
        "| Bulan | Jumlah |",
        "| Jenis Layanan | Jumlah |",
        "**Waktu tanggapan (hari kerja)**",
        "| Waktu tanggapan | tidak diketahui (tanggal tanggapan tidak dicatat) |",
        "| tidak diketahui: register tidak mencatat keputusan | tidak diketahui |",
        "**Keberatan dan sengketa**",
        "**Melewati batas waktu per 2025-01-06**",
        "| Melewati batas waktu | tidak diketahui: register tidak mencatat tanggal tanggapan |",
        "**Catatan**",
        "- register-2024.csv: dibaca dengan tata letak kpu; judul kolom: baris 1",
        "- 5 baris judul kolom berulang dilewati (baris 8, 16, 23, 31, 39)",
    ):
        assert line in lines, line
    assert lines[-1].startswith(
        '- baris 9, kolom "Unit Kerja Tempat Mengurus Layanan Publik": '
        "'Publik KPU Provinsi NTT' dibaca sebagai 'KPU Provinsi NTT': kata 'Publik' "
    )


def test_register_report_in_english(register: str) -> None:
    lines = report("en", register).splitlines()
    assert lines[:5] == [
        "# Public information service report — whole register",
        "",
        "Source: register-2024.csv; as of 2025-01-06; rules: uu_14_2008; requests: 37.",
        "",
        "**Requests per month**",
    ]
    for line in (
        "| Month | Count |",
        "| Kind of service | Count |",
        "**Response time (working days)**",
        "| Response time | unknown (response dates are not recorded) |",
        "| unknown: the register does not record the decision | unknown |",
        "**Keberatan and sengketa**",
        "| Overdue | unknown: the register does not record response dates |",
        "**Notes**",
        "- register-2024.csv: read with layout kpu; header: row 1",
    ):
        assert line in lines, line


def test_register_report_on_a_terminal_is_aligned_text(register: str) -> None:
    text = report("id", register, out=Terminal())
    assert "|" not in text
    assert "**" not in text
    lines = text.splitlines()
    assert lines[0] == "Laporan layanan informasi publik — seluruh register"
    assert lines[4:8] == ["Permohonan per bulan", "", "Bulan    Jumlah", "-------  ------"]
    assert "Catatan:" in lines
    english = report("en", register, out=Terminal()).splitlines()
    assert english[4:6] == ["Requests per month", ""]
    # asked for, Markdown is Markdown on a terminal too
    assert report("en", register, "--format", "md", out=Terminal()).startswith("# Public")


def test_register_report_json_is_the_same_in_both_languages(register: str) -> None:
    assert report("id", register, "--json") == report("en", register, "--json")


def test_register_workbook_in_indonesian(register: str, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "laporan.xlsx"
    report("id", register, "--year", "2024", "--format", "xlsx", "--output", str(target))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:2] == ["Ringkasan", "Permohonan per bulan"]
    assert [c.value for c in book["Ringkasan"][7]] == ["Jumlah permohonan", 37]


def oversee(lang: str, *more: str, out: io.StringIO | None = None) -> str:
    code, text = run(
        "--lang", lang, "register", "oversight", REGISTERS, "--on", "2024-12-31",
        "--zone", "NTT", *more, out=out,
    )  # fmt: skip
    assert code == 0
    return text


def test_oversight_in_indonesian_and_english() -> None:
    lines = oversee("id").splitlines()
    assert lines[0] == "# Pengawasan PPID Pelaksana per 2024-12-31"
    assert lines[2] == (
        "Aturan: uu_14_2008 (batas 10 hari kerja, diperpanjang 17 hari kerja); jumlah "
        "permohonan: 12; unit: 4."
    )
    assert lines[4] == "**Pengawasan PPID Pelaksana**"
    assert lines[6].startswith("| Unit | Permohonan | Dijawab | ≤ 10 hari kerja |")
    assert any(line.startswith("| Jumlah | 12 | 6 | 4 | 66.67 | 5 |") for line in lines)
    assert "tidak melapor (register kosong)" in oversee("id")
    english = oversee("en").splitlines()
    assert english[0] == "# Oversight of the PPID Pelaksana on 2024-12-31"
    assert english[2] == (
        "Rules: uu_14_2008 (limit 10 working days, extended 17 working days); requests: 12; "
        "units: 4."
    )
    assert english[6].startswith("| Unit | Requests | Answered | ≤ 10 working days |")
    assert "did not report (empty register)" in oversee("en")


def test_oversight_on_a_terminal_is_aligned_text() -> None:
    lines = oversee("id", out=Terminal()).splitlines()
    assert lines[0] == "Pengawasan PPID Pelaksana per 2024-12-31"
    assert lines[6].split()[:3] == ["Unit", "Permohonan", "Dijawab"]
    assert "|" not in "\n".join(lines[:12])


def test_oversight_json_is_the_same_in_both_languages() -> None:
    assert oversee("id", "--json", "--by", "month") == oversee("en", "--json", "--by", "month")


def annual(lang: str, file: str, *more: str) -> str:
    code, text = run(
        "--lang", lang, "report", "annual", "--year", "2024", "--register", file, file,
        "--zone", "NTT", *more,
    )  # fmt: skip
    assert code == 0
    return text


def test_annual_report_is_indonesian_in_both_with_notes_in_the_language(register: str) -> None:
    indonesian, english = annual("id", register), annual("en", register)
    assert indonesian.splitlines()[0] == english.splitlines()[0]
    notes = indonesian.split("## Catatan")[1]
    assert "- register-2024.csv diberikan 2 kali: permohonannya dihitung sekali" in notes
    assert "- register-2024.csv given 2 times: its requests are counted once" in english
    assert indonesian.split("## Catatan")[0] == english.split("## Catatan")[0]


def test_annual_report_json_is_the_same_in_both_languages(register: str) -> None:
    assert annual("id", register, "--json") == annual("en", register, "--json")


def test_help_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--lang", "id", "register", "report", "--help")[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "hanya permohonan yang diterima pada tahun ini (1900 sampai 2200;" in text
    assert "tanpa --format: teks (tabel rata) bila keluaran ke terminal" in text
    assert run("--lang", "en", "register", "oversight", "--help")[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "a unit without a register shows as 'did not report'" in text


def test_usage_errors_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--lang", "id", "register", "report", "x.csv", "--year", "20244")[0] == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.endswith("diharapkan tahun 1900 sampai 2200, diberikan '20244'")


def test_the_demo_in_indonesian() -> None:
    code, text = run("--lang", "id", "demo")
    assert code == 0
    assert "== Laporan layanan: register KPU Provinsi NTT 2024 (contoh bawaan) ==" in text
    assert "  permohonan: 37" in text
    assert "  catatan: 5 baris judul kolom berulang dilewati (baris 8, 16, 23, 31, 39)" in text
    assert "  tidak melapor (19): KPU Kabupaten Timor Tengah Selatan," in text
    assert "== Laporan tahunan 2024 (Perki 1/2021 Pasal 56): contoh bawaan ==" in text
    assert "  4. Rincian penyelesaian sengketa informasi publik: tidak disediakan" in text


# -- the notes as data: English in to_dict(), shown in the language in use --------------------


def test_a_note_is_shown_in_the_language_in_use() -> None:
    note = (
        "kpu.csv: row 3, column \"Tanggal\": '32 Juni 2024' is not a valid date (x); read as "
        "unknown"
    )
    assert said(note) == note  # English: as it is
    assert said("di luar data kalender: data ends 2027-12-31") == (
        "outside the calendar's data: its data ends on 2027-12-31"
    )
    set_language("id")
    try:
        assert said(note) == (
            "kpu.csv: row 3, column \"Tanggal\": '32 Juni 2024' bukan tanggal yang sah (x); "
            "dibaca sebagai tidak diketahui"
        )
        assert said("3 requests outside 2023 not counted") == (
            "3 permohonan di luar tahun 2023 tidak dihitung"
        )
        assert said('kpu.csv: 2 requests without a unit (rows 4, 5), counted under "X"') == (
            'kpu.csv: 2 permohonan tanpa unit (baris 4, 5), dihitung pada "X"'
        )
        assert said("di luar data kalender: data ends 2027-12-31") == (
            "di luar data kalender: datanya berakhir 2027-12-31"
        )
        assert said("a text no template knows") == "a text no template knows"
    finally:
        set_language(None)
