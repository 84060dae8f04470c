"""Estimated holiday years: what can be known of a year before its SKB is out.

A request received in November 2027 has keberatan steps in 2028, before any decree on 2028
holidays exists. For such a year the calendar can, when asked, *estimate*:

- the fixed-date libur nasional (1 January, 1 May, 1 June, 17 August, 25 December) from
  the standing Keppres that set them, read from ``data/fixed_holidays.yaml``;
- the movable ones (Easter-based, Hijri, Imlek, Nyepi, Waisak) from python-holidays, a
  well-kept library that already computes Indonesian holidays for future years and labels
  the uncertain ones "perkiraan";
- cuti bersama: **not at all**. They are a yearly policy choice of the SKB, not a rule, so
  no estimate exists; an estimated year has none, which makes deadlines in it *at the
  earliest* what the final decree will give.

Every holiday of an estimated year has status ``estimated`` except the fixed-date ones
whose standing Keppres gives the date (1 January, 1 May, 1 June, 17 August: decreed);
the year as a whole is ``estimated`` all the same, because its cuti bersama are unknown.
The calendar marks every result that counts a day of such a year as provisional.

References:
    Keppres 8/2024 tentang Hari-Hari Libur (the standing list, see the data file); the
    yearly SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs

from ppid_core._i18n import _
from ppid_core._source import bundled_text
from ppid_core._yaml import Document, node_path
from ppid_core.calendar._holiday_models import (
    Holiday,
    HolidayCategory,
    HolidayStatus,
    Source,
    read_sources,
)
from ppid_core.calendar._holidays import HolidayYear
from ppid_core.errors import MissingExtraError

__all__ = ["ESTIMATE_FILE", "FixedHoliday", "estimated_year", "fixed_holidays"]

ESTIMATE_FILE = "estimate"
"""The ``file`` of an estimated [`HolidayYear`][HolidayYear]."""

_ESTIMATED = " (perkiraan)"
_STATUSES = {s.value: s for s in (HolidayStatus.DECREED, HolidayStatus.ESTIMATED)}


@attrs.frozen(kw_only=True)
class FixedHoliday:
    """A libur nasional on the same calendar day every year.

    Attributes:
        month: Month of the year.
        day: Day of the month.
        name: The Indonesian name; ``{year}`` is replaced by the year.
        source: The standing instrument that sets it.
        python_holidays_name: The name python-holidays gives the same day (in Indonesian),
            so that its entry is not counted twice.
        status: ``decreed`` when the standing instrument gives the date itself,
            ``estimated`` when it names the holiday without a date.
        note: Why, when the status needs explaining.
    """

    month: int
    day: int
    name: str
    source: Source
    python_holidays_name: str
    status: HolidayStatus = HolidayStatus.DECREED
    note: str | None = None

    def on(self, year: int) -> Holiday:
        """The holiday in ``year``."""
        return Holiday(
            date=dt.date(year, self.month, self.day),
            name=self.name.replace("{year}", str(year)),
            category=HolidayCategory.LIBUR_NASIONAL,
            source=self.source,
            status=self.status,
            note=self.note,
        )


def _read_fixed(doc: Document) -> tuple[FixedHoliday, ...]:
    top = doc.mapping(doc.root, "$", required=("sources", "holidays"))
    sources = read_sources(doc, top.get("sources"), "$.sources")
    out: list[FixedHoliday] = []
    for _i, item, ipath in doc.items(top.get("holidays"), "$.holidays"):
        f = doc.mapping(
            item,
            ipath,
            required=("month", "day", "name", "source", "python_holidays_name"),
            optional=("status", "note"),
        )
        month = doc.integer(f.get("month"), node_path(ipath, "month"), minimum=1, maximum=12)
        day = doc.integer(f.get("day"), node_path(ipath, "day"), minimum=1, maximum=31)
        name = doc.string(f.get("name"), node_path(ipath, "name"))
        sid = doc.choice(f.get("source"), node_path(ipath, "source"), sources)
        ph = doc.string(f.get("python_holidays_name"), node_path(ipath, "python_holidays_name"))
        status = doc.optional(f, "status", ipath, lambda n, p: doc.choice(n, p, _STATUSES))
        note = doc.optional(f, "note", ipath, doc.string)
        if month is None or day is None or name is None or sid is None or ph is None:
            continue
        out.append(
            FixedHoliday(
                month=month,
                day=day,
                name=name,
                source=sid,
                python_holidays_name=ph,
                status=status or HolidayStatus.DECREED,
                note=note,
            )
        )
    doc.raise_errors()
    return tuple(out)


@functools.cache
def fixed_holidays() -> tuple[FixedHoliday, ...]:
    """The fixed-date libur nasional, each with its standing legal basis."""
    text, source = bundled_text("ppid_core.calendar", "data", "fixed_holidays", what="table")
    doc = Document.parse(text, source=source)
    return _read_fixed(doc)


def _indonesia(year: int) -> tuple[list[tuple[dt.date, str]], str]:
    """python-holidays' Indonesian public holidays of ``year`` and its version."""
    try:
        # heavy (about 0.2 s to import): only estimated years need it
        from holidays.countries.indonesia import Indonesia  # noqa: PLC0415
        from holidays.version import __version__ as version  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - a dependency of ppid-core
        msg = _("estimating a holiday year needs python-holidays: pip install holidays")
        raise MissingExtraError(msg) from exc
    found = Indonesia(years=year, language="id", categories=("public",))
    days = [(d, name) for d in sorted(found) for name in found.get_list(d)]
    return days, str(version)


@functools.cache
def estimated_year(year: int) -> HolidayYear:
    """The estimated holidays of a year no decree covers yet.

    Args:
        year: The year.

    Returns:
        A [`HolidayYear`][HolidayYear] with ``estimated=True``: the fixed-date libur nasional
        (decreed by their standing Keppres) and the movable ones estimated by
        python-holidays (status ``estimated``); no cuti bersama, which cannot be
        estimated.

    Raises:
        MissingExtraError: python-holidays is not installed.
    """
    fixed = fixed_holidays()
    days, version = _indonesia(year)
    estimate = Source(
        id="python-holidays",
        title=f"Perkiraan python-holidays {version} (Indonesia, kategori public); bukan keputusan",
        confidence="S",
        urls=("https://holidays.readthedocs.io/",),
        note="An estimate, not a decree; cuti bersama cannot be estimated.",
    )
    taken = {(dt.date(year, f.month, f.day), f.python_holidays_name) for f in fixed}
    movable = [
        Holiday(
            date=d,
            name=name.removesuffix(_ESTIMATED),
            category=HolidayCategory.LIBUR_NASIONAL,
            source=estimate,
            status=HolidayStatus.ESTIMATED,
        )
        for d, name in days
        if (d, name) not in taken
    ]
    sources = {f.source.id: f.source for f in fixed} | {estimate.id: estimate}
    return HolidayYear(
        year=year,
        holidays=tuple(sorted([*(f.on(year) for f in fixed), *movable])),
        sources=sources,
        file=ESTIMATE_FILE,
        estimated=True,
    )
