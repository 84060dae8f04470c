"""Excel workbooks of report tables (private; results' ``to_xlsx()`` and the command line).

Every result renders as tables ([`Table`][ppid_core._tables.Table]); this module writes
them as an ``.xlsx`` workbook with openpyxl (the ``excel`` extra, imported only when a
workbook is written), one sheet per table:

- the table's title in row 1 (bold) and its header in row 2 (bold), frozen with the rows
  above it, so that they stay in view while scrolling; a table without a title starts
  with its header;
- real cells, not text: whole numbers and exact decimals are number cells (an exact
  ``Decimal`` keeps its places in the cell's number format, ``Decimal("90.60")`` shows
  ``90.60``, and Excel on an Indonesian Windows shows it as ``90,60``), dates are date
  cells shown ``yyyy-mm-dd``; a datetime with a zone is written as its wall-clock time in
  that zone (Excel has no time zones);
- column widths from the longest text of each column (the header and the first
  [`WIDTH_SAMPLE`][WIDTH_SAMPLE] rows), between 6 and 60 characters;
- text safe to open: each text cell goes through
  [`formula_safe()`][ppid_core._tables.formula_safe], as CSV cells do.

What a workbook cannot hold as given is written so that nothing is lost, and is said here:

- a number Excel cannot keep to the digit (more than 15 significant digits, e.g.
  ``Decimal("0.1000000000000000000001")``, or an ``int`` of 16 digits or more) is written
  as text with all its digits; an exact ``Fraction`` that is no finite decimal
  (``272/3``) is written as the nearest number Excel holds (JSON keeps it exact);
- a control character that XML 1.0 cannot carry (``\\x00``-``\\x08``, ``\\x0b``,
  ``\\x0c``, ``\\x0e``-``\\x1f``) is written as its escape (``\\x07``);
- text over Excel's cell limit of 32,767 characters is cut, and the cell says where and
  how long the text was;
- a table with more rows than a sheet holds (1,048,576 with the title and header) is
  refused with an error that says to use CSV.

Sheets are written in openpyxl's write-only mode: a row goes to the file as it is added,
so memory stays flat however long a table is.

References:
    OWASP, "CSV Injection"; ECMA-376 Part 1 (SpreadsheetML); Microsoft, "Excel
    specifications and limits" (1,048,576 rows, 32,767 characters a cell, 15 digits of
    precision, sheet names of at most 31 characters).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import secrets
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any, TypeAlias

from ppid_core._i18n import _
from ppid_core._optional import import_optional
from ppid_core._tables import Table
from ppid_core._xlsx_cells import EXCEL_MAX_CELL, xlsx_cell
from ppid_core._xlsx_stream import splice_streams
from ppid_core.errors import InvalidArgumentError

__all__ = [
    "EXCEL_MAX_CELL",
    "EXCEL_MAX_ROWS",
    "WIDTH_SAMPLE",
    "XlsxBook",
    "XlsxSheet",
    "XlsxTarget",
    "column_widths",
    "write_xlsx",
    "xlsx_cell",
]

XlsxTarget: TypeAlias = "str | os.PathLike[str] | IO[bytes]"
"""Where a workbook is written: a path, or a binary file object (``io.BytesIO``)."""

#: Rows of one sheet (Excel's limit).
EXCEL_MAX_ROWS = 1_048_576
#: Rows whose text sets the column widths (the header and the first rows).
WIDTH_SAMPLE = 500
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_SHEET_NAME = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _shown_width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return len(str(value))


def column_widths(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> list[int]:
    """Widths (in characters) for the header and rows: the longest text, bounded.

    >>> column_widths(["No", "Unsur"], [[1, "Persyaratan"]])
    [6, 13]
    """
    widths = [len(c) for c in columns]
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _shown_width(value))
    return [min(max(w + 2, _MIN_WIDTH), _MAX_WIDTH) for w in widths]


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no ``[]:*?/\\``, at most 31 characters, unique."""
    base = _BAD_SHEET_CHARS.sub(" ", wanted).strip().strip("'").strip() or _("Table")
    name, n = base[:_SHEET_NAME].rstrip(), 1
    while name.casefold() in taken:
        n += 1
        tail = f" ({n})"
        name = base[: _SHEET_NAME - len(tail)].rstrip() + tail
    taken.add(name.casefold())
    return name


