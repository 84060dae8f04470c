"""IKM results: the score of a unit or a group, and its views.

[`IkmResult`][IkmResult] renders as the seed's table (Markdown, CSV), as JSON-ready data, as
HTML for Jupyter (the grade coloured) and as a chart; a breakdown by groups is
[`Breakdown`][ppid_core.ikm.Breakdown] (in ``._breakdown``). Half-up rounding to 2 decimals is
for display only; the values stay exact.

References:
    Permenpan RB 14/2017, Lampiran: IKM = sum of NRR x bobot; IKM unit x 25; tabel nilai
    persepsi, interval, interval konversi, mutu dan kinerja.
"""

from __future__ import annotations

import html
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import N_, _, ngettext
from ppid_core._numbers import half_up
from ppid_core._optional import import_optional
from ppid_core._result import ResultMixin
from ppid_core._tables import HTML_MAX_ROWS, Table, jsonable
from ppid_core.errors import UnknownNameError
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._regime import Band, Regime, Unsur
from ppid_core.ikm._sample import krejcie_morgan

if TYPE_CHECKING:
    from ppid_core._export import XlsxTarget

__all__ = [
    "COLUMNS",
    "INDEX_ROW",
    "POOLED_SCOPE",
    "IkmResult",
    "UnsurScore",
    "shown_scope",
    "unit_figures",
]

#: The columns of the report table, as the seed (KPU NTT 2024) heads them ("No", "Ruang
#: Lingkup", "Nilai Rata-Rata", "Nilai Interval Konversi", "Kinerja"): English msgids,
#: translated where the table is built (``kinerja`` is a glossary term, Indonesian in both).
COLUMNS = (
    N_("No"),
    N_("Scope"),
    N_("Average score"),
    N_("Converted interval score"),
    "Kinerja",
)
#: The row of the weighted index ("IKM (NRR tertimbang)" in Indonesian).
INDEX_ROW = N_("IKM (weighted NRR)")
#: The scope of a unit's pooled score (data in ``to_dict()``; translated where shown).
POOLED_SCOPE = N_("unit (pooled respondents)")
_COLOURS = {"A": "#1a7f37", "B": "#2f6fbf", "C": "#b7791f", "D": "#c53030"}


@attrs.frozen(kw_only=True)
class UnsurScore:
    """The score of one unsur.

    Attributes:
        unsur: The unsur.
        total: Sum of its scores.
        answered: Questionnaires that answered it.
        nrr: Nilai rata-rata, exact (rounded only under a legacy policy).
        weight: The weight used.
        converted: NRR x 25 (the "nilai interval konversi"), exact.
        band: Its row of the interval table.
    """

    unsur: Unsur
    total: int
    answered: int
    nrr: Fraction
    weight: Fraction
    converted: Fraction
    band: Band

    @property
    def mutu(self) -> str:
        """Grade A-D of this unsur."""
        return self.band.mutu

    @property
    def kinerja(self) -> str:
        """Performance label of this unsur."""
        return self.band.kinerja


