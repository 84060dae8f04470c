"""Reading a CSV of respondents: a C-speed block path for plain files, the csv module for
quoted ones; the same validation and messages as every other reader."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from itertools import chain, islice, repeat
from pathlib import Path
from typing import TextIO

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm._read import _CHUNK, MissingPolicy, _make_reader, _Reader, read_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["delimiter_of", "read_csv"]

_BLOCK = 1 << 22  # characters per block of a CSV file


def delimiter_of(first_line: str) -> str:
    """The most frequent of ``,``, ``;`` and tab in the header line (``,`` if none)."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(
    path: str | Path,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
) -> Survey:
    """Read a CSV of respondents, one row per questionnaire, one column per unsur.

    The delimiter (``,``, ``;`` or tab) is taken from the header line unless given.
    See :func:`read_records` for the other arguments.

    Raises:
        DataFileError: Every bad header and cell, located (``file: row N, column "X"``).
    """
    p = Path(path)
    source = str(p)
    with p.open(newline="", encoding=encoding) as fh:
        first = fh.readline()
        if not first.strip():
            err = LocatedError("the file is empty; expected a header row", source=source, row=1)
            raise DataFileError.from_errors(source, [err])
        delim = delimiter or delimiter_of(first)
        if '"' in first:  # quoted header: let the csv module read the whole file
            rows = csv.reader(chain([first], fh), delimiter=delim)
            return read_records(
                next(rows),
                rows,
                source=source,
                regime=regime,
                columns=columns,
                missing=missing,
                by=by,
            )
        header = first.rstrip("\r\n").split(delim)
        reader, by_names = _make_reader(header, source, regime, columns, missing, by)
        reader.delimiter = delim
        _feed_text(reader, fh, delim, len(header))
        return reader.survey(by_names)


def _feed_text(reader: _Reader, fh: TextIO, delim: str, width: int) -> None:
    """Feed the rest of a file block by block: split on the delimiter at C speed while
    the text has no quotes; from the first quote on, the csv module takes over."""
    row = 2
    while text := fh.read(_BLOCK):
        if not text.endswith("\n"):
            text += fh.readline()
        if '"' in text:
            rows = csv.reader(chain(io.StringIO(text), fh), delimiter=delim)
            while chunk := list(islice(rows, _CHUNK)):
                reader.feed(chunk, row)
                row += len(chunk)
            return
        lines = text.replace("\r\n", "\n").split("\n")
        if lines[-1] == "":
            lines.pop()
        if set(map(str.count, lines, repeat(delim))) == {width - 1}:
            reader.feed_flat(delim.join(lines).split(delim), lines, row)
        else:
            reader.feed([line.split(delim) for line in lines], row)
        row += len(lines)
