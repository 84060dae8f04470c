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
written notice), ``Keputusan`` (decision: ``diterima seluruhnya``, ``diterima
sebagian``, ``ditolak``, ``tidak dikuasai``, ``belum didokumentasikan``), ``Alasan
Penolakan`` (refusal reason), ``Tanggal Keberatan`` and ``Tanggal Sengketa``.

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
- Every other problem (missing column, empty required cell, unknown, ambiguous or
  impossible date, a date outside the calendar's years, a response before receipt,
  unknown decision) is a :class:`~ppid_core.errors.LocatedError`; all of a file's
  errors are raised together as one :class:`~ppid_core.errors.DataFileError`.

Row numbers are the spreadsheet's (the first header row is row 1).

References:
    UU 14/2008 Pasal 22 ayat (4) (register number); Pasal 12 (what the yearly report
    counts).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ppid_core.errors import DataFileError, LocatedError, MissingExtraError
from ppid_core.requests._dates import parse_register_date
from ppid_core.requests._models import DecisionKind, Requester

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["Column", "Register", "RegisterEntry", "Repair", "parse_register", "read_register"]


class Column:
    """The register's column names, as the office writes them."""

    NUMBER = "No"
    UNIT = "Unit Kerja Tempat Mengurus Layanan Publik"
    SERVICE = "Jenis Layanan"
    INFORMATION = "Nama Layanan yang diterima"
    RECEIVED = "Tanggal/Bulan/Tahun Mengurus Layanan"
    NAME = "Nama Pengguna Layanan"
    PHONE = "No. HP (WA)"
    EMAIL = "Email"
    RESPONDED = "Tanggal Tanggapan"
    DECISION = "Keputusan"
    REFUSAL_REASON = "Alasan Penolakan"
    KEBERATAN = "Tanggal Keberatan"
    SENGKETA = "Tanggal Sengketa"

    REQUIRED = (NUMBER, UNIT, SERVICE, INFORMATION, RECEIVED, NAME)
    OPTIONAL = (PHONE, EMAIL, RESPONDED, DECISION, REFUSAL_REASON, KEBERATAN, SENGKETA)


_UNIT_SPLIT = "Unit Kerja Tempat Mengurus Layanan"
_ALIASES = {_UNIT_SPLIT: Column.UNIT}
_KNOWN = frozenset((*Column.REQUIRED, *Column.OPTIONAL))
_DECISIONS = {k.label: k for k in DecisionKind}
_BLANKS = re.compile(r"\s+")

Cell = str | dt.date | None


@attrs.frozen(kw_only=True)
class Repair:
    """A documented correction of a cell (never applied silently)."""

    row: int
    column: str
    original: str
    value: str
    reason: str


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
    decision: DecisionKind | None = None
    refusal_reason: str = ""
    keberatan_on: dt.date | None = None
    sengketa_on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Register:
    """An imported register.

    Attributes:
        source: File name used in messages.
        entries: The requests, in file order.
        columns: The known columns present.
        header_rows: Rows skipped because they repeat the header.
        blank_rows: Rows skipped because every cell is empty.
        repairs: Documented corrections (the page-break artefact).
        ignored_columns: Columns present in the file but not part of the layout.
    """

    source: str
    entries: tuple[RegisterEntry, ...]
    columns: frozenset[str]
    header_rows: tuple[int, ...] = ()
    blank_rows: tuple[int, ...] = ()
    repairs: tuple[Repair, ...] = ()
    ignored_columns: tuple[str, ...] = ()

    def has(self, column: str) -> bool:
        """Whether the file has ``column``."""
        return column in self.columns


def _norm(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return cell.strip()


class _Reader:
    """Parses rows against the header, collecting located errors."""

    def __init__(self, source: str, calendar: WorkCalendar | None) -> None:
        self.source = source
        self.calendar = calendar
        self.errors: list[LocatedError] = []
        self.dates: dict[str, dt.date | str] = {}

    def error(self, row: int, column: str | None, message: str) -> None:
        self.errors.append(LocatedError(message, source=self.source, row=row, field=column))

    def date(self, cell: Cell, row: int, column: str, *, required: bool) -> dt.date | None:
        if isinstance(cell, dt.datetime):
            cell = cell.date()
        if isinstance(cell, dt.date):
            day: dt.date | str = cell
        else:
            text = (cell or "").strip()
            if not text:
                if required:
                    self.error(row, column, "empty; expected a date")
                return None
            cached = self.dates.get(text)
            if cached is None:
                try:
                    cached = parse_register_date(text)
                except ValueError as exc:
                    cached = str(exc)
                self.dates[text] = cached
            day = cached
        if isinstance(day, str):
            self.error(row, column, day)
            return None
        cal = self.calendar
        if cal is not None and not cal.covers(day):
            self.error(
                row,
                column,
                f"{day.isoformat()}: outside the calendar's coverage "
                f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})",
            )
            return None
        return day


