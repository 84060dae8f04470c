"""``ppid register oversight``: contract keys, formats, exit codes and exact messages."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.requests.oversight import example_folder, units_file

HEAD = "No,Unit Kerja Tempat Mengurus Layanan Publik,Tanggal/Bulan/Tahun Mengurus Layanan"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "registers"
    shutil.copytree(example_folder(), target)
    return target


def test_json_contract(folder: Path) -> None:
    code, text = run(
        "register", "oversight", str(folder), "--on", "2024-12-31", "--zone", "NTT", "--json"
    )
    assert code == 0
    data = json.loads(text)
    assert data["total"] == 12
    assert [(u["unit"], u["requests"]) for u in data["units"]] == [
        ("KPU Kabupaten Alor", 3),
        ("KPU Kabupaten Kupang", 5),
        ("kpu_kabupaten_lembata", 0),
        ("KPU Kota Kupang", 4),
    ]
    assert data["all_units"]["overdue"] == 2
    assert data["months"] is None


def test_units_file_lists_the_silent_units(folder: Path) -> None:
    code, text = run(
        "register",
        "oversight",
        str(folder),
        "--on",
        "2024-12-31",
        "--units",
        str(units_file()),
        "--json",
    )
    assert code == 0
    data = json.loads(text)
    assert len(data["units"]) == 22
    assert len(data["not_reported"]) == 19
    assert "KPU Kabupaten Lembata" in data["not_reported"]


def test_monthly_csv_and_markdown(folder: Path) -> None:
    code, csv_text = run(
        "register",
        "oversight",
        str(folder),
        "--on",
        "2024-12-31",
        "--by",
        "month",
        "--year",
        "2024",
        "--format",
        "csv",
    )
    assert code == 0
    lines = csv_text.splitlines()
    assert lines[0].startswith("Month,Unit,Requests,Answered,")
    assert "2024-10,KPU Kabupaten Kupang,3,3,2,66.67,3,100.00,0,0,10.0," in lines
    assert len(lines) == 1 + 12 * 4
    code, md = run("register", "oversight", str(folder), "--on", "2024-12-31")
    assert code == 0
    assert "| All units | 12 | 6 | 4 | 66.67 | 5 | 83.33 | 2 | 0 | 7.5 |" in md


def test_xlsx_needs_output(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    code, _ = run("register", "oversight", str(folder), "--format", "xlsx")
    assert code == 2
    assert (
        "--format xlsx writes a workbook: name it with --output FILE.xlsx"
        in capsys.readouterr().err
    )
    target = tmp_path / "pengawasan.xlsx"
    code, _ = run(
        "register",
        "oversight",
        str(folder),
        "--on",
        "2024-12-31",
        "--format",
        "xlsx",
        "--output",
        str(target),
    )
    assert code == 0
    assert target.read_bytes()[:2] == b"PK"


def test_folder_without_registers_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "catatan.txt").write_text("-", "utf-8")
    code, out = run("register", "oversight", str(tmp_path))
    assert (code, out) == (1, "")
    assert capsys.readouterr().err == (
        f"{tmp_path}: no register file in this folder; expected .csv, .xlsx or .xlsm files, "
        "one per unit\n"
    )


def test_every_files_errors_at_once(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "kpu_kabupaten_ende.csv").write_text(
        f"{HEAD}\n1,KPU Kabupaten Ende,32 Juni 2024\n2,KPU Kabupaten Ende,Budi Santoso\n", "utf-8"
    )
    (folder / "kpu_kabupaten_sikka.csv").write_bytes(b"No,Tanggal\n1,\x00\n")
    code, out = run("register", "oversight", str(folder), str(folder / "tidak_ada.csv"))
    assert (code, out) == (1, "")
    assert capsys.readouterr().err.splitlines() == [
        'kpu_kabupaten_ende.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "'32 Juni 2024' is not a valid date (day is out of range for month)",
        'kpu_kabupaten_ende.csv: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "unknown date format 'B. S.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'",
        "kpu_kabupaten_sikka.csv:2:3: a NUL byte: this is binary data, not CSV text",
        f"{folder / 'tidak_ada.csv'}: cannot be read: No such file or directory",
    ]


def test_bad_units_file_exits_1(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = tmp_path / "units.yaml"
    units.write_text("- KPU Kota Kupang\n- KPU KOTA KUPANG\n", "utf-8")
    code, _ = run("register", "oversight", str(folder), "--units", str(units))
    assert code == 1
    assert capsys.readouterr().err == (
        f"{units}:2:3 ($[1]): unit 'KPU KOTA KUPANG' is listed twice (first at $[0]: "
        "'KPU Kota Kupang'); list it once\n"
    )


def test_bad_zone_map_exits_1(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zones = tmp_path / "zones.yaml"
    zones.write_text("kpu_kota_kupang.csv: Tokyo\n", "utf-8")
    code, _ = run("register", "oversight", str(folder), "--zone-map", str(zones))
    assert code == 1
    assert capsys.readouterr().err == (
        f"{zones}:1:22 ($.kpu_kota_kupang.csv): unknown zone 'Tokyo'; expected an Indonesian "
        "IANA zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, "
        "WIT or a province name\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--by", "week"], "argument --by: invalid choice: 'week' (choose from 'year', 'month')"),
        (
            ["--on", "2024-13-01"],
            "argument --on: expected an ISO date (2025-01-06), got '2024-13-01'",
        ),
        (
            ["--json", "--format", "csv"],
            "--json means --format json; it cannot be combined with --format csv",
        ),
    ],
)
def test_bad_usage_exits_2(
    folder: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("register", "oversight", str(folder), *argv)
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(message)


def test_unknown_sheet_is_usage(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("register", "oversight", str(folder), "--sheet", "2024")
    assert code == 2
    assert (
        "--sheet: kpu_kabupaten_alor.csv: sheet '2024' asked for, but a CSV file has no sheets"
        in (capsys.readouterr().err)
    )


def test_no_personal_data_in_the_output(folder: Path) -> None:
    code, md = run("register", "oversight", str(folder), "--on", "2024-12-31")
    assert code == 0
    assert "A. B." not in md
    assert "1001" not in md


def test_register_warnings_on_stderr_and_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "prov.csv").write_text(
        f"{HEAD},Tanggal Tanggapan\n1,KPU Kab. Alor,5 September 2024,1 September 2024\n", "utf-8"
    )
    code, out = run("register", "oversight", str(tmp_path), "--on", "2024-12-31", "--json")
    warning = (
        'prov.csv: row 2, column "Tanggal Tanggapan": 2024-09-01 is before the request was '
        "received (2024-09-05); read as unknown"
    )
    assert code == 0
    assert json.loads(out)["warnings"] == [warning]
    assert capsys.readouterr().err == f"warning: {warning}\n"


def test_an_excel_lock_file_is_skipped_with_a_note(folder: Path) -> None:
    (folder / "~$kpu_kota_kupang.xlsx").write_bytes(b"\x00lock")
    code, out = run("register", "oversight", str(folder), "--on", "2024-12-31", "--zone", "NTT")
    assert code == 0
    assert (
        "- registers: not read (hidden files, or Excel lock files ~$...): ~$kpu_kota_kupang.xlsx"
        in out
    )


def test_zone_map_example_keeps_each_units_zone() -> None:
    from ppid_core.examples.requests.oversight import zone_map_file, zoned_folder

    code, out = run(
        "register", "oversight", str(zoned_folder()), "--zone", "NTT", "--on", "2024-12-31",
        "--source-zone", "UTC", "--zone-map", str(zone_map_file()), "--json",
    )  # fmt: skip
    assert code == 0
    units = {u["unit"]: (u["zones"], u["median_days"]) for u in json.loads(out)["units"]}
    assert units == {
        "KPU Provinsi DKI Jakarta": (["Asia/Jakarta"], 10),
        "KPU Provinsi Nusa Tenggara Timur": (["Asia/Makassar"], 9.5),
        "KPU Provinsi Papua": (["Asia/Jayapura"], 9.5),
    }
