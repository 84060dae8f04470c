"""Rows streamed into a workbook's sheet XML (private; see `ppid_core._export`).

A sheet of a million rows is written by openpyxl as one placeholder row; when the
workbook is saved, the sheet's XML is copied with that row replaced by the streamed rows
(whole numbers, text and blanks) written straight as SheetML, and the rows after it
renumbered. Text goes through [`cell_text()`][ppid_core._xlsx_cells.cell_text], as every
text cell does.

References:
    ECMA-376 Part 1 (SpreadsheetML: rows, inline strings, cell references).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import IO

from ppid_core._i18n import _
from ppid_core._xlsx_cells import cell_text, xml_escape
from ppid_core.errors import InvalidArgumentError

__all__ = ["splice_streams"]

_ROW_NUMBER = re.compile(r'<row r="(\d+)"')
_CELL_REFS = re.compile(r'(<row r="|<c r="[A-Z]+)(\d+)"')
_CHUNK = 4096  # rows per write
_PATTERNS = 4_096  # row patterns kept (each some hundred characters): a few MiB at most


def splice_streams(
    xml: str,
    tokens: list[str],
    streams: Mapping[str, tuple[Iterable[Sequence[int | str | None]], int]],
    fh: IO[bytes],
) -> None:
    """Write a sheet's XML with each placeholder row replaced by its stream's rows, and
    the rows after it renumbered.

    Args:
        xml: The sheet's XML as openpyxl wrote it.
        tokens: The placeholders it holds, each the only text of its row.
        streams: Each placeholder's rows and their announced number.
        fh: Where the sheet's XML goes.

    Raises:
        InvalidArgumentError: A stream has another number of rows than announced.
    """
    shift = 0
    at = 0
    for token in sorted(tokens, key=xml.index):
        found = xml.index(token)
        begin = xml.rindex("<row ", 0, found)
        end = xml.index("</row>", found) + len("</row>")
        number = int(_ROW_NUMBER.match(xml, begin)[1])  # type: ignore[index]
        fh.write(_renumber(xml[at:begin], shift).encode())
        rows, count = streams[token]
        _write_rows(fh, rows, number + shift, count)
        shift += count - 1
        at = end
    fh.write(_renumber(xml[at:], shift).encode())


def _renumber(xml: str, shift: int) -> str:
    """Row numbers in ``xml`` (rows and cell references) moved by ``shift``."""
    if not shift:
        return xml
    return _CELL_REFS.sub(lambda m: f'{m[1]}{int(m[2]) + shift}"', xml)


def _cell_xml(letter: str, value: int | str, number: str) -> str:
    """One cell of a streamed row (``number``: its row number, or a mark put in later)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{letter}{number}"><v>{value}</v></c>'
    text = xml_escape(cell_text(str(value)))
    return f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _write_rows(
    fh: IO[bytes], rows: Iterable[Sequence[int | str | None]], first: int, count: int
) -> None:
    """Write ``count`` rows as SheetML, numbered from ``first``.

    A row is its first cell (a respondent's number) and the rest (the scores). The XML of
    the rest is made once per distinct rest of whole numbers (a few hundred patterns of
    scores), split where the row number goes (a NUL, which text cells never hold: they
    escape control characters), so a row of a long grid costs a look-up and a join.

    Raises:
        InvalidArgumentError: ``rows`` has another number of rows than announced.
    """
    letters = [_letter(i) for i in range(1, 17)]
    made: dict[tuple[int | str | None, ...], list[str]] = {}
    lines: list[str] = []
    number = first
    for row in islice(rows, count + 1):
        while len(letters) < len(row):
            letters.append(_letter(len(letters) + 1))
        rest = tuple(row[1:])
        parts = made.get(rest)
        if parts is None:
            parts = "".join(
                _cell_xml(letters[j], v, "\0") for j, v in enumerate(rest, start=1) if v is not None
            ).split("\0")
            if len(made) < _PATTERNS and all(type(v) is not str for v in rest):
                made[rest] = parts
        n = str(number)
        head = "" if not row or row[0] is None else _cell_xml("A", row[0], n)
        lines.append(f'<row r="{n}">{head}{n.join(parts)}</row>')
        number += 1
        if len(lines) >= _CHUNK:
            fh.write("".join(lines).encode())
            lines.clear()
    fh.write("".join(lines).encode())
    if number - first != count:
        msg = _("expected {count:,} rows to write, got {written:,}").format(
            count=count, written=number - first
        )
        raise InvalidArgumentError(msg)


def _letter(column: int) -> str:
    """The letters of a column number (1: A, 27: AA)."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out
