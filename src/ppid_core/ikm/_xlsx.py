"""Reading respondents from an Excel workbook (optional extra ``excel``: openpyxl)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from ppid_core._optional import import_optional
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._read import MissingPolicy, read_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._rows import cell_text
from ppid_core.ikm._survey import Survey

__all__ = ["read_xlsx"]


def _rows(values: Iterator[tuple[object, ...]]) -> Iterator[list[str]]:
    """Cells as text; fully empty rows are held back and dropped only at the end of the
    sheet (formatting leaves them there), while an empty row between data is kept so it
    is reported."""
    pending: list[list[str]] = []
    for raw in values:
        row = [cell_text(v) for v in raw]
        if not any(c.strip() for c in row):
            pending.append(row)
            continue
        yield from pending
        pending.clear()
        yield row


def read_xlsx(
    path: str | Path,
    *,
    sheet: str | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """Read respondents from the first (or the named) sheet of an ``.xlsx`` workbook.

    Needs ``pip install 'ppid-core[excel]'``. Whole-number cells are scores; ``3.5`` or
    text that is not an answer label is an error; see :func:`read_records`.

    Raises:
        MissingExtraError: openpyxl is not installed.
        DataFileError: Every bad header and cell, located.
        UnknownNameError: No sheet of that name.
    """
    openpyxl = import_optional("openpyxl", "excel")
    p = Path(path)
    wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            msg = f"no sheet {sheet!r} in {p}; sheets: {', '.join(wb.sheetnames)}"
            raise UnknownNameError(msg)
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        rows = _rows(ws.iter_rows(values_only=True))
        header = next(rows, None)
        if header is None:
            err = LocatedError("the sheet is empty; expected a header row", source=str(p), row=1)
            raise DataFileError.from_errors(str(p), [err])
        return read_records(
            header, rows, source=str(p), regime=regime, columns=columns, missing=missing, by=by
        )
    finally:
        wb.close()
