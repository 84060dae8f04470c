"""Holiday files: one year's libur nasional, cuti bersama and election days, with sources.

One YAML file per year ships in ``ppid_core/calendar/data/holidays/``
([`HolidayYear.bundled()`][HolidayYear.bundled]); offices can load more years, or corrected ones,
with
[`load_holidays()`][load_holidays] (a path, bytes or a binary file object) or
[`parse_holidays()`][parse_holidays]
(text). Every file is read with the strict loader: dates must exist, categories are a
closed list, sources are referenced by id, and a date may appear only once per category.
A bundled year is taken from its compiled form (``data/holidays.json``, the strict parse
stored as JSON, see ``._compiled``) when that was compiled from the file's current text,
which spares PyYAML at start-up; else its YAML is parsed.

References:
    Keppres 8/2024 tentang Hari-Hari Libur; the yearly SKB Menteri Agama, Menteri
    Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama;
    Keppres declaring election voting days national holidays (e.g. Keppres 10/2024,
    Keppres 33/2024).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ppid_core._i18n import _
from ppid_core._source import (
    FileInput,
    bundled_names,
    bundled_text,
    read_source_text,
)
from ppid_core._yaml import Document, build, node_path
from ppid_core.calendar._compiled import compiled_fields
from ppid_core.calendar._holiday_models import (
    Holiday,
    HolidayCategory,
    HolidayStatus,
    RemovedHoliday,
    Source,
    read_sources,
)

if TYPE_CHECKING:
    import yaml

__all__ = [
    "Holiday",
    "HolidayCategory",
    "HolidayStatus",
    "HolidayYear",
    "RemovedHoliday",
    "Source",
    "bundled_year",
    "bundled_year_numbers",
    "declared_year",
    "load_holidays",
    "merge_years",
    "parse_holidays",
    "replaced_year",
]

_CATEGORIES = {c.value: c for c in HolidayCategory}
# A data file states whether a decree's date is final; "estimated" is never written by hand.
_FILE_STATUSES = {s.value: s for s in (HolidayStatus.DECREED, HolidayStatus.PROVISIONAL)}


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

    @classmethod
    def bundled(cls, year: int) -> HolidayYear:
        """The holiday data ppid-core ships for ``year`` (read once, then shared).

        Raises:
            UnknownNameError: ppid-core ships no data for that year; the message lists
                the years it ships (see [`bundled_names()`][bundled_names]).

        Examples:
            >>> y = HolidayYear.bundled(2024)
            >>> y.year, y.file
            (2024, 'ppid_core/calendar/data/holidays/2024.yaml')
        """
        return bundled_year(year)

    @classmethod
    def bundled_names(cls) -> tuple[int, ...]:
        """The years for which ppid-core ships holiday data, ascending.

        >>> HolidayYear.bundled_names()[:3]
        (2016, 2017, 2018)
        """
        return bundled_year_numbers()


def parse_holidays(
    text: str, *, source: str = "<string>", bundled: HolidayYear | None = None
) -> HolidayYear:
    """Parse one year's holiday file from its text.

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
        >>> parse_holidays(text).holidays[0].category
        <HolidayCategory.PEMUNGUTAN_SUARA: 'pemungutan_suara'>
    """
    return build(text, source, lambda doc: _read_year(doc, bundled))


def _read_year(doc: Document, bundled: HolidayYear | None) -> HolidayYear | None:
    """The year a holiday file describes; ``None`` once an error is recorded."""
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
            known = ", ".join(sorted(sources)) or _("none")
            text = _("unknown source {id!r}; sources of this file: {known}")
            doc.error(node, path, text.format(id=sid, known=known))
            return None
        return sources[sid]

    def day(node: yaml.Node | None, path: str) -> dt.date | None:
        d = doc.date(node, path)
        if d is not None and year is not None and d.year != year:
            text = _("{date} is not in the file's year {year}")
            doc.error(node, path, text.format(date=d.isoformat(), year=year))
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
                _("duplicate date {date} in category {category} (first at {path})").format(
                    date=d.isoformat(), category=cat.value, path=f"$.holidays[{seen[d, cat]}]"
                ),
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
    for _i, item, ipath in doc.items(top.get("removed"), "$.removed"):
        f, d, name, cat, src = entry(item, ipath, ("removed_by",))
        by = ref(f.get("removed_by"), node_path(ipath, "removed_by"))
        if d is not None and name is not None and cat is not None and src and by:
            if (d, cat) in seen:
                doc.error(
                    f["date"],
                    node_path(ipath, "date"),
                    _(
                        "{date} is listed as removed but is still a {category} day at {path}; "
                        "keep one of the two"
                    ).format(
                        date=d.isoformat(), category=cat.value, path=f"$.holidays[{seen[d, cat]}]"
                    ),
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
                    _(
                        "{date} {category} {name!r} of the bundled data ({source}) is missing; "
                        "keep it, or list it under removed: with the instrument that removed it"
                    ).format(
                        date=h.date.isoformat(),
                        category=h.category.value,
                        name=h.name,
                        source=h.source.title,
                    ),
                )

    notes: dict[dt.date, str] = {}
    if "python_holidays" in top:
        for _i, item, ipath in doc.items(top["python_holidays"], "$.python_holidays"):
            f = doc.mapping(item, ipath, required=("date", "note"))
            d = day(f["date"], node_path(ipath, "date")) if "date" in f else None
            text_ = doc.string(f["note"], node_path(ipath, "note")) if "note" in f else None
            if d is not None and text_ is not None:
                notes[d] = text_

    if year is None:  # the error is recorded; build() raises it
        return None
    return HolidayYear(
        year=year,
        holidays=tuple(sorted(holidays)),
        removed=tuple(sorted(removed, key=lambda r: r.date)),
        sources=sources,
        python_holidays_notes=notes,
        file=doc.source,
    )


def load_holidays(
    file: FileInput, /, *, source: str | None = None, check_bundled: bool = True
) -> HolidayYear:
    """Load one year's holiday file: a path, its bytes or a binary file object.

    Same format as the bundled files (see [`parse_holidays()`][parse_holidays]).

    Args:
        file: The YAML file: a path, its bytes, or a binary file object (read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``); also the year's `file`.
        check_bundled: When ppid-core ships data for the same year, require the file to
            account for every bundled day (kept, or listed under ``removed:``).

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.

    Examples:
        >>> y = load_holidays(b"year: 2031\\nsources: []\\nholidays: []\\n", source="2031.yaml")
        >>> y.year, y.file
        (2031, '2031.yaml')
    """
    text, name = read_source_text(file, source=source)
    return parse_holidays(text, source=name, bundled=replaced_year(text) if check_bundled else None)


def replaced_year(text: str) -> HolidayYear | None:
    """The bundled year a holiday file's text replaces: the year it declares, if shipped.

    >>> replaced_year("year: 2024\\n").file, replaced_year("year: 2099\\n") is None
    ('ppid_core/calendar/data/holidays/2024.yaml', True)
    """
    year = declared_year(text)
    return bundled_year(year) if year is not None and year in bundled_year_numbers() else None


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


_PACKAGE, _FOLDER = "ppid_core.calendar", "data/holidays"


@functools.cache
def bundled_year_numbers() -> tuple[int, ...]:
    """The years for which ppid-core ships holiday data
    ([`HolidayYear.bundled_names()`][HolidayYear.bundled_names])."""
    return tuple(sorted(int(name) for name in bundled_names(_PACKAGE, _FOLDER)))


@functools.cache
def bundled_year(year: int) -> HolidayYear:
    """The bundled data of ``year`` ([`HolidayYear.bundled()`][HolidayYear.bundled]), read once,
    then cached.

    The YAML file is always read; its compiled form (``data/holidays.json``) is used when
    it was compiled from that very text, else the text is parsed with the strict loader.

    Raises:
        UnknownNameError: ppid-core ships no data for that year.
    """
    text, source = bundled_text(_PACKAGE, _FOLDER, str(year), what="holiday year")
    fields = compiled_fields(year, text)
    if fields is not None:  # compiled from this very text (see ._compiled)
        return HolidayYear(**fields, file=source)
    return parse_holidays(text, source=source)


def merge_years(years: Iterable[HolidayYear]) -> tuple[Holiday, ...]:
    """All holidays of several years, sorted by date."""
    return tuple(sorted(h for y in years for h in y.holidays))
