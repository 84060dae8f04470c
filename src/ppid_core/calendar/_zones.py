"""Office time zones (WIB, WITA, WIT) and office hours.

A zone may be given as an IANA name (``Asia/Makassar``), as the Indonesian abbreviation
(``WITA``) or as a province (``Nusa Tenggara Timur``, ``NTT``); [`resolve_zone()`][resolve_zone]
returns the IANA name. The table is data (``calendar/data/zones.yaml``), citing
Keppres 41/1987.

References:
    Keppres 41/1987 (three time zones, from 1 January 1988); Perpres 21/2023 tentang Hari
    Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai ASN, Pasal 3 (five working days,
    Monday to Friday) and Pasal 4 (37 jam 30 menit a week without breaks, starting 07.30
    local time).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from ppid_core._i18n import _
from ppid_core._source import bundled_text
from ppid_core._yaml import Document, node_path
from ppid_core.errors import InvalidArgumentError, UnknownZoneError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_HOURS",
    "DefaultHours",
    "OfficeHours",
    "provinces",
    "read_office_hours",
    "resolve_zone",
    "zone_info",
]

_IANA_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")
_LEGACY = {"Asia/Ujung_Pandang": "Asia/Makassar"}  # tzdata backward-compatibility link


def _norm(text: str) -> str:
    text = re.sub(r"^(provinsi|prov\.?)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).casefold()


@functools.cache
def _zone_table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    text, source = bundled_text("ppid_core.calendar", "data", "zones", what="zone table")
    doc = Document.parse(text, source=source)
    top = doc.mapping(doc.root, "$", required=("abbreviations", "provinces", "province_aliases"))
    abbrev: dict[str, str] = {}
    for key, node in doc.mapping(top["abbreviations"], "$.abbreviations", open_keys=True).items():
        zone = doc.choice(node, node_path("$.abbreviations", key), _IANA_ZONES)
        if zone:
            abbrev[key] = zone
    by_province: dict[str, str] = {}
    official: dict[str, str] = {}
    for zone, node in doc.mapping(top["provinces"], "$.provinces", required=_IANA_ZONES).items():
        for _i, pnode, ppath in doc.items(node, node_path("$.provinces", zone)):
            prov = doc.string(pnode, ppath)
            if prov:
                by_province[_norm(prov)] = zone
                official[_norm(prov)] = prov
    aliases = doc.mapping(top["province_aliases"], "$.province_aliases", open_keys=True)
    for alias, node in aliases.items():
        target = doc.string(node, node_path("$.province_aliases", alias))
        if target and _norm(target) in by_province:
            by_province[_norm(alias)] = by_province[_norm(target)]
        elif target:
            text = _("unknown province {name!r}").format(name=target)
            doc.error(node, node_path("$.province_aliases", alias), text)
    doc.raise_errors()
    return abbrev, by_province, official


def provinces() -> dict[str, str]:
    """Every province (official name) and the IANA zone of its offices.

    >>> provinces()["Nusa Tenggara Timur"]
    'Asia/Makassar'
    >>> len(provinces())
    38
    """
    _abbrev, by_province, official = _zone_table()
    return {official[k]: by_province[k] for k in official}


def resolve_zone(zone: str) -> str:
    """The IANA name for an IANA name, WIB/WITA/WIT or a province name.

    Raises:
        UnknownZoneError: The text names no Indonesian zone or province.

    Examples:
        >>> resolve_zone("WITA"), resolve_zone("Provinsi NTT"), resolve_zone("Asia/Jayapura")
        ('Asia/Makassar', 'Asia/Makassar', 'Asia/Jayapura')
        >>> resolve_zone("Asia/Tokyo")
        Traceback (most recent call last):
        ...
        ppid_core.errors.UnknownZoneError: unknown zone 'Asia/Tokyo'; expected an Indonesian IANA
        zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, WIT or a
        province name
    """
    text = zone.strip()
    if text in _IANA_ZONES:
        return text
    if text in _LEGACY:
        return _LEGACY[text]
    abbrev, by_province, _official = _zone_table()
    if text.upper() in abbrev:
        return abbrev[text.upper()]
    if _norm(text) in by_province:
        return by_province[_norm(text)]
    msg = _(
        "unknown zone {zone!r}; expected an Indonesian IANA zone ({zones}), "
        "WIB, WITA, WIT or a province name"
    ).format(zone=zone, zones=", ".join(_IANA_ZONES))
    raise UnknownZoneError(msg)


@functools.cache
def zone_info(zone: str) -> ZoneInfo:
    """The `zoneinfo.ZoneInfo` of a zone given in any form [`resolve_zone()`][resolve_zone]
    takes."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - only aware datetimes need it

    return ZoneInfo(resolve_zone(zone))


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN_RE = re.compile(
    r"([01][0-9]|2[0-3])[:.]([0-5][0-9])\s*-\s*([01][0-9]|2[0-4])[:.]([0-5][0-9])"
)


