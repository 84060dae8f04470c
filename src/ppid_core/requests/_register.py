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
  listed above are kept out of the data and listed in
  [`Register.ignored_columns`][Register.ignored_columns].
  A column named twice (also under two of its names) is an error that lists both
  positions: only one could be read.
- Rows that repeat the header (page breaks: every cell under a known column names that
  column, as the header does) are skipped and listed in
  [`Register.header_rows`][Register.header_rows];
  blank rows in [`Register.blank_rows`][Register.blank_rows]. A row whose ``No`` cell reads "No" but
  whose other cells hold a request is read as a request.
- **Page-break artefact.** When a repeated header lacks the word ``Publik`` in the unit
  column and the next row's unit cell starts with ``Publik`` (row 7 of the seed: "Publik
  KPU Provinsi NTT"), the word belongs to the header: the unit is read without it and
  the repair is listed in [`Register.repairs`][Register.repairs] with row, column, old and new
  value.
- A row longer than the header is reported (``"10 cells; the header has 8 ..."``)
  when a cell beyond the header holds something; a trailing run of empty cells, as
  spreadsheets export them, is ignored. So is a non-empty cell under an empty header cell.
- A date cell may carry a time of day (``2024-06-04 23:30``, the office's local time, as
  the XLSX reader writes a date cell with a time): the received column keeps it
  ([`Register.received_times`][Register.received_times]), since under office hours it decides the
  day the
  request counts as received; in the other date columns only the day counts.
- Every other problem (missing column, empty required cell, unknown, ambiguous or
  impossible date, a date outside the calendar's years, a response or extension before
  receipt, unknown decision) is a [`LocatedError`][ppid_core.errors.LocatedError]. Every cell
  of every row is checked, whatever came before; all of a file's errors are raised
  together as one [`DataFileError`][ppid_core.errors.DataFileError].
- A message never shows a cell as written when it may hold personal data (a cell beyond
  the header, a date or decision it cannot read): the text is masked as the reports mask
  names, phone numbers and e-mail addresses (`ppid_core.requests._shown`).

Row numbers are the spreadsheet's (the first header row is row 1). XLSX date cells are
read as dates; a phone number stored as a number loses its leading zero in the sheet
itself, and is kept as the digits the sheet holds. A CSV file is read within size limits
(`ppid_core.requests._register_csv`).

References:
    UU 14/2008 Pasal 22 ayat (4) (register number); Pasal 12 (what the yearly report
    counts).
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ppid_core._source import (
    FileInput,
    deprecated,
    open_csv_source,
    read_source,
    source_name,
)
from ppid_core.errors import (
    DataFileError,
    InvalidArgumentError,
    LocatedError,
    UnknownNameError,
)
from ppid_core.requests._register_columns import Columns
from ppid_core.requests._register_csv import CsvRows
from ppid_core.requests._register_layout import (
    KNOWN,
    Column,
    Repair,
    canonical,
    duplicate_columns,
    too_many_cells,
)
from ppid_core.requests._register_model import Register, RegisterEntry
from ppid_core.requests._register_rows import Rows

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = [
    "FORMATS",
    "Column",
    "Register",
    "RegisterEntry",
    "Repair",
    "load_register",
    "parse_register",
    "read_register",
    "read_rows",
]

CHUNK = 256  # rows per chunk: small enough that a chunk does not wake the garbage collector


def read_rows(
    rows: Iterable[Sequence[str]],
    *,
    source: str = "<register>",
    calendar: WorkCalendar | None = None,
) -> Register:
    """Register rows of text cells, the first row the header
    ([`Register.from_rows()`][Register.from_rows])."""
    return _parse(rows, source=source, calendar=calendar)


