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
Likewise decisions, keberatan, sengketa and the overdue list are ``None`` when the
register has no column for them (the Markdown report then says "tidak diketahui" and why).

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
    >>> report = service_report(load_kpu_ntt_2024(cal), cal, year=2024, as_of=dt.date(2025, 1, 6))
    >>> report.total, report.by_month["2024-09"], report.response_times
    (37, 10, None)

References:
    UU 14/2008 Pasal 12 huruf a–d; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

import attrs

from ppid_core._masking import Masking
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable, markdown_text
from ppid_core.requests._models import DecisionKind
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline, overdue_requests
from ppid_core.requests._register import Column, Register
from ppid_core.requests._rules import RuleSet, Step
from ppid_core.requests._service_figures import (
    ResponseTimes,
    by_month,
    by_topic,
    count_truthy,
    response_times,
    tally,
)
from ppid_core.requests._topics import TopicTable

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["OverdueRequest", "ResponseTimes", "ServiceReport", "service_report"]

T = TypeVar("T")


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
    by_service: dict[str, int]
    by_topic: dict[str, int]
    by_unit: dict[str, int]
    response_times: ResponseTimes | None
    decisions: dict[str, int] | None
    refusal_reasons: dict[str, int] | None
    keberatan: int | None
    sengketa: int | None
    overdue: tuple[OverdueRequest, ...] | None
    notes: tuple[str, ...]
    overdue_unknown: tuple[UnknownDeadline, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (the CLI's ``--json`` object)."""
        return {
            "source": self.source,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "rule_set": self.rule_set,
            "total": self.total,
            "by_month": dict(self.by_month),
            "by_service": dict(self.by_service),
            "by_topic": dict(self.by_topic),
            "by_unit": dict(self.by_unit),
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
        }

    def tables(self) -> list[Table]:
        """The report as tables (titles in Indonesian, as offices publish them)."""

        def counts(title: str, head: str, data: dict[str, int]) -> Table:
            return Table(columns=(head, "Jumlah"), rows=list(data.items()), title=title)

        out = [
            counts("Permohonan per bulan", "Bulan", self.by_month),
            counts("Permohonan per jenis layanan", "Jenis Layanan", self.by_service),
            counts("Permohonan per topik", "Topik", self.by_topic),
            counts("Permohonan per unit", "Unit", self.by_unit),
        ]
        rt = self.response_times
        rows: list[tuple[str, object]] = (
            [("Waktu tanggapan", "tidak diketahui (tanggal tanggapan tidak dicatat)")]
            if rt is None
            else [(k, v) for k, v in rt.to_dict().items()]
        )
        out.append(
            Table(columns=("Ukuran", "Nilai"), rows=rows, title="Waktu tanggapan (hari kerja)")
        )
        for title, head, data in (
            ("Keputusan", "Keputusan", self.decisions),
            ("Alasan penolakan", "Alasan", self.refusal_reasons),
        ):
            if data is not None:
                out.append(counts(title, head, data))
        unknown = "tidak diketahui"
        out.append(
            Table(
                columns=("Perkara", "Jumlah"),
                rows=[
                    ("Keberatan", unknown if self.keberatan is None else self.keberatan),
                    ("Sengketa", unknown if self.sengketa is None else self.sengketa),
                ],
                title="Keberatan dan sengketa",
            )
        )
        title = f"Melewati batas waktu per {self.as_of.isoformat()}"
        if self.overdue is None:
            out.append(
                Table(
                    columns=("Ukuran", "Nilai"),
                    rows=[
                        (
                            "Melewati batas waktu",
                            "tidak diketahui: register tidak mencatat tanggal tanggapan",
                        )
                    ],
                    title=title,
                )
            )
        else:
            out.append(
                Table(
                    columns=(
                        "No",
                        "Diterima",
                        "Batas",
                        "Terlambat (hari kerja)",
                        "Pemohon",
                        "Batas waktu yang berlaku",
                    ),
                    rows=[
                        (
                            o.number,
                            o.received,
                            f"{o.due.isoformat()} (sementara)" if o.provisional else o.due,
                            o.working_days_late,
                            o.requester,
                            o.deadline,
                        )
                        for o in self.overdue
                    ],
                    title=title,
                )
            )
        if self.overdue_unknown:
            out.append(
                Table(
                    columns=("No", "Baris", "Diterima", "Alasan"),
                    rows=[(u.number, u.row, u.received, u.reason) for u in self.overdue_unknown],
                    title="Batas waktu tidak dapat dihitung",
                )
            )
        return out

    def _summary(self) -> str:
        scope = "" if self.year is None else f", {self.year}"
        return f"{self.source}: {self.total} requests{scope}"

    def to_markdown(self) -> str:
        """The report as Markdown: a heading, the totals, every table, the notes.

        Text from the register (its name, column names, cells) never passes as raw HTML.
        """
        scope = f"tahun {self.year}" if self.year is not None else "seluruh register"
        parts = [
            f"# Laporan layanan informasi publik — {scope}",
            "",
            f"Sumber: {markdown_text(self.source)}; per {self.as_of.isoformat()}; "
            f"aturan: {markdown_text(self.rule_set)}; jumlah permohonan: {self.total}.",
        ]
        for table in self.tables():
            parts += ["", table.to_markdown()]
        if self.notes:  # they quote the file (column names, repaired cells): no raw HTML
            parts += ["", "**Catatan**", "", *(f"- {markdown_text(n)}" for n in self.notes)]
        return "\n".join(parts) + "\n"

    def to_csv(self) -> str:
        """Every figure as one long CSV table: ``section,item,value``."""
        rows: list[tuple[str, str, object]] = [("total", "total", self.total)]
        for table in self.tables():
            rows += [(table.title or "", str(r[0]), r[1]) for r in table.rows if len(r) == 2]
            if len(table.columns) > 2:
                rows += [(table.title or "", str(r[0]), r[2]) for r in table.rows]
        return Table(columns=("section", "item", "value"), rows=rows).to_csv()


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
    rs = RuleSet.bundled(rules) if isinstance(rules, str) else rules
    mask = masking or Masking()
    table = topics or TopicTable.bundled()
    today = as_of or dt.datetime.now(ZoneInfo(calendar.zone)).date()
    reg = register
    if year is None:
        chosen: list[bool] | None = None
    else:
        in_year = {d for d in set(reg.received) if d.year == year}
        chosen = list(map(in_year.__contains__, reg.received))

    def col(values: Sequence[T]) -> Sequence[T]:
        return values if chosen is None else tuple(itertools.compress(values, chosen))

    received = col(reg.received)
    times = col(reg.received_times)
    limits = (rs.days(Step.RESPONSE), rs.days(Step.RESPONSE) + rs.days(Step.EXTENDED_RESPONSE))

    has = reg.has
    decisions = refusal = None
    if has(Column.DECISION):
        decisions = {
            ("tidak dicatat" if d is None else d.label): n
            for d, n in tally(col(reg.decisions), (None, *DecisionKind)).items()
        }
    if has(Column.REFUSAL_REASON):
        refusal = dict(Counter(filter(None, col(reg.refusal_reasons))))
    overdue: tuple[OverdueRequest, ...] | None = None
    unknown: tuple[UnknownDeadline, ...] | None = None
    responded = col(reg.responded)
    if has(Column.RESPONDED):
        overdue, unknown = overdue_requests(
            received,
            responded,
            col(reg.extended_on) if has(Column.EXTENDED) else None,
            rules=rs,
            calendar=calendar,
            today=today,
            numbers=col(reg.numbers),
            names=col(reg.names),
            masked=functools.lru_cache(maxsize=None)(mask.name),
            rows=col(reg.rows),
            times=times,
        )

    notes = []
    if register.hidden_sheets:
        names = ", ".join(f'"{n}"' for n in register.hidden_sheets)
        notes.append(f"hidden sheets passed over: {names}; read: {register.source}")
    if register.header_rows:
        rows = ", ".join(map(str, register.header_rows))
        notes.append(f"{len(register.header_rows)} repeated header rows skipped (rows {rows})")
    if register.blank_rows:
        notes.append(f"{len(register.blank_rows)} blank rows skipped")
    notes += [
        f'row {r.row}, column "{r.column}": {r.original!r} read as {r.value!r}: {r.reason}'
        for r in register.repairs
    ]
    if register.ignored_columns:
        notes.append("columns not in the layout, not used: " + ", ".join(register.ignored_columns))
    if year is not None and len(received) != len(reg):
        notes.append(f"{len(reg) - len(received)} requests outside {year} not counted")
    if not rs.confirmed:
        notes.append(
            f"rule set {rs.name} is not confirmed (some numbers are unknown or rest on too "
            "few sources; see each step's confidence)"
        )
    if unknown:
        notes.append(
            f"{len(unknown)} open requests have a deadline past the calendar's holiday data "
            "and cannot be judged overdue; they are listed with their rows"
        )
    if overdue is not None and any(o.provisional for o in overdue):
        notes.append(
            "deadlines marked provisional rest on estimated holidays or on a date the "
            "sidang isbat may still move"
        )
    if overdue is not None:
        notes.append(
            f"overdue means no response date and past the response deadline "
            f"({limits[0]} working days, {rs.step(Step.RESPONSE).citation}), or past the "
            f"extended one ({limits[1]} working days, {rs.step(Step.EXTENDED_RESPONSE).citation}) "
            "where the register records a written extension sent within the response period"
        )
        if not has(Column.EXTENDED):
            notes.append(
                f'the register has no column "{Column.EXTENDED}": no extension is presumed, '
                f"every open request is held to {limits[0]} working days"
            )

    return ServiceReport(
        source=register.source,
        year=year,
        as_of=today,
        rule_set=rs.name,
        total=len(received),
        by_month=by_month(received, year),
        by_service=dict(Counter(col(reg.services)).most_common()),
        by_topic=by_topic(table, col(reg.information)),
        by_unit=dict(Counter(col(reg.units)).most_common()),
        response_times=response_times(received, responded, calendar, limits, times),
        decisions=decisions,
        refusal_reasons=refusal,
        keberatan=count_truthy(col(reg.keberatan_on)) if has(Column.KEBERATAN) else None,
        sengketa=count_truthy(col(reg.sengketa_on)) if has(Column.SENGKETA) else None,
        overdue=overdue,
        overdue_unknown=unknown,
        notes=tuple(notes),
    )
