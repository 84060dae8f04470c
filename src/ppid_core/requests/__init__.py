"""Information requests under UU 14/2008: deadlines, lifecycle, register and service report.

- Deadline rule sets are package data (:meth:`RuleSet.bundled`): the general regime of
  UU 14/2008 and the election-information regime of Perki 1/2019 (secondary sources;
  its unknown steps have no number and are never guessed).
- :func:`deadline_chain` gives every deadline of one request, from the written notice
  to the Komisi Informasi.
- :class:`Case` is the lifecycle: legal transitions only, each state with its due date
  and a status on any day.
- :func:`load_register` imports a register (CSV, or XLSX with the ``[excel]`` extra) in
  the layout KPU offices use; :func:`service_report` builds the yearly report.
- Personal data is masked by default (:class:`Masking`).

References:
    UU 14/2008 Pasal 12, 22, 35–38.
"""

from ppid_core._masking import (
    Masking,
    NameMasking,
    mask_email,
    mask_name,
    mask_phone,
)
from ppid_core.requests._chain import Deadline, DeadlineChain
from ppid_core.requests._dates import MONTHS, parse_register_date
from ppid_core.requests._deadlines import compute_deadline, deadline_chain, due_after
from ppid_core.requests._lifecycle import Case, State, Status
from ppid_core.requests._models import (
    Channel,
    ClockStart,
    Decision,
    DecisionKind,
    InformationRequest,
    Keberatan,
    KeberatanGround,
    Requester,
    Sengketa,
)
from ppid_core.requests._overdue import UnknownDeadline
from ppid_core.requests._register import (
    Column,
    Register,
    RegisterEntry,
    Repair,
    load_register,
    parse_register,
    read_register,
)
from ppid_core.requests._rules import (
    Confidence,
    RuleSet,
    Step,
    StepRule,
    load_rule_set,
    parse_rule_set,
    read_rule_set,
    rule_set_names,
)
from ppid_core.requests._service_report import (
    OverdueRequest,
    ResponseTimes,
    ServiceReport,
    service_report,
)
from ppid_core.requests._topics import (
    Topic,
    TopicTable,
    load_topics,
    parse_topics,
    read_topics,
)

__all__ = [
    "MONTHS",
    "Case",
    "Channel",
    "ClockStart",
    "Column",
    "Confidence",
    "Deadline",
    "DeadlineChain",
    "Decision",
    "DecisionKind",
    "InformationRequest",
    "Keberatan",
    "KeberatanGround",
    "Masking",
    "NameMasking",
    "OverdueRequest",
    "Register",
    "RegisterEntry",
    "Repair",
    "Requester",
    "ResponseTimes",
    "RuleSet",
    "Sengketa",
    "ServiceReport",
    "State",
    "Status",
    "Step",
    "StepRule",
    "Topic",
    "TopicTable",
    "UnknownDeadline",
    "compute_deadline",
    "deadline_chain",
    "due_after",
    "load_register",
    "load_rule_set",
    "load_topics",
    "mask_email",
    "mask_name",
    "mask_phone",
    "parse_register",
    "parse_register_date",
    "parse_rule_set",
    "parse_topics",
    "read_register",
    "read_rule_set",
    "read_topics",
    "rule_set_names",
    "service_report",
]
