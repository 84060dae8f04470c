"""National scale (issue 15): 550 offices x several years of IKM surveys, four ways.

Generates one CSV per office and year in a temporary folder (``Layanan`` and nine unsur,
answers 1-4, 5,000 respondents a year at ``--scale 1``), then scores all of them together
with:

- **sequential**: ``read_survey`` on each file and ``Survey.merge`` in one process;
- **jobs 2**: ``ppid ikm score FILE... --jobs 2 --json`` (worker processes);
- **dask**: ``merge_dask`` over a bag of the paths, dask's process scheduler, 2 workers
  (when dask is installed);
- **polars**: as sequential, with ``engine="polars"`` (when polars is installed).

Each runs in a fresh process of its own, which reports its wall time and its peak
resident memory (``resource.getrusage``: the process itself and, for the worker
processes, the largest child). The results (respondents, the exact IKM, every NRR) are
asserted identical before anything is printed.

Run: ``.venv/bin/python benchmarks/bench_national.py [--scale 0.1] [--offices 550]
[--years 10]``. ``--scale 0.01`` (50 respondents a file) keeps CI small; the default,
0.1, reads 2.75M respondents in 5,500 files in a few minutes; ``--scale 1`` is KPU's
27.5M-respondent history.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

from _timing import rate
from bench_ikm import HEADER

RUNNER = r"""
import io, json, os, resource, sys, time
from pathlib import Path
mode, listing = sys.argv[1], sys.argv[2]
paths = Path(listing).read_text(encoding="utf-8").split("\n")
t0 = time.perf_counter()
if mode in ("sequential", "polars"):
    from ppid_core.ikm import Survey, read_survey
    engine = "polars" if mode == "polars" else "python"
    result = Survey.merge(read_survey(Path(p), engine=engine) for p in paths).score().to_dict()
elif mode == "jobs":
    from ppid_core.cli import main
    out = io.StringIO()
    assert main(["ikm", "score", *paths, "--jobs", "2", "--json"], out=out) == 0
    result = json.loads(out.getvalue())
else:
    import dask, dask.bag as db
    from ppid_core.ikm import Regime, merge_dask, score
    bag = db.from_sequence(paths, npartitions=8)
    with dask.config.set(num_workers=2):
        tally = merge_dask(bag, scheduler="processes")
    result = score(tally, Regime.bundled()).to_dict()
wall = time.perf_counter() - t0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
same = [result["respondents"], result["ikm_exact"], [u["nrr"] for u in result["unsur"]]]
print(json.dumps([wall, own, child, same]))
"""


def generate(folder: Path, *, offices: int, years: int, per_file: int, seed: int = 15) -> Path:
    """One CSV per office and year; returns the file listing their paths."""
    rnd = random.Random(seed)
    paths = []
    for office in range(offices):
        weights = [1, 2, rnd.randint(4, 8), rnd.randint(3, 7)]  # offices differ
        for year in range(2016, 2016 + years):
            path = folder / f"kpu-{office:03d}-{year}.csv"
            cells = rnd.choices("1234", weights=weights, k=per_file * 9)
            services = rnd.choices(("Informasi", "Konsultasi", "Pengaduan"), k=per_file)
            body = "".join(
                f"{services[i]},{','.join(cells[i * 9 : (i + 1) * 9])}\n" for i in range(per_file)
            )
            path.write_text(HEADER + "\n" + body, encoding="utf-8")
            paths.append(str(path))
    listing = folder / "files.txt"
    listing.write_text("\n".join(paths), encoding="utf-8")
    return listing


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench_national.py")
    parser.add_argument("--scale", type=float, default=0.1, help="x 5,000 respondents a file")
    parser.add_argument("--offices", type=int, default=550)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    per_file = max(1, round(5_000 * args.scale))
    modes = ["sequential", "jobs"]
    modes += ["dask"] if find_spec("dask") is not None else []
    modes += ["polars"] if find_spec("polars") is not None else []
    env = {**os.environ, "POLARS_MAX_THREADS": "2"}
    with tempfile.TemporaryDirectory() as tmp:
        listing = generate(Path(tmp), offices=args.offices, years=args.years, per_file=per_file)
        files = args.offices * args.years
        size = sum(p.stat().st_size for p in Path(tmp).glob("*.csv")) / 1e6
        runs = {}
        for mode in modes:
            done = subprocess.run(
                [sys.executable, "-c", RUNNER, mode, str(listing)],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            runs[mode] = json.loads(done.stdout)
    results = {mode: run[3] for mode, run in runs.items()}
    first = results[modes[0]]
    assert all(r == first for r in results.values()), results
    total = files * per_file
    print(
        f"{args.offices} offices x {args.years} years = {files:,} files, {per_file:,} "
        f"respondents each ({total:,}, {size:.0f} MB); IKM {first[1]}, identical in every "
        f"run; load average {os.getloadavg()[0]:.1f}"
    )
    for mode, (wall, own, child, _) in runs.items():
        print(
            f"  {mode:<11} {wall:8.2f} s  {rate(total, wall):>10} respondents  peak "
            f"{own / 1024:6.0f} MB (largest worker {child / 1024:.0f} MB)"
        )


if __name__ == "__main__":
    main()
