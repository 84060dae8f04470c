"""Per-year snapshots of the non-working weekdays: a data change shows as a reviewable diff.

``tests/golden/test_calendar_golden.py`` compares each bundled year with its committed
snapshot. After a deliberate data change (a new year, an SKB revision), regenerate them::

    make snapshots        # or: .venv/bin/python -m tests.golden.calendar_snapshots

and review the diff of ``tests/golden/snapshots/`` with the data change.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ppid_core.calendar import HolidayYear, WorkCalendar

SNAPSHOTS = Path(__file__).parent / "snapshots"


def render(year: int, cal: WorkCalendar | None = None) -> str:
    """The snapshot text of ``year`` (cuti bersama non-working)."""
    cal = cal or WorkCalendar.indonesia(holidays_dir=None)
    lines = [f"# Non-working weekdays {year} (cuti bersama non-working). Generated; review diffs."]
    for day in cal.non_working_days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        if day.category != "akhir_pekan" and day.date.weekday() < 5:
            status = "" if day.status == "decreed" else f" [{day.status}]"
            lines.append(f"{day.date.isoformat()} {day.category} {day.name}{status}")
    return "\n".join(lines) + "\n"


def path_of(year: int) -> Path:
    """Where the snapshot of ``year`` is committed."""
    return SNAPSHOTS / f"nonworking_{year}.txt"


def main() -> int:
    """Write every bundled year's snapshot; print which files changed."""
    cal = WorkCalendar.indonesia(holidays_dir=None)
    for year in HolidayYear.bundled_names():
        path, text = path_of(year), render(year, cal)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path}")  # noqa: T201 - a command-line script
    return 0


if __name__ == "__main__":
    sys.exit(main())
