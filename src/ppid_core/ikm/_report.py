"""Rendering of IKM results: the seed's table layout, JSON data, HTML for Jupyter, a chart."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ppid_core._numbers import half_up
from ppid_core._optional import import_optional
from ppid_core._tables import Table
from ppid_core.errors import UnknownNameError
from ppid_core.ikm._sample import krejcie_morgan

if TYPE_CHECKING:
    from ppid_core.ikm._scoring import IkmResult, UnsurScore
    from ppid_core.ikm._tally import Tally

__all__ = [
    "breakdown_table",
    "result_dict",
    "result_html",
    "result_plot",
    "result_table",
]

COLUMNS = ("No", "Ruang Lingkup", "Nilai Rata-Rata", "Nilai Interval Konversi", "Kinerja")
_COLOURS = {"A": "#1a7f37", "B": "#2f6fbf", "C": "#b7791f", "D": "#c53030"}


def _ordered(result: IkmResult, order: str) -> list[tuple[int, UnsurScore]]:
    """Numbered rows: by question number (unnumbered unsur last, in regime order) or as listed."""
    if order == "regime":
        return list(enumerate(result.unsur, start=1))
    if order == "questionnaire":
        ranked = sorted(
            result.unsur,
            key=lambda s: (s.unsur.question_number is None, s.unsur.question_number or 0),
        )
        return list(enumerate(ranked, start=1))
    msg = f"order must be 'regime' or 'questionnaire', got {order!r}"
    raise UnknownNameError(msg)


def _title(result: IkmResult) -> str:
    title = f"IKM {result.scope}: {result.respondents} responden ({result.regime.title})"
    if not result.policy.compliant:
        title += f"; {result.policy.describe()}"
    return title


def result_table(result: IkmResult, *, order: str = "questionnaire") -> Table:
    """The report as the seed lays it out: one row per unsur, then the IKM row.

    Values are rounded half-up to 2 decimals for display only.
    """
    rows: list[tuple[object, ...]] = [
        (n, s.unsur.name, half_up(s.nrr, 2), half_up(s.converted, 2), s.kinerja)
        for n, s in _ordered(result, order)
    ]
    rows.append(
        (None, "IKM (NRR tertimbang)", half_up(result.index, 2), result.ikm_display, result.kinerja)
    )
    return Table(columns=COLUMNS, rows=rows, title=_title(result))


def result_dict(result: IkmResult) -> dict[str, Any]:
    """JSON-ready data; ``ikm`` and ``nrr`` are half-up to 2 decimals, ``*_exact`` exact.

    ``unsur`` lists the rows in the report's order (by question number); each has its key.
    """
    out: dict[str, Any] = {
        "regime": result.regime.key,
        "scope": result.scope,
        "policy": result.policy.describe(),
        "compliant": result.policy.compliant,
        "respondents": result.respondents,
        "dropped": result.dropped,
        "ikm": result.ikm_display,
        "ikm_exact": str(result.ikm),
        "index": half_up(result.index, 2),
        "mutu": result.mutu,
        "kinerja": result.kinerja,
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
            for _, s in _ordered(result, "questionnaire")
        ],
    }
    if result.population is not None:
        needed = krejcie_morgan(result.population)
        out["sample"] = {
            "population": result.population,
            "required": needed,
            "adequate": result.respondents >= needed,
        }
    return out


def result_html(result: IkmResult) -> str:
    """An HTML table for Jupyter, with the grade coloured and the provenance stated."""
    esc = html.escape
    body = []
    for n, s in _ordered(result, "questionnaire"):
        colour = _COLOURS.get(s.mutu, "inherit")
        body.append(
            f"<tr><td>{n}</td><td>{esc(s.unsur.name)}</td>"
            f"<td style='text-align:right'>{half_up(s.nrr, 2)}</td>"
            f"<td style='text-align:right'>{half_up(s.converted, 2)}</td>"
            f"<td style='color:{colour};font-weight:bold'>{esc(s.mutu)}</td>"
            f"<td>{esc(s.kinerja)}</td><td style='text-align:right'>{s.answered}</td></tr>"
        )
    colour = _COLOURS.get(result.mutu, "inherit")
    warn = (
        f"<p style='color:#c53030'><b>{esc(result.policy.describe())}</b></p>"
        if not result.policy.compliant
        else ""
    )
    return (
        f"<div class='ppid-ikm'><p><b>IKM {result.ikm_display}</b> "
        f"<span style='color:{colour};font-weight:bold'>{esc(result.mutu)}</span> "
        f"({esc(result.kinerja)}) &middot; {esc(result.scope)} &middot; "
        f"{result.respondents} responden &middot; {esc(result.regime.title)}</p>{warn}"
        "<table><thead><tr><th>No</th><th>Ruang Lingkup</th><th>Nilai Rata-Rata</th>"
        "<th>Nilai Interval Konversi</th><th>Mutu</th><th>Kinerja</th><th>n</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody><tfoot><tr><td></td><td>IKM (NRR tertimbang)</td>"
        f"<td style='text-align:right'>{half_up(result.index, 2)}</td>"
        f"<td style='text-align:right'><b>{result.ikm_display}</b></td>"
        f"<td>{esc(result.mutu)}</td><td>{esc(result.kinerja)}</td>"
        f"<td style='text-align:right'>{result.respondents}</td></tr></tfoot></table></div>"
    )


def result_plot(result: IkmResult, ax: Any = None) -> Any:
    """Horizontal bars of NRR per unsur, with the interval table's lower bounds as lines."""
    if ax is None:
        plt = import_optional("matplotlib.pyplot", "plot")
        _fig, ax = plt.subplots(figsize=(7, 4))
    else:
        import_optional("matplotlib", "plot")
    rows = [s for _, s in reversed(_ordered(result, "questionnaire"))]  # first row on top
    names = [s.unsur.name for s in rows]
    values = [float(s.nrr) for s in rows]
    colours = [_COLOURS.get(s.mutu, "grey") for s in rows]
    ax.barh(names, values, color=colours)
    conv = result.regime.conversion
    for band in result.regime.bands[1:]:
        ax.axvline(float(band.lower) / conv, color="grey", linestyle=":", linewidth=1)
    ax.set_xlim(result.regime.scale_minimum, result.regime.scale_maximum)
    ax.set_xlabel("NRR (nilai rata-rata)")
    ax.set_title(f"IKM {result.ikm_display} ({result.mutu}, {result.kinerja}) - {result.scope}")
    return ax


def breakdown_table(
    column: str, results: Mapping[str, IkmResult], undefined: Mapping[str, Tally]
) -> Table:
    """One row per group: respondents, IKM, mutu, kinerja (each group scored on its own).

    Groups whose IKM is undefined (an unsur nobody in the group answered) follow, with
    ``-`` for the values and the unanswered unsur named.
    """
    rows: list[tuple[object, ...]] = [
        (value or "(kosong)", r.respondents, r.ikm_display, r.mutu, r.kinerja)
        for value, r in results.items()
    ]
    rows += [
        (
            value or "(kosong)",
            t.respondents,
            "-",
            "-",
            f"undefined: nobody answered {', '.join(t.unanswered)}",
        )
        for value, t in undefined.items()
    ]
    return Table(
        columns=(column, "Responden", "IKM", "Mutu", "Kinerja"),
        rows=rows,
        title=f"IKM per {column} (each group scored from its own respondents)",
    )
