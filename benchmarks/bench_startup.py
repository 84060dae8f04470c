"""Start-up cost: importing the package and running the command, against a bare interpreter.

Each contender is a fresh process (``sys.executable``), run in turn with the others, round
after round, so they share the machine's load; the figure of interest is the extra wall
time over ``python -c pass`` in the same round, reported as its median and range. The goals
are judged on that wall time. Beside it, the extra CPU time (user + system, of the child,
from ``getrusage``) over the bare interpreter's: on a machine shared with other jobs the
wall time also counts the time a process waits for a core, and the CPU time mostly does
not, so it is the steadier figure for comparing two versions of the code.

The children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed from their
environment) and one warm-up round first, so that every contender reads ``.pyc`` files,
as an installed wheel does; otherwise an editable install would recompile its sources on
every run and the figures would measure the compiler.

Goals (issue 11): ``import ppid_core.calendar`` within 60 ms of a bare interpreter,
``ppid --version`` within 100 ms, ``ppid deadline`` within 200 ms. ``WorkCalendar.indonesia()``
(import the calendar and build the national one, as a web worker does) has no goal of its
own; it shows the calendar's share of ``ppid deadline``.

After the table, the largest imports of ``ppid deadline`` (``python -X importtime``, self
time summed per package, median over ``IMPORTTIME_RUNS`` runs) say where its time goes.

Run: ``.venv/bin/python benchmarks/bench_startup.py [ROUNDS]``.

To compare with another version of the code, give its source folder (the one holding
``ppid_core/``, e.g. from ``git archive COMMIT src | tar -x -C /tmp/old``):
``.venv/bin/python benchmarks/bench_startup.py [ROUNDS] --against /tmp/old/src``. The two
versions then run alternately in every round and the table gives the paired difference
(median and interquartile range) for a deadline, the national calendar, and the calendar's
own share of a deadline (importing the names ``ppid deadline`` uses from it and building
its calendar, timed inside a process that has already imported the rest: attrs, PyYAML,
the shared modules). Separate runs of the whole table differ by more than 20 ms on this
machine; paired rounds see a change of that size.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

_ARGS = sys.argv[1:]
AGAINST = _ARGS[_ARGS.index("--against") + 1] if "--against" in _ARGS else None
_NUMBERS = [a for a in _ARGS if a.isdigit()]
ROUNDS = int(_NUMBERS[0]) if _NUMBERS else 15
IMPORTTIME_RUNS = 5
PY = sys.executable
PPID = str(Path(PY).with_name("ppid"))  # the console script pip installed beside python
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
#: A library's start: the national calendar, built from the bundled holiday years.
NATIONAL = "from ppid_core.calendar import WorkCalendar; WorkCalendar.indonesia()"
CONTENDERS = {
    "python -c pass": [PY, "-c", "pass"],
    "import ppid_core": [PY, "-c", "import ppid_core"],
    "import ppid_core.calendar": [PY, "-c", "import ppid_core.calendar"],
    "WorkCalendar.indonesia()": [PY, "-c", NATIONAL],
    "ppid --version": [PPID, "--version"],
    "ppid --help": [PPID, "--help"],
    "ppid deadline 2026-12-02": [PPID, "deadline", "2026-12-02"],
    "python -m ppid_core deadline 2026-12-02": [PY, "-m", "ppid_core", "deadline", "2026-12-02"],
}
#: What ``--against`` compares; the share is timed inside the child (it prints two figures).
COMPARED = ("python -c pass", "WorkCalendar.indonesia()", "ppid deadline 2026-12-02")
SHARE = """
import time, argparse, attrs, yaml, pathlib, zoneinfo
import ppid_core._result, ppid_core._source, ppid_core._tables, ppid_core._yaml
t0 = time.perf_counter()
from ppid_core.calendar import CalendarSummary, HolidayStatus, Span, WorkCalendar, zone_info
t1 = time.perf_counter()
CalendarSummary.of(WorkCalendar.indonesia(estimate_until=2027, holidays_dir=None))
t2 = time.perf_counter()
print((t1 - t0) * 1e3, (t2 - t1) * 1e3)
"""
GOALS = {
    "import ppid_core.calendar": 60,
    "ppid --version": 100,
    "ppid deadline 2026-12-02": 200,
}
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def run(cmd: list[str], env: dict[str, str] = ENV) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def extra(runs: list[float], bare: list[float]) -> tuple[float, float, float]:
    """Median, least and most of the per-round extra over the bare interpreter, in ms."""
    diffs = sorted((t - b) * 1e3 for t, b in zip(runs, bare, strict=True))
    return statistics.median(diffs), diffs[0], diffs[-1]


def package(module: str) -> str:
    """The group a module's import time is summed under: ``ppid_core.calendar``, ``yaml``."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "ppid_core" else parts[0]


