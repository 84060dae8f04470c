"""Rows of a CSV register, read within limits: a problem is a located error, never a traceback.

The file is opened with `ppid_core._textio.open_csv_text()` (a workbook, UTF-16,
binary or non-UTF-8 file gets a located error). The delimiter is the one the header uses
more: ``;`` (as spreadsheets write CSV under an Indonesian locale) or ``,``.

Limits, so that a damaged file costs little (a 100 MB file whose one line is the header
once took 92 s and 6 GB):

- the header row: at most [`MAX_HEADER_CHARS`][MAX_HEADER_CHARS] characters;
- any other row: at most [`MAX_ROW_CHARS`][MAX_ROW_CHARS] characters (a quote left open makes the
  rest of the file one row);
- a cell: at most the ``csv`` module's field limit (131,072 characters by default).

A row past a limit, or text the ``csv`` module cannot read, ends the reading: it is
reported with its row, together with every problem found in the rows before it.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from typing import TextIO

from ppid_core.errors import LocatedError
from ppid_core.requests._register_layout import too_many_cells

__all__ = ["MAX_HEADER_CHARS", "MAX_ROW_CHARS", "CsvRows"]

MAX_HEADER_CHARS = 65_536
"""Characters a header row may have (the register layout's header has about 200)."""
MAX_ROW_CHARS = 1_048_576
"""Characters any other row may have (line ends and quoted line breaks included)."""

_NOT_READ = "the file was not read past this row"
_OPEN_QUOTE = "a quote left open runs to the next quote, over rows"


class CsvRows:
    """The rows of an open CSV text file, as lists of cell texts.

    Iterate once. A row longer than the header (the first row) is cut to it, and the
    message about its cells beyond the header, if they hold anything, is kept in
    [`wide`][wide] (a row of a million cells then costs no more than a short one). When the
    reading stops early, [`error`][error] says where and why; the rows before it were given.

    Attributes:
        error: Why the reading stopped early, or ``None``.
        delimiter: The delimiter used (known once the header was read).
        wide: By row number, the message about cells beyond the header, for the rows cut.
    """

    def __init__(self, fh: TextIO, source: str) -> None:
        self.fh = fh
        self.source = source
        self.error: LocatedError | None = None
        self.delimiter = ","
        self.wide: dict[int, str] = {}

    def _stop(self, row: int, message: str) -> None:
        self.error = LocatedError(message, source=self.source, row=row)

    def hint(self) -> str:
        """Why a row may have more cells than its header, and the cure."""
        what = "semicolon" if self.delimiter == ";" else "comma"
        return (
            f"; a {what} inside a cell (a degree after a name: 'Nama, S.T.') splits the cell "
            "and shifts the cells after it: put such a cell in double quotes"
        )

    def __iter__(self) -> Iterator[list[str]]:
        readline = self.fh.readline
        first = readline(MAX_HEADER_CHARS + 1)
        if len(first) > MAX_HEADER_CHARS:
            self._stop(
                1,
                f"the header row is longer than {MAX_HEADER_CHARS:,} characters; expected "
                "the register's column names (its header has about 200); the file was not read",
            )
            return
        if not first:
            return
        self.delimiter = ";" if first.count(";") > first.count(",") else ","
        used = len(first)  # characters of the row being read
        limit = MAX_HEADER_CHARS
        over = False  # the row being read ran past its limit: the lines stopped

        def lines() -> Iterator[str]:
            # the csv reader then sees the end of the file; what it gives of that row
            # is not used
            nonlocal used, over
            yield first
            for line in iter(functools.partial(readline, MAX_ROW_CHARS + 1), ""):
                used += len(line)
                if used > limit:
                    over = True
                    return
                yield line

        reader = csv.reader(lines(), delimiter=self.delimiter)
        row = 1
        wide = self.wide
        try:
            header = next(reader, None)
            if over:
                self._too_long(row, limit)
            if header is None or over:
                return
            yield header
            width = len(header)
            row = 2
            used = 0
            limit = MAX_ROW_CHARS
            for cells in reader:
                if over:
                    break
                if len(cells) > width:
                    if message := too_many_cells(cells, width, self.hint()):
                        wide[row] = message
                    cells = cells[:width]  # noqa: PLW2901 - the cut row is what is read
                yield cells
                row += 1
                used = 0
        except csv.Error as exc:
            self._stop(row, _csv_problem(exc))
            return
        if over:
            self._too_long(row, limit)

    def _too_long(self, row: int, limit: int) -> None:
        what = "header row" if row == 1 else "row"
        self._stop(
            row,
            f"the {what} is longer than {limit:,} characters ({_OPEN_QUOTE}?); "
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
