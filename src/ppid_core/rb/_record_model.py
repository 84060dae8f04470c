"""The models of realisation records (realisasi): a record per row and period, and the set.

Read by ``rb/_realisation.py``.

References:
    Permen PANRB 90/2021 Lampiran III (every answer backed by data dukung); Permen PANRB
    3/2023 (capaian and status per period of an RB General or Tematik row [CODE practice]).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from ppid_core._i18n import N_, _
from ppid_core.errors import InvalidArgumentError
from ppid_core.rb._months import MONTH_ABBREVIATIONS
from ppid_core.rb._periods import Period

__all__ = ["Realisation", "Record", "RecordStatus", "TargetStatus", "merge_realisations"]


class RecordStatus(enum.Enum):
    """How far a planned month's work got: the ``status`` of a [`Record`][Record]."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        """The label used in reports, in the language in use (``terlaksana`` in Indonesian)."""
        return _(_LABELS[self])


_LABELS = {
    RecordStatus.DONE: N_("done"),
    RecordStatus.PARTLY: N_("partly done"),
    RecordStatus.NOT_DONE: N_("not done"),
}


class TargetStatus(enum.Enum):
    """Whether a period's target was reached: the ``target_status`` of a [`Record`][Record].

    The values are the labels RB General plans report per triwulan (the BPS 2025 plan
    uses exactly these three).
    """

    ACHIEVED = "Target Tercapai"
    NOT_ACHIEVED = "Tidak Tercapai"
    NO_TARGET = "Tidak Ada Target"

    @property
    def label(self) -> str:
        """The Indonesian label (the value)."""
        return self.value


@attrs.frozen(kw_only=True)
class Record:
    """One realisation record: a row's work in one month or triwulan.

    Attributes:
        code: The plan row code (``"1.2.1"``) of the sub kegiatan.
        sub_kegiatan: The sub kegiatan's name as written in the plan; checked against
            the row at ``code`` when a plan is given.
        month: The month the record reports on (1-12); for a triwulan, its last month.
        status: Done, partly or not done (may be left out when ``target_status`` is given).
        note: What was done, or why not.
        data_dukung: References (file names, links, letter numbers) to the evidence.
        quarter: The triwulan (1-4) the record reports on, for a row with targets by
            triwulan; ``None`` for a monthly record.
        achieved: The value achieved in the period (capaian), in the row's ``satuan``
            or percent, as its target.
        target_status: Target Tercapai, Tidak Tercapai or Tidak Ada Target.
        reason: Why the target was missed.
    """

    code: str
    sub_kegiatan: str
    month: int
    status: RecordStatus | None = None
    note: str | None = None
    data_dukung: tuple[str, ...] = ()
    quarter: int | None = None
    achieved: Decimal | None = None
    target_status: TargetStatus | None = None
    reason: str | None = None

    @property
    def period(self) -> Period:
        """The month or triwulan the record reports on."""
        if self.quarter is not None:
            return Period(kind="quarter", number=self.quarter)
        return Period(kind="month", number=self.month)

    @property
    def is_done(self) -> bool:
        """Whether the period counts as done: status ``done``; without a status, Target Tercapai."""
        if self.status is not None:
            return self.status is RecordStatus.DONE
        return self.target_status is TargetStatus.ACHIEVED


@attrs.frozen(kw_only=True)
class Realisation:
    """The realisation records of a plan.

    Attributes:
        plan: The plan file, relative to the realisation file.
        records: The records, in file order.
    """

    plan: str
    records: tuple[Record, ...]
    _index: dict[tuple[str, int], Record] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    def get(self, code: str, month: int) -> Record | None:
        """The record of a row and month, if any (the first, if several; found by an index)."""
        index = self._index
        if index is None:
            index = {}
            for r in self.records:
                index.setdefault((r.code, r.month), r)
            object.__setattr__(self, "_index", index)
        return index.get((code, month))


def merge_realisations(parts: Iterable[Realisation]) -> Realisation:
    """The records of several files of one plan as one set (a file per quarter or per team).

    Records keep their order: the first file's, then the next file's. A row and period
    recorded in two files is refused, not resolved by order.

    Raises:
        InvalidArgumentError: No files, files naming different plans, or a row and
            period recorded twice.
    """
    parts = list(parts)
    if not parts:
        msg = "merge_realisations() needs at least one realisation"
        raise InvalidArgumentError(msg)
    plans = sorted({p.plan for p in parts})
    if len(plans) > 1:
        msg = f"the realisations name different plans ({', '.join(plans)}); merge those of one plan"
        raise InvalidArgumentError(msg)
    seen: dict[tuple[str, int], int] = {}
    twice = []
    for i, part in enumerate(parts, start=1):
        for r in part.records:
            key = (r.code, r.month)
            if key in seen and key not in twice:
                twice.append(key)
            seen.setdefault(key, i)
    if twice:
        shown = ", ".join(f"{c} {MONTH_ABBREVIATIONS[m - 1]}" for c, m in twice)
        msg = f"recorded in more than one file: {shown}; keep one record per row and period"
        raise InvalidArgumentError(msg)
    return Realisation(plan=plans[0], records=tuple(r for p in parts for r in p.records))
