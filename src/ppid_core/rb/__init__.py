"""Reformasi Birokrasi (RB): teams, annual action plans (rencana aksi) and monitoring.

Three kinds of YAML file, each read strictly with located errors:

- ``kind: team`` — the RB team formed by decree ([`load_team()`][load_team]);
- ``kind: plan`` — the annual action plan in the layout of Lampiran II ([`load_plan()`][load_plan]);
- ``kind: realisation`` — monthly realisation records beside the plan
  ([`load_realisation()`][load_realisation], [`load_monitoring()`][load_monitoring]).

[`plan_status()`][plan_status] says what is due, done and late in a month; the report helpers
render the plan (Lampiran II), the team (Lampiran I) and the monthly report to the Tim
Pengarah. The eight areas perubahan are data ([`Framework`][Framework]).

The embedded examples (the KPU Provinsi NTT decree of 2022) are in
`ppid_core.examples.rb`.

Names that changed (the old ones still work in this release, with a
`DeprecationWarning`): ``Status`` is [`RecordStatus`][RecordStatus]; ``example_path`` is
``ppid_core.examples.rb.example_path``; ``mask_name`` is ``ppid_core.masking.mask_name``.

References:
    Perpres 81/2010 (Grand Design RB 2010-2025); Permen PANRB 25/2020 (Road Map RB
    2020-2024); Permen PANRB 26/2020 (PMPRB); Keputusan KPU Provinsi NTT No. 79/2022.
"""

from typing import TYPE_CHECKING

from ppid_core._source import moved_name
from ppid_core.rb._files import (
    check_file,
    load_any,
    load_monitoring,
    load_realisation,
)
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Area, Framework
from ppid_core.rb._monitor import plan_status
from ppid_core.rb._months import months_label, parse_month, quarter_months, quarter_of
from ppid_core.rb._plan import (
    ActionPlan,
    Activity,
    AreaPlan,
    PlanRow,
    SubActivity,
    dump_plan,
    load_plan,
    loads_plan,
    parse_plan,
)
from ppid_core.rb._realisation import (
    Realisation,
    Record,
    RecordStatus,
    dump_realisation,
    loads_realisation,
    parse_realisation,
)
from ppid_core.rb._reports import (
    ASCII_TICK,
    TICK,
    kegiatan_table,
    monthly_report,
    plan_table,
    progress_table,
    quarter_table,
    status_data,
    team_table,
)
from ppid_core.rb._status import PlanStatus, Progress, QuarterRollup, RowState, RowStatus
from ppid_core.rb._team import (
    Decree,
    Member,
    Team,
    TeamDecree,
    dump_team,
    load_team,
    loads_team,
    parse_team,
)

__all__ = [
    "ASCII_TICK",
    "DEFAULT_FRAMEWORK",
    "TICK",
    "ActionPlan",
    "Activity",
    "Area",
    "AreaPlan",
    "Decree",
    "Framework",
    "Member",
    "PlanRow",
    "PlanStatus",
    "Progress",
    "QuarterRollup",
    "Realisation",
    "Record",
    "RecordStatus",
    "RowState",
    "RowStatus",
    "SubActivity",
    "Team",
    "TeamDecree",
    "check_file",
    "dump_plan",
    "dump_realisation",
    "dump_team",
    "kegiatan_table",
    "load_any",
    "load_monitoring",
    "load_plan",
    "load_realisation",
    "load_team",
    "loads_plan",
    "loads_realisation",
    "loads_team",
    "monthly_report",
    "months_label",
    "parse_month",
    "parse_plan",
    "parse_realisation",
    "parse_team",
    "plan_status",
    "plan_table",
    "progress_table",
    "quarter_months",
    "quarter_of",
    "quarter_table",
    "status_data",
    "team_table",
]

#: Old names kept for one release: old name -> (the new spelling, its module, its name).
_MOVED = {
    "Status": ("ppid_core.rb.RecordStatus", "ppid_core.rb", "RecordStatus"),
    "example_path": (
        "ppid_core.examples.rb.example_path",
        "ppid_core.examples.rb",
        "example_path",
    ),
    "mask_name": ("ppid_core.masking.mask_name", "ppid_core.masking", "mask_name"),
}


def _old_name(name: str) -> object:
    """An old name of `_MOVED`, with a `DeprecationWarning` (PEP 562)."""
    return moved_name(__name__, name, _MOVED, guide="Writing and monitoring an RB action plan")


if TYPE_CHECKING:  # pragma: no cover - type checkers see the old names as plain aliases
    from pathlib import Path

    from ppid_core.masking import mask_name as mask_name

    Status = RecordStatus

    def example_path(name: str) -> Path:  # typed here: rb does not import the examples
        """Deprecated: ``ppid_core.examples.rb.example_path``."""
        ...
else:
    __getattr__ = _old_name
