"""Golden case: when an unanswered request is overdue, with and without an extension.

source: UU 14/2008 Pasal 22 ayat (7) ("Paling lambat 10 (sepuluh) hari kerja sejak
diterimanya permintaan") and ayat (8) (the body may extend by at most 7 working days,
with written reasons); /work/shared/reference/kip.md. November 2025 has no national
holiday or cuti bersama, so the dates can be counted by hand: received Monday
2025-11-03, the 10th working day after it is Monday 2025-11-17, the 17th Wednesday
2025-11-26.
"""

from __future__ import annotations

import datetime as dt

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import Register, service_report

CAL = WorkCalendar.indonesia(zone="WITA")
HEADER = [
    "No",
    "Unit Kerja Tempat Mengurus Layanan Publik",
    "Jenis Layanan",
    "Nama Layanan yang diterima",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Nama Pengguna Layanan",
    "Tanggal Tanggapan",
]
ROW = ["1", "KPU Provinsi NTT", "Permohonan Informasi", "Data TPS", "3 November 2025", "Ana", ""]


def test_overdue_after_ten_working_days_without_extension() -> None:
    register = Register.from_rows([HEADER, ROW], calendar=CAL)
    report = service_report(register, CAL, as_of=dt.date(2025, 11, 20))
    assert report.overdue is not None
    (overdue,) = report.overdue
    assert (overdue.due, overdue.limit, overdue.working_days_late) == (
        dt.date(2025, 11, 17),
        10,
        3,
    )


def test_not_overdue_with_an_extension_recorded() -> None:
    header = [*HEADER, "Tanggal Perpanjangan"]
    register = Register.from_rows([header, [*ROW, "10 November 2025"]], calendar=CAL)
    assert service_report(register, CAL, as_of=dt.date(2025, 11, 20)).overdue == ()
    late = service_report(register, CAL, as_of=dt.date(2025, 11, 27)).overdue
    assert late is not None
    assert [(o.due, o.limit, o.extended_on) for o in late] == [
        (dt.date(2025, 11, 26), 17, dt.date(2025, 11, 10))
    ]


def test_extension_header_aliases() -> None:
    for name in ("Tanggal Pemberitahuan Perpanjangan", "Tgl Perpanjangan"):
        register = Register.from_rows([[*HEADER, name], [*ROW, "2025-11-10"]], calendar=CAL)
        assert register.entries[0].extended_on == dt.date(2025, 11, 10)
