"""Checking one realisation record against its plan row: period, target status, achieved.

Read by ``rb/_realisation.py`` (see its docstring for the rules).

References:
    Permen PANRB 3/2023 (capaian and status per period of an RB General or Tematik row
    [CODE practice]); Badan Pusat Statistik, Rencana Aksi RB General 2025 (Target
    Tercapai, Tidak Tercapai, Tidak Ada Target per triwulan).
"""

from __future__ import annotations

import re
from decimal import Decimal

import yaml

from ppid_core._yaml import Document
from ppid_core.rb._months import MONTH_ABBREVIATIONS
from ppid_core.rb._plan_model import PlanRow
from ppid_core.rb._record_model import Record, TargetStatus

__all__ = ["achieved", "against_plan", "check_achieved", "target_status"]

_TARGET_STATUSES = {
    spelling: t for t in TargetStatus for spelling in (t.value.casefold(), t.name.casefold())
}
_PERCENT = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*")


def against_plan(doc: Document, f: dict[str, yaml.Node], path: str, row: PlanRow,
                  record: Record) -> bool:  # fmt: skip
    """Check a record's period and target status against its row; ``False`` after an error."""
    sub, period = row.sub, record.period
    key = "period" if "period" in f else "month"
    node, kpath = f[key], f"{path}.{key}"
    if sub.period_kind == "quarter" and period.kind != "quarter":
        msg = f"{row.code} has targets by triwulan; report it by triwulan (period: TW I..TW IV)"
        doc.error(node, kpath, msg)
        return False
    if period.kind == "quarter" and sub.period_kind != "quarter":
        msg = f"{row.code} is planned by month; report it by month (month: Jan..Des)"
        doc.error(node, kpath, msg)
        return False
    no_target = record.target_status is TargetStatus.NO_TARGET
    if period.kind == "month" and record.month not in sub.months and not no_target:
        when = ", ".join(MONTH_ABBREVIATIONS[m - 1] for m in sub.months) or "no month"
        msg = f"{period.label} is not a planned month of {row.code} (planned: {when})"
        doc.error(node, kpath, msg)
        return False
    if record.target_status is None:
        return True
    target = sub.target_in(period)
    tnode, tpath = f["target_status"], f"{path}.target_status"
    if target is None and not no_target:
        msg = (
            f"{period.label} of {row.code} has no target in the plan; "
            f"its target_status can only be '{TargetStatus.NO_TARGET.value}'"
        )
        doc.error(tnode, tpath, msg)
        return False
    if target is not None and no_target:
        msg = (
            f"{period.label} of {row.code} has a target of {target.label(sub.satuan)} in the "
            f"plan; its target_status cannot be '{TargetStatus.NO_TARGET.value}'"
        )
        doc.error(tnode, tpath, msg)
        return False
    return True


def target_status(doc: Document, node: yaml.Node, path: str) -> TargetStatus | None:
    """A target status in any case (``Target Tercapai``, ``target tercapai``, ``achieved``)."""
    raw = doc.string(node, path)
    if raw is None:
        return None
    found = _TARGET_STATUSES.get(" ".join(raw.split()).casefold())
    if found is None:
        names = ", ".join(repr(t.value) for t in TargetStatus)
        doc.error(node, path, f"unknown target_status {raw!r}; expected one of: {names}")
    return found


def achieved(doc: Document, node: yaml.Node, path: str) -> tuple[Decimal, bool] | None:
    """The achieved value, and whether it was written as a percentage (``80%``)."""
    raw = doc.scalar(node, path, "a number or a percentage such as '80%'")
    if raw is None:
        return None
    m = _PERCENT.fullmatch(raw)
    value = Decimal(m[1]) if m else doc.decimal(node, path)
    if value is not None and value < 0:
        doc.error(node, path, f"an achieved value is at least 0, got {value}")
        return None
    return (value, m is not None) if value is not None else None


def check_achieved(doc: Document, f: dict[str, yaml.Node], path: str, row: PlanRow, *,
                    record: Record, percent: bool) -> bool:  # fmt: skip
    """Check ``achieved`` against the row's target and the record's target status."""
    if record.achieved is None:
        return True
    sub, period = row.sub, record.period
    target = sub.target_in(period)
    node, apath = f["achieved"], f"{path}.achieved"
    where = f"{period.label} of {row.code}"
    if target is None:
        msg = f"{where} has no target in the plan; leave 'achieved' out or add the target"
        doc.error(node, apath, msg)
        return False
    if percent and not target.percent:  # a percentage target's value may be a plain number
        msg = (
            f"{where} has a target of {target.label(sub.satuan)}, not a percentage; "
            f"write 'achieved' in {sub.satuan}"
        )
        doc.error(node, apath, msg)
        return False
    reached = record.achieved >= target.value
    status = record.target_status
    if status is None or (status is TargetStatus.ACHIEVED) == reached:
        return True
    shown = f"{record.achieved}%" if percent else str(record.achieved)
    msg = (
        f"{where}: achieved {shown} {'reaches' if reached else 'is below'} the target of "
        f"{target.label(sub.satuan)}, but the target_status is '{status.value}'; "
        "correct one of them"
    )
    doc.error(f["target_status"], f"{path}.target_status", msg)
    return False
