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
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

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
T = TypeVar("T")


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
                decision=dec,
                refusal_reason=rr,
                keberatan_on=k,
                sengketa_on=sg,
            )
            for r, n, u, s, i, d, nm, ph, em, resp, dec, rr, k, sg in zip(
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
                self.decisions,
                self.refusal_reasons,
                self.keberatan_on,
                self.sengketa_on,
                strict=True,
            )
        )


def _norm(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


class _Reader:
    """Parses rows against the header, collecting located errors."""

    def __init__(self, source: str, calendar: WorkCalendar | None) -> None:
        self.source = source
        self.calendar = calendar
        self.errors: list[LocatedError] = []
        self.dates: dict[str, dt.date | str] = {"": ""}

    def error(self, row: int, column: str | None, message: str) -> None:
        self.errors.append(LocatedError(message, source=self.source, row=row, field=column))

    def parse_date(self, text: str) -> dt.date | str:
        """Date of a cell, or the error message; cached per distinct text."""
        try:
            day = parse_register_date(text)
        except ValueError as exc:
            result: dt.date | str = str(exc)
        else:
            cal = self.calendar
            if cal is not None and not cal.covers(day):
                result = (
                    f"{day.isoformat()}: outside the calendar's coverage "
                    f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})"
                )
            else:
                result = day
        self.dates[text] = result
        return result

    def optional_date(self, text: str, row: int, column: str) -> dt.date | None:
        day = self.dates.get(text)
        if day is None:
            day = self.parse_date(text.strip()) if text.strip() else ""
            self.dates[text] = day
        if day.__class__ is str:
            if day:
                self.error(row, column, str(day))
            return None
        return day  # type: ignore[return-value]


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
    rd = _Reader(source, calendar)
    header = next(it, None)
    if header is None:
        rd.error(1, None, "empty file; expected a header row")
        raise DataFileError.from_errors(source, rd.errors)
    names = [_ALIASES.get(_norm(c), _norm(c)) for c in header]
    index = {n: i for i, n in reversed(list(enumerate(names))) if n}
    missing = [c for c in Column.REQUIRED if c not in index]
    for col in missing:
        rd.error(1, col, "missing column")
    if missing:
        raise DataFileError.from_errors(source, rd.errors)
    ignored = tuple(n for n in names if n and n not in _KNOWN)
    width = len(names)
    i_no, i_unit, i_svc, i_info, i_date, i_name = (index[c] for c in Column.REQUIRED)
    opt = {c: index.get(c) for c in Column.OPTIONAL}
    i_phone, i_email, i_resp, i_dec, i_reason, i_kb, i_sg = opt.values()

    out: dict[str, list[Any]] = {k: [] for k in _FIELDS}
    header_rows: list[int] = []
    blank_rows: list[int] = []
    repairs: list[Repair] = []
    split_unit = False
    dates = rd.dates
    date_cls = dt.date
    errors = rd.errors

    def rows_one_by_one(chunk: list[Sequence[str]], first: int) -> None:
        """The row-by-row reading: every message, in row and column order."""
        nonlocal split_unit
        (
            add_row,
            add_number,
            add_unit,
            add_service,
            add_info,
            add_received,
            add_name,
            add_phone,
            add_email,
            add_responded,
            add_decision,
            add_reason,
            add_kb,
            add_sg,
        ) = (out[k].append for k in _FIELDS)
        for rowno, raw in enumerate(chunk, start=first):
            cells = raw if len(raw) >= width else [*raw, *([""] * (width - len(raw)))]
            number = cells[i_no].strip()
            if number == Column.NUMBER:
                header_rows.append(rowno)
                split_unit = _norm(cells[i_unit]) == _UNIT_SPLIT
                continue
            if not number and not "".join(cells).strip():
                blank_rows.append(rowno)
                continue
            unit = cells[i_unit].strip()
            if split_unit and unit.startswith("Publik "):
                fixed = unit.removeprefix("Publik ").strip()
                repairs.append(
                    Repair(
                        row=rowno,
                        column=Column.UNIT,
                        original=unit,
                        value=fixed,
                        reason="the word 'Publik' belongs to the unit header split at the "
                        "page break above (its header reads 'Unit Kerja Tempat Mengurus "
                        "Layanan')",
                    )
                )
                unit = fixed
            split_unit = False
            service = cells[i_svc].strip()
            info = cells[i_info].strip()
            name = cells[i_name].strip()
            if not (number and unit and service and info and name):
                for column, value in (
                    (Column.NUMBER, number),
                    (Column.UNIT, unit),
                    (Column.SERVICE, service),
                    (Column.INFORMATION, info),
                    (Column.NAME, name),
                ):
                    if not value:
                        rd.error(rowno, column, "empty; a value is required")
            text = cells[i_date]
            received = dates.get(text)
            if received is None:
                received = rd.parse_date(text.strip()) if text.strip() else ""
                dates[text] = received
            if received.__class__ is not date_cls:
                rd.error(rowno, Column.RECEIVED, str(received or "empty; expected a date"))
                received = None
            responded = None
            if i_resp is not None:
                hit = dates.get(cells[i_resp])
                if hit.__class__ is date_cls:
                    responded = hit
                elif hit != "":
                    responded = rd.optional_date(cells[i_resp], rowno, Column.RESPONDED)
            if responded is not None and received is not None and responded < received:
                rd.error(
                    rowno,
                    Column.RESPONDED,
                    f"{responded.isoformat()} is before the request was received "
                    f"({received.isoformat()})",
                )
            decision = None
            if i_dec is not None and (decision_text := cells[i_dec].strip().lower()):
                decision = _DECISIONS.get(decision_text) or _DECISIONS.get(_norm(decision_text))
                if decision is None:
                    rd.error(
                        rowno,
                        Column.DECISION,
                        f"unknown decision {decision_text!r}; expected one of: "
                        + ", ".join(sorted(_DECISIONS)),
                    )
            if errors:
                continue
            add_row(rowno)
            add_number(number)
            add_unit(unit)
            add_service(service)
            add_info(info)
            add_received(received)
            add_name(name)
            add_phone("" if i_phone is None else cells[i_phone].strip())
            add_email("" if i_email is None else cells[i_email].strip())
            add_responded(responded)
            add_decision(decision)
            add_reason("" if i_reason is None else cells[i_reason].strip())
            add_kb(None if i_kb is None else rd.optional_date(cells[i_kb], rowno, Column.KEBERATAN))
            add_sg(None if i_sg is None else rd.optional_date(cells[i_sg], rowno, Column.SENGKETA))

    # Column-wise reading of a chunk of rows, for chunks where it finds nothing to say:
    # no repeated header, no blank or short row, no empty required cell, no date or
    # decision it cannot read, no response before receipt. Anything else sends the chunk
    # back to the row-by-row reading, which gives every message in the usual order.
    received_of: dict[str, dt.date] = {}
    responded_of: dict[str, dt.date | None] = {}
    responded_cmp: dict[str, dt.date] = {}
    keberatan_of: dict[str, dt.date | None] = {}
    sengketa_of: dict[str, dt.date | None] = {}
    decision_of: dict[str, DecisionKind | None] = {}

    def date_of(text: str) -> dt.date | str:
        day = dates.get(text)
        if day is None:
            day = rd.parse_date(text.strip()) if text.strip() else ""
            dates[text] = day
        return day

    def learn_received(text: str) -> bool:
        day = date_of(text)
        if day.__class__ is not date_cls:
            return False
        received_of[text] = day
        return True

    def learner(known: dict[str, dt.date | None]) -> Callable[[str], bool]:
        def learn(text: str) -> bool:
            day = date_of(text)
            if day.__class__ is date_cls:
                known[text] = day
            elif day == "":
                known[text] = None
            else:
                return False
            return True

        return learn

    learn_keberatan = learner(keberatan_of)
    learn_sengketa = learner(sengketa_of)

    def learn_responded(text: str) -> bool:
        day = date_of(text)
        if day.__class__ is date_cls:
            responded_of[text] = responded_cmp[text] = day
        elif day == "":
            responded_of[text] = None
            responded_cmp[text] = dt.date.max
        else:
            return False
        return True

    def learn_decision(text: str) -> bool:
        key = text.strip().lower()
        kind = (_DECISIONS.get(key) or _DECISIONS.get(_norm(key))) if key else None
        if key and kind is None:
            return False
        decision_of[text] = kind
        return True

    strip = str.strip
    no = Column.NUMBER

    def rows_by_column(chunk: list[Sequence[str]], first: int) -> bool:
        """Read a chunk column by column; False (nothing kept) when a row needs a word."""
        if split_unit:
            return False
        cols = list(zip(*chunk, strict=False))  # as many columns as the shortest row
        if len(cols) < width:
            return False
        numbers = list(map(strip, cols[i_no]))
        if not all(numbers) or no in numbers:
            return False
        units = list(map(strip, cols[i_unit]))
        services = list(map(strip, cols[i_svc]))
        infos = list(map(strip, cols[i_info]))
        names_ = list(map(strip, cols[i_name]))
        if not (all(units) and all(services) and all(infos) and all(names_)):
            return False
        received = _looked_up(received_of, cols[i_date], learn_received)
        if received is None:
            return False
        n = len(chunk)
        if i_resp is None:
            responded: list[Any] = [None] * n
        else:
            got = _looked_up(responded_of, cols[i_resp], learn_responded)
            if got is None:
                return False
            if any(map(operator.lt, map(responded_cmp.__getitem__, cols[i_resp]), received)):
                return False
            responded = got
        if i_dec is None:
            decisions: list[Any] = [None] * n
        else:
            got_dec = _looked_up(decision_of, cols[i_dec], learn_decision)
            if got_dec is None:
                return False
            decisions = got_dec
        if i_kb is None:
            keberatan: list[Any] = [None] * n
        else:
            got = _looked_up(keberatan_of, cols[i_kb], learn_keberatan)
            if got is None:
                return False
            keberatan = got
        if i_sg is None:
            sengketa: list[Any] = [None] * n
        else:
            got = _looked_up(sengketa_of, cols[i_sg], learn_sengketa)
            if got is None:
                return False
            sengketa = got
        if errors:  # an earlier row failed: nothing more is kept, as row by row
            return True
        blank = [""] * n
        out["rows"] += range(first, first + n)
        out["numbers"] += numbers
        out["units"] += units
        out["services"] += services
        out["information"] += infos
        out["received"] += received
        out["names"] += names_
        out["phones"] += blank if i_phone is None else map(strip, cols[i_phone])
        out["emails"] += blank if i_email is None else map(strip, cols[i_email])
        out["responded"] += responded
        out["decisions"] += decisions
        out["refusal_reasons"] += blank if i_reason is None else map(strip, cols[i_reason])
        out["keberatan_on"] += keberatan
        out["sengketa_on"] += sengketa
        return True

    first = 2
    while chunk := list(itertools.islice(it, _CHUNK)):
        if not rows_by_column(chunk, first):
            rows_one_by_one(chunk, first)
        first += len(chunk)
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    return Register(
        source=source,
        columns=frozenset(c for c in _KNOWN if c in index),
        header_rows=tuple(header_rows),
        blank_rows=tuple(blank_rows),
        repairs=tuple(repairs),
        ignored_columns=ignored,
        **{k: tuple(v) for k, v in out.items()},
    )


