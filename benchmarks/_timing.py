"""Shared timing helper for the benchmark scripts (median of repeats, one process)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
