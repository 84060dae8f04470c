"""The public API as an application module uses it, checked by ``mypy --strict``.

Never run, only type-checked (``make typecheck``), as attrs keeps its ``typing_tests``:
a change that breaks a user's annotations, or lets ``Any`` leak out of a public call,
fails here first. Only names in a package's ``__all__`` are used.
"""

# mypy: disallow-any-expr

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from fractions import Fraction

from ppid_core import Table, mask_phone
from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, LocatedError, PpidError
from ppid_core.examples.rb import (
    PLAN,
    example_path,
    load_kpu_ntt_2022_monitoring,
    load_kpu_ntt_2022_plan,
)
from ppid_core.ikm import IkmResult, MissingPolicy, Regime, Survey, Tally, read_survey, score
from ppid_core.masking import Masking, NameMasking, mask_name
from ppid_core.rb import ActionPlan, PlanStatus, RecordStatus, parse_plan, plan_status
from ppid_core.requests import (
    Case,
    CaseStatus,
    Deadline,
    DeadlineChain,
    InformationRequest,
    Register,
    Requester,
    RuleSet,
    ServiceReport,
    Step,
    deadline_chain,
    load_register,
    service_report,
)

# -- Working days and deadlines ----------------------------------------------------------

calendar: WorkCalendar = WorkCalendar.indonesia(zone="WITA", cuti_bersama=False)
due: dt.date = calendar.add_working_days(dt.date(2025, 3, 27), 10)
days: int = calendar.count_working_days(dt.date(2025, 3, 27), due)
working: bool = calendar.is_working_day(due)

chain: DeadlineChain = deadline_chain(dt.date(2025, 3, 27), calendar)
response_due: dt.date | None = chain.response.due
chain_data: dict[str, object] = chain.to_dict()
chain_json: str = json.dumps(chain_data)  # to_dict() is JSON-ready as it is
chain_markdown: str = chain.to_markdown()
chain_html: str = chain._repr_html_()
extended: Deadline = chain.extended_response  # Step.EXTENDED_RESPONSE, "extended_response_due"
extended_step: Step = extended.step
extended_days: int = RuleSet.bundled().days(Step.EXTENDED_RESPONSE)

# -- A request's lifecycle, personal data masked -------------------------------------------

request = InformationRequest(
    number="017/PPID/X/2024",
    received_at=dt.datetime(2024, 10, 7, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    requester=Requester(name="Aprilianus Ndarinu", phone="085339672120"),
    information="Data SK Pemilihan",
)
case: Case = Case.open(request, calendar).extend(dt.date(2024, 10, 14))
case_status: CaseStatus = case.status_on(dt.date(2024, 10, 17))
unmasked = Masking(names=NameMasking.NONE, unmasked=True)
case_data: dict[str, object] = case.to_dict(masking=unmasked)
initials: str = mask_name("Aprilianus Ndarinu", NameMasking.INITIALS)
phone_tail: str = mask_phone("085339672120")  # also ppid_core.masking.mask_phone


# -- A register of requests and its service report ----------------------------------------


def report_of(upload: bytes) -> ServiceReport | list[str]:
    """The report of an uploaded register, or its located errors as text."""
    try:
        register: Register = load_register(io.BytesIO(upload), calendar=calendar)
    except DataFileError as exc:
        errors: list[LocatedError] = [e for e in exc.exceptions if isinstance(e, LocatedError)]
        return [f"{e.location}: {e.message}" for e in errors]
    return service_report(register, calendar, year=2024, as_of=dt.date(2025, 1, 6))


# -- IKM ----------------------------------------------------------------------------------

regime: Regime = Regime.bundled()
tally: Tally = Tally.from_totals(
    regime, [549, 555, 523, 600, 503, 553, 553, 523, 537], respondents=150
)
result: IkmResult = score(tally, regime)
index: Fraction = result.ikm
shown: Decimal = result.ikm_display
mutu: str = result.mutu
merged: Tally = tally + tally


def survey_score(upload: bytes) -> IkmResult:
    """Score an uploaded CSV file, blanks counted per unsur."""
    survey: Survey = read_survey(upload, format="csv", missing=MissingPolicy.PER_UNSUR)
    return survey.score()


# -- RB action plans ---------------------------------------------------------------------

plan: ActionPlan = parse_plan(example_path(PLAN).read_text("utf-8"))
same_plan: ActionPlan = load_kpu_ntt_2022_plan()
status: PlanStatus = plan_status(plan, None, year=2022, month=6)
tables: list[Table] = status.tables()
monitored, realisation = load_kpu_ntt_2022_monitoring()
first_done: RecordStatus | None = realisation.records[0].status  # None: only a target_status


def message(error: PpidError) -> str:
    """Every ppid-core error is an exception with a message."""
    return str(error)
