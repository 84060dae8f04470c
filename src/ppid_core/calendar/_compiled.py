"""The bundled holiday years, compiled: the strict parse of each YAML file, stored as JSON.

Reading the eight bundled years through the strict YAML reader costs some 20 ms, and
PyYAML's import some 25 ms more when nothing else has loaded it; reading this file costs
about 4 ms (and ``json``'s import about 3 ms), without PyYAML. The YAML files stay the
source of truth: ``data/holidays.json`` is generated from them by
``python -m ppid_core.calendar._compile_holidays`` ([`REGENERATE`][REGENERATE]) and
records, for each year, a digest of the YAML text it was compiled from.
[`compiled_fields()`][compiled_fields] gives a year's data only when that digest matches
the text read now; after any edit of the YAML (or with a missing, damaged or older-format
JSON file) it gives ``None`` and the caller parses the YAML strictly, so an edit is never
shadowed by stale data. ``tests/calendar/test_compiled.py`` fails, naming the command,
until the JSON is regenerated, and checks that every compiled year equals the strict parse
of its file.

The digest is CRC-32 and the length of the UTF-8 text: it detects edits, it does not
authenticate (whoever can edit the package's files can edit both); ``hashlib`` would cost
more to import than the whole compiled read.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import zlib
from collections.abc import Iterable, Mapping
from typing import Any, Final, Protocol, TypedDict

from ppid_core.calendar._holiday_models import (
    Holiday,
    HolidayCategory,
    HolidayStatus,
    RemovedHoliday,
    Source,
)

__all__ = [
    "FILE",
    "FORMAT",
    "REGENERATE",
    "YearData",
    "YearFields",
    "compiled_fields",
    "compiled_path",
    "digest",
    "render",
]

FORMAT: Final = 1
"""The layout of the JSON file; a file of another layout is ignored (the YAML is read)."""

FILE: Final = "holidays.json"
"""The compiled file's name, in the calendar's ``data`` folder."""

REGENERATE: Final = "python -m ppid_core.calendar._compile_holidays"
"""The command that regenerates the compiled file from the YAML files."""


class YearFields(TypedDict):
    """The fields of a [`HolidayYear`][ppid_core.calendar.HolidayYear] but its ``file``."""

    year: int
    holidays: tuple[Holiday, ...]
    removed: tuple[RemovedHoliday, ...]
    sources: dict[str, Source]
    python_holidays_notes: dict[dt.date, str]


class YearData(Protocol):
    """What [`render()`][render] stores of a parsed year (a ``HolidayYear``)."""

    @property
    def year(self) -> int: ...
    @property
    def holidays(self) -> tuple[Holiday, ...]: ...
    @property
    def removed(self) -> tuple[RemovedHoliday, ...]: ...
    @property
    def sources(self) -> dict[str, Source]: ...
    @property
    def python_holidays_notes(self) -> dict[dt.date, str]: ...


def digest(text: str) -> str:
    """The digest of a YAML text that the compiled file records (CRC-32 and length).

    >>> digest("year: 2027\\n")
    'crc32:0b03851d:11'
    """
    data = text.encode("utf-8")
    return f"crc32:{zlib.crc32(data):08x}:{len(data)}"


def compiled_path() -> str:
    """Where the compiled file is (beside the YAML files, in the package's ``data``)."""
    return os.path.join(os.path.dirname(__file__), "data", FILE)  # noqa: PTH118, PTH120 - no pathlib


@functools.cache
def _years() -> Mapping[str, Any]:
    """The compiled years by year, read once; empty when the file is unusable."""
    try:
        with open(compiled_path(), "rb") as f:  # noqa: PTH123 - no pathlib needed
            raw = f.read()
    except OSError:  # not installed as files (a zip import), or removed: read the YAML
        return {}
    import json  # noqa: PLC0415 - only when the file is there

    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    years = data.get("years")
    return years if isinstance(years, dict) else {}


def compiled_fields(year: int, text: str) -> YearFields | None:
    """The compiled data of ``year``, if it was compiled from exactly ``text``.

    Args:
        year: The bundled year.
        text: Its YAML text as read now.

    Returns:
        The year's fields, or ``None`` when the compiled file lacks the year, was compiled
        from another text, or is unusable: the caller then parses ``text``.
    """
    entry = _years().get(str(year))
    if not isinstance(entry, dict) or entry.get("digest") != digest(text):
        return None
    try:
        return _fields(year, entry)
    except (KeyError, TypeError, ValueError, AttributeError):  # damaged by hand
        return None


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _fields(year: int, entry: Mapping[str, Any]) -> YearFields:
    """The objects of one compiled entry (a missing key or a wrong type raises)."""
    sources = {
        s["id"]: Source(
            id=s["id"],
            title=s["title"],
            date=_date(s["date"]),
            confidence=s["confidence"],
            urls=tuple(s["urls"]),
            note=s["note"],
        )
        for s in entry["sources"]
    }
    holidays = tuple(
        Holiday(
            date=dt.date.fromisoformat(h["date"]),
            name=h["name"],
            category=HolidayCategory(h["category"]),
            source=sources[h["source"]],
            note=h["note"],
            status=HolidayStatus(h["status"]),
        )
        for h in entry["holidays"]
    )
    removed = tuple(
        RemovedHoliday(
            date=dt.date.fromisoformat(r["date"]),
            name=r["name"],
            category=HolidayCategory(r["category"]),
            source=sources[r["source"]],
            removed_by=sources[r["removed_by"]],
        )
        for r in entry["removed"]
    )
    notes = {dt.date.fromisoformat(n["date"]): n["note"] for n in entry["python_holidays"]}
    return YearFields(
        year=year, holidays=holidays, removed=removed, sources=sources, python_holidays_notes=notes
    )


# -- writing -------------------------------------------------------------------------


def _entry(data: YearData, text: str) -> dict[str, Any]:
    """One year as the compiled file stores it."""
    return {
        "digest": digest(text),
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "date": None if s.date is None else s.date.isoformat(),
                "confidence": s.confidence,
                "urls": list(s.urls),
                "note": s.note,
            }
            for s in data.sources.values()
        ],
        "holidays": [
            {
                "date": h.date.isoformat(),
                "name": h.name,
                "category": h.category.value,
                "source": h.source.id,
                "note": h.note,
                "status": h.status.value,
            }
            for h in data.holidays
        ],
        "removed": [
            {
                "date": r.date.isoformat(),
                "name": r.name,
                "category": r.category.value,
                "source": r.source.id,
                "removed_by": r.removed_by.id,
            }
            for r in data.removed
        ],
        "python_holidays": [
            {"date": d.isoformat(), "note": note} for d, note in data.python_holidays_notes.items()
        ],
    }


