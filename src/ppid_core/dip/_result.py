"""The result of checking a DIP: findings, coverage of the required list, URL answers.

[`DipCheck`][DipCheck] is what [`check_dip()`][ppid_core.dip.check_dip] returns; it follows the one
result protocol (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ...). Its summary
for other tools (the e-Monev item "memiliki DIP yang telah dimutakhirkan") is
[`current`][DipCheck.current], [`complete`][DipCheck.complete] and
[`findings`][DipCheck.findings].

The headings, titles, column headers and finding labels of the tables are English,
translated with ``_()`` when the tables are built (``ppid --lang id`` or
``ppid_core._i18n.set_language("id")`` gives today's Indonesian report); the
finding messages are kept as data in English (``message``, in JSON) and shown translated
in the tables ([`Finding.text()`][Finding.text]). ``to_dict()`` is the same in every
language.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.dip._required import RequiredEntry, RequiredList

__all__ = ["Coverage", "DipCheck", "Finding", "FindingKind", "UrlResult"]


class FindingKind(enum.Enum):
    """What a finding is about."""

    MISSING = "missing"
    """No item fulfils an entry of the required list that always applies."""
    STALE = "stale"
    """Information of the staleness rule's category (berkala) not updated in time."""
    NO_UPDATE_DATE = "no_update_date"
    """Berkala information without a date of last update: its staleness is unknown."""
    FUTURE_UPDATE = "future_update"
    """A date of last update after the day checked."""
    NO_URL = "no_url"
    """An item that is not excepted but has no address where it is published."""
    NO_UJI_KONSEKUENSI = "no_uji_konsekuensi"
    """An excepted item without its consequence test (UU 14/2008 Pasal 19)."""
    CATEGORY_MISMATCH = "category_mismatch"
    """An item fulfils an entry of another category than its own."""
    URL_UNREACHABLE = "url_unreachable"
    """With the URL check: the address did not answer with success."""

    @property
    def label(self) -> str:
        """The label of the reports' "Finding" column, in the language in use (the JSON
        keeps the English ``value``).

        >>> FindingKind.STALE.label, FindingKind.NO_URL.label
        ('not current', 'no address')
        >>> from ppid_core._i18n import set_language
        >>> set_language("id")
        >>> FindingKind.STALE.label, FindingKind.NO_URL.label
        ('tidak mutakhir', 'tanpa tautan')
        >>> set_language(None)
        """
        return _(_LABELS[self])


_LABELS = {
    FindingKind.MISSING: N_("required information missing"),
    FindingKind.STALE: N_("not current"),
    FindingKind.NO_UPDATE_DATE: N_("no date of last update"),
    FindingKind.FUTURE_UPDATE: N_("updated after the day checked"),
    FindingKind.NO_URL: N_("no address"),
    FindingKind.NO_UJI_KONSEKUENSI: N_("no uji konsekuensi"),
    FindingKind.CATEGORY_MISMATCH: N_("category mismatch"),
    FindingKind.URL_UNREACHABLE: N_("address unreachable"),
}
_STATUS = {"ada": N_("present"), "tidak ada": N_("missing"), "bila ada": N_("if any")}


#: The kinds that make a DIP not current.
STALENESS_KINDS = frozenset(
    {FindingKind.STALE, FindingKind.NO_UPDATE_DATE, FindingKind.FUTURE_UPDATE}
)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a DIP.

    Attributes:
        kind: What it is about.
        message: What is wrong and what to do, in one sentence.
        number: The item's number, if it is about one item.
        key: The required entry's key, if it is about one.
        citation: The article the finding rests on, if any.
        template: The English text ``message`` was made from, with ``{placeholders}``
            (empty when the message was given whole): translated by [`text()`][text].
        params: The values of the placeholders, as ``(name, value)`` pairs.
    """

    kind: FindingKind
    message: str
    number: str | None = None
    key: str | None = None
    citation: str | None = None
    template: str = attrs.field(default="", eq=False, repr=False)
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), eq=False, repr=False)

    def text(self) -> str:
        """The message in the language in use (``message`` itself without a template)."""
        if not self.template:
            return self.message
        return _(self.template).format(**dict(self.params))

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``kind`` (its value), ``message``, ``number``, ``key``, ``citation``."""
        return {
            "kind": self.kind.value,
            "message": self.message,
            "number": self.number,
            "key": self.key,
            "citation": self.citation,
        }


@attrs.frozen(kw_only=True)
class Coverage:
    """Which items fulfil one required entry.

    Attributes:
        entry: The entry.
        numbers: The numbers of the items that name it with ``wajib``.
    """

    entry: RequiredEntry
    numbers: tuple[str, ...]

    @property
    def status(self) -> str:
        """``ada`` (fulfilled), ``tidak ada`` (missing) or ``bila ada`` (required only when
        such information exists, and none is listed)."""
        if self.numbers:
            return "ada"
        return "tidak ada" if self.entry.always else "bila ada"


