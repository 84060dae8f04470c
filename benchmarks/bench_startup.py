"""Start-up cost: importing the package and running the command, against a bare interpreter.

Each contender is a fresh process (``sys.executable``), run in turn with the others, round
after round, so they share the machine's load; the figure of interest is the extra wall
time over ``python -c pass`` in the same round, reported as its median and range.

The children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed from their
environment) and one warm-up round first, so that every contender reads ``.pyc`` files,
as an installed wheel does; otherwise an editable install would recompile its sources on
every run and the figures would measure the compiler.

Goals (issue 11): ``import ppid_core.calendar`` within 60 ms of a bare interpreter,
``ppid --version`` within 100 ms, ``ppid deadline`` within 200 ms.

After the table, the largest imports of ``ppid deadline`` (``python -X importtime``, self
time summed per package, median over ``IMPORTTIME_RUNS`` runs) say where its time goes.

Run: ``.venv/bin/python benchmarks/bench_startup.py [ROUNDS]``.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
IMPORTTIME_RUNS = 5
PY = sys.executable
PPID = str(Path(PY).with_name("ppid"))  # the console script pip installed beside python
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CONTENDERS = {
    "python -c pass": [PY, "-c", "pass"],
    "import ppid_core": [PY, "-c", "import ppid_core"],
    "import ppid_core.calendar": [PY, "-c", "import ppid_core.calendar"],
    "ppid --version": [PPID, "--version"],
    "ppid --help": [PPID, "--help"],
    "ppid deadline 2026-12-02": [PPID, "deadline", "2026-12-02"],
    "python -m ppid_core deadline 2026-12-02": [PY, "-m", "ppid_core", "deadline", "2026-12-02"],
}
GOALS = {
    "import ppid_core.calendar": 60,
    "ppid --version": 100,
    "ppid deadline 2026-12-02": 200,
}
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - t0


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
        wall(CONTENDERS[name])
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(ROUNDS):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(wall(CONTENDERS[name]))
    bare = times["python -c pass"]
    print(f"# bench_startup — Python {sys.version.split()[0]}, {ROUNDS} interleaved rounds")
    print(f"{'contender':<40} {'median ms':>10} {'extra over bare, ms: median (range)':>38}")
    for name in names:
        med = statistics.median(times[name]) * 1e3
        if name == "python -c pass":
            print(f"{name:<40} {med:>10.1f}")
            continue
        extra = sorted((t - b) * 1e3 for t, b in zip(times[name], bare, strict=True))
        verdict = ""
        if name in GOALS:
            met = "met" if statistics.median(extra) <= GOALS[name] else "NOT met"
            verdict = f"  goal <= {GOALS[name]} ms: {met}"
        print(
            f"{name:<40} {med:>10.1f} {statistics.median(extra):>16.1f} "
            f"({extra[0]:.1f}–{extra[-1]:.1f}){verdict}"
        )
    deadline = ["-m", "ppid_core", "deadline", "2026-12-02"]
    runs = [importtime(deadline) for _ in range(IMPORTTIME_RUNS)]
    groups = {g for run in runs for g in run}
    medians = {g: statistics.median(run.get(g, 0.0) for run in runs) for g in groups}
    total = sum(medians.values())
    print(
        f"\n# ppid deadline 2026-12-02: self import time per package, median of "
        f"{IMPORTTIME_RUNS} runs (-X importtime), total {total:.1f} ms"
    )
    for group, ms in sorted(medians.items(), key=lambda kv: -kv[1])[:15]:
        print(f"{group:<40} {ms:>10.1f}")


if __name__ == "__main__":
    main()
