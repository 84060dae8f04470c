"""The requests of each register, gathered into the oversight's units.

Internals of [`oversight()`][ppid_core.requests.oversight] (public names of a private
module): a register [`Part`][Part] is split into its units, each request's response time
and deadline status are computed once in its unit's zone, and every unit and every month
gets a [`UnitSummary`][ppid_core.requests.UnitSummary].

References:
    UU 14/2008 Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import N_
from ppid_core.requests._overdue import overdue_requests, receipt_dates
from ppid_core.requests._oversight_summary import UnitSummary
from ppid_core.requests._register_merge import passed_over
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._service_figures import unread_positions, unreadable_deadlines

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._register_model import Register

__all__ = ["NO_UNIT", "Part", "Unit", "gather", "rule_notes", "unit_checks"]

NO_UNIT = "(unit tidak dicatat)"
"""The unit of a request whose unit cell is empty."""


@attrs.frozen(kw_only=True)
class Part:
    """One register to oversee, its fallback unit name and the calendar of its zone."""

    register: Register
    name: str
    calendar: WorkCalendar
    zone_given: bool = False


@attrs.define
class Unit:
    """A unit being gathered: its name as shown, its parts' summaries, where they came from."""

    name: str
    parts: dict[str | None, list[UnitSummary]] = attrs.Factory(lambda: defaultdict(list))
    sources: dict[str, None] = attrs.Factory(dict)
    zones: dict[str, None] = attrs.Factory(dict)
    expected: bool = False
    copies: dict[tuple[object, ...], list[tuple[str, int]]] = attrs.Factory(
        lambda: defaultdict(list)
    )


