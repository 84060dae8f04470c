"""A register from typed records: the mappings an app's own database gives.

An e-PPID app keeps its requests in a table (``permohonan``), and a database driver hands
them over as mappings of column -> typed value: datetimes, dates, numbers, text.
[`register_from_records()`][register_from_records] (also
[`Register.from_records()`][ppid_core.requests.Register.from_records]) reads them into the
same [`Register`][ppid_core.requests.Register] a file gives, through the same row reader
(`ppid_core.requests._register_rows`): the same decision table, the same warnings, the same
calendar checks. Nothing is rendered to text and parsed back, and nothing is coerced:

- a date field (``received``, ``responded``, ``extended``, ``keberatan``, ``sengketa``) takes
  a ``datetime`` (an aware one is converted to the office's zone; a naive one is read in
  ``source_zone``, default the office's), a ``date``, or text read as a register cell is
  (``"2024-06-04 17:30"``, ``"4 Juni 2024"``); a number there is an error, never a serial;
- ``number`` takes text or an ``int``; every other field takes text only (a phone number
  stored as a number has lost its leading 0);
- ``None`` is an empty cell.

A record is located by its number, 1-based, as ``row N`` (the N-th record given), and by
its ``key`` column when one is named (``(record id=123)``): choose a key that is not
personal data, as messages show it unmasked.

References:
    UU 14/2008 Pasal 22 ayat (4) (the register); Keppres 41/1987 (WIB, WITA, WIT).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.requests._decisions import DecisionTable
from ppid_core.requests._layouts import FIELDS
from ppid_core.requests._register_parse import DEFAULT_ZONE
from ppid_core.requests._register_rows import Rows
from ppid_core.requests._zones_when import to_office_zone

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import Meaning
    from ppid_core.requests._register_model import Register

__all__ = ["DATE_FIELDS", "register_from_records"]

DATE_FIELDS = frozenset({"received", "responded", "extended", "keberatan", "sengketa"})
"""The register fields that hold a date."""
_DATE_TYPES = "expected a date, a datetime or text"


def _plan(fields: Mapping[str, str] | None, first: object) -> dict[str, str]:
    """Each record key read -> its field, checked (``fields`` None: the first record's keys
    named as fields, and ``received``)."""
    if fields is None:
        keys = first if isinstance(first, Mapping) else {}
        return {f: f for f in FIELDS if f in keys or f == "received"}
    problems = [
        f"{key!r}: unknown field {field!r}; expected one of: {', '.join(FIELDS)}"
        for key, field in fields.items()
        if field not in FIELDS
    ]
    seen: dict[str, str] = {}
    for key, field in fields.items():
        if field in seen:
            problems.append(f"{seen[field]!r} and {key!r} are both mapped to {field!r}")
        seen[field] = key
    if "received" not in seen and not problems:
        problems.append("no key is mapped to 'received' (the date received is required)")
    if problems:
        raise InvalidArgumentError("fields: " + "; ".join(problems))
    return dict(fields)


def _before(day: dt.date | None, dates: Mapping[str, dt.date | None]) -> str:
    """The warning for a notice dated before receipt, or ``""``."""
    received = dates.get("received")
    if day is None or received is None or day >= received:
        return ""
    return f"{day.isoformat()} is before the request was received ({received.isoformat()})"


class _Records:
    """Records being read into a [`Rows`][ppid_core.requests._register_rows.Rows]."""

    def __init__(self, rd: Rows, plan: Mapping[str, str], key: str | None):
        self.rd = rd
        rank = {f: n for n, f in enumerate(FIELDS)}
        self.order = sorted(plan.items(), key=lambda item: rank[item[1]])
        """The keys read, in the order of [`FIELDS`][ppid_core.requests.FIELDS] (messages too)."""
        self.key = key

    def where(self, record: Mapping[str, object]) -> str:
        if self.key is None:
            return ""
        value = record.get(self.key)
        shown = value if isinstance(value, int | str) else type(value).__name__
        return f" (record {self.key}={shown})"

    def error(self, n: int, column: str | None, message: str, record: Mapping[str, object]) -> None:
        self.rd.error(n, column, message + self.where(record))

    def day(self, value: dt.datetime | dt.date) -> tuple[dt.date | str, dt.time | None]:
        """The office's date (and time of day) of a typed value, or the error message."""
        rd = self.rd
        time: dt.time | None
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None and value.utcoffset() is not None:
                u = value.astimezone(dt.UTC)
                day, time = to_office_zone(
                    u.date(), u.time(), source_zone="UTC", office_zone=rd.office_zone
                )
                rd.moved += 1
            elif rd.source_zone is not None:  # as When.local() moves a time stored elsewhere
                day, time = to_office_zone(
                    value.date(),
                    value.time(),
                    source_zone=rd.source_zone,
                    office_zone=rd.office_zone,
                )
                rd.moved += 1
            else:
                day, time = value.date(), value.time()
        else:
            day, time = value, None
        cal = rd.calendar
        if cal is not None and not cal.covers(day):
            return (
                f"{day.isoformat()}: outside the calendar's coverage "
                f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})"
            ), None
        return day, time

    def when(self, value: object) -> tuple[dt.date | str | None, dt.time | None]:
        """A date field's value: its date and time, ``None`` when empty, or the message.

        A message starting with ``"got "`` is a wrong type (always an error)."""
        if value is None:
            return None, None
        if isinstance(value, dt.date):
            return self.day(value)
        if isinstance(value, str):
            text = value.strip()
            return self.rd.parse_date(text) if text else (None, None)
        return f"got {type(value).__name__}; {_DATE_TYPES}", None

    def add(self, n: int, record: object) -> None:
        """Read the ``n``-th record (1-based)."""
        rd = self.rd
        if not isinstance(record, Mapping):
            rd.error(n, None, f"got {type(record).__name__}; expected a mapping of key -> value")
            return
        dates: dict[str, dt.date | None] = {}
        texts: dict[str, str] = {}
        received_time: dt.time | None = None
        decision: Meaning | None = None
        failed = False
        for column, field in self.order:
            if column not in record:
                self.error(n, column, "missing; the record has no such key", record)
                failed = True
                continue
            value = record[column]
            if field in DATE_FIELDS:
                day, time = self.when(value)
                if isinstance(day, str) and (field == "received" or day.startswith("got ")):
                    self.error(n, column, day, record)
                    failed = True
                elif field == "received" and day is None:
                    self.error(n, column, "empty; expected a date", record)
                    failed = True
                elif isinstance(day, str):
                    rd.warn(n, field, day + self.where(record))
                elif field in {"responded", "extended"} and _before(day, dates):
                    rd.warn(n, field, _before(day, dates) + self.where(record))
                else:
                    dates[field] = day
                    if field == "received":
                        received_time = time
            elif field == "decision" and isinstance(value, str):
                meaning = rd.meaning_of(value)
                if isinstance(meaning, str):
                    rd.warn(n, field, meaning + self.where(record))
                else:
                    decision = meaning
            elif value is None or isinstance(value, str):
                texts[field] = "" if value is None else value.strip()
            elif field == "number" and isinstance(value, int) and not isinstance(value, bool):
                texts[field] = str(value)
            else:
                self.error(n, column, f"got {type(value).__name__}; expected text", record)
                failed = True
        received = dates.get("received")
        if failed or rd.errors or received is None:
            return
        rd.columns.append(
            row=n,
            number=texts.get("number", str(n)),
            unit=texts.get("unit", ""),
            service=texts.get("service", ""),
            information=texts.get("information", ""),
            received=received,
            received_time=received_time,
            name=texts.get("requester", ""),
            phone=texts.get("phone", ""),
            email=texts.get("email", ""),
            responded=dates.get("responded"),
            extended_on=dates.get("extended"),
            decision=decision,
            refusal_reason=texts.get("refusal_reason", ""),
            keberatan_on=dates.get("keberatan"),
            sengketa_on=dates.get("sengketa"),
        )


