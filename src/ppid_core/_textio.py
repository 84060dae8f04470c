"""Opening a CSV file as text: whatever offices save, read in its encoding or a located error.

Offices send CSV files saved by whatever program they have (see `ppid_core._encoding`):
"CSV UTF-8" from Excel (UTF-8 with a byte-order mark), UTF-8 from LibreOffice, Google
Sheets and apps, "Unicode Text" (UTF-16 with a byte-order mark, cells separated by tabs),
and plain "CSV" from Excel on an Indonesian Windows (cp1252, cells separated by ``;``).
[`open_csv_text()`][open_csv_text] reads each in its encoding:

- the first bytes decide ([`detect_encoding()`][ppid_core._encoding.detect_encoding]): a
  byte-order mark, else UTF-8, else cp1252;
- a file whose first bytes are plain ASCII is checked to its end before it is read as
  UTF-8 (the first accented letter of a Windows file may be in row 5,000): a byte that is
  not UTF-8 in a file that was ASCII until then makes it cp1252; in a file that already
  held UTF-8 letters it is an error, at its line and column;
- cp1252 is a guess (any bytes that are not UTF-8 may be another code page), so the
  reader says so: [`text_note()`][text_note] gives the note for the report.

Refused, with a located error: a workbook (a zip/XLSX, an old ``.xls``), binary data (a NUL
byte, a control character), UTF-16 without a byte-order mark, UTF-32, and bytes that are
neither UTF-8 nor cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252).
[`sniffed_delimiter()`][sniffed_delimiter] chooses ``,``, ``;`` or a tab from the first lines.

References:
    The Unicode Standard, §3.9 and §23.8 (UTF-8, UTF-16, byte-order marks); Microsoft,
    "Windows-1252" code page table; RFC 4180 (CSV).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ppid_core._encoding import HEAD_BYTES, Detected, detect_encoding, sniff_delimiter
from ppid_core._i18n import N_, _
from ppid_core.errors import DataFileError, LocatedError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "bad_byte_error",
    "csv_text",
    "open_csv_text",
    "sniffed_delimiter",
    "text_note",
]

_BLOCK = 1 << 20  # bytes checked at a time past the first ones
_UTF32 = N_("this is UTF-32 text; save it as CSV UTF-8")
_SIGNATURES = (  # the message is translated where it is raised
    (
        b"PK\x03\x04",
        N_("this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name"),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        N_("this is an old Excel .xls workbook, not CSV text; save it as .xlsx or as CSV UTF-8"),
    ),
    (codecs.BOM_UTF32_LE, _UTF32),
    (codecs.BOM_UTF32_BE, _UTF32),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CODECS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}
_NUL = N_("a NUL byte: this is binary data, not CSV text")  # translated where raised


def _refuse(source: str, message: str, *, line: int = 1, column: int = 1) -> DataFileError:
    err = LocatedError(message, source=source, line=line, column=column)
    return DataFileError.from_errors(source, [err])


def _where(data: bytes, at: int) -> tuple[int, int]:
    """Line and column (1-based) of byte ``at`` of ``data``."""
    before = data[:at]
    return before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1


def bad_byte_error(data: bytes, source: str, *, what: str = "UTF-8") -> DataFileError | None:
    """The located error for the first byte of ``data`` that is not UTF-8, or ``None``.

    >>> print(bad_byte_error("a,b\\nKupang,\\xe9\\n".encode("latin-1"), "x.csv").report())
    x.csv:2:8: byte 0xE9 is not UTF-8; save the file as UTF-8
    """
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _where(data, exc.start)
        return _refuse(
            source,
            _("byte 0x{byte} is not UTF-8; save the file as {format}").format(
                byte=f"{data[exc.start]:02X}", format=what
            ),
            line=line,
            column=column,
        )
    return None


def _not_text(head: bytes, source: str) -> DataFileError:
    """Why the first bytes of a file are not CSV text in an encoding read here."""
    nul = head.count(b"\x00")
    if nul * 4 >= len(head) and (not any(head[0::2]) or not any(head[1::2])):
        return _refuse(
            source, _("this is UTF-16 text without a byte-order mark; save it as CSV UTF-8")
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _refuse(source, _("this is UTF-16 text that cannot be read; save it as CSV UTF-8"))
    if (m := _CONTROL.search(head)) is not None:
        line, column = _where(head, m.start())
        text = (
            _(_NUL)
            if m[0] == b"\x00"
            else _("a control character (0x{byte}): this is binary data, not CSV text").format(
                byte=f"{m[0][0]:02X}"
            )
        )
        return _refuse(source, text, line=line, column=column)
    try:
        head.decode("cp1252")
    except UnicodeDecodeError as exc:
        line, column = _where(head, exc.start)
        return _refuse(source, _neither(head[exc.start]), line=line, column=column)
    return _refuse(source, _("not CSV text in UTF-8, UTF-16 or cp1252; save it as CSV UTF-8"))


def _neither(byte: int) -> str:
    """The message for a byte that is neither UTF-8 nor cp1252."""
    text = _("byte 0x{byte} is neither UTF-8 nor Windows text (cp1252); save the file as CSV UTF-8")
    return text.format(byte=f"{byte:02X}")


def _scan(raw: BinaryIO, start: int, head: bytes, source: str) -> Detected:
    """The encoding of a file whose first bytes read as UTF-8 (or say so), checked to its end.

    A byte that is not UTF-8 makes the file cp1252 when every byte before it is ASCII;
    after a UTF-8 letter or a UTF-8 byte-order mark, it is an error.

    Raises:
        DataFileError: A NUL byte; a byte that is not UTF-8 after UTF-8 text; a byte that
            is neither UTF-8 nor cp1252.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    ascii_so_far = not head.startswith(codecs.BOM_UTF8)
    offset = start
    block = head
    while block:
        if (nul := block.find(b"\x00")) >= 0:
            raise _located(raw, start, offset + nul, source, _(_NUL))
        pending = decoder.getstate()[0]
        if not (block.isascii() and not pending):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as exc:
                data = exc.object
                if ascii_so_far and data[: exc.start].isascii():
                    return _cp1252(raw, start, source)
                raise _not_utf8(
                    raw,
                    start,
                    offset - len(pending) + exc.start,
                    data=data,
                    index=exc.start,
                    source=source,
                ) from None
            ascii_so_far = ascii_so_far and text.isascii()
        offset += len(block)
        block = raw.read(_BLOCK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:  # the file ends inside a character
        if ascii_so_far:
            return _cp1252(raw, start, source)
        raise _not_utf8(
            raw,
            start,
            offset - len(exc.object) + exc.start,
            data=exc.object,
            index=exc.start,
            source=source,
        ) from None
    return Detected(encoding="utf-8", bom_length=3 if head.startswith(codecs.BOM_UTF8) else 0)


def _not_utf8(
    raw: BinaryIO, start: int, at: int, *, data: bytes, index: int, source: str
) -> DataFileError:
    """The error for byte ``data[index]``, at byte ``at`` of the stream: it is not UTF-8."""
    byte = data[index]
    text = _("byte 0x{byte} is not UTF-8; save the file as {format}")
    return _located(raw, start, at, source, text.format(byte=f"{byte:02X}", format="CSV UTF-8"))


def _cp1252(raw: BinaryIO, start: int, source: str) -> Detected:
    """cp1252, when the whole file reads in it without a NUL byte; else a located error."""
    raw.seek(start)
    offset = start
    while block := raw.read(_BLOCK):
        if (nul := block.find(b"\x00")) >= 0:
            raise _located(raw, start, offset + nul, source, _(_NUL))
        try:
            block.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _located(
                raw,
                start,
                offset + exc.start,
                source,
                _neither(block[exc.start]),
            ) from None
        offset += len(block)
    # the cp1252 reading, with its note (0x80 is the euro sign, not UTF-8)
    return detect_encoding(b"\x80", whole=True) or Detected(encoding="cp1252")


def _located(raw: BinaryIO, start: int, at: int, source: str, message: str) -> DataFileError:
    """The error ``message`` at byte ``at`` of the stream (line and column counted)."""
    raw.seek(start)
    line, column, done = 1, 1, start
    while done < at and (block := raw.read(min(_BLOCK, at - done))):
        lines = block.count(b"\n")
        line += lines
        column = (len(block) - block.rfind(b"\n")) if lines else column + len(block)
        done += len(block)
    return _refuse(source, message, line=line, column=column)


class _NotedText(io.TextIOWrapper):
    """Text read from CSV bytes, with the note on its encoding ([`text_note()`][text_note])."""

    note: str | None = None


def text_note(fh: TextIO) -> str | None:
    """What was assumed about the encoding of text from [`open_csv_text()`][open_csv_text]
    (``"read as cp1252 (Windows); ..."``), or ``None`` when nothing was.

    The note is English, as a result keeps it (its JSON is the same in every language); the
    catalog translates it, so a report shows it with ``_(note)``."""
    return getattr(fh, "note", None)


@contextlib.contextmanager
def open_csv_text(path: str | Path, *, source: str | None = None) -> Iterator[TextIO]:
    """Open ``path`` as text for the csv readers, in its encoding (a byte-order mark dropped).

    The text's ``encoding`` attribute names the codec (``utf-8-sig``, ``utf-16-le``,
    ``cp1252``); [`text_note()`][text_note] says what was guessed.

    Raises:
        DataFileError: The file is a workbook, binary, UTF-16 without a byte-order mark,
            UTF-32, or bytes in no encoding read here (located at the first bad byte); or
            a `csv.Error` the reader let through (a cell over the field size limit) ended
            the reading.
        OSError: The file cannot be read.
    """
    from pathlib import Path  # noqa: PLC0415 - only a CSV file read by path needs it

    p = Path(path)
    with p.open("rb") as raw, csv_text(raw, source or str(p)) as fh:
        yield fh


@contextlib.contextmanager
def csv_text(raw: BinaryIO, source: str) -> Iterator[TextIO]:
    """A seekable binary stream as text for the csv readers, read from where it stands.

    The stream is left open (the caller owns it). Same errors as [`open_csv_text()`][open_csv_text],
    located in ``source``.
    """
    start = raw.tell()
    head = raw.read(HEAD_BYTES)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise _refuse(source, _(what))
    found = detect_encoding(head, whole=len(head) < HEAD_BYTES)
    if found is None:
        raise _not_text(head, source)
    if found.encoding in {"utf-8", "cp1252"}:  # cp1252 only when ASCII before its first byte
        found = _scan(raw, start, head, source)
    encoding = _CODECS.get(found.encoding, found.encoding)
    raw.seek(start + (0 if encoding == "utf-8-sig" else found.bom_length))
    fh = _NotedText(raw, encoding=encoding, newline="")
    fh.note = found.note
    try:
        yield fh
    except UnicodeDecodeError as exc:
        raw.seek(start)
        error = (
            bad_byte_error(raw.read(), source, what="CSV UTF-8") if found.bom_length != 2 else None
        )
        if error is None:  # UTF-16 that breaks off, or a file that changed while it was read
            text = _("not readable as {encoding} ({reason})")
            err = LocatedError(
                text.format(encoding=found.encoding, reason=exc.reason), source=source
            )
            raise DataFileError.from_errors(source, [err]) from None
        raise error from None
    except csv.Error as exc:  # a reader that did not locate it itself: still no traceback
        err = LocatedError(_("not readable as CSV ({reason})").format(reason=exc), source=source)
        raise DataFileError.from_errors(source, [err]) from None
    finally:
        fh.detach()  # leave ``raw`` open for its owner


def sniffed_delimiter(lines: Sequence[str]) -> str:
    """The delimiter of CSV text from its first lines: ``,``, ``;`` or a tab.

    [`sniff_delimiter()`][ppid_core._encoding.sniff_delimiter] decides; when it cannot
    (one column, or a tie), the character of the three that the first line with any of
    them holds most (``,`` on a tie or none).

    >>> sniffed_delimiter(["REGISTER 2024", "No;Nama;Tgl", "1;Ana, S.T.;4 Juni 2024"])
    ';'
    >>> sniffed_delimiter(["No"]), sniffed_delimiter(["a;b;c,d"])
    (',', ';')
    """
    found = sniff_delimiter(lines)
    if found is not None:
        return found
    for line in lines:
        counts = {d: line.count(d) for d in (",", ";", "\t")}
        if any(counts.values()):
            return max(counts, key=lambda d: (counts[d], d == ","))
    return ","