def _full(title: str) -> str:
    """The message for a sheet that holds as many rows as Excel allows."""
    text = _("sheet {sheet!r} is full: an Excel sheet holds {most:,} rows")
    return text.format(sheet=title, most=EXCEL_MAX_ROWS)


class XlsxSheet:
    """One write-only sheet: rows go to the file as they are added.

    Widths and frozen rows are set when the sheet is made (openpyxl's write-only sheets
    take them only before the first row).
    """

    def __init__(self, book: XlsxBook, sheet: Any) -> None:
        self._book = book
        self._sheet = sheet
        self.rows = 0

    def _cells(self, values: Iterable[object], *, bold: bool, size: int | None) -> list[Any]:
        out: list[Any] = []
        for value in values:
            data, number_format = xlsx_cell(value)
            if data is None:
                out.append(None)
                continue
            cell = self._book.cell(self._sheet, data)
            if number_format is not None:
                cell.number_format = number_format
            if bold:
                cell.font = self._book.font(size)
            out.append(cell)
        return out

    def add(self, values: Sequence[object], *, bold: bool = False, size: int | None = None) -> None:
        """Add one row (cells as [`xlsx_cell()`][xlsx_cell] writes them).

        Raises:
            InvalidArgumentError: The sheet is full (Excel's 1,048,576 rows).
        """
        if self.rows >= EXCEL_MAX_ROWS:
            raise InvalidArgumentError(_full(self._sheet.title))
        if bold or any(isinstance(v, Decimal | Fraction | dt.date | dt.time) for v in values):
            self._sheet.append(self._cells(values, bold=bold, size=size))
        else:  # plain text and numbers: no cell objects (the fast path of long tables)
            self._sheet.append([xlsx_cell(v)[0] for v in values])
        self.rows += 1

    def stream(self, rows: Iterable[Sequence[int | str | None]], count: int) -> None:
        """Add ``count`` rows of whole numbers, text and blanks, read from ``rows`` only when
        the workbook is saved (a respondent grid of a million rows).

        The rows are written straight into the sheet's XML, about twenty times faster
        than openpyxl writes cells; text goes through the same checks as
        [`xlsx_cell()`][xlsx_cell]. Several streams on one sheet keep their order.

        Raises:
            InvalidArgumentError: The sheet would hold more rows than Excel's limit.
        """
        if self.rows + count > EXCEL_MAX_ROWS:
            raise InvalidArgumentError(_full(self._sheet.title))
        token = self._book.placeholder(rows, count)
        self._sheet.append([token])
        self.rows += count

    def blank(self) -> None:
        """Add an empty row."""
        self.add(())


