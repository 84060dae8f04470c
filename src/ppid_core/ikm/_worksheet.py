"""The IKM worksheet (lembar pengolahan data SKM), in the layout offices publish.

The worksheet shows how the IKM was reached, from the answers to the grade:

1. the answers of each respondent, one column per unsur (U1-U9 by question number);
2. per unsur: the sum of the scores (Σ nilai), the questionnaires that answered it, the
   NRR (Σ nilai / kuesioner terisi), the weight and the weighted NRR (NRR x bobot);
3. the sum of the weighted NRR (the index on the 1-4 scale) and the IKM (x 25), with its
   mutu and kinerja, and the interval table of the regime as the legend;
4. the respondent profile: jenis kelamin, pendidikan, pekerjaan, usia (and layanan)
   when the file has them, counts and shares.

Every value is computed exactly (``Fraction``) and shown half-up: NRR and IKM to 2
decimals, the weighted NRR to 4; the exact fraction stands next to each (``"183/50"``).
The weight is exact: 1/9 under Permenpan RB 14/2017, not the 0,11 the guideline prints
nor the 0,111 many spreadsheets use (with those the highest possible IKM is 99,00 or
99,90, not 100).

It is written as an Excel workbook ([`IkmWorksheet.to_xlsx()`][IkmWorksheet.to_xlsx]:
values, not formulas, so the file shows the same figures wherever it is opened) and as an
HTML page a browser prints to PDF ([`IkmWorksheet.to_html()`][IkmWorksheet.to_html]).
Names are masked unless ``unmask=True``.

References:
    Permenpan RB 14/2017, Lampiran: NRR per unsur = jumlah nilai per unsur / jumlah
    kuesioner yang terisi; NRR tertimbang = NRR x bobot (1/9); IKM = jumlah NRR
    tertimbang; IKM unit x 25; tabel nilai persepsi, interval, interval konversi, mutu
    dan kinerja.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ppid_core._export import XlsxTarget
from ppid_core._i18n import _
from ppid_core._masking import mask_name
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.errors import InvalidArgumentError
from ppid_core.ikm._columns import NOT_ANSWERED, KeptColumn
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._regime_parts import normalize_header
from ppid_core.ikm._result import IkmResult
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._worksheet_html import id_number, worksheet_page
from ppid_core.ikm._worksheet_tables import (
    PROFILE_LABELS,
    exact,
    legend_table,
    ordered_unsur,
    processing_table,
    profile_tables,
    result_table,
    worksheet_notes,
)
from ppid_core.ikm._worksheet_xlsx import WorkbookParts, write_workbook

__all__ = ["GRID_HTML_ROWS", "GRID_TABLE_ROWS", "IkmWorksheet"]

#: Respondents the HTML page lists at most (the page says how many more there are).
GRID_HTML_ROWS = 1_000
#: Respondents the grid has in [`IkmWorksheet.tables()`][IkmWorksheet.tables] at most.
GRID_TABLE_ROWS = 1_000

_NUMBER_HEADERS = frozenset({"no", "nomor", "no responden", "nomor responden", "no urut"})
_TITLE = "Pengolahan Data Survei Kepuasan Masyarakat per Responden dan per Unsur Pelayanan"


@attrs.frozen(kw_only=True, repr=False)
class IkmWorksheet(ResultMixin):
    """The IKM worksheet of a survey: the answers, every step of the sum, the grade.

    Build it with [`IkmWorksheet.from_survey()`][IkmWorksheet.from_survey]. A result
    (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``): the tables
    hold the figures and at most 1,000 rows of the grid;
    [`to_xlsx()`][to_xlsx] writes every respondent, [`to_html()`][to_html] a printable page.

    Attributes:
        result: The IKM of the survey.
        source: Where the answers came from.
        codes: The column of each unsur in the grid (``U1``...), in question order.
        scores: Per unsur in question order, per respondent: the score, or 255 when
            not answered; empty when the survey kept no answers per respondent.
        numbers: The file's own respondent numbers (a ``No`` column), if it has them.
        names: The respondents' names as shown (masked unless unmasked), if given.
        profile: Characteristic -> value -> respondents.
    """

    result: IkmResult
    source: str
    codes: tuple[str, ...]
    scores: tuple[bytes, ...] = attrs.field(repr=False)
    numbers: KeptColumn | None = attrs.field(default=None, repr=False)
    names: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    profile: dict[str, dict[str, int]] = attrs.Factory(dict)

    @classmethod
    def from_survey(
        cls,
        survey: Survey,
        *,
        policy: ScoringPolicy | None = None,
        names: Sequence[str] | None = None,
        unmask: bool = False,
    ) -> IkmWorksheet:
        """The worksheet of a read survey.

        Args:
            survey: The survey ([`read_survey()`][ppid_core.ikm.read_survey]).
            policy: The arithmetic (default exact).
            names: The respondents' names, one per counted questionnaire in reading order
                (a survey never keeps a column of names itself); masked as initials
                unless ``unmask``.
            unmask: Show the names as written.

        Raises:
            InvalidArgumentError: ``names`` has another length than the respondents.
            InvalidTallyError: An unsur nobody answered (the IKM is undefined).
        """
        result = survey.score(policy=policy)
        n = survey.respondents
        if names is not None and len(names) != n:
            msg = _("names: {count:,} names for {n:,} respondents; give one per respondent").format(
                count=len(names), n=n
            )
            raise InvalidArgumentError(msg)
        shown = None if names is None else tuple(n if unmask else mask_name(n) for n in names)
        ordered = ordered_unsur(result)
        position = {key: i for i, key in enumerate(result.regime.keys)}
        kept = survey.responses.scores
        scores = (
            tuple(kept[position[s.unsur.key]] for s in ordered)
            if kept and len(kept[0]) == n
            else ()
        )
        numbers = next(
            (
                c
                for c in survey.responses.columns
                if normalize_header(c.name).replace(".", "") in _NUMBER_HEADERS
            ),
            None,
        )
        profile: dict[str, dict[str, int]] = {}
        for key, value, count, _share in survey.profile_table().rows:
            profile.setdefault(str(key), {})[str(value)] = int(count)  # type: ignore[call-overload]
        return cls(
            result=result,
            source=survey.source,
            codes=tuple(f"U{i}" for i in range(1, len(ordered) + 1)),
            scores=scores,
            numbers=numbers,
            names=shown,
            profile=profile,
        )

    @property
    def respondents(self) -> int:
        """Questionnaires counted."""
        return self.result.respondents

    @property
    def has_grid(self) -> bool:
        """Whether the answers of each respondent are known (the survey kept them)."""
        return bool(self.scores) or self.respondents == 0

    # -- the tables -------------------------------------------------------------------------

    def processing_table(self) -> Table:
        """Per unsur (U1-U9): Σ nilai, terisi, NRR, bobot, NRR tertimbang, NIK, mutu."""
        return processing_table(self.result, self.codes)

    def result_table(self) -> Table:
        """The sum of the weighted NRR, the IKM, its mutu and kinerja, and how they were got."""
        return result_table(self.result)

    def legend_table(self) -> Table:
        """The interval table of the regime: NI and NIK bounds, mutu, kinerja."""
        return legend_table(self.result)

    def profile_tables(self) -> list[Table]:
        """One table per characteristic: each value, its respondents and share (%)."""
        return profile_tables(self.profile, self.respondents)

    def grid_columns(self) -> tuple[str, ...]:
        """The grid's header: ``No``, ``Nama`` (when names were given), ``U1``..."""
        return ("No", *(("Nama",) if self.names is not None else ()), *self.codes)

    def grid_rows(
        self, limit: int | None = None, *, start: int = 0
    ) -> Iterator[tuple[int | str | None, ...]]:
        """The grid, a row per respondent: number, name (if given), scores (``None``: blank).

        Args:
            limit: Rows at most (``None``: every respondent from ``start``).
            start: The first respondent, counted from 0.
        """
        if not self.scores:
            return
        end = len(self.scores[0]) if limit is None else min(start + limit, len(self.scores[0]))
        labels = codes = None
        if self.numbers is not None:
            labels = [int(v) if v.isdigit() else v for v in self.numbers.labels]
            codes = self.numbers.codes
        names = self.names
        columns = self.scores
        for i in range(start, end):
            number: int | str = i + 1 if labels is None or codes is None else labels[codes[i]]
            scores = tuple(None if c[i] == NOT_ANSWERED else c[i] for c in columns)
            yield (number, names[i], *scores) if names is not None else (number, *scores)

    def grid_footer(self) -> list[tuple[object, ...]]:
        """The rows under the grid, as the official worksheet has them."""
        ordered = ordered_unsur(self.result)
        pad = (None,) if self.names is not None else ()
        r = self.result
        return [
            ("Σ nilai per unsur", *pad, *(s.total for s in ordered)),
            ("Kuesioner terisi", *pad, *(s.answered for s in ordered)),
            ("NRR per unsur", *pad, *(half_up(s.nrr, 2) for s in ordered)),
            ("NRR tertimbang", *pad, *(half_up(s.nrr * s.weight, 4) for s in ordered)),
            ("Σ NRR tertimbang", *pad, half_up(r.index, 4), *(None,) * (len(ordered) - 1)),
            (f"IKM (× {r.regime.conversion})", *pad, r.ikm_display, *(None,) * (len(ordered) - 1)),
        ]

    def grid_table(self, limit: int | None = GRID_TABLE_ROWS) -> Table:
        """The grid as a table: at most ``limit`` respondents (``None``: all of them)."""
        shown = min(self.respondents, limit) if limit is not None else self.respondents
        title = "Data per responden"
        if not self.has_grid:
            title += " (tidak tersedia: jawaban per responden tidak disimpan)"
        elif shown < self.respondents:
            title += f" ({shown:,} pertama dari {self.respondents:,})"
        return Table(columns=self.grid_columns(), rows=list(self.grid_rows(limit)), title=title)

    def notes(self) -> list[str]:
        """What a reader of the worksheet should know: the weight, the rounding, the data."""
        return worksheet_notes(self.result, has_grid=self.has_grid)

    def tables(self) -> list[Table]:
        """Processing, result, legend, profile, and the first rows of the grid."""
        return [
            self.processing_table(),
            self.result_table(),
            self.legend_table(),
            *self.profile_tables(),
            self.grid_table(),
        ]

    # -- the protocol -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures of the worksheet (the grid itself is in the files).

        ``unsur`` lists each column (``code`` U1...) with its sums and values, half-up
        and exact; ``bands`` the legend; ``profile`` the counts and shares;
        ``grid`` how many rows the grid has and whether names are shown.
        """
        r = self.result
        data: dict[str, Any] = jsonable(
            {
                "source": self.source,
                "regime": r.regime.key,
                "policy": r.policy.describe(),
                "compliant": r.policy.compliant,
                "respondents": r.respondents,
                "dropped": r.dropped,
                "index": half_up(r.index, 4),
                "index_exact": exact(r.index),
                "ikm": r.ikm_display,
                "ikm_exact": exact(r.ikm),
                "mutu": r.mutu,
                "kinerja": r.kinerja,
                "unsur": [
                    {
                        "code": code,
                        "key": s.unsur.key,
                        "name": s.unsur.name,
                        "total": s.total,
                        "answered": s.answered,
                        "nrr": half_up(s.nrr, 2),
                        "nrr_exact": exact(s.nrr),
                        "weight": exact(s.weight),
                        "weighted": half_up(s.nrr * s.weight, 4),
                        "weighted_exact": exact(s.nrr * s.weight),
                        "converted": half_up(s.converted, 2),
                        "mutu": s.mutu,
                    }
                    for code, s in zip(self.codes, ordered_unsur(r), strict=True)
                ],
                "bands": [
                    {
                        "perception": b.perception,
                        "lower": b.lower,
                        "upper": b.upper,
                        "mutu": b.mutu,
                        "kinerja": b.kinerja,
                    }
                    for b in r.regime.bands
                ],
                "profile": {
                    PROFILE_LABELS.get(k, k): [
                        {"value": v, "respondents": c} for v, c in counts.items()
                    ]
                    for k, counts in self.profile.items()
                },
                "grid": {
                    "rows": self.respondents if self.has_grid else 0,
                    "names": None if self.names is None else "shown",
                },
                "notes": self.notes(),
            }
        )
        return data

    def _summary(self) -> str:
        r = self.result
        return f"{self.source}: IKM {r.ikm_display} ({r.mutu}), {r.respondents} responden"

    def _heading(self) -> str:
        return f"Lembar kerja IKM: {self._summary()}"

    # -- the files --------------------------------------------------------------------------

    def to_html(self, *, max_rows: int = GRID_HTML_ROWS) -> str:
        """A printable HTML page: results and legend, profile, then the grid, each on new pages.

        Args:
            max_rows: Respondents listed at most; the page says how many more the
                workbook has.
        """
        r = self.result
        lines = (
            f"Sumber: {self.source}",
            f"Pedoman: {r.regime.title}",
            f"IKM {id_number(r.ikm_display)} — mutu {r.mutu} ({r.kinerja}); "
            f"{id_number(r.respondents)} responden",
        )
        legend = "; ".join(
            f"{c}: {s.unsur.name}" for c, s in zip(self.codes, ordered_unsur(r), strict=True)
        )
        grid = self.grid_table(max_rows)
        return worksheet_page(self._parts(), lines=lines, legend=legend, grid=grid)

    def to_xlsx(self, file: XlsxTarget) -> None:
        """Write the worksheet as an Excel workbook (extra ``excel``), values not formulas.

        Sheets: ``Pengolahan`` (the grid, every respondent, then the sums and NRR rows
        under it; more sheets of a million respondents each when there are more),
        ``Hasil`` (per unsur, the IKM, the legend, the notes) and ``Profil responden``.

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        write_workbook(self._parts(), file)

    def _parts(self) -> WorkbookParts:
        return WorkbookParts(
            title=_TITLE,
            source=self.source,
            respondents=self.respondents,
            columns=self.grid_columns(),
            rows=lambda count, start: self.grid_rows(count, start=start),
            grid_rows=self.respondents if self.scores else 0,
            footer=self.grid_footer(),
            results=(self.processing_table(), self.result_table(), self.legend_table()),
            notes=self.notes(),
            profile=self.profile_tables(),
        )
