"""Working-day arithmetic: ppid-core against numpy and python-holidays, in one process.

Workload (as in ../shared/reference/workdays.md): add 10 working days to 100,000 dates
spread uniformly over 2020-01-01..2026-09-30 (seeded); count working days over 100,000
spans of 0-90 days; the batch form over 1,000,000 dates. Every tool uses the same
non-working days: weekends plus ppid-core's national holidays with cuti bersama (numpy gets
them as a ``busdaycalendar``; python-holidays uses its own Indonesia data, categories public
+ government, whose dates differ from ours only on weekends). Results are checked equal
before timing. Run: ``.venv/bin/python benchmarks/bench_calendar.py``.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import sys
from pathlib import Path

import holidays
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import median_seconds, rate
from ppid_core.calendar import HolidayCategory, WorkCalendar

N = 100_000
N_BATCH = 1_000_000


def main() -> None:
    rng = random.Random(20261122)
    first, last = dt.date(2020, 1, 1).toordinal(), dt.date(2026, 9, 30).toordinal()
    dates = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(N)]
    ends = [d + dt.timedelta(days=rng.randint(0, 90)) for d in dates]
    batch = dates + [dt.date.fromordinal(rng.randint(first, last)) for _ in range(N_BATCH - N)]

    cal = WorkCalendar.indonesia()
    hol_dates = sorted({h.date for h in cal.holidays} | {c.date for c in ()})
    assert all(
        h.category is not HolidayCategory.CUTI_BERSAMA or cal.cuti_bersama for h in cal.holidays
    )
    bdc = np.busdaycalendar(weekmask="1111100", holidays=np.array(hol_dates, dtype="datetime64[D]"))
    d64 = np.array(dates, dtype="datetime64[D]")
    e64 = np.array(ends, dtype="datetime64[D]")
    b64 = np.array(batch, dtype="datetime64[D]")
    ph = holidays.country_holidays(
        "ID", years=range(2020, 2027), categories=("public", "government")
    )

    add = cal.add_working_days
    count = cal.count_working_days

    # -- agreement first --------------------------------------------------------------
    ours = [add(d, 10) for d in dates]
    np_vec = np.busday_offset(d64, 10, roll="backward", busdaycal=bdc).astype(dt.date).tolist()
    assert ours == np_vec, "numpy disagrees"
    ph_out = [ph.get_nth_working_day(d, 10) for d in dates[:20_000]]
    assert ours[:20_000] == ph_out, "python-holidays disagrees"
    counts = [count(a, b) for a, b in zip(dates, ends, strict=True)]
    np_counts = np.busday_count(d64 + 1, e64 + 1, busdaycal=bdc).tolist()
    assert counts == np_counts, "numpy counts disagree"
    assert cal.add_working_days_many(batch, 10)[:N] == ours

    def np_scalar() -> None:
        off = np.busday_offset
        for d in dates:
            off(d, 10, roll="backward", busdaycal=bdc)

    def np_count_scalar() -> None:
        bc = np.busday_count
        one = dt.timedelta(days=1)
        for a, b in zip(dates, ends, strict=True):
            bc(a + one, b + one, busdaycal=bdc)

    t = {
        "ppid add scalar": median_seconds(lambda: [add(d, 10) for d in dates]),
        "numpy busday_offset per call": median_seconds(np_scalar, repeat=3),
        "python-holidays get_nth_working_day": median_seconds(
            lambda: [ph.get_nth_working_day(d, 10) for d in dates], repeat=3
        ),
        "ppid add_working_days_many (1M)": median_seconds(
            lambda: cal.add_working_days_many(batch, 10)
        ),
        "numpy busday_offset vectorised (1M)": median_seconds(
            lambda: np.busday_offset(b64, 10, roll="backward", busdaycal=bdc)
        ),
        "ppid count scalar": median_seconds(
            lambda: [count(a, b) for a, b in zip(dates, ends, strict=True)]
        ),
        "numpy busday_count per call": median_seconds(np_count_scalar, repeat=3),
        "ppid count_working_days_many": median_seconds(
            lambda: cal.count_working_days_many(dates, ends)
        ),
        "numpy busday_count vectorised": median_seconds(
            lambda: np.busday_count(d64 + 1, e64 + 1, busdaycal=bdc)
        ),
        "WorkCalendar.indonesia() build": median_seconds(WorkCalendar.indonesia, repeat=5),
    }
    sizes = {k: (N_BATCH if "(1M)" in k else 1 if "build" in k else N) for k in t}

    print(
        f"# bench_calendar — Python {platform.python_version()}, numpy {np.__version__}, "
        f"holidays {holidays.__version__}, {platform.machine()}"
    )
    print(f"{'measurement':<40} {'median s':>10} {'rate':>12}")
    for k, s in t.items():
        print(f"{k:<40} {s:>10.4f} {rate(sizes[k], s):>12}")
    per = {k: t[k] / sizes[k] for k in t}

    def faster(peer: str, ours: str) -> float:
        return per[peer] / per[ours]

    batch_rate = N_BATCH / t["ppid add_working_days_many (1M)"] / 1e6
    print()
    print("ratios (how many times faster ppid-core is):")
    rows = [
        ("scalar add vs numpy per call", "numpy busday_offset per call", "ppid add scalar", 10),
        (
            "scalar add vs python-holidays",
            "python-holidays get_nth_working_day",
            "ppid add scalar",
            50,
        ),
        (
            "batch add vs numpy vectorised",
            "numpy busday_offset vectorised (1M)",
            "ppid add_working_days_many (1M)",
            None,
        ),
        (
            "scalar count vs numpy per call",
            "numpy busday_count per call",
            "ppid count scalar",
            None,
        ),
        (
            "batch count vs numpy vectorised",
            "numpy busday_count vectorised",
            "ppid count_working_days_many",
            None,
        ),
    ]
    for label, peer, ours, goal in rows:
        note = f"  (goal >= {goal}x)" if goal else ""
        print(f"  {label:<34} {faster(peer, ours):6.1f}x{note}")
    print(f"  batch add rate {batch_rate:.2f} M dates/s (goal >= 5 M/s)")


if __name__ == "__main__":
    main()