def _looked_up(
    known: dict[str, T], texts: Sequence[str], learn: Callable[[str], bool]
) -> list[T] | None:
    """``known[t]`` for every text, learning new texts first; None when one is refused."""
    try:
        return list(map(known.__getitem__, texts))
    except KeyError:
        pass
    for text in set(texts).difference(known):
        if not learn(text):
            return None
    return list(map(known.__getitem__, texts))


_CHUNK = 256  # rows per chunk: small enough that a chunk does not wake the garbage collector
_FIELDS = (
    "rows",
    "numbers",
    "units",
    "services",
    "information",
    "received",
    "names",
    "phones",
    "emails",
    "responded",
    "decisions",
    "refusal_reasons",
    "keberatan_on",
    "sengketa_on",
)


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    try:
        import openpyxl  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - depends on the installation
        msg = "reading XLSX needs openpyxl: pip install 'ppid-core[excel]'"
        raise MissingExtraError(msg) from None
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            row: list[str] = []
            for v in values:
                if v is None:
                    row.append("")
                elif isinstance(v, dt.datetime):
                    row.append(v.date().isoformat())
                elif isinstance(v, dt.date):
                    row.append(v.isoformat())
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
    if p.suffix.lower() in {".xlsx", ".xlsm"}:
        return parse_register(_xlsx_rows(p), source=p.name, calendar=calendar)
    with p.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        fh.seek(0)
        return parse_register(csv.reader(fh, delimiter=delimiter), source=p.name, calendar=calendar)
