"""The columnar IKM reader (optional extra ``polars``): polars parses, ppid-core decides.

``read_survey(path, engine="polars")`` gives the survey the pure reader gives, byte for
byte: the same tally, profile, kept columns and notes, and the same located errors. It
reuses the pure reader's opening (encoding checks, delimiter, header found among the
first rows, column plan) and vectorises only the counting
(`ppid_core.ikm._columnar_count`). Whatever the fast path cannot decide goes to the
pure reader, which reads the whole file again and locates every problem:

- what the file's bytes make ambiguous: a quote anywhere (the csv module's quoting
  rules), a lone CR, text that is not UTF-8 (cp1252 is read by the pure reader, with its
  note), a row of the wrong width, a blank line, a cell over ``csv.field_size_limit()``;
- a layout other than one row per questionnaire, a file of at most 30 data rows;
- any unsur cell that is not a score or an answer label (a blank, a typo): the pure
  reader's messages, rows and columns, all at once.

A well-formed big file, the case that pays, never reaches the pure reader. polars uses
``POLARS_MAX_THREADS`` threads (default: every core), read when polars is imported.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from ppid_core._optional import import_optional
from ppid_core._source import FileInput, open_csv_source, read_source, source_name
from ppid_core._textio import text_note
from ppid_core.errors import DataFileError
from ppid_core.ikm._columnar_count import count_frame
from ppid_core.ikm._csv import read_csv_source, read_head
from ppid_core.ikm._open import HEAD_ROWS, Opened, Options
from ppid_core.ikm._reader import MissingPolicy, Reader
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["Plain", "plain_lines", "read_csv_with_polars"]

_BLOCK = 1 << 22  # bytes scanned at a time
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


@attrs.frozen(kw_only=True)
class Plain:
    """The data lines of a file that the csv module and polars read alike.

    Attributes:
        size: The file's bytes.
        start: The bytes before the data lines (titles and header).
        delimiters: The delimiters in the data lines.
        breaks: The bytes of their line endings (``\\n`` or ``\\r\\n``).
    """

    size: int
    start: int
    delimiters: int
    breaks: int


def plain_lines(raw: BinaryIO, skip: int, delimiter: bytes) -> Plain | None:
    """What polars must agree with in a file's data lines, those after its first ``skip``
    lines; ``None`` when a line could be read differently by the csv module and polars (a
    quote anywhere, a CR that does not end a CRLF line ending).

    >>> plain_lines(io.BytesIO(b"Title\\nA,B\\n1,2\\r\\n3,4"), 2, b",")
    Plain(size=18, start=10, delimiters=2, breaks=2)
    >>> plain_lines(io.BytesIO(b'A,B\\n"1",2\\n'), 1, b",") is None
    True
    """
    start = 0
    for _ in range(skip):
        line = raw.readline()
        start += len(line)
        if b'"' in line or line.count(b"\r") != line.count(b"\r\n"):
            return None
    size, delims, breaks = start, 0, 0
    while block := raw.read(_BLOCK):
        if block.endswith(b"\r"):  # its LF, if any, is in the next block
            block += raw.read(1)
        size += len(block)
        if b'"' in block:
            return None
        if b"\r" in block:
            crs = block.count(b"\r")
            if crs != block.count(b"\r\n"):
                return None
            breaks += crs
        delims += block.count(delimiter)
        breaks += block.count(b"\n")
    return Plain(size=size, start=start, delimiters=delims, breaks=breaks)


def read_csv_with_polars(
    file: FileInput,
    *,
    source: str | None = None,
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
) -> Survey:
    """Read a CSV of respondents with polars: the survey the pure reader gives.

    Arguments as for `read_csv_source()`. The header, the plan and every error are the
    pure reader's; polars only parses the data rows of a well-formed file and counts
    them (see the module docstring for what goes to the pure reader).

    Raises:
        MissingExtraError: polars is not installed.
        DataFileError: Every bad header and cell, located (as the pure reader says it).
        UnknownNameError: As `read_csv_source()`.
    """
    pl = import_optional("polars", "polars")
    options: dict[str, Any] = {
        "regime": regime,
        "columns": columns,
        "missing": missing,
        "by": by,
        "layout": layout,
        "row_offset": row_offset,
    }
    name = source_name(file, source)
    data: Path | bytes = (
        Path(file)
        if isinstance(file, str | os.PathLike)
        else read_source(file, source=name, max_bytes=None)[0]
    )

    def pure() -> Survey:
        return read_csv_source(data, source=name, delimiter=delimiter, encoding=encoding, **options)

    try:
        utf8 = _codec(encoding) in _UTF8
    except LookupError:
        return pure()  # unknown encoding: the pure reader names it
    if not utf8 or (delimiter is not None and (len(delimiter) != 1 or not delimiter.isascii())):
        return pure()
    reading = Options.make(**options)
    try:
        with open_csv_source(data, source=name) as fh:
            if fh.encoding not in _UTF8:
                return pure()
            delim, head, rows = read_head(fh, delimiter, name)
            note = text_note(fh)
    except DataFileError:
        return pure()  # not text, or empty: said by the pure reader, located
    planner = reading.planner()
    found = planner.detect(head)
    if found is None or rows.error is not None or len(head) < HEAD_ROWS or delim in '"\r\n':
        return pure()
    try:
        opened = Opened(found, name, reading, planner=planner)
    except DataFileError:
        return pure()  # the header's errors, said by the pure reader
    reader = opened.reader
    if not isinstance(reader, Reader):
        return pure()  # a long layout
    with data.open("rb") if isinstance(data, Path) else io.BytesIO(data) as raw:
        plain = plain_lines(raw, found.data_start, delim.encode("ascii"))
    if plain is None:
        return pure()
    notes = () if note is None else (note,)
    for typed in (True, False) if reader.digits else (False,):
        frame = _parse(pl, data, delim, found.data_start, reader, typed=typed)
        if frame is None:
            continue  # not one digit in every unsur cell: read it all as text
        checked = _checked(pl, frame, plain, reader, typed=typed)
        if checked is None:
            return pure()
        if checked:
            survey = count_frame(frame, opened, single=checked, typed=typed, notes=notes)
            return pure() if survey is None else survey
    return pure()


def _parse(
    pl: Any, data: Path | bytes, delim: str, skip: int, reader: Reader, *, typed: bool
) -> Any:
    """The data rows as a polars frame: every cell text, or with ``typed`` the unsur as
    ``UInt8``; ``None`` when polars cannot read them so."""
    width = len(reader.header)
    schema = {f"c{i}": pl.String for i in range(width)}
    if typed:
        schema.update({f"c{i}": pl.UInt8 for i in reader.idx})
    try:
        return pl.read_csv(
            data if isinstance(data, Path) else io.BytesIO(data),
            has_header=False,
            separator=delim,
            quote_char=None,
            skip_lines=skip,
            schema=schema,
            empty_string_is_null=False,
            truncate_ragged_lines=False,
            encoding="utf8",
        )
    except pl.exceptions.PolarsError:  # a row too long, a cell not a number, not UTF-8
        return None


def _checked(
    pl: Any, frame: Any, plain: Plain, reader: Reader, *, typed: bool
) -> list[bool] | None:
    """Per column, whether every cell is one byte long, when the frame holds the file's
    rows as the pure reader reads them; ``[]`` when the typed unsur columns are not one
    digit each (read again as text), ``None`` when the pure reader must read the file.

    A blank or short line is a row of blank cells to polars: the count of delimiters
    tells it. A typed unsur cell is one digit of the scale when it is in the scale's
    range and the bytes of the file add up to one byte per such cell.
    """
    width, height = len(reader.header), frame.height
    if not height or plain.delimiters != height * (width - 1):
        return None
    text = [c for c, dtype in zip(frame.columns, frame.dtypes, strict=True) if dtype == pl.String]
    numbers = [c for c in frame.columns if c not in text]
    found = frame.select(
        *(pl.col(c).str.len_bytes().min().alias(f"{c}<") for c in text),
        *(pl.col(c).str.len_bytes().max().alias(f"{c}>") for c in text),
        *(pl.col(c).str.len_bytes().sum().alias(f"{c}+") for c in text),
        *(pl.col(c).min().alias(f"{c}<") for c in numbers),
        *(pl.col(c).max().alias(f"{c}>") for c in numbers),
        *(pl.col(c).null_count().alias(f"{c}0") for c in numbers),
    ).to_dicts()[0]
    if any(found[f"{c}>"] > csv.field_size_limit() for c in text):
        return None
    if numbers:
        cells = plain.size - plain.start - plain.delimiters - plain.breaks
        cells -= sum(found[f"{c}+"] for c in text)
        low, high = reader.regime.scale_minimum, reader.regime.scale_maximum
        if (
            any(found[f"{c}0"] for c in numbers)
            or cells != height * len(numbers)
            or min(found[f"{c}<"] for c in numbers) < low
            or max(found[f"{c}>"] for c in numbers) > high
        ):
            return []
    return [c in numbers or found[f"{c}<"] == found[f"{c}>"] == 1 for c in frame.columns]


def _codec(encoding: str) -> str:
    import codecs  # noqa: PLC0415 - only a call with an encoding needs it

    return codecs.lookup(encoding).name
