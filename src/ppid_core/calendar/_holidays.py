"""Holiday data: libur nasional, cuti bersama and election days, each with its legal source.

One YAML file per year ships in ``ppid_core/calendar/data/holidays/``; offices can load
more years (or corrected ones) with :func:`load_holiday_file`. Every file is read with the
strict loader: dates must exist, categories are a closed list, sources are referenced by
id, and a date may appear only once per category.

References:
    Keppres 8/2024 tentang Hari-Hari Libur; the yearly SKB Menteri Agama, Menteri
    Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama;
    Keppres declaring election voting days national holidays (e.g. Keppres 10/2024,
    Keppres 33/2024).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import attrs
import yaml

from ppid_core._yaml import Document, node_path, read_text

__all__ = [
    "Holiday",
    "HolidayCategory",
    "HolidayStatus",
    "HolidayYear",
    "RemovedHoliday",
    "Source",
    "bundled_years",
    "declared_year",
    "load_bundled_year",
    "load_holiday_file",
    "parse_holiday_year",
]


class HolidayCategory(enum.Enum):
    """Why a day is not a working day at government offices nationally."""

    LIBUR_NASIONAL = "libur_nasional"
    """National public holiday (SKB 3 Menteri; Keppres 8/2024)."""
    CUTI_BERSAMA = "cuti_bersama"
    """Collective leave for ASN (SKB 3 Menteri); optional for the private sector."""
    PEMUNGUTAN_SUARA = "pemungutan_suara"
    """Voting day of a Pemilu or Pilkada, declared a national holiday by Keppres."""


class HolidayStatus(enum.Enum):
    """How firm a holiday's date is.

    A decree may fix a date only provisionally: the SKB on 2027 holidays leaves 1 Ramadan,
    Idul Fitri and Idul Adha 1448 H to a later Keputusan Menteri Agama after the sidang
    isbat (its Diktum KEDUA). A year no decree covers yet is *estimated*: its fixed-date
    holidays come from the standing Keppres, its movable ones from python-holidays, and its
    cuti bersama are unknown.
    """

    DECREED = "decreed"
    """Set by a decree in force (SKB 3 Menteri, Keppres)."""
    PROVISIONAL = "provisional"
    """Set by a decree, but subject to a later decision that may move it (sidang isbat)."""
    ESTIMATED = "estimated"
    """Not decreed at all: an estimate for a year no SKB covers yet."""


@attrs.frozen(kw_only=True)
class Source:
    """A legal instrument (SKB, Keppres) cited by holiday entries.

    Attributes:
        id: Short key used by entries, e.g. ``skb-2025-rev1``.
        title: The instrument as cited (number, year, title).
        date: Date signed, when known.
        confidence: ``P`` (primary text read or quoted) or ``S`` (secondary source).
        urls: Where the text or a report of it was read.
        note: Caveats (conflicting numbers, unknown signing day, ...).
    """

    id: str
    title: str
    date: dt.date | None = None
    confidence: str = "S"
    urls: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True, order=True)
class Holiday:
    """One non-working day of the national calendar.

    Attributes:
        date: The day.
        name: Its Indonesian name as in the decree.
        category: libur nasional, cuti bersama or pemungutan suara.
        source: The instrument that set it.
        note: Why it moved or how it was established, if noteworthy.
        status: Decreed, provisional (a later decision may move it) or estimated.
    """

    date: dt.date
    name: str = attrs.field(order=False)
    category: HolidayCategory = attrs.field(order=False)
    source: Source = attrs.field(order=False, repr=False)
    note: str | None = attrs.field(default=None, order=False, repr=False)
    status: HolidayStatus = attrs.field(default=HolidayStatus.DECREED, order=False)


@attrs.frozen(kw_only=True)
class RemovedHoliday:
    """A day an earlier decree set and a later one removed or moved (history only)."""

    date: dt.date
    name: str
    category: HolidayCategory
    source: Source
    removed_by: Source


@attrs.frozen(kw_only=True)
class HolidayYear:
    """The holiday data of one year, as loaded from its file.

    Attributes:
        year: The calendar year.
        holidays: The days in force, sorted by date.
        removed: Days set and later removed by a revision (not used for counting).
        sources: The instruments cited, by id.
        python_holidays_notes: Explained differences from python-holidays, by date.
        file: Where the data was read from (a bundled path, a user's file, or
            ``"estimate"``).
        estimated: Whether the year is an estimate (no decree covers it; cuti bersama
            unknown).
    """

    year: int
    holidays: tuple[Holiday, ...]
    removed: tuple[RemovedHoliday, ...] = ()
    sources: dict[str, Source] = attrs.field(factory=dict)
    python_holidays_notes: dict[dt.date, str] = attrs.field(factory=dict)
    file: str = "<string>"
    estimated: bool = False

    @property
    def provisional(self) -> tuple[Holiday, ...]:
        """The holidays whose date a later decision may still move."""
        return tuple(h for h in self.holidays if h.status is HolidayStatus.PROVISIONAL)

    @property
    def last_change(self) -> dt.date | None:
        """The signing date of the newest instrument the year cites, when known."""
        dates = [s.date for s in self.sources.values() if s.date is not None]
        return max(dates, default=None)


_CATEGORIES = {c.value: c for c in HolidayCategory}
# A data file states whether a decree's date is final; "estimated" is never written by hand.
_FILE_STATUSES = {s.value: s for s in (HolidayStatus.DECREED, HolidayStatus.PROVISIONAL)}


def read_sources(doc: Document, node: yaml.Node | None, path: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for _, item, ipath in doc.items(node, path):
        f = doc.mapping(
            item, ipath, required=("id", "title", "urls"), optional=("date", "confidence", "note")
        )
        sid = doc.string(f.get("id"), node_path(ipath, "id"))
        title = doc.string(f.get("title"), node_path(ipath, "title"))
        urls = tuple(
            u
            for _, un, up in doc.items(f.get("urls"), node_path(ipath, "urls"))
            if (u := doc.string(un, up)) is not None
        )
        confidence = doc.optional(f, "confidence", ipath, lambda n, p: doc.choice(n, p, ("P", "S")))
        if sid is None or title is None:
            continue
        if sid in sources:
            doc.error(f["id"], node_path(ipath, "id"), f"duplicate source id {sid!r}")
            continue
        sources[sid] = Source(
            id=sid,
            title=title,
            date=doc.optional(f, "date", ipath, doc.date),
            confidence=confidence or "S",
            urls=urls,
            note=doc.optional(f, "note", ipath, doc.string),
        )
    return sources


def parse_holiday_year(
    text: str, *, source: str = "<string>", bundled: HolidayYear | None = None
) -> HolidayYear:
    """Parse one year's holiday file.

    An entry may carry ``status: provisional`` (a later decision may move the date, e.g.
    after the sidang isbat); without it the date is decreed. A date listed under
    ``removed:`` must not also be in force in the same category.

    Args:
        text: The YAML text.
        source: File name used in error messages.
        bundled: The data shipped for the same year, when the file is meant to replace
            it: every bundled day must then be kept or listed under ``removed:`` (with
            the instrument that removed it), so a revision never drops a decreed day
            by accident. Checked once the file has no other error.

    Returns:
        The year's holidays, sorted by date.

    Raises:
        DataFileError: Every problem of the file, each located.

    Examples:
        >>> text = '''
        ... year: 2024
        ... sources:
        ...   - id: keppres-10-2024
        ...     title: Keputusan Presiden Nomor 10 Tahun 2024
        ...     urls: [https://example.org/k10]
        ... holidays:
        ...   - date: 2024-02-14
        ...     name: Hari Pemungutan Suara Pemilihan Umum Tahun 2024
        ...     category: pemungutan_suara
        ...     source: keppres-10-2024
        ... '''
        >>> parse_holiday_year(text).holidays[0].category
        <HolidayCategory.PEMUNGUTAN_SUARA: 'pemungutan_suara'>
    """
    doc = Document.parse(text, source=source)
    top = doc.mapping(
        doc.root,
        "$",
        required=("year", "sources", "holidays"),
        optional=("removed", "python_holidays"),
    )
    year = (
        doc.integer(top.get("year"), "$.year", minimum=1900, maximum=2200)
        if "year" in top
        else None
    )
    sources = read_sources(doc, top.get("sources"), "$.sources")

    def ref(node: yaml.Node | None, path: str) -> Source | None:
        sid = doc.string(node, path)
        if sid is None:
            return None
        if sid not in sources:
            known = ", ".join(sorted(sources)) or "none"
            doc.error(node, path, f"unknown source {sid!r}; sources of this file: {known}")
            return None
        return sources[sid]

    def day(node: yaml.Node | None, path: str) -> dt.date | None:
        d = doc.date(node, path)
        if d is not None and year is not None and d.year != year:
            doc.error(node, path, f"{d.isoformat()} is not in the file's year {year}")
            return None
        return d

    def entry(
        item: yaml.Node, ipath: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> tuple[
        dict[str, yaml.Node], dt.date | None, str | None, HolidayCategory | None, Source | None
    ]:
        """The fields every entry has: date, name, category, source."""
        f = doc.mapping(
            item,
            ipath,
            required=("date", "name", "category", "source", *required),
            optional=optional,
        )
        return (
            f,
            day(f.get("date"), node_path(ipath, "date")),
            doc.string(f.get("name"), node_path(ipath, "name")),
            doc.choice(f.get("category"), node_path(ipath, "category"), _CATEGORIES),
            ref(f.get("source"), node_path(ipath, "source")),
        )

    holidays: list[Holiday] = []
    seen: dict[tuple[dt.date, HolidayCategory], int] = {}
    for index, item, ipath in doc.items(top.get("holidays"), "$.holidays"):
        f, d, name, cat, src = entry(item, ipath, (), ("note", "status"))
        note = doc.optional(f, "note", ipath, doc.string)
        status = doc.optional(f, "status", ipath, lambda n, p: doc.choice(n, p, _FILE_STATUSES))
        if d is None or name is None or cat is None or src is None:
            continue
        if (d, cat) in seen:
            doc.error(
                f["date"],
                node_path(ipath, "date"),
                f"duplicate date {d.isoformat()} in category {cat.value} "
                f"(first at $.holidays[{seen[d, cat]}])",
            )
            continue
        seen[d, cat] = index
        holidays.append(
            Holiday(
                date=d,
                name=name,
                category=cat,
                source=src,
                note=note,
                status=status or HolidayStatus.DECREED,
            )
        )

    removed: list[RemovedHoliday] = []
    for _, item, ipath in doc.items(top.get("removed"), "$.removed"):
        f, d, name, cat, src = entry(item, ipath, ("removed_by",))
        by = ref(f.get("removed_by"), node_path(ipath, "removed_by"))
        if d is not None and name is not None and cat is not None and src and by:
            if (d, cat) in seen:
                doc.error(
                    f["date"],
                    node_path(ipath, "date"),
                    f"{d.isoformat()} is listed as removed but is still a {cat.value} day "
                    f"at $.holidays[{seen[d, cat]}]; keep one of the two",
                )
                continue
            removed.append(
                RemovedHoliday(date=d, name=name, category=cat, source=src, removed_by=by)
            )

    # Checked once every entry reads: an entry with an error would show as "missing" too.
    if bundled is not None and year == bundled.year and not doc.errors:
        kept = set(seen) | {(r.date, r.category) for r in removed}
        for h in bundled.holidays:
            if (h.date, h.category) not in kept:
                doc.error(
                    top.get("holidays"),
                    "$.holidays",
                    f"{h.date.isoformat()} {h.category.value} {h.name!r} of the bundled data "
                    f"({h.source.title}) is missing; keep it, or list it under removed: "
                    "with the instrument that removed it",
                )

    notes: dict[dt.date, str] = {}
    if "python_holidays" in top:
        for _, item, ipath in doc.items(top["python_holidays"], "$.python_holidays"):
            f = doc.mapping(item, ipath, required=("date", "note"))
            d = day(f["date"], node_path(ipath, "date")) if "date" in f else None
            text_ = doc.string(f["note"], node_path(ipath, "note")) if "note" in f else None
            if d is not None and text_ is not None:
                notes[d] = text_

    doc.raise_errors()
    assert year is not None  # guaranteed once no error was recorded
    return HolidayYear(
        year=year,
        holidays=tuple(sorted(holidays)),
        removed=tuple(sorted(removed, key=lambda r: r.date)),
        sources=sources,
        python_holidays_notes=notes,
        file=source,
    )


def load_holiday_file(path: str | Path, *, check_bundled: bool = True) -> HolidayYear:
    """Load a holiday file from disk (same format as the bundled ones).

    Args:
        path: The YAML file.
        check_bundled: When ppid-core ships data for the same year, require the file to
            account for every bundled day (kept, or listed under ``removed:``); see
            :func:`parse_holiday_year`.

    Raises:
        DataFileError: Every problem of the file, each located.
        OSError: The file cannot be read.
    """
    text = read_text(path)
    bundled = None
    if check_bundled:
        year = declared_year(text)
        if year is not None and year in bundled_years():
            bundled = load_bundled_year(year)
    return parse_holiday_year(text, source=str(path), bundled=bundled)


def declared_year(text: str) -> int | None:
    """The top-level ``year:`` a file declares (a holiday file has one, a local file not).

    Read leniently, line by line; the strict parse reports any error in it.

    >>> declared_year("# 2027\\nyear: 2027\\nsources: []\\n")
    2027
    >>> declared_year("office: KPU Kota Kupang\\n") is None
    True
    """
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() == "year" and not line.startswith((" ", "\t")):
            digits = value.split("#", 1)[0].strip()
            return int(digits) if digits.isdigit() and len(digits) == 4 else None
    return None


_DATA = resources.files("ppid_core.calendar") / "data" / "holidays"


@functools.cache
def bundled_years() -> tuple[int, ...]:
    """The years for which ppid-core ships holiday data, ascending."""
    return tuple(sorted(int(f.name[:-5]) for f in _DATA.iterdir() if f.name.endswith(".yaml")))


@functools.cache
def load_bundled_year(year: int) -> HolidayYear:
    """The bundled holiday data of ``year`` (parsed once, then cached)."""
    name = f"{year}.yaml"
    return parse_holiday_year(
        (_DATA / name).read_text(encoding="utf-8"),
        source=f"ppid_core/calendar/data/holidays/{name}",
    )


def merge_years(years: Iterable[HolidayYear]) -> tuple[Holiday, ...]:
    """All holidays of several years, sorted by date."""
    return tuple(sorted(h for y in years for h in y.holidays))
