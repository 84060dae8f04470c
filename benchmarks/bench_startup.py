"""Start-up cost: importing the package and running the command, against a bare interpreter.

Each contender is a fresh process (``sys.executable``), run in turn with the others, round
after round, so they share the machine's load; the figure of interest is the extra wall
time over ``python -c pass`` in the same round, reported as its median and range.

Goals (issue 11): ``import ppid_core.calendar`` within 60 ms of a bare interpreter,
``ppid --version`` within 100 ms, ``ppid deadline`` within 200 ms.
Run: ``.venv/bin/python benchmarks/bench_startup.py [ROUNDS]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
PY = sys.executable
PPID = str(Path(PY).with_name("ppid"))  # the console script pip installed beside python
CONTENDERS = {
    "python -c pass": [PY, "-c", "pass"],
    "import ppid_core": [PY, "-c", "import ppid_core"],
    "import ppid_core.calendar": [PY, "-c", "import ppid_core.calendar"],
    "ppid --version": [PPID, "--version"],
    "ppid deadline 2026-12-02": [PPID, "deadline", "2026-12-02"],
    "python -m ppid_core deadline 2026-12-02": [PY, "-m", "ppid_core", "deadline", "2026-12-02"],
}
GOALS = {
    "import ppid_core.calendar": 60,
    "ppid --version": 100,
    "ppid deadline 2026-12-02": 200,
}


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    names = list(CONTENDERS)
    for name in names:  # warm the file cache and the bytecode
        wall(CONTENDERS[name])
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(ROUNDS):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(wall(CONTENDERS[name]))
    bare = times["python -c pass"]
    print(f"# bench_startup — Python {sys.version.split()[0]}, {ROUNDS} interleaved rounds")
    print(f"{'contender':<34} {'median ms':>10} {'extra over bare, ms: median (range)':>38}")
    for name in names:
        med = statistics.median(times[name]) * 1e3
        if name == "python -c pass":
            print(f"{name:<34} {med:>10.1f}")
            continue
        extra = sorted((t - b) * 1e3 for t, b in zip(times[name], bare, strict=True))
        goal = f"  goal <= {GOALS[name]} ms" if name in GOALS else ""
        print(
            f"{name:<34} {med:>10.1f} {statistics.median(extra):>16.1f} "
            f"({extra[0]:.1f}–{extra[-1]:.1f}){goal}"
        )


if __name__ == "__main__":
    main()
