"""Service report over a generated 100k-row register vs a bare ``csv.reader`` read.

Goal (issue 3): the whole report — import with date parsing and validation, receipt
dates, working-day response times, overdue list, topics — within 3x of only reading the
same file with the csv module.

Run: ``.venv/bin/python benchmarks/bench_requests.py [ROWS]``
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import load_register, service_report

HEADER = [
    "No",
    "Unit Kerja Tempat Mengurus Layanan Publik",
    "Jenis Layanan",
    "Nama Layanan yang diterima",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Nama Pengguna Layanan",
    "No. HP (WA)",
    "Email",
    "Tanggal Tanggapan",
    "Keputusan",
    "Alasan Penolakan",
]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
TOPICS = [
    "Data DPT Pilkada 2024 Kabupaten {n}",
    "Hasil Perolehan Suara Pileg 2024 Dapil {n}",
    "Data Calon Bupati dan Wakil Bupati {n}",
    "Jumlah TPS se-NTT {n}",
    "Informasi terkait pendaftaran CPNS {n}",
    "Profil kantor {n}",
]
DECISIONS = ["diterima seluruhnya", "diterima sebagian", "ditolak", "tidak dikuasai", ""]


def written(d: dt.date, rng: random.Random) -> str:
    form = rng.randrange(4)
    if form == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if form == 1:
        return f"{d.day:02d}-{ABBR[d.month - 1]}-{d.year % 100:02d}"
    if form == 2:
        return d.isoformat()
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def generate(path: Path, rows: int, cal: WorkCalendar) -> None:
    rng = random.Random(2024)
    first = dt.date(2024, 1, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(1, rows + 1):
            received = dt.date.fromordinal(first + rng.randrange(700))
            answered = rng.random() < 0.9
            responded = cal.add_working_days(received, rng.randrange(0, 20)) if answered else None
            decision = rng.choice(DECISIONS) if answered else ""
            w.writerow(
                [
                    i,
                    "KPU Provinsi NTT",
                    rng.choice(["Layanan Konsultasi/ Mediasi", "Permohonan Informasi"]),
                    rng.choice(TOPICS).format(n=rng.randrange(22)),
                    written(received, rng),
                    f"Pemohon {rng.randrange(5000)}",
                    f"08{rng.randrange(10**9, 10**10)}",
                    "",
                    responded.isoformat() if responded else "",
                    decision,
                    "Pasal 17 huruf h" if decision in ("ditolak", "diterima sebagian") else "",
                ]
            )


def timed(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    cal = WorkCalendar.indonesia(zone="NTT")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        generate(path, rows, cal)

        def bare() -> None:
            with path.open(encoding="utf-8", newline="") as fh:
                for _row in csv.reader(fh):
                    pass

        def report() -> None:
            reg = load_register(path, calendar=cal)
            rep = service_report(reg, cal, year=2024, as_of=dt.date(2026, 1, 5))
            assert rep.total > 0

        # warm the calendar's batch tables once, as a long-running service would
        report()
        # interleaved, best of 9 each: the machine's other load hits both sides alike
        pairs = [(timed(bare), timed(report)) for _ in range(9)]
        t_csv = min(p[0] for p in pairs)
        t_report = min(p[1] for p in pairs)
    print(f"rows: {rows}")
    print(f"csv.reader read only : {t_csv * 1000:8.1f} ms")
    print(f"whole service report : {t_report * 1000:8.1f} ms")
    print(f"ratio                : {t_report / t_csv:8.2f}x  (goal: within 3x)")


if __name__ == "__main__":
    main()
