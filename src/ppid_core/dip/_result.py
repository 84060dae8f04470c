"""The result of checking a DIP: findings, coverage of the required list, URL answers.

[`DipCheck`][DipCheck] is what [`check_dip()`][ppid_core.dip.check_dip] returns; it follows the one
result protocol (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ...). Its summary
for other tools (the e-Monev item "memiliki DIP yang telah dimutakhirkan") is
[`current`][DipCheck.current], [`complete`][DipCheck.complete] and
[`findings`][DipCheck.findings].
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

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
        """The Indonesian label of the reports' "Temuan" column (the JSON keeps the
        English ``value``).

        >>> FindingKind.STALE.label, FindingKind.NO_URL.label
        ('tidak mutakhir', 'tanpa tautan')
        """
        return _LABELS[self]


_LABELS = {
    FindingKind.MISSING: "informasi wajib tidak ada",
    FindingKind.STALE: "tidak mutakhir",
    FindingKind.NO_UPDATE_DATE: "tanpa tanggal pemutakhiran",
    FindingKind.FUTURE_UPDATE: "pemutakhiran setelah tanggal pemeriksaan",
    FindingKind.NO_URL: "tanpa tautan",
    FindingKind.NO_UJI_KONSEKUENSI: "tanpa uji konsekuensi",
    FindingKind.CATEGORY_MISMATCH: "kategori tidak sesuai",
    FindingKind.URL_UNREACHABLE: "tautan tidak dapat diakses",
}


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
    """

    kind: FindingKind
    message: str
    number: str | None = None
    key: str | None = None
    citation: str | None = None

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
        return f"Pemantauan DIP {self.unit} per {self.on.isoformat()}"

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
        """The findings: kind (its Indonesian [`label`][FindingKind.label]), item, article,
        what to do."""
        rows = [(f.kind.label, f.number, f.citation, f.message) for f in self.findings]
        return Table(
            columns=("Temuan", "No", "Dasar", "Keterangan"),
            rows=rows,
            title=f"Temuan: {len(self.findings)}",
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
                c.status,
            )
            for c in self.coverage
        ]
        return Table(
            columns=("Dasar", "Informasi", "Kategori", "Keyakinan", "No", "Status"),
            rows=rows,
            title=f"Kelengkapan: {self.required.title}",
        )

    def tables(self) -> list[Table]:
        """Findings, coverage, and (with the URL check) the URL answers."""
        out = [self.findings_table(), self.coverage_table()]
        if self.urls_checked:
            rows = [
                (u.url, ", ".join(u.numbers), u.status, u.error or "", "ya" if u.ok else "tidak")
                for u in self.urls
            ]
            out.append(
                Table(
                    columns=("Tautan", "No", "Status HTTP", "Galat", "Dapat diakses"),
                    rows=rows,
                    title="Tautan",
                )
            )
        return out
