"""The oversight part of ``ppid demo``: the example registers of the PPID Pelaksana.

Its lines are English, translated when printed (``ppid --lang id demo``); unit names and
dates are the example's data.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from ppid_core._i18n import _, ngettext
from ppid_core._numbers import half_up
from ppid_core.calendar import WorkCalendar
from ppid_core.requests import load_zone_map, oversight

__all__ = ["oversight_demo"]


def oversight_demo(out: TextIO) -> None:
    """The oversight of the embedded example registers of four KPU kabupaten/kota in NTT,
    read in the office's zone (WITA), then the multi-zone example with its zone map."""
    from ppid_core.examples.requests import oversight as example  # noqa: PLC0415 - demo only

    cal = WorkCalendar.indonesia(zone="NTT")
    table = oversight(
        example.example_folder(),
        on=dt.date(2024, 12, 31),
        calendar=cal,
        units=example.example_units(),
    )
    title = _(
        "Oversight of the PPID Pelaksana: KPU kabupaten/kota in NTT (example data, zone {zone})"
    ).format(zone=cal.zone)
    print(f"== {title} ==", file=out)
    total = table.total
    median = (
        _("unknown")
        if total.median is None
        else _("{days} working days").format(days=half_up(total.median, 1))
    )
    short, extended = table.limits
    line = _(
        "units: {units}; requests: {requests}; answered: {answered}, within {short} working "
        "days: {within_short}, within {extended}: {within_extended}; overdue on {on}: "
        "{overdue}; median: {median}"
    ).format(
        units=len(table.units),
        requests=total.requests,
        answered=total.answered,
        short=short,
        within_short=total.within(short),
        extended=extended,
        within_extended=total.within(extended),
        on=table.on.isoformat(),
        overdue=total.overdue,
        median=median,
    )
    print("  " + line, file=out)
    for row in table.units:
        if row.reported:
            n = row.summary.requests
            requests = ngettext("{unit}: {n} request", "{unit}: {n} requests", n)
            line = f"{requests.format(unit=row.unit, n=n)} {row.remark()}".rstrip()
            print("  " + line, file=out)
    silent = [u.unit for u in table.units if not u.reported]
    print(
        "  "
        + _("reported nothing ({n}): {units}, ...").format(
            n=len(silent), units=", ".join(silent[:3])
        ),
        file=out,
    )
    zoned = oversight(
        example.zoned_folder(),
        on=dt.date(2024, 12, 31),
        calendar=cal,
        by="month",
        source_zone="UTC",
        zones=load_zone_map(example.zone_map_file()),
    )
    print("  " + _("units in several zones (zone map; times stored in UTC):"), file=out)
    for row in zoned.units:
        months = ", ".join(
            f"{m.month} {m.summary.requests}"
            for m in zoned.months or ()
            if m.unit == row.unit and m.summary.requests
        )
        days = ", ".join(
            _("{days} days x{n}").format(days=d, n=n) for d, n in row.summary.response_days
        )
        line = _("{unit} ({zones}): received {months}; {days}").format(
            unit=row.unit, zones=", ".join(row.zones), months=months, days=days
        )
        print("    " + line, file=out)
    print(file=out)
