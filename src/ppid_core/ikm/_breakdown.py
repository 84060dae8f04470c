"""An IKM breakdown: the IKM of each group of a column, next to the pooled unit IKM.

Each group is scored from its own respondents, as the unit is; the plain mean of the
group IKMs is shown only to compare, never as the unit IKM.

References:
    Permenpan RB 14/2017, Lampiran: the IKM of a unit from all its respondents; IKM per
    jenis layanan where a unit reports its services apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._i18n import _
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.ikm._result import IkmResult, unit_figures
from ppid_core.ikm._tally import Tally

__all__ = ["Breakdown"]


@attrs.frozen(kw_only=True, repr=False)
class Breakdown(ResultMixin):
    """The IKM of each group of a column (e.g. per layanan), next to the pooled unit IKM.

    Each group is scored from its own respondents. The unit IKM is the pooled one (all
    respondents together), as published practice shows; [`averaged_ikm`][averaged_ikm] (the plain
    mean of the group IKMs) is given for comparison only and is labelled as such.

    A group in which nobody answered some unsur (possible with ``missing="per_unsur"``)
    has no NRR for it, so its IKM is undefined. Such a group does not abort the breakdown:
    it is kept in `undefined` (with its tally) and reported as undefined next to the
    groups that could be scored, because an analyst still wants the other groups and the
    unit IKM.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``; see
    the results guide); its HTML view shows the first 50 groups and says how many more
    there are.

    Attributes:
        column: The column grouped by.
        groups: Group value -> its result (the groups that could be scored).
        pooled: The unit IKM from all respondents.
        undefined: Group value -> its tally, for groups whose IKM is undefined.
    """

    column: str
    groups: Mapping[str, IkmResult]
    pooled: IkmResult
    undefined: Mapping[str, Tally] = attrs.Factory(dict)

    @property
    def averaged_ikm(self) -> Fraction | None:
        """Mean of the IKMs of the scored groups (NOT the unit IKM; shown only to compare).

        ``None`` when no group could be scored.
        """
        values = [r.ikm for r in self.groups.values()]
        return sum(values, Fraction(0)) / len(values) if values else None

    def to_table(self) -> Table:
        """One row per group (undefined ones after the others, naming the unsur), then the unit."""
        blank = _("(blank)")
        rows: list[tuple[object, ...]] = [
            (value or blank, r.respondents, r.ikm_display, r.mutu, r.kinerja)
            for value, r in self.groups.items()
        ]
        rows += [
            (
                value or blank,
                t.respondents,
                "-",
                "-",
                _("undefined: nobody answered {names}").format(names=", ".join(t.unanswered)),
            )
            for value, t in self.undefined.items()
        ]
        p = self.pooled
        rows.append((_("unit (pooled)"), p.respondents, p.ikm_display, p.mutu, p.kinerja))
        return Table(
            columns=(self.column, _("Respondents"), "IKM", "Mutu", "Kinerja"),
            rows=rows,
            title=_("IKM per {column} (each group scored from its own respondents)").format(
                column=self.column
            ),
        )

    def tables(self) -> list[Table]:
        """The breakdown table ([`to_table()`][to_table])."""
        return [self.to_table()]

    def to_markdown(self) -> str:
        """The breakdown table as Markdown, its title in bold above it."""
        return self.to_table().to_markdown()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: ``by`` of ``ppid ikm score --by COLUMN --json``.

        ``groups``, ``undefined`` (naming the unanswered unsur), ``averaged_ikm_not_unit``
        (half-up to 2 decimals; ``null`` without scored groups) and the ``pooled`` figures.
        """
        averaged = self.averaged_ikm
        out: dict[str, Any] = jsonable(
            {
                "column": self.column,
                "groups": [{"value": value, **unit_figures(r)} for value, r in self.groups.items()],
                "undefined": [
                    {"value": value, "respondents": t.respondents, "unanswered": t.unanswered}
                    for value, t in self.undefined.items()
                ],
                "averaged_ikm_not_unit": None if averaged is None else half_up(averaged, 2),
                "pooled": unit_figures(self.pooled),
            }
        )
        return out

    def _summary(self) -> str:
        undefined = f", {len(self.undefined)} undefined" if self.undefined else ""
        return (
            f"per {self.column}: {len(self.groups)} groups{undefined}; "
            f"unit IKM {self.pooled.ikm_display} ({self.pooled.mutu})"
        )

    def _heading(self) -> str:
        return f"IKM per {self.column}: unit {self.pooled.ikm_display} ({self.pooled.mutu})"