class XlsxBook:
    """A write-only workbook (needs ``ppid-core[excel]``).

    Raises:
        MissingExtraError: openpyxl is not installed (the message names the extra).
    """

    def __init__(self) -> None:
        self._openpyxl = import_optional("openpyxl", "excel")
        self._cell = import_optional("openpyxl.cell", "excel").WriteOnlyCell
        self._styles = import_optional("openpyxl.styles", "excel")
        self._book = self._openpyxl.Workbook(write_only=True)
        self._names: set[str] = set()
        self._fonts: dict[int | None, Any] = {}
        self._streams: dict[str, tuple[Iterable[Sequence[int | str | None]], int]] = {}
        self._token = secrets.token_hex(8)

    def cell(self, sheet: Any, value: object) -> Any:
        """A write-only cell holding ``value``."""
        return self._cell(sheet, value=value)

    def font(self, size: int | None) -> Any:
        """A bold font (of ``size`` points, or the default size), made once."""
        if size not in self._fonts:
            self._fonts[size] = self._styles.Font(bold=True, size=size)
        return self._fonts[size]

    def sheet(
        self,
        name: str,
        *,
        widths: Sequence[int] = (),
        freeze: int = 0,
        landscape: bool = False,
    ) -> XlsxSheet:
        """A new sheet.

        Args:
            name: Its wanted name (cleaned and made unique, at most 31 characters).
            widths: Column widths in characters, from column A.
            freeze: Rows kept in view at the top (0: none).
            landscape: Print on A4 landscape.
        """
        sheet = self._book.create_sheet(_sheet_name(name, self._names))
        letter = self._openpyxl.utils.get_column_letter
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[letter(i)].width = width
        if freeze:
            sheet.freeze_panes = f"A{freeze + 1}"
        if landscape:
            sheet.page_setup.orientation = "landscape"
            sheet.page_setup.paperSize = 9  # A4 (ECMA-376 ST_PaperSize)
        return XlsxSheet(self, sheet)

    def add_table(self, table: Table, name: str | None = None) -> XlsxSheet:
        """A sheet holding one table: its title, its header (both frozen), its rows.

        Raises:
            InvalidArgumentError: The table has more rows than a sheet holds.
        """
        _check_fits(table, name)
        above = 2 if table.title else 1
        widths = column_widths(table.columns, table.rows[:WIDTH_SAMPLE])
        sheet = self.sheet(name or table.title or _("Table"), widths=widths, freeze=above)
        if table.title:
            sheet.add((table.title,), bold=True, size=12)
        sheet.add(table.columns, bold=True)
        for row in table.rows:
            sheet.add(row)
        return sheet

    def placeholder(self, rows: Iterable[Sequence[int | str | None]], count: int) -> str:
        """A cell text that [`save()`][save] replaces by ``count`` rows read from ``rows``."""
        token = f"ppid-core-rows-{self._token}-{len(self._streams)}"
        self._streams[token] = (rows, count)
        return token

    def save(self, file: XlsxTarget) -> None:
        """Write the workbook to a path or a binary file object."""
        if not self._names:
            self.sheet(_("Empty"))  # a workbook needs a sheet
        target = os.fspath(file) if isinstance(file, str | os.PathLike) else file
        if not self._streams:
            self._book.save(target)
            return
        made = io.BytesIO()
        self._book.save(made)  # each stream is one placeholder row: small
        with zipfile.ZipFile(made) as src, zipfile.ZipFile(target, "w", _DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info)
                tokens = [t for t in self._streams if t.encode() in data]
                if not tokens:
                    out.writestr(info, data)
                    continue
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.compress_type = _DEFLATED
                big = sum(self._streams[t][1] for t in tokens) > _ZIP64_ROWS
                with out.open(entry, "w", force_zip64=big) as fh:
                    splice_streams(data.decode("utf-8"), tokens, self._streams, fh)


_DEFLATED = zipfile.ZIP_DEFLATED
_ZIP64_ROWS = 2_000_000  # rows after which a sheet's XML may pass 4 GiB only if very wide


def _check_fits(table: Table, name: str | None) -> None:
    """Refuse a table longer than a sheet."""
    above = 2 if table.title else 1
    if len(table.rows) + above > EXCEL_MAX_ROWS:
        msg = _(
            "table {table!r} has {rows:,} rows; an Excel sheet holds {most:,} under its header: "
            "write it as CSV"
        ).format(table=table.title or name or "", rows=len(table.rows), most=EXCEL_MAX_ROWS - above)
        raise InvalidArgumentError(msg)


def write_xlsx(
    tables: Sequence[Table], file: XlsxTarget, *, names: Sequence[str] | None = None
) -> None:
    """Write tables to an ``.xlsx`` workbook, one sheet per table (extra ``excel``).

    Args:
        tables: The tables, in sheet order.
        file: A path, or a binary file object.
        names: Sheet names (default: each table's title, cut to 31 characters).

    Raises:
        MissingExtraError: openpyxl is not installed.
        InvalidArgumentError: A table has more rows than a sheet holds.

    Examples:
        >>> import io
        >>> buf = io.BytesIO()
        >>> write_xlsx([Table(columns=["Bulan", "Jumlah"], rows=[["2024-09", 10]])], buf)
        >>> buf.getvalue()[:2]
        b'PK'
    """
    for i, table in enumerate(tables):  # before any sheet is begun
        _check_fits(table, None if names is None else names[i])
    book = XlsxBook()
    for i, table in enumerate(tables):
        book.add_table(table, None if names is None else names[i])
    book.save(file)