def _parse(
    rows: Iterable[Sequence[str]],
    *,
    source: str,
    calendar: WorkCalendar | None,
    chunk_size: int = CHUNK,
    column_wise: bool = True,
    reader: CsvRows | None = None,
) -> Register:
    """[`Register.from_rows()`][Register.from_rows], with the knobs the laws turn.

    Args:
        rows: The rows, header first.
        source: Name used in error messages.
        calendar: When given, dates outside its years are refused.
        chunk_size: Rows per chunk of the column-wise reading (the result does not
            depend on it).
        column_wise: Whether to try the column-wise reading at all (``False``: every
            row is read one by one; the result is the same).
        reader: The CSV reader ``rows`` is: its rows come cut to the header (the
            messages about what was cut in its ``wide``), and its error, if it stopped
            early, is reported with the others.
    """
    it = iter(rows)
    header = next(it, None)
    errors: list[LocatedError] = []

    def stopped() -> list[LocatedError]:
        return [reader.error] if reader is not None and reader.error is not None else []

    if header is None:
        errors = stopped() or [
            LocatedError("empty file; expected a header row", source=source, row=1)
        ]
        raise DataFileError.from_errors(source, errors)
    _check_text(header, 1, source)
    names = [canonical(c) for c in header]
    positions: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if name in KNOWN:
            positions.setdefault(name, []).append(i)
    for column in Column.REQUIRED:
        if column not in positions:
            errors.append(LocatedError("missing column", source=source, row=1, field=column))
    if errors:
        raise DataFileError.from_errors(source, [*errors, *stopped()])
    for column in (*Column.REQUIRED, *Column.OPTIONAL):
        if len(at := positions.get(column, ())) > 1:
            message = duplicate_columns(column, at, header)
            errors.append(LocatedError(message, source=source, row=1, field=column))
    width = len(names)
    rd = Rows(
        source,
        calendar,
        {name: at[0] for name, at in positions.items()},
        width,
        known=tuple((i, name) for i, name in enumerate(names) if name in KNOWN),
        unnamed=tuple(i for i, name in enumerate(names) if not name),
    )
    rd.errors += errors
    if reader is not None:  # its rows come cut to the header, their messages kept
        rd.wide = reader.wide
    by_column = Columns(rd).read
    one_by_one = rd.read
    first = 2
    while chunk := list(itertools.islice(it, chunk_size)):
        if reader is None and max(map(len, chunk)) > width:
            _fit(chunk, first, width, rd.wide)
        try:
            if not (column_wise and by_column(chunk, first)):
                one_by_one(chunk, first)
        except (TypeError, AttributeError):
            for rowno, row in enumerate(chunk, start=first):
                _check_text(row, rowno, source)
            raise
        first += len(chunk)
    rd.errors += stopped()
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    return rd.columns.register(
        source=source,
        columns=frozenset(positions),
        header_rows=rd.header_rows,
        blank_rows=rd.blank_rows,
        repairs=rd.repairs,
        ignored_columns=[n for n in names if n and n not in KNOWN],
    )


def _check_text(row: Sequence[object], rowno: int, source: str) -> None:
    """Refuse a cell that is not text (a programming error, not bad data)."""
    for i, cell in enumerate(row):
        if not isinstance(cell, str):
            msg = (
                f"{source}: row {rowno}, cell {i + 1} is {type(cell).__name__}; register cells "
                "are str, as a CSV reader gives them"
            )
            raise TypeError(msg)


def _fit(chunk: list[Sequence[str]], first: int, width: int, wide: dict[int, str]) -> None:
    """Cut the chunk's rows to the header's width; keep the message about what was cut.

    A row's cells beyond the header are never read as data, so only the message about
    them is kept (the CSV reader does the same as it reads, see [`CsvRows`][CsvRows]).
    """
    for i, row in enumerate(chunk):
        if len(row) > width:
            if message := too_many_cells(row, width):
                wide[first + i] = message
            chunk[i] = row[:width]


_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_ZIP = b"PK\x03\x04"
FORMATS = ("csv", "xlsx")
"""The register formats [`load_register()`][load_register] reads."""


def _format(content: Path | bytes, name: str, asked: str | None) -> str:
    """``"csv"`` or ``"xlsx"``: as asked, else by the suffix, else by the bytes."""
    if asked is not None:
        if asked not in FORMATS:
            msg = f"unknown register format {asked!r}; expected one of: {', '.join(FORMATS)}"
            raise InvalidArgumentError(msg)
        return asked
    suffix = (content if isinstance(content, Path) else Path(name)).suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return "xlsx"
    if isinstance(content, Path) or suffix == ".csv":
        return "csv"
    return "xlsx" if content.startswith(_ZIP) else "csv"


