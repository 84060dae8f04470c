"""Golden cases: registers as offices and their apps build them (issue 10).

Each file is built the way an office builds it — the workbooks written with openpyxl in
the test: a merged title above the header, a header over two rows with merged group cells,
date and datetime cells; CSV exports as an app or an Indonesian Excel writes them — and
must give the same report as the same requests in the KPU layout (the seed's), or the
figures worked out by hand below.

source: ../shared/seeds/000_9f58199ed1254750.txt (the KPU Provinsi NTT register, 37 requests,
embedded as ppid_core/examples/requests/kpu_ntt_2024.csv); Perki 1/2010 Lampiran (the Komisi
Informasi register template, ../shared/reference/monev.md §5); e-PPID exports as their apps
name the columns (requests/data/layouts/e-ppid.yaml). Requests other than the seed's are
invented for the case and say so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.examples.requests import kpu_ntt_2024_text, load_kpu_ntt_2024
from ppid_core.requests import (
    DecisionKind,
    Register,
    Unstated,
    load_register,
    parse_register_date,
    service_report,
)

openpyxl = pytest.importorskip("openpyxl")

NTT = WorkCalendar.indonesia(zone="NTT")  # WITA, as KPU Provinsi NTT in Kupang
WIB = WorkCalendar.indonesia(zone="WIB")
AS_OF = dt.date(2025, 1, 6)


def figures(register: Register, calendar: WorkCalendar = NTT) -> dict[str, Any]:
    """The report's figures, without what names the file (source, notes, provenance)."""
    data = service_report(register, calendar, year=2024, as_of=AS_OF).to_dict()
    for key in ("source", "notes", "provenance", "warnings"):
        data.pop(key)
    return data


def seed_rows() -> list[list[str]]:
    """The seed's rows below its header (headers repeated at page breaks included)."""
    return list(csv.reader(io.StringIO(kpu_ntt_2024_text())))[1:]


SEED = load_kpu_ntt_2024(NTT)
HEADER = next(csv.reader(io.StringIO(kpu_ntt_2024_text())))


def workbook_bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_kpu_register_as_a_workbook_with_a_merged_title_and_date_cells() -> None:
    # the office's workbook: a merged title over the table, a blank row, the header in row 3,
    # receipt dates as date cells (one with a time of day, as a datetime cell)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet["A1"] = "PERMINTAAN INFORMASI PUBLIK YANG DITERIMA TAHUN 2024"
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(HEADER)
    for row in seed_rows():
        cells: list[object] = list(row)
        if row and row[0].isdigit():
            day = parse_register_date(row[4])
            # invented: the first request's time of day, 09:15 in Kupang, in office hours
            first = row[0] == "1"
            cells[4] = dt.datetime.combine(day, dt.time(9, 15)) if first else day
            cells[0] = int(row[0])
        sheet.append(cells)
    reg = load_register(workbook_bytes(book), source="kpu-ntt-2024.xlsx", calendar=NTT)
    assert (reg.header_row, reg.layout, len(reg)) == ("row 3", "kpu", 37)
    assert reg.received_times[0] == dt.time(9, 15)
    assert reg.notes == ("row above the header not read (a title, notes): 1",)
    assert figures(reg) == figures(SEED)


def test_a_two_row_header_with_merged_group_cells() -> None:
    # "Tanggal" merged over its two sub-columns "Tanggapan" and "Perpanjangan": the joined
    # names "Tanggal / Tanggapan" fold to the KPU names "Tanggal Tanggapan", ...
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "REGISTER PERMOHONAN INFORMASI PUBLIK KPU PROVINSI NTT"
    sheet.merge_cells("A1:J1")
    for j, (top, sub) in enumerate(
        zip([*HEADER, "Tanggal", None], [None] * len(HEADER) + ["Tanggapan", "Perpanjangan"],
            strict=True),
        start=1,
    ):  # fmt: skip
        sheet.cell(row=3, column=j, value=top)
        sheet.cell(row=4, column=j, value=sub)
    for column in "ABCDEFGH":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("I3:J3")
    for row in seed_rows():
        if not (row and row[0].isdigit()):  # a header repeated at a page break: as written
            sheet.append(row)
            continue
        day = parse_register_date(row[4])
        # invented: every request answered 5 days after receipt, none extended
        sheet.append([*row[:4], day, *row[5:], day + dt.timedelta(days=5), None])
    reg = load_register(workbook_bytes(book), source="r.xlsx", calendar=NTT)
    assert reg.header_row == "rows 3-4 (two header rows joined)"
    assert reg.column_names[-2:] == (
        ("responded", "Tanggal / Tanggapan"),
        ("extended", "Tanggal / Perpanjangan"),
    )
    assert figures(reg)["by_month"] == figures(SEED)["by_month"]
    assert figures(reg)["response_times"]["recorded"] == 37


