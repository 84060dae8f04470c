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

from ppid_core import Table
from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, LocatedError, PpidError
from ppid_core.ikm import IkmResult, MissingPolicy, Regime, Survey, Tally, read_survey, score
from ppid_core.rb import ActionPlan, PlanStatus, example_path, parse_plan, plan_status
from ppid_core.requests import (
    DeadlineChain,
    Register,
    ServiceReport,
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

plan: ActionPlan = parse_plan(example_path("kpu-ntt-2022-rencana-aksi.yaml").read_text("utf-8"))
status: PlanStatus = plan_status(plan, None, year=2022, month=6)
tables: list[Table] = status.tables()


def message(error: PpidError) -> str:
    """Every ppid-core error is an exception with a message."""
    return str(error)