def register_from_records(
    records: Iterable[Mapping[Any, Any]],
    *,
    fields: Mapping[str, str] | None = None,
    key: str | None = None,
    source: str = "<records>",
    calendar: WorkCalendar | None = None,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
) -> Register:
    """A register from typed records (see
    [`Register.from_records()`][ppid_core.requests.Register.from_records]).

    Args:
        records: Mappings of key -> value, one per request (rows of a database table);
            read one by one, so a generator is never held whole.
        fields: Each record key read -> its register field (``{"tanggal_permohonan":
            "received"}``; the fields of [`FIELDS`][ppid_core.requests.FIELDS]); other keys
            are not read. Default: the first record's keys named as the fields themselves.
            Every record must have every key read (``None`` for an empty value).
        key: A record key that identifies a record in messages (``"id"``): not personal data.
        source: Name used in messages (a table's name).
        calendar: When given, dates outside its years are refused, and its zone is the
            office's (default WIB, ``Asia/Jakarta``).
        source_zone: The zone naive datetimes and zone-less texts were stored in (an app's
            ``UTC``); default the office's own.
        decisions: The decision table (default the bundled one).

    Raises:
        DataFileError: Every problem of the records, located by record and key.
        InvalidArgumentError: ``fields`` names an unknown field, a field twice, or none for
            ``received``.
        UnknownZoneError: An unknown ``source_zone``.
    """
    rows = iter(records)
    first = next(rows, None)
    plan = _plan(fields, first)
    office = calendar.zone if calendar is not None else DEFAULT_ZONE
    if source_zone is not None:  # an unknown zone is the caller's error, found at once
        to_office_zone(dt.date(2024, 1, 1), dt.time(0), source_zone=source_zone, office_zone=office)
    names = list(plan)
    index = {field: i for i, field in enumerate(plan.values())}
    rd = Rows(
        source,
        calendar,
        index,
        names,
        decisions=decisions or DecisionTable.bundled(),
        office_zone=office,
        source_zone=source_zone,
    )
    reading = _Records(rd, plan, key)
    if first is not None:
        reading.add(1, first)
        for n, record in enumerate(rows, start=2):
            reading.add(n, record)
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    notes: list[str] = []
    if "number" not in index:
        notes.append("the records have no register-number key: each request is numbered by its row")
    if rd.moved:
        where = f"as {source_zone} " if source_zone else ""
        notes.append(
            f"times written with a zone or stored {where}were moved to the office's zone "
            f"({rd.office_zone}) before their date was taken"
        )
    order = {f: n for n, f in enumerate(FIELDS)}
    return rd.columns.register(
        source=source,
        columns=frozenset(names),
        header_rows=(),
        blank_rows=(),
        repairs=(),
        ignored_columns=(),
        fields=frozenset(index),
        layout="records",
        header_row="",
        column_names=sorted(((f, c) for c, f in plan.items()), key=lambda p: order[p[0]]),
        notes=notes,
        warnings=rd.warnings,
    )
