"""One sheet of an ``.xlsx`` workbook as rows of text (optional extra ``excel``: openpyxl).

Every XLSX reader of ppid-core (IKM surveys, request registers) reads through
:func:`open_sheet`, so a workbook is read the same way everywhere:

- openpyxl's read-only (streaming) mode, so memory stays flat on large sheets;
- the first **visible** sheet unless a sheet is named; the name of the sheet read is
  :attr:`SheetRows.name` and is part of every error location
  (``survey.xlsx, sheet "SKM": row 4, column "U1": ...``), and the hidden sheets passed
  over are listed in :attr:`SheetRows.hidden_sheets`;
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
:attr:`SheetRows.errors` for the reader to raise with its own errors through
:meth:`SheetRows.raise_errors`.

openpyxl reads the workbook's parts (sheet list and visibility, shared strings, date
styles) with the steps of its ``load_workbook(read_only=True)``. Its streaming row reader
drops what this needs (row visibility, whether a blank value came from a formula) and
builds an object per inline-string cell, so the sheet's XML is read here, streaming, by
:class:`xml.etree.ElementTree.XMLParser` with a target that keeps only the cells: memory
stays flat however long the sheet, and a 500,000-row sheet reads in about 40 % of the
time openpyxl's reader takes. openpyxl's ``ExcelReader`` steps and the workbook's
``_date_formats`` are internal to openpyxl (stable since 2.6); the tests pin every
behaviour above.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO
from xml.etree import ElementTree

from ppid_core._optional import import_optional
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError

__all__ = ["FORMULA_WITHOUT_VALUE", "SheetRows", "cell_text", "open_sheet", "sheet_source"]

FORMULA_WITHOUT_VALUE = "formula without a saved value; open the file in Excel and save it"
"""The message for a formula cell whose file holds no calculated value."""

_MAX_ROW = 1_048_576  # Excel's last row
_NO_VALUE = object()  # marks a formula cell without a cached value
_HIDDEN_LISTED = 20  # row ranges listed in the hidden-rows message before "and N more"


class _BadSheetError(Exception):
    """Sheet XML that parses but is not a worksheet (reported as an unreadable workbook)."""


_STRUCTURAL = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ElementTree.ParseError,
    zlib.error,
    EOFError,
    KeyError,  # a part missing from the zip archive
    _BadSheetError,
)


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
    return ", ".join(shown) + (f" and {rest} more" if rest else "")


def _reason(exc: BaseException) -> str:
    """A short, one-line reason for an unreadable workbook, without the file's content.

    Only messages that describe the file's structure are shown (zip, XML, compression);
    others could quote a cell, so only their kind is named.
    """
    cause: BaseException = exc
    while cause.__cause__ is not None:  # openpyxl wraps the XML error in a ValueError
        cause = cause.__cause__
    name = type(cause).__name__
    if name == "error":  # zlib.error
        name = f"{type(cause).__module__}.{name}"
    if not isinstance(cause, _STRUCTURAL) and name != "InvalidFileException":
        return name
    lines = str(cause).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > 120:
        text = text[:117] + "..."
    if isinstance(cause, _BadSheetError):
        return text
    return f"{name}: {text}" if text else name


def _unreadable(source: str, why: str) -> DataFileError:
    err = LocatedError(f"not a readable .xlsx workbook ({why})", source=source)
    return DataFileError.from_errors(source, [err])


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}f"
_TEXT, _PHONETIC = f"{_NS}t", f"{_NS}rPh"
_CHUNK = 1 << 16  # bytes of XML fed to the parser at a time
_COORDINATE = re.compile(r"\$?([A-Za-z]{1,3})\$?[0-9]+")


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


class _Book:
    """The parts of a workbook the rows need, opened with openpyxl's own reader steps.

    The same steps as ``openpyxl.load_workbook(read_only=True)`` (manifest, shared
    strings, workbook, styles), without building a worksheet object per sheet: that
    would scan every sheet without a ``<dimension>`` element once more before reading it.
    """

    def __init__(self, path: Path | BinaryIO) -> None:
        from openpyxl.reader.excel import ExcelReader  # noqa: PLC0415 - optional extra
        from openpyxl.styles.stylesheet import apply_stylesheet  # noqa: PLC0415
        from openpyxl.utils.datetime import from_excel, from_ISO8601  # noqa: PLC0415

        reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False)
        self.archive = reader.archive
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self.sheets: list[tuple[str, str, str]] = [  # name, state, part
                (str(sheet.name), str(sheet.state or "visible"), str(rel.target))
                for sheet, rel in reader.parser.find_sheets()
                if "chartsheet" not in str(rel.Type)
            ]
            self.charts = [
                str(sheet.name)
                for sheet, rel in reader.parser.find_sheets()
                if "chartsheet" in str(rel.Type)
            ]
        except BaseException:
            self.archive.close()
            raise
        book = reader.wb
        self.shared: Sequence[object] = reader.shared_strings
        self.dates: set[int] = set(getattr(book, "_date_formats", ()))
        self.durations: set[int] = set(getattr(book, "_timedelta_formats", ()))
        self.epoch = book.epoch
        self.from_excel: Any = from_excel
        self.from_iso: Any = from_ISO8601

    def close(self) -> None:
        self.archive.close()


class _Cell:
    """What the sheet's XML says of one ``<c>``: attributes, saved text, formula or not."""

    __slots__ = ("attrs", "formula", "text", "value_element")

    def __init__(self, attrs: dict[str, str]) -> None:
        self.attrs = attrs
        self.text: list[str] = []
        self.value_element = False  # a <v> (possibly empty) is present
        self.formula = False


