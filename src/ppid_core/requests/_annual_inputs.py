"""The registers of an annual report: each counted once, copies warned about.

[`annual_report()`][ppid_core.requests.annual_report] counts the requests of every register
it is given. Two mistakes would count requests twice without a word, so neither passes
silently:

- **The same register given twice** (the same object, or the same source with the same
  requests; ``ppid report annual`` gives one object per resolved path, so ``r.csv`` and
  ``./r.csv`` are one file): counted once, with a note.
- **Identical requests in two files** (a copy of a unit's register under another name):
  both are counted, as they may be two requests, and a warning names the files and rows
  so the office can check (the requesters' names are compared, never shown).
"""

from __future__ import annotations

from collections.abc import Sequence

from ppid_core._i18n import N_
from ppid_core.requests._register_header import ranges
from ppid_core.requests._register_model import COLUMN_FIELDS, Register

__all__ = ["distinct_registers", "repeated_requests"]

_SHOWN_PAIRS = 20
"""Pairs of files with identical requests named one by one; the rest are counted."""


def distinct_registers(registers: Sequence[Register]) -> tuple[list[Register], list[str]]:
    """Each register once, in first-given order, and a note for each one given again.

    >>> head = ["No", "Tanggal Permohonan"]
    >>> reg = Register.from_rows([head, ["1", "2024-06-04"]], source="r.csv")
    >>> regs, notes = distinct_registers([reg, reg])
    >>> len(regs), notes
    (1, ['r.csv given 2 times: its requests are counted once'])
    """
    kept: list[Register] = []
    times: list[int] = []
    for reg in registers:
        for i, seen in enumerate(kept):
            if seen is reg or (seen.source == reg.source and seen == reg):
                times[i] += 1
                break
        else:
            kept.append(reg)
            times.append(1)
    notes = [
        N_("{source} given {n} times: its requests are counted once").format(source=reg.source, n=n)
        for reg, n in zip(kept, times, strict=True)
        if n > 1
    ]
    return kept, notes


def _key(reg: Register, i: int) -> tuple[object, ...]:
    """Every value of a request but its row."""
    return tuple(getattr(reg, name)[i] for name in COLUMN_FIELDS if name != "rows")


def repeated_requests(registers: Sequence[Register]) -> list[str]:
    """A warning for each pair of registers holding identical requests (every column
    read equal, the row aside), naming both files and the rows, in pairs (the n-th row
    named in one file repeats the n-th named in the other).

    >>> head = ["No", "Tanggal Permohonan"]
    >>> a = Register.from_rows([head, ["1", "2024-06-04"], ["2", "2024-06-05"]], source="a.csv")
    >>> b = Register.from_rows([head, ["1", "2024-06-04"]], source="b.csv")
    >>> print(repeated_requests([a, b])[0][:52])
    b.csv row 2 repeats a.csv row 2 exactly (1 request,
    """
    first: dict[tuple[object, ...], tuple[int, int]] = {}
    pairs: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for j, reg in enumerate(registers):
        for i, row in enumerate(reg.rows):
            key = _key(reg, i)
            seen = first.setdefault(key, (j, row))
            if seen[0] != j:
                was, now = pairs.setdefault((seen[0], j), ([], []))
                was.append(seen[1])
                now.append(row)
    out = []
    for (a, b), (earlier, later) in sorted(pairs.items())[:_SHOWN_PAIRS]:
        paired = sorted(zip(later, earlier, strict=True))
        now, was = [p[0] for p in paired], [p[1] for p in paired]
        n = len(now)
        template = (
            N_(
                "{copy} row {rows} repeats {source} row {was} exactly ({n} request, every "
                "column read): both are counted; if one file copies the other, give it once"
            )
            if n == 1
            else N_(
                "{copy} rows {rows} repeat {source} rows {was} exactly ({n} requests, every "
                "column read): both are counted; if one file copies the other, give it once"
            )
        )
        out.append(
            template.format(
                copy=registers[b].source,
                rows=ranges(now),
                source=registers[a].source,
                was=ranges(was),
                n=n,
            )
        )
    if len(pairs) > _SHOWN_PAIRS:
        out.append(
            N_("{n} more pairs of files hold identical requests (not listed)").format(
                n=len(pairs) - _SHOWN_PAIRS
            )
        )
    return out