def importtime(cmd: list[str]) -> dict[str, float]:
    """Self import time per package (ms) of one run of ``cmd`` under ``-X importtime``."""
    done = subprocess.run(
        [PY, "-X", "importtime", *cmd],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    out: dict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        if m := _IMPORT_LINE.match(line):
            out[package(m[4])] += int(m[1]) / 1e3
    return out


def main() -> None:
    names = list(CONTENDERS)
    for name in names:  # warm the file cache and write the bytecode
        run(CONTENDERS[name])
    walls: dict[str, list[float]] = {n: [] for n in names}
    cpus: dict[str, list[float]] = {n: [] for n in names}
    for r in range(ROUNDS):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            wall, cpu = run(CONTENDERS[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    bare = "python -c pass"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# bench_startup — Python {sys.version.split()[0]}, {ROUNDS} interleaved rounds")
    print(f"# load average at the end (1, 5, 15 min): {load}")
    print(
        f"{'contender':<40} {'wall ms':>8} {'extra wall, median (range)':>28} "
        f"{'extra CPU, median (range)':>27}"
    )
    for name in names:
        med = statistics.median(walls[name]) * 1e3
        if name == bare:
            cpu = statistics.median(cpus[name]) * 1e3
            print(f"{name:<40} {med:>8.1f} {'':>28} {f'(bare CPU {cpu:.1f})':>27}")
            continue
        w, w_lo, w_hi = extra(walls[name], walls[bare])
        c, c_lo, c_hi = extra(cpus[name], cpus[bare])
        verdict = ""
        if name in GOALS:
            verdict = f"  goal <= {GOALS[name]} ms: {'met' if w <= GOALS[name] else 'NOT met'}"
        wall_text = f"{w:.1f} ({w_lo:.1f}–{w_hi:.1f})"
        cpu_text = f"{c:.1f} ({c_lo:.1f}–{c_hi:.1f})"
        print(f"{name:<40} {med:>8.1f} {wall_text:>28} {cpu_text:>27}{verdict}")
    deadline = ["-m", "ppid_core", "deadline", "2026-12-02"]
    runs = [importtime(deadline) for _ in range(IMPORTTIME_RUNS)]
    groups = {g for one in runs for g in one}
    medians = {g: statistics.median(one.get(g, 0.0) for one in runs) for g in groups}
    total = sum(medians.values())
    print(
        f"\n# ppid deadline 2026-12-02: self import time per package, median of "
        f"{IMPORTTIME_RUNS} runs (-X importtime), total {total:.1f} ms"
    )
    for group, ms in sorted(medians.items(), key=lambda kv: -kv[1])[:15]:
        print(f"{group:<40} {ms:>10.1f}")


def spread(values: list[float]) -> str:
    """Median and interquartile range, as text."""
    xs = sorted(values)
    n = len(xs)
    return f"{statistics.median(xs):.1f} ({xs[n // 4]:.1f} to {xs[(3 * n) // 4]:.1f})"


def compare(against: str) -> None:
    """Paired rounds of this code ("after") and the code in ``against`` ("before")."""
    envs = {"before": {**ENV, "PYTHONPATH": against}, "after": ENV}
    walls: dict[tuple[str, str], list[float]] = defaultdict(list)
    shares: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def share(env: dict[str, str]) -> tuple[float, float]:
        done = subprocess.run(
            [PY, "-c", SHARE], check=True, capture_output=True, text=True, env=env
        )
        names, build = map(float, done.stdout.split())
        return names, build

    for env in envs.values():  # warm-up
        share(env)
        for name in COMPARED:
            run(CONTENDERS[name], env)
    for r in range(ROUNDS):
        trees = list(envs) if r % 2 == 0 else list(envs)[::-1]
        for name in COMPARED:
            for tree in trees:
                walls[name, tree].append(run(CONTENDERS[name], envs[tree])[0])
        for tree in trees:
            shares[tree].append(share(envs[tree]))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# bench_startup --against {against}: {ROUNDS} paired rounds, load {load}")
    print("# ms, median (interquartile range); extra = over a bare interpreter, same round")
    bare = "python -c pass"
    for name in COMPARED[1:]:
        b = [
            (t - z) * 1e3 for t, z in zip(walls[name, "before"], walls[bare, "before"], strict=True)
        ]
        a = [(t - z) * 1e3 for t, z in zip(walls[name, "after"], walls[bare, "after"], strict=True)]
        d = [y - x for x, y in zip(b, a, strict=True)]
        print(
            f"{name}: extra wall before {spread(b)}, after {spread(a)}; after - before {spread(d)}"
        )
    for i, what in ((0, "importing its names"), (1, "building its calendar"), (2, "both")):
        b = [x[0] + x[1] if i == 2 else x[i] for x in shares["before"]]
        a = [x[0] + x[1] if i == 2 else x[i] for x in shares["after"]]
        d = [y - x for x, y in zip(b, a, strict=True)]
        print(
            f"calendar share of a deadline, {what}: before {spread(b)}, after {spread(a)}; "
            f"after - before {spread(d)}"
        )


if __name__ == "__main__":
    if AGAINST is None:
        main()
    else:
        compare(AGAINST)
