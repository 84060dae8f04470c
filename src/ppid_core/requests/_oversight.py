"""Oversight of the PPID Pelaksana (pengawasan): [`oversight()`][oversight].

A provincial PPID supervises its PPID Pelaksana (KPU Provinsi NTT: 22 KPU
kabupaten/kota) by reading their registers together. Per unit it counts the requests,
those answered within the response period (10 working days, UU 14/2008 Pasal 22 ayat
(7)) and within the extended one (17, ayat (8)), those overdue on the oversight's date
(the overdue test of the service report), and the median response time; the units that
reported nothing are listed too. ``by="month"`` adds the monthly form: the seed's
*rekapitulasi progres layanan informasi yang dilaporkan ke PPID*.

How units are named:

- a register with a unit column: each request belongs to the unit its cell names, as
  written (a file with several units is split by unit). Names are compared folded (case,
  punctuation and repeated blanks ignored), so ``KPU Kab. Kupang`` and ``KPU KAB
  KUPANG`` are one unit; the first spelling met (files in name order) is shown and the
  others are named in a note. A request whose unit cell is empty is counted under
  ``(unit tidak dicatat)``, with a note naming its rows;
- a register without a unit column: its requests belong to a unit named after the file
  (``kpu_kab_alor.csv`` → ``kpu_kab_alor``), and a note says so;
- ``units``, the expected units (a list, or ``--units FILE``), are listed first in their
  order, with ``tidak melapor`` for a unit that has no register or an empty one; a unit of
  the registers that the list lacks is listed after them, with a note.

Time zones: a register is read in its unit's zone, ``zones[file name]`` (``--zone-map
FILE``), else the calendar's. The zone decides which day a time of receipt falls on and
whether it is after office hours; holidays are national, so working days are the same.

Response times count working days from the receipt date (the next working day for a
request received on a non-working day or after office hours) to the written notice; a
notice dated before the receipt date counts 0, as in the service report. Unknowns stay
unknown: a register without a response-date column gives its requests no timing (not
on time, not overdue), and an open request whose deadline cannot be judged is counted
apart.

``on`` is an "as of" date: a request received after it is not counted, and a response or
extension dated after it is read as not yet made on that day (each with a note naming the
rows). Nothing is counted twice without a word: a file given twice is read once (a
note); a unit fed by several files gets a note naming them; a row that two files of one
unit repeat word for word is counted in each, with a warning naming the files and rows.
The registers' own warnings (a cell that cannot be read, a response dated before its
request) are passed on in ``warnings``, located.

    >>> import datetime as dt
    >>> from ppid_core.examples.requests.oversight import example_folder
    >>> table = oversight(example_folder(), on=dt.date(2024, 12, 31))
    >>> table.total.requests, [(u.unit, u.summary.requests) for u in table.units][:2]
    (12, [('KPU Kabupaten Alor', 3), ('KPU Kabupaten Kupang', 5)])

References:
    UU 14/2008 Pasal 22 ayat (7)–(8); seed 000 (KPU Provinsi NTT), "2. Pengawasan" and
    "4. Monitoring".
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import N_, _
from ppid_core.errors import DataFileError, InvalidArgumentError, LocatedError
from ppid_core.requests._oversight_files import (
    REGISTER_SUFFIXES,
    register_files,
    several_files_error,
)
from ppid_core.requests._oversight_summary import UnitSummary
from ppid_core.requests._oversight_table import OversightRow, OversightTable
from ppid_core.requests._oversight_units import Part, Unit, gather, rule_notes, unit_checks
from ppid_core.requests._register import Register, load_register
from ppid_core.requests._rules import RuleSet, Step

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import DecisionTable
    from ppid_core.requests._layouts import LayoutInput

__all__ = ["oversight"]

BY = ("year", "month")

RegisterInput = Register | str | os.PathLike[str]


def oversight(
    registers: RegisterInput | Iterable[RegisterInput],
    *,
    on: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | str = "uu_14_2008",
    by: str = "year",
    year: int | None = None,
    units: Sequence[str] | None = None,
    zones: Mapping[str, str] | None = None,
    layout: LayoutInput | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
    include_hidden: bool = False,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
) -> OversightTable:
    """The compliance table of the PPID Pelaksana from their registers.

    Args:
        registers: Register files, folders (their ``.csv``, ``.xlsx`` and ``.xlsm`` files,
            one per unit) or imported [`Register`][ppid_core.requests.Register]s; the order
            does not matter (they are taken in name order).
        on: The oversight's date, an "as of" date (default today in the calendar's
            zone): "overdue" means overdue on this day; requests received after it are
            not counted, and responses and extensions dated after it are read as not yet
            made (each with a note).
        calendar: The provincial office's calendar (default
            ``WorkCalendar.indonesia()``); each register uses it in its own zone.
        rules: The deadline rule set; its response and extended periods are the limits.
        by: ``"year"``, one row per unit; ``"month"``, also one row per unit and month
            received (every month of ``year`` when given, else the months the registers
            span).
        year: Count only requests received in this year (the others are named in a note).
        units: The units expected to report, so that a silent one is listed.
        zones: Register file name (``kpu_kab_merauke.csv``, or a register's ``source``)
            → its unit's zone (IANA, WIB/WITA/WIT or a province).
        layout: The layout of the headers, for every file (as in
            [`load_register()`][ppid_core.requests.load_register]).
        columns: Columns chosen by their header, for every file.
        sheet: The XLSX sheet to read in each workbook.
        include_hidden: Read hidden XLSX rows as data.
        source_zone: The zone times without one were stored in.
        decisions: The decision table.

    Returns:
        The [`OversightTable`][ppid_core.requests.OversightTable]; its ``total`` is the merge
        of the units' summaries. Its ``warnings`` hold each register's unreadable or
        contradictory cells (row and column, as ``load_register`` gives them) and the
        rows that two files of one unit repeat word for word (each still counted).

    Raises:
        DataFileError: Every problem of every file at once (each located in its file), a
            folder without a register file, a file that cannot be opened.
        InvalidArgumentError: An unknown ``by``; expected units listed twice.
        CalendarCoverageError: A date the calendar does not cover.
        UnknownNameError: No sheet or column of that name; an unknown layout.

    References:
        UU 14/2008 Pasal 22 ayat (7)–(8).
    """
    from ppid_core.calendar import WorkCalendar  # noqa: PLC0415 - the default calendar

    if by not in BY:
        msg = f"by must be one of {', '.join(map(repr, BY))}, got {by!r}"
        raise InvalidArgumentError(msg)
    rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
    cal = calendar if calendar is not None else WorkCalendar.indonesia()
    today = on or dt.datetime.now(ZoneInfo(cal.zone)).date()
    zone_of = dict(zones or {})
    calendars: dict[str, WorkCalendar] = {cal.zone: cal}

    def in_zone(name: str) -> WorkCalendar:
        from ppid_core.calendar import resolve_zone  # noqa: PLC0415

        zone = resolve_zone(zone_of.get(name, cal.zone))
        if zone not in calendars:
            calendars[zone] = attrs.evolve(cal, zone=zone)
        return calendars[zone]

    items: list[RegisterInput] = (
        [registers] if isinstance(registers, Register | str | os.PathLike) else list(registers)
    )
    given = [r for r in items if isinstance(r, Register)]
    files, notes, errors = register_files([r for r in items if not isinstance(r, Register)])
    inputs = len(files) + len(errors) + len(given)  # a folder without registers is one
    parts = [
        Part(
            register=r,
            name=_stem(r.source),
            calendar=in_zone(r.source),
            zone_given=r.source in zone_of,
        )
        for r in given
    ]
    for path in files:
        try:
            reg = load_register(
                path,
                calendar=in_zone(path.name),
                layout=layout,
                columns=columns,
                sheet=sheet,
                include_hidden=include_hidden,
                source_zone=source_zone,
                decisions=decisions,
            )
        except DataFileError as exc:
            errors += [e for e in exc.exceptions if isinstance(e, LocatedError)]
            continue
        except OSError as exc:
            errors.append(
                LocatedError(
                    _("cannot be read: {reason}").format(reason=exc.strerror or exc),
                    source=str(path),
                )
            )
            continue
        parts.append(
            Part(
                register=reg,
                name=path.stem,
                calendar=in_zone(path.name),
                zone_given=path.name in zone_of,
            )
        )
    if errors:
        raise several_files_error(errors, inputs)
    used = {p.register.source for p in parts} | {p.name for p in parts} | {f.name for f in files}
    notes += [
        N_("zone map: {name}: no register of that name was read").format(name=k)
        for k in zone_of
        if k not in used
    ]

    gathered = _expected(units or ())
    warnings: list[str] = []
    for part in sorted(parts, key=lambda p: (p.register.source, p.name)):
        notes += gather(part, gathered, rs, today, year)
        warnings += [str(w) for w in part.register.warnings]
    for unit in gathered.values():
        more_notes, more_warnings = unit_checks(unit)
        notes += more_notes
        warnings += more_warnings
    limits = (rs.days(Step.RESPONSE), rs.days(Step.RESPONSE) + rs.days(Step.EXTENDED_RESPONSE))
    notes += rule_notes(rs, limits)
    if units:
        notes += [
            N_('unit "{unit}" is not in the list of expected units ({files})').format(
                unit=u.name, files=", ".join(u.sources)
            )
            for u in gathered.values()
            if not u.expected
        ]
    order = [u for u in gathered.values() if u.expected]
    order += sorted((u for u in gathered.values() if not u.expected), key=_name_order)
    rows = tuple(_row(u, None) for u in order)
    return OversightTable(
        on=today,
        rule_set=rs.name,
        limits=limits,
        by=by,
        year=year,
        units=rows,
        months=None if by == "year" else _months(order, rows, year),
        total=UnitSummary.merge(r.summary for r in rows),
        sources=tuple(sorted(p.register.source for p in parts)),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )


def _stem(source: str) -> str:
    """A register's file name without its suffix (``kpu_kab_alor.csv`` → ``kpu_kab_alor``)."""
    path = Path(source)
    return path.stem if path.suffix.lower() in REGISTER_SUFFIXES else source


def _name_order(unit: Unit) -> tuple[str, str]:
    return fold(unit.name), unit.name


def _expected(names: Sequence[str]) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for name in names:
        if fold(name) in out:
            msg = _("unit {name!r} is expected twice (as {first!r}); list it once").format(
                name=name, first=out[fold(name)].name
            )
            raise InvalidArgumentError(msg)
        out[fold(name)] = Unit(name=name, expected=True)
    return out


def _row(unit: Unit, month: str | None) -> OversightRow:
    whole = UnitSummary.merge(unit.parts.get(None, ()))
    return OversightRow(
        unit=unit.name,
        summary=whole if month is None else UnitSummary.merge(unit.parts.get(month, ())),
        month=month,
        reported=whole.requests > 0,
        sources=tuple(unit.sources),
        zones=tuple(unit.zones),
    )


def _months(
    units: list[Unit], rows: tuple[OversightRow, ...], year: int | None
) -> tuple[OversightRow, ...]:
    seen = sorted({m for u in units for m in u.parts if m is not None})
    if year is not None:
        keys = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
    elif seen:
        (y0, m0), (y1, m1) = (_month_key(seen[0]), _month_key(seen[-1]))
        keys = [
            f"{y:04d}-{m:02d}"
            for y in range(y0, y1 + 1)
            for m in range(1, 13)
            if (y0, m0) <= (y, m) <= (y1, m1)
        ]
    else:
        keys = []
    return tuple(
        attrs.evolve(_row(u, key), reported=row.reported)
        for key in keys
        for u, row in zip(units, rows, strict=True)
    )


def _month_key(key: str) -> tuple[int, int]:
    """``"2024-06"`` → ``(2024, 6)``."""
    return int(key[:4]), int(key[5:])
