"""A printable HTML page of tables: A4 landscape, a page per section, nothing fetched.

The page is one self-contained file: its style sheet is inline, it has no script, no
image, no web font and no link to anything, so it opens the same offline, in an e-mail
attachment and years later. A browser prints it to PDF as it is: ``@page`` sets A4
landscape with 12 mm margins, every section starts on a new page, a table's header row
repeats on each page it spans, and no row is split across pages.

Numbers are written as Indonesian documents write them: a decimal comma (``90,67``) and
a dot between thousands (``1.000.000``); the digits are those of the value (an exact
``Decimal`` keeps its places). Every text is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from ppid_core._tables import Table
from ppid_core.ikm._worksheet_xlsx import WorkbookParts

__all__ = [
    "PAGE_CSS",
    "PrintSection",
    "PrintTable",
    "id_number",
    "printable_page",
    "worksheet_page",
]

PAGE_CSS = """
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 8pt;
       color: #000; background: #fff; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 4pt; }
h2 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 2pt 0; }
table { border-collapse: collapse; margin: 4pt 0 8pt; break-inside: avoid;
        page-break-inside: avoid; }
table.long { break-inside: auto; page-break-inside: auto; }
.side { display: flex; flex-wrap: wrap; gap: 0 14pt; align-items: flex-start; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; }
th, td { border: 0.6pt solid #444; padding: 1.5pt 4pt; vertical-align: top; }
th { background: #e8e8e8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody.sum td { font-weight: bold; background: #f4f4f4; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section { break-after: page; page-break-after: always; }
section:last-of-type { break-after: auto; page-break-after: auto; }
.note { font-size: 8pt; color: #333; }
.grade { font-size: 13pt; font-weight: bold; }
@media screen { body { max-width: 273mm; margin: 8mm auto; } }
""".strip()


def id_number(value: int | Decimal | Fraction | float) -> str:
    """A number as Indonesian documents write it: decimal comma, thousands dots.

    >>> id_number(Decimal("90.67")), id_number(1_000_000), id_number(Decimal("-0.50"))
    ('90,67', '1.000.000', '-0,50')
    """
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = str(value) if isinstance(value, Decimal) else repr(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, places = text.partition(".")
    if whole.isdigit():
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + places if dot else "")


def _cell(value: object) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'ya' if value else 'tidak'}</td>"
    if isinstance(value, int | Decimal | Fraction | float):
        return f"<td class='n'>{html.escape(id_number(value))}</td>"
    if isinstance(value, dt.date):
        return f"<td class='n'>{value.isoformat()}</td>"
    return f"<td>{html.escape(str(value))}</td>"


@attrs.frozen(kw_only=True)
class PrintTable:
    """A table on the page, with rows in its footer (totals) and a note under it.

    Attributes:
        table: The table (its title is the caption).
        footer: Rows shown bold at its foot, once (not on every page), e.g. the sums of
            a grid.
        note: A line under the table (e.g. how many rows are not shown).
        long: The table may run over several pages (its header repeats on each); other
            tables are kept whole on one page.
    """

    table: Table
    footer: tuple[tuple[object, ...], ...] = ()
    note: str = ""
    long: bool = False


@attrs.frozen(kw_only=True)
class PrintSection:
    """A section: a page (or more) of its own.

    Attributes:
        heading: The section's heading.
        lines: Paragraphs before the tables (plain text, escaped).
        tables: The tables.
        notes: Small print after the tables.
        anchor: The section's ``id``.
        side_by_side: Set the tables side by side, as many as fit across the page.
    """

    heading: str
    lines: tuple[str, ...] = ()
    tables: tuple[PrintTable, ...] = ()
    notes: tuple[str, ...] = ()
    anchor: str = ""
    side_by_side: bool = False


def _table(item: PrintTable) -> str:
    t = item.table
    caption = f"<caption>{html.escape(t.title)}</caption>" if t.title else ""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in t.columns)
    body = "\n".join("<tr>" + "".join(map(_cell, row)) + "</tr>" for row in t.rows)
    foot = "\n".join("<tr>" + "".join(map(_cell, row)) + "</tr>" for row in item.footer)
    kind = " class='long'" if item.long else ""
    parts = [f"<table{kind}>{caption}<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody>"]
    if foot:
        parts.append(f"<tbody class='sum'>\n{foot}\n</tbody>")
    parts.append("</table>")
    if item.note:
        parts.append(f"<p class='note'>{html.escape(item.note)}</p>")
    return "".join(parts)


def printable_page(title: str, sections: Sequence[PrintSection], *, heading: str = "") -> str:
    """The whole page: a ``<!DOCTYPE html>`` document in Indonesian (``lang="id"``).

    Args:
        title: The document's title (the browser's tab, the PDF's title).
        sections: The sections, each from a new page.
        heading: An ``<h1>`` above the first section (default ``title``).

    >>> page = printable_page("Uji", [PrintSection(heading="A <b>", lines=("x & y",))])
    >>> "A &lt;b&gt;" in page and "x &amp; y" in page and "@page" in page
    True
    """
    out = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{PAGE_CSS}\n</style></head><body>",
    ]
    for i, section in enumerate(sections):
        anchor = f" id='{html.escape(section.anchor)}'" if section.anchor else ""
        out.append(f"<section{anchor}>")
        if i == 0:
            out.append(f"<h1>{html.escape(heading or title)}</h1>")
        out.append(f"<h2>{html.escape(section.heading)}</h2>")
        out += [f"<p>{html.escape(line)}</p>" for line in section.lines]
        tables = [_table(t) for t in section.tables]
        out += ["<div class='side'>", *tables, "</div>"] if section.side_by_side else tables
        out += [f"<p class='note'>{html.escape(n)}</p>" for n in section.notes]
        out.append("</section>")
    out.append("</body></html>\n")
    return "\n".join(out)


def worksheet_page(parts: WorkbookParts, *, lines: Sequence[str], legend: str, grid: Table) -> str:
    """The IKM worksheet's page: results and legend, the profile, then the grid (``grid``,
    already cut to the rows to list), each part from a new page.

    Args:
        parts: What the worksheet shows (as for its workbook).
        lines: The lines under the heading (source, regime, the IKM).
        legend: The line naming each column of the grid (``U1: Persyaratan; ...``).
        grid: The rows of the grid to list.
    """
    note = ""
    if len(grid.rows) < parts.grid_rows:
        note = (
            f"Ditampilkan {id_number(len(grid.rows))} dari {id_number(parts.grid_rows)} "
            "responden; lembar kerja Excel (--output X.xlsx) memuat semuanya."
        )
    sections = [
        PrintSection(
            heading="Hasil: nilai per unsur dan IKM",
            anchor="hasil",
            lines=tuple(lines),
            tables=tuple(PrintTable(table=t) for t in parts.results),
            notes=tuple(parts.notes),
            side_by_side=True,
        ),
        PrintSection(
            heading="Profil responden",
            anchor="profil",
            tables=tuple(PrintTable(table=t) for t in parts.profile),
            side_by_side=True,
            lines=() if parts.profile else ("Berkas tidak memuat kolom profil responden.",),
        ),
        PrintSection(
            heading="Data per responden",
            anchor="data",
            lines=(legend,),
            tables=(
                PrintTable(
                    table=grid, footer=tuple(map(tuple, parts.footer)), note=note, long=True
                ),
            ),
        ),
    ]
    return printable_page(f"Lembar kerja IKM — {parts.source}", sections, heading=parts.title)
