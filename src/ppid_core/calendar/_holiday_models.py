"""The holiday models: libur nasional, cuti bersama and election days, each with its source.

A :class:`HolidayYear` is one year's data as read from its file (:mod:`._holidays` reads
the files); :meth:`HolidayYear.bundled` gives a year ppid-core ships, by its number.

References:
    Keppres 8/2024 tentang Hari-Hari Libur; the yearly SKB Menteri Agama, Menteri
    Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama;
    Keppres declaring election voting days national holidays (e.g. Keppres 10/2024,
    Keppres 33/2024).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = [
    "Holiday",
    "HolidayCategory",
    "HolidayStatus",
    "HolidayYear",
    "RemovedHoliday",
    "Source",
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

    @classmethod
    def bundled(cls, year: int) -> HolidayYear:
        """The holiday data ppid-core ships for ``year`` (read once, then shared).

        Raises:
            UnknownNameError: ppid-core ships no data for that year; the message lists
                the years it ships (see :meth:`bundled_names`).

        Examples:
            >>> y = HolidayYear.bundled(2024)
            >>> y.year, y.file
            (2024, 'ppid_core/calendar/data/holidays/2024.yaml')
        """
        from ppid_core.calendar._holidays import bundled_year  # noqa: PLC0415 - it reads this

        return bundled_year(year)

    @classmethod
    def bundled_names(cls) -> tuple[int, ...]:
        """The years for which ppid-core ships holiday data, ascending.

        >>> HolidayYear.bundled_names()[:3]
        (2020, 2021, 2022)
        """
        from ppid_core.calendar._holidays import bundled_year_numbers  # noqa: PLC0415

        return bundled_year_numbers()
