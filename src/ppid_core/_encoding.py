"""Which text encoding and which delimiter a CSV file uses, from its first bytes and lines.

Offices send CSV files saved by whatever program they have:

- "CSV UTF-8" from Excel (UTF-8 with a byte-order mark), or UTF-8 without one (LibreOffice,
  Google Sheets, apps);
- "Unicode Text" from Excel: UTF-16 with a byte-order mark, cells separated by tabs;
- plain "CSV" from Excel on an Indonesian Windows: the Windows code page cp1252, with
  ``;`` between cells, because the Indonesian locale writes decimals with a comma.

[`detect_encoding()`][detect_encoding] tells these apart from the file's first bytes, and
refuses (returns ``None``) what is none of them, so that the caller raises a located error:
binary data, a workbook, UTF-16 or UTF-32 without a byte-order mark. Only cp1252 is a
guess (any byte sequence that is not UTF-8 might be another code page); the result says
so in its [`Detected.note`][Detected.note]. [`sniff_delimiter()`][sniff_delimiter] picks
``,``, ``;`` or a tab by how consistently each splits the first lines.

    >>> found = detect_encoding("No;Nama\\r\\n1;André\\r\\n".encode("cp1252"))
    >>> found.encoding, found.bom_length
    ('cp1252', 0)
    >>> found.note
    'read as cp1252 (Windows); save as CSV UTF-8 to be sure'
    >>> sniff_delimiter(["No;Nama;Nilai", "1;André;3,5", "2;Budi;4"])
    ';'

References:
    The Unicode Standard, §3.9 and §23.8 (UTF-8, UTF-16, byte-order marks); RFC 4180
    (CSV quoting); Microsoft, "Windows-1252" code page table.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import attrs

from ppid_core._i18n import N_

__all__ = [
    "CP1252_NOTE",
    "DELIMITERS",
    "HEAD_BYTES",
    "SNIFF_LINES",
    "Detected",
    "detect_encoding",
    "sniff_delimiter",
]

HEAD_BYTES = 4096
"""How many bytes from the start of a file [`detect_encoding()`][detect_encoding] looks at."""
SNIFF_LINES = 50
"""How many records (lines, or more for a quoted cell over several) the delimiter is judged on."""
DELIMITERS = (",", ";", "\t")
"""The delimiters [`sniff_delimiter()`][sniff_delimiter] chooses among."""

CP1252_NOTE = N_("read as cp1252 (Windows); save as CSV UTF-8 to be sure")
"""The note on a file read as cp1252: English, as results keep it (their JSON is the same in
every language); a report translates it where it prints it, ``_(note)``."""

# C0 control characters other than tab, line feed and carriage return, and DEL: text files
# do not hold them; binary data (and a zip's or an image's header) does
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTE = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # the same, in ASCII bytes
_BOMS = (
    (codecs.BOM_UTF32_LE, None),  # before UTF-16 LE, whose mark it begins with
    (codecs.BOM_UTF32_BE, None),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen(kw_only=True)
class Detected:
    """The encoding a file's first bytes are read in.

    Attributes:
        encoding: A Python codec name: ``utf-8``, ``utf-16-le``, ``utf-16-be`` or
            ``cp1252``.
        bom_length: Bytes of byte-order mark to skip before decoding (0, 2 or 3).
        note: What was assumed, for the reader's report; ``None`` when nothing was
            (UTF-8, or UTF-16 with its byte-order mark).
    """

    encoding: str
    bom_length: int = 0
    note: str | None = None


def _text(head: bytes, encoding: str, *, whole: bool) -> str | None:
    """``head`` decoded, or ``None`` when it is not ``encoding`` or not text.

    Unless ``whole``, a character cut off at the end of ``head`` (the first bytes of a
    larger file) is left out rather than taken for an error.
    """
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=whole)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text


def detect_encoding(head: bytes, *, whole: bool = False) -> Detected | None:
    """The encoding of a CSV file, from its first bytes; ``None`` when it is none known.

    Args:
        head: The file's first bytes ([`HEAD_BYTES`][HEAD_BYTES] of them, or all of a smaller
            file).
        whole: ``head`` is the whole file, so a character cut off at its end is an error
            (by default it is the first bytes of a larger file, which may end inside a
            character).

    Returns:
        UTF-8 when a byte-order mark says so or when the bytes are UTF-8 (plain ASCII
        included); UTF-16 LE or BE when its byte-order mark says so; cp1252 when the bytes
        are not UTF-8 but are cp1252 text, with a note saying so. ``None`` for anything
        else: control characters other than tab, CR and LF (binary data, a workbook, UTF-16
        without its mark), UTF-32, or bytes no encoding here reads. A byte that is not
        UTF-8 in a file marked as UTF-8, or after ``head``, is the caller's to report at
        its line and column.

    Examples:
        >>> detect_encoding(codecs.BOM_UTF8 + "No,Nama\\n".encode())
        Detected(encoding='utf-8', bom_length=3, note=None)
        >>> detect_encoding(codecs.BOM_UTF16_LE + "No\\tNama\\r\\n".encode("utf-16-le"))
        Detected(encoding='utf-16-le', bom_length=2, note=None)
        >>> detect_encoding(b"PK\\x03\\x04\\x14\\x00\\x06\\x00") is None  # an .xlsx workbook
        True
    """
    for bom, encoding in _BOMS:
        if not head.startswith(bom):
            continue
        if encoding == "utf-8" and not _CONTROL_BYTE.search(head):
            # the mark says UTF-8: a byte that is not is the caller's to locate
            return Detected(encoding=encoding, bom_length=len(bom))
        if encoding is None or _text(head[len(bom) :], encoding, whole=whole) is None:
            return None
        return Detected(encoding=encoding, bom_length=len(bom))
    if _text(head, "utf-8", whole=whole) is not None:
        return Detected(encoding="utf-8")
    if _text(head, "cp1252", whole=True) is not None:
        return Detected(encoding="cp1252", note=CP1252_NOTE)
    return None


def _counts(text: str, delimiter: str) -> list[int]:
    """Delimiters per record as ``delimiter`` splits them, for records that hold any of
    [`DELIMITERS`][DELIMITERS] at all (a title or a blank line is left out); ``[]`` when the csv
    module refuses the text with that delimiter."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[int] = []
    try:
        for records, cells in enumerate(reader, start=1):
            if len(cells) > 1 or any(d in "".join(cells) for d in DELIMITERS):
                out.append(len(cells) - 1)
            if records >= SNIFF_LINES:
                break
    except csv.Error:  # a NUL, or a cell over the field size limit
        return []
    return out


