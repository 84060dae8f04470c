"""The columnar IKM engine against plain polars and plain pyarrow (issue 15).

Goal: ``read_survey(path, engine="polars")`` + ``score()`` within 1.5x of a plain
``polars.read_csv`` + ``value_counts`` of every column, on 1M and 10M respondents, two
threads. The same script measured polars against pyarrow (``pyarrow.csv.read_csv`` +
``pyarrow.compute.value_counts``) to choose the library, and their import times.

Every contender runs in turn within each round (the first one rotating, the shared
harness in ``_timing.py``); ratios are the median and range of the per-round ratios.
The files are generated in a temporary folder (``bench_ikm.generate``: ``Layanan`` and
nine unsur, answers 1-4).

Run: ``.venv/bin/python benchmarks/bench_columnar.py [--sizes 1000000,10000000]
[--rounds 5,3] [--pure] [--imports 15]`` (needs polars and pyarrow; ``--pure`` also times
the default engine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("POLARS_MAX_THREADS", "2")  # read when polars is imported

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from _timing import interleaved
from bench_ikm import generate
from ppid_core.ikm import read_survey

pa.set_cpu_count(2)
pa.set_io_thread_count(2)


def spread(ratios: list[float]) -> str:
    """Median and range of per-round ratios."""
    ratios = sorted(ratios)
    return f"{statistics.median(ratios):.2f}x (range {ratios[0]:.2f}-{ratios[-1]:.2f}x)"


def contenders(path: Path, *, pure: bool) -> dict[str, Callable[[], object]]:
    """What is timed on one file; the first is the baseline of the ratios."""

    def polars_plain() -> object:
        frame = pl.read_csv(path)
        return [frame.get_column(c).value_counts() for c in frame.columns]

    def arrow_plain() -> object:
        table = pacsv.read_csv(path)
        return [pc.value_counts(table.column(i)) for i in range(table.num_columns)]

    def engine() -> object:
        return read_survey(path, engine="polars").score()

    def python() -> object:
        return read_survey(path).score()

    runs: dict[str, Callable[[], object]] = {
        "polars read_csv + value_counts": polars_plain,
        "pyarrow read_csv + value_counts": arrow_plain,
        "ppid-core engine='polars' + score": engine,
    }
    if pure:
        runs["ppid-core engine='python' + score"] = python
    return runs


def imports(rounds: int) -> None:
    """Extra wall time of importing each library in a fresh process, over ``pass``."""
    codes = {
        "pass": "pass",
        "polars": "import polars",
        "pyarrow (csv, compute)": "import pyarrow.csv, pyarrow.compute",
    }
    times: dict[str, list[float]] = {name: [] for name in codes}
    names = list(codes)
    for r in range(rounds + 1):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", codes[name]], check=True)
            if r:  # the first round warms the disk cache
                times[name].append(time.perf_counter() - t0)
    for name in names[1:]:
        extra = sorted((t - b) * 1e3 for t, b in zip(times[name], times["pass"], strict=True))
        print(
            f"  import {name:<24} {statistics.median(extra):6.0f} ms over bare python "
            f"(range {extra[0]:.0f}-{extra[-1]:.0f} ms, {rounds} rounds)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench_columnar.py")
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--rounds", default="5,3")
    parser.add_argument("--pure", action="store_true", help="also time the default engine")
    parser.add_argument("--imports", type=int, default=15, metavar="ROUNDS")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    rounds = [int(x) for x in args.rounds.split(",")]
    print(
        f"Columnar IKM reading, Python {sys.version.split()[0]}, polars {pl.__version__} "
        f"({os.environ['POLARS_MAX_THREADS']} threads), pyarrow {pa.__version__} "
        f"({pa.cpu_count()} threads), load average {os.getloadavg()[0]:.1f}"
    )
    if args.imports:
        imports(args.imports)
    with tempfile.TemporaryDirectory() as tmp:
        for n, count in zip(sizes, rounds, strict=True):
            path = Path(tmp) / f"skm-{n}.csv"
            generate(path, n)
            same = read_survey(path, engine="polars")
            if args.pure:
                assert same == read_survey(path)
            assert same.respondents == n
            times = interleaved(contenders(path, pure=args.pure), rounds=count)
            names = list(times)
            print(f"{n:,} respondents ({path.stat().st_size / 1e6:.0f} MB), {count} rounds:")
            for name in names:
                ratio = [t / b for t, b in zip(times[name], times[names[0]], strict=True)]
                print(
                    f"  {name:<36} {statistics.median(times[name]):7.3f} s "
                    f"(range {min(times[name]):.3f}-{max(times[name]):.3f}), "
                    f"vs plain polars {spread(ratio)}"
                )
        print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
