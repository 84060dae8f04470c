"""Import a request register (CSV, or XLSX with the ``[excel]`` extra).

The layout is the one KPU offices publish (the KPU Provinsi NTT register of 2024), with
its column names as the office wrote them:

========================================== ========================================
Column                                     Meaning
========================================== ========================================
``No``                                     register number
``Unit Kerja Tempat Mengurus Layanan Publik`` the unit handling the request
``Jenis Layanan``                          kind of service
``Nama Layanan yang diterima``             the information asked for
``Tanggal/Bulan/Tahun Mengurus Layanan``   date received
``Nama Pengguna Layanan``                  requester's name
``No. HP (WA)``                            phone (optional column)
``Email``                                  e-mail (optional column)
========================================== ========================================

Optional columns add what the seed does not record: ``Tanggal Tanggapan`` (date of the
written notice), ``Tanggal Perpanjangan`` (date of the written notice extending the
period, UU 14/2008 Pasal 22 ayat (8); also read under the headers ``Tanggal
Pemberitahuan Perpanjangan``, ``Tanggal Perpanjangan Waktu``, ``Tgl Perpanjangan``),
``Keputusan`` (decision: ``diterima seluruhnya``, ``diterima sebagian``, ``ditolak``,
``tidak dikuasai``, ``belum didokumentasikan``), ``Alasan Penolakan`` (refusal reason),
``Tanggal Keberatan`` and ``Tanggal Sengketa``. The register templates of the Perki
1/2010 era have no extension column; the date of the written extension notice is what
shows that the longer period applies, so that is what the column holds.

Rules (nothing is dropped or changed silently; each case is counted in the result):

- Header names match after collapsing blanks; ``Unit Kerja Tempat Mengurus Layanan``
  (the header as split at a page break) is accepted for the unit column. Columns not
  listed above are kept out of the data and listed in :attr:`Register.ignored_columns`.
- Rows that repeat the header (page breaks) are skipped and listed in
  :attr:`Register.header_rows`; blank rows in :attr:`Register.blank_rows`.
- **Page-break artefact.** When a repeated header lacks the word ``Publik`` in the unit
  column and the next row's unit cell starts with ``Publik`` (row 7 of the seed: "Publik
  KPU Provinsi NTT"), the word belongs to the header: the unit is read without it and
  the repair is listed in :attr:`Register.repairs` with row, column, old and new value.
- A row longer than the header is reported (``"10 cells; the header has 8 ..."``)
  when a cell beyond the header holds something; a trailing run of empty cells, as
  spreadsheets export them, is ignored.
- Every other problem (missing column, empty required cell, unknown, ambiguous or
  impossible date, a date outside the calendar's years, a response or extension before
  receipt, unknown decision) is a :class:`~ppid_core.errors.LocatedError`. Every cell
  of every row is checked, whatever came before; all of a file's errors are raised
  together as one :class:`~ppid_core.errors.DataFileError`.

Row numbers are the spreadsheet's (the first header row is row 1). XLSX date cells are
read as dates; a phone number stored as a number loses its leading zero in the sheet
itself, and is kept as the digits the sheet holds.

References:
    UU 14/2008 Pasal 22 ayat (4) (register number); Pasal 12 (what the yearly report
    counts).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ppid_core.errors import DataFileError
from ppid_core.requests._models import DecisionKind, Requester
from ppid_core.requests._register_columns import Columns
from ppid_core.requests._register_layout import ALIASES, KNOWN, Column, Repair, norm
from ppid_core.requests._register_rows import Rows
from ppid_core.requests._register_xlsx import xlsx_rows

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["Column", "Register", "RegisterEntry", "Repair", "parse_register", "read_register"]

_CHUNK = 256  # rows per chunk: small enough that a chunk does not wake the garbage collector


@attrs.frozen(kw_only=True)
class RegisterEntry:
    """One request as the register records it.

    Attributes:
        row: Spreadsheet row number.
        number: Register number as written.
        unit: Unit handling it.
        service: Kind of service.
        information: Information asked for.
        received: Date received.
        requester: Name, phone and e-mail (masked in ``repr``).
        responded: Date of the written notice, if recorded.
        extended_on: Date of the written extension notice, if recorded.
        decision: Decision, if recorded.
        refusal_reason: Refusal reason, if recorded.
        keberatan_on: Date a keberatan was filed, if any.
        sengketa_on: Date a sengketa was filed, if any.
    """

    row: int
    number: str
    unit: str
    service: str
    information: str
    received: dt.date
    requester: Requester
    responded: dt.date | None = None
    extended_on: dt.date | None = None
    decision: DecisionKind | None = None
    refusal_reason: str = ""
    keberatan_on: dt.date | None = None
    sengketa_on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Register:
    """An imported register, held column by column (fast for 100k-row registers).

    :attr:`entries` gives the same data row by row, as :class:`RegisterEntry` objects.

    Attributes:
        source: File name used in messages.
        columns: The known columns present in the file.
        rows: Spreadsheet row number of each request.
        numbers: Register numbers.
        units: Units.
        services: Kinds of service.
        information: Information asked for.
        received: Dates received.
        names: Requester names (as written; mask them when showing them).
        phones: Phone numbers (as written; ``""`` when absent).
        emails: E-mail addresses (as written; ``""`` when absent).
        responded: Dates of the written notice (``None`` when not recorded).
        extended_on: Dates of the written extension notice (``None`` when not recorded).
        decisions: Decisions (``None`` when not recorded).
        refusal_reasons: Refusal reasons (``""`` when not recorded).
        keberatan_on: Keberatan dates (``None`` when none).
        sengketa_on: Sengketa dates (``None`` when none).
        header_rows: Rows skipped because they repeat the header.
        blank_rows: Rows skipped because every cell is empty.
        repairs: Documented corrections (the page-break artefact).
        ignored_columns: Columns present in the file but not part of the layout.
    """

    source: str
    columns: frozenset[str]
    rows: tuple[int, ...]
    numbers: tuple[str, ...]
    units: tuple[str, ...]
    services: tuple[str, ...]
    information: tuple[str, ...]
    received: tuple[dt.date, ...]
    names: tuple[str, ...] = attrs.field(repr=False)
    phones: tuple[str, ...] = attrs.field(repr=False)
    emails: tuple[str, ...] = attrs.field(repr=False)
    responded: tuple[dt.date | None, ...]
    extended_on: tuple[dt.date | None, ...]
    decisions: tuple[DecisionKind | None, ...]
    refusal_reasons: tuple[str, ...]
    keberatan_on: tuple[dt.date | None, ...]
    sengketa_on: tuple[dt.date | None, ...]
    header_rows: tuple[int, ...] = ()
    blank_rows: tuple[int, ...] = ()
    repairs: tuple[Repair, ...] = ()
    ignored_columns: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, column: str) -> bool:
        """Whether the file has ``column``."""
        return column in self.columns

    @property
    def entries(self) -> tuple[RegisterEntry, ...]:
        """The requests row by row, in file order."""
        return tuple(
            RegisterEntry(
                row=r,
                number=n,
                unit=u,
                service=s,
                information=i,
                received=d,
                requester=Requester(name=nm, phone=ph, email=em),
                responded=resp,
                extended_on=ext,
                decision=dec,
                refusal_reason=rr,
                keberatan_on=k,
                sengketa_on=sg,
            )
            for r, n, u, s, i, d, nm, ph, em, resp, ext, dec, rr, k, sg in zip(
                self.rows,
                self.numbers,
                self.units,
                self.services,
                self.information,
                self.received,
                self.names,
                self.phones,
                self.emails,
                self.responded,
                self.extended_on,
                self.decisions,
                self.refusal_reasons,
                self.keberatan_on,
                self.sengketa_on,
                strict=True,
            )
        )


def parse_register(
    rows: Iterable[Sequence[str]],
    *,
    source: str = "<register>",
    calendar: WorkCalendar | None = None,
) -> Register:
    """Parse register rows of text cells (the first row is the header).

    Args:
        rows: Rows of cell texts, as a CSV reader gives them (dates as written, or ISO).
        source: Name used in error messages.
        calendar: When given, dates outside its years are refused.

    Raises:
        DataFileError: Every problem of the file, located by row and column.
    """
    it = iter(rows)
    header = next(it, None)
    names = [ALIASES.get(norm(c), norm(c)) for c in header or ()]
    index = {n: i for i, n in reversed(list(enumerate(names))) if n}
    missing = [c for c in Column.REQUIRED if c not in index]
    if header is None or missing:
        bad = Rows(source, calendar, dict.fromkeys(Column.REQUIRED, 0), 0)
        if header is None:
            bad.error(1, None, "empty file; expected a header row")
        else:
            for col in missing:
                bad.error(1, col, "missing column")
        raise DataFileError.from_errors(source, bad.errors)
    rd = Rows(source, calendar, index, len(names))
    by_column = Columns(rd).read
    one_by_one = rd.read
    first = 2
    while chunk := list(itertools.islice(it, _CHUNK)):
        if not by_column(chunk, first):
            one_by_one(chunk, first)
        first += len(chunk)
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    return Register(
        source=source,
        columns=frozenset(c for c in KNOWN if c in index),
        header_rows=tuple(rd.header_rows),
        blank_rows=tuple(rd.blank_rows),
        repairs=tuple(rd.repairs),
        ignored_columns=tuple(n for n in names if n and n not in KNOWN),
        **{k: tuple(v) for k, v in rd.out.items()},
    )


def read_register(path: str | Path, *, calendar: WorkCalendar | None = None) -> Register:
    """Read a register file: ``.csv`` (UTF-8, comma or semicolon) or ``.xlsx``.

    Args:
        path: The file.
        calendar: When given, dates outside its years are refused.

    Raises:
        DataFileError: Every problem of the file, located by row and column.
        MissingExtraError: An XLSX file without openpyxl installed.
        OSError: The file cannot be read.
    """
    p = Path(path)
    if p.suffix.lower() in {".xlsx", ".xlsm"}:
        return parse_register(xlsx_rows(p), source=p.name, calendar=calendar)
    with p.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        fh.seek(0)
        return parse_register(csv.reader(fh, delimiter=delimiter), source=p.name, calendar=calendar)