@attrs.frozen(kw_only=True, repr=False)
class IkmResult(ResultMixin):
    """The IKM of a unit (pooled) or of one group, with every intermediate value.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide): ``to_dict()`` is what ``ppid ikm score --json`` prints.

    Attributes:
        regime: The regime used.
        policy: The arithmetic used.
        scope: What was scored, e.g. ``"unit (pooled respondents)"`` or ``"Layanan = X"``.
        respondents: Questionnaires scored.
        dropped: Incomplete questionnaires left out (``drop`` policy).
        unsur: Per-unsur scores, in the regime's listing order (reports sort them by
            question number; look one up by name with ``result[name]``).
        index: The weighted index on the answer scale (NI, 1-4), exact.
        ikm: The converted index (NIK, 25-100), exact.
        band: The row of the interval table of the IKM.
        population: The service population, when known (for the sample-size check).

    References:
        Permenpan RB 14/2017, Lampiran: IKM = sum of NRR x bobot; IKM unit x 25;
        tabel nilai persepsi, interval, interval konversi, mutu dan kinerja.
    """

    regime: Regime
    policy: ScoringPolicy
    scope: str
    respondents: int
    dropped: int
    unsur: tuple[UnsurScore, ...]
    index: Fraction
    ikm: Fraction
    band: Band
    population: int | None = None

    @property
    def mutu(self) -> str:
        """Grade A-D."""
        return self.band.mutu

    @property
    def kinerja(self) -> str:
        """Performance label."""
        return self.band.kinerja

    @property
    def ikm_display(self) -> Decimal:
        """The IKM rounded half-up to 2 decimals, as published."""
        return half_up(self.ikm, 2)

    def __getitem__(self, name: str) -> UnsurScore:
        """The score of one unsur by key, name or alias."""
        key = self.regime[name].key
        return next(s for s in self.unsur if s.unsur.key == key)

    def _ordered(self, order: str) -> list[tuple[int, UnsurScore]]:
        """Numbered rows: by question number (unnumbered unsur last) or as the regime lists."""
        if order == "regime":
            return list(enumerate(self.unsur, start=1))
        if order == "questionnaire":
            ranked = sorted(
                self.unsur,
                key=lambda s: (s.unsur.question_number is None, s.unsur.question_number or 0),
            )
            return list(enumerate(ranked, start=1))
        msg = _("order must be 'regime' or 'questionnaire', got {order!r}").format(order=order)
        raise UnknownNameError(msg)

    def to_table(self, *, order: str = "questionnaire") -> Table:
        """The report in the seed's layout: one row per unsur, then the IKM row (half-up).

        Args:
            order: ``"questionnaire"`` (the default): rows by question number, as the seed's
                table (KPU NTT 2024) prints them, sarana 8th and pengaduan 9th;
                ``"regime"``: the regime file's listing order.
        """
        rows: list[tuple[object, ...]] = [
            (n, s.unsur.name, half_up(s.nrr, 2), half_up(s.converted, 2), s.kinerja)
            for n, s in self._ordered(order)
        ]
        rows.append((None, _(INDEX_ROW), half_up(self.index, 2), self.ikm_display, self.kinerja))
        title = ngettext(
            "IKM {scope}: {count} respondent ({regime})",
            "IKM {scope}: {count} respondents ({regime})",
            self.respondents,
        ).format(scope=shown_scope(self.scope), count=self.respondents, regime=self.regime.title)
        if not self.policy.compliant:
            title += f"; {self.policy.shown()}"
        return Table(columns=tuple(_(c) for c in COLUMNS), rows=rows, title=title)

    def tables(self) -> list[Table]:
        """The report table ([`to_table()`][to_table])."""
        return [self.to_table()]

    def to_markdown(self, *, order: str = "questionnaire") -> str:
        """The report table as Markdown, its title in bold above it."""
        return self.to_table(order=order).to_markdown()

    def to_csv(self, *, order: str = "questionnaire", dialect: str = "excel") -> str:
        """The report table as CSV (``dialect="excel-id"``: for Excel on an Indonesian
        Windows, see `Table.to_csv`)."""
        return self.to_table(order=order).to_csv(dialect=dialect)

    def to_xlsx(self, file: XlsxTarget, *, order: str = "questionnaire") -> None:
        """The report table as an Excel workbook (extra ``excel``): number cells, the header
        bold and frozen. The worksheet with every respondent is `IkmWorksheet.to_xlsx`.

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        from ppid_core._export import write_xlsx  # noqa: PLC0415 - only to write a workbook

        write_xlsx([self.to_table(order=order)], file)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the ``ppid ikm score --json`` object).

        ``ikm``, ``index``, ``nrr`` and ``converted`` are half-up to 2 decimals (JSON
        numbers); ``ikm_exact``, ``nrr_exact`` and ``weight`` are exact fractions as text
        (``"272/3"``). ``unsur`` lists the rows by question number, each with its key.
        """
        out: dict[str, Any] = {
            "regime": self.regime.key,
            "scope": self.scope,
            "policy": self.policy.describe(),
            "compliant": self.policy.compliant,
            "respondents": self.respondents,
            "dropped": self.dropped,
            "ikm": self.ikm_display,
            "ikm_exact": str(self.ikm),
            "index": half_up(self.index, 2),
            "mutu": self.mutu,
            "kinerja": self.kinerja,
            "unsur": [
                {
                    "key": s.unsur.key,
                    "name": s.unsur.name,
                    "nrr": half_up(s.nrr, 2),
                    "nrr_exact": str(s.nrr),
                    "converted": half_up(s.converted, 2),
                    "mutu": s.mutu,
                    "kinerja": s.kinerja,
                    "answered": s.answered,
                    "total": s.total,
                    "weight": str(s.weight),
                }
                for _, s in self._ordered("questionnaire")
            ],
        }
        if self.population is not None:
            needed = krejcie_morgan(self.population)
            out["sample"] = {
                "population": self.population,
                "required": needed,
                "adequate": self.respondents >= needed,
            }
        data: dict[str, Any] = jsonable(out)
        return data

    def _summary(self) -> str:
        return (
            f"{self.scope}: IKM {self.ikm_display} ({self.mutu}, {self.kinerja}), "
            f"{self.respondents} responden"
        )

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter, the grade coloured and the provenance stated."""
        esc, right = html.escape, "<td style='text-align:right'>"

        def grade(mutu: str) -> str:
            return f"<span style='color:{_COLOURS.get(mutu, 'inherit')};font-weight:bold'>{mutu}"

        ordered = self._ordered("questionnaire")
        body = [
            f"<tr><td>{n}</td><td>{esc(s.unsur.name)}</td>{right}{half_up(s.nrr, 2)}</td>"
            f"{right}{half_up(s.converted, 2)}</td><td>{grade(esc(s.mutu))}</span></td>"
            f"<td>{esc(s.kinerja)}</td>{right}{s.answered}</td></tr>"
            for n, s in ordered[:HTML_MAX_ROWS]
        ]
        if len(ordered) > HTML_MAX_ROWS:
            more = _("… {count} more rows").format(count=len(ordered) - HTML_MAX_ROWS)
            body.append(f"<tr><td colspan='7'><i>{more}</i>")
        warn = (
            ""
            if self.policy.compliant
            else f"<p style='color:#c53030'><b>{esc(self.policy.shown())}</b></p>"
        )
        head = "".join(f"<th>{_(c)}</th>" for c in (*COLUMNS[:4], "Mutu", "Kinerja", "n"))
        people = ngettext("{count} respondent", "{count} respondents", self.respondents).format(
            count=self.respondents
        )
        return (
            f"<div class='ppid-ikm'><p><b>IKM {self.ikm_display}</b> {grade(esc(self.mutu))}"
            f"</span> ({esc(self.kinerja)}) &middot; {esc(shown_scope(self.scope))} &middot; "
            f"{people} &middot; {esc(self.regime.title)}</p>{warn}"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody><tfoot><tr>"
            f"<td></td><td>{esc(_(INDEX_ROW))}</td>{right}{half_up(self.index, 2)}</td>"
            f"{right}<b>{self.ikm_display}</b></td><td>{esc(self.mutu)}</td>"
            f"<td>{esc(self.kinerja)}</td>{right}{self.respondents}</td></tr></tfoot></table></div>"
        )

    def plot(self, ax: Any = None) -> Any:
        """Bars of NRR per unsur, the interval table's bounds as lines (extra ``plot``).

        Returns:
            The matplotlib ``Axes``.
        """
        if ax is None:
            plt = import_optional("matplotlib.pyplot", "plot")
            _fig, ax = plt.subplots(figsize=(7, 4))
        else:
            import_optional("matplotlib", "plot")
        rows = [s for _, s in reversed(self._ordered("questionnaire"))]  # first row on top
        ax.barh(
            [s.unsur.name for s in rows],
            [float(s.nrr) for s in rows],
            color=[_COLOURS.get(s.mutu, "grey") for s in rows],
        )
        conv = self.regime.conversion
        for band in self.regime.bands[1:]:
            ax.axvline(float(band.lower) / conv, color="grey", linestyle=":", linewidth=1)
        ax.set_xlim(self.regime.scale_minimum, self.regime.scale_maximum)
        ax.set_xlabel(_("NRR (average score)"))
        ax.set_title(f"IKM {self.ikm_display} ({self.mutu}, {self.kinerja}) - {self.scope}")
        return ax

    def __str__(self) -> str:
        return f"IKM {self.ikm_display} ({self.mutu}, {self.kinerja}); {self.respondents} responden"


def shown_scope(scope: str) -> str:
    """A result's scope as a report shows it: the pooled unit's in the language in use."""
    return _(POOLED_SCOPE) if scope == POOLED_SCOPE else scope


def unit_figures(result: IkmResult) -> dict[str, object]:
    """The ``pooled`` figures of a result's JSON: respondents, IKM (half-up), mutu, kinerja."""
    return {
        "respondents": result.respondents,
        "ikm": result.ikm_display,
        "mutu": result.mutu,
        "kinerja": result.kinerja,
    }