def gather(
    part: Part, units: dict[str, Unit], rules: RuleSet, today: dt.date, year: int | None
) -> list[str]:
    """Add one register's requests to their units; return the notes on its reading."""
    reg, src = part.register, part.register.source
    notes = [
        N_("{source}: read with layout {layout}; header: {header}").format(
            source=p.source, layout=p.layout, header=p.header
        )
        for p in reg.provenance
    ]
    notes += [f"{src}: {n}" for n in (*reg.notes, *passed_over(reg))]
    if part.zone_given:
        notes.append(
            N_("{source}: read in zone {zone} (zone map)").format(
                source=src, zone=part.calendar.zone
            )
        )
    in_year = [i for i, d in enumerate(reg.received) if year is None or d.year == year]
    if len(in_year) < len(reg):
        notes.append(
            N_("{source}: {requests} outside {year} not counted").format(
                source=src, requests=_requests(len(reg) - len(in_year)), year=year
            )
        )
    idx = [i for i in in_year if reg.received[i] <= today]
    if later := [reg.rows[i] for i in in_year if i not in set(idx)]:
        notes.append(
            N_(
                "{source}: {requests} received after {day} (the oversight's date) not "
                "counted ({rows})"
            ).format(
                source=src, requests=_requests(len(later)), day=today.isoformat(), rows=_rows(later)
            )
        )
    timed = "responded" in reg.fields
    days, status = _timing(part, idx, rules, today) if timed else ([None] * len(idx), [])
    if not timed and idx:
        notes.append(
            N_(
                "{source}: no column for the response date; the timing of its {requests} is "
                "unknown (neither on time nor overdue)"
            ).format(source=src, requests=_requests(len(idx)))
        )
    for field, after in (
        (
            "responded",
            N_(
                "{source}: a response dated after {day} (the oversight's date) is read as not "
                "yet made on that day ({rows})"
            ),
        ),
        (
            "extended",
            N_(
                "{source}: an extension dated after {day} (the oversight's date) is read as "
                "not yet made on that day ({rows})"
            ),
        ),
    ):
        dates = reg.responded if field == "responded" else reg.extended_on
        if late := [reg.rows[i] for i in idx if (d := dates[i]) is not None and d > today]:
            notes.append(after.format(source=src, day=today.isoformat(), rows=_rows(late)))
    for field, effect in (
        (
            "responded",
            N_('those requests count as not answered, under "Batas waktu tidak dapat dihitung"'),
        ),
        ("extended", N_('those still open count under "Batas waktu tidak dapat dihitung"')),
    ):
        if unread := sorted(reg.rows[i] for i in unread_positions(reg, field)):
            notes.append(
                N_(
                    '{source}: {cells} of column "{column}" could not be read ({rows}; see the '
                    "warnings); {effect}"
                ).format(
                    source=src,
                    cells=_cells(len(unread)),
                    column=reg.column(field),
                    rows=_rows(unread),
                    effect=effect,
                )
            )
    written = "unit" in reg.fields and len(reg) > 0  # names as written, not the file's
    if "unit" in reg.fields:
        names = [reg.units[i] or NO_UNIT for i in range(len(reg))]
        blank = [reg.rows[i] for i in range(len(reg)) if not reg.units[i]]
        if blank:
            notes.append(
                N_(
                    '{source}: {requests} without a unit ({rows}), counted under "{no_unit}"'
                ).format(
                    source=src, requests=_requests(len(blank)), rows=_rows(blank), no_unit=NO_UNIT
                )
            )
    else:
        names = [part.name] * len(reg)
        if len(reg):
            notes.append(
                N_(
                    "{source}: no unit column; its requests are counted under the file's name "
                    '"{name}"'
                ).format(source=src, name=part.name)
            )
    if not len(reg):
        names = [part.name]
    groups: dict[str, list[int]] = defaultdict(list)
    for j, i in enumerate(idx):
        groups[names[i]].append(j)
    for name in dict.fromkeys(names):
        unit = units.setdefault(fold(name), Unit(name=name))
        if unit.expected and not unit.sources and written and name != NO_UNIT:
            unit.name = name  # shown as written in its register
        elif unit.name != name and written:
            notes.append(
                N_('{source}: unit "{name}" counted as "{unit}" (the same name folded)').format(
                    source=src, name=name, unit=unit.name
                )
            )
        unit.sources[src] = None
        if not len(reg):
            notes.append(
                N_('{source}: empty register (no requests): "{unit}" reported nothing').format(
                    source=src, unit=unit.name
                )
            )
        unit.zones[part.calendar.zone] = None
        js = groups.get(name, [])
        for j in js:
            unit.copies[_content(reg, idx[j])].append((src, reg.rows[idx[j]]))
        unit.parts[None].append(_summary(js, days, status, timed=timed))
        by_month: dict[str, list[int]] = defaultdict(list)
        for j in js:
            d = reg.received[idx[j]]
            by_month[f"{d.year:04d}-{d.month:02d}"].append(j)
        for month, mjs in by_month.items():
            unit.parts[month].append(_summary(mjs, days, status, timed=timed))
    return notes


def _summary(
    js: list[int], days: list[int | None], status: list[str], *, timed: bool
) -> UnitSummary:
    if not timed:
        return UnitSummary(requests=len(js))
    kinds = Counter(status[j] for j in js)
    return UnitSummary(
        requests=len(js),
        timed=len(js),
        response_days=Counter(d for j in js if (d := days[j]) is not None).items(),
        open=kinds["open"] + kinds["overdue"] + kinds["unknown"],
        overdue=kinds["overdue"],
        overdue_unknown=kinds["unknown"],
    )


