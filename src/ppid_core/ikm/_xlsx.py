"""Reading respondents from an Excel workbook (optional extra ``excel``: openpyxl)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ppid_core._i18n import _
from ppid_core._source import FileInput, read_source, source_name
from ppid_core._xlsx import open_sheet
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm._open import Options, read_rows
from ppid_core.ikm._reader import MissingPolicy, chunk_size
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["read_xlsx_source"]


def _rows(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """Fully empty rows are held back and dropped only at the end of the sheet
    (formatting leaves them there), while an empty row between data is kept so it
    is reported."""
    pending: list[list[str]] = []
    for row in rows:
        if not any(c.strip() for c in row):
            pending.append(row)
            continue
        yield from pending
        pending.clear()
        yield row


def read_xlsx_source(
    file: FileInput,
    *,
    source: str | None = None,
    sheet: str | None = None,
    include_hidden: bool = False,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
) -> Survey:
    """Read respondents from the first visible (or the named) sheet of an ``.xlsx`` workbook.

    Needs ``pip install 'ppid-core[excel]'``. Whole-number cells are scores; ``3.5`` or
    text that is not an answer label is an error. The header is found among the first
    rows, below a title (a merged title cell reads as its first cell) and blank rows,
    over one row or two (a merged group cell over its sub-columns). The survey's
    ``source`` names the sheet read (``survey.xlsx, sheet "SKM"``), and so does every
    error.

    Args:
        file: The workbook: a path, its bytes, or a binary file object.
        source: The name used in error messages (default: the path, or the file object's
            name, or ``"<bytes>"``).
        sheet: The sheet to read; default the first visible one (a hidden sheet is
            passed over).
        include_hidden: Count hidden rows as respondents; by default a hidden row that
            holds data is an error, since a filter or a hidden row is easy to overlook.
        regime: As for [`read_survey()`][ppid_core.ikm.read_survey].
        columns: As for [`read_survey()`][ppid_core.ikm.read_survey].
        missing: As for [`read_survey()`][ppid_core.ikm.read_survey].
        by: As for [`read_survey()`][ppid_core.ikm.read_survey].
        layout: As for [`read_survey()`][ppid_core.ikm.read_survey].

    Raises:
        MissingExtraError: openpyxl is not installed.
        DataFileError: Every bad header and cell, located, together with hidden rows and
            formulas without a saved value; or the file is not a readable workbook.
        UnknownNameError: No sheet of that name; or as for
            [`read_survey()`][ppid_core.ikm.read_survey].
        OSError: The file cannot be opened.
    """
    name = source_name(file, source)
    book: Path | bytes
    if isinstance(file, str | os.PathLike):
        book = Path(file)
    else:
        book = read_source(file, source=name, max_bytes=None)[0]
    options = Options.make(
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
    )
    with open_sheet(
        book, sheet=sheet, include_hidden=include_hidden, defer_errors=True, source=name
    ) as ws:
        rows = _rows(ws)
        try:
            table = read_rows(rows, source=ws.source, options=options, pad=True)
            if table is None:
                ws.raise_errors()  # a sheet of hidden or formula-only rows is not "empty"
                err = LocatedError(
                    _("the sheet is empty; expected a header row"), source=ws.source, row=1
                )
                raise DataFileError.from_errors(ws.source, [err])
            opened, rest, row = table
            opened.feed(rest, row, chunk_size())
            survey = opened.survey()
        except DataFileError as exc:
            for _row in rows:  # read to the end: hidden rows are known only then
                pass
            ws.raise_errors([e for e in exc.exceptions if isinstance(e, LocatedError)])
            raise
        ws.raise_errors()
        return survey