def render(years: Iterable[tuple[YearData, str]]) -> str:
    """The compiled file's text for parsed years, each with the YAML text it was read from.

    One entry (a source, a holiday) per line, so that a data change is a readable diff.
    """
    import json  # noqa: PLC0415 - only the generator writes

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [
        "{",
        f'"format": {FORMAT},',
        f'"generated_by": {dump(REGENERATE)},',
        '"note": "Generated from data/holidays/*.yaml, the source of truth. Do not edit.",',
        '"years": {',
    ]
    entries = sorted(((d.year, _entry(d, text)) for d, text in years), key=lambda e: e[0])
    for i, (year, entry) in enumerate(entries):
        lines.append(f' "{year}": {{')
        lines.append(f'  "digest": {dump(entry["digest"])},')
        keys = ("sources", "holidays", "removed", "python_holidays")
        for k, key in enumerate(keys):
            items = entry[key]
            end = "," if k < len(keys) - 1 else ""
            if not items:
                lines.append(f'  "{key}": []{end}')
                continue
            lines.append(f'  "{key}": [')
            lines.extend(
                f"   {dump(item)}{',' if j < len(items) - 1 else ''}"
                for j, item in enumerate(items)
            )
            lines.append(f"  ]{end}")
        lines.append(" }" + ("," if i < len(entries) - 1 else ""))
    lines += ["}", "}"]
    return "\n".join(lines) + "\n"
