"""Reading a CSV of respondents: a C-speed block path for plain files, the csv module for
quoted ones; the same validation and messages as every other reader.

The first rows (at most [`HEAD_ROWS`][ppid_core.ikm._open.HEAD_ROWS]) are read with the csv
module, and the header is found among them (below titles and blank rows, over one or two
rows); the rest of the file goes to the block path, or to the csv module for a long
layout. One rule for both paths: a line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as the csv
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
from itertools import chain, islice, repeat
from typing import BinaryIO, TextIO

from ppid_core._i18n import _
from ppid_core._source import FileInput, open_csv_source, read_source, source_name
from ppid_core._textio import sniffed_delimiter, text_note
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._open import HEAD_ROWS, Opened, Options
from ppid_core.ikm._reader import MissingPolicy, Reader, chunk_size, feed_rows
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["delimiter_of", "read_csv_source", "read_head"]

_BLOCK = 1 << 22  # characters per block of a CSV file; read at call time
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


def delimiter_of(first_line: str) -> str:
    """The most frequent of ``,``, ``;`` and tab in the header line (``,`` if none)."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _lines(fh: TextIO) -> Iterator[str]:
    """The lines of ``fh`` from where it stands, read one at a time (nothing read ahead)."""
    while line := fh.readline():
        yield line


def read_head(
    fh: TextIO, delimiter: str | None, source: str, head: int = HEAD_ROWS
) -> tuple[str, list[list[str]], _CsvRows]:
    """The delimiter, the first ``head`` rows (csv module), and the rows after them;
    ``fh`` stands after the last row returned.

    Raises:
        DataFileError: The file is empty, or has only blank rows.
    """
    lines = list(islice(_lines(fh), head))
    if not any(line.strip() for line in lines):
        what = (
            "only blank rows; expected a header row"
            if lines
            else "the file is empty; expected a header row"
        )
        err = LocatedError(what, source=source, row=1)
        raise DataFileError.from_errors(source, [err])
    delim = delimiter or sniffed_delimiter(lines)
    rows = _CsvRows(chain(lines, _lines(fh)), delim, source, 1)
    return delim, list(islice(rows, head)), rows


def read_csv_source(
    file: FileInput,
    *,
    source: str | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
    block: int | None = None,
    chunk: int | None = None,
    csv_module: bool = False,
    head: int = HEAD_ROWS,
) -> Survey:
    """Read a CSV of respondents: one row per questionnaire (one column per unsur), or one
    row per answer (a long layout).

    The delimiter (``,``, ``;`` or tab) is the one that splits the first lines most
    consistently, unless given. The header is found among the first rows. A path is
    streamed; bytes and a file object's content are read into memory first.

    Args:
        file: A path, the file's bytes, or a binary file object.
        source: The name used in error messages (default: the path, or the file object's
            name, or ``"<bytes>"``).
        regime: As for [`read_survey()`][ppid_core.ikm.read_survey].
        columns: As for [`read_survey()`][ppid_core.ikm.read_survey].
        missing: As for [`read_survey()`][ppid_core.ikm.read_survey].
        by: As for [`read_survey()`][ppid_core.ikm.read_survey].
        layout: As for [`read_survey()`][ppid_core.ikm.read_survey].
        delimiter: The delimiter; default from the first lines.
        encoding: The text encoding (default UTF-8, with or without a byte-order mark).
        block: Characters per block of the fast path (default 4 Mi).
        chunk: Rows per chunk of the validating reader (default 32,768).
        csv_module: Read every row with the csv module (what the fast path must agree
            with).
        head: Rows read with the csv module before the header is looked for (default
            31: the 30 rows a header may stand in and the row below them); the fast path
            reads the rest.

    Raises:
        DataFileError: Every bad header and cell, located (``file: row N, column "X"``);
            also a file that is not text in ``encoding`` (a workbook, UTF-16, binary data,
            a byte that is not UTF-8), or a cell the csv module refuses (over
            ``csv.field_size_limit()`` characters).
        UnknownNameError: A ``by`` column is not in the header (or holds personal data),
            ``missing`` or ``layout`` names nothing known, a ``columns`` key names no
            column, ``encoding`` is unknown, or ``delimiter`` is not a single character
            other than a quote or a line break.
        OSError: The file cannot be opened.
    """
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        msg = _(
            "a delimiter is one character other than a quote or a line break, got {delimiter!r}"
        ).format(delimiter=delimiter)
        raise UnknownNameError(msg)
    block = _BLOCK if block is None else block
    chunk = chunk_size() if chunk is None else chunk
    options = Options.make(
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
    )
    name = source_name(file, source)
    with _open_text(file, name, encoding) as fh:
        delim, first, rows = read_head(fh, delimiter, name, head)
        planner = options.planner()
        found = planner.detect(first)
        if found is None:  # the header row itself is unreadable, or blank quoted cells
            blank = LocatedError(_("only blank rows; expected a header row"), source=name, row=1)
            raise DataFileError.from_errors(name, [rows.error or blank])
        opened = Opened(found, name, options, planner=planner)
        opened.feed(first[found.data_start :], opened.first_row, chunk)
        reader = opened.reader
        if rows.error is not None or len(first) < head:
            rows.report(reader.errors)
        elif csv_module or not isinstance(reader, Reader):
            after = len(first) + 1 + options.row_offset
            rest = _CsvRows(fh, delim, name, after)  # fh stands after the head
            opened.feed(rest, after, chunk)
            rest.report(reader.errors)
        else:
            reader.delimiter = delim
            after = len(first) + 1 + options.row_offset
            _feed_text(reader, fh, delim, block=block, chunk=chunk, row=after)
        note = text_note(fh)
        return opened.survey(notes=() if note is None else (note,))


