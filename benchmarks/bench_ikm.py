"""IKM scoring speed on 1 million generated respondents.

Goals (issue 4): the pure-Python CSV path at least 500k respondents/s with full validation;
with pandas, reading and scoring within 1.5x of ``pandas.read_csv`` + column means on the
same file. The file is generated in a temporary directory, never in the repository.

Issue 11 (choose late): a read survey keeps its answers and other columns as codes, so
``survey.score(by="Layanan")`` works after reading. The script also reports what that
costs: the memory a read survey holds and the peak while reading (``tracemalloc``, in a
separate run, since tracing slows everything down), and the time of a breakdown chosen
after reading.

Issue 10 (files offices have): ``compare`` times today's reader (the code at a git
revision, in a process of its own) against the reader with header detection and question
codes on, on ``Layanan,U1..U9`` files of 100k and 1M respondents: today reads the file
with the header in row 1 and nine explicit mappings (``columns={"U1": "persyaratan",
...}``, all it can do with codes); the new reader reads the same file the same way, and a
copy with a title row and a blank row above the header with no mapping at all (the
header found, the codes read by question number). The contenders run in turn within each
round (interleaved), and the per-round ratios are reported as their median and range.

Run: ``.venv/bin/python benchmarks/bench_ikm.py [N]`` (N defaults to 1 000 000), or
``.venv/bin/python benchmarks/bench_ikm.py compare [--baseline REV] [--sizes 100000,1000000]
[--rounds 7,3]`` (REV defaults to HEAD).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import tracemalloc
from pathlib import Path

from _timing import (
    Runs,
    Worker,
    baseline_src,
    compare_args,
    interleaved,
    interleaved_workers,
    median_seconds,
    print_vs_first,
    rate,
)
from ppid_core.ikm import Regime, read_survey

ROUNDS = 5  # interleaved rounds of the main comparison
HEADER = (
    "Layanan,Persyaratan,Prosedur,Waktu,Biaya,Produk,Kompetensi,Perilaku,"
    "Sarana dan Prasarana,Penanganan Pengaduan"
)


def generate(path: Path, n: int, seed: int = 2024) -> None:
    """n respondents, answers 1-4 skewed to 3 and 4, two services."""
    rnd = random.Random(seed)
    weights = [1, 2, 6, 5]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for start in range(0, n, 100_000):
            size = min(100_000, n - start)
            cells = rnd.choices("1234", weights=weights, k=size * 9)
            services = rnd.choices(("Informasi", "Konsultasi"), k=size)
            fh.write(
                "".join(
                    f"{services[i]},{','.join(cells[i * 9 : (i + 1) * 9])}\n" for i in range(size)
                )
            )


def main(n: int) -> None:
    import pandas as pd

    regime = Regime.bundled()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "skm.csv"
        generate(path, n)
        size_mb = path.stat().st_size / 1e6

        def ours() -> object:
            return read_survey(path, regime=regime).score()

        def ours_by() -> object:
            return read_survey(path, regime=regime).score(by="Layanan")

        def ours_pandas() -> object:
            return read_survey(path, regime=regime, engine="pandas").score()

        def peer() -> object:
            df = pd.read_csv(path)
            return df.iloc[:, 1:].mean()

        survey = read_survey(path, regime=regime)
        check = survey.score()
        assert check.respondents == n

        def late() -> object:
            return survey.score(by="Layanan")

        t_late = median_seconds(late, repeat=3)
        # the shared harness: the four contenders in turn within each round, the first
        # rotating (pandas used to be timed last, after the pure paths had run)
        times = interleaved(
            {"ours": ours, "ours_by": ours_by, "pandas": ours_pandas, "peer": peer},
            rounds=ROUNDS,
        )
        del survey
        tracemalloc.start()
        survey = read_survey(path, regime=regime)
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        kept = ", ".join(survey.group_columns)

    print(
        f"IKM benchmark: {n:,} respondents x 9 unsur ({size_mb:.1f} MB CSV), "
        f"Python {sys.version.split()[0]}, pandas {pd.__version__}"
    )
    print(f"IKM of the file: {check.ikm_display} ({check.mutu})")
    rows = [
        ("read_survey(path) + score (pure Python, validated)", "ours"),
        ("  same, then score(by='Layanan') (chosen after reading)", "ours_by"),
        ("read_survey(path, engine='pandas') + score (validated)", "pandas"),
        ("peer: pandas.read_csv + column means (no validation)", "peer"),
    ]
    print(f"median of {ROUNDS} interleaved rounds; ratio to the peer: median (range) per round")
    for label, name in rows:
        t = statistics.median(times[name])
        ratios = sorted(a / b for a, b in zip(times[name], times["peer"], strict=True))
        print(
            f"{label:<58} {t:7.3f} s  {rate(n, t):>10}  {statistics.median(ratios):5.2f}x "
            f"({ratios[0]:.2f}-{ratios[-1]:.2f}x) pandas"
        )
    t_ours = statistics.median(times["ours"])
    pandas_ratio = statistics.median(
        a / b for a, b in zip(times["pandas"], times["peer"], strict=True)
    )
    print(f"score(by='Layanan') on a read survey: {t_late:.3f} s")
    print(
        f"memory of a read survey: {held / 1e6:.1f} MB held ({held / n:.1f} bytes per "
        f"respondent; kept: {kept}), {peak / 1e6:.1f} MB peak while reading"
    )
    print(f"goal 1: pure-Python >= 500k/s -> {'met' if n / t_ours >= 500_000 else 'NOT met'}")
    print(f"goal 2: pandas path <= 1.5x peer -> {'met' if pandas_ratio <= 1.5 else 'NOT met'}")


# -- compare: today's reader (a git revision) vs this one, interleaved --------------------

CODES = ",".join(f"U{i}" for i in range(1, 10))
MAPPING = dict(
    zip(
        CODES.split(","),
        [
            "persyaratan",
            "prosedur",
            "waktu",
            "biaya",
            "produk",
            "kompetensi",
            "perilaku",
            "sarana",
            "pengaduan",
        ],
        strict=True,
    )
)
# A worker reads what it is told, in a process whose ppid_core is the one on its path.
WORKER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from ppid_core.ikm import read_survey
for line in sys.stdin:
    path, columns = json.loads(line)
    t0, c0 = time.perf_counter(), time.process_time()
    result = read_survey(path, columns=columns or None).score()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps([wall, cpu, str(result.ikm_display)]), flush=True)
"""