def _timing(
    part: Part, idx: list[int], rules: RuleSet, today: dt.date
) -> tuple[list[int | None], list[str]]:
    """Per counted request: its response time in working days (or ``None``) and its
    status: ``answered``, ``open``, ``overdue`` or ``unknown`` (deadline not judged)."""
    reg, cal = part.register, part.calendar
    received = [reg.received[i] for i in idx]
    times = [reg.received_times[i] for i in idx]
    responded = [_by(reg.responded[i], today) for i in idx]
    answered = [j for j, r in enumerate(responded) if r is not None]
    days: list[int | None] = [None] * len(idx)
    receipts = receipt_dates([received[j] for j in answered], [times[j] for j in answered], cal)
    ends = [responded[j] for j in answered]
    for j, n in zip(answered, cal.count_working_days_many(receipts, ends), strict=True):  # type: ignore[arg-type]
        days[j] = max(n, 0)  # a notice dated before receipt counts 0 (as in the service report)
    status = ["open" if r is None else "answered" for r in responded]
    bad_resp, bad_ext = unread_positions(reg, "responded"), unread_positions(reg, "extended")
    overdue, unknown = overdue_requests(
        received,
        responded,
        [_by(reg.extended_on[i], today) for i in idx] if "extended" in reg.fields else None,
        rules=rules,
        calendar=cal,
        today=today,
        numbers=[str(j) for j in range(len(idx))],
        names=[""] * len(idx),
        masked=str,
        rows=[reg.rows[i] for i in idx],
        times=times,
        unreadable=unreadable_deadlines([i in bad_resp for i in idx], [i in bad_ext for i in idx]),
    )
    for o in overdue:
        status[int(o.number)] = "overdue"
    for u in unknown:
        status[int(u.number)] = "unknown"
    return days, status


_CONTENT = (
    "numbers",
    "services",
    "information",
    "received",
    "received_times",
    "names",
    "phones",
    "emails",
    "responded",
    "extended_on",
    "decisions",
    "refusal_reasons",
    "keberatan_on",
    "sengketa_on",
)


def _content(reg: Register, i: int) -> tuple[object, ...]:
    """What a request's row says, its row number and unit spelling aside."""
    return tuple(getattr(reg, name)[i] for name in _CONTENT)


def unit_checks(unit: Unit) -> tuple[list[str], list[str]]:
    """A note naming the files of a unit fed by several, and a warning for each row that
    another of its files repeats word for word (both are counted: nothing is dropped)."""
    notes: list[str] = []
    if len(unit.sources) > 1:
        notes.append(
            N_('unit "{unit}": requests from {n} files, added together: {files}').format(
                unit=unit.name, n=len(unit.sources), files=", ".join(unit.sources)
            )
        )
    warnings = [
        N_(
            'unit "{unit}": identical rows in different files, each counted (check for a '
            "copy): {rows}"
        ).format(unit=unit.name, rows="; ".join(f"{src} row {row}" for src, row in where))
        for where in unit.copies.values()
        if len({src for src, _ in where}) > 1
    ]
    return notes, warnings


def _by(date: dt.date | None, today: dt.date) -> dt.date | None:
    """A date as known on the oversight's date: ``None`` when it is later (not yet made)."""
    return None if date is None or date > today else date


def _requests(n: int) -> str:
    return (N_("{n} request") if n == 1 else N_("{n} requests")).format(n=n)


def _cells(n: int) -> str:
    return (N_("{n} cell") if n == 1 else N_("{n} cells")).format(n=n)


def _rows(rows: list[int]) -> str:
    listed = ", ".join(map(str, rows))
    return (N_("row {rows}") if len(rows) == 1 else N_("rows {rows}")).format(rows=listed)


def rule_notes(rules: RuleSet, limits: tuple[int, int]) -> list[str]:
    notes = [
        N_(
            "answered within {short} and within {extended} working days: shares of the "
            "requests with a response date; overdue: no response date and past the response "
            "deadline ({short} working days, {short_citation}), or past the extended one "
            "({extended} working days, {extended_citation}) where the register records a "
            "written extension sent within the response period; the median of an even count "
            "is the mean of the two middle times"
        ).format(
            short=limits[0],
            extended=limits[1],
            short_citation=rules.step(Step.RESPONSE).citation,
            extended_citation=rules.step(Step.EXTENDED_RESPONSE).citation,
        )
    ]
    if not rules.confirmed:
        notes.append(
            N_(
                "rule set {name} is not confirmed (some numbers are unknown or rest on too "
                "few sources; see each step's confidence)"
            ).format(name=rules.name)
        )
    return notes
