"""The tables of the service report, in the language in use.

[`service_tables()`][service_tables] gives
[`ServiceReport.tables()`][ppid_core.requests.ServiceReport.tables]: titles, column
headers and words are English, translated when they are made (``ppid --lang id`` gives the
Indonesian report offices publish); the cells the register gave (units, topics, names) are
data and never translated.

References:
    UU 14/2008 Pasal 12 huruf a–d; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ppid_core._i18n import N_, _
from ppid_core._tables import Table
from ppid_core.requests._said import said

if TYPE_CHECKING:
    import datetime as dt

    from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline
    from ppid_core.requests._service_figures import ResponseTimes

__all__ = ["ReportFigures", "service_tables"]


class ReportFigures(Protocol):
    """The figures the tables show (a [`ServiceReport`][ppid_core.requests.ServiceReport])."""

    @property
    def as_of(self) -> dt.date: ...
    @property
    def by_month(self) -> dict[str, int]: ...
    @property
    def by_service(self) -> dict[str, int] | None: ...
    @property
    def by_topic(self) -> dict[str, int] | None: ...
    @property
    def by_unit(self) -> dict[str, int] | None: ...
    @property
    def response_times(self) -> ResponseTimes | None: ...
    @property
    def decisions(self) -> dict[str, int] | None: ...
    @property
    def refusal_reasons(self) -> dict[str, int] | None: ...
    @property
    def keberatan(self) -> int | None: ...
    @property
    def sengketa(self) -> int | None: ...
    @property
    def overdue(self) -> tuple[OverdueRequest, ...] | None: ...
    @property
    def overdue_unknown(self) -> tuple[UnknownDeadline, ...] | None: ...


_MEASURES = {
    "recorded": N_("with a response date"),
    "missing": N_("without a response date"),
    "mean": N_("mean"),
    "median": N_("median"),
    "max": N_("longest"),
}
"""The rows of the response-time table (its JSON keys, ``within_N_percent`` aside)."""


def _measure(key: str) -> str:
    """The label of a response-time figure, in the language in use."""
    if key.startswith("within_") and key.endswith("_percent"):
        return _("within {days} working days (%)").format(days=key.split("_")[1])
    return _(_MEASURES[key])


def service_tables(report: ReportFigures) -> list[Table]:
    """The report as tables, titles and headers in the language in use (in Indonesian
    they are the words offices publish)."""
    unknown = _("unknown")

    def counts(title: str, head: str, data: dict[str, int] | None, what: str = "") -> Table:
        rows: list[tuple[str, object]] = (
            [(_("unknown: the register does not record {what}").format(what=what), unknown)]
            if data is None
            else list(data.items())
        )
        return Table(columns=(head, _("Count")), rows=rows, title=title)

    out = [
        counts(_("Requests per month"), _("Month"), report.by_month),
        counts(
            _("Requests per kind of service"),
            _("Kind of service"),
            report.by_service,
            _("the kind of service"),
        ),
        counts(
            _("Requests per topic"),
            _("Topic"),
            report.by_topic,
            _("the information requested"),
        ),
        counts(_("Requests per unit"), _("Unit"), report.by_unit, _("the unit")),
    ]
    rt = report.response_times
    rows: list[tuple[str, object]] = (
        [(_("Response time"), _("unknown (response dates are not recorded)"))]
        if rt is None
        else [(_measure(k), v) for k, v in rt.to_dict().items()]
    )
    out.append(
        Table(
            columns=(_("Measure"), _("Value")),
            rows=rows,
            title=_("Response time (working days)"),
        )
    )
    for title, head, data, what in (
        (_("Decisions"), _("Decision"), report.decisions, _("the decision")),
        (
            _("Reasons for refusal"),
            _("Reason"),
            report.refusal_reasons,
            _("the reason for refusal"),
        ),
    ):
        out.append(counts(title, head, data, what))
    out.append(
        Table(
            columns=(_("Case"), _("Count")),
            rows=[
                ("Keberatan", unknown if report.keberatan is None else report.keberatan),
                ("Sengketa", unknown if report.sengketa is None else report.sengketa),
            ],
            title=_("Keberatan and sengketa"),
        )
    )
    title = _("Overdue on {day}").format(day=report.as_of.isoformat())
    if report.overdue is None:
        out.append(
            Table(
                columns=(_("Measure"), _("Value")),
                rows=[
                    (
                        _("Overdue"),
                        _("unknown: the register does not record response dates"),
                    )
                ],
                title=title,
            )
        )
    else:
        out.append(
            Table(
                columns=(
                    _("No"),
                    _("Received"),
                    _("Due"),
                    _("Late (working days)"),
                    _("Requester"),
                    _("Deadline applied"),
                ),
                rows=[
                    (
                        o.number,
                        o.received,
                        _("{day} (provisional)").format(day=o.due.isoformat())
                        if o.provisional
                        else o.due,
                        o.working_days_late,
                        o.requester,
                        o.deadline,
                    )
                    for o in report.overdue
                ],
                title=title,
            )
        )
    if report.overdue_unknown:
        out.append(
            Table(
                columns=(_("No"), _("Row"), _("Received"), _("Reason")),
                rows=[
                    (u.number, u.row, u.received, said(u.reason)) for u in report.overdue_unknown
                ],
                title=_("Deadline cannot be computed"),
            )
        )
    return out
