"""The annual report's one chart: requests per month, by response time against the limits.

Drawn without any optional dependency: an inline SVG for the HTML document
([`svg_chart()`][svg_chart]) and a table with a bar of ``#`` per month for Markdown and
plain text ([`text_chart()`][text_chart]). Each month's bar is stacked by class: answered
within the response period (10 working days under UU 14/2008 Pasal 22 ayat (7)), within
the extended one (17, ayat (8)), later, not answered (the response-date cell is empty)
and unknown (no response-date column, or a cell that could not be read).

    >>> rows = [("2024-01", 3, 2, 0, 0, 1, 0), ("2024-02", 0, 0, 0, 0, 0, 0)]
    >>> print(text_chart(rows, (10, 17)).to_markdown().splitlines()[-2])
    | Jan | 3 | 2 | 0 | 0 | 1 | 0 | ############################## |
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ppid_core._month_names import MONTH_ABBREVIATIONS
from ppid_core._tables import Table

__all__ = ["MonthRow", "class_labels", "svg_chart", "text_chart"]

MonthRow = tuple[str, int, int | None, int | None, int | None, int | None, int]
"""One month: ``("YYYY-MM", requests, within, extended, later, not_answered, unknown)``;
the first four classes are ``None`` when the register has no response-date column."""

_BAR_WIDTH = 30
"""The longest bar of the text chart, in characters."""
_COLOURS = ("#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#9e9e9e")


def class_labels(limits: tuple[int, int]) -> tuple[str, str, str, str, str]:
    """The five classes' Indonesian labels for the response and extended limits."""
    first, second = limits
    return (
        f"<= {first} hari kerja",
        f"{first + 1}-{second} hari kerja",
        f"> {second} hari kerja",
        "belum dijawab",
        "tidak diketahui",
    )


def _month(label: str) -> str:
    return MONTH_ABBREVIATIONS[int(label[5:7]) - 1]


def text_chart(rows: Sequence[MonthRow], limits: tuple[int, int]) -> Table:
    """The chart as a table: one row per month, its classes and a bar of ``#``.

    An unknown class reads "tidak diketahui", never 0.
    """
    most = max((r[1] for r in rows), default=0)
    unknown = "tidak diketahui"
    out = []
    for month, total, *classes, not_known in rows:
        bar = "#" * (0 if not most else -(-total * _BAR_WIDTH // most))
        shown = [unknown if n is None else n for n in classes]
        out.append((_month(month), total, *shown, not_known, bar))
    return Table(
        columns=("Bulan", "Permohonan", *class_labels(limits), "Grafik"),
        rows=out,
        title="Grafik: permohonan per bulan dan waktu pemenuhan",
    )


def svg_chart(rows: Sequence[MonthRow], limits: tuple[int, int], *, title: str) -> str:
    """The chart as an inline SVG (stacked bars per month, a legend, a scale)."""
    width, height, left, bottom, top = 680, 300, 40, 40, 40
    plot_h = height - bottom - top
    most = max((r[1] for r in rows), default=0) or 1
    step = (width - left - 10) / max(len(rows), 1)
    bar = step * 0.6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
        f"<title>{html.escape(title)}</title>",
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" '
        'stroke="#333"/>',
        f'<text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{most}</text>',
    ]
    for i, (month, total, *known, unknown) in enumerate(rows):
        x = left + i * step + (step - bar) / 2
        y = float(height - bottom)
        segments = (
            (*known, unknown) if None not in known else (0, 0, 0, 0, total)  # all unknown
        )
        for value, colour in zip(segments, _COLOURS, strict=True):
            if not value:
                continue
            h = plot_h * value / most
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{html.escape(month)}: {value}</title></rect>'
            )
        if total:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{total}</text>'
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">'
            f"{_month(month)}</text>"
        )
    for j, (label, colour) in enumerate(zip(class_labels(limits), _COLOURS, strict=True)):
        x = left + j * 125
        parts.append(
            f'<rect x="{x}" y="{height - 14}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{height - 5}">{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