def test_upper_case_headers_give_the_seeds_report() -> None:
    # the header in capitals; the headers repeated at page breaks below keep the seed's case
    first, rest = kpu_ntt_2024_text().split("\n", 1)
    upper = load_register(first.upper().encode() + b"\n" + rest.encode(), calendar=NTT)
    assert upper.column("received") == "TANGGAL/BULAN/TAHUN MENGURUS LAYANAN"
    assert upper.header_rows == SEED.header_rows
    assert figures(upper) == figures(SEED)


def test_an_indonesian_excel_csv_gives_the_seeds_report() -> None:
    # Excel on an Indonesian Windows saves "CSV": cp1252, ";" between cells, CRLF, a title
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")  # quotes a cell with ";"
    # the title's dash is byte 0x96 in cp1252, which is not UTF-8
    writer.writerow(["PERMINTAAN INFORMASI PUBLIK \u2013 KPU PROVINSI NTT 2024", *[""] * 7])
    writer.writerows([HEADER, *seed_rows()])
    data = out.getvalue().encode("cp1252")
    reg = load_register(data, source="register.csv", calendar=NTT)
    assert reg.encoding == "cp1252"
    assert figures(reg) == figures(SEED)


# -- the Komisi Informasi template (Perki 1/2010 Lampiran) ------------------------------

KI_TOP = ["No", "Tgl", "Nama", "Alamat", "Nomor Kontak", "Pekerjaan", "Informasi Yang Diminta",
          "Tujuan Penggunaan", "Status Informasi", None, "Bentuk Informasi Yang Dikuasai", None,
          "Jenis Permohonan", None, "Keputusan", "Alasan Penolakan", "Hari dan Tanggal", None,
          "Biaya & Cara Pembayaran", None]  # fmt: skip
KI_SUB = [None] * 8 + ["Ya", "Tdk", "Soft copy", "Hard copy", "Melihat/Mengetahui",
                       "Meminta Salinan", None, None, "Pemberitahuan Tertulis",
                       "Pemberian Informasi", "Biaya", "Cara"]  # fmt: skip