class _SheetTarget:
    """An :class:`xml.etree.ElementTree.XMLParser` target that keeps only the rows' cells.

    No element tree is built, so memory stays flat however long the sheet; each finished
    ``<row>`` waits in :attr:`rows` as ``(attributes, cells)``.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[dict[str, str], list[_Cell]]] = []
        self._row: list[_Cell] | None = None
        self._row_attrs: dict[str, str] = {}
        self._cell: _Cell | None = None
        self._text: list[str] | None = None  # where character data goes, if anywhere
        self._phonetic = 0  # inside <rPh>: a reading aid, not the cell's text

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == _CELL:
            self._cell = _Cell(attrs)
        elif self._cell is not None:
            if tag == _VALUE:
                self._cell.value_element = True
                self._text = self._cell.text
            elif tag == _TEXT and not self._phonetic:
                self._text = self._cell.text
            elif tag == _FORMULA:
                self._cell.formula = True
            elif tag == _PHONETIC:
                self._phonetic += 1
        elif tag == _ROW:
            self._row, self._row_attrs = [], attrs

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        if tag in {_VALUE, _TEXT}:
            self._text = None
        elif tag == _PHONETIC:
            self._phonetic -= 1
        elif tag == _CELL:
            if self._row is not None and self._cell is not None:
                self._row.append(self._cell)
            self._cell = None
        elif tag == _ROW and self._row is not None:
            self.rows.append((self._row_attrs, self._row))
            self._row = None

    def close(self) -> None:
        """Nothing to return: the rows are taken from :attr:`rows` as they come."""


def _cell_value(cell: _Cell, styles: _Book) -> object:
    """A cell's saved value (``_NO_VALUE`` for a formula without one)."""
    kind = cell.attrs.get("t", "n")
    raw = "".join(cell.text)
    if kind == "inlineStr":
        return raw
    if not raw:
        # a formula whose saved result is the empty text is t="str" with a <v/>
        if cell.formula and not (kind == "str" and cell.value_element):
            return _NO_VALUE
        return None
    if kind == "n":
        number: float = float(raw) if any(c in raw for c in ".eE") else int(raw)
        style = int(cell.attrs.get("s", 0))
        if style in styles.dates:
            try:
                return styles.from_excel(number, styles.epoch, timedelta=style in styles.durations)
            except (OverflowError, ValueError):
                return number  # a serial no calendar has: shown as the number it is
        return number
    if kind == "s":
        return styles.shared[int(raw)]
    if kind == "b":
        return bool(int(raw))
    if kind == "d":
        return styles.from_iso(raw)
    return raw  # "str" (a formula's text), "e" (an error such as #N/A)


def _row_cells(cells: list[_Cell], styles: _Book) -> list[tuple[int, object]]:
    out: list[tuple[int, object]] = []
    column = 0
    for cell in cells:
        ref = cell.attrs.get("r")
        if ref:
            m = _COORDINATE.fullmatch(ref)
            if m is None:
                raise _BadSheetError(f"bad cell reference {ref[:20]!r}")
            column = _column_index(m[1])
        else:
            column += 1
        try:
            out.append((column, _cell_value(cell, styles)))
        except (ValueError, IndexError, TypeError):
            # the cell's text is not what its type says; never quoted (it may be personal)
            raise _BadSheetError(
                f"cell {ref or column} holds a value its type does not allow"
            ) from None
    return out


def _parse_rows(src: Any, styles: _Book) -> Iterator[tuple[int, bool, list[tuple[int, object]]]]:
    """``(row number, hidden, [(column, value), ...])`` for each ``<row>`` of a sheet."""
    target = _SheetTarget()
    # expat >= 2.4.1 refuses entity-expansion bombs and ElementTree fetches no external
    # entity or DTD (Python docs, "XML vulnerabilities"), so defusedxml adds nothing here
    parser = ElementTree.XMLParser(target=target)  # noqa: S314
    index = 0
    done = False
    while not done:
        chunk = src.read(_CHUNK)
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
            done = True
        for attrs, cells in target.rows:
            r = attrs.get("r")
            index = int(r) if r else index + 1
            yield index, attrs.get("hidden") in {"1", "true"}, _row_cells(cells, styles)
        target.rows.clear()


