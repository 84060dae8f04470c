"""The IKM worksheet as an Excel workbook: the grid streamed, then the results, the profile.

[`write_workbook()`][write_workbook] takes the worksheet's parts as plain tables and rows,
so that it needs nothing of the worksheet class: ``IkmWorksheet.to_xlsx`` hands them over.
The grid of every respondent is streamed into its sheet (see ``XlsxSheet.stream``);
a sheet holds 1,048,576 rows, so a grid of more than [`GRID_SHEET_ROWS`][GRID_SHEET_ROWS]
respondents goes on over several sheets, ``Pengolahan 1``, ``Pengolahan 2``, ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from ppid_core._export import XlsxBook, XlsxSheet, XlsxTarget, column_widths
from ppid_core._tables import Table

__all__ = ["GRID_SHEET_ROWS", "WorkbookParts", "write_workbook"]

#: Respondents per sheet of the workbook's grid (a sheet holds 1,048,576 rows).
GRID_SHEET_ROWS = 1_000_000
_LABELS = 34  # the width of the first column, which also holds the labels under the grid


@attrs.frozen(kw_only=True)
class WorkbookParts:
    """What the workbook shows.

    Attributes:
        title: The heading of the grid and result sheets.
        source: Where the answers came from.
        respondents: Questionnaires counted.
        columns: The grid's header.
        rows: ``rows(count, start)``: ``count`` rows of the grid from respondent ``start``.
        grid_rows: The rows the grid has (0 when the answers were not kept).
        footer: The rows under the grid (sums, NRR, weighted NRR, IKM).
        results: The tables of the sheet ``Hasil``.
        notes: Lines under them.
        profile: The tables of the sheet ``Profil responden``.
    """

    title: str
    source: str
    respondents: int
    columns: tuple[str, ...]
    rows: Callable[[int, int], Iterable[Sequence[int | str | None]]]
    grid_rows: int
    footer: Sequence[Sequence[object]]
    results: Sequence[Table]
    notes: Sequence[str]
    profile: Sequence[Table]


def write_workbook(parts: WorkbookParts, file: XlsxTarget) -> None:
    """Write the sheets ``Pengolahan`` (or several), ``Hasil`` and ``Profil responden``.

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    book = XlsxBook()
    _grid(book, parts)
    hasil = book.sheet("Hasil", widths=(40, *(14,) * (len(parts.columns) - 1)), landscape=True)
    hasil.add((parts.title,), bold=True, size=12)
    hasil.add((f"Sumber: {parts.source}",))
    for table in parts.results:
        hasil.blank()
        _add_table(hasil, table)
    hasil.blank()
    for note in parts.notes:
        hasil.add((note,))
    profile = book.sheet("Profil responden", widths=(30, 12, 16))
    for table in parts.profile:
        _add_table(profile, table)
        profile.blank()
    book.save(file)


def _grid(book: XlsxBook, parts: WorkbookParts) -> None:
    widths = column_widths(parts.columns, list(parts.rows(50, 0)))
    widths[0] = max(widths[0], _LABELS)
    total = parts.grid_rows
    start, part = 0, 1
    while True:
        count = min(GRID_SHEET_ROWS, total - start)
        name = "Pengolahan" if total <= GRID_SHEET_ROWS else f"Pengolahan {part}"
        sheet = book.sheet(name, widths=widths, freeze=3, landscape=True)
        sheet.add((parts.title,), bold=True, size=12)
        sheet.add((f"Sumber: {parts.source}; {parts.respondents:,} responden",))
        sheet.add(parts.columns, bold=True)
        sheet.stream(parts.rows(count, start), count)
        start += count
        if start >= total:
            for row in parts.footer:
                sheet.add(row, bold=True)
            return
        part += 1


def _add_table(sheet: XlsxSheet, table: Table) -> None:
    if table.title:
        sheet.add((table.title,), bold=True)
    sheet.add(table.columns, bold=True)
    for row in table.rows:
        sheet.add(row)
