"""Loading a large RB action plan: ppid-core's strict load+validate vs a bare C-loader parse.

Generates a plan of 5,000 sub kegiatan rows (8 areas x 25 kegiatan x 25 sub kegiatan, each
with two indicators and a month list) in a temporary directory, then times

- ``yaml.load(text, Loader=yaml.CSafeLoader)`` (no validation at all), and
- ``ppid_core.rb.load_plan(path)`` (compose, type every scalar, check every field, build
  the frozen models),

on the same file, best of several runs, and prints the ratio. Goal: within 2x.

Run: ``.venv/bin/python benchmarks/bench_rb.py``
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from ppid_core.rb import Framework, load_plan
from ppid_core.rb._months import MONTH_ABBREVIATIONS

ROWS = 5_000
REPEAT = 5


def generate(rows: int = ROWS, seed: int = 2022) -> str:
    rng = random.Random(seed)
    areas = Framework.bundled().areas
    per_area = rows // len(areas)
    kegiatan_per_area = 25
    lines = ["kind: plan", "year: 2022", "unit: KPU Kabupaten Contoh", "areas:"]
    for area in areas:
        lines += [f"  - area: {area.name}", "    kegiatan:"]
        for k in range(kegiatan_per_area):
            lines += [f"      - name: Kegiatan {area.number}.{k + 1}", "        sub_kegiatan:"]
            for s in range(per_area // kegiatan_per_area):
                first = rng.randint(1, 12)
                last = rng.randint(first, 12)
                months = ", ".join(MONTH_ABBREVIATIONS[first - 1 : last])
                lines += [
                    f"          - name: Sub kegiatan {k + 1}.{s + 1} di lingkungan satuan kerja",
                    "            indikator:",
                    "              - Tersedianya dokumen hasil kegiatan",
                    f"              - Jumlah laporan yang disusun ({s + 1})",
                    f"            months: [{months}]",
                ]
                if s % 5 == 0:
                    lines.append("            keterangan: Koordinasi dengan KPU RI")
    return "\n".join(lines) + "\n"


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_text(generate(), encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        plan = load_plan(path)
        rows = sum(1 for _ in plan.rows())
        bare = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
        full = best(lambda: load_plan(path))
        print(f"plan: {rows} rows, {len(text.encode()) / 1024:.0f} KiB, best of {REPEAT}")
        print(f"yaml.load (CSafeLoader), no validation: {bare * 1000:8.1f} ms")
        print(f"ppid_core.rb.load_plan (load+validate): {full * 1000:8.1f} ms")
        print(f"ratio: {full / bare:.2f}x (goal: within 2x)")


if __name__ == "__main__":
    main()
