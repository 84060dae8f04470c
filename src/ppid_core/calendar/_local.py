"""Office-local calendar settings: closures, extra working days, zone and office hours.

An office keeps these in a small YAML file next to its data::

    office: KPU Kabupaten Flores Timur
    zone: WITA
    office_hours:
      monday: 07:30-16:00
      tuesday: 07:30-16:00
      wednesday: 07:30-16:00
      thursday: 07:30-16:00
      friday: 07:30-16:30
    closures:
      - date: 2024-11-04
        until: 2024-11-08
        name: Penutupan kantor, erupsi Gunung Lewotobi Laki-laki
        source: Surat Edaran Sekretaris KPU Kabupaten (example)
    working_days:
      - date: 2024-12-28
        name: Hari kerja pengganti
        source: Keputusan Ketua KPU Kabupaten (example)

``office_hours`` gives the receipt hours per weekday; a working day not listed (say an
extra working Saturday) counts whole, and weekends and holidays come from the calendar. Times
are text (``07:30``); the strict loader never reads them as YAML 1.1 sexagesimal numbers.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ppid_core._i18n import _
from ppid_core._source import FileInput, read_source_text
from ppid_core._yaml import Document, node_path
from ppid_core.calendar._zones import OfficeHours, read_office_hours, resolve_zone
from ppid_core.errors import InvalidArgumentError, UnknownZoneError

__all__ = [
    "Closure",
    "ExtraWorkingDay",
    "LocalCalendar",
    "load_local_calendar",
    "parse_local_calendar",
]


@attrs.frozen(kw_only=True)
class Closure:
    """Days an office is closed although the national calendar says they are working days.

    Attributes:
        start: First closed day.
        end: Last closed day (inclusive; equal to ``start`` for one day).
        name: Why (a disaster closure, a local holiday, ...).
        source: The decision that closed the office, as cited.
    """

    start: dt.date
    end: dt.date = attrs.field()
    name: str
    source: str | None = None

    @end.validator
    def _check_end(self, _attr: object, end: dt.date) -> None:
        if end < self.start:
            msg = _("closure ends ({end}) before it starts ({start})").format(
                end=end, start=self.start
            )
            raise InvalidArgumentError(msg)

    def days(self) -> list[dt.date]:
        """Every day of the closure."""
        n = (self.end - self.start).days
        return [self.start + dt.timedelta(days=i) for i in range(n + 1)]


@attrs.frozen(kw_only=True)
class ExtraWorkingDay:
    """A day the office works although it is a weekend or holiday nationally."""

    date: dt.date
    name: str
    source: str | None = None


@attrs.frozen(kw_only=True)
class LocalCalendar:
    """An office's own calendar settings (see the module docstring for the file format)."""

    office: str | None = None
    zone: str | None = None
    office_hours: OfficeHours | None = None
    closures: tuple[Closure, ...] = ()
    working_days: tuple[ExtraWorkingDay, ...] = ()


def parse_local_calendar(text: str, *, source: str = "<string>") -> LocalCalendar:
    """Parse an office's local calendar file from its text.

    Raises:
        DataFileError: Every problem of the file, each located.

    Examples:
        >>> local = parse_local_calendar('''
        ... zone: NTT
        ... closures:
        ...   - date: 2024-11-15
        ...     name: Penutupan kantor
        ... ''')
        >>> local.zone, local.closures[0].end
        ('Asia/Makassar', datetime.date(2024, 11, 15))
    """
    doc = Document.parse(text, source=source)
    top = doc.mapping(
        doc.root, "$", optional=("office", "zone", "office_hours", "closures", "working_days")
    )
    office = doc.optional(top, "office", "$", doc.string)
    zone = None
    if "zone" in top:
        raw = doc.string(top["zone"], "$.zone")
        if raw is not None:
            try:
                zone = resolve_zone(raw)
            except UnknownZoneError as exc:
                doc.error(top["zone"], "$.zone", str(exc))
    hours = (
        read_office_hours(doc, top["office_hours"], "$.office_hours")
        if "office_hours" in top
        else None
    )

    closures: list[Closure] = []
    closed: dict[dt.date, str] = {}  # day -> the closure's path, to refuse a working day on it
    for _i, item, path in doc.items(top.get("closures"), "$.closures"):
        f = doc.mapping(item, path, required=("date", "name"), optional=("until", "source"))
        start = doc.date(f["date"], node_path(path, "date")) if "date" in f else None
        end = doc.optional(f, "until", path, doc.date) or start
        name = doc.string(f["name"], node_path(path, "name")) if "name" in f else None
        src = doc.optional(f, "source", path, doc.string)
        if start is None or end is None or name is None:
            continue
        if end < start:
            text = _("{end} is before the start {start}").format(end=end, start=start)
            doc.error(f["until"], node_path(path, "until"), text)
            continue
        closures.append(Closure(start=start, end=end, name=name, source=src))
        for day in closures[-1].days():
            closed.setdefault(day, path)

    extra: list[ExtraWorkingDay] = []
    for _i, item, path in doc.items(top.get("working_days"), "$.working_days"):
        f = doc.mapping(item, path, required=("date", "name"), optional=("source",))
        d = doc.date(f["date"], node_path(path, "date")) if "date" in f else None
        name = doc.string(f["name"], node_path(path, "name")) if "name" in f else None
        if d is not None and d in closed:
            doc.error(
                f["date"],
                node_path(path, "date"),
                _(
                    "{date} is also closed by {path}; a day is either closed or "
                    "an extra working day, not both"
                ).format(date=d.isoformat(), path=closed[d]),
            )
            continue
        if d is not None and name is not None:
            extra.append(
                ExtraWorkingDay(
                    date=d, name=name, source=doc.optional(f, "source", path, doc.string)
                )
            )

    doc.raise_errors()
    return LocalCalendar(
        office=office,
        zone=zone,
        office_hours=hours,
        closures=tuple(closures),
        working_days=tuple(extra),
    )


def load_local_calendar(file: FileInput, /, *, source: str | None = None) -> LocalCalendar:
    """Load an office's local calendar file: a path, its bytes or a binary file object.

    Args:
        file: The YAML file (see the module docstring for its format).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.

    Examples:
        >>> load_local_calendar(b"zone: WIT\\n").zone
        'Asia/Jayapura'
    """
    text, name = read_source_text(file, source=source)
    return parse_local_calendar(text, source=name)
