"""Tables and JSON rendering shared by every report (one place, not a copy per package).

A [`Table`][Table] is a title, column headers and rows of plain values. It renders as
GitHub-flavoured Markdown, as CSV (RFC 4180, UTF-8), as bounded HTML (for notebooks), as
JSON-ready records and as a pandas DataFrame; dates become ISO text, and exact numbers
(`Decimal`, `Fraction`) follow the one rule of
[`jsonable()`][jsonable]: a JSON number when a float gives back the same value, else text.

Exports are safe to open and to render. CSV text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a
leading ``'``, as OWASP recommends against CSV injection ([`formula_safe()`][formula_safe]; numbers,
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
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import _, ngettext
from ppid_core._optional import import_optional
from ppid_core.errors import InvalidArgumentError, UnknownNameError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CSV_DIALECTS",
    "Table",
    "csv_dialect",
    "dumps_json",
    "formula_safe",
    "jsonable",
    "markdown_text",
]

#: Rows an HTML view shows before it says how many more there are.
HTML_MAX_ROWS = 50
#: Characters of one cell an HTML view shows (longer text is cut with an ellipsis).
HTML_MAX_CELL = 200

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
    before a blank or a digit (``< 20``) cannot, and stays as written. Text from a file
    cannot form a link either: ``](`` becomes ``]\\(``, so ``[x](javascript:...)`` shows as
    written instead of a live link (``[S]`` marks stay as they are).

    >>> print(markdown_text("<script>x</script> | < 20"))
    &lt;script>x&lt;/script> \\| < 20
    >>> print(markdown_text("[klik](javascript:alert(1)) [S]"))
    [klik]\\(javascript:alert(1)) [S]
    """
    flat = text.replace("|", "\\|").replace("](", "]\\(").replace("\r", " ").replace("\n", " ")
    return _HTML_START.sub("&lt;", flat)


def _csv_text(text: str) -> str:
    """A CSV text cell: formula-safe, and a carriage return written as a line feed.

    The ``csv`` module quotes a field holding a line feed (our line end) but not a lone
    carriage return, which readers such as Excel take for the end of the row.
    """
    return formula_safe(text).replace("\r\n", "\n").replace("\r", "\n")


def _csv_cell(value: Cell, decimal: str = ".") -> str:
    text = _cell_text(value)
    if not _is_number(value):
        return _csv_text(text)
    return text if decimal == "." else text.replace(".", decimal)


#: The CSV dialects of [`Table.to_csv()`][Table.to_csv]: name -> (delimiter, decimal mark,
#: text before the header). ``excel-id`` is for Excel on a Windows set to Indonesian.
CSV_DIALECTS: Mapping[str, tuple[str, str, str]] = {
    "excel": (",", ".", ""),
    "excel-id": (";", ",", "\ufeff"),
}


def csv_dialect(name: str) -> tuple[str, str, str]:
    """(delimiter, decimal mark, text before the header) of a CSV dialect.

    Raises:
        UnknownNameError: No dialect has that name.
    """
    try:
        return CSV_DIALECTS[name]
    except KeyError:
        text = _("unknown CSV dialect {name!r}; use one of {dialects}")
        msg = text.format(name=name, dialects=", ".join(CSV_DIALECTS))
        raise UnknownNameError(msg) from None


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Fraction):
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    return str(value)


def _one_line_text(text: str) -> str:
    """Text for one terminal cell: line breaks and tabs become spaces."""
    return " ".join(text.split()) if any(c in text for c in "\n\r\t") else text


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | float | Decimal | Fraction) and not isinstance(value, bool)


def _columns(columns: Iterable[str]) -> tuple[str, ...]:
    return tuple(columns)


def _rows(rows: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(r) for r in rows)


