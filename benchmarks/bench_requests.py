"""Service report over a generated register: against a bare ``csv.reader``, and against today's.

Goal (issue 3): the whole report — import with date parsing and validation, receipt
dates, working-day response times, overdue list, topics — within 3x of only reading the
same file with the csv module (``main``, 100k rows by default).

Goal (issue 10): header detection and column mapping cost no more than 10%. ``compare``
times today's register reader against the new one, each in a process of its own, on
registers of 100k and 1M rows in the KPU layout:

- today: the register modules at a git revision (``--baseline``, default HEAD) over the
  rest of the working tree, so that only the register reader differs; the file with its
  header in row 1;
- new, same file: this tree, no option;
- new, detection and mapping on: a copy of the file with a title row and a blank row above
  the header, the header in capitals, and the information column renamed ``PERIHAL`` and
  chosen with ``columns={"Perihal": "information"}`` (``--map Perihal=information``).

The contenders run in turn within each round (interleaved, the first rotating); each ratio
is the median of the per-round ratios, with their range. Every contender must give the
same total and months.

Run: ``.venv/bin/python benchmarks/bench_requests.py [ROWS]`` or
``.venv/bin/python benchmarks/bench_requests.py compare [--baseline REV]
[--sizes 100000,1000000] [--rounds 9,3]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from _timing import (
    Runs,
    Worker,
    baseline_src,
    compare_args,
    interleaved,
    interleaved_workers,
    print_vs_first,
)
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


ROUNDS = 9  # interleaved rounds of the main comparison


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

        # the shared harness: one warm-up each (the calendar's batch tables, as a
        # long-running service would have them), then rounds run in turn, first rotating
        times = interleaved({"csv.reader": bare, "report": report}, rounds=ROUNDS)
    ratios = sorted(r / b for r, b in zip(times["report"], times["csv.reader"], strict=True))
    print(f"rows: {rows}, {ROUNDS} interleaved rounds, load average {os.getloadavg()[0]:.1f}")
    for name, label in (("csv.reader", "csv.reader read only"), ("report", "whole service report")):
        runs = times[name]
        print(
            f"{label:<21}: {statistics.median(runs) * 1000:8.1f} ms median "
            f"(range {min(runs) * 1000:.1f}-{max(runs) * 1000:.1f})"
        )
    print(
        f"ratio, per round     : {statistics.median(ratios):8.2f}x median (range "
        f"{ratios[0]:.2f}-{ratios[-1]:.2f}x; goal: within 3x)"
    )


# -- compare: today's register reader (a git revision) vs this one, interleaved --------------

#: The files of the register reader and report that issue 10 changed, taken from the
#: baseline revision over the working tree ("today's path").
READER_FILES = [
    "src/ppid_core/_textio.py",
    "src/ppid_core/requests/_register.py",
    "src/ppid_core/requests/_register_columns.py",
    "src/ppid_core/requests/_register_csv.py",
    "src/ppid_core/requests/_register_layout.py",
    "src/ppid_core/requests/_register_model.py",
    "src/ppid_core/requests/_register_rows.py",
    "src/ppid_core/requests/_register_xlsx.py",
    "src/ppid_core/requests/_overdue.py",
    "src/ppid_core/requests/_service_figures.py",
    "src/ppid_core/requests/_service_report.py",
]
#: Names the package exports today that the baseline's register modules do not have.
NEW_NAMES = ("Provenance", "UnreadCell")

# A worker reads what it is told, in a process whose ppid_core is the one on its path.
WORKER = """
import datetime as dt, json, sys, time
sys.path.insert(0, sys.argv[1])
from ppid_core.calendar import WorkCalendar
from ppid_core.requests import load_register, service_report
cal = WorkCalendar.indonesia(zone="NTT")
for line in sys.stdin:
    path, options = json.loads(line)
    t0, c0 = time.perf_counter(), time.process_time()
    reg = load_register(path, calendar=cal, **options)
    rep = service_report(reg, cal, year=2024, as_of=dt.date(2026, 1, 5))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps([wall, cpu, rep.total, rep.by_month]), flush=True)
"""


def _today(folder: Path, here: Path, baseline: str) -> Path:
    """The working tree's ``src`` with the register reader as it is at ``baseline``."""
    src = baseline_src(folder, here, baseline, READER_FILES)
    init = src / "ppid_core" / "requests" / "__init__.py"
    lines = init.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [ln for ln in lines if ln.strip().strip('",') not in NEW_NAMES]
    init.write_text("".join(kept), encoding="utf-8")
    return src


def _files(folder: Path, n: int, cal: WorkCalendar) -> tuple[Path, Path]:
    """The register with its header in row 1, and as an office lays it out."""
    plain = folder / f"register-{n}.csv"
    generate(plain, n, cal)
    header, body = plain.read_text(encoding="utf-8").split("\n", 1)
    titled = folder / f"titled-{n}.csv"
    office = header.upper().replace("NAMA LAYANAN YANG DITERIMA", "PERIHAL")
    titled.write_text(
        f"REGISTER PERMOHONAN INFORMASI PUBLIK 2024{',' * 10}\n{',' * 10}\n{office}\n{body}",
        encoding="utf-8",
    )
    return plain, titled


def compare(argv: list[str]) -> None:
    """Time today's register reader (``--baseline REV``) against this one, interleaved."""
    baseline, sizes, rounds = compare_args("bench_requests.py", argv, rounds="9,3")
    here = Path(__file__).resolve().parent.parent
    cal = WorkCalendar.indonesia(zone="NTT")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        today = Worker(WORKER, _today(folder, here, baseline))
        new = Worker(WORKER, here / "src")
        warm, _ = _files(folder, 2_000, cal)  # the calendar's batch tables, once per process
        today.run(str(warm), {})
        new.run(str(warm), {})
        print(
            f"register import + service report, today ({baseline}) vs detection and "
            f"mapping on; Python {sys.version.split()[0]}"
        )
        try:
            for n, count in zip(sizes, rounds, strict=True):
                plain, titled = _files(folder, n, cal)
                runs: Runs = {
                    "today: header in row 1": (today, plain, {}),
                    "new: same file": (new, plain, {}),
                    "new: title rows, capitals, --map": (
                        new,
                        titled,
                        {"columns": {"Perihal": "information"}},
                    ),
                }
                walls, cpus, results = interleaved_workers(runs, count)
                figures = {json.dumps(result) for result in results}
                assert len(figures) == 1, figures
                print(f"{n:,} rows, {count} rounds:")
                print_vs_first(walls, cpus, width=7)
        finally:
            today.close()
            new.close()


def _cli(argv: list[str]) -> None:
    """``bench_requests.py``, or ``bench_requests.py compare ...``."""
    if argv[:1] == ["compare"]:
        compare(argv[1:])
        return
    argparse.ArgumentParser(
        prog="bench_requests.py",
        description="The register report against a plain csv reader, interleaved; "
        "'bench_requests.py compare --help' compares two source trees.",
    ).parse_args(argv)
    main()


if __name__ == "__main__":
    _cli(sys.argv[1:])
