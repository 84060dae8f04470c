"""The yearly service report (laporan layanan informasi publik).

What UU 14/2008 Pasal 12 asks a public body to announce each year — the number of
requests, the time taken for each, grants and refusals, and the reasons for refusal —
plus what the seed's evaluation counts (requests per month, kinds of service, topics)
and what is overdue on the report's date.

Response times are in working days from the receipt date (a request received on a
non-working day counts from the next working day, and so does one whose register cell
records a time after the office's closing time) to the written notice; a notice given
before the receipt date counts 0. They are computed only for requests whose response
date the register records; with none recorded they are **unknown** (``None``), never 0.
Likewise every figure by a column the register lacks is ``None`` — per unit, per kind of
service, per topic, decisions, refusal reasons, keberatan, sengketa and the overdue list
(the Markdown report then says "unknown", *tidak diketahui*, and why). Only the count of requests
and the months are always known: the date received is the one column a register needs.
A cell left empty counts under "tidak dicatat"; an optional cell the register could not
read (its warnings) under "tidak terbaca" where a count has such a key, and as unknown
everywhere else: a request whose response or extension date could not be read is not
judged overdue but listed with the requests whose deadline is unknown.

A request is overdue when the register records no response date and its deadline has
passed: the response period (10 working days under UU 14/2008 Pasal 22 ayat (7)), or
the extended one (10 + 7, Pasal 22 ayat (8)) only when the register records a written
extension (column ``Tanggal Perpanjangan``) sent within the response period. An
extension is not presumed: a register without that column holds every request to the
response period, and the report says so in its notes.

    >>> import datetime as dt
    >>> from ppid_core.calendar import WorkCalendar
    >>> from ppid_core.examples.requests import load_kpu_ntt_2024
    >>> cal = WorkCalendar.indonesia(zone="WITA")
    >>> from ppid_core.requests import service_report
    >>> report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    >>> report.total, report.by_month["2024-09"], report.response_times
    (37, 10, None)

The titles, column headers and words of the tables, the Markdown and the workbook are
English, translated when they are made (``ppid --lang id``, or
``ppid_core._i18n.set_language("id")``, gives the Indonesian report offices publish);
the notes and warnings are data, English in ``to_dict()`` and shown translated
([`said()`][ppid_core.requests._said.said]). ``to_dict()`` is the same in every language.

References:
    UU 14/2008 Pasal 12 huruf a–d; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable, markdown_text
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline
from ppid_core.requests._register import Provenance, Register
from ppid_core.requests._rules import RuleSet
from ppid_core.requests._said import said
from ppid_core.requests._service_build import service_summary
from ppid_core.requests._service_decisions import split_unreadable
from ppid_core.requests._service_figures import (
    NOT_RECORDED,
    ResponseTimes,
    RuleFacts,
    deadline_notes,
    month_table,
    reading_notes,
)
from ppid_core.requests._service_summary import ServiceSummary
from ppid_core.requests._service_tables import service_tables

if TYPE_CHECKING:
    from collections.abc import Callable

    from ppid_core._export import XlsxTarget
    from ppid_core._masking import Masking
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._topics import TopicTable

__all__ = ["OverdueRequest", "ResponseTimes", "ServiceReport", "service_report"]


@attrs.frozen(kw_only=True, repr=False)
class ServiceReport(ResultMixin):
    """The service report of one register (optionally one year of it).

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide): ``to_dict()`` is what ``ppid register report --json`` prints.
    Attributes mirror its keys; ``None`` means unknown (the register has no such column),
    never zero.
    """

    source: str
    year: int | None
    as_of: dt.date
    rule_set: str
    total: int
    by_month: dict[str, int]
    by_service: dict[str, int] | None
    by_topic: dict[str, int] | None
    by_unit: dict[str, int] | None
    response_times: ResponseTimes | None
    decisions: dict[str, int] | None
    refusal_reasons: dict[str, int] | None
    keberatan: int | None
    sengketa: int | None
    overdue: tuple[OverdueRequest, ...] | None
    notes: tuple[str, ...]
    overdue_unknown: tuple[UnknownDeadline, ...] | None = None
    provenance: tuple[Provenance, ...] = ()
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_summary(cls, summary: ServiceSummary) -> ServiceReport:
        """The report of a [`ServiceSummary`][ppid_core.requests.ServiceSummary]: of one
        register, or of several merged (then the report of the register
        that concatenates their requests, in the order merged)."""
        s = summary
        read = s.reading
        has = read.fields.__contains__
        rules = s.rules or RuleFacts(name="", confirmed=True, limits=(0, 0), citations=("", ""))
        overdue = (s.overdue, s.overdue_unknown) if has("responded") else (None, None)
        notes = reading_notes(read)
        if s.year is not None and s.outside_year:
            notes.append(
                N_("{n} requests outside {year} not counted").format(n=s.outside_year, year=s.year)
            )
        notes += deadline_notes(rules, overdue[0], overdue[1], read)
        return cls(
            source=read.source,
            year=s.year,
            as_of=s.as_of or dt.date.min,
            rule_set=rules.name,
            total=s.requests,
            by_month=month_table(s.months, s.year),
            by_service=_most(s.services) if has("service") else None,
            by_topic=dict(Counter(s.topics).most_common()) if has("information") else None,
            by_unit=_most(s.units) if has("unit") else None,
            response_times=ResponseTimes.from_histogram(
                s.response_days, requests=s.requests, limits=rules.limits
            )
            if has("responded")
            else None,
            decisions=split_unreadable(s.decisions, s.decisions_unreadable)
            if has("decision")
            else None,
            refusal_reasons=dict(s.refusal_reasons) if has("refusal_reason") else None,
            keberatan=s.keberatan if has("keberatan") else None,
            sengketa=s.sengketa if has("sengketa") else None,
            overdue=overdue[0],
            overdue_unknown=overdue[1],
            notes=tuple(notes),
            provenance=read.provenance,
            warnings=tuple(map(str, read.warnings)),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (the CLI's ``--json`` object)."""
        return {
            "source": self.source,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "rule_set": self.rule_set,
            "total": self.total,
            "by_month": dict(self.by_month),
            "by_service": _copy(self.by_service),
            "by_topic": _copy(self.by_topic),
            "by_unit": _copy(self.by_unit),
            "response_times": None
            if self.response_times is None
            else self.response_times.to_dict(),
            "decisions": self.decisions,
            "refusal_reasons": self.refusal_reasons,
            "keberatan": self.keberatan,
            "sengketa": self.sengketa,
            "overdue": None if self.overdue is None else jsonable(list(self.overdue)),
            "overdue_unknown": None
            if self.overdue_unknown is None
            else jsonable(list(self.overdue_unknown)),
            "notes": list(self.notes),
            "provenance": [p.to_dict() for p in self.provenance],
            "warnings": list(self.warnings),
        }

    def tables(self) -> list[Table]:
        """The report as tables, titles and headers in the language in use (in Indonesian
        they are the words offices publish)."""
        return service_tables(self)

    def _summary(self) -> str:
        scope = "" if self.year is None else f", {self.year}"
        return f"{self.source}: {self.total} requests{scope}"

    def to_markdown(self) -> str:
        """The report as Markdown: a heading, the totals, every table, the notes.

        Text from the register (its name, column names, cells) never passes as raw HTML.
        """
        parts = [
            f"# {self._heading()}",
            "",
            self._about(markdown_text),
        ]
        for table in self.tables():
            parts += ["", table.to_markdown()]
        notes, warnings = self.shown_notes(), self.shown_warnings()
        if notes:  # they quote the file (column names, repaired cells): no raw HTML
            parts += ["", f"**{_('Notes')}**", "", *(f"- {markdown_text(n)}" for n in notes)]
        if warnings:  # located, the cells masked
            parts += ["", f"**{_('Warnings')}**", "", *(f"- {markdown_text(w)}" for w in warnings)]
        return "\n".join(parts) + "\n"

    def _heading(self) -> str:
        if self.year is None:
            return _("Public information service report — whole register")
        return _("Public information service report — year {year}").format(year=self.year)

    def _about(self, quoted: Callable[[str], str] = str) -> str:
        """The source, date, rule set and total in one sentence (``quoted`` the source
        and rule set's names, as Markdown quotes them)."""
        return _("Source: {source}; as of {day}; rules: {rules}; requests: {total}.").format(
            source=quoted(self.source),
            day=self.as_of.isoformat(),
            rules=quoted(self.rule_set),
            total=self.total,
        )

    def shown_notes(self) -> list[str]:
        """The notes in the language in use (``notes`` keeps them in English)."""
        return [said(n) for n in self.notes]

    def shown_warnings(self) -> list[str]:
        """The warnings in the language in use (``warnings`` keeps them in English)."""
        return [said(w) for w in self.warnings]

    def to_text(self) -> str:
        """Plain text for a terminal: the heading, the totals, every table aligned, the
        notes and warnings (no Markdown syntax)."""
        parts = [self._heading(), self._about()]
        parts += [t.to_text().rstrip("\n") for t in self.tables()]
        for title, lines in (
            (_("Notes"), self.shown_notes()),
            (_("Warnings"), self.shown_warnings()),
        ):
            if lines:
                parts.append("\n".join([f"{title}:", *(f"- {n}" for n in lines)]))
        return "\n\n".join(parts) + "\n"

    def to_csv(self, *, dialect: str = "excel") -> str:
        """Every figure as one long CSV table: ``section,item,value``.

        Args:
            dialect: ``"excel"``, or ``"excel-id"`` for Excel on an Indonesian Windows
                (``;``, decimal comma, UTF-8 byte-order mark; see `Table.to_csv`).
        """
        rows: list[tuple[str, str, object]] = [("total", "total", self.total)]
        for table in self.tables():
            rows += [(table.title or "", str(r[0]), r[1]) for r in table.rows if len(r) == 2]
            if len(table.columns) > 2:
                rows += [(table.title or "", str(r[0]), r[2]) for r in table.rows]
        return Table(columns=("section", "item", "value"), rows=rows).to_csv(dialect=dialect)

    def to_xlsx(self, file: XlsxTarget) -> None:
        """The report as an Excel workbook (extra ``excel``): a sheet ``Ringkasan`` (source,
        date, rule set, total, notes and warnings), then one sheet per table of
        [`tables()`][tables]; number and date cells, header rows bold and frozen.

        Args:
            file: A path (``laporan.xlsx``) or a binary file object.

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        summary = Table(
            columns=(_("Measure"), _("Value")),
            rows=[
                (_("Source"), self.source),
                (_("Year"), _("whole register") if self.year is None else self.year),
                (_("As of"), self.as_of),
                (_("Rules"), self.rule_set),
                (_("Number of requests"), self.total),
                *((_("Note"), n) for n in self.shown_notes()),
                *((_("Warning"), w) for w in self.shown_warnings()),
            ],
            title=_("Public information service report"),
        )
        tables = self.tables()
        names = [_("Summary"), *(t.title or "" for t in tables)]
        from ppid_core._export import write_xlsx  # noqa: PLC0415 - only to write a workbook

        write_xlsx([summary, *tables], file, names=names)


def service_report(
    register: Register,
    calendar: WorkCalendar,
    rules: RuleSet | str = "uu_14_2008",
    *,
    year: int | None = None,
    as_of: dt.date | None = None,
    topics: TopicTable | None = None,
    masking: Masking | None = None,
) -> ServiceReport:
    """Build the service report of a register.

    The report of its [`service_summary()`][ppid_core.requests.service_summary]; merge the
    summaries of several registers to report on them together.

    Args:
        register: The imported register.
        calendar: The office's calendar (working days, cuti bersama setting).
        rules: The deadline rule set (its response and extension days set the
            "within" limits and the overdue test: the response period, or response plus
            extension where the register records a written extension).
        year: Only requests received in this year (then every month of it is listed).
        as_of: The report's date, for the overdue list; default today in the
            calendar's zone.
        topics: The topic table; default the shipped one.
        masking: How requester names appear; default initials.

    Raises:
        CalendarCoverageError: A date the calendar does not cover.
        UnknownDeadlineError: The rule set has no response number (overdue needs it).

    References:
        UU 14/2008 Pasal 12; Pasal 22 ayat (7)–(8).
    """
    summary = service_summary(
        register, calendar, rules, year=year, as_of=as_of, topics=topics, masking=masking
    )
    return ServiceReport.from_summary(summary)


def _copy(data: dict[str, int] | None) -> dict[str, int] | None:
    return None if data is None else dict(data)


def _most(counts: dict[str, int]) -> dict[str, int]:
    """Requests per text, most first (ties in first-seen order); empty cells under
    "tidak dicatat" (as [`counts()`][ppid_core.requests._service_figures.counts])."""
    return {text or NOT_RECORDED: n for text, n in Counter(counts).most_common()}
