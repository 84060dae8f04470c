"""Rows of an XLSX register as text cells (optional extra ``excel``: openpyxl)."""

from __future__ import annotations

from pathlib import Path

from ppid_core._xlsx import SheetRows, open_sheet

__all__ = ["xlsx_rows"]


def xlsx_rows(
    path: str | Path | bytes,
    sheet: str | None = None,
    *,
    include_hidden: bool = False,
    defer_errors: bool = False,
    source: str | None = None,
) -> SheetRows:
    """The rows of the first visible (or the named) sheet as text.

    Dates are ISO (``2024-06-04``), a date cell with a time of day keeps it
    (``2024-06-04 23:30``), whole numbers have no ``.0``; see `ppid_core._xlsx`.
    The result iterates like a list of rows and says which sheet it read
    (`name`); its
    `source` (``register.xlsx, sheet "2024"``) is the
    location to give the register's own errors.

    Args:
        path: The workbook: a path, or its content as bytes.
        sheet: The sheet to read; default the first visible one.
        include_hidden: Read hidden rows as data instead of refusing them.
        defer_errors: Keep hidden rows and formulas without a saved value in
            ``errors`` for ``raise_errors(register_errors)`` (one report with the
            register's own errors) instead of raising them at the end of the sheet.
        source: The file name for error locations (default the file's name, as the
            register's CSV reader gives it, or ``"<bytes>"``).

    Raises:
        MissingExtraError: openpyxl is not installed.
        DataFileError: The file is not a readable workbook; hidden rows holding data or
            formulas without a saved value (at the end of the sheet, unless deferred).
        UnknownNameError: No sheet of that name.
        OSError: The file cannot be opened.
    """
    return open_sheet(
        path,
        sheet=sheet,
        include_hidden=include_hidden,
        defer_errors=defer_errors,
        source=source or ("<bytes>" if isinstance(path, bytes) else Path(path).name),
    )
