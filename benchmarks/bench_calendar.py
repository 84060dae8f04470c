"""Working-day arithmetic: ppid-core against numpy and python-holidays, in one process.

Workload (as in ../shared/reference/workdays.md): add 10 working days to 100,000 dates
spread uniformly over 2020-01-01..2027-09-30 (seeded); count working days over 100,000
spans of 0-90 days; the batch form over 1,000,000 dates. Every tool uses the same
non-working days: weekends plus ppid-core's national holidays with cuti bersama (numpy gets
them as a ``busdaycalendar``; python-holidays uses its own Indonesia data, categories public
+ government, whose dates differ from ours only on weekends). Results are checked equal
before timing. The contenders of each contest run in turn, round after round, and each
ratio is reported as the median of the per-round ratios with its range. Also measured:
the same arithmetic on a calendar that estimates ten years past the decreed data, and the
cost of building such a calendar. Run: ``.venv/bin/python benchmarks/bench_calendar.py``.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import statistics
import sys
from pathlib import Path

import holidays
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import interleaved, rate, ratio_spread
from ppid_core.calendar import HolidayCategory, WorkCalendar, estimated_year

N = 100_000
N_BATCH = 1_000_000


def main() -> None:
    rng = random.Random(20261122)
    first, last = dt.date(2020, 1, 1).toordinal(), dt.date(2027, 9, 30).toordinal()
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
        "ID", years=range(2020, 2028), categories=("public", "government")
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

    ph_dates = dates[:20_000]  # python-holidays walks day by day: a fifth of the dates
    estimating = WorkCalendar.indonesia(estimate_until=cal.years[-1] + 10)
    est_add = estimating.add_working_days

    def build_estimating_cold() -> None:
        estimated_year.cache_clear()  # estimate each year again (python-holidays imported)
        WorkCalendar.indonesia(estimate_until=cal.years[-1] + 10)

    contests = {
        "scalar add": {
            "ppid": lambda: [add(d, 10) for d in dates],
            "ppid on a calendar with 10 estimated years": lambda: [est_add(d, 10) for d in dates],
            "numpy busday_offset per call": np_scalar,
            "python-holidays get_nth_working_day (20k)": lambda: [
                ph.get_nth_working_day(d, 10) for d in ph_dates
            ],
        },
        "batch add (1M)": {
            "ppid add_working_days_many": lambda: cal.add_working_days_many(batch, 10),
            "numpy busday_offset vectorised": lambda: np.busday_offset(
                b64, 10, roll="backward", busdaycal=bdc
            ),
        },
        "scalar count": {
            "ppid": lambda: [count(a, b) for a, b in zip(dates, ends, strict=True)],
            "numpy busday_count per call": np_count_scalar,
        },
        "batch count": {
            "ppid count_working_days_many": lambda: cal.count_working_days_many(dates, ends),
            "numpy busday_count vectorised": lambda: np.busday_count(
                d64 + 1, e64 + 1, busdaycal=bdc
            ),
        },
        "building the calendar": {
            "decreed years only": lambda: WorkCalendar.indonesia(holidays_dir=None),
            "with 10 estimated years (estimates cached)": lambda: WorkCalendar.indonesia(
                holidays_dir=None, estimate_until=cal.years[-1] + 10
            ),
            "with 10 estimated years (estimated anew)": build_estimating_cold,
        },
    }
    sizes = {
        "python-holidays get_nth_working_day (20k)": len(ph_dates),
        "ppid add_working_days_many": N_BATCH,
        "numpy busday_offset vectorised": N_BATCH,
    }

    print(
        f"# bench_calendar — Python {platform.python_version()}, numpy {np.__version__}, "
        f"holidays {holidays.__version__}, {platform.machine()}; decreed years "
        f"{cal.years[0]}–{cal.years[-1]}"
    )
    for title, fns in contests.items():
        building = title.startswith("building")
        times = interleaved(fns, rounds=5)
        print(f"\n## {title} — median of 5 interleaved rounds")
        first = next(iter(fns))
        for name, runs in times.items():
            n = 1 if building else sizes.get(name, N)
            med = statistics.median(runs)
            shown = f"{med * 1e3:9.2f} ms" if building else f"{rate(n, med):>12}"
            vs = ""
            if name != first and (building or name.startswith("ppid")):
                vs = f"  time vs {first!r}: " + ratio_spread(runs, times[first])
            elif name != first:
                vs = "  ours faster by " + ratio_spread(runs, times[first], n, sizes.get(first, N))
            print(f"  {name:<46} {shown}{vs}")
    print(
        "\ngoals: scalar add >= 10x numpy per call and >= 50x python-holidays; batch add >= "
        "5 M dates/s; building a calendar with estimated years in milliseconds"
    )


if __name__ == "__main__":
    main()
