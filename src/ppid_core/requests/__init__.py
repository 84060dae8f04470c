"""Information requests under UU 14/2008: deadlines, lifecycle, register and service report.

- Deadline rule sets are package data ([`RuleSet.bundled()`][RuleSet.bundled]): the general regime
  of
  UU 14/2008 and the election-information regime of Perki 1/2019 (secondary sources;
  its unknown steps have no number and are never guessed).
- [`deadline_chain()`][deadline_chain] gives every deadline of one request, from the written notice
  to the Komisi Informasi.
- [`Case`][Case] is the lifecycle: legal transitions only, each state with its due date
  and a status on any day.
- [`load_register()`][load_register] imports a register (CSV, or XLSX with the
  ``[excel]`` extra) in the layouts offices keep (`kpu`, `komisi-informasi`, `e-ppid`, or
  the caller's); [`service_report()`][service_report] builds the yearly report.
- [`annual_report()`][annual_report] builds the laporan layanan informasi publik of Perki
  1/2021 Pasal 56 (six parts) from one or more registers and the office's profile
  ([`load_annual_profile()`][load_annual_profile]).
- Personal data is masked by default ([`Masking`][Masking], from
  [`ppid_core.masking`][ppid_core.masking],
  exported here too as the type of the reports' ``masking`` argument).

Names that changed (the old ones still work in this release, with a
`DeprecationWarning`): ``Status`` is [`CaseStatus`][CaseStatus]; ``Step.EXTENSION`` is
``Step.EXTENDED_RESPONSE``; ``mask_name``, ``mask_email`` and ``mask_phone`` are imported
from [`ppid_core.masking`][ppid_core.masking].

References:
    UU 14/2008 Pasal 12, 22, 35–38.
"""

import importlib
from typing import TYPE_CHECKING

from ppid_core._source import moved_name

