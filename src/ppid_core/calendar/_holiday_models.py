"""The holiday models: libur nasional, cuti bersama and election days, each with its source.

A year's file gathers them in a [`HolidayYear`][ppid_core.calendar.HolidayYear] (``._holidays``
reads the files); [`read_sources()`][read_sources] reads the ``sources:`` list every holiday file
has.

References:
    Keppres 8/2024 tentang Hari-Hari Libur; the yearly SKB Menteri Agama, Menteri
    Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama;
    Keppres declaring election voting days national holidays (e.g. Keppres 10/2024,
    Keppres 33/2024).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs

from ppid_core._i18n import _
from ppid_core._yaml import node_path

if TYPE_CHECKING:
    import yaml

    from ppid_core._yaml import Document

__all__ = [
    "Holiday",
    "HolidayCategory",
    "HolidayStatus",
    "RemovedHoliday",
    "Source",
    "read_sources",
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


def read_sources(doc: Document, node: yaml.Node | None, path: str) -> dict[str, Source]:
    """The ``sources:`` list of a holiday file, by id (a duplicate id is an error)."""
    sources: dict[str, Source] = {}
    for _i, item, ipath in doc.items(node, path):
        f = doc.mapping(
            item, ipath, required=("id", "title", "urls"), optional=("date", "confidence", "note")
        )
        sid = doc.string(f.get("id"), node_path(ipath, "id"))
        title = doc.string(f.get("title"), node_path(ipath, "title"))
        urls = tuple(
            u
            for _j, un, up in doc.items(f.get("urls"), node_path(ipath, "urls"))
            if (u := doc.string(un, up)) is not None
        )
        confidence = doc.optional(f, "confidence", ipath, lambda n, p: doc.choice(n, p, ("P", "S")))
        if sid is None or title is None:
            continue
        if sid in sources:
            text = _("duplicate source id {id!r}").format(id=sid)
            doc.error(f["id"], node_path(ipath, "id"), text)
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
