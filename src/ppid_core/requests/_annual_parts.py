"""The six parts of the annual report (laporan layanan informasi publik), and its title page.

Built by [`annual_report()`][ppid_core.requests.annual_report], held by
[`AnnualReport`][ppid_core.requests.AnnualReport]. Six parts in the order of
Perki 1/2021 Pasal 56 [S], each with ``number``, ``title`` (the regulation's wording) and
``provided``:

1. gambaran umum kebijakan layanan informasi publik — from the profile;
2. gambaran umum pelaksanaan layanan informasi publik — from the profile;
3. rincian pelayanan informasi publik — from the register(s): [`ServicePart`][ServicePart];
4. rincian penyelesaian sengketa informasi publik — from the register's keberatan and
   sengketa columns: [`DisputePart`][DisputePart];
5. kendala eksternal dan internal — from the profile;
6. rekomendasi dan rencana tindak lanjut — from the profile.

References:
    Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 (the sub-items) [S].
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ppid_core._tables import Table, jsonable
from ppid_core.requests._annual_chart import MonthRow, class_labels, text_chart

__all__ = [
    "LIST_HEADINGS",
    "NOT_PROVIDED",
    "PART_TITLES",
    "SUB_ITEMS_CONFIDENCE",
    "UNKNOWN",
    "AnnualPart",
    "DisputePart",
    "MonthFigures",
    "ProfilePart",
    "ResponseClasses",
    "ServicePart",
    "TitlePage",
]

PART_TITLES = {
    1: "Gambaran umum kebijakan layanan informasi publik",
    2: "Gambaran umum pelaksanaan layanan informasi publik",
    3: "Rincian pelayanan informasi publik",
    4: "Rincian penyelesaian sengketa informasi publik",
    5: "Kendala eksternal dan internal",
    6: "Rekomendasi dan rencana tindak lanjut",
}
"""The six parts of Perki 1/2021 Pasal 56, in its wording [S: two independent secondary
sources; the primary text was not read]."""

SUB_ITEMS_CONFIDENCE = (
    "rincian ini mengikuti model lama Perki 1/2010 yang dimuat dalam Peraturan Ombudsman "
    "46/2020 Pasal 31 [S]; apakah Perki 1/2021 mempertahankannya belum terverifikasi [U]"
)
"""How sure the sub-items of parts 2, 3 and 4 are (marked ``†`` in the documents)."""

NOT_PROVIDED = "tidak disediakan"
UNKNOWN = "tidak diketahui"

#: The Indonesian heading of each list of the profile (``†``: a sub-item of the old model).
LIST_HEADINGS = {
    "instruments": "Dasar kebijakan (SK, SOP, maklumat)",
    "facilities": "Sarana dan prasarana†",
    "staff": "Sumber daya manusia†",
    "budget": "Anggaran†",
    "external": "Kendala eksternal",
    "internal": "Kendala internal",
    "recommendations": "Rekomendasi",
    "follow_up": "Rencana tindak lanjut",
}


@attrs.frozen(kw_only=True)
class ResponseClasses:
    """Requests by the working days taken to answer them, against the two limits.

    A register without a response-date column leaves every class unknown (``None``),
    never 0. With the column, an empty cell is a request **not answered** (open at the
    report's date: it is the office's to answer, not an unknown), and a cell that could
    not be read (see the report's warnings) is **unknown**.

    Attributes:
        limits: The response and the extended limits, e.g. ``(10, 17)``.
        within: Answered within the response limit; ``None``: unknown (no response
            date column).
        extended: Answered after it but within the extended limit (``None``: unknown).
        later: Answered after the extended limit (``None``: unknown).
        not_answered: Requests whose response-date cell is empty (``None``: no column).
        unknown: Requests whose response time is unknown: no response-date column, or
            a cell that could not be read.
    """

    limits: tuple[int, int]
    within: int | None
    extended: int | None
    later: int | None
    not_answered: int | None
    unknown: int

    def to_dict(self) -> dict[str, Any]:
        """``limits`` and one key per class, e.g. ``within_10``, ``from_11_to_17``,
        ``over_17``, ``not_answered``, ``unknown`` (``null``: unknown, never 0)."""
        first, second = self.limits
        return {
            "limits": list(self.limits),
            f"within_{first}": self.within,
            f"from_{first + 1}_to_{second}": self.extended,
            f"over_{second}": self.later,
            "not_answered": self.not_answered,
            "unknown": self.unknown,
        }

    def counts(self) -> tuple[int | None, int | None, int | None, int | None, int]:
        """The five classes in order."""
        return (self.within, self.extended, self.later, self.not_answered, self.unknown)


@attrs.frozen(kw_only=True)
class MonthFigures:
    """One month of the year: requests received, and their response classes."""

    month: str
    requests: int
    response: ResponseClasses

    def row(self) -> MonthRow:
        """The chart's row for this month."""
        return (self.month, self.requests, *self.response.counts())

    def to_dict(self) -> dict[str, Any]:
        """``month``, ``requests`` and the classes."""
        return {"month": self.month, "requests": self.requests, **self.response.to_dict()}


@attrs.frozen(kw_only=True)
class ProfilePart:
    """Part 1, 2, 5 or 6: the office's text, or not provided (no profile, or no section).

    Attributes:
        number: The part's number.
        title: Its title in the regulation's wording.
        provided: Whether the office's profile gives it.
        summary: Its opening text (paragraphs separated by a blank line).
        lists: ``(key, entries)`` pairs in the schema's order.
        missing: The keys of the lists the profile leaves out (e.g. ``budget``): each
            is shown as "tidak disediakan", never dropped.
    """

    number: int
    title: str
    provided: bool
    summary: str | None = None
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``number``, ``title``, ``provided``, ``basis``, ``summary``, the lists and
        ``missing`` (the lists the profile leaves out)."""
        return {
            "number": self.number,
            "title": self.title,
            "provided": self.provided,
            "basis": "profile",
            "summary": self.summary,
            **{key: list(items) for key, items in self.lists},
            "missing": list(self.missing),
        }

    def paragraphs(self) -> list[str]:
        """The summary's paragraphs (split at blank lines), each on one line."""
        if not self.summary:
            return []
        blocks = re.split(r"\n[ \t]*\n", self.summary.strip())
        return [" ".join(b.split()) for b in blocks if b.strip()]


@attrs.frozen(kw_only=True)
class ServicePart:
    """Part 3, rincian pelayanan informasi publik, from the register(s).

    Attributes:
        requests: Requests received in the year (by date received).
        outside_year: Requests of the registers received in another year (not counted).
        months: The twelve months, each with its requests and response classes.
        response: The year's requests by response time.
        as_of: The date the open requests are judged on (default 31 December).
        overdue: Requests not answered and past their deadline on ``as_of`` (the
            response period, or the extended one where a written extension is recorded,
            UU 14/2008 Pasal 22 ayat (7)-(8)); ``None`` without a response-date column.
        decisions: Requests per decision (label), ``None`` without a decision column.
        refusal_reasons: Refused requests per reason, ``None`` without the column.
    """

    number: int = 3
    title: str = PART_TITLES[3]
    provided: bool = True
    requests: int
    outside_year: int
    months: tuple[MonthFigures, ...]
    response: ResponseClasses
    as_of: dt.date
    overdue: int | None
    decisions: dict[str, int] | None
    refusal_reasons: dict[str, int] | None

    def _decision(self, label: str) -> int | None:
        return None if self.decisions is None else self.decisions.get(label, 0)

    def to_dict(self) -> dict[str, Any]:
        """``requests``, ``by_month``, ``response_time``, ``as_of``, ``overdue``,
        ``granted`` (diterima
        seluruhnya), ``partially_granted``, ``refused``, ``decisions``,
        ``refusal_reasons``; ``null`` where the register does not record it."""
        return {
            "number": self.number,
            "title": self.title,
            "provided": self.provided,
            "basis": "register",
            "requests": self.requests,
            "outside_year": self.outside_year,
            "by_month": [m.to_dict() for m in self.months],
            "response_time": self.response.to_dict(),
            "as_of": self.as_of.isoformat(),
            "overdue": self.overdue,
            "granted": self._decision("diterima seluruhnya"),
            "partially_granted": self._decision("diterima sebagian"),
            "refused": self._decision("ditolak"),
            "decisions": self.decisions,
            "refusal_reasons": self.refusal_reasons,
            "sub_items_confidence": SUB_ITEMS_CONFIDENCE,
        }

    def tables(self) -> list[Table]:
        """Its tables: the chart's figures per month, response time, decisions, reasons."""
        labels = class_labels(self.response.limits)
        classes = [
            (label, UNKNOWN if n is None else n)
            for label, n in zip(labels, self.response.counts(), strict=True)
        ]
        decided = [
            ("Diterima seluruhnya", self._decision("diterima seluruhnya")),
            ("Diterima sebagian", self._decision("diterima sebagian")),
            ("Ditolak", self._decision("ditolak")),
        ]
        others = [
            (k, n)
            for k, n in (self.decisions or {}).items()
            if k not in {"diterima seluruhnya", "diterima sebagian", "ditolak"}
        ]
        reasons: list[tuple[str, object]] = (
            [(f"{UNKNOWN}: register tidak mencatat alasan penolakan", UNKNOWN)]
            if self.refusal_reasons is None
            else list(self.refusal_reasons.items()) or [("(tidak ada penolakan)", 0)]
        )
        return [
            text_chart([m.row() for m in self.months], self.response.limits),
            Table(
                columns=("Klasifikasi waktu", "Jumlah"),
                rows=[
                    ("Jumlah permohonan†", self.requests),
                    *classes,
                    (
                        f"Belum dijawab dan melewati batas waktu per {self.as_of.isoformat()}",
                        UNKNOWN if self.overdue is None else self.overdue,
                    ),
                ],
                title="Waktu pemenuhan permohonan†",
            ),
            Table(
                columns=("Keputusan", "Jumlah"),
                rows=[(k, UNKNOWN if n is None else n) for k, n in (*decided, *others)],
                title="Permohonan dikabulkan dan ditolak†",
            ),
            Table(columns=("Alasan penolakan", "Jumlah"), rows=reasons, title="Alasan penolakan†"),
        ]


@attrs.frozen(kw_only=True)
class DisputePart:
    """Part 4, rincian penyelesaian sengketa, from the keberatan and sengketa columns.

    How they ended (the atasan PPID's answer, mediation or adjudication, a court) is not
    recorded in a register: it is unknown (``None``), never 0.

    Attributes:
        provided: The register records keberatan or sengketa.
        keberatan: Requests with a keberatan date (``None``: no such column).
        sengketa: Requests with a sengketa date (``None``: no such column).
        outcomes: How they ended: always ``None`` (no register column records it).
    """

    number: int = 4
    title: str = PART_TITLES[4]
    provided: bool
    keberatan: int | None
    sengketa: int | None
    outcomes: None = None

    def to_dict(self) -> dict[str, Any]:
        """``keberatan``, ``sengketa`` and ``outcomes`` (``null``: unknown)."""
        return {
            "number": self.number,
            "title": self.title,
            "provided": self.provided,
            "basis": "register",
            "keberatan": self.keberatan,
            "sengketa": self.sengketa,
            "outcomes": self.outcomes,
        }

    def table(self) -> Table:
        """Keberatan and sengketa, and how they ended."""

        def shown(n: int | None) -> object:
            return f"{UNKNOWN}: register tidak mencatat kolom ini" if n is None else n

        ended = f"{UNKNOWN}: register tidak mencatat hasilnya"
        return Table(
            columns=("Perkara", "Jumlah", "Penyelesaian"),
            rows=[
                ("Keberatan", shown(self.keberatan), ended),
                ("Sengketa ke Komisi Informasi", shown(self.sengketa), ended),
            ],
            title="Keberatan dan sengketa informasi†",
        )


AnnualPart = ProfilePart | ServicePart | DisputePart
"""One of the six parts."""


@attrs.frozen(kw_only=True)
class TitlePage:
    """The report's title page and signature block.

    Attributes:
        year: The year reported.
        source: The register file(s), sorted.
        rule_set: The deadline rule set whose limits class the response times.
        public_body: The badan publik (from the profile), ``None`` without one.
        ppid: The PPID (from the profile).
        profile_source: The profile file, ``None`` without one.
        place: Where it is signed.
        signed_on: When it is signed.
        signatory_position: The signer's office.
        signatory_name: The signer's name, masked unless unmasked.
    """

    year: int
    source: str
    rule_set: str
    public_body: str | None = None
    ppid: str | None = None
    profile_source: str | None = None
    place: str | None = None
    signed_on: dt.date | None = None
    signatory_position: str | None = None
    signatory_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The title page's keys of the report's ``to_dict()``."""
        return {
            "year": self.year,
            "source": self.source,
            "rule_set": self.rule_set,
            "public_body": self.public_body,
            "ppid": self.ppid,
            "profile": self.profile_source,
            "place": self.place,
            "signed_on": jsonable(self.signed_on),
            "signatory": {"position": self.signatory_position, "name": self.signatory_name},
        }
