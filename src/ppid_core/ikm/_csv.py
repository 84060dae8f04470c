"""Reading a CSV of respondents: a C-speed block path for plain files, the csv module for
quoted ones; the same validation and messages as every other reader.

One rule for both paths: a line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as the csv
module reads a file opened with ``newline=""``), and a cell holds at most
``csv.field_size_limit()`` characters (131,072 unless changed). A cell over the limit, or
anything else the csv module cannot read, ends the reading with a located error; the
errors of the rows before it are reported with it.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from typing import BinaryIO, TextIO

from ppid_core._source import FileInput, open_csv_source, read_source, source_name
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._read import MissingPolicy, Reader, chunk_size, feed_rows, make_reader
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["delimiter_of", "read_csv_source"]

_BLOCK = 1 << 22  # characters per block of a CSV file; read at call time
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


def delimiter_of(first_line: str) -> str:
    """The most frequent of ``,``, ``;`` and tab in the header line (``,`` if none)."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv_source(
    file: FileInput,
    *,
    source: str | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
    block: int | None = None,
    chunk: int | None = None,
    csv_module: bool = False,
) -> Survey:
    """Read a CSV of respondents, one row per questionnaire, one column per unsur.

    The delimiter (``,``, ``;`` or tab) is taken from the header line unless given. A path
    is streamed; bytes and a file object's content are read into memory first.

    Args:
        file: A path, the file's bytes, or a binary file object.
        source: The name used in error messages (default: the path, or the file object's
            name, or ``"<bytes>"``).
        regime: As for [`read_survey()`][ppid_core.ikm.read_survey].
        columns: As for [`read_survey()`][ppid_core.ikm.read_survey].
        missing: As for [`read_survey()`][ppid_core.ikm.read_survey].
        by: As for [`read_survey()`][ppid_core.ikm.read_survey].
        delimiter: The delimiter; default from the header line.
        encoding: The text encoding (default UTF-8, with or without a byte-order mark).
        block: Characters per block of the fast path (default 4 Mi).
        chunk: Rows per chunk of the validating reader (default 32,768).
        csv_module: Read every row with the csv module (what the fast path must agree
            with).

    Raises:
        DataFileError: Every bad header and cell, located (``file: row N, column "X"``);
            also a file that is not text in ``encoding`` (a workbook, UTF-16, binary data,
            a byte that is not UTF-8), or a cell the csv module refuses (over
            ``csv.field_size_limit()`` characters).
        UnknownNameError: A ``by`` column is not in the header (or holds personal data),
            ``missing`` names no policy, ``encoding`` is unknown, or ``delimiter`` is not a
            single character other than a quote or a line break.
        OSError: The file cannot be opened.
    """
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        msg = f"a delimiter is one character other than a quote or a line break, got {delimiter!r}"
        raise UnknownNameError(msg)
    block = _BLOCK if block is None else block
    chunk = chunk_size() if chunk is None else chunk
    name = source_name(file, source)
    with _open_text(file, name, encoding) as fh:
        first = fh.readline()
        if not first.strip():
            what = (
                "the file is empty; expected a header row"
                if not first
                else "a blank row; expected the header row first (delete the blank rows above it)"
            )
            err = LocatedError(what, source=name, row=1)
            raise DataFileError.from_errors(name, [err])
        delim = delimiter or delimiter_of(first)
        if csv_module or '"' in first:  # quoted header: the csv module reads the whole file
            rows = _CsvRows(chain([first], fh), delim, name, 1)
            header = next(rows, None)
            if header is None:  # the header row itself is unreadable
                raise DataFileError.from_errors(name, [rows.error or _unreadable(name, 1)])
            reader, by_names = make_reader(header, name, regime, columns, missing, by)
            feed_rows(reader, rows, 2, chunk)
            rows.report(reader)
            return reader.survey(by_names)
        header = first.rstrip("\r\n").split(delim)
        reader, by_names = make_reader(header, name, regime, columns, missing, by)
        reader.delimiter = delim
        _feed_text(reader, fh, delim, block=block, chunk=chunk)
        return reader.survey(by_names)


