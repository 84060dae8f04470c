"""Import a request register (CSV, or XLSX with the ``[excel]`` extra), as offices keep it.

Offices keep their register as a document first: a title ("REGISTER PERMOHONAN INFORMASI
PUBLIK ... TAHUN 2024") and blank rows above the header, a header over two rows with
merged group cells, their own column names; apps export their own columns. The reader
takes them as they are:

- **Header.** The header is looked for in the first 30 rows (title and blank rows above
  it are passed over and listed in the notes); a two-row header is joined into
  ``"group / sub"`` names; a row of column numbers under it ("1 2 3 ...") is skipped.
  [`Register.header_row`][Register.header_row] says which rows were taken, in the file's
  numbering (``"rows 4-5 (two header rows joined)"``).
- **Layouts.** Column names are read through a layout (`ppid_core.requests._layouts`):
  ``kpu`` (the register KPU offices publish: ``No``, ``Unit Kerja Tempat Mengurus Layanan
  Publik``, ``Jenis Layanan``, ``Nama Layanan yang diterima``, ``Tanggal/Bulan/Tahun
  Mengurus Layanan``, ``Nama Pengguna Layanan``, ``No. HP (WA)``, ``Email``, and the
  optional ``Tanggal Tanggapan``, ``Tanggal Perpanjangan``, ``Keputusan``, ``Alasan
  Penolakan``, ``Tanggal Keberatan``, ``Tanggal Sengketa``), ``komisi-informasi`` (the
  Perki 1/2010 template) and ``e-ppid`` (common app exports). Names match ignoring case,
  punctuation and repeated blanks. Unless ``layout=`` names one, each is tried and the
  best match is used ([`Register.layout`][Register.layout]); ``columns=`` chooses
  columns by their header (``{"Tgl Masuk": "received"}``). Two columns naming one field
  are an error naming both; columns of no field are listed in
  [`Register.ignored_columns`][Register.ignored_columns].
- **Only the date received is required.** A field the file has no column for is unknown,
  never zero ([`Register.fields`][Register.fields]); without a number column each
  request is numbered by its row (and the notes say so).
- **Dates** are read as offices and apps write them (`ppid_core.requests._dates`:
  "Senin, 3 Juni 2024", "04/06/2024 10:15", "2023-10-25 04:33:44", "2024/06/04",
  spreadsheet serials, date cells). A time is kept for the date received
  ([`Register.received_times`][Register.received_times]): under office hours it decides
  the day a request counts as received. A time without a zone is the office's (the
  calendar's zone) unless ``source_zone=`` says where an app stored it (often UTC); it is
  moved to the office's zone before its date is taken.
- **Decisions** are read through a decision table (`ppid_core.requests._decisions`,
  extensible with ``decisions=``).
- **Optional cells that cannot be used do not stop the report.** A decision the table does
  not know, an optional date that cannot be read, lies outside the calendar or comes
  before receipt (a response, an extension) is a warning with its row and column
  ([`Register.warnings`][Register.warnings]); the cell counts as unknown. The date received
  cannot be unknown: an empty or unreadable one, a header problem, a cell beyond the header
  or under a column with no header are errors ([`LocatedError`][ppid_core.errors.LocatedError]),
  all of a file's raised together as one [`DataFileError`][ppid_core.errors.DataFileError].
- **Page breaks.** Rows that repeat the header (every cell under a known column names
  that column, as the header does) are skipped and listed in
  [`Register.header_rows`][Register.header_rows]; blank rows in
  [`Register.blank_rows`][Register.blank_rows]. A row whose ``No`` cell reads "No" but whose
  other cells hold a request is read as a request. When a repeated KPU header lacks the
  word ``Publik`` in the unit column and the next row's unit cell starts with ``Publik``
  (row 7 of the seed), the word belongs to the header: the unit is read without it and the
  repair is listed in [`Register.repairs`][Register.repairs].
- A row longer than the header is reported when a cell beyond the header holds something;
  a trailing run of empty cells, as spreadsheets export them, is ignored.
- A message never shows a cell as written when it may hold personal data: the text is
  masked as the reports mask names, phone numbers and e-mail addresses
  (`ppid_core.requests._shown`).

Row numbers are the spreadsheet's. A CSV file is read in its encoding (UTF-8 with or
without a byte-order mark, UTF-16 with one, or cp1252, which the notes then name) with
``,``, ``;`` or a tab between cells, within size limits
(`ppid_core.requests._register_csv`).

References:
    UU 14/2008 Pasal 22 ayat (4) (register number); Pasal 12 (what the yearly report
    counts); Perki 1/2010 Lampiran (register template).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from ppid_core._i18n import _
from ppid_core._source import (
    FileInput,
    deprecated,
    open_csv_source,
    read_source,
    source_name,
)
from ppid_core._textio import text_note
from ppid_core.errors import (
    DataFileError,
    InvalidArgumentError,
    LocatedError,
    UnknownNameError,
)
from ppid_core.requests._decisions import DecisionTable
from ppid_core.requests._layouts import Layout, LayoutInput, check_columns, resolve_layout
from ppid_core.requests._register_csv import CsvRows
from ppid_core.requests._register_layout import Column, Repair
from ppid_core.requests._register_model import Register, RegisterEntry
from ppid_core.requests._register_parse import DEFAULT_ZONE, parse_rows
from ppid_core.requests._register_provenance import Provenance, UnreadCell
from ppid_core.requests._zones_when import to_office_zone

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = [
    "FORMATS",
    "Column",
    "Provenance",
    "Register",
    "RegisterEntry",
    "Repair",
    "UnreadCell",
    "load_register",
    "parse_register",
    "read_register",
    "read_rows",
]


@attrs.frozen(kw_only=True)
class _Options:
    """What every reader is told: layouts, chosen columns, decisions, zones."""

    calendar: WorkCalendar | None
    layouts: tuple[Layout, ...]
    chosen: dict[str, tuple[str, str]]
    decisions: DecisionTable
    source_zone: str | None
    row_offset: int = 0

    def parse(
        self, rows: Iterable[Sequence[str]], source: str, reader: CsvRows | None = None
    ) -> Register:
        return parse_rows(
            rows,
            source=source,
            calendar=self.calendar,
            layouts=self.layouts,
            chosen=self.chosen,
            decisions=self.decisions,
            source_zone=self.source_zone,
            reader=reader,
            row_offset=self.row_offset,
        )


def _options(
    calendar: WorkCalendar | None,
    layout: LayoutInput | None,
    columns: Mapping[str, str] | None,
    source_zone: str | None,
    decisions: DecisionTable | None,
    *,
    row_offset: int = 0,
) -> _Options:
    """The reading options, checked before the file is read."""
    if isinstance(row_offset, bool) or not isinstance(row_offset, int) or row_offset < 0:
        msg = f"row_offset must be a whole number >= 0, got {row_offset!r}"
        raise InvalidArgumentError(msg)
    chosen = check_columns(columns or {})
    if source_zone is not None:  # an unknown zone is the caller's error, found at once
        office = calendar.zone if calendar is not None else DEFAULT_ZONE
        to_office_zone(dt.date(2024, 1, 1), dt.time(0), source_zone=source_zone, office_zone=office)
    layouts = (
        tuple(Layout.bundled(n) for n in Layout.bundled_names())
        if layout is None
        else (resolve_layout(layout),)
    )
    return _Options(
        calendar=calendar,
        layouts=layouts,
        chosen=chosen,
        decisions=decisions or DecisionTable.bundled(),
        source_zone=source_zone,
        row_offset=row_offset,
    )


def read_rows(
    rows: Iterable[Sequence[str]],
    *,
    source: str = "<register>",
    calendar: WorkCalendar | None = None,
    layout: LayoutInput | None = None,
    columns: Mapping[str, str] | None = None,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
    row_offset: int = 0,
) -> Register:
    """Register rows of text cells, the header among the first rows
    ([`Register.from_rows()`][Register.from_rows])."""
    options = _options(calendar, layout, columns, source_zone, decisions, row_offset=row_offset)
    return options.parse(rows, source)


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
    layout: LayoutInput | None = None,
    columns: Mapping[str, str] | None = None,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
    row_offset: int = 0,
) -> Register:
    """Load a register file, CSV or XLSX: a path, bytes or a file.

    The format is ``format`` when given; else a path's suffix decides (``.xlsx`` and
    ``.xlsm`` are XLSX, anything else CSV); else, for bytes or a file object, the suffix
    of its name (``source``, or the file object's ``name``) when that is ``.csv``,
    ``.xlsx`` or ``.xlsm``; else the bytes: a zip archive (``PK\\x03\\x04``) is XLSX,
    anything else CSV.

    An XLSX file is read through the shared sheet reader (`ppid_core._xlsx`): the
    first visible sheet unless ``sheet`` names one, hidden rows holding data refused
    unless ``include_hidden``, a formula without a saved value reported; the errors are
    located in the sheet read (``register.xlsx, sheet "2024": row 5, ...``), which is
    also the register's `source`. A CSV file is read in its encoding (UTF-8, UTF-16 with a
    byte-order mark, or cp1252, named in the notes) with ``,``, ``;`` or a tab between
    cells.

    Args:
        file: The register: a path, its bytes, or a binary file object (read to its end).
        source: The name used in error messages and as `Register.source` (default:
            the path's file name, the file object's file name, or ``"<bytes>"``).
        calendar: When given, dates outside its years are refused, and its zone is the
            office's (default ``Asia/Jakarta``).
        sheet: The XLSX sheet to read (default: the first visible one).
        include_hidden: Read an XLSX sheet's hidden rows as data instead of refusing them.
        format: ``"csv"`` or ``"xlsx"``, to override the choice above.
        layout: The layout of the headers: a bundled name (``"kpu"``,
            ``"komisi-informasi"``, ``"e-ppid"``), a path to a layout file, its bytes, or
            a [`Layout`][ppid_core.requests.Layout]; default: each bundled layout is tried
            and the best match is used.
        columns: Columns chosen by their header, ``{"Tgl Masuk": "received"}``, over the
            layout's names (the fields are those of `ppid_core.requests._layouts`).
        source_zone: The zone times without one were stored in (``"UTC"`` for many apps);
            default the office's own.
        decisions: The decision table (default the bundled one; extend it with
            [`load_decisions()`][ppid_core.requests.load_decisions]: ``load_decisions(path,
            extends=DecisionTable.bundled())``).
        row_offset: Rows of the whole file before this part's data rows: each data row
            (not the header) is numbered that much further, so that the errors, warnings
            and rows of a partition of a file name its rows as the whole file does
            (default 0).

    Raises:
        DataFileError: Every problem of the file, located by row and column; also a CSV
            file in no encoding read here, a row or header past the size limits
            (`ppid_core.requests._register_csv`), text the ``csv`` module cannot
            read, or a file that is not a readable workbook.
        UnknownNameError: No sheet of that name, or a sheet named for a CSV file; a
            chosen column not in the header; an unknown layout name.
        InvalidArgumentError: An unknown ``format``, ``columns`` naming an unknown field,
            or a ``row_offset`` that is not a whole number >= 0.
        UnknownZoneError: An unknown ``source_zone``.
        MissingExtraError: An XLSX file without openpyxl installed.
        OSError: The path cannot be read.
    """
    options = _options(calendar, layout, columns, source_zone, decisions, row_offset=row_offset)
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
                register = options.parse(rows, rows.source)
            except DataFileError as exc:
                rows.raise_errors([e for e in exc.exceptions if isinstance(e, LocatedError)])
                raise  # pragma: no cover - raise_errors raises when given errors
        rows.raise_errors()
        return attrs.evolve(register, hidden_sheets=tuple(rows.hidden_sheets))
    if sheet is not None:
        msg = _(
            "{name}: sheet {sheet!r} asked for, but a CSV file has no sheets (only .xlsx has)"
        ).format(name=name, sheet=sheet)
        raise UnknownNameError(msg)
    with open_csv_source(content, source=name) as fh:
        reader = CsvRows(fh, name)
        return _with_encoding(options.parse(reader, name, reader), fh)


def _with_encoding(register: Register, fh: TextIO) -> Register:
    """The register with the encoding its CSV text was read in, and the note on a guess."""
    encoding = {"utf-8-sig": "utf-8"}.get(fh.encoding, fh.encoding)
    note = text_note(fh)
    notes = register.notes if note is None else (note, *register.notes)
    return attrs.evolve(register, encoding=encoding, notes=notes)


def parse_register(
    text: str | Iterable[Sequence[str]],
    *,
    source: str | None = None,
    calendar: WorkCalendar | None = None,
    layout: LayoutInput | None = None,
    columns: Mapping[str, str] | None = None,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
    row_offset: int = 0,
) -> Register:
    """Parse a register from CSV text (as a CSV file holds it, the header among its first rows).

    The same rules, options and limits as a CSV file read by
    [`load_register()`][load_register].

    Args:
        text: The CSV text. *Deprecated:* rows of text cells still give the register,
            with a warning; use [`Register.from_rows()`][Register.from_rows].
        source: Name used in error messages (default ``"<string>"``).
        calendar: As for [`load_register()`][load_register].
        layout: As for [`load_register()`][load_register].
        columns: As for [`load_register()`][load_register].
        source_zone: As for [`load_register()`][load_register].
        decisions: As for [`load_register()`][load_register].
        row_offset: As for [`load_register()`][load_register].

    Raises:
        DataFileError: Every problem of the text, located by row and column.

    Examples:
        >>> text = "REGISTER PERMOHONAN INFORMASI 2024\\n\\nNO;TGL. MASUK;PERIHAL\\n"
        >>> text += "1;Senin, 3 Juni 2024;Data DPT\\n"
        >>> reg = parse_register(text, columns={"Tgl Masuk": "received", "Perihal": "information"})
        >>> reg.received, reg.numbers, reg.header_row, sorted(reg.fields)
        ((datetime.date(2024, 6, 3),), ('1',), 'row 3', ['information', 'number', 'received'])
    """
    options = _options(calendar, layout, columns, source_zone, decisions, row_offset=row_offset)
    if not isinstance(text, str):
        deprecated("parse_register(rows)", "Register.from_rows(rows)")
        return options.parse(text, source or "<register>")
    name = source or "<string>"
    reader = CsvRows(io.StringIO(text.removeprefix("\ufeff"), newline=""), name)
    return options.parse(reader, name, reader)


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
