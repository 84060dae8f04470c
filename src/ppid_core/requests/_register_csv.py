"""Rows of a CSV register, read within limits: a problem is a located error, never a traceback.

The file is opened with `ppid_core._textio.open_csv_text()` (UTF-8 with or without a
byte-order mark, UTF-16 with one, or Windows cp1252, which the register's notes then
name; anything else gets a located error). The delimiter is sniffed from the first lines
(`ppid_core._encoding.sniff_delimiter()`): ``,``, ``;`` (as spreadsheets write CSV under
an Indonesian locale) or a tab ("Unicode Text").

Limits, so that a damaged file costs little (a 100 MB file whose one line is the header
once took 92 s and 6 GB):

- the first [`SCAN_ROWS`][ppid_core._headers.SCAN_ROWS] rows, among which the header is
  looked for: at most [`MAX_HEADER_CHARS`][MAX_HEADER_CHARS] characters each;
- any other row: at most [`MAX_ROW_CHARS`][MAX_ROW_CHARS] characters (a quote left open makes the
  rest of the file one row);
- a cell: at most the ``csv`` module's field limit (131,072 characters by default).

A row past a limit, or text the ``csv`` module cannot read, ends the reading: it is
reported with its row, together with every problem found in the rows before it.
"""

from __future__ import annotations

import csv
import functools
import itertools
import sys
from collections.abc import Iterator
from typing import TextIO

from ppid_core._encoding import SNIFF_LINES
from ppid_core._headers import SCAN_ROWS
from ppid_core._textio import sniffed_delimiter
from ppid_core.errors import LocatedError
from ppid_core.requests._register_layout import too_many_cells

__all__ = ["MAX_HEADER_CHARS", "MAX_ROW_CHARS", "CsvRows"]

MAX_HEADER_CHARS = 65_536
"""Characters each of the first rows may have, the header among them (the KPU layout's
header has about 200)."""
MAX_ROW_CHARS = 1_048_576
"""Characters any other row may have (line ends and quoted line breaks included)."""

_NOT_READ = "the file was not read past this row"
_OPEN_QUOTE = "a quote left open runs to the next quote, over rows"


class CsvRows:
    """The rows of an open CSV text file, as lists of cell texts.

    Iterate once. Once the reader has found the header it sets [`width`][width]: a later
    row longer than that is cut to it, and the message about its cells beyond the header,
    if they hold anything, is kept in [`wide`][wide] (a row of a million cells then costs no
    more than a short one). When the reading stops early, [`error`][error] says where and why;
    the rows before it were given.

    Attributes:
        error: Why the reading stopped early, or ``None``.
        delimiter: The delimiter used (known once the first row was read).
        width: The header's width, set by the reader once it found the header.
        wide: By row number, the message about cells beyond the header, for the rows cut.
        row_offset: Added to the numbers of the rows past the first ones in ``wide`` (set
            with ``width`` by the reader: see ``parse_rows(row_offset=...)``); its own
            ``error`` keeps the file's numbering, shifted by the reader.
    """

    def __init__(self, fh: TextIO, source: str) -> None:
        self.fh = fh
        self.source = source
        self.error: LocatedError | None = None
        self.delimiter = ","
        self.width: int | None = None
        self.wide: dict[int, str] = {}
        self.row_offset = 0

    def _stop(self, row: int, message: str) -> None:
        self.error = LocatedError(message, source=self.source, row=row)

    def hint(self) -> str:
        """Why a row may have more cells than its header, and the cure."""
        what = {";": "semicolon", "\t": "tab"}.get(self.delimiter, "comma")
        return (
            f"; a {what} inside a cell (a degree after a name: 'Nama, S.T.') splits the cell "
            "and shifts the cells after it: put such a cell in double quotes"
        )

    def _first_lines(self) -> list[str]:
        """The first lines, which the delimiter is sniffed from, each read within the
        header limit; a line past it is read on to the row limit, and ends them."""
        readline = self.fh.readline
        lines: list[str] = []
        while len(lines) < SNIFF_LINES and (line := readline(MAX_HEADER_CHARS + 1)):
            if len(line) > MAX_HEADER_CHARS:
                lines.append(line + readline(MAX_ROW_CHARS + 1 - len(line)))
                break
            lines.append(line)
        return lines

    def __iter__(self) -> Iterator[list[str]]:
        first = self._first_lines()
        if not first:
            return
        if len(first[0]) > MAX_HEADER_CHARS:
            self._stop(
                1,
                f"the header row is longer than {MAX_HEADER_CHARS:,} characters; expected "
                "the register's column names (its header has about 200); the file was not read",
            )
            return
        self.delimiter = sniffed_delimiter(first)
        readline = self.fh.readline
        used = 0  # characters of the row being read
        cap = MAX_HEADER_CHARS  # the limit of the row being read
        over = False  # the row being read ran past its limit: the lines stopped

        def lines() -> Iterator[str]:
            # the csv reader then sees the end of the file; what it gives of that row
            # is not used
            nonlocal used, over
            rest = iter(functools.partial(readline, MAX_ROW_CHARS + 1), "")
            for line in itertools.chain(first, rest):
                used += len(line)
                if used > cap:
                    over = True
                    return
                yield line

        reader = csv.reader(lines(), delimiter=self.delimiter)
        row = 1
        try:
            # the first rows, among which the reader looks for the header: not cut
            for cells in itertools.islice(reader, SCAN_ROWS):
                if over:
                    break
                yield cells
                row += 1
                used = 0
            cap = MAX_ROW_CHARS
            width = sys.maxsize if self.width is None else self.width  # set by the reader by now
            wide = self.wide
            for cells in reader:
                if over:
                    break
                if len(cells) > width:
                    if message := too_many_cells(cells, width, self.hint()):
                        wide[row + self.row_offset] = message
                    cells = cells[:width]  # noqa: PLW2901 - the cut row is what is read
                yield cells
                row += 1
                used = 0
        except csv.Error as exc:
            self._stop(row, _csv_problem(exc))
            return
        if over:
            self._too_long(row, MAX_HEADER_CHARS if row <= SCAN_ROWS else MAX_ROW_CHARS)

    def _too_long(self, row: int, limit: int) -> None:
        what = "header row" if row == 1 else "row"
        among = (
            f", the most for the first {SCAN_ROWS} rows, where the header is looked for"
            if 1 < row <= SCAN_ROWS
            else ""
        )
        self._stop(
            row,
            f"the {what} is longer than {limit:,} characters{among} ({_OPEN_QUOTE}?); "
            f"expected a shorter {what}; {_NOT_READ}",
        )


def _csv_problem(exc: csv.Error) -> str:
    """The message for what the ``csv`` module could not read."""
    text = str(exc)
    if "field limit" in text:
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters ({_OPEN_QUOTE}?); "
            f"expected shorter cells; {_NOT_READ}"
        )
    return f"the CSV cannot be read here ({text}); {_NOT_READ}"
