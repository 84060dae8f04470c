"""What a calendar covers and how it counts: the summary every deadline result carries.

Apart from ``._overview`` (the year and coverage reports) so that computing a deadline
does not load the reports.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ppid_core.calendar._calendar import WorkCalendar

__all__ = ["CalendarSummary"]


@attrs.frozen(kw_only=True)
class CalendarSummary:
    """What a calendar covers and how it counts, carried by results computed with it.

    Attributes:
        zone: The office's IANA time zone.
        cuti_bersama: Whether cuti bersama are non-working days.
        first_day: First covered day.
        last_day: Last covered day.
        decreed_years: The covered years with decreed holidays.
        estimated_years: The covered years whose holidays are estimated.
    """

    zone: str
    cuti_bersama: bool
    first_day: dt.date
    last_day: dt.date
    decreed_years: tuple[int, ...]
    estimated_years: tuple[int, ...]

    @classmethod
    def of(cls, cal: WorkCalendar) -> CalendarSummary:
        """The summary of ``cal``.

        >>> from ppid_core.calendar import WorkCalendar
        >>> s = CalendarSummary.of(WorkCalendar.indonesia(zone="WITA"))
        >>> s.zone, s.cuti_bersama, s.first_day.year <= 2025 <= s.last_day.year
        ('Asia/Makassar', True, True)
        """
        return cls(
            zone=cal.zone,
            cuti_bersama=cal.cuti_bersama,
            first_day=cal.first_day,
            last_day=cal.last_day,
            decreed_years=tuple(cal.decreed_years),
            estimated_years=tuple(sorted(cal.estimated_years)),
        )
