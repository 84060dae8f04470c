"""Reformasi Birokrasi (RB): teams, annual action plans (rencana aksi) and monitoring.

Three kinds of YAML file, each read strictly with located errors:

- ``kind: team`` — the RB team formed by decree (:func:`load_team`);
- ``kind: plan`` — the annual action plan in the layout of Lampiran II (:func:`load_plan`);
- ``kind: realisation`` — monthly realisation records beside the plan
  (:func:`load_realisation`, :func:`load_monitoring`).

:func:`plan_status` says what is due, done and late in a month; the report helpers
render the plan (Lampiran II), the team (Lampiran I) and the monthly report to the Tim
Pengarah. The eight areas perubahan are data (:class:`Framework`).

References:
    Perpres 81/2010 (Grand Design RB 2010-2025); Permen PANRB 25/2020 (Road Map RB
    2020-2024); Permen PANRB 26/2020 (PMPRB); Keputusan KPU Provinsi NTT No. 79/2022.
"""

from ppid_core.rb._examples import example_path
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
    Status,
    dump_realisation,
    loads_realisation,
    parse_realisation,
)
from ppid_core.rb._reports import (
    kegiatan_table,
    mask_name,
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
    "DEFAULT_FRAMEWORK",
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
    "RowState",
    "RowStatus",
    "Status",
    "SubActivity",
    "Team",
    "TeamDecree",
    "check_file",
    "dump_plan",
    "dump_realisation",
    "dump_team",
    "example_path",
    "kegiatan_table",
    "load_any",
    "load_monitoring",
    "load_plan",
    "load_realisation",
    "load_team",
    "loads_plan",
    "loads_realisation",
    "loads_team",
    "mask_name",
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