@attrs.frozen(kw_only=True)
class Table:
    """A rectangular report table: what every result's ``tables()`` returns.

    Public as ``ppid_core.Table``. Cells are plain values (text, numbers, exact
    ``Decimal``/``Fraction``, dates, ``None`` for empty); each rendering formats them the
    same way: Markdown ([`to_markdown()`][to_markdown]), CSV ([`to_csv()`][to_csv]), bounded HTML
    ([`to_html()`][to_html]), JSON-ready records ([`to_records()`][to_records]) and a pandas
    DataFrame
    ([`to_frame()`][to_frame]).

    Attributes:
        columns: Column headers, as the office's document writes them.
        rows: The rows; each has one value per column.
        title: An optional caption (Markdown renders it as a bold line above).

    Examples:
        >>> from ppid_core import Table
        >>> t = Table(columns=["Bulan", "Jumlah"], rows=[["2024-09", 10]], title="Per bulan")
        >>> t.to_records()
        [{'Bulan': '2024-09', 'Jumlah': 10}]
        >>> print(t.to_csv(), end="")
        Bulan,Jumlah
        2024-09,10
    """

    columns: tuple[str, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    title: str | None = None

    @rows.validator
    def _check_width(self, _attr: object, rows: tuple[tuple[Cell, ...], ...]) -> None:
        for i, row in enumerate(rows):
            if len(row) != len(self.columns):
                text = _("row {row} has {cells} cells; the table has {columns} columns")
                msg = text.format(row=i, cells=len(row), columns=len(self.columns))
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
            any(_is_number(r[i]) for r in self.rows)
            and all(_is_number(r[i]) or r[i] is None for r in self.rows)
            for i in range(len(self.columns))
        ]
        lines = []
        if self.title:
            lines += [f"**{esc(self.title)}**", ""]
        lines.append("| " + " | ".join(esc(c) for c in self.columns) + " |")
        lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
        lines.extend("| " + " | ".join(esc(_cell_text(v)) for v in row) + " |" for row in self.rows)
        return "\n".join(lines)

    def to_text(self) -> str:
        """An aligned plain-text table for a terminal: what ``ppid`` prints by default there.

        Columns are padded to their widest cell, numbers right-aligned, the header
        underlined; no Markdown syntax (``--format md`` gives that).

        >>> t = Table(columns=["Bulan", "Jumlah"], rows=[["2024-09", 10], ["2024-10", 7]])
        >>> print(t.to_text())
        Bulan    Jumlah
        -------  ------
        2024-09      10
        2024-10       7
        """
        numeric = [
            any(_is_number(r[i]) for r in self.rows)
            and all(_is_number(r[i]) or r[i] is None for r in self.rows)
            for i in range(len(self.columns))
        ]
        cells = [[_one_line_text(_cell_text(v)) for v in row] for row in self.rows]
        heads = [_one_line_text(c) for c in self.columns]
        widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]

        def line(values: list[str]) -> str:
            padded = (
                v.rjust(w) if n else v.ljust(w)
                for v, w, n in zip(values, widths, numeric, strict=True)
            )
            return "  ".join(padded).rstrip()

        lines = [self.title, ""] if self.title else []
        lines += [line(heads), "  ".join("-" * w for w in widths)]
        lines += [line(r) for r in cells]
        return "\n".join(lines)

    def to_csv(self, *, dialect: str = "excel") -> str:
        """CSV text with a header row and ``\\n`` line ends; formula-safe text cells.

        Args:
            dialect: ``"excel"`` (the default): ``,`` between cells and a decimal point.
                ``"excel-id"``: for Excel on a Windows set to Indonesian, whose list
                separator is ``;`` and decimal symbol ``,``: cells are separated by ``;``,
                numbers take a decimal comma (only the mark changes: ``Decimal("90.67")``
                is ``90,67``, every digit kept, no thousands separator), and the text
                starts with a byte-order mark (U+FEFF). Written as UTF-8, the mark is the
                three bytes by which Excel knows a CSV is UTF-8; without them it reads the
                file in the Windows code page (cp1252), and "Pelayanan – Sangat Baik" or a
                name with "é" comes out garbled. Write the text with ``encoding="utf-8"``
                (not ``"utf-8-sig"``, which would add a second mark).

        Raises:
            UnknownNameError: ``dialect`` names no dialect (``CSV_DIALECTS``).

        >>> print(Table(columns=["Unit", "Selisih"], rows=[["=1+1", -3]]).to_csv(), end="")
        Unit,Selisih
        '=1+1,-3
        >>> t = Table(columns=["Unsur", "NRR"], rows=[["Waktu; Biaya", Decimal("3.49")]])
        >>> t.to_csv(dialect="excel-id")
        '\\ufeffUnsur;NRR\\n"Waktu; Biaya";3,49\\n'
        """
        delimiter, decimal, start = csv_dialect(dialect)
        buf = io.StringIO()
        buf.write(start)
        writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
        writer.writerow([_csv_text(c) for c in self.columns])
        writer.writerows([_csv_cell(v, decimal) for v in row] for row in self.rows)
        return buf.getvalue()

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per row, keyed by column header."""
        return [
            {c: jsonable(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows
        ]

    def to_html(self, *, max_rows: int | None = HTML_MAX_ROWS, max_chars: int | None = None) -> str:
        """An HTML table (every text escaped), bounded for a notebook.

        At most ``max_rows`` rows are shown, and no row that would take the output past
        ``max_chars``; a line then says how many rows are left out. A cell shows at most
        `HTML_MAX_CELL` characters.

        Args:
            max_rows: Rows to show at most (``None``: no limit).
            max_chars: Characters of output at most, about (``None``: no limit).

        >>> t = Table(columns=["Bulan", "Jumlah"], rows=[["2024-09", 10], ["2024-10", 3]])
        >>> print(t.to_html(max_rows=1))  # doctest: +NORMALIZE_WHITESPACE
        <table><thead><tr><th>Bulan</th><th>Jumlah</th></tr></thead><tbody>
        <tr><td>2024-09</td><td style="text-align:right">10</td></tr>
        </tbody></table><p><i>… 1 more row</i></p>
        """
        caption = f"<caption>{_html_cell(self.title)}</caption>" if self.title else ""
        head = "".join(f"<th>{_html_cell(c)}</th>" for c in self.columns)
        start = f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>\n"
        size = len(start)
        body: list[str] = []
        for row in self.rows if max_rows is None else self.rows[:max_rows]:
            cells = "".join(
                f'<td style="text-align:right">{_html_cell(v)}</td>'
                if _is_number(v)
                else f"<td>{_html_cell(v)}</td>"
                for v in row
            )
            line = f"<tr>{cells}</tr>\n"
            if max_chars is not None and body and size + len(line) > max_chars:
                break
            body.append(line)
            size += len(line)
        more = len(self.rows) - len(body)
        tail = ""
        if more:
            left = ngettext("… {n} more row", "… {n} more rows", more).format(n=more)
            tail = f"<p><i>{_html_cell(left)}</i></p>"
        return start + "".join(body) + "</tbody></table>" + tail

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with the table's columns (needs ``ppid-core[pandas]``).

        Cells keep their Python values: exact ``Decimal`` and ``Fraction`` numbers and
        ``date`` objects stay as they are (``df.astype(float)`` when floats are wanted).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        pandas = import_optional("pandas", "pandas")
        frame: pd.DataFrame = pandas.DataFrame([list(r) for r in self.rows], columns=self.columns)
        return frame


def _html_cell(value: Cell) -> str:
    text = _cell_text(value)
    if len(text) > HTML_MAX_CELL:
        text = text[: HTML_MAX_CELL - 1] + "…"
    import html  # noqa: PLC0415 - only notebooks render HTML

    return html.escape(text)


def jsonable(value: object) -> Any:
    """Convert report values to JSON-ready ones (``json.dumps`` accepts the result).

    Exact numbers follow one rule: a ``Decimal`` or ``Fraction`` becomes a JSON number
    when a float gives back exactly the same value (``90.67``, ``0.25``, ``3``), else
    text that keeps it exact: the decimal's digits (``"1.00000000000000000001"``) or the
    fraction ``"272/3"``. Nothing is silently rounded; a report rounds for display (half
    up) before this when it wants a short number. Dates and times become ISO text, enums
    their value, attrs instances and mappings are converted recursively.

    >>> jsonable({"d": dt.date(2025, 4, 22), "x": Decimal("90.67"), "n": [Fraction(1, 4)]})
    {'d': '2025-04-22', 'x': 90.67, 'n': [0.25]}
    >>> jsonable([Fraction(272, 3), Decimal("0.1000000000000000000001")])
    ['272/3', '0.1000000000000000000001']
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Fraction):
        exact = _finite_decimal(value)
        return str(value) if exact is None else _exact_number(exact)
    if isinstance(value, Decimal):
        return _exact_number(value)
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


def _finite_decimal(value: Fraction) -> Decimal | None:
    """The exact decimal of a fraction whose denominator is a product of 2s and 5s."""
    den, twos, fives = value.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        return None
    places = max(twos, fives)
    return Decimal(value.numerator * 10**places // value.denominator).scaleb(-places)


def _exact_number(value: Decimal) -> float | str:
    """A JSON number when a float gives back exactly ``value``, else its decimal text."""
    if not value.is_finite():
        return str(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def dumps_json(value: object) -> str:
    """Pretty, UTF-8 (not ASCII-escaped) JSON of [`jsonable()`][jsonable] data."""
    import json  # noqa: PLC0415 - only --json and to_json() print JSON

    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)
