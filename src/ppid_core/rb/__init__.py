"""Reformasi Birokrasi (RB): teams, annual action plans (rencana aksi) and monitoring.

Three kinds of YAML file, each read strictly with located errors:

- ``kind: team`` — the RB team formed by decree ([`load_team()`][load_team]);
- ``kind: plan`` — the annual action plan in the layout of Lampiran II ([`load_plan()`][load_plan]);
- ``kind: realisation`` — monthly realisation records beside the plan
  ([`load_realisation()`][load_realisation], [`load_monitoring()`][load_monitoring]).

[`plan_status()`][plan_status] says what is due, done and late in a month, with progress
under a chosen definition (``PROGRESS_DEFINITIONS``: ``months``,
``targets``, ``values``, ``bps``); the report helpers render the plan (Lampiran II), the
team (Lampiran I) and the monthly report to the Tim Pengarah. Frameworks are data
([`Framework`][Framework]): the Road Map 2020-2024 (the default) and RB General/Tematik
of Permen PANRB 3/2023 are bundled ([`list_frameworks()`][list_frameworks]), and an
office's own road map is a file ([`load_framework()`][load_framework]). Plan rows may carry
targets per period with their satuan ([`Target`][Target]), budget, a PIC and an RB
Tematik theme; records may carry the value achieved and a [`TargetStatus`][TargetStatus].

The embedded examples (the KPU Provinsi NTT decree of 2022, and an illustrative RB General
2025 plan) are in `ppid_core.examples.rb`.

Names that changed (the old ones still work in this release, with a
`DeprecationWarning`): ``Status`` is [`RecordStatus`][RecordStatus]; ``example_path`` is
``ppid_core.examples.rb.example_path``; ``mask_name`` is ``ppid_core.masking.mask_name``.

References:
    Perpres 81/2010 (Grand Design RB 2010-2025); Permen PANRB 25/2020 (Road Map RB
    2020-2024); Permen PANRB 26/2020 (PMPRB); Permen PANRB 3/2023 (RB General and RB
    Tematik); KepMen PANRB 739/2023 (LKE RB General); Keputusan KPU Provinsi NTT No. 79/2022.
"""

from typing import TYPE_CHECKING

from ppid_core._source import moved_name
from ppid_core.rb._catalogue import FrameworkList, list_frameworks
from ppid_core.rb._files import (
    check_file,
    load_any,
    load_monitoring,
    load_realisation,
)
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Area, Framework
from ppid_core.rb._framework_file import load_framework, parse_framework
from ppid_core.rb._lke import (
    DEFAULT_LKE,
    LKE_ANSWER_TYPES,
    Lke,
    LkeArea,
    LkeCondition,
    LkePredicate,
    LkeQuestion,
    LkeSubIndicator,
)
from ppid_core.rb._lke_answers import (
    LkeAnswers,
    LkeAnswerValue,
    load_lke_answers,
    parse_lke_answers,
)
from ppid_core.rb._lke_evidence import (
    LKE_SURVEY_VALUES,
    SKM_PUBLISHED,
    LkeEvidence,
    derive_lke_answers,
)
from ppid_core.rb._lke_parts import (
    LkeAreaScore,
    LkeConditionCheck,
    LkeItemScore,
    LkePredicateCheck,
    LkeSubScore,
    LkeWhatIf,
)
from ppid_core.rb._lke_read import bundled_lke, lke_names, load_lke
from ppid_core.rb._lke_result import LkeScore
from ppid_core.rb._lke_score import (
    DEFAULT_LKE_AGGREGATION,
    LKE_AGGREGATIONS,
    lke_answer_value,
    score_lke,
)
from ppid_core.rb._monitor import plan_status
from ppid_core.rb._months import months_label, parse_month, quarter_months, quarter_of
from ppid_core.rb._periods import Period, Target, parse_period
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
from ppid_core.rb._progress import DEFAULT_PROGRESS, PROGRESS_DEFINITIONS, ProgressDefinition
from ppid_core.rb._realisation import (
    Realisation,
    Record,
    RecordStatus,
    TargetStatus,
    dump_realisation,
    loads_realisation,
    merge_realisations,
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
    "DEFAULT_LKE",
    "DEFAULT_LKE_AGGREGATION",
    "DEFAULT_PROGRESS",
    "LKE_AGGREGATIONS",
    "LKE_ANSWER_TYPES",
    "LKE_SURVEY_VALUES",
    "PROGRESS_DEFINITIONS",
    "SKM_PUBLISHED",
    "TICK",
    "ActionPlan",
    "Activity",
    "Area",
    "AreaPlan",
    "Decree",
    "Framework",
    "FrameworkList",
    "Lke",
    "LkeAnswerValue",
    "LkeAnswers",
    "LkeArea",
    "LkeAreaScore",
    "LkeCondition",
    "LkeConditionCheck",
    "LkeEvidence",
    "LkeItemScore",
    "LkePredicate",
    "LkePredicateCheck",
    "LkeQuestion",
    "LkeScore",
    "LkeSubIndicator",
    "LkeSubScore",
    "LkeWhatIf",
    "Member",
    "Period",
    "PlanRow",
    "PlanStatus",
    "Progress",
    "ProgressDefinition",
    "QuarterRollup",
    "Realisation",
    "Record",
    "RecordStatus",
    "RowState",
    "RowStatus",
    "SubActivity",
    "Target",
    "TargetStatus",
    "Team",
    "TeamDecree",
    "bundled_lke",
    "check_file",
    "derive_lke_answers",
    "dump_plan",
    "dump_realisation",
    "dump_team",
    "kegiatan_table",
    "list_frameworks",
    "lke_answer_value",
    "lke_names",
    "load_any",
    "load_framework",
    "load_lke",
    "load_lke_answers",
    "load_monitoring",
    "load_plan",
    "load_realisation",
    "load_team",
    "loads_plan",
    "loads_realisation",
    "loads_team",
    "merge_realisations",
    "monthly_report",
    "months_label",
    "parse_framework",
    "parse_lke_answers",
    "parse_month",
    "parse_period",
    "parse_plan",
    "parse_realisation",
    "parse_team",
    "plan_status",
    "plan_table",
    "progress_table",
    "quarter_months",
    "quarter_of",
    "quarter_table",
    "score_lke",
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