class SheetRows:
    """The rows of one worksheet as text cells; see the module docstring.

    Build it with :func:`open_sheet`. Iterating reads the sheet from its first row (each
    iteration reads it again) and closes the workbook at the end; use it as a context
    manager, or call :meth:`close`, when a reader may stop early.

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
        self._book: _Book | None = None
        self._part = ""
        self.name, self.hidden_sheets = self._open()
        self.source = sheet_source(file_source, self.name)

    # -- opening ------------------------------------------------------------------------
    def _open(self) -> tuple[str, tuple[str, ...]]:
        import_optional("openpyxl", "excel")
        if isinstance(self._path, bytes):
            head = self._path[:8]
        else:
            with self._path.open("rb") as fh:  # OSError (missing, unreadable) is the caller's
                head = fh.read(8)
        if not head:
            raise _unreadable(self._file_source, "the file is empty")
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise _unreadable(self._file_source, "an old Excel .xls workbook; save it as .xlsx")
        if not head.startswith(b"PK"):
            raise _unreadable(self._file_source, "not a zip archive, which an .xlsx file is")
        try:
            with warnings.catch_warnings():
                # styles and extensions openpyxl does not keep: irrelevant to reading values
                warnings.simplefilter("ignore", UserWarning)
                data = self._path
                self._book = book = _Book(io.BytesIO(data) if isinstance(data, bytes) else data)
        except Exception as exc:  # any failure of the parser is a bad file
            raise _unreadable(self._file_source, _reason(exc)) from None
        names = [name for name, _, _ in book.sheets]
        if self._asked is not None:
            folded = {n.casefold(): n for n in reversed(names)}
            name = self._asked if self._asked in names else folded.get(self._asked.casefold())
            if name is None:
                self.close()
                what = " is a chart, not a worksheet" if self._asked in book.charts else ""
                msg = (
                    f"no sheet {self._asked!r} in {self._file_source}{what}; "
                    f"sheets: {', '.join(names) or 'none'}"
                )
                raise UnknownNameError(msg)
            self._part = book.sheets[names.index(name)][2]
            return name, ()
        hidden: list[str] = []
        for name, state, part in book.sheets:
            if state == "visible":
                self._part = part
                return name, tuple(hidden)
            hidden.append(name)
        self.close()
        why = "it has no visible worksheet" if hidden else "it has no worksheet"
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
        if self._book is None:
            self.name, self.hidden_sheets = self._open()
        self.errors, self.hidden_rows = [], []
        try:
            yield from self._rows()
        finally:
            self.close()
        if self.hidden_rows and not self.include_hidden:
            n = len(self.hidden_rows)
            what = (
                "hidden row with data"
                if n == 1
                else f"hidden rows with data: {_ranges(self.hidden_rows)} ({n} rows)"
            )
            them = "it" if n == 1 else "them"
            self.errors.append(
                LocatedError(
                    f"{what}; unhide and check {them} (or delete {them}), "
                    "or ask to include hidden rows",
                    source=self.source,
                    row=self.hidden_rows[0],
                )
            )
        if self.errors and not self._defer:
            self.raise_errors()

    def _rows(self) -> Iterator[list[str]]:
        book = self._book
        assert book is not None  # opened by __iter__
        try:
            src = book.archive.open(self._part)
        except Exception as exc:  # a sheet part missing from the archive
            raise _unreadable(self.source, _reason(exc)) from None
        with src:
            parsed = _parse_rows(src, book)
            header: list[str] | None = None
            expected = 1
            while True:
                try:
                    index, hidden, cells = next(parsed)
                except StopIteration:
                    return
                except Exception as exc:  # corrupt XML, zip or data
                    raise _unreadable(self.source, _reason(exc)) from None
                if not expected <= index <= _MAX_ROW:
                    why = f"row {index} is out of order or past Excel's last row"
                    raise _unreadable(self.source, why)
                while expected < index:  # rows the file leaves out are empty
                    expected += 1
                    yield [""] * len(header or ())
                expected += 1
                row = self._row(index, cells, header)
                if any(c.strip() for c in row):
                    if header is None:
                        header = row
                    if hidden:
                        self.hidden_rows.append(index)
                yield row

    def _row(
        self, index: int, cells: list[tuple[int, object]], header: list[str] | None
    ) -> list[str]:
        # a row ends at its last cell in the file; under a header it is as wide as the header
        width = max((column for column, _ in cells), default=0)
        row = [""] * max(width, len(header or ()))
        for column, value in cells:
            if value is _NO_VALUE:
                name = header[column - 1].strip() if header and column <= len(header) else ""
                self.errors.append(
                    LocatedError(
                        FORMULA_WITHOUT_VALUE,
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
        defer_errors: Leave the row problems in :attr:`SheetRows.errors` for
            :meth:`SheetRows.raise_errors` instead of raising them at the end of the sheet.
        source: The file name used in error locations (default: ``path`` as given, or
            ``"<bytes>"``).

    Returns:
        The sheet, ready to iterate; :attr:`SheetRows.name` says which sheet it is.

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
