"""Group tallies: the mergeable form of a breakdown (the tally of each group of a column).

A [`Breakdown`][ppid_core.ikm.Breakdown] holds scores, which do not add up; the tallies it
is scored from do. Offices (or partitions, or workers) each give their
[`GroupTallies`][GroupTallies], the tallies merge group by group, and the merged tallies
score to exactly the breakdown of all the respondents together.

References:
    Permenpan RB 14/2017, Lampiran: the IKM of a unit from all its respondents; IKM per
    jenis layanan where a unit reports its services apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from ppid_core._i18n import _
from ppid_core._serial import VERSION, DictReader
from ppid_core.errors import InvalidTallyError
from ppid_core.ikm._breakdown import Breakdown
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._result import IkmResult
from ppid_core.ikm._scoring import score
from ppid_core.ikm._tally import Tally, parse_tally

__all__ = ["CROSS", "GROUPS_FORMAT", "GroupTallies"]

#: How the values (or column names) of a crossed breakdown are joined in its labels.
CROSS = " × "
#: The ``format`` of serialised group tallies ([`GroupTallies.to_dict()`][GroupTallies.to_dict]).
GROUPS_FORMAT = "ppid-core/ikm-groups"
_FIELDS = ("columns", "groups")


def _columns(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sorted(value: Mapping[tuple[str, ...], Tally]) -> dict[tuple[str, ...], Tally]:
    return {tuple(k): value[k] for k in sorted(value)}


@attrs.frozen(kw_only=True)
class GroupTallies:
    """The tally of each group of respondents by one or more columns (crossed).

    A commutative monoid, like [`Tally`][ppid_core.ikm.Tally]: ``+`` merges the tallies of
    equal groups and keeps the others, ``sum()`` works, and
    [`GroupTallies.merge([])`][GroupTallies.merge] is the neutral element (no columns),
    which adopts the columns of whatever it is merged with. Group tallies of different
    columns are refused. [`score()`][score] gives the [`Breakdown`][ppid_core.ikm.Breakdown],
    exactly what ``survey.score(by=...)`` gives for the same respondents.

    Attributes:
        columns: The columns grouped by, as the header writes them.
        groups: Group values (one per column) -> tally, sorted by the values.

    Examples:
        >>> from ppid_core.examples.ikm import read_seed_survey
        >>> survey = read_seed_survey()
        >>> half = survey.group_tallies("Layanan")
        >>> merged = half + half
        >>> {v: t.respondents for v, t in merged.groups.items()}
        {('Konsultasi/ Mediasi',): 120, ('Permohonan Informasi',): 180}
        >>> print(merged.score(survey.regime).pooled)
        IKM 90.67 (A, Sangat Baik); 300 responden
    """

    columns: tuple[str, ...] = attrs.field(converter=_columns)
    groups: Mapping[tuple[str, ...], Tally] = attrs.field(converter=_sorted)

    def __attrs_post_init__(self) -> None:
        for values in self.groups:
            if len(values) != len(self.columns):
                msg = _("a group needs one value per column ({count}), got {values}").format(
                    count=len(self.columns), values=values
                )
                raise InvalidTallyError(msg)

    @classmethod
    def neutral(cls) -> GroupTallies:
        """The neutral element of ``+``: no columns, no groups."""
        return cls(columns=(), groups={})

    def __add__(self, other: object) -> GroupTallies:
        """Merge group by group (``0`` and the neutral element change nothing).

        Raises:
            InvalidTallyError: The columns or the unsur differ.
        """
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, GroupTallies):
            return NotImplemented
        if not other.columns:
            return self
        if not self.columns:
            return other
        if other.columns != self.columns:
            msg = _(
                "cannot merge breakdowns by different columns: {columns} and {columns2}"
            ).format(columns=self.columns, columns2=other.columns)
            raise InvalidTallyError(msg)
        keys = {t.keys for t in (*self.groups.values(), *other.groups.values())}
        if len(keys) > 1:
            msg = _("cannot merge tallies of different unsur: {names}").format(
                names=" and ".join(map(str, keys))
            )
            raise InvalidTallyError(msg)
        merged = dict(self.groups)
        for values, t in other.groups.items():
            merged[values] = merged[values] + t if values in merged else t
        return GroupTallies(columns=self.columns, groups=merged)

    def __radd__(self, other: object) -> GroupTallies:
        """``0 + groups`` is ``groups``, so that ``sum()`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, parts: Iterable[GroupTallies]) -> GroupTallies:
        """Merge many, in any order and grouping; none gives the neutral element.

        Raises:
            InvalidTallyError: Their columns or unsur differ.
        """
        out = cls.neutral()
        for part in parts:
            out = out + part
        return out

    @property
    def column(self) -> str:
        """The columns as one label (crossed ones joined by ``" × "``)."""
        return CROSS.join(self.columns)

    @property
    def tally(self) -> Tally:
        """The pooled tally of every group."""
        return Tally.merge(self.groups.values())

    def score(
        self,
        regime: Regime,
        *,
        policy: ScoringPolicy | None = None,
        pooled: IkmResult | None = None,
    ) -> Breakdown:
        """The IKM of each group, scored from its own respondents, and the unit IKM.

        Args:
            regime: The regime the tallies were read under.
            policy: The arithmetic (default exact).
            pooled: The unit result, when the caller has it (a survey scores its own
                tally, which also counts dropped questionnaires); by default the merged
                tally of the groups is scored.

        Raises:
            InvalidTallyError: The pooled tally has an unsur nobody answered, or there
                are no groups and no ``pooled``.
        """
        if pooled is None:
            pooled = score(Tally.merge(self.groups.values(), regime=regime), regime, policy=policy)
        groups: dict[str, IkmResult] = {}
        undefined: dict[str, Tally] = {}
        for values, t in self.groups.items():
            if t.unanswered:
                undefined[CROSS.join(values)] = t
            else:
                scope = ", ".join(
                    f"{c} = {v or '(kosong)'}" for c, v in zip(self.columns, values, strict=True)
                )
                groups[CROSS.join(values)] = score(t, regime, policy=policy, scope=scope)
        return Breakdown(column=self.column, groups=groups, pooled=pooled, undefined=undefined)

    def to_dict(self) -> dict[str, Any]:
        """The stable serialised form (version 1), plain JSON types only.

        ``{"format": "ppid-core/ikm-groups", "version": 1, "columns": [...], "groups":
        [{"values": [...], "tally": {...}}, ...]}``, each tally as
        [`Tally.to_dict()`][ppid_core.ikm.Tally.to_dict] writes it, groups sorted by their
        values.
        """
        return {
            "format": GROUPS_FORMAT,
            "version": VERSION,
            "columns": list(self.columns),
            "groups": [
                {"values": list(values), "tally": t.to_dict()} for values, t in self.groups.items()
            ],
        }

    @classmethod
    def from_dict(cls, data: object, *, source: str = "<dict>") -> GroupTallies:
        """Group tallies from their serialised form ([`to_dict()`][to_dict]), checked strictly.

        Raises:
            DataFileError: Every problem, each at its path (``$.groups[2].tally.totals[3]``),
                as [`Tally.from_dict()`][ppid_core.ikm.Tally.from_dict] reports them, and a
                group given twice or with a value per column missing.
        """
        reader = DictReader(source)
        data = reader.header(data, "$", kind=GROUPS_FORMAT, fields=_FIELDS)
        columns = groups = None
        if data is not None:
            columns = reader.field(data, "columns", "$", reader.unique_texts)
            groups = reader.field(data, "groups", "$", reader.items)
        out: dict[tuple[str, ...], Tally] = {}
        for i, item in enumerate(groups or ()):
            path = f"$.groups[{i}]"
            if not isinstance(item, Mapping):
                reader.error(path, _("expected an object with 'values' and 'tally'"))
                continue
            if set(item) != {"values", "tally"}:
                reader.error(
                    path,
                    _("expected the keys 'values' and 'tally', got {value}").format(
                        value=sorted(item)
                    ),
                )
                continue
            values = reader.each(item["values"], f"{path}.values", reader.text)
            t = parse_tally(reader, item["tally"], f"{path}.tally")
            if values is None or t is None or columns is None:
                continue
            if len(values) != len(columns):
                reader.error(
                    f"{path}.values",
                    _("expected one value per column ({count}), got {count2}").format(
                        count=len(columns), count2=len(values)
                    ),
                )
            elif tuple(values) in out:
                reader.error(f"{path}.values", _("this group is given twice"))
            else:
                out[tuple(values)] = t
        keys = {t.keys for t in out.values()}
        if len(keys) > 1:
            reader.error("$.groups", _("the groups' tallies have different unsur"))
        reader.raise_errors()
        return cls(columns=cast("tuple[str, ...]", columns), groups=out)
