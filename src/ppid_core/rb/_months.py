"""Months of implementation (bulan pelaksanaan), quarters (triwulan) and safe parsing.

A plan's schedule is month-granular: the columns Jan..Des of Lampiran II. Offices may
write a month as its number (``3``), its Indonesian abbreviation (``Mar``, ``Agu``) or
its full name (``Maret``), and a run of months as a range (``Mar-Des``, ``3-12``).

    >>> parse_month("agustus"), parse_month("Agt"), parse_month("12")
    (8, 8, 12)
    >>> parse_months_item("Mar-Jun")
    (3, 4, 5, 6)
    >>> quarter_of(7), quarter_months(4)
    (3, (10, 11, 12))
"""

from __future__ import annotations

import re
from typing import TypeVar

import yaml

from ppid_core._month_names import INDONESIAN_MONTHS, MONTH_ABBREVIATIONS, MONTH_NAMES
from ppid_core._yaml import Document

__all__ = [
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "months_label",
    "parse_month",
    "parse_months_item",
    "quarter_months",
    "quarter_of",
    "read_months",
]

T = TypeVar("T")

_NUMBER = re.compile(r"0?[1-9]|1[0-2]")
_RANGE = re.compile(r"\s*([^\s-]+)\s*-\s*([^\s-]+)\s*")
_ACCEPTED = "a month 1-12, Jan..Des or Januari..Desember, or a range such as Mar-Des"


def parse_month(text: str) -> int | None:
    """A month number from ``1``..``12`` or an Indonesian month name; ``None`` if neither."""
    word = text.strip()
    if _NUMBER.fullmatch(word):
        return int(word)
    return INDONESIAN_MONTHS.get(word.casefold())


def parse_months_item(text: str) -> tuple[int, ...] | None:
    """One list item: a month, or an ascending range ``first-last`` (both included)."""
    single = parse_month(text)
    if single is not None:
        return (single,)
    m = _RANGE.fullmatch(text)
    if not m:
        return None
    first, last = parse_month(m[1]), parse_month(m[2])
    if first is None or last is None or first > last:
        return None
    return tuple(range(first, last + 1))


def read_months(doc: Document, node: yaml.Node, path: str) -> tuple[int, ...] | None:
    """Read a list of months; duplicates and unknown words are located errors.

    Returns:
        The months, ascending; ``None`` when the list had an error.
    """
    months: dict[int, int] = {}
    ok = True
    for i, item, ipath in doc.items(node, path):
        raw = doc.scalar(item, ipath, _ACCEPTED)
        if raw is None:
            ok = False
            continue
        found = parse_months_item(raw)
        if found is None and raw.strip().isdigit():
            doc.error(item, ipath, f"month must be 1-12, got {raw.strip()}")
            ok = False
            continue
        if found is None:
            doc.error(item, ipath, f"unknown month {raw.strip()!r}; expected {_ACCEPTED}")
            ok = False
            continue
        for month in found:
            if month in months:
                first = MONTH_ABBREVIATIONS[month - 1]
                doc.error(
                    item, ipath, f"month {first} listed twice (first at item {months[month]})"
                )
                ok = False
            else:
                months[month] = i
    if not isinstance(node, yaml.SequenceNode):
        return None
    return tuple(sorted(months)) if ok else None


def months_label(months: tuple[int, ...]) -> str:
    """Short text for a set of months: ``Jan, Mar-Des``.

    >>> months_label((1, 3, 4, 5)), months_label(())
    ('Jan, Mar-Mei', '-')
    """
    if not months:
        return "-"
    runs: list[tuple[int, int]] = []
    for m in months:
        if runs and runs[-1][1] == m - 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    parts = [
        MONTH_ABBREVIATIONS[a - 1]
        if a == b
        else f"{MONTH_ABBREVIATIONS[a - 1]}-{MONTH_ABBREVIATIONS[b - 1]}"
        for a, b in runs
    ]
    return ", ".join(parts)


def quarter_of(month: int) -> int:
    """The triwulan (1-4) a month falls in: Jan-Mar is 1, ..., Oct-Dec is 4."""
    return (month - 1) // 3 + 1


def quarter_months(quarter: int) -> tuple[int, int, int]:
    """The three months of a triwulan."""
    first = 3 * (quarter - 1) + 1
    return (first, first + 1, first + 2)
