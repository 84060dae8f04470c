"""The parts of an ``.xlsx`` workbook the rows need, and its sheet XML read as a stream.

openpyxl reads the workbook's parts (sheet list and visibility, shared strings, date
styles) with the steps of its ``load_workbook(read_only=True)`` ([`Book`][Book]). Its own
streaming row reader drops what `ppid_core._xlsx` needs (row visibility, whether a
blank value came from a formula) and builds an object per inline-string cell, so a
sheet's XML is read here by `xml.etree.ElementTree.XMLParser` with a target that
keeps only the cells ([`parse_rows()`][parse_rows]): memory stays flat however long the sheet.

`ppid_core._xlsx` imports this module when it opens a workbook, so importing the
readers costs neither openpyxl nor the XML parser.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO
from xml.etree import ElementTree

from ppid_core._i18n import _

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "NO_VALUE",
    "BadSheetError",
    "Book",
    "parse_rows",
    "unreadable_reason",
]

NO_VALUE = object()
"""Marks a formula cell without a cached value."""


class BadSheetError(Exception):
    """Sheet XML that parses but is not a worksheet (reported as an unreadable workbook)."""


STRUCTURAL = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ElementTree.ParseError,
    zlib.error,
    EOFError,
    KeyError,  # a part missing from the zip archive
    BadSheetError,
)


def unreadable_reason(exc: BaseException) -> str:
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
    if not isinstance(cause, STRUCTURAL) and name != "InvalidFileException":
        return name
    lines = str(cause).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > 120:
        text = text[:117] + "..."
    if isinstance(cause, BadSheetError):
        return text
    return f"{name}: {text}" if text else name


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


class Book:
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
    """An `xml.etree.ElementTree.XMLParser` target that keeps only the rows' cells.

    No element tree is built, so memory stays flat however long the sheet; each finished
    ``<row>`` waits in [`rows`][rows] as ``(attributes, cells)``.
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
        """Nothing to return: the rows are taken from [`rows`][rows] as they come."""


def cell_value(cell: _Cell, styles: Book) -> object:
    """A cell's saved value (``NO_VALUE`` for a formula without one)."""
    kind = cell.attrs.get("t", "n")
    raw = "".join(cell.text)
    if kind == "inlineStr":
        return raw
    if not raw:
        # a formula whose saved result is the empty text is t="str" with a <v/>
        if cell.formula and not (kind == "str" and cell.value_element):
            return NO_VALUE
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


def row_cells(cells: list[_Cell], styles: Book) -> list[tuple[int, object]]:
    out: list[tuple[int, object]] = []
    column = 0
    for cell in cells:
        ref = cell.attrs.get("r")
        if ref:
            m = _COORDINATE.fullmatch(ref)
            if m is None:
                raise BadSheetError(_("bad cell reference {ref!r}").format(ref=ref[:20]))
            column = _column_index(m[1])
        else:
            column += 1
        try:
            out.append((column, cell_value(cell, styles)))
        except (ValueError, IndexError, TypeError):
            # the cell's text is not what its type says; never quoted (it may be personal)
            text = _("cell {cell} holds a value its type does not allow")
            raise BadSheetError(text.format(cell=ref or column)) from None
    return out


def parse_rows(src: Any, styles: Book) -> Iterator[tuple[int, bool, list[tuple[int, object]]]]:
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
            yield index, attrs.get("hidden") in {"1", "true"}, row_cells(cells, styles)
        target.rows.clear()
