"""The annual report as a document: Markdown and a printable HTML page.

Both are rendered from one list of blocks ([`blocks()`][blocks]): the title page, the six
parts in order (a part not provided says "tidak disediakan"), the footnote on the
sub-items' confidence, the notes and the signature block. The chart is a table with bars
in Markdown and an inline SVG in HTML; no optional dependency is needed. Every text from
a file (the profile, the register's names) is escaped: no raw HTML passes, and in
Markdown no link either (``[x](javascript:...)`` and ``[x]: url`` are shown as written,
their brackets escaped). A summary's paragraphs stay paragraphs.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from ppid_core._month_names import MONTH_NAMES
from ppid_core._tables import Table, markdown_text
from ppid_core.requests._annual_chart import svg_chart, text_chart
from ppid_core.requests._annual_parts import (
    LIST_HEADINGS,
    NOT_PROVIDED,
    SUB_ITEMS_CONFIDENCE,
    AnnualPart,
    DisputePart,
    ProfilePart,
    ServicePart,
    TitlePage,
)

__all__ = ["Block", "blocks", "html_page", "indonesian_date", "markdown"]

Block = tuple[str, object]
"""A kind (``h1``, ``h2``, ``p``, ``strong``, ``ul``, ``table``, ``chart``, ``sign``, and
``lead`` and ``note`` for ppid-core's own text) and its content."""

_LEGAL_BASIS = (
    "Disusun menurut Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan "
    "Informasi Publik, Pasal 56 [S]: laporan layanan informasi publik disampaikan kepada "
    "Komisi Informasi paling lambat tiga bulan setelah tahun anggaran berakhir, dan "
    "merupakan informasi yang wajib tersedia setiap saat."
)
_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: "Times New Roman", serif; font-size: 11pt; max-width: 17cm; margin: auto; }
h1 { text-align: center; font-size: 16pt; }
h2 { font-size: 13pt; margin-top: 1.5em; page-break-after: avoid; }
table { border-collapse: collapse; margin: 0.8em 0; page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 2px 6px; font-size: 10pt; }
caption { font-weight: bold; text-align: left; padding-bottom: 3px; }
.title { text-align: center; margin-bottom: 2em; }
.sign { margin-top: 3em; margin-left: 55%; }
.sign .space { height: 5em; }
.note { font-size: 9pt; }
"""


def indonesian_date(day: dt.date) -> str:
    """A date as Indonesian documents write it.

    >>> indonesian_date(dt.date(2025, 3, 31))
    '31 Maret 2025'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _part(part: AnnualPart) -> list[Block]:
    out: list[Block] = [("h2", f"{part.number}. {part.title}")]
    if isinstance(part, ProfilePart):
        if not part.provided:
            out.append(
                (
                    "strong",
                    f"{NOT_PROVIDED.capitalize()}: profil badan publik tidak memuat bagian ini.",
                )
            )
            return out
        out += [("p", paragraph) for paragraph in part.paragraphs()]
        for key, items in part.lists:
            out.append(("p", f"{LIST_HEADINGS[key]}:"))
            out.append(("ul", list(items) or ["(tidak ada)"]))
        out += [
            ("p", f"{LIST_HEADINGS[key]}: {NOT_PROVIDED} (profil badan publik tidak memuatnya).")
            for key in part.missing
        ]
        return out
    if isinstance(part, ServicePart):
        text = f"Jumlah permohonan informasi publik yang diterima: {part.requests}."
        if part.outside_year:
            text += (
                f" {part.outside_year} permohonan dalam register diterima di luar tahun ini "
                "dan tidak dihitung."
            )
        out.append(("p", text))
        out.append(("chart", part))
        out += [("table", t) for t in part.tables()[1:]]
        return out
    assert isinstance(part, DisputePart)  # noqa: S101 - the three kinds of part
    if not part.provided:
        out.append(
            (
                "strong",
                f"{NOT_PROVIDED.capitalize()}: register tidak memuat kolom "
                "keberatan maupun sengketa.",
            )
        )
    out.append(("table", part.table()))
    return out


def blocks(
    page: TitlePage, parts: Sequence[AnnualPart], notes: Sequence[str], warnings: Sequence[str]
) -> list[Block]:
    """The document as blocks, in order."""
    out: list[Block] = [("h1", f"Laporan Layanan Informasi Publik Tahun {page.year}")]
    if page.public_body is None:
        out.append(("strong", f"Badan publik dan PPID: {NOT_PROVIDED} (laporan tanpa profil)"))
    else:
        out.append(("strong", page.public_body))
        out.append(("p", page.ppid or ""))
    out.append(("lead", _LEGAL_BASIS))
    out.append(
        (
            "p",
            f"Sumber data: register {page.source}; profil: {page.profile_source or NOT_PROVIDED}"
            f"; aturan batas waktu: {page.rule_set}.",
        )
    )
    for part in parts:
        out += _part(part)
    out.append(("note", f"† {SUB_ITEMS_CONFIDENCE}."))
    if notes:
        out += [("h2", "Catatan"), ("ul", list(notes))]
    if warnings:
        out += [("h2", "Peringatan"), ("ul", list(warnings))]
    out.append(("sign", page))
    return out