def ki_workbook(rows: Sequence[Sequence[object]]) -> bytes:
    """The template as an office fills it: title, two header rows, column numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet["A1"] = "REGISTER PERMOHONAN INFORMASI PUBLIK"
    sheet.merge_cells("A1:T1")
    sheet["A2"] = "PPID KPU KABUPATEN CONTOH, TAHUN 2024"
    sheet.merge_cells("A2:T2")
    for j, (top, sub) in enumerate(zip(KI_TOP, KI_SUB, strict=True), start=1):
        sheet.cell(row=4, column=j, value=top)
        sheet.cell(row=5, column=j, value=sub)
    for column in "ABCDEFGHOP":
        sheet.merge_cells(f"{column}4:{column}5")
    for first, last in (("I", "J"), ("K", "L"), ("M", "N"), ("Q", "R"), ("S", "T")):
        sheet.merge_cells(f"{first}4:{last}4")
    for j in range(1, 21):
        sheet.cell(row=6, column=j, value=j)
    for row in rows:
        sheet.append(list(row))
    return workbook_bytes(book)


# invented requests; V marks the ticked column of each pair, as the template asks
KI_ROWS = [
    [1, dt.date(2024, 6, 3), "Ana Lado", "Kupang", "081200001111", "Mahasiswa",
     "Data DPT Pilkada 2024", "Penelitian", "V", None, "V", None, None, "V", "Diterima",
     None, "Senin, 10 Juni 2024", "Selasa, 11 Juni 2024", "-", "-"],
    [2, dt.datetime(2024, 6, 4, 10, 0), "Budi Kolo", "Soe", "081200002222", "Wartawan",  # noqa: DTZ001
     "Salinan SK penetapan calon", "Pemberitaan", "V", None, None, "V", None, "V",
     "Ditolak", "Pasal 17 huruf h", "Selasa, 11 Juni 2024", None, None, None],
    [3, "Rabu, 5 Juni 2024", "Citra", "Kupang", None, "Swasta", "Profil kantor", "Pribadi",
     "V", None, "V", None, "V", None, "Selesai", None, None, None, None, None],
]  # fmt: skip


def test_the_komisi_informasi_template() -> None:
    reg = load_register(ki_workbook(KI_ROWS), source="ki.xlsx", calendar=NTT)
    assert (reg.layout, reg.header_row, reg.rows) == (
        "komisi-informasi",
        "rows 4-5 (two header rows joined)",
        (7, 8, 9),
    )
    assert reg.decisions == (DecisionKind.GRANTED, DecisionKind.REFUSED, Unstated.HANDLED)
    assert reg.responded == (dt.date(2024, 6, 10), dt.date(2024, 6, 11), None)
    data = service_report(reg, NTT, as_of=dt.date(2024, 7, 1)).to_dict()
    assert (data["total"], data["by_month"]) == (3, {"2024-06": 3})
    # the template records no unit and no kind of service: unknown, never zero
    assert (data["by_unit"], data["by_service"], data["keberatan"], data["sengketa"]) == (
        None,
        None,
        None,
        None,
    )
    assert data["decisions"] == {
        "diterima seluruhnya": 1,
        "ditolak": 1,
        "dijawab, keputusan tidak disebut": 1,
    }
    # Mon 3 June -> Mon 10 June: 4, 5, 6, 7, 10 June; Tue 4 June 10:00 -> Tue 11 June:
    # 5, 6, 7, 10, 11 June (17-18 June, Idul Adha and its cuti bersama, come later)
    assert data["response_times"] == {
        "recorded": 2,
        "missing": 1,
        "mean": 5.0,
        "median": 5.0,
        "max": 5,
        "within_10_percent": 100.0,
        "within_17_percent": 100.0,
    }
    # the third request, received Wed 5 June with no notice: due 10 working days later,
    # 6, 7, 10, 11, 12, 13, 14, 19, 20, 21 June (17-18 June not working): 2024-06-21
    (late,) = data["overdue"]
    assert (late["number"], late["due"], late["requester"]) == ("3", "2024-06-21", "C.")
    (provenance,) = data["provenance"]
    assert provenance["header"] == "rows 4-5 (two header rows joined)"
    assert provenance["columns"]["responded"] == "Hari dan Tanggal / Pemberitahuan Tertulis"


# -- an e-PPID export: UTC timestamps ---------------------------------------------------

EPPID = """\
id,nomer_registrasi,tanggal_permohonan,nama_pengguna,opd_yang_dituju,informasi_yang_dibutuhkan,status
11,REG/2024/001,2024-06-03 02:15:00,Ana,Dinas Kominfo,Data APBD 2024,selesai
12,REG/2024/002,2024-06-03 17:30:00,Budi,Dinas PU,Salinan kontrak jalan,ditolak
13,REG/2024/003,2024-06-04 08:00:00,Citra,Dinas PU,Data jembatan,diproses
"""  # invented requests, with timestamps as the app stored them, in UTC


def test_an_e_ppid_export_with_utc_timestamps() -> None:
    reg = load_register(EPPID.encode(), source="eppid.csv", calendar=WIB, source_zone="UTC")
    assert (reg.layout, reg.numbers) == ("e-ppid", ("REG/2024/001", "REG/2024/002",
                                                    "REG/2024/003"))  # fmt: skip
    # 02:15 UTC is 09:15 WIB the same day; 17:30 UTC on 3 June is 00:30 WIB on 4 June
    assert reg.received == (dt.date(2024, 6, 3), dt.date(2024, 6, 4), dt.date(2024, 6, 4))
    assert reg.received_times == (dt.time(9, 15), dt.time(0, 30), dt.time(15, 0))
    assert reg.decisions == (Unstated.HANDLED, DecisionKind.REFUSED, Unstated.PENDING)
    assert reg.ignored_columns == ("id",)
    assert reg.notes[-1] == (
        "times written with a zone or stored as UTC were moved to the office's zone "
        "(Asia/Jakarta) before their date was taken"
    )
    # read in the office's own zone instead, the late-evening request stays on 3 June
    naive = load_register(EPPID.encode(), source="eppid.csv", calendar=WIB)
    assert naive.received[1] == dt.date(2024, 6, 3)
    data = service_report(reg, WIB, as_of=dt.date(2024, 7, 1)).to_dict()
    assert data["by_unit"] == {"Dinas PU": 2, "Dinas Kominfo": 1}
    assert data["decisions"] == {
        "dijawab, keputusan tidak disebut": 1,
        "ditolak": 1,
        "dalam proses": 1,
    }
    assert data["response_times"] is None  # the export has no response column: unknown
    assert data["overdue"] is None
