"""A read survey: the pooled tally, what a breakdown chosen later needs, and the profile."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import overload

import attrs

from ppid_core._i18n import _
from ppid_core._numbers import half_up
from ppid_core._result import REPR_MAX_CHARS
from ppid_core._source import deprecated
from ppid_core._tables import Table
from ppid_core.errors import InvalidArgumentError, InvalidTallyError
from ppid_core.ikm._breakdown import Breakdown
from ppid_core.ikm._columns import GroupKey, Responses, group_tallies
from ppid_core.ikm._groups import CROSS, GroupTallies
from ppid_core.ikm._merge import check_same_columns, merge_responses
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._profile import Profile, merge_counts
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._result import IkmResult
from ppid_core.ikm._sample import SmallSampleWarning, check_sample
from ppid_core.ikm._scoring import score
from ppid_core.ikm._tally import Tally

__all__ = ["CROSS", "Survey"]


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, repr=False)
class Survey:
    """Respondents read from a file, a DataFrame or rows: the tally, and what a breakdown
    chosen later needs.

    A survey keeps, per counted questionnaire, its answers and the values of its other
    columns, coded compactly (about 10 bytes a respondent), so that
    ``survey.score(by="Layanan")`` works whatever was asked when reading. Columns with
    personal data are not kept; neither are columns with more than 1,000 distinct values
    (a row number, free text) unless named with ``by`` when reading. The date column is
    kept whatever its number of values, with each respondent's row: see
    [`dates()`][dates].

    Two surveys are equal when they hold the same respondents: how they were read
    (``header_row``, ``layout``, ``notes``) is not compared.

    Surveys merge: ``a + b``, ``sum(surveys)`` or [`Survey.merge()`][Survey.merge] give the
    survey of all their respondents (the tally, the profile and what a breakdown needs),
    exactly as one read of the concatenated files, so ``merged.score(by="Layanan")`` is
    the breakdown across partitions. Only surveys read under the same regime, with the
    same columns, ``by`` and date column, merge.

    Attributes:
        regime: The regime the columns were matched against.
        source: Where the data came from.
        tally: The pooled tally of every counted questionnaire.
        profile: Respondent profile (jenis_kelamin, pendidikan, pekerjaan, usia, layanan):
            column -> value -> count.
        by: The columns named with ``by`` when reading, as the header writes them.
        date_column: The date column (``Timestamp``, ``Tanggal``, ...) as the header writes
            it, or ``None``.
        header_row: Which row(s) of the file were taken as the header (``"row 3"``,
            ``"rows 3-4 (two header rows joined)"``; ``""`` for mappings and DataFrames,
            whose keys are the header).
        layout: ``"wide"`` (one row per questionnaire) or ``"long"`` (one row per answer).
        notes: What the reading assumed: each question code read by its question number
            (``U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)``),
            each question text matched, a number that disagrees with its text.
    """

    regime: Regime
    source: str
    tally: Tally
    profile: Mapping[str, Mapping[str, int]] = attrs.Factory(dict)
    responses: Responses = attrs.field(factory=Responses, repr=False)
    by: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    date_column: str | None = None
    header_row: str = attrs.field(default="", eq=False)
    layout: str = attrs.field(default="wide", eq=False)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strs, eq=False)

    def __repr__(self) -> str:
        """One short line: ``<Survey skm.csv: 150 respondents, permenpan_14_2017, kept: ...>``."""
        kept = ", ".join(self.group_columns) or "none"
        text = (
            f"{self.source}: {self.respondents} respondents, {self.regime.key}, "
            f"{self.layout}, kept: {kept}"
        )
        limit = REPR_MAX_CHARS - len("<Survey >")
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return f"<Survey {text}>"

    def dates(self) -> list[tuple[int, str]]:
        """Each counted respondent's row and date text, in reading order.

        The text is the date column's cell as written, stripped (``"2024/06/04 10:15:23
        AM GMT+7"`` from Google Forms, ``"04/06/2024"``, a date cell of a workbook as
        ``"2024-06-04"``); reading it as a date is the caller's. In a long layout the row
        is the respondent's first. Empty when the survey has no date column.

        Examples:
            >>> from ppid_core.ikm import read_survey
            >>> survey = read_survey(
            ...     [
            ...         ["Timestamp", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"],
            ...         ["2024/06/04 10:15", 4, 4, 3, 4, 3, 4, 4, 3, 3],
            ...         ["2024/09/30 08:01", 3, 4, 3, 4, 3, 4, 4, 3, 4],
            ...     ]
            ... )
            >>> survey.date_column, survey.dates()
            ('Timestamp', [(2, '2024/06/04 10:15'), (3, '2024/09/30 08:01')])
        """
        if self.date_column is None:
            return []
        column = self.responses.find(self.date_column, self.source)
        return [
            (row, column.labels[code])
            for row, code in zip(self.responses.rows, column.codes, strict=True)
        ]

    @property
    def respondents(self) -> int:
        """Questionnaires counted."""
        return self.tally.respondents

    @property
    def group_columns(self) -> tuple[str, ...]:
        """The columns a breakdown can group by, as the header writes them."""
        return tuple(c.name for c in self.responses.columns)

    @property
    def groups(self) -> Mapping[str, Mapping[str, Tally]]:
        """Column -> value -> tally, for each column named with ``by`` when reading.

        Any kept column can be grouped by after reading: see [`tallies()`][tallies].
        """
        return {name: self.tallies(name) for name in self.by}

    def tallies(
        self,
        by: str | Sequence[str],
        *,
        key: GroupKey | Mapping[str, GroupKey] | None = None,
    ) -> dict[str, Tally]:
        """The tally of each group of respondents, by the values of one or more columns.

        Groups are sorted by their values. With several columns the groups are their
        combinations that occur, each labelled with its values joined by ``" × "``.

        Args:
            by: A column, or several (crossed), matched as headers are (case, punctuation
                and blanks ignored).
            key: Group by a function of the values instead of the values: it is given
                each distinct value (stripped) once and returns its group's label, e.g. a
                quarter from a date (``key=quarter_of`` with ``by=survey.date_column``).
                One function for every column, or a mapping of column to function.

        Raises:
            UnknownNameError: A column is not in the file, holds personal data or was not
                kept (the message says how to keep it).
            InvalidArgumentError: ``key`` gives something other than a text.

        Examples:
            >>> from ppid_core.ikm import read_survey
            >>> survey = read_survey(
            ...     [
            ...         ["Tanggal", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"],
            ...         ["2024-06-04", 4, 4, 3, 4, 3, 4, 4, 3, 3],
            ...         ["2024-06-28", 3, 3, 3, 3, 3, 3, 3, 3, 3],
            ...         ["2024-09-30", 3, 4, 3, 4, 3, 4, 4, 3, 4],
            ...     ]
            ... )
            >>> month = survey.tallies("Tanggal", key=lambda text: text[:7])
            >>> {m: t.respondents for m, t in month.items()}
            {'2024-06': 2, '2024-09': 1}
        """
        return {_label(k): t for k, t in self.group_tallies(by, key=key).groups.items()}

    @overload
    def score(
        self,
        *,
        by: None = None,
        policy: ScoringPolicy | None = None,
        population: int | None = None,
        key: None = None,
    ) -> IkmResult: ...

    @overload
    def score(
        self,
        *,
        by: str | Sequence[str],
        policy: ScoringPolicy | None = None,
        population: int | None = None,
        key: GroupKey | Mapping[str, GroupKey] | None = None,
    ) -> Breakdown: ...

    def score(
        self,
        *,
        by: str | Sequence[str] | None = None,
        policy: ScoringPolicy | None = None,
        population: int | None = None,
        key: GroupKey | Mapping[str, GroupKey] | None = None,
    ) -> IkmResult | Breakdown:
        """The unit IKM from all respondents (pooled), or with ``by`` the IKM of each group.

        Args:
            by: A column to break the IKM down by (``"Layanan"``), or several for their
                combinations (``["Layanan", "Jenis Kelamin"]``); any column the survey
                kept ([`group_columns`][group_columns]), matched as headers are (case, blanks and a
                trailing dot or colon ignored). Each group is scored from its own
                respondents; a group with an unsur nobody in it answered is reported in
                `Breakdown.undefined`.
            policy: The arithmetic (default exact).
            population: Service population; warns with [`SmallSampleWarning`][SmallSampleWarning]
                when the
                respondents fall short of Krejcie & Morgan.
            key: With ``by``, group by a function of the values (see
                [`tallies()`][tallies]).

        Returns:
            The pooled [`IkmResult`][IkmResult], or with ``by`` a [`Breakdown`][Breakdown] (groups
            and
            the pooled unit IKM).

        Raises:
            UnknownNameError: A ``by`` column is not in the file, holds personal data or
                was not kept.
            InvalidTallyError: The pooled tally has an unsur nobody answered.

        References:
            Permenpan RB 14/2017, Lampiran.

        Examples:
            >>> from ppid_core.examples.ikm import read_seed_survey
            >>> survey = read_seed_survey()
            >>> print(survey.score())
            IKM 90.67 (A, Sangat Baik); 150 responden
            >>> by_service = survey.score(by="Layanan")
            >>> {value: str(r.ikm_display) for value, r in by_service.groups.items()}
            {'Konsultasi/ Mediasi': '90.69', 'Permohonan Informasi': '90.65'}
        """
        if population is not None:
            check = check_sample(self.respondents, population)
            if not check.adequate:
                warnings.warn(check.message(), SmallSampleWarning, stacklevel=2)
        pooled = score(self.tally, self.regime, policy=policy, population=population)
        if by is None:
            return pooled
        return self.group_tallies(by, key=key).score(self.regime, policy=policy, pooled=pooled)

    def group_tallies(
        self,
        by: str | Sequence[str],
        *,
        key: GroupKey | Mapping[str, GroupKey] | None = None,
    ) -> GroupTallies:
        """The tallies of ``score(by=...)`` before scoring: the mergeable form of a breakdown.

        Args:
            by: As for [`score()`][score].
            key: As for [`tallies()`][tallies].

        Raises:
            UnknownNameError: A ``by`` column is not in the file, holds personal data or
                was not kept.
        """
        names = [by] if isinstance(by, str) else list(by)
        found, tallies = group_tallies(self.responses, names, self.regime, self.source, key)
        return GroupTallies(columns=found, groups=tallies)

    def profile_summary(self) -> Profile:
        """The respondent profile as a mergeable, serialisable [`Profile`][Profile]."""
        return Profile(counts=self.profile)

    def __add__(self, other: object) -> Survey:
        """The survey of the respondents of both (``0`` changes nothing).

        Raises:
            InvalidTallyError: The regimes, the columns, ``by`` or the date column differ.
        """
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, Survey):
            return NotImplemented
        if other.regime != self.regime:
            msg = _(
                "cannot merge surveys read under different regimes: {key} ({source}) and {key2} "
                "({source2})"
            ).format(
                key=self.regime.key, source=self.source, key2=other.regime.key, source2=other.source
            )
            raise InvalidTallyError(msg)
        check_same_columns(self.responses, other.responses, (self.source, other.source))
        if (self.by, self.date_column) != (other.by, other.date_column):
            msg = _(
                "cannot merge surveys read with different by= or date columns: {source} and "
                "{source2}"
            ).format(source=self.source, source2=other.source)
            raise InvalidTallyError(msg)
        required = [*self.by, *((self.date_column,) if self.date_column else ())]
        sources = [*self.source.split(", "), *other.source.split(", ")]
        return Survey(
            regime=self.regime,
            source=", ".join(dict.fromkeys(sources)),
            tally=self.tally + other.tally,
            profile=merge_counts(self.profile, other.profile),
            responses=merge_responses(self.responses, other.responses, required=required),
            by=self.by,
            date_column=self.date_column,
            header_row=self.header_row,
            layout=self.layout,
            notes=tuple(dict.fromkeys((*self.notes, *other.notes))),
        )

    def __radd__(self, other: object) -> Survey:
        """``0 + survey`` is the survey, so that ``sum(surveys)`` works."""
        return self.__add__(other)

    @staticmethod
    def merge(surveys: Iterable[Survey]) -> Survey:
        """The survey of the respondents of all, in any order and grouping: see ``+``.

        Raises:
            InvalidArgumentError: No survey was given (a survey needs a regime and
                columns; merge tallies, [`Tally.merge()`][Tally.merge], for a result
                without any).
            InvalidTallyError: The surveys cannot be merged (see ``+``).
        """
        items = list(surveys)
        if not items:
            msg = _("Survey.merge needs at least one survey; Tally.merge([]) works without")
            raise InvalidArgumentError(msg)
        out = items[0]
        for survey in items[1:]:
            out = out + survey
        return out

    def score_by(self, column: str, *, policy: ScoringPolicy | None = None) -> Breakdown:
        """Deprecated: use ``score(by=column)``, which needs no ``by`` when reading."""
        deprecated("Survey.score_by(column)", "Survey.score(by=column)")
        return self.score(by=column, policy=policy)

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


def _label(key: tuple[str, ...]) -> str:
    return CROSS.join(key)


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