if TYPE_CHECKING:  # pragma: no cover - for type checkers and the API reference
    from ppid_core._masking import Masking, NameMasking
    from ppid_core.requests._annual import annual_report
    from ppid_core.requests._annual_parts import (
        DisputePart,
        MonthFigures,
        ProfilePart,
        ResponseClasses,
        ServicePart,
        TitlePage,
    )
    from ppid_core.requests._annual_profile import (
        AnnualProfile,
        ProfileSection,
        Signatory,
        load_annual_profile,
        parse_annual_profile,
    )
    from ppid_core.requests._annual_result import AnnualReport
    from ppid_core.requests._chain import Deadline, DeadlineChain
    from ppid_core.requests._dates import MONTHS, parse_register_date, read_when
    from ppid_core.requests._deadlines import compute_deadline, deadline_chain, due_after
    from ppid_core.requests._decisions import (
        DecisionTable,
        Unstated,
        load_decisions,
        parse_decisions,
    )
    from ppid_core.requests._histogram import DayHistogram
    from ppid_core.requests._layouts import FIELDS, Layout, load_layout, parse_layout
    from ppid_core.requests._lifecycle import Case, CaseStatus, State
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
    from ppid_core.requests._oversight import oversight
    from ppid_core.requests._oversight_files import load_expected_units, load_zone_map
    from ppid_core.requests._oversight_summary import UnitSummary
    from ppid_core.requests._oversight_table import OversightRow, OversightTable
    from ppid_core.requests._register import (
        Column,
        Provenance,
        Register,
        RegisterEntry,
        Repair,
        UnreadCell,
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
    from ppid_core.requests._service_build import service_summary
    from ppid_core.requests._service_report import (
        OverdueRequest,
        ResponseTimes,
        ServiceReport,
        service_report,
    )
    from ppid_core.requests._service_summary import ServiceSummary
    from ppid_core.requests._topics import (
        Topic,
        TopicTable,
        load_topics,
        parse_topics,
        read_topics,
    )
    from ppid_core.requests._zones_when import When, to_office_zone

__all__ = [
    "FIELDS",
    "MONTHS",
    "AnnualProfile",
    "AnnualReport",
    "Case",
    "CaseStatus",
    "Channel",
    "ClockStart",
    "Column",
    "Confidence",
    "DayHistogram",
    "Deadline",
    "DeadlineChain",
    "Decision",
    "DecisionKind",
    "DecisionTable",
    "DisputePart",
    "InformationRequest",
    "Keberatan",
    "KeberatanGround",
    "Layout",
    "Masking",
    "MonthFigures",
    "NameMasking",
    "OverdueRequest",
    "OversightRow",
    "OversightTable",
    "ProfilePart",
    "ProfileSection",
    "Provenance",
    "Register",
    "RegisterEntry",
    "Repair",
    "Requester",
    "ResponseClasses",
    "ResponseTimes",
    "RuleSet",
    "Sengketa",
    "ServicePart",
    "ServiceReport",
    "ServiceSummary",
    "Signatory",
    "State",
    "Step",
    "StepRule",
    "TitlePage",
    "Topic",
    "TopicTable",
    "UnitSummary",
    "UnknownDeadline",
    "UnreadCell",
    "Unstated",
    "When",
    "annual_report",
    "compute_deadline",
    "deadline_chain",
    "due_after",
    "load_annual_profile",
    "load_decisions",
    "load_expected_units",
    "load_layout",
    "load_register",
    "load_rule_set",
    "load_topics",
    "load_zone_map",
    "oversight",
    "parse_annual_profile",
    "parse_decisions",
    "parse_layout",
    "parse_register",
    "parse_register_date",
    "parse_rule_set",
    "parse_topics",
    "read_register",
    "read_rule_set",
    "read_topics",
    "read_when",
    "rule_set_names",
    "service_report",
    "service_summary",
    "to_office_zone",
]

#: The module that defines each public name, imported on first use (PEP 562), so that
#: ``ppid deadline`` does not load the register readers and the service report.
_WHERE = {
    "oversight": "ppid_core.requests._oversight",
    "load_zone_map": "ppid_core.requests._oversight_files",
    "load_expected_units": "ppid_core.requests._oversight_files",
    "UnitSummary": "ppid_core.requests._oversight_summary",
    "OversightTable": "ppid_core.requests._oversight_table",
    "OversightRow": "ppid_core.requests._oversight_table",
    "AnnualProfile": "ppid_core.requests._annual_profile",
    "AnnualReport": "ppid_core.requests._annual_result",
    "DisputePart": "ppid_core.requests._annual_parts",
    "MonthFigures": "ppid_core.requests._annual_parts",
    "ProfilePart": "ppid_core.requests._annual_parts",
    "ProfileSection": "ppid_core.requests._annual_profile",
    "ResponseClasses": "ppid_core.requests._annual_parts",
    "ServicePart": "ppid_core.requests._annual_parts",
    "Signatory": "ppid_core.requests._annual_profile",
    "TitlePage": "ppid_core.requests._annual_parts",
    "annual_report": "ppid_core.requests._annual",
    "load_annual_profile": "ppid_core.requests._annual_profile",
    "parse_annual_profile": "ppid_core.requests._annual_profile",
    "Case": "ppid_core.requests._lifecycle",
    "CaseStatus": "ppid_core.requests._lifecycle",
    "Channel": "ppid_core.requests._models",
    "ClockStart": "ppid_core.requests._models",
    "Column": "ppid_core.requests._register",
    "Confidence": "ppid_core.requests._rules",
    "Deadline": "ppid_core.requests._chain",
    "DeadlineChain": "ppid_core.requests._chain",
    "Decision": "ppid_core.requests._models",
    "DecisionKind": "ppid_core.requests._models",
    "DecisionTable": "ppid_core.requests._decisions",
    "FIELDS": "ppid_core.requests._layouts",
    "InformationRequest": "ppid_core.requests._models",
    "Keberatan": "ppid_core.requests._models",
    "KeberatanGround": "ppid_core.requests._models",
    "Layout": "ppid_core.requests._layouts",
    "MONTHS": "ppid_core.requests._dates",
    "Masking": "ppid_core._masking",
    "NameMasking": "ppid_core._masking",
    "OverdueRequest": "ppid_core.requests._service_report",
    "Provenance": "ppid_core.requests._register",
    "Register": "ppid_core.requests._register",
    "RegisterEntry": "ppid_core.requests._register",
    "Repair": "ppid_core.requests._register",
    "Requester": "ppid_core.requests._models",
    "ResponseTimes": "ppid_core.requests._service_report",
    "RuleSet": "ppid_core.requests._rules",
    "Sengketa": "ppid_core.requests._models",
    "ServiceReport": "ppid_core.requests._service_report",
    "ServiceSummary": "ppid_core.requests._service_summary",
    "DayHistogram": "ppid_core.requests._histogram",
    "service_summary": "ppid_core.requests._service_build",
    "State": "ppid_core.requests._lifecycle",
    "Step": "ppid_core.requests._rules",
    "StepRule": "ppid_core.requests._rules",
    "Topic": "ppid_core.requests._topics",
    "TopicTable": "ppid_core.requests._topics",
    "UnknownDeadline": "ppid_core.requests._overdue",
    "UnreadCell": "ppid_core.requests._register",
    "Unstated": "ppid_core.requests._decisions",
    "When": "ppid_core.requests._zones_when",
    "compute_deadline": "ppid_core.requests._deadlines",
    "deadline_chain": "ppid_core.requests._deadlines",
    "due_after": "ppid_core.requests._deadlines",
    "load_decisions": "ppid_core.requests._decisions",
    "load_layout": "ppid_core.requests._layouts",
    "load_register": "ppid_core.requests._register",
    "load_rule_set": "ppid_core.requests._rules",
    "load_topics": "ppid_core.requests._topics",
    "parse_decisions": "ppid_core.requests._decisions",
    "parse_layout": "ppid_core.requests._layouts",
    "parse_register": "ppid_core.requests._register",
    "parse_register_date": "ppid_core.requests._dates",
    "parse_rule_set": "ppid_core.requests._rules",
    "parse_topics": "ppid_core.requests._topics",
    "read_register": "ppid_core.requests._register",
    "read_rule_set": "ppid_core.requests._rules",
    "read_topics": "ppid_core.requests._topics",
    "read_when": "ppid_core.requests._dates",
    "rule_set_names": "ppid_core.requests._rules",
    "service_report": "ppid_core.requests._service_report",
    "to_office_zone": "ppid_core.requests._zones_when",
}

#: Old names kept for one release: old name -> (the new spelling, its module, its name).
_MOVED = {
    "Status": ("ppid_core.requests.CaseStatus", "ppid_core.requests", "CaseStatus"),
    "mask_email": ("ppid_core.masking.mask_email", "ppid_core.masking", "mask_email"),
    "mask_name": ("ppid_core.masking.mask_name", "ppid_core.masking", "mask_name"),
    "mask_phone": ("ppid_core.masking.mask_phone", "ppid_core.masking", "mask_phone"),
}


def _old_name(name: str) -> object:
    """A public name of `_WHERE`, imported on first use; an old name of `_MOVED`, with a
    `DeprecationWarning` (PEP 562)."""
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    return moved_name(__name__, name, _MOVED, guide="Deadlines and the service report")


if TYPE_CHECKING:  # pragma: no cover - type checkers see the old names as plain aliases
    from ppid_core.masking import mask_email as mask_email
    from ppid_core.masking import mask_name as mask_name
    from ppid_core.masking import mask_phone as mask_phone

    Status = CaseStatus
else:
    __getattr__ = _old_name
