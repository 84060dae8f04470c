"""One sheet of an ``.xlsx`` workbook as rows of text (optional extra ``excel``: openpyxl).

Every XLSX reader of ppid-core (IKM surveys, request registers) reads through
[`open_sheet()`][open_sheet], so a workbook is read the same way everywhere:

- openpyxl's read-only (streaming) mode, so memory stays flat on large sheets;
- the first **visible** sheet unless a sheet is named; the name of the sheet read is
  [`SheetRows.name`][SheetRows.name] and is part of every error location
  (``survey.xlsx, sheet "SKM": row 4, column "U1": ...``), and the hidden sheets passed
  over are listed in [`SheetRows.hidden_sheets`][SheetRows.hidden_sheets];
- one list of cell texts per spreadsheet row, row 1 first, so a row's position in the
  iteration is its row number (a row missing from the file is a row of empty cells); a
  row below the header (the first row with text) is at least as wide as the header;
- cells as text: whole numbers without ``.0``, dates as ISO ``2024-06-04``, a date with
  a time of day as ``2024-06-04 23:30`` (seconds only when not zero), a time as ``07:45``;
- a **hidden row** holding data is refused with one located error listing the rows,
  unless ``include_hidden=True`` (then it is read like any row);
- a **formula without a saved value** (a file written by a program that does not
  calculate, never opened and saved in Excel) is a located error, not a blank;
- a file that is not a readable workbook (not a zip, empty, truncated, corrupt XML or
  compressed data) is one located error ``not a readable .xlsx workbook (...)``, never a
  traceback.

The row problems (hidden rows, formulas) are collected while the rows are read and
raised together at the end of the sheet, or, with ``defer_errors=True``, left in
[`SheetRows.errors`][SheetRows.errors] for the reader to raise with its own errors through
[`SheetRows.raise_errors()`][SheetRows.raise_errors].

The workbook's parts and the streaming read of the sheet's XML are in
`ppid_core._xlsx_book`, imported when a workbook is opened: a 500,000-row sheet reads
in about 40 % of the time openpyxl's own reader takes. openpyxl's ``ExcelReader`` steps
and the workbook's ``_date_formats`` are internal to openpyxl (stable since 2.6); the
tests pin every behaviour above.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ppid_core._i18n import N_, _
from ppid_core._optional import import_optional
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError

if TYPE_CHECKING:
    from types import TracebackType

    from ppid_core._xlsx_book import Book

__all__ = ["FORMULA_WITHOUT_VALUE", "SheetRows", "cell_text", "open_sheet", "sheet_source"]

FORMULA_WITHOUT_VALUE = N_("formula without a saved value; open the file in Excel and save it")
"""The message for a formula cell whose file holds no calculated value (in English; the
error shows it in the language in use)."""

_MAX_ROW = 1_048_576  # Excel's last row
_HIDDEN_LISTED = 20  # row ranges listed in the hidden-rows message before "and N more"


def sheet_source(source: str, sheet: str) -> str:
    """The error source of a sheet: ``survey.xlsx, sheet "SKM"``.

    >>> sheet_source("survey.xlsx", "SKM")
    'survey.xlsx, sheet "SKM"'
    """
    return f'{source}, sheet "{sheet}"'


def _clock(t: dt.time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def cell_text(value: object) -> str:
    """A cell value as text (see the module docstring).

    >>> cell_text(4.0), cell_text(3.5), cell_text(None)
    ('4', '3.5', '')
    >>> cell_text(dt.datetime(2024, 6, 4, 23, 30)), cell_text(dt.datetime(2024, 6, 4))
    ('2024-06-04 23:30', '2024-06-04')
    >>> cell_text(dt.time(7, 45, 10))
    '07:45:10'
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return repr(value)  # never a score, never a number
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {_clock(value.time())}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return _clock(value)
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _ranges(rows: Sequence[int]) -> str:
    """``[5, 6, 7, 9]`` as ``5-7, 9``; past 20 ranges, ``... and N more``.

    >>> _ranges([5, 6, 7, 9])
    '5-7, 9'
    """
    spans: list[tuple[int, int]] = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], r)
        else:
            spans.append((r, r))
    shown = [str(a) if a == b else f"{a}-{b}" for a, b in spans[:_HIDDEN_LISTED]]
    rest = sum(b - a + 1 for a, b in spans[_HIDDEN_LISTED:])
    listed = ", ".join(shown)
    return _("{listed} and {n} more").format(listed=listed, n=rest) if rest else listed


