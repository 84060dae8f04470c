"""Rows of an XLSX register as text cells (optional extra ``excel``: openpyxl)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ppid_core._optional import import_optional

__all__ = ["xlsx_rows"]


def xlsx_rows(path: Path) -> Iterator[list[str]]:
    """The first sheet's rows as text: dates as ISO, whole floats without ``.0``.

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    openpyxl = import_optional("openpyxl", "excel")
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            row: list[str] = []
            for v in values:
                if v is None:
                    row.append("")
                elif isinstance(v, dt.datetime):
                    row.append(v.date().isoformat())
                elif isinstance(v, dt.date):
                    row.append(v.isoformat())
                elif isinstance(v, float) and v.is_integer():
                    row.append(str(int(v)))
                else:
                    row.append(str(v))
            yield row
    finally:
        book.close()
