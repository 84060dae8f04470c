"""``ppid serve`` under load: throughput and latency next to the command line's per-call cost.

Starts ``ppid serve`` on a free loopback port (a child process, stopped at the end), then
sends a bounded number of requests from ``--threads`` threads (``urllib``, one connection
per request): ``GET /v1/deadline`` with dates spread over 2024-2026, and ``POST
/v1/ikm/score`` uploading the 150-respondent example survey (14 kB). For each kind it prints
requests per second and the p50/p99 latency, beside the wall time of one ``ppid deadline
DATE --json`` subprocess (median of ``--cli-runs``), the cost an app pays per call today.
Every response is checked (status 200, and the deadline body equal to the CLI's).

Run: ``.venv/bin/python benchmarks/bench_server.py [--requests 400] [--threads 8]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ppid_core.examples.ikm import seed_survey_text

PPID = [sys.executable, "-m", "ppid_core"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "ppid-core-bench"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
    )


def _dates(n: int) -> list[str]:
    start = dt.date(2024, 1, 2)
    return [(start + dt.timedelta(days=(i * 7) % 1000)).isoformat() for i in range(n)]


def _timed(call: Callable[[], bytes]) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    body = call()
    return time.perf_counter() - t0, body


def _load(calls: list[Callable[[], bytes]], threads: int) -> tuple[float, list[float], list[bytes]]:
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(_timed, calls))
    wall = time.perf_counter() - t0
    return wall, [r[0] for r in results], [r[1] for r in results]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _report(kind: str, n: int, wall: float, latencies: list[float]) -> None:
    print(
        f"{kind:<22} {n:>5} requests  {n / wall:>7.1f} req/s  "
        f"p50 {_quantile(latencies, 0.5) * 1000:>7.1f} ms  "
        f"p99 {_quantile(latencies, 0.99) * 1000:>7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests of each kind")
    parser.add_argument("--threads", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--cli-runs", type=int, default=7, help="ppid deadline subprocesses")
    args = parser.parse_args()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*PPID, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        limit = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/v1/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > limit:
                    raise
                time.sleep(0.1)

        def get(url: str) -> Callable[[], bytes]:
            def call() -> bytes:
                with urllib.request.urlopen(url, timeout=60) as response:
                    assert response.status == 200
                    return bytes(response.read())

            return call

        survey, content_type = _multipart("skm.csv", seed_survey_text().encode())

        def post() -> bytes:
            request = urllib.request.Request(
                f"{base}/v1/ikm/score", data=survey, headers={"Content-Type": content_type}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200
                return bytes(response.read())

        dates = _dates(args.requests)
        for warm in (get(f"{base}/v1/deadline?received={dates[0]}"), post):
            warm()
        print(f"ppid serve on {base}, {args.threads} client threads, load {_loadavg()}")
        wall, lat, bodies = _load(
            [get(f"{base}/v1/deadline?received={d}") for d in dates], args.threads
        )
        _report("GET /v1/deadline", len(dates), wall, lat)
        wall, lat, ikm = _load([post] * args.requests, args.threads)
        _report("POST /v1/ikm/score", args.requests, wall, lat)
        assert all(json.loads(b)["respondents"] == 150 for b in ikm)
    finally:
        server.terminate()
        server.wait(timeout=30)

    cli = []
    for d in dates[: args.cli_runs]:
        t0 = time.perf_counter()
        done = subprocess.run([*PPID, "deadline", d, "--json"], capture_output=True, check=True)
        cli.append(time.perf_counter() - t0)
        assert json.loads(done.stdout) == json.loads(bodies[dates.index(d)])
    print(
        f"{'ppid deadline --json':<22} {len(cli):>5} processes {1 / statistics.median(cli):>7.1f}"
        f" calls/s  p50 {statistics.median(cli) * 1000:>7.1f} ms  (one process per call)"
    )
    return 0


def _loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