@contextlib.contextmanager
def _open_text(file: FileInput, source: str, encoding: str) -> Iterator[TextIO]:
    """The file as text: UTF-8 through the shared helper, another encoding as asked."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        msg = _("unknown encoding {encoding!r}; CSV files are read as UTF-8 by default").format(
            encoding=encoding
        )
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
            message = _(
                "byte 0x{bad} cannot be read as {encoding}; save the file as CSV UTF-8"
            ).format(bad=bad, encoding=encoding)
            err = LocatedError(message, source=source)
            raise DataFileError.from_errors(source, [err]) from None


def _unreadable(source: str, row: int, limit: int | None = None) -> LocatedError:
    """The located error of a row the csv module cannot read (the file stops there)."""
    limit = csv.field_size_limit() if limit is None else limit
    return LocatedError(
        _(
            "a cell of more than {limit:,} characters, the most a CSV cell may hold (is a "
            "quote left open?); the rest of the file was not read"
        ).format(limit=limit),
        source=source,
        row=row,
    )


class _CsvRows(Iterator[list[str]]):
    """Rows from ``csv.reader``; a ``csv.Error`` ends them and is kept, located, in ``error``.

    After an error the csv module would go on in the middle of the bad row (inside an open
    quote, often), so nothing after it is read. Iterating gives one generator (no method
    call per row), which ``next()`` goes on with too.
    """

    def __init__(self, lines: Iterable[str], delim: str, source: str, first_row: int) -> None:
        self._rows = csv.reader(lines, delimiter=delim)
        self.source = source
        self.first_row = first_row
        self.error: LocatedError | None = None
        self._gen = self._generate()

    @property
    def row(self) -> int:
        """The row number of the next row."""
        return self.first_row + self._rows_read

    _rows_read = 0

    def _generate(self) -> Iterator[list[str]]:
        count = 0
        try:
            for count, row in enumerate(self._rows, start=1):  # noqa: B007 - read after
                yield row
        except csv.Error as exc:
            self._rows_read = count
            limit = csv.field_size_limit()
            if "field limit" in str(exc):
                self.error = _unreadable(self.source, self.row, limit)
            else:  # pragma: no cover - lines always end at their line break (newline="")
                self.error = LocatedError(
                    _(
                        "the csv module cannot read this row ({exc}); the "
                        "rest of the file was not read"
                    ).format(exc=exc),
                    source=self.source,
                    row=self.row,
                )
            return
        self._rows_read = count

    def __iter__(self) -> Iterator[list[str]]:
        return self._gen

    def __next__(self) -> list[str]:
        return next(self._gen)

    def report(self, errors: list[LocatedError]) -> None:
        """Add the error that ended the rows, if any, to a reader's errors."""
        if self.error is not None:
            errors.append(self.error)


def _overlong(lines: list[str], delim: str, limit: int) -> int | None:
    """The index of the first line with a cell over ``limit`` characters, or ``None``."""
    if max(map(len, lines), default=0) <= limit:
        return None
    for k, line in enumerate(lines):
        if len(line) > limit and max(map(len, line.split(delim))) > limit:
            return k
    return None


def _feed_text(reader: Reader, fh: TextIO, delim: str, *, block: int, chunk: int, row: int) -> None:
    """Feed the rest of a file (from row ``row``) block by block: split on the delimiter at
    C speed while the text has no quotes; from the first quote on, the csv module takes
    over."""
    limit = csv.field_size_limit()
    while text := fh.read(block):
        if not text.endswith("\n"):
            text += fh.readline()  # up to the line break (a lone CR is one too)
        if '"' in text:
            rows = _CsvRows(chain(io.StringIO(text, newline=""), fh), delim, reader.source, row)
            feed_rows(reader, rows, row, chunk)
            rows.report(reader.errors)
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