def _files(folder: Path, n: int) -> tuple[Path, Path]:
    """``Layanan,U1..U9`` with the header in row 1, and the same under a title row."""
    plain = folder / f"codes-{n}.csv"
    generate(plain, n)
    text = plain.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]
    plain.write_text(f"Layanan,{CODES}\n{body}", encoding="utf-8")
    titled = folder / f"titled-{n}.csv"
    titled.write_text(f"REKAP SKM 2024,,,\n,,,\nLayanan,{CODES}\n{body}", encoding="utf-8")
    return plain, titled


def compare(argv: list[str]) -> None:
    """Time today's reader (``--baseline REV``) against this one, interleaved."""
    baseline, sizes, rounds = compare_args("bench_ikm.py", argv, rounds="7,3")
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        today = Worker(WORKER, baseline_src(folder, here, baseline))
        new = Worker(WORKER, here / "src")
        print(
            f"IKM read + score, today ({baseline}) vs detection and codes on; "
            f"Python {sys.version.split()[0]}"
        )
        try:
            for n, count in zip(sizes, rounds, strict=True):
                plain, titled = _files(folder, n)
                runs: Runs = {
                    "today: row-1 header, 9 mappings": (today, plain, MAPPING),
                    "new: same file, same mappings": (new, plain, MAPPING),
                    "new: title rows, codes found": (new, titled, None),
                }
                ikms = {name: str(w.run(str(p), c)[2][0]) for name, (w, p, c) in runs.items()}
                assert len(set(ikms.values())) == 1, ikms  # warm-up
                walls, cpus, _ = interleaved_workers(runs, count)
                print(
                    f"{n:,} respondents x 9 unsur, {count} rounds (IKM {ikms[next(iter(runs))]}):"
                )
                print_vs_first(walls, cpus, width=6)
        finally:
            today.close()
            new.close()


def _cli(argv: list[str]) -> None:
    """``bench_ikm.py [N]`` (respondents, default 1,000,000), or ``bench_ikm.py compare ...``."""
    if argv[:1] == ["compare"]:
        compare(argv[1:])
        return
    parser = argparse.ArgumentParser(
        prog="bench_ikm.py",
        description="The IKM reader against plain csv/pandas, interleaved; "
        "'bench_ikm.py compare --help' compares two source trees.",
    )
    parser.add_argument("n", nargs="?", type=int, default=1_000_000, help="respondents")
    main(parser.parse_args(argv).n)


if __name__ == "__main__":
    _cli(sys.argv[1:])