def _unreadable(source: str, why: str) -> DataFileError:
    err = LocatedError(_("not a readable .xlsx workbook ({why})").format(why=why), source=source)
    return DataFileError.from_errors(source, [err])


class SheetRows:
    """The rows of one worksheet as text cells; see the module docstring.

    Build it with [`open_sheet()`][open_sheet]. Iterating reads the sheet from its first row (each
    iteration reads it again) and closes the workbook at the end; use it as a context
    manager, or call [`close()`][close], when a reader may stop early.

    Attributes:
        name: The sheet read.
        source: Where its errors are located: ``<file>, sheet "<name>"``.
        hidden_sheets: Hidden sheets passed over to reach the first visible one.
        include_hidden: Whether hidden rows are read as data without an error.
        hidden_rows: Hidden rows holding data, as found so far.
        errors: Row problems found so far (hidden rows once the sheet is read to its end,
            formulas without a saved value).
    """

    def __init__(
        self,
        path: Path | bytes,
        *,
        file_source: str,
        sheet: str | None,
        include_hidden: bool,
        defer_errors: bool,
    ) -> None:
        self._path = path
        self._file_source = file_source
        self._asked = sheet
        self.include_hidden = include_hidden
        self._defer = defer_errors
        self.hidden_rows: list[int] = []
        self.errors: list[LocatedError] = []
        self._book: Book | None = None
        self._part = ""
        _, self.name, self.hidden_sheets = self._open()
        self.source = sheet_source(file_source, self.name)

    # -- opening ------------------------------------------------------------------------
    def _open(self) -> tuple[Book, str, tuple[str, ...]]:
        """Open the workbook: the book, the sheet's name and the hidden sheets passed over."""
        import_optional("openpyxl", "excel")
        from ppid_core._xlsx_book import Book, unreadable_reason  # noqa: PLC0415 - on opening

        if isinstance(self._path, bytes):
            head = self._path[:8]
        else:
            with self._path.open("rb") as fh:  # OSError (missing, unreadable) is the caller's
                head = fh.read(8)
        if not head:
            raise _unreadable(self._file_source, _("the file is empty"))
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            why = _("an old Excel .xls workbook; save it as .xlsx")
            raise _unreadable(self._file_source, why)
        if not head.startswith(b"PK"):
            raise _unreadable(self._file_source, _("not a zip archive, which an .xlsx file is"))
        try:
            with warnings.catch_warnings():
                # styles and extensions openpyxl does not keep: irrelevant to reading values
                warnings.simplefilter("ignore", UserWarning)
                data = self._path
                self._book = book = Book(io.BytesIO(data) if isinstance(data, bytes) else data)
        except Exception as exc:  # any failure of the parser is a bad file
            raise _unreadable(self._file_source, unreadable_reason(exc)) from None
        names = [name for name, _, _ in book.sheets]
        if self._asked is not None:
            folded = {n.casefold(): n for n in reversed(names)}
            name = self._asked if self._asked in names else folded.get(self._asked.casefold())
            if name is None:
                self.close()
                text = (
                    _("no sheet {sheet!r} in {file} is a chart, not a worksheet; sheets: {sheets}")
                    if self._asked in book.charts
                    else _("no sheet {sheet!r} in {file}; sheets: {sheets}")
                )
                sheets = ", ".join(names) or _("none")
                msg = text.format(sheet=self._asked, file=self._file_source, sheets=sheets)
                raise UnknownNameError(msg)
            self._part = book.sheets[names.index(name)][2]
            return book, name, ()
        hidden: list[str] = []
        for name, state, part in book.sheets:
            if state == "visible":
                self._part = part
                return book, name, tuple(hidden)
            hidden.append(name)
        self.close()
        why = _("it has no visible worksheet") if hidden else _("it has no worksheet")
        raise _unreadable(self._file_source, why)

    def close(self) -> None:
        """Close the workbook (iterating again opens it again)."""
        if self._book is not None:
            self._book.close()
            self._book = None

    def __enter__(self) -> SheetRows:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- errors -------------------------------------------------------------------------
    def raise_errors(self, more: Sequence[LocatedError] = ()) -> None:
        """Raise the row problems together with a reader's own errors, if there are any.

        A reader's error at a cell this sheet already reported (a formula without a
        value reads as blank, which the reader may call empty) is left out.

        Raises:
            DataFileError: Every error, sorted by row.
        """
        if not self.errors:
            if more:
                raise DataFileError.from_errors(self.source, more)
            return
        mine = {(e.row, e.field) for e in self.errors}
        theirs = [e for e in more if (e.row, (e.field or "").strip() or None) not in mine]
        raise DataFileError.from_errors(self.source, [*self.errors, *theirs])

    # -- reading ------------------------------------------------------------------------
    def __iter__(self) -> Iterator[list[str]]:
        book = self._book
        if book is None:
            book, self.name, self.hidden_sheets = self._open()
        self.errors, self.hidden_rows = [], []
        try:
            yield from self._rows(book)
        finally:
            self.close()
        if self.hidden_rows and not self.include_hidden:
            n = len(self.hidden_rows)
            text = (  # two messages, not two forms: only the second lists the rows
                _(
                    "hidden row with data; unhide and check it (or delete it), "
                    "or ask to include hidden rows"
                )
                if n == 1
                else _(
                    "hidden rows with data: {rows} ({n} rows); unhide and check them "
                    "(or delete them), or ask to include hidden rows"
                )
            )
            self.errors.append(
                LocatedError(
                    text.format(rows=_ranges(self.hidden_rows), n=n),
                    source=self.source,
                    row=self.hidden_rows[0],
                )
            )
        if self.errors and not self._defer:
            self.raise_errors()

    def _rows(self, book: Book) -> Iterator[list[str]]:
        from ppid_core._xlsx_book import NO_VALUE, parse_rows, unreadable_reason  # noqa: PLC0415

        try:
            src = book.archive.open(self._part)
        except Exception as exc:  # a sheet part missing from the archive
            raise _unreadable(self.source, unreadable_reason(exc)) from None
        with src:
            parsed = parse_rows(src, book)
            header: list[str] | None = None
            expected = 1
            while True:
                try:
                    index, hidden, cells = next(parsed)
                except StopIteration:
                    return
                except Exception as exc:  # corrupt XML, zip or data
                    raise _unreadable(self.source, unreadable_reason(exc)) from None
                if not expected <= index <= _MAX_ROW:
                    why = _("row {row} is out of order or past Excel's last row").format(row=index)
                    raise _unreadable(self.source, why)
                while expected < index:  # rows the file leaves out are empty
                    expected += 1
                    yield [""] * len(header or ())
                expected += 1
                row = self._row(index, cells, header, NO_VALUE)
                if any(c.strip() for c in row):
                    if header is None:
                        header = row
                    if hidden:
                        self.hidden_rows.append(index)
                yield row

    def _row(
        self,
        index: int,
        cells: list[tuple[int, object]],
        header: list[str] | None,
        no_value: object,
    ) -> list[str]:
        # a row ends at its last cell in the file; under a header it is as wide as the header
        width = max((column for column, _ in cells), default=0)
        row = [""] * max(width, len(header or ()))
        for column, value in cells:
            if value is no_value:
                name = header[column - 1].strip() if header and column <= len(header) else ""
                self.errors.append(
                    LocatedError(
                        _(FORMULA_WITHOUT_VALUE),
                        source=self.source,
                        row=index,
                        field=name or _column_letter(column),
                    )
                )
            else:
                row[column - 1] = cell_text(value)
        return row


