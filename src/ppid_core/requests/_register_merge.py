"""Several register files as one register (``ppid register report FILE...``).

An office may keep a register per year, per unit or per sheet, each in its own layout.
[`merge_registers()`][merge_registers] concatenates them in the order given. A figure needs
its column in every file: a field some files lack is left out of the merged register for
all of them (unknown in the report, not zero), and the notes say which file had it. Row
numbers stay each file's own, so every note and warning names its file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ppid_core._i18n import N_
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._layouts import FIELDS
from ppid_core.requests._register_model import COLUMN_FIELDS, Register
from ppid_core.requests._register_provenance import Provenance, UnreadCell

__all__ = ["ReadPart", "merge_registers", "merged_notes", "passed_over"]

#: For each field, the per-request attributes it fills and their value when unknown.
_ATTRIBUTES: dict[str, tuple[tuple[str, Any], ...]] = {
    "unit": (("units", ""),),
    "service": (("services", ""),),
    "information": (("information", ""),),
    "requester": (("names", ""),),
    "phone": (("phones", ""),),
    "email": (("emails", ""),),
    "responded": (("responded", None),),
    "extended": (("extended_on", None),),
    "decision": (("decisions", None),),
    "refusal_reason": (("refusal_reasons", ""),),
    "keberatan": (("keberatan_on", None),),
    "sengketa": (("sengketa_on", None),),
}


def merge_registers(registers: Sequence[Register]) -> Register:
    """One register of several files' requests, in the order given.

    Raises:
        InvalidArgumentError: No register is given.

    Examples:
        >>> head = ["No", "Tanggal/Bulan/Tahun Mengurus Layanan", "Keputusan"]
        >>> a = Register.from_rows([head, ["1", "4 Juni 2024", "Ditolak"]], source="a.csv")
        >>> b = Register.from_rows([head[:2], ["1", "5 Juni 2024"]], source="b.csv")
        >>> both = merge_registers([a, b])
        >>> both.source, len(both), both.decisions, "decision" in both.fields
        ('a.csv, b.csv', 2, (None, None), False)
        >>> print(both.notes[-1])
        a.csv: column "Keputusan" (decision) not used: b.csv has no such column
    """
    if not registers:
        msg = "no register to merge; expected at least one"
        raise InvalidArgumentError(msg)
    if len(registers) == 1:
        return registers[0]
    common = frozenset.intersection(*(r.fields for r in registers))
    values: dict[str, list[Any]] = {name: [] for name in COLUMN_FIELDS}
    for reg in registers:
        for name in COLUMN_FIELDS:
            values[name] += getattr(reg, name)
    for field in FIELDS:
        if field in common or field not in _ATTRIBUTES:
            continue
        for name, unknown in _ATTRIBUTES[field]:
            values[name] = [unknown] * len(values["rows"])
    notes = merged_notes([ReadPart.of(r) for r in registers])
    per_row: dict[str, Any] = {name: tuple(v) for name, v in values.items()}
    return Register(
        source=", ".join(r.source for r in registers),
        columns=frozenset().union(*(r.columns for r in registers)),
        **per_row,
        ignored_columns=tuple(dict.fromkeys(c for r in registers for c in r.ignored_columns)),
        fields=common,
        layout=", ".join(dict.fromkeys(r.layout for r in registers)),
        header_row="; ".join(f"{r.source}: {r.header_row}" for r in registers),
        notes=tuple(notes),
        warnings=tuple(w for r in registers for w in r.warnings if w.field in common),
        merged_from=tuple(p for r in registers for p in r.provenance),
    )


def passed_over(register: Register) -> list[str]:
    """The notes on what the reading passed over or repaired, row by row: hidden sheets,
    headers repeated at page breaks, blank rows, documented repairs."""
    notes: list[str] = []
    if register.hidden_sheets:
        names = ", ".join(f'"{n}"' for n in register.hidden_sheets)
        notes.append(
            N_("hidden sheets passed over: {names}; read: {source}").format(
                names=names, source=register.source
            )
        )
    if register.header_rows:
        listed = ", ".join(map(str, register.header_rows))
        notes.append(
            N_("{n} repeated header rows skipped (rows {rows})").format(
                n=len(register.header_rows), rows=listed
            )
        )
    if register.blank_rows:
        notes.append(N_("{n} blank rows skipped").format(n=len(register.blank_rows)))
    notes += [
        N_('row {row}, column "{column}": {original!r} read as {value!r}: {reason}').format(
            row=r.row, column=r.column, original=r.original, value=r.value, reason=r.reason
        )
        for r in register.repairs
    ]
    return notes


@attrs.frozen(kw_only=True)
class ReadPart:
    """How one register was read: what a report says about it, without its requests.

    The reading side of a [`ServiceSummary`][ppid_core.requests.ServiceSummary]: merged
    summaries keep one part per register, and [`combine()`][combine] gives what
    [`merge_registers()`][merge_registers] would make of them (the same notes, fields,
    warnings and provenance).

    Attributes:
        source: The register's source (file and sheet).
        requests: Its requests (all years).
        provenance: How its file or files were read.
        notes: Its reading notes.
        passed_over: The rows its reading passed over or repaired ([`passed_over()`][passed_over]).
        fields: The fields it has a column for.
        columns: ``(field, header as written)`` for each field read.
        ignored_columns: Columns not in the layout.
        layout: The layout read.
        warnings: Its optional cells that could not be used (located, cells masked).
    """

    source: str
    requests: int = 0
    provenance: tuple[Provenance, ...] = ()
    notes: tuple[str, ...] = ()
    passed_over: tuple[str, ...] = ()
    fields: frozenset[str] = frozenset(FIELDS)
    columns: tuple[tuple[str, str], ...] = ()
    ignored_columns: tuple[str, ...] = ()
    layout: str = ""
    warnings: tuple[UnreadCell, ...] = ()

    @classmethod
    def of(cls, register: Register) -> ReadPart:
        """The reading side of a register."""
        return cls(
            source=register.source,
            requests=len(register),
            provenance=register.provenance,
            notes=register.notes,
            passed_over=tuple(passed_over(register)),
            fields=register.fields,
            columns=register.column_names,
            ignored_columns=register.ignored_columns,
            layout=register.layout,
            warnings=register.warnings,
        )

    def column(self, field: str) -> str | None:
        """The header of the column read for ``field``, or ``None``."""
        return dict(self.columns).get(field)

    @classmethod
    def combine(cls, parts: Sequence[ReadPart]) -> ReadPart:
        """The reading side of the register [`merge_registers()`][merge_registers] makes of
        these parts' registers (one part is itself; none is an empty register)."""
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return cls(source="")
        common = frozenset.intersection(*(p.fields for p in parts))
        return cls(
            source=", ".join(p.source for p in parts),
            requests=sum(p.requests for p in parts),
            provenance=tuple(v for p in parts for v in p.provenance),
            notes=tuple(merged_notes(parts)),
            fields=common,
            ignored_columns=tuple(dict.fromkeys(c for p in parts for c in p.ignored_columns)),
            layout=", ".join(dict.fromkeys(p.layout for p in parts)),
            warnings=tuple(w for p in parts for w in p.warnings if w.field in common),
        )


def merged_notes(parts: Sequence[ReadPart]) -> list[str]:
    """The notes of several registers merged: each one's notes and passed-over rows, named
    by its source, then every column left out because another register lacks it."""
    common = frozenset.intersection(*(p.fields for p in parts))
    notes = [f"{p.source}: {note}" for p in parts for note in (*p.notes, *p.passed_over)]
    for field in FIELDS:
        if field in common or field not in _ATTRIBUTES:
            continue
        for part in parts:
            if field in part.fields:
                lacking = ", ".join(p.source for p in parts if field not in p.fields)
                notes.append(
                    N_(
                        '{source}: column "{column}" ({field}) not used: {lacking} has no '
                        "such column"
                    ).format(
                        source=part.source,
                        column=part.column(field) or field,
                        field=field,
                        lacking=lacking,
                    )
                )
    return notes
