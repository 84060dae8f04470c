"""A read survey: the pooled tally, group tallies for breakdowns, and respondent profile."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from fractions import Fraction

import attrs

from ppid_core._numbers import half_up
from ppid_core._tables import Table
from ppid_core.errors import UnknownNameError
from ppid_core.ikm._regime import Regime, normalize_header
from ppid_core.ikm._report import breakdown_table
from ppid_core.ikm._sample import SmallSampleWarning, check_sample
from ppid_core.ikm._scoring import IkmResult, ScoringPolicy, score
from ppid_core.ikm._tally import Tally

__all__ = ["Breakdown", "Survey"]


@attrs.frozen(kw_only=True)
class Breakdown:
    """The IKM of each group of a column (e.g. per layanan), next to the pooled unit IKM.

    Each group is scored from its own respondents. The unit IKM is the pooled one (all
    respondents together), as published practice shows; :attr:`averaged_ikm` (the plain
    mean of the group IKMs) is given for comparison only and is labelled as such.

    A group in which nobody answered some unsur (possible with ``missing="per_unsur"``)
    has no NRR for it, so its IKM is undefined. Such a group does not abort the breakdown:
    it is kept in :attr:`undefined` (with its tally) and reported as undefined next to the
    groups that could be scored, because an analyst still wants the other groups and the
    unit IKM.

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
        """One row per group (undefined groups after the scored ones), then the unit row."""
        table = breakdown_table(self.column, self.groups, self.undefined)
        pooled = (
            "unit (pooled)",
            self.pooled.respondents,
            self.pooled.ikm_display,
            self.pooled.mutu,
            self.pooled.kinerja,
        )
        return attrs.evolve(table, rows=[*table.rows, pooled])

    def to_markdown(self) -> str:
        """The breakdown as Markdown."""
        return self.to_table().to_markdown()


@attrs.frozen(kw_only=True)
class Survey:
    """Respondents read from a file, a DataFrame or rows, reduced to tallies.

    Attributes:
        regime: The regime the columns were matched against.
        source: Where the data came from.
        tally: The pooled tally of every counted questionnaire.
        groups: Column -> group value -> tally, for the ``by`` columns asked for.
        profile: Respondent profile (jenis_kelamin, pendidikan, pekerjaan, usia, layanan):
            column -> value -> count.
    """

    regime: Regime
    source: str
    tally: Tally
    groups: Mapping[str, Mapping[str, Tally]] = attrs.Factory(dict)
    profile: Mapping[str, Mapping[str, int]] = attrs.Factory(dict)

    @property
    def respondents(self) -> int:
        """Questionnaires counted."""
        return self.tally.respondents

    def score(
        self, *, policy: ScoringPolicy | None = None, population: int | None = None
    ) -> IkmResult:
        """The unit IKM from all respondents (pooled).

        Args:
            policy: The arithmetic (default exact).
            population: Service population; warns with :class:`SmallSampleWarning` when the
                respondents fall short of Krejcie & Morgan.

        References:
            Permenpan RB 14/2017, Lampiran.
        """
        if population is not None:
            check = check_sample(self.respondents, population)
            if not check.adequate:
                warnings.warn(check.message(), SmallSampleWarning, stacklevel=2)
        return score(self.tally, self.regime, policy=policy, population=population)

    def score_by(self, column: str, *, policy: ScoringPolicy | None = None) -> Breakdown:
        """The IKM per value of ``column`` (read with ``by=[column]``), and the pooled IKM.

        ``column`` is matched as the readers match headers (case, blanks and a trailing
        dot or colon ignored), so ``"Layanan"`` finds a column headed ``Layanan.``.

        A group with an unsur nobody in it answered is reported in
        :attr:`Breakdown.undefined` instead of being scored (see :class:`Breakdown`).

        Raises:
            UnknownNameError: The survey was not read with ``by`` containing ``column``.
            InvalidTallyError: The pooled tally itself has an unsur nobody answered.
        """
        match = {normalize_header(k): k for k in self.groups}.get(normalize_header(column))
        if match is None:
            msg = (
                f"no breakdown for {column!r}; read the survey with by=[{column!r}] "
                f"(available: {', '.join(self.groups) or 'none'})"
            )
            raise UnknownNameError(msg)
        pooled = self.score(policy=policy)
        groups: dict[str, IkmResult] = {}
        undefined: dict[str, Tally] = {}
        for value, t in self.groups[match].items():
            if t.unanswered:
                undefined[value] = t
            else:
                scope = f"{match} = {value or '(kosong)'}"
                groups[value] = score(t, self.regime, policy=policy, scope=scope)
        return Breakdown(column=match, groups=groups, pooled=pooled, undefined=undefined)

    def profile_table(self) -> Table:
        """Respondent profile: one row per (column, value) with count and share.

        Ages (``usia``) given as whole numbers are grouped in ranges (< 20, 20-29, ...,
        >= 60); any other text is shown as written.
        """
        n = self.respondents or 1
        rows: list[tuple[object, ...]] = [
            (column, value or "(kosong)", count, f"{half_up(Fraction(100 * count, n), 1)}%")
            for column, counts in self.profile.items()
            for value, count in (_age_ranges(counts) if column == "usia" else counts).items()
        ]
        return Table(
            columns=("Karakteristik", "Nilai", "Jumlah", "Persen"),
            rows=rows,
            title=f"Profil responden ({self.respondents})",
        )


def _age_ranges(counts: Mapping[str, int]) -> Mapping[str, int]:
    if not all(v.isdigit() for v in counts):
        return counts
    out: dict[str, int] = {}
    for value, count in sorted(counts.items(), key=lambda kv: int(kv[0])):
        age = int(value)
        label = (
            "< 20"
            if age < 20
            else ">= 60"
            if age >= 60
            else f"{age // 10 * 10}-{age // 10 * 10 + 9}"
        )
        out[label] = out.get(label, 0) + count
    return out