def open_sheet(
    path: str | Path | bytes,
    *,
    sheet: str | None = None,
    include_hidden: bool = False,
    defer_errors: bool = False,
    source: str | None = None,
) -> SheetRows:
    """Open one sheet of a workbook for reading as text rows.

    Args:
        path: The ``.xlsx`` (or ``.xlsm``) file, or its content as bytes.
        sheet: The sheet to read (its name; case is ignored when no sheet has the exact
            name). Default: the first visible sheet.
        include_hidden: Read hidden rows as data instead of refusing them.
        defer_errors: Leave the row problems in [`SheetRows.errors`][SheetRows.errors] for
            [`SheetRows.raise_errors()`][SheetRows.raise_errors] instead of raising them at the end
            of the sheet.
        source: The file name used in error locations (default: ``path`` as given, or
            ``"<bytes>"``).

    Returns:
        The sheet, ready to iterate; [`SheetRows.name`][SheetRows.name] says which sheet it is.

    Raises:
        MissingExtraError: openpyxl is not installed.
        DataFileError: The file is not a readable workbook, or has no visible sheet.
        UnknownNameError: No worksheet of that name.
        OSError: The file cannot be opened.
    """
    in_memory = isinstance(path, bytes)
    return SheetRows(
        path if isinstance(path, bytes) else Path(path),
        file_source=source or ("<bytes>" if in_memory else str(path)),
        sheet=sheet,
        include_hidden=include_hidden,
        defer_errors=defer_errors,
    )