def load_register(
    file: FileInput,
    /,
    *,
    source: str | None = None,
    calendar: WorkCalendar | None = None,
    sheet: str | None = None,
    include_hidden: bool = False,
    format: str | None = None,
) -> Register:
    """Load a register file, CSV (UTF-8, comma or semicolon) or XLSX: a path, bytes or a file.

    The format is ``format`` when given; else a path's suffix decides (``.xlsx`` and
    ``.xlsm`` are XLSX, anything else CSV); else, for bytes or a file object, the suffix
    of its name (``source``, or the file object's ``name``) when that is ``.csv``,
    ``.xlsx`` or ``.xlsm``; else the bytes: a zip archive (``PK\\x03\\x04``) is XLSX,
    anything else CSV.

    An XLSX file is read through the shared sheet reader (`ppid_core._xlsx`): the
    first visible sheet unless ``sheet`` names one, hidden rows holding data refused
    unless ``include_hidden``, a formula without a saved value reported; the errors are
    located in the sheet read (``register.xlsx, sheet "2024": row 5, ...``), which is
    also the register's `source`.

    Args:
        file: The register: a path, its bytes, or a binary file object (read to its end).
        source: The name used in error messages and as `Register.source` (default:
            the path's file name, the file object's file name, or ``"<bytes>"``).
        calendar: When given, dates outside its years are refused.
        sheet: The XLSX sheet to read (default: the first visible one).
        include_hidden: Read an XLSX sheet's hidden rows as data instead of refusing them.
        format: ``"csv"`` or ``"xlsx"``, to override the choice above.

    Raises:
        DataFileError: Every problem of the file, located by row and column; also a CSV
            file that is not UTF-8 text, a row or header past the size limits
            (`ppid_core.requests._register_csv`), text the ``csv`` module cannot
            read, or a file that is not a readable workbook.
        UnknownNameError: No sheet of that name; or a sheet named for a CSV file.
        InvalidArgumentError: An unknown ``format``.
        MissingExtraError: An XLSX file without openpyxl installed.
        OSError: The path cannot be read.
    """
    name = source_name(file, source)
    if source is None and name not in {"<bytes>", "<file>"}:
        name = Path(name).name  # a register names its file, not the folders above it
    content: Path | bytes
    if isinstance(file, str | os.PathLike):
        content = Path(file)
    else:  # read once: the format may be sniffed from the bytes
        content = read_source(file, source=name, max_bytes=None)[0]
    if _format(content, name, format) == "xlsx":
        # the sheet reader (and its XML parsing) is imported only when a workbook is read
        from ppid_core.requests._register_xlsx import xlsx_rows  # noqa: PLC0415

        if isinstance(content, Path) and content.suffix.lower() not in _XLSX_SUFFIXES:
            content = content.read_bytes()  # format="xlsx": openpyxl reads a path by its suffix

        rows = xlsx_rows(
            content, sheet=sheet, include_hidden=include_hidden, defer_errors=True, source=name
        )
        with rows:
            try:
                register = _parse(rows, source=rows.source, calendar=calendar)
            except DataFileError as exc:
                rows.raise_errors([e for e in exc.exceptions if isinstance(e, LocatedError)])
                raise  # pragma: no cover - raise_errors raises when given errors
        rows.raise_errors()
        return attrs.evolve(register, hidden_sheets=tuple(rows.hidden_sheets))
    if sheet is not None:
        msg = f"{name}: sheet {sheet!r} asked for, but a CSV file has no sheets (only .xlsx has)"
        raise UnknownNameError(msg)
    with open_csv_source(content, source=name) as fh:
        reader = CsvRows(fh, name)
        return _parse(reader, source=name, calendar=calendar, reader=reader)


def parse_register(
    text: str | Iterable[Sequence[str]],
    *,
    source: str | None = None,
    calendar: WorkCalendar | None = None,
) -> Register:
    """Parse a register from CSV text (UTF-8 text as a CSV file holds it, header first).

    The same rules and limits as a CSV file read by [`load_register()`][load_register].

    Args:
        text: The CSV text. *Deprecated:* rows of text cells still give the register,
            with a warning; use [`Register.from_rows()`][Register.from_rows].
        source: Name used in error messages (default ``"<string>"``).
        calendar: When given, dates outside its years are refused.

    Raises:
        DataFileError: Every problem of the text, located by row and column.

    Examples:
        >>> head = "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,"
        >>> head += "Nama Layanan yang diterima,Tanggal/Bulan/Tahun Mengurus Layanan,"
        >>> head += "Nama Pengguna Layanan"
        >>> reg = parse_register(head + "\\n1,PPID,Informasi,Data DPT,4 Juni 2024,Ani\\n")
        >>> len(reg), reg.received[0], reg.source
        (1, datetime.date(2024, 6, 4), '<string>')
    """
    if not isinstance(text, str):
        deprecated("parse_register(rows)", "Register.from_rows(rows)")
        return _parse(text, source=source or "<register>", calendar=calendar)
    name = source or "<string>"
    reader = CsvRows(io.StringIO(text.removeprefix("\ufeff"), newline=""), name)
    return _parse(reader, source=name, calendar=calendar, reader=reader)


# -- deprecated names (one release) ---------------------------------------------------------


def read_register(
    path: str | Path,
    *,
    calendar: WorkCalendar | None = None,
    sheet: str | None = None,
    include_hidden: bool = False,
) -> Register:
    """Deprecated: use [`load_register()`][load_register]."""
    deprecated("read_register(path)", "load_register(path)")
    return load_register(path, calendar=calendar, sheet=sheet, include_hidden=include_hidden)
