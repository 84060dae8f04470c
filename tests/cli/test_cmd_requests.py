"""``ppid register report``: contract keys, formats and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.requests import kpu_ntt_2024_text


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kpu_ntt_2024.csv"
    path.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    return path


def test_json_contract(seed_csv: Path) -> None:
    code, text = run("register", "report", str(seed_csv), "--year", "2024", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["total"] == 37
    assert data["by_month"]["2024-09"] == 10
    assert data["by_month"]["2024-01"] == 0
    assert data["response_times"] is None


def test_markdown_and_csv(seed_csv: Path) -> None:
    code, md = run("register", "report", str(seed_csv), "--as-of", "2025-01-06")
    assert code == 0
    assert "| 2024-09 | 10 |" in md
    code, csv_text = run(
        "register", "report", str(seed_csv), "--format", "csv", "--as-of", "2025-01-06"
    )
    assert code == 0
    assert "total,total,37" in csv_text


def test_bad_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(kpu_ntt_2024_text().replace("4 Juni 2024", "4 Juni 2031", 1), encoding="utf-8")
    code, _ = run("register", "report", str(path))
    assert code == 1
    assert capsys.readouterr().err == (
        'bad.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": 2031-06-04: outside '
        "the calendar's coverage (2016-01-01 to 2027-12-31)\n"
    )


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("register", "report", str(tmp_path / "nope.csv"))
    assert code == 1
    assert "nope.csv" in capsys.readouterr().err


def test_bad_as_of_exits_2(seed_csv: Path) -> None:
    code, _ = run("register", "report", str(seed_csv), "--as-of", "06/01/2025")
    assert code == 2


def test_demo_reports_embedded_register() -> None:
    code, text = run("demo")
    assert code == 0
    assert "KPU Provinsi NTT register 2024" in text
    assert "requests: 37" in text


REGISTER_HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email,"
    "Tanggal Tanggapan"
)


def test_late_december_request_no_longer_fails_the_report(tmp_path: Path) -> None:
    # issue 8: a 2026 register with a request of 16 Dec failed whole (its deadline ran into
    # 2027). Received Wed 16 Dec: 17, 18, 21, 22, 23, 28, 29, 30, 31 Dec, 4 Jan 2027 (24 Dec cuti
    # bersama, 25 Dec and 1 Jan libur nasional, 5 Jan Isra Mikraj) -> due 2027-01-04.
    path = tmp_path / "r.csv"
    path.write_text(
        REGISTER_HEADER + "\n1,KPU,Permohonan,Data DPT,2026-12-16,Ana,,,\n", encoding="utf-8"
    )
    code, text = run(
        "register", "report", str(path), "--year", "2026", "--as-of", "2027-01-05", "--json"
    )
    assert code == 0
    data = json.loads(text)
    (late,) = data["overdue"]
    assert late["due"] == "2027-01-04"
    assert late["provisional"] is False
    assert data["overdue_unknown"] == []


# -- issue 9: nonsense options are usage errors (exit 2) -------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "0"], "argument --year: expected a year from 1900 to 2200, got '0'"),
        (["--year=-1"], "argument --year: expected a year from 1900 to 2200, got '-1'"),
        (["--year", "99999"], "argument --year: expected a year from 1900 to 2200, got '99999'"),
        (["--year", "2024.5"], "argument --year: expected a year such as 2024, got '2024.5'"),
        (
            ["--as-of", "9999-12-31"],
            "argument --as-of: expected a date in the years 1900 to 2200, got '9999-12-31'",
        ),
        (["--zone", ""], "argument --zone: empty; expected "),
        (["--zone", " "], "argument --zone: empty; expected "),
        (["--zone", "Mars"], "argument --zone: unknown zone 'Mars'; expected "),
        (
            ["--sheet", "2024"],
            "--sheet applies to .xlsx files; {file} is read as CSV, which has no sheets",
        ),
        (
            ["--include-hidden"],
            "--include-hidden applies to .xlsx files; {file} is read as CSV",
        ),
        (["--names", "all"], "argument --names: invalid choice: 'all' (choose from "),
    ],
)
def test_nonsense_options_exit_2(
    seed_csv: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out = run("register", "report", str(seed_csv), *argv)
    assert (code, out) == (2, "")
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith(f"ppid register report: error: {message.format(file=seed_csv)}")


def test_year_range_is_explained_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("register", "report", "--help")
    assert code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "--year YEAR only requests received in this year (1900 to 2200; a year outside is "
        "surely a typo, as registers under UU 14/2008 date from 2010"
    ) in help_text


def test_edge_years_are_accepted(seed_csv: Path) -> None:
    code, text = run("register", "report", str(seed_csv), "--year", "1900", "--json")
    assert code == 0
    assert json.loads(text)["total"] == 0


def test_sheet_option_reads_the_named_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    book = openpyxl.Workbook()
    book.active.title = "Kosong"
    sheet = book.create_sheet("2024")
    for row in csv.reader(io.StringIO(kpu_ntt_2024_text())):
        sheet.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)
    code, text = run("register", "report", str(path), "--sheet", "2024", "--json")
    assert code == 0
    data = json.loads(text)
    assert (data["source"], data["total"]) == ('register.xlsx, sheet "2024"', 37)


def test_unknown_sheet_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "2024"
    path = tmp_path / "register.xlsx"
    book.save(path)
    code, _ = run("register", "report", str(path), "--sheet", "2025")
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "ppid register report: error: --sheet: no sheet '2025' in register.xlsx; sheets: 2024"
    )


def test_csv_report_neutralises_formulas(tmp_path: Path) -> None:
    # issue 9: every CSV export wrote cells starting with = + - @ unchanged
    path = tmp_path / "r.csv"
    path.write_text(
        REGISTER_HEADER + '\n1,"=HYPERLINK(""http://x"")",Permohonan,Data DPT,2025-06-02,Ana,,,\n',
        encoding="utf-8",
    )
    code, text = run("register", "report", str(path), "--format", "csv", "--as-of", "2025-06-03")
    assert code == 0
    assert 'Requests per unit,"\'=HYPERLINK(""http://x"")",1' in text.splitlines()


# -- issue 10: the files offices have --------------------------------------------------------

EPPID = (
    "nomer_registrasi,tanggal_permohonan,nama_pengguna,opd_yang_dituju,"
    "informasi_yang_dibutuhkan,status\n"
    "R-1,2024-06-30 17:30:00,Ana,Dinas PU,Data jembatan,disetujui\n"
)


@pytest.fixture
def eppid_csv(tmp_path: Path) -> Path:
    path = tmp_path / "eppid.csv"
    path.write_text(EPPID, encoding="utf-8")
    return path


def test_the_report_says_how_the_file_was_read(
    eppid_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run("register", "report", str(eppid_csv), "--source-zone", "UTC", "--json")
    assert code == 0
    data = json.loads(text)
    (read,) = data["provenance"]
    assert (read["layout"], read["header"], read["columns"]["received"]) == (
        "e-ppid",
        "row 1",
        "tanggal_permohonan",
    )
    # 17:30 UTC on 30 June is 00:30 on 1 July in Jakarta (the default zone)
    assert data["by_month"] == {"2024-07": 1}
    # an optional cell that cannot be read: a warning on stderr, counted unknown, exit 0
    warning = (
        "warning: eppid.csv: row 2, column \"status\": unknown decision 'D.' (masked); "
        "expected a word of the decision table, e.g. diterima seluruhnya, diterima sebagian, "
        "ditolak, tidak dikuasai, belum didokumentasikan, or selesai (answered, decision not "
        "stated); read as unknown\n"
    )
    assert capsys.readouterr().err == warning
    assert data["warnings"] == [warning.removeprefix("warning: ").rstrip("\n")]
    assert data["decisions"] == {"tidak terbaca": 1}


def test_decisions_file_adds_words(eppid_csv: Path, tmp_path: Path) -> None:
    words = tmp_path / "keputusan.yaml"
    words.write_text("decisions:\n  granted: [Disetujui]\n", encoding="utf-8")
    code, text = run("register", "report", str(eppid_csv), "--decisions", str(words), "--json")
    assert code == 0
    assert json.loads(text)["decisions"] == {"diterima seluruhnya": 1}


def test_map_and_layout_options(tmp_path: Path) -> None:
    path = tmp_path / "buku.csv"
    path.write_text("Bidang;Tgl Masuk;Perihal\nUmum;4 Juni 2024;Data DPT\n", encoding="utf-8")
    code, text = run(
        "register", "report", str(path), "--map", "TGL MASUK=received", "--map",
        "Perihal=information", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(text)
    assert (data["total"], data["by_unit"], data["by_topic"]) == (
        1,
        None,
        {"Data dan statistik": 1},
    )
    layout = tmp_path / "kantor.yaml"
    layout.write_text("fields:\n  received: [Tgl Masuk]\n  unit: [Bidang]\n", encoding="utf-8")
    code, text = run("register", "report", str(path), "--layout", str(layout), "--json")
    assert code == 0
    assert json.loads(text)["by_unit"] == {"Umum": 1}
    assert json.loads(text)["provenance"][0]["layout"] == "kantor"


def test_several_files_are_one_register(seed_csv: Path, eppid_csv: Path) -> None:
    code, text = run("register", "report", str(seed_csv), str(eppid_csv), "--json")
    assert code == 0
    data = json.loads(text)
    assert data["total"] == 38
    assert [p["layout"] for p in data["provenance"]] == ["kpu", "e-ppid"]
    assert data["by_service"] is None  # the export has no kind of service: unknown for both


def test_topics_option(seed_csv: Path, tmp_path: Path) -> None:
    code, text = run("register", "report", str(seed_csv), "--topics", "kpu", "--json")
    assert code == 0
    assert json.loads(text)["by_topic"]["Daftar pemilih"] > 0
    table = tmp_path / "topik.yaml"
    table.write_text("other: Lain\ntopics:\n  - {name: DPT, keywords: [dpt]}\n", encoding="utf-8")
    code, text = run("register", "report", str(seed_csv), "--topics", str(table), "--json")
    assert code == 0
    assert set(json.loads(text)["by_topic"]) == {"DPT", "Lain"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--map", "Tgl Masuk=tanggal"],
            "argument --map: unknown field 'tanggal' in 'Tgl Masuk=tanggal'; expected "
            "COLUMN=FIELD with FIELD one of: number, received, unit, service, information, "
            "requester, phone, email, responded, extended, decision, refusal_reason, keberatan, "
            "sengketa",
        ),
        (
            ["--map", "Tgl Masuk"],
            "argument --map: expected COLUMN=FIELD (e.g. 'Tgl Masuk=received'), got 'Tgl Masuk'",
        ),
        (
            ["--map", "Tgl Masuk=received"],
            'kpu_ntt_2024.csv: --map "Tgl Masuk": no such column in the header (row 1); its '
            'columns: "No", "Unit Kerja Tempat Mengurus Layanan Publik", "Jenis Layanan", '
            '"Nama Layanan yang diterima", "Tanggal/Bulan/Tahun Mengurus Layanan", "Nama '
            'Pengguna Layanan", "No. HP (WA)", "Email"',
        ),
        (
            ["--layout", "kpu-ntt"],
            "--layout: unknown layout 'kpu-ntt': neither a bundled layout (kpu, "
            "komisi-informasi, e-ppid) nor a file",
        ),
        (
            ["--topics", "pemilu"],
            "--topics: unknown topic table 'pemilu': neither a bundled table (kpu, umum) nor a "
            "file",
        ),
        (["--source-zone", ""], "argument --source-zone: empty; expected UTC, an offset such "),
        (["--source-zone", "Mars"], "argument --source-zone: unknown zone 'Mars'; expected "),
    ],
)
def test_reading_options_misused_exit_2(
    seed_csv: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out = run("register", "report", str(seed_csv), *argv)
    assert (code, out) == (2, "")
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith(f"ppid register report: error: {message}")


def test_a_bad_layout_file_exits_1(
    seed_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = tmp_path / "kantor.yaml"
    layout.write_text("fields:\n  tanggal: [Tgl]\n", encoding="utf-8")
    code, _ = run("register", "report", str(seed_csv), "--layout", str(layout))
    assert code == 1
    assert capsys.readouterr().err.startswith(
        f"{layout}:2:3 ($.fields.tanggal): unknown field 'tanggal'; expected one of: "
    )
