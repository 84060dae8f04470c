"""The serialised form of a [`ServiceSummary`][ppid_core.requests.ServiceSummary] (version 1).

``to_dict()`` writes plain JSON types; ``from_dict()`` reads them back through the shared
strict reader (`ppid_core._serial`): every problem at its path (``$.parts[0].requests``),
all of them together in one [`DataFileError`][ppid_core.errors.DataFileError]; nothing
coerced (``4.0`` or ``"4"`` where a count belongs is refused).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ppid_core._serial import VERSION, DictReader, kind_of
from ppid_core._tables import jsonable
from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._histogram import DayHistogram
from ppid_core.requests._layouts import FIELDS
from ppid_core.requests._overdue import OverdueRequest, UnknownDeadline
from ppid_core.requests._register_merge import ReadPart
from ppid_core.requests._register_provenance import Provenance, UnreadCell
from ppid_core.requests._service_figures import RuleFacts

__all__ = ["SERVICE_SUMMARY_FORMAT", "dump_summary", "load_summary"]

#: The ``format`` of a serialised service summary
#: ([`ServiceSummary.to_dict()`][ppid_core.requests.ServiceSummary.to_dict]).
SERVICE_SUMMARY_FORMAT = "ppid-core/service-summary"

T = TypeVar("T")
_COUNTS = ("months", "services", "topics", "units", "decisions", "refusal_reasons")
_INTS = ("requests", "outside_year", "decisions_unreadable", "keberatan", "sengketa")
_KEYS = (
    "rules",
    "year",
    "as_of",
    "parts",
    *_INTS,
    *_COUNTS,
    "response_days",
    "overdue",
    "overdue_unknown",
    "held",
)


def _part(p: ReadPart) -> dict[str, Any]:
    return {
        "source": p.source,
        "requests": p.requests,
        "provenance": [v.to_dict() for v in p.provenance],
        "notes": list(p.notes),
        "passed_over": list(p.passed_over),
        "fields": sorted(p.fields),
        "columns": dict(p.columns),
        "ignored_columns": list(p.ignored_columns),
        "layout": p.layout,
        "warnings": [jsonable(w) for w in p.warnings],
    }


def dump_summary(s: Any) -> dict[str, Any]:
    """``s.to_dict()`` of a [`ServiceSummary`][ppid_core.requests.ServiceSummary] ``s``."""
    rules = s.rules
    out: dict[str, Any] = {
        "format": SERVICE_SUMMARY_FORMAT,
        "version": VERSION,
        "rules": None
        if rules is None
        else {
            "name": rules.name,
            "confirmed": rules.confirmed,
            "limits": list(rules.limits),
            "citations": list(rules.citations),
        },
        "year": s.year,
        "as_of": None if s.as_of is None else s.as_of.isoformat(),
        "parts": [_part(p) for p in s.parts],
    }
    out |= {name: getattr(s, name) for name in _INTS}
    out |= {name: dict(getattr(s, name)) for name in _COUNTS}
    out["response_days"] = [{"days": d, "requests": n} for d, n in s.response_days]
    out["overdue"] = jsonable(list(s.overdue))
    out["overdue_unknown"] = jsonable(list(s.overdue_unknown))
    out["held"] = (
        None
        if s.held is None
        else {"overdue": jsonable(list(s.held[0])), "overdue_unknown": jsonable(list(s.held[1]))}
    )
    return out


class _Reader(DictReader):
    """The shared strict reader, with the value kinds a service summary holds."""

    def obj(self, value: object, path: str, keys: tuple[str, ...]) -> Mapping[str, object] | None:
        """An object with exactly ``keys``."""
        if not isinstance(value, Mapping):
            self.error(path, f"expected an object, got {kind_of(value)}")
            return None
        ok = True
        for key in value:
            if key not in keys:
                ok = False
                self.error(path, f"unknown key {key!r}; expected {', '.join(keys)}")
        for key in keys:
            if key not in value:
                ok = False
                self.error(path, f"missing key {key!r}")
        return value if ok else None

    def flag(self, value: object, path: str) -> bool | None:
        if not isinstance(value, bool):
            self.error(path, f"expected true or false, got {kind_of(value)}")
            return None
        return value

    def date(self, value: object, path: str) -> dt.date | None:
        if isinstance(value, str) and len(value) == len("2024-12-31"):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(path, f"expected an ISO date (2024-12-31), got {kind_of(value)}")
        return None

    def optional(
        self, value: object, path: str, read: Callable[[object, str], T | None]
    ) -> tuple[bool, T | None]:
        """``(True, None)`` for null, else ``(ok, value)``."""
        if value is None:
            return True, None
        got = read(value, path)
        return got is not None, got

    def counts(self, value: object, path: str) -> dict[str, int] | None:
        if not isinstance(value, Mapping):
            self.error(path, f"expected an object of counts, got {kind_of(value)}")
            return None
        out: dict[str, int] = {}
        for key, n in value.items():
            count = self.integer(n, f"{path}[{key!r}]")
            if count is not None and isinstance(key, str):
                out[key] = count
        return out if len(out) == len(value) else None

    def texts(self, value: object, path: str) -> tuple[str, ...] | None:
        got = self.each(value, path, self.text)
        return None if got is None else tuple(got)

    def build(self, path: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except (InvalidArgumentError, TypeError, ValueError) as exc:
            self.error(path, str(exc))
            return None


def _record(
    r: _Reader, value: object, path: str, spec: dict[str, Callable[[object, str], Any]]
) -> dict[str, Any] | None:
    """An object whose keys are ``spec``'s, each read by its reader (``None`` allowed where
    the reader says so)."""
    data = r.obj(value, path, tuple(spec))
    if data is None:
        return None
    out = {key: read(data[key], f"{path}.{key}") for key, read in spec.items()}
    return out if all(v is not _MISSING for v in out.values()) else None


_MISSING: Any = object()


def _req(read: Callable[[object, str], T | None]) -> Callable[[object, str], Any]:
    def get(value: object, path: str) -> Any:
        got = read(value, path)
        return _MISSING if got is None else got

    return get


def _opt(r: _Reader, read: Callable[[object, str], T | None]) -> Callable[[object, str], Any]:
    def get(value: object, path: str) -> Any:
        ok, got = r.optional(value, path, read)
        return got if ok else _MISSING

    return get


def _overdue(r: _Reader, value: object, path: str) -> OverdueRequest | None:
    spec = {
        "number": _req(r.text),
        "received": _req(r.date),
        "due": _req(r.date),
        "working_days_late": _req(r.integer),
        "requester": _req(r.text),
        "limit": _req(r.integer),
        "extended_on": _opt(r, r.date),
        "citation": _req(r.text),
        "provisional": _req(r.flag),
    }
    got = _record(r, value, path, spec)
    return None if got is None else r.build(path, lambda: OverdueRequest(**got))


def _unknown(r: _Reader, value: object, path: str) -> UnknownDeadline | None:
    spec = {
        "number": _req(r.text),
        "row": _req(r.integer),
        "received": _req(r.date),
        "reason": _req(r.text),
    }
    got = _record(r, value, path, spec)
    return None if got is None else r.build(path, lambda: UnknownDeadline(**got))


def _lists(
    r: _Reader, data: Mapping[str, object], path: str
) -> tuple[tuple[OverdueRequest, ...], tuple[UnknownDeadline, ...]] | None:
    over = r.field(data, "overdue", path, lambda v, p: r.each(v, p, lambda x, q: _overdue(r, x, q)))
    unk = r.field(
        data, "overdue_unknown", path, lambda v, p: r.each(v, p, lambda x, q: _unknown(r, x, q))
    )
    return None if over is None or unk is None else (tuple(over), tuple(unk))


def _provenance(r: _Reader, value: object, path: str) -> Provenance | None:
    spec = {
        "source": _req(r.text),
        "layout": _req(r.text),
        "header": _req(r.text),
        "columns": _req(lambda v, p: _texts_by_text(r, v, p)),
        "encoding": _opt(r, r.text),
        "requests": _req(r.integer),
    }
    got = _record(r, value, path, spec)
    return None if got is None else r.build(path, lambda: Provenance(**got))


def _texts_by_text(r: _Reader, value: object, path: str) -> dict[str, str] | None:
    if not isinstance(value, Mapping):
        r.error(path, f"expected an object, got {kind_of(value)}")
        return None
    out = {k: t for k, v in value.items() if (t := r.text(v, f"{path}[{k!r}]")) is not None}
    return out if len(out) == len(value) else None


def _warning(r: _Reader, value: object, path: str) -> UnreadCell | None:
    spec = {k: _req(r.integer if k == "row" else r.text) for k in ("source", "row", "column")}
    spec |= {"field": _req(r.text), "message": _req(r.text)}
    got = _record(r, value, path, spec)
    return None if got is None else r.build(path, lambda: UnreadCell(**got))


def _fields(r: _Reader, value: object, path: str) -> frozenset[str] | None:
    texts = r.texts(value, path)
    if texts is None:
        return None
    bad = [t for t in texts if t not in FIELDS]
    if bad:
        r.error(path, f"unknown field {bad[0]!r}; expected some of: {', '.join(FIELDS)}")
        return None
    return frozenset(texts)


def _read_part(r: _Reader, value: object, path: str) -> ReadPart | None:
    spec = {
        "source": _req(r.text),
        "requests": _req(r.integer),
        "provenance": _req(lambda v, p: r.each(v, p, lambda x, q: _provenance(r, x, q))),
        "notes": _req(r.texts),
        "passed_over": _req(r.texts),
        "fields": _req(lambda v, p: _fields(r, v, p)),
        "columns": _req(lambda v, p: _texts_by_text(r, v, p)),
        "ignored_columns": _req(r.texts),
        "layout": _req(r.text),
        "warnings": _req(lambda v, p: r.each(v, p, lambda x, q: _warning(r, x, q))),
    }
    got = _record(r, value, path, spec)
    if got is None:
        return None
    got["provenance"] = tuple(got["provenance"])
    got["warnings"] = tuple(got["warnings"])
    got["columns"] = tuple(got["columns"].items())
    return ReadPart(**got)


def _rules(r: _Reader, value: object, path: str) -> RuleFacts | None:
    spec = {
        "name": _req(r.text),
        "confirmed": _req(r.flag),
        "limits": _req(lambda v, p: _pair(r, v, p, r.integer)),
        "citations": _req(lambda v, p: _pair(r, v, p, r.text)),
    }
    got = _record(r, value, path, spec)
    return None if got is None else RuleFacts(**got)


def _pair(
    r: _Reader, value: object, path: str, read: Callable[[object, str], T | None]
) -> tuple[T, T] | None:
    items = r.each(value, path, read)
    if items is None:
        return None
    if len(items) != 2:
        r.error(path, f"expected 2 values, got {len(items)}")
        return None
    return items[0], items[1]


def _histogram(r: _Reader, value: object, path: str) -> DayHistogram | None:
    def pair(v: object, p: str) -> tuple[int, int] | None:
        got = _record(r, v, p, {"days": _req(r.integer), "requests": _req(r.integer)})
        return None if got is None else (got["days"], got["requests"])

    pairs = r.each(value, path, pair)
    return None if pairs is None else DayHistogram(pairs)


def load_summary(data: object, source: str, make: Callable[..., T]) -> T:
    """``ServiceSummary.from_dict(data, source=source)``: ``make(**fields)``, the class
    given by the caller (so that this module does not import it)."""
    r = _Reader(source)
    head = r.header(data, "$", kind=SERVICE_SUMMARY_FORMAT, fields=_KEYS)
    if head is None:
        r.raise_errors()
    assert head is not None  # noqa: S101 - raise_errors raised otherwise
    got: dict[str, Any] = {}
    got["rules"] = r.optional(head.get("rules"), "$.rules", lambda v, p: _rules(r, v, p))[1]
    got["year"] = r.optional(head.get("year"), "$.year", r.integer)[1]
    got["as_of"] = r.optional(head.get("as_of"), "$.as_of", r.date)[1]
    parts = r.field(head, "parts", "$", lambda v, p: r.each(v, p, lambda x, q: _read_part(r, x, q)))
    got["parts"] = tuple(parts or ())
    for name in _INTS:
        got[name] = r.field(head, name, "$", r.integer)
    for name in _COUNTS:
        got[name] = r.field(head, name, "$", r.counts)
    got["response_days"] = r.field(head, "response_days", "$", lambda v, p: _histogram(r, v, p))
    lists = _lists(r, head, "$")
    if lists is not None:
        got["overdue"], got["overdue_unknown"] = lists
    held = head.get("held")
    if held is not None:
        inner = r.obj(held, "$.held", ("overdue", "overdue_unknown"))
        got["held"] = None if inner is None else _lists(r, inner, "$.held")
    else:
        got["held"] = None
    r.raise_errors()
    summary = r.build("$", lambda: make(**got))
    r.raise_errors()
    assert summary is not None  # noqa: S101 - an error was recorded otherwise
    return summary
