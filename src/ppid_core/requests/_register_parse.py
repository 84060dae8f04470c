"""Reading a register's rows: its header found, each row read, the whole file's messages.

[`parse_rows()`][parse_rows] is what every register reader ends in (CSV, XLSX, rows in
memory). It finds the header among the first rows (`ppid_core.requests._register_header`),
then reads the rows below in chunks: column by column where a chunk has nothing to report
(`ppid_core.requests._register_columns`), row by row otherwise
(`ppid_core.requests._register_rows`). Both readings give the same register, warnings and
errors in the same order (a Hypothesis law checks it, whatever the chunk size).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ppid_core._headers import SCAN_ROWS
from ppid_core._i18n import N_, _
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.requests._layouts import FIELDS, Layout
from ppid_core.requests._register_columns import Columns
from ppid_core.requests._register_header import (
    column_numbers,
    header_errors,
    match_header,
    no_header,
    ranges,
)
from ppid_core.requests._register_layout import too_many_cells
from ppid_core.requests._register_rows import Rows

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import DecisionTable
    from ppid_core.requests._register_csv import CsvRows
    from ppid_core.requests._register_model import Register

__all__ = ["CHUNK", "DEFAULT_ZONE", "check_text", "parse_rows"]

CHUNK = 256  # rows per chunk: small enough that a chunk does not wake the garbage collector
DEFAULT_ZONE = "Asia/Jakarta"
"""The office's zone when no calendar is given (``WorkCalendar.indonesia()``'s default)."""


def parse_rows(
    rows: Iterable[Sequence[str]],
    *,
    source: str,
    calendar: WorkCalendar | None,
    layouts: Sequence[Layout],
    chosen: Mapping[str, tuple[str, str]],
    decisions: DecisionTable,
    source_zone: str | None = None,
    chunk_size: int = CHUNK,
    column_wise: bool = True,
    reader: CsvRows | None = None,
    row_offset: int = 0,
) -> Register:
    """The register of ``rows``, its header among the first of them.

    Args:
        rows: The rows, as text cells, from the first row of the file or sheet.
        source: Name used in error messages.
        calendar: When given, dates outside its years are refused; its zone is the
            office's.
        layouts: The layouts to try, in the order a tie is settled.
        chosen: The caller's column choices (`ppid_core.requests._layouts.check_columns()`).
        decisions: The decision table.
        source_zone: The zone times without one were stored in, if not the office's.
        chunk_size: Rows per chunk of the column-wise reading (the result does not
            depend on it).
        column_wise: Whether to try the column-wise reading at all (``False``: every
            row is read one by one; the result is the same).
        reader: The CSV reader ``rows`` is: once the header is found its later rows come
            cut to it (the messages about what was cut in its ``wide``), and its error,
            if it stopped early, is reported with the others.
        row_offset: Rows of the whole file before this part's data rows: every data row
            (not the header) is numbered that much further, so that a partition of a file
            names its rows as the whole file does.

    Raises:
        DataFileError: Every problem of the rows, located.
        UnknownNameError: A chosen column is not in the header.
        TypeError: A cell is not text.
    """
    it = iter(rows)
    head = list(itertools.islice(it, SCAN_ROWS))

    data_after = sys.maxsize  # the last row that is not data (the header's), once found

    def stopped() -> list[LocatedError]:
        if reader is None or reader.error is None:
            return []
        error = reader.error
        if row_offset and error.row is not None and error.row > data_after:
            error = LocatedError(error.message, source=error.source, row=error.row + row_offset)
        return [error]

    if not head:
        errors = stopped() or [
            LocatedError(_("empty file; expected a header row"), source=source, row=1)
        ]
        raise DataFileError.from_errors(source, errors)
    for rowno, row in enumerate(head, start=1):
        check_text(row, rowno, source)
    match = match_header(head, layouts, chosen, source=source)
    if match is None:
        raise DataFileError.from_errors(source, [no_header(source, layouts, len(head)), *stopped()])
    found = match.header
    errors = header_errors(match, source, found.first + 1)
    if "received" not in match.fields:
        raise DataFileError.from_errors(source, [*errors, *stopped()])
    start = found.data_start
    numbering = start < len(head) and column_numbers(head[start])
    start += numbering
    data_after = start
    width = len(match.names)
    index: dict[str, int] = {}
    for i, field in enumerate(match.fields):
        if field is not None:
            index.setdefault(field, i)
    rd = Rows(
        source,
        calendar,
        index,
        match.names,
        decisions=decisions,
        accepted=match.accepted,
        two_rows=found.count == 2,
        unnamed=tuple(i for i, name in enumerate(match.names) if not name),
        office_zone=calendar.zone if calendar is not None else DEFAULT_ZONE,
        source_zone=source_zone,
    )
    rd.errors += errors
    hint = ""
    if reader is not None:  # its later rows come cut to the header, their messages kept
        reader.width = width
        reader.row_offset = row_offset
        rd.wide = reader.wide
        hint = reader.hint()
    by_column = Columns(rd).read
    one_by_one = rd.read
    first = start + 1 + row_offset
    body = itertools.chain(head[start:], it)
    while chunk := list(itertools.islice(body, chunk_size)):
        if max(map(len, chunk)) > width:
            _fit(chunk, first, width, rd.wide, hint)
        try:
            if not (column_wise and by_column(chunk, first)):
                one_by_one(chunk, first)
        except (TypeError, AttributeError):
            for rowno, row in enumerate(chunk, start=first):
                check_text(row, rowno, source)
            raise
        first += len(chunk)
    rd.errors += stopped()
    if rd.errors:
        raise DataFileError.from_errors(source, rd.errors)
    notes = _notes(
        head,
        match.header.first,
        numbering=numbering,
        start=start,
        index=index,
        source_zone=source_zone,
        rd=rd,
    )
    notes += [
        N_('column "{column}" read as {field}, as chosen (--map)').format(
            column=column, field=field
        )
        for column, field in match.chosen
    ]
    order = {f: n for n, f in enumerate(FIELDS)}
    return rd.columns.register(
        source=source,
        columns=frozenset(match.names[i] for i in index.values()),
        header_rows=rd.header_rows,
        blank_rows=rd.blank_rows,
        repairs=rd.repairs,
        ignored_columns=[
            n for n, f in zip(match.names, match.fields, strict=True) if n and f is None
        ],
        fields=frozenset(index),
        layout=match.layout.name,
        header_row=found.describe(),
        column_names=sorted(
            ((f, match.names[i]) for f, i in index.items()), key=lambda p: order[p[0]]
        ),
        notes=notes,
        warnings=rd.warnings,
    )


def _notes(
    head: Sequence[Sequence[str]],
    top: int,
    *,
    numbering: bool,
    start: int,
    index: Mapping[str, int],
    source_zone: str | None,
    rd: Rows,
) -> list[str]:
    """What the reading passed over or assumed, for the report."""
    notes: list[str] = []
    above = [r for r in range(1, top + 1) if any(c.strip() for c in head[r - 1])]
    if above:
        above_header = (
            N_("row above the header not read (a title, notes): {rows}")
            if len(above) == 1
            else N_("rows above the header not read (a title, notes): {rows}")
        )
        notes.append(above_header.format(rows=ranges(above)))
    if numbering:
        notes.append(
            N_("row {row} numbers the columns (1, 2, 3, ...): not a request").format(row=start)
        )
    if "number" not in index:
        notes.append(
            N_("the file has no register-number column: each request is numbered by its row")
        )
    if rd.moved:
        moved = (
            N_(
                "times written with a zone or stored as {source_zone} were moved to the "
                "office's zone ({zone}) before their date was taken"
            )
            if source_zone
            else N_(
                "times written with a zone or stored were moved to the office's zone ({zone}) "
                "before their date was taken"
            )
        )
        notes.append(moved.format(source_zone=source_zone, zone=rd.office_zone))
    return notes


def check_text(row: Sequence[object], rowno: int, source: str) -> None:
    """Refuse a cell that is not text (a programming error, not bad data)."""
    for i, cell in enumerate(row):
        if not isinstance(cell, str):
            msg = (
                f"{source}: row {rowno}, cell {i + 1} is {type(cell).__name__}; register cells "
                "are str, as a CSV reader gives them"
            )
            raise TypeError(msg)


def _fit(
    chunk: list[Sequence[str]], first: int, width: int, wide: dict[int, str], hint: str
) -> None:
    """Cut the chunk's rows to the header's width; keep the message about what was cut.

    A row's cells beyond the header are never read as data, so only the message about
    them is kept (the CSV reader does the same as it reads, see
    [`CsvRows`][ppid_core.requests._register_csv.CsvRows]).
    """
    for i, row in enumerate(chunk):
        if len(row) > width:
            if message := too_many_cells(row, width, hint):
                wide[first + i] = message
            chunk[i] = row[:width]