def _span(text: str) -> tuple[dt.time, dt.time]:
    """``07:30-16:00`` as two times; ``24:00`` closes at the end of the day.

    Raises:
        InvalidArgumentError: Not ``HH:MM-HH:MM``, a closing time past 24:00 (``24:30``
            was once read as 00:30), or a span that closes before it opens.
    """
    m = _SPAN_RE.fullmatch(text.strip())
    if not m:
        msg = _("expected office hours as HH:MM-HH:MM, got {text!r}").format(text=text)
        raise InvalidArgumentError(msg)
    if m[3] == "24" and m[4] != "00":
        msg = _(
            "{time} is past the end of the day; office hours close by 24:00, got {text!r}"
        ).format(time=f"{m[3]}:{m[4]}", text=text)
        raise InvalidArgumentError(msg)
    start = dt.time(int(m[1]), int(m[2]))
    end = dt.time.max if m[3] == "24" else dt.time(int(m[3]), int(m[4]))
    if end <= start:
        msg = _("office hours must close after they open, got {text!r}").format(text=text)
        raise InvalidArgumentError(msg)
    return start, end


def _hours(hours: Mapping[int, tuple[dt.time, dt.time]]) -> dict[int, tuple[dt.time, dt.time]]:
    return dict(hours)


def _hours_key(hours: Mapping[int, tuple[dt.time, dt.time]]) -> tuple[object, ...]:
    """What equality and hashing compare: the spans by weekday, in weekday order."""
    return tuple(sorted(hours.items()))


@attrs.frozen(kw_only=True)
class OfficeHours:
    """When an office receives requests, per weekday (local time of the office's zone).

    A request that arrives before opening on a working day counts for that day; one that
    arrives at or after closing counts for the next working day (KPU e-PPID practice:
    registration outside office hours is activated on the next working day). A working
    day without hours here counts whole. Non-working days are the calendar's business.

    Equal hours compare and hash equal (an office's hours are part of its calendar's
    identity, see [`WorkCalendar`][ppid_core.calendar.WorkCalendar]).

    Attributes:
        hours: Weekday (0 = Monday) to opening and closing time; a copy of the mapping
            given, to be read, not changed.

    Examples:
        >>> h = OfficeHours.perpres_21_2023()
        >>> h.hours[0]
        (datetime.time(7, 30), datetime.time(16, 0))
        >>> h.hours[4]
        (datetime.time(7, 30), datetime.time(16, 30))
        >>> OfficeHours.parse({"monday": "08:00-16:00"}).hours
        {0: (datetime.time(8, 0), datetime.time(16, 0))}
    """

    hours: Mapping[int, tuple[dt.time, dt.time]] = attrs.field(converter=_hours, eq=_hours_key)

    @classmethod
    def perpres_21_2023(cls) -> OfficeHours:
        """The standard government week derived from Perpres 21/2023.

        Pasal 4 sets 37 jam 30 menit a week without breaks, starting 07.30 local time,
        with a 60-minute break (90 minutes on Friday): Monday–Thursday 07:30–16:00 and
        Friday 07:30–16:30. The exact schedule is set by each office's head (Pasal 4 and
        the Perpres' closing provisions), and Ramadan hours differ (32 jam 30 menit from
        08.00): offices with other hours pass their own.
        """
        mon_thu = (dt.time(7, 30), dt.time(16, 0))
        return cls(
            hours={
                0: mon_thu,
                1: mon_thu,
                2: mon_thu,
                3: mon_thu,
                4: (dt.time(7, 30), dt.time(16, 30)),
            }
        )

    @classmethod
    def parse(cls, spec: Mapping[str, str]) -> OfficeHours:
        """Build from ``{"monday": "07:30-16:00", ...}`` (English day names).

        Raises:
            InvalidArgumentError: An unknown day name, or a malformed or empty span
                (``24:30`` is refused, not read as 00:30).
        """
        hours: dict[int, tuple[dt.time, dt.time]] = {}
        for day, text in spec.items():
            if day.casefold() not in _DAY_NAMES:
                msg = _("unknown day {day!r}; expected one of: {days}").format(
                    day=day, days=", ".join(_DAY_NAMES)
                )
                raise InvalidArgumentError(msg)
            hours[_DAY_NAMES.index(day.casefold())] = _span(text)
        return cls(hours=hours)

    def is_open(self, when: dt.datetime) -> bool:
        """Whether a local wall-clock time falls inside the hours of its weekday."""
        span = self.hours.get(when.weekday())
        return span is not None and span[0] <= when.time() < span[1]

    def after_closing(self, when: dt.datetime) -> bool:
        """Whether a local time is at or after closing time of its weekday.

        A weekday without hours has no closing time: on a day the calendar counts as a
        working day (an extra working Saturday, or hours given only for some days) the
        whole day counts, rather than pushing receipt to the next working day.
        """
        span = self.hours.get(when.weekday())
        return span is not None and when.time() >= span[1]


class DefaultHours:
    """The default of ``office_hours``: the local file's hours, else Perpres 21/2023's."""

    def __repr__(self) -> str:
        return "OfficeHours.perpres_21_2023()"


DEFAULT_HOURS: Final = DefaultHours()


def read_office_hours(doc: Document, node: object, path: str) -> OfficeHours | None:
    """Read an ``office_hours`` mapping from a YAML document, recording located errors."""
    fields = doc.mapping(node, path, optional=_DAY_NAMES)  # type: ignore[arg-type]
    hours: dict[int, tuple[dt.time, dt.time]] = {}
    for day, vnode in fields.items():
        text = doc.string(vnode, node_path(path, day))
        if text is None:
            continue
        try:
            hours[_DAY_NAMES.index(day)] = _span(text)
        except InvalidArgumentError as exc:
            doc.error(vnode, node_path(path, day), str(exc))
    return OfficeHours(hours=hours) if hours else None