def parse_register(
    rows: Iterable[Sequence[Cell]],
    *,
    source: str = "<register>",
    calendar: WorkCalendar | None = None,
) -> Register:
    """Parse register rows (the first row is the header).

    Args:
        rows: Rows of cells: text, dates (from spreadsheets) or ``None``.
        source: Name used in error messages.
        calendar: When given, dates outside its years are refused.

    Raises:
        DataFileError: Every problem of the file, located by row and column.
    """
    it = iter(rows)
    rd = _Reader(source, calendar)
    header = next(it, None)
    if header is None:
        rd.error(1, None, "empty file; expected a header row")
        raise DataFileError.from_errors(source, rd.errors)
    names = [_ALIASES.get(_norm(_text(c)), _norm(_text(c))) for c in header]
    index = {n: i for i, n in reversed(list(enumerate(names))) if n}
    missing = [c for c in Column.REQUIRED if c not in index]
    for col in missing:
        rd.error(1, col, "missing column")
    if missing:
        raise DataFileError.from_errors(source, rd.errors)
    ignored = tuple(n for n in names if n and n not in _KNOWN)
    get = {c: index.get(c) for c in _KNOWN}
    width = len(names)

    entries: list[RegisterEntry] = []
    header_rows: list[int] = []
    blank_rows: list[int] = []
    repairs: list[Repair] = []
    split_unit = False
    number_col = get[Column.NUMBER]
    for rowno, raw in enumerate(it, start=2):
        cells = list(raw) + [None] * (width - len(raw))
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            blank_rows.append(rowno)
            continue
        if _text(cells[number_col]) == Column.NUMBER:  # type: ignore[index]
            header_rows.append(rowno)
            unit_header = _norm(_text(cells[get[Column.UNIT]]))  # type: ignore[index]
            split_unit = unit_header == _UNIT_SPLIT
            continue

        def cell(column: str, row: Sequence[Cell] = cells) -> Cell:
            i = get[column]
            return None if i is None else row[i]

        unit = _text(cell(Column.UNIT))
        if split_unit and unit.startswith("Publik "):
            fixed = unit.removeprefix("Publik ").strip()
            repairs.append(
                Repair(
                    row=rowno,
                    column=Column.UNIT,
                    original=unit,
                    value=fixed,
                    reason="the word 'Publik' belongs to the unit header split at the page "
                    "break above (its header reads 'Unit Kerja Tempat Mengurus Layanan')",
                )
            )
            unit = fixed
        split_unit = False
        texts = {c: _text(cell(c)) for c in (Column.NUMBER, Column.SERVICE, Column.INFORMATION)}
        name = _text(cell(Column.NAME))
        for column, value in (*texts.items(), (Column.UNIT, unit), (Column.NAME, name)):
            if not value:
                rd.error(rowno, column, "empty; a value is required")
        received = rd.date(cell(Column.RECEIVED), rowno, Column.RECEIVED, required=True)
        responded = rd.date(cell(Column.RESPONDED), rowno, Column.RESPONDED, required=False)
        keberatan = rd.date(cell(Column.KEBERATAN), rowno, Column.KEBERATAN, required=False)
        sengketa = rd.date(cell(Column.SENGKETA), rowno, Column.SENGKETA, required=False)
        if received and responded and responded < received:
            rd.error(
                rowno,
                Column.RESPONDED,
                f"{responded.isoformat()} is before the request was received "
                f"({received.isoformat()})",
            )
        decision = None
        decision_text = _norm(_text(cell(Column.DECISION))).lower()
        if decision_text:
            decision = _DECISIONS.get(decision_text)
            if decision is None:
                rd.error(
                    rowno,
                    Column.DECISION,
                    f"unknown decision {decision_text!r}; expected one of: "
                    + ", ".join(sorted(_DECISIONS)),
                )
        if received is None or rd.errors:
            continue
        entries.append(
            RegisterEntry(
                row=rowno,
                number=texts[Column.NUMBER],
                unit=unit,
                service=texts[Column.SERVICE],
                information=texts[Column.INFORMATION],
                received=received,
                requester=Requester(
                    name=name, phone=_text(cell(Column.PHONE)), email=_text(cell(Column.EMAIL))
                ),
                responded=responded,
                decision=decision,
                refusal_reason=_text(cell(Column.REFUSAL_REASON)),
                keberatan_on=keberatan,
                sengketa_on=sengketa,
            )
        )
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    return Register(
        source=source,
        entries=tuple(entries),
        columns=frozenset(c for c in _KNOWN if c in index),
        header_rows=tuple(header_rows),
        blank_rows=tuple(blank_rows),
        repairs=tuple(repairs),
        ignored_columns=ignored,
    )


def _csv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        fh.seek(0)
        yield from csv.reader(fh, delimiter=delimiter)


def _xlsx_rows(path: Path) -> Iterator[list[Cell]]:
    try:
        import openpyxl  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - depends on the installation
        msg = "reading XLSX needs openpyxl: pip install 'ppid-core[excel]'"
        raise MissingExtraError(msg) from None
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            row: list[Cell] = []
            for v in values:
                if v is None or isinstance(v, dt.date):
                    row.append(v)
                elif isinstance(v, float) and v.is_integer():
                    row.append(str(int(v)))
                else:
                    row.append(str(v))
            yield row
    finally:
        book.close()


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
    rows: Iterator[Sequence[Cell]]
    rows = _xlsx_rows(p) if p.suffix.lower() in {".xlsx", ".xlsm"} else _csv_rows(p)
    return parse_register(rows, source=p.name, calendar=calendar)
