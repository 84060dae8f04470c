"""The annual report (laporan layanan informasi publik, Perki 1/2021 Pasal 56) as a result.

Built by [`annual_report()`][ppid_core.requests.annual_report]; this module holds it and
derives its views (the result never imports the computation).

References:
    Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 (the sub-items) [S].
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._result import ResultMixin
from ppid_core._tables import Table
from ppid_core.requests._annual_parts import (
    NOT_PROVIDED,
    AnnualPart,
    DisputePart,
    ProfilePart,
    ServicePart,
    TitlePage,
)
from ppid_core.requests._annual_render import html_page, markdown
from ppid_core.requests._said import said

if TYPE_CHECKING:
    from ppid_core._export import XlsxTarget

__all__ = ["AnnualReport"]

_SHEETS = ("Bagian", "Per bulan", "Waktu", "Keputusan", "Alasan", "Sengketa")


@attrs.frozen(kw_only=True, repr=False)
class AnnualReport(ResultMixin):
    """The laporan layanan informasi publik of one year (Perki 1/2021 Pasal 56).

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``to_html``, ``tables``,
    ``to_frame``, ``to_xlsx``; see the results guide): ``to_dict()`` is what
    ``ppid report annual --json`` prints. ``year`` and ``parts[*].provided`` are stable
    keys other reports read (the e-Monev evidence).

    Attributes:
        title_page: Year, sources, badan publik, PPID and the signature block.
        parts: The six parts, in the regulation's order.
        notes: How the registers were read; requests received outside the year.
        warnings: Register cells that could not be used (located, masked).
    """

    title_page: TitlePage
    parts: tuple[AnnualPart, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def year(self) -> int:
        """The year reported."""
        return self.title_page.year

    @property
    def service(self) -> ServicePart:
        """Part 3, rincian pelayanan informasi publik."""
        part = self.parts[2]
        assert isinstance(part, ServicePart)  # noqa: S101 - built so by annual_report()
        return part

    @property
    def disputes(self) -> DisputePart:
        """Part 4, rincian penyelesaian sengketa informasi publik."""
        part = self.parts[3]
        assert isinstance(part, DisputePart)  # noqa: S101 - built so by annual_report()
        return part

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: ``year``, the title page, ``parts``, ``notes``, ``warnings``."""
        return {
            **self.title_page.to_dict(),
            "parts": [p.to_dict() for p in self.parts],
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }

    def tables(self) -> list[Table]:
        """The parts overview, part 3's tables and part 4's table."""
        overview = Table(
            columns=("No", "Bagian", "Disediakan", "Sumber"),
            rows=[
                (
                    p.number,
                    p.title,
                    "ya" if p.provided else NOT_PROVIDED,
                    "profil" if isinstance(p, ProfilePart) else "register",
                )
                for p in self.parts
            ],
            title=f"Bagian laporan {self.year}",
        )
        return [overview, *self.service.tables(), self.disputes.table()]

    def _summary(self) -> str:
        provided = sum(p.provided for p in self.parts)
        return f"{self.year}: {self.service.requests} requests, {provided} of 6 parts provided"

    def _heading(self) -> str:
        return f"Laporan layanan informasi publik tahun {self.year}"

    def to_markdown(self) -> str:
        """The report as a printable Markdown document: title page, the six parts, the
        chart as a table with bars, notes and the signature block. No raw HTML passes."""
        return markdown(self.title_page, self.parts, *self._shown())

    def to_html(self) -> str:
        """The report as one standalone HTML page to print (A4) and sign, with the chart
        as an inline SVG; every text is escaped."""
        return html_page(self.title_page, self.parts, *self._shown())

    def _shown(self) -> tuple[list[str], list[str]]:
        """The notes and warnings in the language in use (the document around them is
        Indonesian in every language: its titles are the regulation's words)."""
        return [said(n) for n in self.notes], [said(w) for w in self.warnings]

    def to_xlsx(self, file: XlsxTarget) -> None:
        """The report's [`tables()`][tables] as an Excel workbook (extra ``excel``).

        Args:
            file: A path (``laporan.xlsx``) or a binary file object.

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        from ppid_core._export import write_xlsx  # noqa: PLC0415 - only to write a workbook

        write_xlsx(self.tables(), file, names=list(_SHEETS))