def _signature(page: TitlePage) -> list[str]:
    where = page.place or "...................."
    when = indonesian_date(page.signed_on) if page.signed_on else "...................."
    return [
        f"{where}, {when}",
        page.signatory_position or "Pejabat Pengelola Informasi dan Dokumentasi",
        "",
        "(tanda tangan)",
        "",
        page.signatory_name or "(nama)",
    ]


def _md(text: str) -> str:
    """Text from a file for Markdown: one line, no raw HTML, and no link: brackets and
    backslashes are escaped, so neither ``[x](url)`` nor a reference definition
    ``[x]: url`` (which a list item may hold) can form one.

    >>> print(_md("[x](javascript:alert(1))"))
    \\[x\\]\\(javascript:alert(1))
    """
    return markdown_text(text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]"))


def markdown(
    page: TitlePage, parts: Sequence[AnnualPart], notes: Sequence[str], warnings: Sequence[str]
) -> str:
    """The document as Markdown (text from files escaped: no raw HTML, no link)."""
    esc = _md
    lines: list[str] = []
    for kind, content in blocks(page, parts, notes, warnings):
        if kind == "h1":
            lines += [f"# {esc(str(content))}", ""]
        elif kind == "h2":
            lines += [f"## {esc(str(content))}", ""]
        elif kind == "strong":
            lines += [f"**{esc(str(content))}**", ""]
        elif kind in {"lead", "note"}:  # ppid-core's own text (its [S] marks stay)
            lines += [markdown_text(str(content)), ""]
        elif kind == "p":
            lines += [esc(str(content)), ""]
        elif kind == "ul":
            assert isinstance(content, list)  # noqa: S101 - built by blocks()
            lines += [*(f"- {esc(str(i))}" for i in content), ""]
        elif kind == "table":
            assert isinstance(content, Table)  # noqa: S101 - built by blocks()
            lines += [content.to_markdown(), ""]
        elif kind == "chart":
            assert isinstance(content, ServicePart)  # noqa: S101 - built by blocks()
            chart = text_chart([m.row() for m in content.months], content.response.limits)
            lines += [chart.to_markdown(), ""]
        else:
            assert isinstance(content, TitlePage)  # noqa: S101 - the signature block
            lines += ["## Pengesahan", ""]
            lines += [f"{esc(t)}  " if t else "" for t in _signature(content)]
    return "\n".join(lines).rstrip() + "\n"


def html_page(
    page: TitlePage, parts: Sequence[AnnualPart], notes: Sequence[str], warnings: Sequence[str]
) -> str:
    """The document as one standalone HTML page to print and sign (every text escaped)."""
    esc = html.escape
    body: list[str] = []
    for kind, content in blocks(page, parts, notes, warnings):
        if kind in {"h1", "h2"}:
            body.append(f"<{kind}>{esc(str(content))}</{kind}>")
        elif kind == "strong":
            body.append(f"<p><strong>{esc(str(content))}</strong></p>")
        elif kind in {"p", "lead"}:
            body.append(f"<p>{esc(str(content))}</p>")
        elif kind == "note":
            body.append(f'<p class="note">{esc(str(content))}</p>')
        elif kind == "ul":
            assert isinstance(content, list)  # noqa: S101 - built by blocks()
            body.append("<ul>" + "".join(f"<li>{esc(str(i))}</li>" for i in content) + "</ul>")
        elif kind == "table":
            assert isinstance(content, Table)  # noqa: S101 - built by blocks()
            body.append(content.to_html(max_rows=None))
        elif kind == "chart":
            assert isinstance(content, ServicePart)  # noqa: S101 - built by blocks()
            rows = [m.row() for m in content.months]
            title = f"Permohonan per bulan dan waktu pemenuhan, {page.year}"
            body.append(f"<figure>{svg_chart(rows, content.response.limits, title=title)}</figure>")
            body.append(text_chart(rows, content.response.limits).to_html(max_rows=None))
        else:
            assert isinstance(content, TitlePage)  # noqa: S101 - the signature block
            lines = _signature(content)
            sign = "".join(
                '<div class="space"></div>' if t == "(tanda tangan)" else f"<div>{esc(t)}</div>"
                for t in lines
                if t
            )
            body.append(f'<div class="sign">{sign}</div>')
    title = esc(f"Laporan Layanan Informasi Publik Tahun {page.year}")
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
