"""Register import: layout, page breaks, repairs, located errors, XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError
from ppid_core.requests import Column, DecisionKind, read_register


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")


HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email"
)
ROW1 = "1,KPU Provinsi NTT,Layanan Konsultasi/ Mediasi,Data DPT,4 Juni 2024,Ana,085339672120,"


def write(tmp_path: Path, *lines: str, name: str = "register.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_seed_layout(tmp_path: Path, cal: WorkCalendar) -> None:
    reg = read_register(write(tmp_path, HEADER, ROW1), calendar=cal)
    (entry,) = reg.entries
    assert entry.row == 2
    assert entry.received == dt.date(2024, 6, 4)
    assert entry.requester.phone == "085339672120"
    assert not reg.has(Column.RESPONDED)


def test_page_break_header_and_artefact(tmp_path: Path) -> None:
    split = HEADER.replace("Mengurus Layanan Publik", "Mengurus Layanan")
    row7 = ROW1.replace("1,KPU", "7,Publik KPU")
    reg = read_register(write(tmp_path, HEADER, ROW1, "", split, row7))
    assert reg.header_rows == (4,)
    assert reg.blank_rows == (3,)
    assert [e.unit for e in reg.entries] == ["KPU Provinsi NTT", "KPU Provinsi NTT"]
    (repair,) = reg.repairs
    assert (repair.row, repair.original, repair.value) == (
        5,
        "Publik KPU Provinsi NTT",
        "KPU Provinsi NTT",
    )


def test_publik_kept_without_split_header(tmp_path: Path) -> None:
    row = ROW1.replace("1,KPU", "2,Publik KPU")
    reg = read_register(write(tmp_path, HEADER, row))
    assert reg.entries[0].unit == "Publik KPU Provinsi NTT"
    assert reg.repairs == ()


def test_semicolon_csv_and_optional_columns(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Tanggapan,Keputusan,Alasan Penolakan,Catatan"
    row = ROW1 + ",10/06/2024,Ditolak,Pasal 17 huruf h,x"
    path = write(tmp_path, header.replace(",", ";"), row.replace(",", ";"))
    reg = read_register(path)
    (entry,) = reg.entries
    assert entry.responded == dt.date(2024, 6, 10)
    assert entry.decision is DecisionKind.REFUSED
    assert entry.refusal_reason == "Pasal 17 huruf h"
    assert reg.ignored_columns == ("Catatan",)


def test_missing_column(tmp_path: Path) -> None:
    header = HEADER.replace("Tanggal/Bulan/Tahun Mengurus Layanan,", "")
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, header))
    assert info.value.report() == (
        'register.csv: row 1, column "Tanggal/Bulan/Tahun Mengurus Layanan": missing column'
    )


def test_every_bad_row_reported_together(tmp_path: Path, cal: WorkCalendar) -> None:
    header = HEADER + ",Tanggal Tanggapan,Keputusan"
    lines = [
        header,
        ROW1.replace("4 Juni 2024", "June 4th") + ",,",
        ROW1.replace("4 Juni 2024", "2 Januari 2031") + ",,",
        ROW1.replace("4 Juni 2024", "03/09/24") + ",,",
        ROW1.replace(",Ana,", ",,") + ",1 Juni 2024,diterima penuh",
    ]
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, *lines), calendar=cal)
    assert str(info.value) == "register.csv: 6 errors"
    assert info.value.report().splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": unknown date '
        "format 'June 4th'; expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or "
        "'04/06/2024'",
        'register.csv: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": 2031-01-02: '
        "outside the calendar's coverage (2020-01-01 to 2027-12-31)",
        'register.csv: row 4, column "Tanggal/Bulan/Tahun Mengurus Layanan": ambiguous date '
        "'03/09/24': a numeric date needs a four-digit year (write 03/09/2024 for "
        "day/month/year, or ISO 2024-09-03)",
        'register.csv: row 5, column "Nama Pengguna Layanan": empty; a value is required',
        'register.csv: row 5, column "Tanggal Tanggapan": 2024-06-01 is before the request '
        "was received (2024-06-04)",
        "register.csv: row 5, column \"Keputusan\": unknown decision 'diterima penuh'; "
        "expected one of: belum didokumentasikan, diterima sebagian, diterima seluruhnya, "
        "ditolak, tidak dikuasai",
    ]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_register(path)
    assert info.value.report() == "empty.csv: row 1: empty file; expected a header row"


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append([1, "KPU Provinsi NTT", "Layanan Konsultasi/ Mediasi", "Data DPT",
                  dt.date(2024, 9, 3), "Fidelis", "081317161339", None])  # fmt: skip
    sheet.append([2, "KPU Provinsi NTT", "Layanan Konsultasi/ Mediasi", "Data TPS",
                  "07 Oktober 2024", "Bobby", None, "b@example.org"])  # fmt: skip
    path = tmp_path / "register.xlsx"
    book.save(path)
    reg = read_register(path)
    assert [e.received for e in reg.entries] == [dt.date(2024, 9, 3), dt.date(2024, 10, 7)]
    assert reg.entries[0].number == "1"
    assert reg.entries[1].requester.email == "b@example.org"


def test_every_optional_column_checked_after_an_error(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Tanggapan,Tanggal Keberatan,Tanggal Sengketa"
    lines = [
        header,
        # an error in a required cell, and in this row's own Tanggal Sengketa
        ROW1.replace(",Ana,", ",,") + ",,,kemarin",
        ROW1 + ",,,",
        # a later row: its Tanggal Keberatan is still read and refused
        ROW1 + ",,31 Juni 2024,",
    ]
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, *lines))
    assert info.value.report().splitlines() == [
        'register.csv: row 2, column "Nama Pengguna Layanan": empty; a value is required',
        "register.csv: row 2, column \"Tanggal Sengketa\": unknown date format 'kemarin'; "
        "expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or '04/06/2024'",
        "register.csv: row 4, column \"Tanggal Keberatan\": '31 Juni 2024' is not a valid "
        "date (day is out of range for month)",
    ]


def test_errors_found_across_chunks(tmp_path: Path) -> None:
    # the first error in row 2; a bad Tanggal Keberatan 300 rows later, in a chunk that
    # the column-wise reading hands to the row-by-row one
    header = HEADER + ",Tanggal Keberatan"
    lines = [header, ROW1.replace("4 Juni 2024", "") + ","]
    lines += [ROW1 + ","] * 300 + [ROW1 + ",2024-13-01"]
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, *lines))
    assert [line.split(":")[1] for line in info.value.report().splitlines()] == [
        ' row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan"',
        ' row 303, column "Tanggal Keberatan"',
    ]


def test_cells_beyond_the_header(tmp_path: Path) -> None:
    long_row = ROW1.replace(",Ana,085339672120,", ",Budi,085339672120,,EXTRA CELL")
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, HEADER, ROW1, long_row))
    assert info.value.report() == (
        "register.csv: row 3: 9 cells; the header has 8 (cell 9, 'EXTRA CELL', is under no column)"
    )


def test_trailing_empty_cells_ignored(tmp_path: Path) -> None:
    reg = read_register(write(tmp_path, HEADER, ROW1 + ",,,", ROW1.replace("1,", "2,", 1)))
    assert [e.number for e in reg.entries] == ["1", "2"]


def test_extension_before_receipt(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Perpanjangan"
    with pytest.raises(DataFileError) as info:
        read_register(write(tmp_path, header, ROW1 + ",1 Juni 2024"))
    assert info.value.report() == (
        'register.csv: row 2, column "Tanggal Perpanjangan": 2024-06-01 is before the '
        "request was received (2024-06-04)"
    )


def test_empty_date_and_response_before_receipt(tmp_path: Path, cal: WorkCalendar) -> None:
    path = write(
        tmp_path,
        HEADER + ",Tanggal Tanggapan",
        "1,KPU,Konsultasi,Data,,Ana,,,",
        "2,KPU,Konsultasi,Data,4 Juni 2024,Ana,,,3 Juni 2024",
    )
    with pytest.raises(DataFileError) as exc:
        read_register(path, calendar=cal)
    assert exc.value.report().splitlines() == [
        f'{path.name}: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "empty; expected a date",
        f'{path.name}: row 3, column "Tanggal Tanggapan": 2024-06-03 is before the request was '
        "received (2024-06-04)",
    ]
