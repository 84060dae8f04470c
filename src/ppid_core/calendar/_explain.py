"""Why a day is not a working day: the explanation behind every count.

References:
    The decree of each holiday is carried from the holiday data (SKB 3 Menteri, Keppres);
    office closures carry the office's own decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ppid_core._i18n import _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.calendar._holiday_models import Holiday
from ppid_core.calendar._local import Closure

__all__ = [
    "LOCAL_CLOSURE",
    "WEEKEND",
    "NonWorkingDay",
    "Span",
    "non_working_days",
    "skipped_table",
]

WEEKEND: Final = "akhir_pekan"
LOCAL_CLOSURE: Final = "penutupan_lokal"
_DAY_NAMES_ID: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_date: Final = dt.date
_FIRMNESS: Final = ("decreed", "provisional", "estimated")


@attrs.frozen(kw_only=True)
class NonWorkingDay:
    """A day skipped when counting working days, and why.

    Attributes:
        date: The day.
        category: ``akhir_pekan`` (weekend), ``libur_nasional``, ``cuti_bersama``,
            ``pemungutan_suara`` or ``penutupan_lokal`` (an office closure).
        name: The holiday's or closure's name (``Sabtu``/``Minggu`` for a plain weekend).
        source: The decree that made it a holiday, when there is one.
        status: ``decreed``, ``provisional`` (a later decision may move it) or
            ``estimated`` (no decree yet); weekends and closures are ``decreed``.
    """

    date: dt.date
    category: str
    name: str
    source: str | None = None
    status: str = "decreed"


def skipped_table(days: Iterable[NonWorkingDay], title: str | None = None) -> Table:
    """Non-working days as a table: date, day, category, name, source, status.

    The column headers are in the language in use (Indonesian: ``Tanggal``, ``Hari``,
    ``Kategori``, ``Nama``, ``Sumber``, ``Status``); the cells are data, as in ``to_dict()``.
    """
    return Table(
        columns=(_("Date"), _("Day"), _("Category"), _("Name"), _("Source"), _("Status")),
        rows=[
            (d.date, _DAY_NAMES_ID[d.date.weekday()], d.category, d.name, d.source, d.status)
            for d in days
        ],
        title=title,
    )


@attrs.frozen(kw_only=True, repr=False)
class Span(ResultMixin):
    """The working days of the half-open range (start, end], with every day skipped.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide).

    Attributes:
        start: Exclusive start.
        end: Inclusive end.
        working_days: How many working days the range has.
        skipped: The non-working days of the range, in date order.
    """

    start: dt.date
    end: dt.date
    working_days: int
    skipped: tuple[NonWorkingDay, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: ``start``, ``end``, ``working_days`` and ``skipped``."""
        out: dict[str, Any] = jsonable(self)
        return out

    def tables(self) -> list[Table]:
        """The days skipped, one row each."""
        title = _("Non-working days: {n}").format(n=len(self.skipped))
        return [skipped_table(self.skipped, title=title)]

    def _summary(self) -> str:
        return (
            f"{self.start.isoformat()}..{self.end.isoformat()}: "
            f"{self.working_days} working days, {len(self.skipped)} skipped"
        )

    def _heading(self) -> str:
        return _("Working days ({start}, {end}]: {n}").format(
            start=self.start.isoformat(), end=self.end.isoformat(), n=self.working_days
        )


def non_working_days(
    *,
    working: bytearray,
    first_ordinal: int,
    span: tuple[int, int],
    holidays: Iterable[Holiday],
    closures: Iterable[Closure],
) -> list[NonWorkingDay]:
    """The non-working days of table indexes ``span`` (inclusive), each with its reason."""
    a, b = span
    reasons: dict[int, list[NonWorkingDay]] = {}
    for h in holidays:
        i = h.date.toordinal() - first_ordinal
        if a <= i <= b and not working[i]:
            reasons.setdefault(i, []).append(
                NonWorkingDay(
                    date=h.date,
                    category=h.category.value,
                    name=h.name,
                    source=h.source.title,
                    status=h.status.value,
                )
            )
    for c in closures:
        for d in c.days():
            i = d.toordinal() - first_ordinal
            if a <= i <= b and not working[i]:
                reasons.setdefault(i, []).append(
                    NonWorkingDay(date=d, category=LOCAL_CLOSURE, name=c.name, source=c.source)
                )
    out: list[NonWorkingDay] = []
    for i in range(a, b + 1):
        if working[i]:
            continue
        day = _date.fromordinal(first_ordinal + i)
        found = reasons.get(i)
        if not found:
            out.append(NonWorkingDay(date=day, category=WEEKEND, name=_DAY_NAMES_ID[day.weekday()]))
        elif len(found) == 1:
            out.append(found[0])
        else:
            out.append(
                NonWorkingDay(
                    date=day,
                    category=found[0].category,
                    name="; ".join(r.name for r in found),
                    source="; ".join(dict.fromkeys(r.source or "" for r in found)).strip("; ")
                    or None,
                    status=min((r.status for r in found), key=_FIRMNESS.index),
                )
            )
    return out