@attrs.frozen(kw_only=True)
class UrlResult:
    """The answer of one address, with the URL check.

    Attributes:
        url: The address.
        numbers: The items published there.
        status: The HTTP status, if the server answered.
        error: Why there was no answer (timeout, refused, bad certificate), if there was none.
    """

    url: str
    numbers: tuple[str, ...]
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True for a status from 200 to 399."""
        return self.status is not None and 200 <= self.status < 400


@attrs.frozen(kw_only=True, repr=False)
class DipCheck(ResultMixin):
    """The check of a DIP on a day against a required list.

    Attributes:
        source: The DIP's file.
        unit: The DIP's office.
        on: The day checked.
        required: The required list used.
        items: The number of items in the DIP.
        findings: Every finding, items in the file's order, then missing entries.
        coverage: For each required entry, the items that fulfil it.
        urls: The URL answers (empty unless the URL check was asked for).
        urls_checked: Whether the URL check ran.
    """

    source: str
    unit: str
    on: dt.date
    required: RequiredList
    items: int
    findings: tuple[Finding, ...]
    coverage: tuple[Coverage, ...]
    urls: tuple[UrlResult, ...] = ()
    urls_checked: bool = False

    @property
    def current(self) -> bool:
        """True when no item is stale, undated or dated after the day checked: the DIP
        is up to date (dimutakhirkan) on ``on``."""
        return not any(f.kind in STALENESS_KINDS for f in self.findings)

    @property
    def complete(self) -> bool:
        """True when every entry of the required list that always applies is fulfilled."""
        return not any(f.kind is FindingKind.MISSING for f in self.findings)

    @property
    def ok(self) -> bool:
        """True when there is no finding at all."""
        return not self.findings

    def of_kind(self, kind: FindingKind) -> tuple[Finding, ...]:
        """The findings of one kind."""
        return tuple(f for f in self.findings if f.kind is kind)

    def _summary(self) -> str:
        state = "current" if self.current else "not current"
        return f"{self.unit}: {self.items} items, {len(self.findings)} findings, {state}"

    def _heading(self) -> str:
        return _("DIP monitoring of {unit} on {day}").format(
            unit=self.unit, day=self.on.isoformat()
        )

    def to_dict(self) -> dict[str, Any]:
        """``source``, ``unit``, ``on``, ``required``, ``items``, ``current``, ``complete``,
        ``findings``, ``coverage`` and ``urls`` (``checked`` and ``results``)."""
        data = {
            "source": self.source,
            "unit": self.unit,
            "on": self.on,
            "required": self.required.key,
            "items": self.items,
            "current": self.current,
            "complete": self.complete,
            "findings": [f.to_dict() for f in self.findings],
            "coverage": [
                {
                    "key": c.entry.key,
                    "citation": c.entry.citation,
                    "category": c.entry.category.value,
                    "confidence": c.entry.confidence,
                    "numbers": list(c.numbers),
                    "status": c.status,
                }
                for c in self.coverage
            ],
            "urls": {
                "checked": self.urls_checked,
                "results": [
                    {
                        "url": u.url,
                        "numbers": list(u.numbers),
                        "status": u.status,
                        "error": u.error,
                        "ok": u.ok,
                    }
                    for u in self.urls
                ],
            },
        }
        out: dict[str, Any] = jsonable(data)
        return out

    def findings_table(self) -> Table:
        """The findings: kind (its [`label`][FindingKind.label]), item, article, what to do
        ([`Finding.text()`][Finding.text]), in the language in use."""
        rows = [(f.kind.label, f.number, f.citation, f.text()) for f in self.findings]
        return Table(
            columns=(_("Finding"), _("No"), _("Basis"), _("Description")),
            rows=rows,
            title=_("Findings: {n}").format(n=len(self.findings)),
        )

    def coverage_table(self) -> Table:
        """The required list, entry by entry, with the items that fulfil it."""
        rows = [
            (
                c.entry.citation,
                c.entry.text,
                c.entry.category.value,
                c.entry.confidence,
                ", ".join(c.numbers),
                _(_STATUS[c.status]),
            )
            for c in self.coverage
        ]
        return Table(
            columns=(
                _("Basis"),
                _("Information"),
                _("Category"),
                _("Confidence"),
                _("No"),
                _("Status"),
            ),
            rows=rows,
            title=_("Coverage: {title}").format(title=self.required.title),
        )

    def tables(self) -> list[Table]:
        """Findings, coverage, and (with the URL check) the URL answers."""
        out = [self.findings_table(), self.coverage_table()]
        if self.urls_checked:
            rows = [
                (
                    u.url,
                    ", ".join(u.numbers),
                    u.status,
                    u.error or "",
                    _("yes") if u.ok else _("no"),
                )
                for u in self.urls
            ]
            out.append(
                Table(
                    columns=(_("Address"), _("No"), _("HTTP status"), _("Error"), _("Reachable")),
                    rows=rows,
                    title=_("Addresses"),
                )
            )
        return out
