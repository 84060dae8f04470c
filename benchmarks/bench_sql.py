"""read_register_sql on a million-row SQLite table: peak memory while streaming (issue 16).

A ``permohonan`` table (the schema of `tests.sql.eppid`) with N generated rows is written
to a SQLite file in a temporary directory. Then, each in a fresh process under
``tracemalloc``:

- ``stream``: ``read_register_sql(..., chunk_size=10_000)``: the rows fetched 10 000 at a
  time and read one by one into the register's columns;
- ``fetchall``: the same table fetched whole (``result.mappings().all()``) and then read by
  ``Register.from_records``: what a caller holding every row first would pay.

For each: seconds, tracemalloc's peak, and what the finished register holds (its current
size after the read). The difference between the peak and the register is what the reading
itself costs on top of its result.

Run: ``.venv/bin/python benchmarks/bench_sql.py [N]`` (N defaults to 1 000 000; about
three minutes on one core).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sql.eppid import FIELDS, generated, permohonan_table  # noqa: E402


def build(path: Path, n: int) -> None:
    """Write the table (not measured)."""
    engine = sa.create_engine(f"sqlite:///{path}")
    metadata = sa.MetaData()
    table = permohonan_table(metadata)
    metadata.create_all(engine)
    rows = generated(n)
    with engine.begin() as conn:
        while chunk := [r for _, r in zip(range(50_000), rows, strict=False)]:
            conn.execute(table.insert(), chunk)
    engine.dispose()


def measure(path: Path, how: str) -> dict[str, float]:
    """One reading under tracemalloc (run in a process of its own)."""
    from ppid_core.requests import Register, read_register_sql

    url = f"sqlite:///{path}"
    tracemalloc.start()
    t0 = time.perf_counter()
    if how == "stream":
        reg = read_register_sql(url, "permohonan", fields=FIELDS, source_zone="UTC")
    else:
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT * FROM permohonan")).mappings().all()
        reg = Register.from_records(rows, fields=FIELDS, source_zone="UTC")
        del rows
        engine.dispose()
    took = time.perf_counter() - t0
    current, peak = tracemalloc.get_traced_memory()
    return {"rows": len(reg), "seconds": took, "peak_mb": peak / 2**20, "held_mb": current / 2**20}


def main() -> None:
    """Build the file, then measure each way in its own process."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--measure", choices=("stream", "fetchall"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.file, args.measure)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "eppid.sqlite"
        t0 = time.perf_counter()
        build(path, args.n)
        print(f"{args.n} rows written to SQLite in {time.perf_counter() - t0:.1f} s")
        for how in ("stream", "fetchall"):
            out = subprocess.run(
                [sys.executable, __file__, "--measure", how, "--file", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            m = json.loads(out)
            print(
                f"{how:9} {m['rows']} rows: {m['seconds']:.1f} s under tracemalloc, peak "
                f"{m['peak_mb']:.0f} MB, register held {m['held_mb']:.0f} MB, reading "
                f"overhead {m['peak_mb'] - m['held_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
