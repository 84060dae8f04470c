"""[`OversightTable`][OversightTable]: the compliance table of the PPID Pelaksana (pengawasan).

The result of [`oversight()`][ppid_core.requests.oversight]: one row per unit (a PPID
Pelaksana, e.g. a KPU kabupaten/kota under KPU Provinsi NTT), the units that reported
nothing included, and a total row. The total is the merge of the units'
[`UnitSummary`][ppid_core.requests.UnitSummary] values, never a separate count. In the
monthly form (``by="month"``) it also holds the *rekapitulasi progres layanan informasi
yang dilaporkan ke PPID* of the seed's monitoring step: one row per unit per month.

Titles, column headers, remarks and headings are English, translated when they are made
(``ppid --lang id`` gives the Indonesian table offices publish); the notes and warnings
are English data in ``to_dict()``, shown translated. The JSON is the same in every
language.

References:
    UU 14/2008 Pasal 22 ayat (7)–(8); KPU Provinsi NTT, "Bentuk Kegiatan Pembinaan,
    Pengawasan, Evaluasi, dan Monitoring PPID" (seed 000: pengawasan of the 10-working-day
    limit, monitoring by rekapitulasi).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable, markdown_text
from ppid_core.requests._oversight_summary import UnitSummary
from ppid_core.requests._said import said

if TYPE_CHECKING:
    from collections.abc import Callable

    from ppid_core._export import XlsxTarget

__all__ = ["NOT_REPORTED", "OversightRow", "OversightTable"]

NOT_REPORTED = N_("did not report")
"""What the table says of a unit without a register, or with an empty one (English;
``_(NOT_REPORTED)`` in the language in use: *tidak melapor*)."""
_UNKNOWN = N_("unknown")
_TOTAL = N_("All units")


@attrs.frozen(kw_only=True)
class OversightRow:
    """One unit's row (or one unit-month's, in the monthly form).

    Attributes:
        unit: The unit's name as written in its register (its unit column), or the
            register file's name when the file has no unit column, or a name of the
            expected-units list.
        summary: Its figures.
        month: ``"YYYY-MM"`` in the monthly form; ``None`` in a unit's row.
        reported: False for a unit that reported nothing: no register, or an empty one.
        sources: The register files its requests were read from.
        zones: The time zones its registers were read in.
    """

    unit: str
    summary: UnitSummary
    month: str | None = None
    reported: bool = True
    sources: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()

    def to_dict(self, limits: tuple[int, int]) -> dict[str, Any]:
        """JSON-ready figures; ``None`` (null) for what is unknown, never 0."""
        s = self.summary
        timed = bool(s.timed) or not s.requests  # no request: nothing is unknown
        out: dict[str, Any] = {"unit": self.unit}
        if self.month is not None:
            out["month"] = self.month
        out |= {
            "reported": self.reported,
            "requests": s.requests,
            "timed": s.timed,
            "untimed": s.untimed,
            "answered": s.answered if timed else None,
        }
        for limit in limits:
            share = s.share_within(limit)
            out[f"within_{limit}"] = s.within(limit) if timed else None
            out[f"within_{limit}_percent"] = None if share is None else _percent(share)
            out[f"within_{limit}_exact"] = None if share is None else str(share)
        out |= {
            "open": s.open if timed else None,
            "overdue": s.overdue if timed else None,
            "overdue_unknown": s.overdue_unknown if timed else None,
            "median_days": jsonable(s.median),
            "response_days": [{"days": d, "requests": n} for d, n in s.response_days],
        }
        if self.month is None:
            out |= {"sources": list(self.sources), "zones": list(self.zones)}
        return out

    def cells(self, limits: tuple[int, int]) -> list[object]:
        """The table cells after the unit (and month): figures, then the remark.

        A share or median of no answered request is an empty cell; the figures of
        requests whose timing the register cannot tell are "tidak diketahui"."""
        s = self.summary
        if s.requests and not s.timed:
            known: list[object] = [_(_UNKNOWN)] * 8
        else:
            known = [s.answered]
            for limit in limits:
                share = s.share_within(limit)
                known += [s.within(limit), None if share is None else half_up(share * 100, 2)]
            median = s.median
            known += [s.overdue, s.overdue_unknown, None if median is None else half_up(median, 1)]
        return [s.requests, *known, self.remark()]

    def remark(self) -> str:
        """Keterangan: a unit that reported nothing, or figures that are unknown (in the
        language in use)."""
        s = self.summary
        if not self.reported:
            if self.sources:
                return _("{not_reported} (empty register)").format(not_reported=_(NOT_REPORTED))
            return _(NOT_REPORTED)
        if s.requests and not s.timed:
            return _("response dates not recorded")
        if s.untimed:
            return _("{n} requests without a response date column").format(n=s.untimed)
        return ""


def _percent(share: Any) -> Any:
    return jsonable(half_up(share * 100, 2))


@attrs.frozen(kw_only=True, repr=False)
class OversightTable(ResultMixin):
    """The oversight of the PPID Pelaksana: compliance per unit, and the total.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``to_csv``, ``to_xlsx``,
    ``tables``, ``to_frame``; see the results guide). ``to_dict()`` is what
    ``ppid register oversight --json`` prints: ``total`` (requests over all units),
    ``units`` (one object per unit, with ``unit`` and ``requests``), ``all_units`` (the
    merged figures) and, in the monthly form, ``months``.

    Attributes:
        on: The oversight's date: "overdue" means overdue on this day.
        rule_set: The deadline rule set.
        limits: Its response period and the extended one in working days, ``(10, 17)``.
        by: ``"year"`` (one row per unit) or ``"month"`` (also one row per unit-month).
        year: Only requests received in this year were counted; ``None``: all.
        units: One row per unit: the expected units first, in the order given, then the
            others by name.
        months: The monthly rows (``by="month"``), unit by unit, month by month; else
            ``None``.
        total: The merge of every unit's summary.
        sources: The register files read.
        notes: How the files were read, and what was assumed or passed over.
        warnings: Cells the registers could not use (each with its file, row and column;
            counted as unknown), and rows two files of one unit repeat word for word.
    """

    on: dt.date
    rule_set: str
    limits: tuple[int, int]
    by: str
    year: int | None
    units: tuple[OversightRow, ...]
    months: tuple[OversightRow, ...] | None
    total: UnitSummary
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (the CLI's ``--json`` object)."""
        all_units = OversightRow(unit="", summary=self.total).to_dict(self.limits)
        for key in ("unit", "reported", "sources", "zones"):
            del all_units[key]
        return {
            "on": self.on.isoformat(),
            "rule_set": self.rule_set,
            "limits": list(self.limits),
            "by": self.by,
            "year": self.year,
            "total": self.total.requests,
            "units": [u.to_dict(self.limits) for u in self.units],
            "all_units": all_units,
            "months": None
            if self.months is None
            else [m.to_dict(self.limits) for m in self.months],
            "not_reported": [u.unit for u in self.units if not u.reported],
            "sources": list(self.sources),
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }

    def _columns(self, *first: str) -> tuple[str, ...]:
        short, extended = self.limits
        return (
            *first,
            _("Requests"),
            _("Answered"),
            _("≤ {days} working days").format(days=short),
            _("≤ {days} working days (%)").format(days=short),
            _("≤ {days} working days").format(days=extended),
            _("≤ {days} working days (%)").format(days=extended),
            _("Overdue on {day}").format(day=self.on.isoformat()),
            _("Deadline cannot be computed"),
            _("Median (working days)"),
            _("Remarks"),
        )

    def tables(self) -> list[Table]:
        """The unit table (with the total row), then the monthly rekapitulasi if asked."""
        total = OversightRow(unit=_(_TOTAL), summary=self.total)
        if self.year is None:
            title = _("Oversight of the PPID Pelaksana")
            monthly = _("Monthly rekapitulasi of the information service")
        else:
            title = _("Oversight of the PPID Pelaksana, year {year}").format(year=self.year)
            monthly = _("Monthly rekapitulasi of the information service, year {year}").format(
                year=self.year
            )
        out = [
            Table(
                columns=self._columns(_("Unit")),
                rows=[[u.unit, *u.cells(self.limits)] for u in (*self.units, total)],
                title=title,
            )
        ]
        if self.months is not None:
            out.append(
                Table(
                    columns=self._columns(_("Month"), _("Unit")),
                    rows=[[m.month, m.unit, *m.cells(self.limits)] for m in self.months],
                    title=monthly,
                )
            )
        return out

    def _summary(self) -> str:
        silent = sum(not u.reported for u in self.units)
        return (
            f"{len(self.units)} units, {self.total.requests} requests, "
            f"{self.total.overdue} overdue on {self.on.isoformat()}, {silent} not reported"
        )

    def _heading(self) -> str:
        return _("Oversight of the PPID Pelaksana on {day}").format(day=self.on.isoformat())

    def _rules(self, quoted: Callable[[str], str] = str) -> str:
        return _(
            "Rules: {rules} (limit {short} working days, extended {extended} working days); "
            "requests: {requests}; units: {units}."
        ).format(
            rules=quoted(self.rule_set),
            short=self.limits[0],
            extended=self.limits[1],
            requests=self.total.requests,
            units=len(self.units),
        )

    def to_text(self) -> str:
        """Plain text for a terminal: the heading, the rule set, every table aligned, the
        warnings and notes (in the language in use; no Markdown syntax)."""
        parts = [self._heading(), self._rules()]
        parts += [t.to_text().rstrip("\n") for t in self.tables()]
        for title, lines in ((_("Warnings"), self.warnings), (_("Notes"), self.notes)):
            if lines:
                parts.append("\n".join([f"{title}:", *(f"- {said(n)}" for n in lines)]))
        return "\n\n".join(parts) + "\n"

    def to_markdown(self) -> str:
        """A heading, the rule set, every table, then the notes (no raw HTML from files)."""
        parts = [f"# {markdown_text(self._heading())}", self._rules(markdown_text)]
        parts += [t.to_markdown().rstrip("\n") for t in self.tables()]
        for title, lines in ((_("Warnings"), self.warnings), (_("Notes"), self.notes)):
            if lines:
                shown = "\n".join(f"- {markdown_text(said(n))}" for n in lines)
                parts.append(f"**{title}**\n\n{shown}")
        return "\n\n".join(parts) + "\n"

    def to_csv(self, *, dialect: str = "excel") -> str:
        """The table of the form asked for as CSV: the unit table (``by="year"``) or the
        monthly rekapitulasi (``by="month"``).

        Args:
            dialect: ``"excel"``, or ``"excel-id"`` for Excel on an Indonesian Windows.
        """
        return self.tables()[-1].to_csv(dialect=dialect)

    def to_xlsx(self, file: XlsxTarget) -> None:
        """Every table as a sheet, then a sheet ``Catatan`` with the notes (extra ``excel``).

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        from ppid_core._export import write_xlsx  # noqa: PLC0415 - only to write a workbook

        tables = self.tables()
        notes = Table(
            columns=(_("Notes"),),
            rows=[
                (n,)
                for n in (
                    _("as of {day}; rules {rules}").format(
                        day=self.on.isoformat(), rules=self.rule_set
                    ),
                    *(_("warning: {warning}").format(warning=said(w)) for w in self.warnings),
                    *map(said, self.notes),
                )
            ],
            title=_("Notes"),
        )
        monthly = [_("Monthly rekapitulasi")] if len(tables) > 1 else []
        names = [_("Oversight"), *monthly, _("Notes")]
        write_xlsx([*tables, notes], file, names=names)
