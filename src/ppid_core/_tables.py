"""Tables and JSON rendering shared by every report (one place, not a copy per package).

A :class:`Table` is a title, column headers and rows of plain values. It renders as
GitHub-flavoured Markdown, as CSV (RFC 4180, UTF-8) and as JSON-ready records; dates
become ISO text, :class:`~decimal.Decimal` and :class:`~fractions.Fraction` keep their
exact decimal text via :func:`jsonable`.

Exports are safe to open and to render. CSV text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a
leading ``'``, as OWASP recommends against CSV injection (:func:`formula_safe`; numbers,
negative ones included, stay numbers), and Markdown escapes what would start raw HTML
(``<script>`` becomes ``&lt;script>``).

    >>> t = Table(columns=("No", "Unsur", "NRR"), rows=[(1, "Persyaratan", Decimal("3.66"))])
    >>> print(t.to_markdown())
    | No | Unsur | NRR |
    |---:|---|---:|
    | 1 | Persyaratan | 3.66 |
    >>> print(t.to_csv(), end="")
    No,Unsur,NRR
    1,Persyaratan,3.66
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ppid_core.errors import InvalidArgumentError

__all__ = ["Table", "dumps_json", "formula_safe", "jsonable", "markdown_text"]

Cell = object

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")


def formula_safe(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula (CSV, XLSX exports).

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading single quote, as the OWASP guidance on CSV injection recommends. Apply it to
    text cells only: a number, negative or not, is written as the number it is.

    References:
        OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection).

    >>> print(formula_safe('=HYPERLINK("http://x")'), formula_safe("-"), formula_safe("KPU"))
    '=HYPERLINK("http://x") '- KPU
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def markdown_text(text: str) -> str:
    """Text for Markdown (a table cell, a heading): ``|`` escaped, one line, no raw HTML.

    A ``<`` that could open an HTML tag, comment or declaration becomes ``&lt;``; a ``<``
    before a blank or a digit (``< 20``) cannot, and stays as written.

    >>> print(markdown_text("<script>x</script> | < 20"))
    &lt;script>x&lt;/script> \\| < 20
    """
    return _HTML_START.sub("&lt;", text.replace("|", "\\|").replace("\r", " ").replace("\n", " "))


def _csv_text(text: str) -> str:
    """A CSV text cell: formula-safe, and a carriage return written as a line feed.

    The ``csv`` module quotes a field holding a line feed (our line end) but not a lone
    carriage return, which readers such as Excel take for the end of the row.
    """
    return formula_safe(text).replace("\r\n", "\n").replace("\r", "\n")


def _csv_cell(value: Cell) -> str:
    text = _cell_text(value)
    return text if _is_number(value) else _csv_text(text)


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Fraction):
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    return str(value)


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | float | Decimal | Fraction) and not isinstance(value, bool)


def _columns(columns: Iterable[str]) -> tuple[str, ...]:
    return tuple(columns)


def _rows(rows: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(r) for r in rows)


@attrs.frozen(kw_only=True)
class Table:
    """A rectangular report table.

    Attributes:
        columns: Column headers, as the office's document writes them.
        rows: The rows; each has one value per column.
        title: An optional caption (Markdown renders it as a bold line above).
    """

    columns: tuple[str, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    title: str | None = None

    @rows.validator
    def _check_width(self, _attr: object, rows: tuple[tuple[Cell, ...], ...]) -> None:
        for i, row in enumerate(rows):
            if len(row) != len(self.columns):
                msg = f"row {i} has {len(row)} cells; the table has {len(self.columns)} columns"
                raise InvalidArgumentError(msg)

    def to_markdown(self) -> str:
        """GitHub-flavoured Markdown; numeric columns are right-aligned.

        Text that would start raw HTML is escaped, since Markdown is often rendered:

        >>> print(Table(columns=["Unit"], rows=[["<script>alert(1)</script>"]]).to_markdown())
        | Unit |
        |---|
        | &lt;script>alert(1)&lt;/script> |
        """
        esc = markdown_text
        numeric = [
            bool(self.rows) and all(_is_number(r[i]) or r[i] is None for r in self.rows)
            for i in range(len(self.columns))
        ]
        lines = []
        if self.title:
            lines += [f"**{esc(self.title)}**", ""]
        lines.append("| " + " | ".join(esc(c) for c in self.columns) + " |")
        lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
        lines.extend("| " + " | ".join(esc(_cell_text(v)) for v in row) + " |" for row in self.rows)
        return "\n".join(lines)

    def to_csv(self) -> str:
        """CSV text with a header row and ``\\n`` line ends; formula-safe text cells.

        >>> print(Table(columns=["Unit", "Selisih"], rows=[["=1+1", -3]]).to_csv(), end="")
        Unit,Selisih
        '=1+1,-3
        """
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([_csv_text(c) for c in self.columns])
        writer.writerows([_csv_cell(v) for v in row] for row in self.rows)
        return buf.getvalue()

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per row, keyed by column header."""
        return [
            {c: jsonable(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows
        ]


def jsonable(value: object) -> Any:
    """Convert report values to JSON-ready ones.

    Dates become ISO text; ``Decimal`` becomes a JSON number only when it converts to
    float and back unchanged, else text (nothing is silently rounded); a ``Fraction`` becomes
    the nearest float (report code rounds for display before this); enums their value;
    attrs instances and mappings recursively.

    >>> jsonable({"d": dt.date(2025, 4, 22), "x": Decimal("90.67"), "n": [Fraction(1, 4)]})
    {'d': '2025-04-22', 'x': 90.67, 'n': [0.25]}
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Fraction):
        return value.numerator / value.denominator  # nearest float; exact values keep Fraction
    if isinstance(value, Decimal):
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value.normalize() else str(value)
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {
            f.name: jsonable(getattr(value, f.name)) for f in fields if not f.name.startswith("_")
        }
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Sequence | set | frozenset):
        return [jsonable(v) for v in value]
    msg = f"cannot render {type(value).__name__} as JSON"
    raise TypeError(msg)


def dumps_json(value: object) -> str:
    """Pretty, UTF-8 (not ASCII-escaped) JSON of :func:`jsonable` data."""
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)
