"""``ppid report annual``: contract keys, formats, profile errors and exit codes."""

from __future__ import annotations

import io
import json
import shlex
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.cli._cmd_report import demo
from ppid_core.examples.requests import kpu_ntt_2024_text
from tests.cli._guide import console_lines, run_words

PROFILE = (resources.files("ppid_core.examples.requests") / "kpu_ntt_2024_profil.yaml").read_text(
    encoding="utf-8"
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    register = tmp_path / "kpu_ntt_2024.csv"
    register.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    profile = tmp_path / "profil.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    return register, profile


def test_json_contract(files: tuple[Path, Path]) -> None:
    register, profile = files
    code, text = run(
        "report", "annual", "--year", "2024", "--register", str(register),
        "--profile", str(profile), "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(text)
    assert data["year"] == 2024
    assert [list(p)[:3] for p in data["parts"]] == [["number", "title", "provided"]] * 6
    assert [(p["number"], p["provided"]) for p in data["parts"]] == [
        (1, True), (2, True), (3, True), (4, False), (5, True), (6, True),
    ]  # fmt: skip
    assert data["parts"][2]["requests"] == 37


def test_without_a_profile_four_parts_are_not_provided(files: tuple[Path, Path]) -> None:
    register, _ = files
    code, text = run("report", "annual", "--year", "2024", "--register", str(register), "--json")
    assert code == 0
    assert [p["provided"] for p in json.loads(text)["parts"]] == [
        False, False, True, False, False, False,
    ]  # fmt: skip
    code, md = run("report", "annual", "--year", "2024", "--register", str(register))
    assert code == 0
    assert md.startswith("# Laporan Layanan Informasi Publik Tahun 2024\n")
    assert md.count("Tidak disediakan") == 5  # parts 1, 2, 5, 6, and part 4 (no columns)


def test_several_registers_in_any_order(files: tuple[Path, Path], tmp_path: Path) -> None:
    register, _ = files
    other = tmp_path / "lain.csv"
    other.write_text(
        "No,Tanggal/Bulan/Tahun Mengurus Layanan\n1,2024-01-15\n2,2023-12-29\n", encoding="utf-8"
    )
    _, ab = run(
        "report", "annual", "--year", "2024", "--register", str(register), str(other), "--json"
    )
    _, ba = run(
        "report",
        "annual",
        "--year",
        "2024",
        "--register",
        str(other),
        "--register",
        str(register),
        "--json",
    )
    assert ab == ba
    data = json.loads(ab)
    assert data["parts"][2]["requests"] == 38
    assert data["parts"][2]["outside_year"] == 1
    assert "1 requests outside 2024 not counted" in data["notes"]


def test_html_by_output_name(files: tuple[Path, Path], tmp_path: Path) -> None:
    register, profile = files
    page = tmp_path / "laporan.html"
    code, text = run(
        "report", "annual", "--year", "2024", "--register", str(register),
        "--profile", str(profile), "--output", str(page),
    )  # fmt: skip
    assert (code, text) == (0, "")
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html
    assert "Ketua PPID KPU Provinsi Nusa Tenggara Timur" in html


def test_a_bad_profile_exits_1_with_every_error(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register, _ = files
    bad = tmp_path / "bad.yaml"
    bad.write_text("public_body: B\nyear: 2024\nyear: 2025\ncolour: red\n", encoding="utf-8")
    code, _ = run(
        "report", "annual", "--year", "2024", "--register", str(register), "--profile", str(bad)
    )
    assert code == 1
    err = capsys.readouterr().err
    assert f"{bad}:1:1 ($): missing required field 'ppid'" in err
    assert f"{bad}:3:1 ($.year): duplicate key 'year' (first at line 2)" in err
    assert f"{bad}:4:1 ($.colour): unknown field 'colour'" in err
    assert "Traceback" not in err


def test_a_profile_of_another_year_exits_1(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    register, profile = files
    code, _ = run(
        "report", "annual", "--year", "2023", "--register", str(register), "--profile", str(profile)
    )
    assert code == 1
    assert capsys.readouterr().err == (
        f"{profile}:10:7 ($.year): the profile is for 2024, the report for 2023; "
        "give the profile of 2023\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "20244"], "expected a year from 1900 to 2200, got '20244'"),
        (["--year", ""], "expected a year such as 2024, got ''"),
        (["--year", "2024", "--sheet", "S"], "--sheet applies to .xlsx files"),
        (["--year", "2024", "--json", "--format", "md"], "--json means --format json"),
        (["--year", "2024", "--layout", "nope"], "--layout: "),
    ],
)
def test_bad_usage_exits_2(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    register, _ = files
    code, _ = run("report", "annual", "--register", str(register), *argv)
    assert code == 2
    assert message in capsys.readouterr().err


def test_register_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("report", "annual", "--year", "2024")[0] == 2
    assert "--register" in capsys.readouterr().err


def test_demo() -> None:
    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert text.startswith("== Annual report 2024 (Perki 1/2021 Pasal 56): embedded example ==\n")
    assert "  4. Rincian penyelesaian sengketa informasi publik: not provided\n" in text
    assert "  requests received in 2024: 37\n" in text
    assert "`ppid report annual --zone NTT --year 2024 --register FILE --profile FILE`" in text


def test_a_file_named_twice_is_read_once_and_counted_once(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register, _ = files
    link = tmp_path / "tautan.csv"
    link.symlink_to(register)
    again = str(tmp_path / "." / register.name)
    code, text = run(
        "report", "annual", "--zone", "NTT", "--year", "2024",
        "--register", str(register), again, str(link), "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(text)
    assert data["parts"][2]["requests"] == 37
    assert data["notes"][0] == "kpu_ntt_2024.csv given 3 times: its requests are counted once"
    assert data["source"] == "kpu_ntt_2024.csv"
    assert capsys.readouterr().err == ""


def test_a_copy_under_another_name_is_warned_with_files_and_rows(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register, _ = files
    copy = tmp_path / "salinan.csv"
    copy.write_bytes(register.read_bytes())
    code, text = run(
        "report", "annual", "--zone", "NTT", "--year", "2024",
        "--register", str(register), str(copy), "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(text)["parts"][2]["requests"] == 74  # both counted, and said
    warning = (
        "salinan.csv rows 2-7, 9-15, 17-22, 24-30, 32-38, 40-43 repeat kpu_ntt_2024.csv rows "
        "2-7, 9-15, 17-22, 24-30, 32-38, 40-43 "
        "exactly (37 requests, every column read): both are counted; if one file copies the "
        "other, give it once"
    )
    assert json.loads(text)["warnings"] == [warning]
    assert capsys.readouterr().err == f"warning: {warning}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"No,Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan\n"
            b"1,31 Februari 2024,Budi Santoso\n2,kemarin,Ani\n",
            "{f}: row 2, column \"Tanggal/Bulan/Tahun Mengurus Layanan\": '31 Februari 2024' "
            "is not a valid date (day is out of range for month)\n"
            '{f}: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": unknown date format '
            "'K.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or "
            "'04/06/2024'\n",
        ),
        (b"", "{f}: row 1: empty file; expected a header row\n"),
        (
            b"No,\x1b\x00\xff\n",
            "{f}:1:4: a control character (0x1B): this is binary data, not CSV text\n",
        ),
    ],
    ids=["bad-dates", "empty", "binary"],
)
def test_bad_register_input_exits_1_with_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "register.csv"
    bad.write_bytes(content)
    code, out = run("report", "annual", "--zone", "NTT", "--year", "2024", "--register", str(bad))
    assert (code, out) == (1, "")
    err = capsys.readouterr().err
    assert err == message.format(f=bad.name)
    assert "Traceback" not in err
    assert "Budi" not in err


def test_help_offers_only_the_formats_it_writes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("report", "annual", "--help")[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--format {text,md,html,json}" in text
    assert "--format xlsx" not in text  # .xlsx registers are read, not written
    assert "--excel-id" not in text
    assert "--format csv" not in text
    assert (
        "--output FILE write the document to FILE instead of stdout (a name ending in .html "
        "writes the HTML page)" in text
    )


def _guide_lines() -> list[str]:
    return console_lines("ppid-year.md", "## 2. The annual report", "\n## 3.")


def test_the_guides_command_lines_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # an empty folder
    examples = str(resources.files("ppid_core.examples.requests"))
    codes = []
    for line in _guide_lines():
        if line.startswith("EX="):
            assert "files('ppid_core.examples.requests')" in line
            continue
        words = shlex.split(line.replace("$EX", examples))
        words = [  # the shell's glob: "$EX"/oversight/registers/kpu_*.csv
            w
            for word in words
            for w in (sorted(map(str, Path("/").glob(word[1:]))) if "*" in word else [word])
        ]
        codes.append(run_words(words, run))
    assert codes == [0, 0, 0, 0, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kabupaten.md",
        "laporan.html",
        "laporan.json",
    ]
    report = (tmp_path / "kabupaten.md").read_text(encoding="utf-8")
    assert "Jumlah permohonan informasi publik yang diterima: 12." in report
    assert "Belum dijawab dan melewati batas waktu per 2025-03-31" in report
    err = capsys.readouterr().err
    assert err.endswith(
        "kpu_ntt_2024_profil.yaml:10:7 ($.year): the profile is for 2024, the report for "
        "2023; give the profile of 2023\n"
    )
