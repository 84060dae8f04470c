"""What a register reader says besides the data: how the file was read, and cells left unknown.

[`Provenance`][Provenance] is how one file was read — the layout chosen, the row(s) taken as
its header, the column read for each field, the text encoding — so that a report can say
it: a guess about a file is never silent. [`UnreadCell`][UnreadCell] is an *optional* cell
the reader could not use (a decision the decision table does not know, a response date it
cannot read or that comes before receipt): the request is kept, the cell counts as
unknown, and the report lists it with its row and column. A required cell (the date
received) that cannot be read is an error instead, and stops the reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Provenance", "UnreadCell"]


@attrs.frozen(kw_only=True)
class UnreadCell:
    """An optional cell that could not be read, or contradicts its row: counted as unknown.

    Attributes:
        source: The file (and sheet) read.
        row: Its spreadsheet row.
        column: Its column's header, as written.
        field: The register field of that column (``decision``, ``responded``, ...).
        message: What is wrong and what was expected; the cell text is masked.
    """

    source: str
    row: int
    column: str
    field: str
    message: str

    def __str__(self) -> str:
        """``file: row N, column "X": message``, the form of a located error.

        >>> print(
        ...     UnreadCell(
        ...         source="r.csv",
        ...         row=4,
        ...         column="Keputusan",
        ...         field="decision",
        ...         message="unknown decision 'B.' (masked); read as unknown",
        ...     )
        ... )
        r.csv: row 4, column "Keputusan": unknown decision 'B.' (masked); read as unknown
        """
        return f'{self.source}: row {self.row}, column "{self.column}": {self.message}'


def _columns(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@attrs.frozen(kw_only=True)
class Provenance:
    """How one register file was read.

    Attributes:
        source: The file (and sheet) read.
        layout: The layout whose header names were used (``kpu``, ``komisi-informasi``,
            ``e-ppid``, or the name of the caller's layout).
        header: The row or rows taken as the header, in the file's numbering
            (``"rows 4-5 (two header rows joined)"``).
        columns: For each field the file has, the header of the column read for it.
        encoding: The text encoding a CSV file was read in (``utf-8``, ``cp1252``,
            ``utf-16-le``, ...); ``None`` for a workbook or rows given in memory.
        requests: How many requests were read from it.
    """

    source: str
    layout: str
    header: str
    columns: Mapping[str, str] = attrs.field(factory=dict, converter=_columns)
    encoding: str | None = None
    requests: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (an item of the report's ``provenance``)."""
        return {
            "source": self.source,
            "layout": self.layout,
            "header": self.header,
            "columns": dict(self.columns),
            "encoding": self.encoding,
            "requests": self.requests,
        }