@contextlib.contextmanager
def _open_text(file: FileInput, source: str, encoding: str) -> Iterator[TextIO]:
    """The file as text: UTF-8 through the shared helper, another encoding as asked."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        msg = f"unknown encoding {encoding!r}; CSV files are read as UTF-8 by default"
        raise UnknownNameError(msg) from None
    if name in _UTF8:
        with open_csv_source(file, source=source) as fh:
            yield fh
        return
    raw: BinaryIO
    if isinstance(file, str | os.PathLike):
        raw = open(file, "rb")  # noqa: PTH123, SIM115 - a str or PathLike, closed below
    else:
        raw = io.BytesIO(read_source(file, source=source, max_bytes=None)[0])
    with raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as fh:
        try:
            yield fh
        except UnicodeDecodeError as exc:
            bad = exc.object[exc.start : exc.start + 1].hex().upper()
            message = f"byte 0x{bad} cannot be read as {encoding}; save the file as CSV UTF-8"
            err = LocatedError(message, source=source)
            raise DataFileError.from_errors(source, [err]) from None


def _unreadable(source: str, row: int, limit: int | None = None) -> LocatedError:
    """The located error of a row the csv module cannot read (the file stops there)."""
    limit = csv.field_size_limit() if limit is None else limit
    return LocatedError(
        f"a cell of more than {limit:,} characters, the most a CSV cell may hold (is a "
        "quote left open?); the rest of the file was not read",
        source=source,
        row=row,
    )


class _CsvRows(Iterator[list[str]]):
    """Rows from ``csv.reader``; a ``csv.Error`` ends them and is kept, located, in ``error``.

    After an error the csv module would go on in the middle of the bad row (inside an open
    quote, often), so nothing after it is read.
    """

    def __init__(self, lines: Iterable[str], delim: str, source: str, first_row: int) -> None:
        self._rows = csv.reader(lines, delimiter=delim)
        self.source = source
        self.row = first_row  # the row number of the next row
        self.error: LocatedError | None = None

    def __next__(self) -> list[str]:
        if self.error is not None:
            raise StopIteration
        try:
            row = next(self._rows)
        except csv.Error as exc:
            limit = csv.field_size_limit()
            if "field limit" in str(exc):
                self.error = _unreadable(self.source, self.row, limit)
            else:  # pragma: no cover - lines always end at their line break (newline="")
                self.error = LocatedError(
                    f"the csv module cannot read this row ({exc}); the rest of the file was "
                    "not read",
                    source=self.source,
                    row=self.row,
                )
            raise StopIteration from None
        self.row += 1
        return row

    def report(self, reader: Reader) -> None:
        """Add the error that ended the rows, if any, to the reader's errors."""
        if self.error is not None:
            reader.errors.append(self.error)


def _overlong(lines: list[str], delim: str, limit: int) -> int | None:
    """The index of the first line with a cell over ``limit`` characters, or ``None``."""
    if max(map(len, lines), default=0) <= limit:
        return None
    for k, line in enumerate(lines):
        if len(line) > limit and max(map(len, line.split(delim))) > limit:
            return k
    return None


def _feed_text(reader: Reader, fh: TextIO, delim: str, *, block: int, chunk: int) -> None:
    """Feed the rest of a file block by block: split on the delimiter at C speed while
    the text has no quotes; from the first quote on, the csv module takes over."""
    row = 2
    limit = csv.field_size_limit()
    while text := fh.read(block):
        if not text.endswith("\n"):
            text += fh.readline()  # up to the line break (a lone CR is one too)
        if '"' in text:
            rows = _CsvRows(chain(io.StringIO(text, newline=""), fh), delim, reader.source, row)
            feed_rows(reader, rows, row, chunk)
            rows.report(reader)
            return
        if "\r" in text:  # CRLF and a lone CR end a line, as in the csv module
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        stop = _overlong(lines, delim, limit)
        if stop is not None:
            lines = lines[:stop]
        width = reader.width
        if set(map(str.count, lines, repeat(delim))) == {width - 1}:
            reader.feed_flat(delim.join(lines).split(delim), lines, row)
        elif lines:
            reader.feed([line.split(delim) for line in lines], row)
        row += len(lines)
        if stop is not None:
            reader.errors.append(_unreadable(reader.source, row, limit))
            return
