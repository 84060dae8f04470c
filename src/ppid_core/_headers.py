"""Finding the header of a table as offices lay it out: below a title, over one or two rows.

Registers and survey worksheets are published as documents first and tables second: a
title ("REGISTER PERMOHONAN INFORMASI PUBLIK ... TAHUN 2024") and blank rows above the
header, and often a header of two rows where a merged group cell stands over its
sub-columns (the Komisi Informasi register's "Hari dan Tanggal" over "Pemberitahuan
Tertulis" and "Pemberian Informasi"). Every reader finds its header through
[`find_header()`][find_header], so the rule is one:

- Header texts are compared by [`fold()`][fold]: case, punctuation and repeated blanks do not
  count ("TGL. PERMOHONAN" names what "Tgl Permohonan" does).
- Each of the first [`SCAN_ROWS`][SCAN_ROWS] rows is a candidate, alone and joined with the row
  below it when that row is a *sub-header*: its non-empty cells stand only under a group
  (a header cell with empty cells to its right, as a merged cell exports) or under
  an empty header cell, and at least one stands under an empty header cell. A joined
  name is ``"group / sub"``; a column the sub-header leaves empty keeps the upper name (a
  cell merged down over both rows).
- The reader scores each candidate (how many of its fields the names match); the best
  score wins, and on a tie the single row and then the higher row. A score of zero is no
  header.

The result says which rows were taken ([`HeaderRow.describe()`][HeaderRow.describe]), so a report
can say
it: a guess about a file is never silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

__all__ = ["SCAN_ROWS", "HeaderRow", "find_header", "fold", "join_header_rows"]

SCAN_ROWS = 30
"""How many rows from the top may hold the header (titles, notes and blank rows above it)."""

_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A header text as it is compared: case-folded, punctuation as blanks, blanks collapsed.

    >>> fold("  TGL.  Permohonan "), fold("No. HP (WA)"), fold("tanggal_permohonan")
    ('tgl permohonan', 'no hp wa', 'tanggal permohonan')
    """
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@attrs.frozen(kw_only=True)
class HeaderRow:
    """The header a reader found: where it stands and the column names it gives.

    Attributes:
        first: Index (0-based) of the first header row in the rows searched.
        count: How many rows the header spans (1, or 2 for a group row over a sub-header).
        names: One name per column, as written; a joined name is ``"group / sub"``.
    """

    first: int
    count: int
    names: tuple[str, ...]

    @property
    def data_start(self) -> int:
        """Index (0-based) of the first row below the header."""
        return self.first + self.count

    def describe(self, *, row_offset: int = 1) -> str:
        """Which rows were taken, in the file's numbering (``row_offset`` is row 0's number).

        English in every language: results keep it as data, and their JSON (``"header"``)
        is the same whatever the language of the report.

        >>> HeaderRow(first=2, count=2, names=("No",)).describe()
        'rows 3-4 (two header rows joined)'
        >>> HeaderRow(first=0, count=1, names=("No",)).describe()
        'row 1'
        """
        top = self.first + row_offset
        if self.count == 1:
            return f"row {top}"
        return f"rows {top}-{top + self.count - 1} (two header rows joined)"


def _blank(cells: Sequence[str], i: int) -> bool:
    return i >= len(cells) or not cells[i].strip()


def _groups(top: Sequence[str], width: int) -> list[int | None]:
    """For each column, the column of the group cell it lies under, if any.

    A group is a non-empty header cell followed by at least one empty cell; the empty
    cells up to the next non-empty one lie under it.
    """
    owner: list[int | None] = [None] * width
    j = 0
    while j < width:
        if _blank(top, j):
            j += 1
            continue
        k = j + 1
        while k < width and _blank(top, k):
            k += 1
        if k > j + 1:
            for c in range(j, k):
                owner[c] = j
        j = k
    return owner


def join_header_rows(top: Sequence[str], sub: Sequence[str]) -> tuple[str, ...] | None:
    """The names of a two-row header, or ``None`` when ``sub`` is not a sub-header of ``top``.

    >>> for name in join_header_rows(
    ...     ["No", "Hari dan Tanggal", "", "Ket"],
    ...     ["", "Pemberitahuan Tertulis", "Pemberian Informasi", ""],
    ... ):
    ...     print(name)
    No
    Hari dan Tanggal / Pemberitahuan Tertulis
    Hari dan Tanggal / Pemberian Informasi
    Ket
    >>> join_header_rows(["No", "Tgl", "Nama"], ["1", "2024-06-04", "Ana"]) is None
    True
    """
    width = max(len(top), len(sub))
    owner = _groups(top, width)
    under_empty = False
    names: list[str] = []
    for j in range(width):
        upper = "" if _blank(top, j) else top[j].strip()
        lower = "" if _blank(sub, j) else sub[j].strip()
        group = owner[j]
        if lower and group is None and upper:
            return None  # a value under an ordinary header cell: a data row
        if lower and not upper:
            under_empty = True
        head = top[group].strip() if group is not None else upper
        if lower and head:
            names.append(f"{head} / {lower}")
        else:
            names.append(lower or upper)
    return tuple(names) if under_empty else None


def find_header(
    rows: Sequence[Sequence[str]],
    score: Callable[[Sequence[str]], int],
    *,
    scan: int = SCAN_ROWS,
) -> HeaderRow | None:
    """The best header among the first ``scan`` rows, or ``None`` when no row scores.

    Args:
        rows: The table's first rows, as cell texts (more than ``scan`` are not looked at).
        score: How well a candidate's names fit the reader: the number of its fields
            found, say. Higher is better; zero is no header.
        scan: How many rows from the top may hold the header.

    >>> rows = [["REGISTER PERMOHONAN 2024"], [], ["No", "Tgl", "Nama"], ["1", "3 Juni", "A"]]
    >>> known = {"no", "tgl", "nama"}
    >>> find_header(rows, lambda names: sum(fold(n) in known for n in names))
    HeaderRow(first=2, count=1, names=('No', 'Tgl', 'Nama'))
    """
    best: HeaderRow | None = None
    best_score = 0
    limit = min(len(rows), scan)
    for i in range(limit):
        cells = rows[i]
        if not any(c.strip() for c in cells):
            continue
        candidates = [HeaderRow(first=i, count=1, names=tuple(c.strip() for c in cells))]
        if i + 1 < len(rows):
            joined = join_header_rows(cells, rows[i + 1])
            if joined is not None:
                candidates.append(HeaderRow(first=i, count=2, names=joined))
        for candidate in candidates:
            value = score(candidate.names)
            if value > best_score:
                best, best_score = candidate, value
    return best
