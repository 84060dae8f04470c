"""Opening a CSV file as text: what is not UTF-8 text gets a located error, never a traceback.

The readers stream their files (a survey may have millions of rows), so decoding happens
as they read. [`open_csv_text()`][open_csv_text] checks the first bytes for what is clearly not CSV
text (a zip/XLSX workbook, an old ``.xls``, UTF-16, binary data) and turns a decoding
error met later into a [`DataFileError`][ppid_core.errors.DataFileError] that names the line and
column of the first bad byte.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ppid_core.errors import DataFileError, LocatedError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["bad_byte_error", "csv_text", "open_csv_text"]

_SNIFF = 4096
_SIGNATURES = (
    (b"PK\x03\x04", "a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Excel .xls workbook, not CSV text; save it as .xlsx or as CSV UTF-8",
    ),
    (b"\xff\xfe", "UTF-16 text; save it as CSV UTF-8"),
    (b"\xfe\xff", "UTF-16 text; save it as CSV UTF-8"),
)


def _refuse(source: str, message: str, *, line: int = 1, column: int = 1) -> DataFileError:
    err = LocatedError(message, source=source, line=line, column=column)
    return DataFileError.from_errors(source, [err])


def bad_byte_error(data: bytes, source: str, *, what: str = "UTF-8") -> DataFileError | None:
    """The located error for the first byte of ``data`` that is not UTF-8, or ``None``.

    >>> print(bad_byte_error("a,b\\nKupang,\\xe9\\n".encode("latin-1"), "x.csv").report())
    x.csv:2:8: byte 0xE9 is not UTF-8; save the file as UTF-8
    """
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return _refuse(
            source,
            f"byte 0x{data[exc.start]:02X} is not UTF-8; save the file as {what}",
            line=line,
            column=column,
        )
    return None


@contextlib.contextmanager
def open_csv_text(path: str | Path, *, source: str | None = None) -> Iterator[TextIO]:
    """Open ``path`` as UTF-8 text for the csv readers (a byte-order mark is dropped).

    Raises:
        DataFileError: The file is a workbook, UTF-16, binary, or not UTF-8 (located at
            the first bad byte), also when the bad byte is met while reading; or a
            `csv.Error` the reader let through (a cell over the field size limit, a
            NUL) ended the reading.
        OSError: The file cannot be read.
    """
    from pathlib import Path  # noqa: PLC0415 - only a CSV file read by path needs it

    p = Path(path)
    with p.open("rb") as raw, csv_text(raw, source or str(p)) as fh:
        yield fh


@contextlib.contextmanager
def csv_text(raw: BinaryIO, source: str) -> Iterator[TextIO]:
    """A seekable binary stream as UTF-8 text for the csv readers, read from where it stands.

    The stream is left open (the caller owns it). Same errors as [`open_csv_text()`][open_csv_text],
    located in ``source``.
    """
    start = raw.tell()
    head = raw.read(_SNIFF)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise _refuse(source, f"this is {what}")
    if b"\x00" in head:
        at = head.index(b"\x00")
        before = head[:at]
        raise _refuse(
            source,
            "a NUL byte: this is binary data, not CSV text",
            line=before.count(b"\n") + 1,
            column=len(before) - (before.rfind(b"\n") + 1) + 1,
        )
    raw.seek(start)
    fh = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        yield fh
    except UnicodeDecodeError:
        raw.seek(start)
        error = bad_byte_error(raw.read(), source, what="CSV UTF-8")
        if error is None:  # pragma: no cover - the file changed while it was read
            raise
        raise error from None
    except csv.Error as exc:  # a reader that did not locate it itself: still no traceback
        err = LocatedError(f"not readable as CSV ({exc})", source=source)
        raise DataFileError.from_errors(source, [err]) from None
    finally:
        fh.detach()  # leave ``raw`` open for its owner
