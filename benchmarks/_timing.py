"""Shared timing helpers for the benchmark scripts.

Median of repeats and interleaved rounds in one process; and, for comparing against a git
revision, worker processes run in turn, each with its own ``src`` on its path.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def median_seconds(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs (after one warm-up run)."""
    fn()
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def rate(n: int, seconds: float) -> str:
    """Operations per second in k/M units."""
    r = n / seconds
    return f"{r / 1e6:.2f} M/s" if r >= 1e6 else f"{r / 1e3:.1f} k/s"


def interleaved(fns: dict[str, Callable[[], object]], rounds: int = 7) -> dict[str, list[float]]:
    """Wall times of every ``fn`` over ``rounds`` rounds, run in turn within each round.

    One warm-up call each first. Running the contenders in turn (rotating which goes first)
    exposes them to the same machine load, so the per-round ratios are fair on a noisy
    machine; report their median and their spread, not one run.
    """
    names = list(fns)
    for name in names:
        fns[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            t0 = time.perf_counter()
            fns[name]()
            times[name].append(time.perf_counter() - t0)
    return times


def ratio_spread(slow: list[float], fast: list[float], n_slow: int = 1, n_fast: int = 1) -> str:
    """Per-round ratio of per-item times ``slow/fast``: median and min–max, as text."""
    ratios = sorted((s / n_slow) / (f / n_fast) for s, f in zip(slow, fast, strict=True))
    return f"{statistics.median(ratios):.1f}x (range {ratios[0]:.1f}–{ratios[-1]:.1f}x)"


def baseline_src(folder: Path, here: Path, rev: str, files: Sequence[str] | None = None) -> Path:
    """A ``src`` tree under ``folder`` with the code as it is at git revision ``rev``.

    Without ``files``, the whole of ``src`` at ``rev``; with them, the working tree's ``src``
    with only those files (paths from the repository root) as they are at ``rev``.
    """
    root = folder / "baseline"
    if files is None:
        archive = subprocess.run(
            ["git", "-C", str(here), "archive", rev, "src"], check=True, capture_output=True
        ).stdout
        (folder / "baseline.tar").write_bytes(archive)
        with tarfile.open(folder / "baseline.tar") as tar:
            tar.extractall(root, filter="data")
        return root / "src"
    shutil.copytree(here / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for name in files:
        text = subprocess.run(
            ["git", "-C", str(here), "show", f"{rev}:{name}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (root / name).write_text(text, encoding="utf-8")
    return root / "src"


class Worker:
    """A process running ``script`` with ``src`` first on its path, one job per line.

    The script reads a JSON job per line of stdin and answers with a JSON list per line:
    wall time, CPU time, then whatever must agree between contenders.
    """

    def __init__(self, script: str, src: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(src)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, *job: object) -> tuple[float, float, list[Any]]:
        """Wall and CPU time of one job, and the rest of the worker's answer."""
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(list(job)) + "\n")
        self.proc.stdin.flush()
        wall, cpu, *rest = json.loads(self.proc.stdout.readline())
        return float(wall), float(cpu), rest

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


Runs = dict[str, tuple[Worker, Path, object]]


def interleaved_workers(
    runs: Runs, rounds: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], list[list[Any]]]:
    """Wall and CPU times of every run over ``rounds`` rounds, in turn (rotating the first).

    Also the rest of every answer, in the order run.
    """
    names = list(runs)
    walls: dict[str, list[float]] = {name: [] for name in names}
    cpus: dict[str, list[float]] = {name: [] for name in names}
    results: list[list[Any]] = []
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            worker, path, options = runs[name]
            wall, cpu, result = worker.run(str(path), options)
            walls[name].append(wall)
            cpus[name].append(cpu)
            results.append(result)
    return walls, cpus, results


def _spread(ratios: list[float]) -> str:
    ratios = sorted(ratios)
    return f"{statistics.median(ratios):.3f}x (range {ratios[0]:.3f}-{ratios[-1]:.3f}x)"


def print_vs_first(
    walls: dict[str, list[float]], cpus: dict[str, list[float]], width: int = 6
) -> None:
    """One line per run: median wall and CPU time, and per-round ratios to the first run."""
    names = list(walls)
    for name in names:
        wall_ratios = [t / b for t, b in zip(walls[name], walls[names[0]], strict=True)]
        cpu_ratios = [t / b for t, b in zip(cpus[name], cpus[names[0]], strict=True)]
        print(
            f"  {name:<34} wall {statistics.median(walls[name]):{width}.3f} s, vs today "
            f"{_spread(wall_ratios)}; CPU {statistics.median(cpus[name]):{width}.3f} s, "
            f"vs today {_spread(cpu_ratios)}"
        )


def compare_args(prog: str, argv: list[str], rounds: str) -> tuple[str, list[int], list[int]]:
    """The options of a benchmark's ``compare`` mode: the baseline revision, the sizes and
    the rounds per size (``--baseline REV --sizes 100000,1000000 --rounds 7,3``)."""
    parser = argparse.ArgumentParser(prog=f"{prog} compare")
    parser.add_argument("--baseline", default="HEAD")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--rounds", default=rounds)
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    return args.baseline, sizes, [int(x) for x in args.rounds.split(",")]