def sniff_delimiter(lines: Sequence[str]) -> str | None:
    """The delimiter of a CSV text, chosen among ``,``, ``;`` and tab by its first lines.

    Each candidate splits the first [`SNIFF_LINES`][SNIFF_LINES] records as the ``csv`` module
    reads them: a delimiter inside a quoted cell does not count, and a quoted cell may run
    over several lines. Records without any of the three characters (a title above the
    table, a blank line) are left out. The candidate whose most common number of cells
    holds for the largest share of the records wins, and on a tie the one making more
    cells: an Indonesian Excel file has ``;`` in every row and a comma only in some
    (decimals such as ``3,5``).

    Args:
        lines: The first lines of the text, with or without their line ends.

    Returns:
        The delimiter; ``None`` when none splits any line (one column), or two split them
        equally well (the caller asks, or reports it).

    Examples:
        >>> sniff_delimiter(["REGISTER 2024", "No\\tNama\\tKota", "1\\tBudi, S.T.\\tKupang"])
        '\\t'
        >>> sniff_delimiter(["No,Nama", '1,"Santoso; Budi"']), sniff_delimiter(["a;b,c"])
        (',', None)
    """
    text = "\n".join(line.rstrip("\r\n") for line in lines[: SNIFF_LINES * 4])
    scores: dict[str, tuple[Fraction, int]] = {}
    for d in DELIMITERS:
        counts = _counts(text, d)
        split = Counter(n for n in counts if n)
        if split:
            width, hits = max(split.items(), key=lambda item: (item[1], item[0]))
            scores[d] = (Fraction(hits, len(counts)), width)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
