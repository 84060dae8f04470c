"""A register cell's moment ([`When`][When]) and its conversion to the office's zone.

A time read from a register may carry a zone: ``WIB``, ``WITA``, ``WIT`` as the office
writes them, ``UTC``/``GMT``/``Z`` and offsets (``+07:00``, ``+0700``) as apps export them.
A time without a zone is in the office's zone unless the caller knows better (an app that
stores UTC): [`to_office_zone()`][to_office_zone] converts it. The cells themselves are
read by `ppid_core.requests._dates`.

References:
    Keppres 41/1987 (WIB, WITA, WIT); ISO 8601 (times and offsets).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from ppid_core.errors import InvalidArgumentError, UnknownZoneError

__all__ = [
    "INDONESIAN_ZONES",
    "OFFSET",
    "UTC_NAMES",
    "When",
    "to_office_zone",
    "utc_offset",
]

OFFSET = re.compile(r"(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
"""A UTC offset as written: ``+07:00``, ``+0700``, ``UTC+7``."""
UTC_NAMES = frozenset({"UTC", "GMT", "Z", "ETC/UTC"})
"""The names of UTC taken as a zone (upper case)."""
INDONESIAN_ZONES = frozenset({"WIB", "WITA", "WIT"})
"""The zones of Indonesia as offices write them (Keppres 41/1987)."""


def utc_offset(text: str) -> dt.timedelta | None:
    """``+07:00``, ``+0700``, ``UTC+7`` as a timedelta; ``None`` for 24 hours or more.

    >>> utc_offset("+0700"), utc_offset("UTC-3:30"), utc_offset("+24:00")
    (datetime.timedelta(seconds=25200), datetime.timedelta(days=-1, seconds=73800), None)
    """
    m = OFFSET.fullmatch(text)
    if m is None or int(m[2]) > 23 or int(m[3] or 0) > 59:
        return None
    delta = dt.timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return -delta if m[1] == "-" else delta


@functools.cache
def _tz(zone: str) -> dt.tzinfo:
    """The tzinfo of a zone as [`to_office_zone()`][to_office_zone] takes it."""
    text = zone.strip()
    if text.upper() in UTC_NAMES:
        return dt.UTC
    if OFFSET.fullmatch(text):
        delta = utc_offset(text)
        if delta is None:
            msg = f"no such UTC offset {zone!r}; expected e.g. +07:00"
            raise InvalidArgumentError(msg)
        return dt.timezone(delta)
    from ppid_core.calendar._zones import zone_info  # noqa: PLC0415 - zone data on first use

    try:
        return zone_info(text)
    except UnknownZoneError:
        msg = (
            f"unknown zone {zone!r}; expected UTC, an offset such as +07:00, WIB, WITA, WIT, "
            "an Indonesian IANA zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, "
            "Asia/Jayapura) or a province name"
        )
        raise UnknownZoneError(msg) from None


def to_office_zone(
    day: dt.date, time: dt.time, *, source_zone: str, office_zone: str
) -> tuple[dt.date, dt.time]:
    """A timestamp stored in ``source_zone`` as the office's date and time of day.

    Apps often store UTC: an e-PPID export's ``2023-10-25 20:00:00`` is 26 October at
    03:00 in a WIB office, and the day it was received there is the 26th.

    Args:
        day: The stored date.
        time: The stored time of day (naive).
        source_zone: The zone the timestamp was stored in: ``UTC`` (also ``GMT``, ``Z``),
            an offset (``+07:00``, ``UTC+08:00``), or an Indonesian zone in any form
            [`resolve_zone()`][ppid_core.calendar.resolve_zone] takes (``WIB``,
            ``Asia/Makassar``, ``NTT``). None of these has daylight saving time, so every
            timestamp exists once and the conversion is exact both ways.
        office_zone: The office's zone, in the same forms.

    Returns:
        The date and (naive) time of day in the office's zone.

    Raises:
        UnknownZoneError: A zone in none of those forms.
        InvalidArgumentError: ``time`` carries its own tzinfo, or an offset of 24 hours
            or more.

    Examples:
        >>> to_office_zone(
        ...     dt.date(2023, 10, 25), dt.time(20, 0), source_zone="UTC", office_zone="WIB"
        ... )
        (datetime.date(2023, 10, 26), datetime.time(3, 0))
        >>> to_office_zone(dt.date(2024, 6, 4), dt.time(9, 0), source_zone="WIB", office_zone="NTT")
        (datetime.date(2024, 6, 4), datetime.time(10, 0))
    """
    if time.tzinfo is not None:
        msg = f"expected a naive time of day, got {time.isoformat()}; the zone is source_zone"
        raise InvalidArgumentError(msg)
    stamp = dt.datetime.combine(day, time, tzinfo=_tz(source_zone))
    local = stamp.astimezone(_tz(office_zone))
    return local.date(), local.time()


def _zone_needs_time(inst: When, _attr: attrs.Attribute[str | None], zone: str | None) -> None:
    if zone is None:
        return
    if inst.time is None:
        msg = f"a zone ({zone}) needs a time of day"
        raise InvalidArgumentError(msg)
    _tz(zone)


@attrs.frozen(kw_only=True)
class When:
    """A register cell's date, its time of day when written, and the zone written after it.

    Attributes:
        day: The date as written (in ``zone`` when one is given).
        time: The time of day, ``None`` when the cell has a date alone.
        zone: The zone written after the time: ``WIB``, ``WITA``, ``WIT``, ``UTC``, or an
            offset as ``UTC+07:00``; ``None`` when the cell names none (the office's own
            zone, unless the caller knows the app stored another).

    Raises:
        InvalidArgumentError: A zone without a time of day.
        UnknownZoneError: A zone [`to_office_zone()`][to_office_zone] does not take.
    """

    day: dt.date
    time: dt.time | None = None
    zone: str | None = attrs.field(default=None, validator=_zone_needs_time)

    def local(self, office_zone: str, *, source_zone: str | None = None) -> When:
        """This moment in the office's zone (a [`When`][When] without a zone).

        The zone written in the cell comes first, then ``source_zone`` (where the caller
        knows an app's timestamps are stored, often UTC); with neither the time already
        is the office's. A date alone is the office's own day and is not moved.

        >>> When(day=dt.date(2023, 10, 25), time=dt.time(20, 0)).local("WIB", source_zone="UTC")
        When(day=datetime.date(2023, 10, 26), time=datetime.time(3, 0), zone=None)
        """
        stored = self.zone or source_zone
        if self.time is None or stored is None:
            return self
        day, time = to_office_zone(self.day, self.time, source_zone=stored, office_zone=office_zone)
        return When(day=day, time=time)
