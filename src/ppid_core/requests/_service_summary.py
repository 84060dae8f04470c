"""[`ServiceSummary`][ServiceSummary]: the service report's figures as a value that merges.

An office keeps a register per year, per unit or per sheet; a province rolls up hundreds.
A [`ServiceSummary`][ServiceSummary] is what the service report needs of one register:
counts, the response times as a [`DayHistogram`][ppid_core.requests.DayHistogram] (so the
merged median and shares are exact), the overdue list, and how the register was read.
Summaries form a monoid: ``a + b`` merges, ``ServiceSummary()`` is the identity,
``sum(summaries)`` and [`ServiceSummary.merge([])`][ServiceSummary.merge] work. The report
of merged summaries is the report of the register
``ppid register report`` used to make of the same files (their requests concatenated) in the
same order: byte for byte the same JSON.

Equality is commutative: ``a + b == b + a``. Counts are compared as counts, and the lists
(the registers read, the overdue requests) as collections. The order of merging shows only
in presentation: the report lists registers, overdue requests and tied counts in the order
they were met, as one pass over the files concatenated in that order does.

Unknowns stay unknown: a figure whose column one register lacks is unknown for the merge
(the merged register leaves that column out for every file, and its notes say which file
had it), never zero.

References:
    UU 14/2008 Pasal 12 huruf a–d; Pasal 22 ayat (7)–(8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._histogram import DayHistogram
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline
from ppid_core.requests._register_merge import ReadPart
from ppid_core.requests._service_decisions import NOT_RECORDED
from ppid_core.requests._service_figures import (
    RuleFacts,
)
from ppid_core.requests._service_serial import (
    SERVICE_SUMMARY_FORMAT,
    dump_summary,
    load_summary,
)

if TYPE_CHECKING:
    pass

__all__ = ["SERVICE_SUMMARY_FORMAT", "Lists", "ServiceSummary"]

T = TypeVar("T")
Lists = tuple[tuple[OverdueRequest, ...], tuple[UnknownDeadline, ...]]

#: For each optional field, the figures that are unknown when a register lacks it.
_FIGURES = {
    "service": ("services",),
    "information": ("topics",),
    "unit": ("units",),
    "decision": ("decisions", "decisions_unreadable"),
    "refusal_reason": ("refusal_reasons",),
    "keberatan": ("keberatan",),
    "sengketa": ("sengketa",),
    "responded": ("response_days", "overdue", "overdue_unknown", "held"),
}


#: What each of those figures holds when unknown (left empty, never presumed zero).
_UNKNOWN: dict[str, Any] = {
    "services": {},
    "topics": {},
    "units": {},
    "decisions": {},
    "decisions_unreadable": 0,
    "refusal_reasons": {},
    "keberatan": 0,
    "sengketa": 0,
    "response_days": DayHistogram(),
    "overdue": (),
    "overdue_unknown": (),
    "held": None,
}


def _merge_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    """Counts of both, in first-seen order (``a``'s keys, then ``b``'s new ones)."""
    out = dict(a)
    for key, n in b.items():
        out[key] = out.get(key, 0) + n
    return out


def _counts(value: Mapping[str, int]) -> dict[str, int]:
    return dict(value)


@attrs.frozen(kw_only=True, eq=False)
class ServiceSummary:
    """The figures of the service report of one or more registers, mergeable.

    Build one with [`service_summary()`][ppid_core.requests.service_summary]; turn it into
    the report with
    [`ServiceReport.from_summary()`][ppid_core.requests.ServiceReport.from_summary]. Merge
    with ``+``; publish and read back with [`to_dict()`][to_dict] and
    [`from_dict()`][from_dict]. Summaries merge only when built under the same rule set,
    year and report date (the identity adopts those of the other).

    Attributes:
        rules: The deadline rule set's facts; ``None`` only in the identity.
        year: Only requests received in this year were counted; ``None``: all.
        as_of: The report's date (overdue means overdue on this day); ``None`` only in
            the identity.
        parts: How each register was read, in merge order.
        requests: Requests counted (those of ``year``).
        outside_year: Requests of the registers outside ``year``, not counted.
        months: Requests per month received, ``"YYYY-MM"``.
        services: Requests per kind of service as written (``""``: cell left empty).
        topics: Requests per topic.
        units: Requests per unit as written (``""``: cell left empty).
        response_days: Working days from receipt to written notice, over the requests
            that record a response date.
        decisions: Requests per decision label (``"tidak dicatat"`` for every cell
            without a decision, read or not).
        decisions_unreadable: Of those, the cells that could not be read.
        refusal_reasons: Requests per refusal reason.
        keberatan: Requests with a keberatan.
        sengketa: Requests with a sengketa.
        overdue: Open requests past their deadline on ``as_of``.
        overdue_unknown: Open requests whose deadline cannot be judged.
        held: The same two lists with every request held to the response period (no
            extension presumed), for a merge with a register that has no extension
            column; ``None`` when this summary already has none.

    Examples:
        >>> import datetime as dt
        >>> from ppid_core.calendar import WorkCalendar
        >>> from ppid_core.requests import Register, ServiceReport, service_summary
        >>> cal = WorkCalendar.indonesia(zone="WITA")
        >>> head = ["No", "Tanggal/Bulan/Tahun Mengurus Layanan", "Tanggal Tanggapan"]
        >>> a = Register.from_rows([head, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
        >>> b = Register.from_rows([head, ["1", "4 Juni 2024", "14 Juni 2024"]], source="b.csv")
        >>> day = dt.date(2024, 12, 31)
        >>> parts = [service_summary(r, cal, as_of=day) for r in (a, b)]
        >>> both = sum(parts)
        >>> both.requests, both.response_days.pairs, both == parts[1] + parts[0]
        (2, ((2, 1), (8, 1)), True)
        >>> ServiceReport.from_summary(both).response_times.median
        Fraction(5, 1)
        >>> ServiceSummary.from_dict(both.to_dict()) == both == both + ServiceSummary()
        True
    """

    rules: RuleFacts | None = None
    year: int | None = None
    as_of: dt.date | None = None
    parts: tuple[ReadPart, ...] = ()
    requests: int = 0
    outside_year: int = 0
    months: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    services: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    topics: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    units: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    response_days: DayHistogram = attrs.field(factory=DayHistogram)
    decisions: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    decisions_unreadable: int = 0
    refusal_reasons: dict[str, int] = attrs.field(factory=dict, converter=_counts)
    keberatan: int = 0
    sengketa: int = 0
    overdue: tuple[OverdueRequest, ...] = ()
    overdue_unknown: tuple[UnknownDeadline, ...] = ()
    held: Lists | None = ((), ())

    def __attrs_post_init__(self) -> None:
        months = sum(self.months.values())
        if months != self.requests:
            msg = f"the months count {months} requests, but the summary has {self.requests}"
            raise InvalidArgumentError(msg)
        if self.response_days.count > self.requests:
            msg = (
                f"{self.response_days.count} response times for {self.requests} requests; "
                "expected at most one per request"
            )
            raise InvalidArgumentError(msg)

    @property
    def fields(self) -> frozenset[str]:
        """The fields every register merged has a column for (the identity: all)."""
        return ReadPart.combine(self.parts).fields if self.parts else ReadPart(source="").fields

    @property
    def reading(self) -> ReadPart:
        """How the registers were read, as one merged register would say it."""
        return ReadPart.combine(self.parts)

    def settings(self) -> tuple[RuleFacts | None, int | None, dt.date | None]:
        """The rule set, year and date the summary was built under."""
        return self.rules, self.year, self.as_of

    def __add__(self, other: object) -> ServiceSummary:
        """Both summaries' requests together (``0`` and the identity change nothing).

        Raises:
            InvalidArgumentError: The summaries were built under another rule set, year or
                report date.
        """
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, ServiceSummary):
            return NotImplemented
        if other.rules is None and not other.parts:
            return self
        if self.rules is None and not self.parts:
            return other
        if self.settings() != other.settings():
            msg = (
                "cannot merge service summaries built under other settings: "
                f"{_settings(self)} and {_settings(other)}"
            )
            raise InvalidArgumentError(msg)
        parts = (*self.parts, *other.parts)
        fields = ReadPart.combine(parts).fields
        extended = "extended" in fields
        a_lists, b_lists = (_lists(s, extended=extended) for s in (self, other))
        merged = ServiceSummary(
            rules=self.rules,
            year=self.year,
            as_of=self.as_of,
            parts=parts,
            requests=self.requests + other.requests,
            outside_year=self.outside_year + other.outside_year,
            months=_merge_counts(self.months, other.months),
            services=_merge_counts(self.services, other.services),
            topics=_merge_counts(self.topics, other.topics),
            units=_merge_counts(self.units, other.units),
            response_days=self.response_days + other.response_days,
            decisions=_merge_counts(self.decisions, other.decisions),
            decisions_unreadable=self.decisions_unreadable + other.decisions_unreadable,
            refusal_reasons=_merge_counts(self.refusal_reasons, other.refusal_reasons),
            keberatan=self.keberatan + other.keberatan,
            sengketa=self.sengketa + other.sengketa,
            overdue=a_lists[0] + b_lists[0],
            overdue_unknown=a_lists[1] + b_lists[1],
            held=_held(self, other) if extended else None,
        )
        return _known_only(merged, fields)

    def __radd__(self, other: object) -> ServiceSummary:
        """``0 + summary`` is the summary, so that ``sum(summaries)`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, parts: Iterable[ServiceSummary]) -> ServiceSummary:
        """Merge many summaries in the order given (none: the identity).

        Raises:
            InvalidArgumentError: Summaries built under other settings.
        """
        out = cls()
        for part in parts:
            out = out + part
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServiceSummary):
            return NotImplemented
        return _canonical(self) == _canonical(other)

    def __hash__(self) -> int:
        return hash(repr(sorted(_canonical(self).items())))

    def to_dict(self) -> dict[str, Any]:
        """The stable serialised form (version 1), plain JSON types only.

        Counts are objects in first-seen order; lists in merge order; personal data as
        masked when the summary was built. [`from_dict()`][from_dict] reads it back.
        """
        return dump_summary(self)

    @classmethod
    def from_dict(cls, data: object, *, source: str = "<dict>") -> ServiceSummary:
        """A summary from its serialised form ([`to_dict()`][to_dict]), checked strictly.

        Args:
            data: The mapping (as ``json.load`` gives it).
            source: The name errors use (the file it was read from).

        Raises:
            DataFileError: Every problem, each at its path (``<dict> ($.requests):
                expected a whole number >= 0, got a text``).
        """
        return load_summary(data, source, cls)


def _settings(s: ServiceSummary) -> str:
    rules = "?" if s.rules is None else s.rules.name
    day = "?" if s.as_of is None else s.as_of.isoformat()
    return f"(rules {rules}, year {s.year or 'all'}, as of {day})"


def _lists(s: ServiceSummary, *, extended: bool) -> Lists:
    """The overdue lists of ``s`` under the merge's extension rule."""
    if extended or s.held is None:
        return s.overdue, s.overdue_unknown
    return s.held


def _held(a: ServiceSummary, b: ServiceSummary) -> Lists:
    ah, bh = a.held or ((), ()), b.held or ((), ())
    return ah[0] + bh[0], ah[1] + bh[1]


def _known_only(s: ServiceSummary, fields: frozenset[str]) -> ServiceSummary:
    """``s`` with the figures of fields some register lacks emptied (they are unknown),
    and requester names shown as not recorded when some register has no such column."""
    changes: dict[str, Any] = {}
    for field, names in _FIGURES.items():
        if field not in fields:
            changes |= {n: _UNKNOWN[n] for n in names}
    if "requester" not in fields:
        changes["overdue"] = tuple(
            attrs.evolve(o, requester=NOT_RECORDED) for o in changes.get("overdue", s.overdue)
        )
        if (held := changes.get("held", s.held)) is not None:
            changes["held"] = (
                tuple(attrs.evolve(o, requester=NOT_RECORDED) for o in held[0]),
                held[1],
            )
    return attrs.evolve(s, **changes) if changes else s


def _canonical(s: ServiceSummary) -> dict[str, Any]:
    """The serialised form with every list that merge order arranges sorted."""
    import json  # noqa: PLC0415

    data = s.to_dict()

    def key(item: object) -> str:
        return json.dumps(item, sort_keys=True)

    for name in ("parts", "overdue", "overdue_unknown"):
        data[name] = sorted(data[name], key=key)
    if data["held"] is not None:
        data["held"] = {k: sorted(v, key=key) for k, v in data["held"].items()}
    return data
