"""The one result protocol, for every result class: JSON, Markdown, HTML, DataFrame, repr."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ppid_core import Table
from ppid_core._result import HTML_MAX_CHARS, REPR_MAX_CHARS, ResultMixin
from ppid_core.calendar import WorkCalendar, coverage, year_overview
from ppid_core.errors import MissingExtraError, UnknownNameError
from ppid_core.examples.ikm import read_seed_survey
from ppid_core.examples.rb import example_path
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.examples.requests.oversight import example_folder
from ppid_core.ikm import (
    Breakdown,
    IkmResult,
    IkmWorksheet,
    PeriodSeries,
    Regime,
    Tally,
    by_period,
    read_survey,
    score,
)
from ppid_core.rb import list_frameworks, load_monitoring, plan_status
from ppid_core.requests import (
    Case,
    Decision,
    DecisionKind,
    InformationRequest,
    Requester,
    annual_report,
    deadline_chain,
    oversight,
    service_report,
)

CAL = WorkCalendar.indonesia(zone="WITA")
R = Regime.bundled()
TOTALS = [549, 555, 523, 600, 503, 553, 553, 537, 523]  # KPU NTT 2024, 150 respondents


def _period_series() -> PeriodSeries:
    header = ["Tanggal", *(f"U{i}" for i in range(1, 10))]
    rows: list[list[object]] = [[*header], ["15/02/2024", *[4] * 9], ["04/06/2024", *[3] * 9]]
    return by_period(read_survey(rows), "quarter")


def _ikm() -> IkmResult:
    return score(Tally.from_totals(R, TOTALS, respondents=150), R)


def _breakdown(groups: int = 2) -> Breakdown:
    pooled = _ikm()
    tally = Tally.from_totals(R, [n // 2 for n in TOTALS], respondents=75)
    one = score(tally, R, scope="Layanan = x")
    return Breakdown(
        column="Layanan", groups={f"Layanan {i}": one for i in range(groups)}, pooled=pooled
    )


def _case() -> Case:
    req = InformationRequest(
        number="017/PPID/X/2024",
        received_at=dt.datetime(2024, 10, 7, 10, 0, tzinfo=ZoneInfo("Asia/Makassar")),
        requester=Requester(name="Aprilianus Ndarinu", phone="085339672120"),
        information="Data SK Pemilihan 8 dapil 2004-2024",
    )
    return Case.open(req, CAL).decide(dt.date(2024, 10, 22), Decision(kind=DecisionKind.GRANTED))


def _plan_status() -> Any:
    plan, records = load_monitoring(example_path("kpu-ntt-2022-realisasi.yaml"))
    return plan_status(plan, records, year=2022, month=4)


#: (builder, a figure its Markdown must show)
def _monev() -> ResultMixin:
    from ppid_core.examples.monev import load_example_answers
    from ppid_core.monev import score_monev

    return score_monev(load_example_answers())


def _dip_check() -> ResultMixin:
    from ppid_core.dip import check_dip
    from ppid_core.examples.dip import load_example_dip

    return check_dip(load_example_dip(), on=dt.date(2025, 1, 15))


def _dip_table() -> ResultMixin:
    from ppid_core.examples.dip import load_example_dip

    return load_example_dip().table()


def _lke_score() -> ResultMixin:
    from importlib import resources

    from ppid_core.rb import load_lke_answers, score_lke

    path = resources.files("ppid_core.examples.rb") / "lke-example.yaml"
    with resources.as_file(path) as file:
        return score_lke(load_lke_answers(file))


def _oversight_table() -> ResultMixin:
    return oversight(example_folder(), on=dt.date(2024, 12, 31), calendar=CAL, by="month")


CASES: dict[str, tuple[Callable[[], ResultMixin], str]] = {
    "Span": (lambda: CAL.explain(dt.date(2025, 3, 27), dt.date(2025, 4, 22)), "]: 10"),
    "YearOverview": (lambda: year_overview(CAL, 2025), "237 working days"),
    "Coverage": (lambda: coverage(CAL), "2025"),
    "DeadlineChain": (lambda: deadline_chain(dt.date(2025, 3, 27), CAL), "2025-04-22"),
    "Case": (_case, "2024-10-22"),
    "AnnualReport": (
        lambda: annual_report(load_kpu_ntt_2024(CAL), CAL, year=2024),
        "Jumlah permohonan informasi publik yang diterima: 37.",
    ),
    "ServiceReport": (
        lambda: service_report(load_kpu_ntt_2024(CAL), CAL, year=2024, as_of=dt.date(2025, 1, 6)),
        "requests: 37",
    ),
    "IkmResult": (_ikm, "90.67"),
    "IkmWorksheet": (lambda: IkmWorksheet.from_survey(read_seed_survey()), "90.67"),
    "PeriodSeries": (_period_series, "Triwulan II 2024"),
    "Breakdown": (_breakdown, "90.67"),
    "PlanStatus": (_plan_status, "late: 38"),
    "FrameworkList": (list_frameworks, "rb-general-tematik-2023"),
    "OversightTable": (_oversight_table, "| All units | 12 |"),
    "MonevScore": (_monev, "not the Komisi Informasi's assessment"),
    "DipCheck": (_dip_check, "Findings: 3"),
    "DipTable": (_dip_table, "Laporan Realisasi Anggaran Semester I Tahun 2024"),
    "LkeScore": (_lke_score, "Zona Integritas evaluation score | 100.00 | 90.91"),
}
NAMES = sorted(CASES)


@pytest.fixture(scope="module", params=NAMES)
def result(request: pytest.FixtureRequest) -> ResultMixin:
    build, _ = CASES[request.param]
    made = build()
    assert type(made).__name__ == request.param
    return made


def test_every_result_class_is_covered() -> None:
    covered = {build().__class__ for build, _ in CASES.values()}
    assert covered == {
        cls for cls in _subclasses(ResultMixin) if cls.__module__.startswith("ppid_core.")
    }


def _subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    subs: list[type] = cls.__subclasses__()
    for sub in subs:
        out |= {sub, *_subclasses(sub)}
    return out


def test_json_dumps_accepts_to_dict(result: ResultMixin) -> None:
    data = result.to_dict()
    text = json.dumps(data)  # no default=: the data is JSON already
    assert json.loads(text) == data


def test_to_json_round_trips(result: ResultMixin) -> None:
    assert json.loads(result.to_json()) == result.to_dict()


def test_markdown_shows_the_key_figure(result: ResultMixin) -> None:
    _, figure = CASES[type(result).__name__]
    text = result.to_markdown()
    assert text.strip()
    assert figure in text


def test_tables_are_tables(result: ResultMixin) -> None:
    tables = result.tables()
    assert tables
    assert all(isinstance(t, Table) for t in tables)


def test_html_is_bounded(result: ResultMixin) -> None:
    page = result._repr_html_()
    assert page.startswith("<div")
    assert len(page) < HTML_MAX_CHARS + 5_000


def test_repr_is_one_short_line(result: ResultMixin) -> None:
    text = repr(result)
    assert "\n" not in text
    assert len(text) <= REPR_MAX_CHARS
    assert text.startswith(f"<{type(result).__name__} ")
    assert text.endswith(">")


def test_frame_has_the_columns_of_each_table(result: ResultMixin) -> None:
    pytest.importorskip("pandas")
    for i, table in enumerate(result.tables()):
        frame = result.to_frame(i)
        assert tuple(frame.columns) == table.columns
        assert len(frame) == len(table.rows)
    first = result.tables()[0]
    if first.title:
        assert tuple(result.to_frame(first.title).columns) == first.columns


def test_frame_names_a_missing_table(result: ResultMixin) -> None:
    n = len(result.tables())
    with pytest.raises(UnknownNameError, match=f"table {n} does not exist; this result has {n}"):
        result.to_frame(n)
    with pytest.raises(UnknownNameError, match="no table titled 'nope'"):
        result.to_frame("nope")


def test_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ppid-core\[pandas\]'"):
        _ikm().to_frame()


# -- large results stay small in a notebook ------------------------------------------------


def test_a_breakdown_of_2000_groups_has_a_bounded_html_view() -> None:
    big = _breakdown(groups=2000)
    page = big._repr_html_()
    assert len(page) < 20_000
    assert "… 1951 more rows" in page  # 2,000 groups and the unit row, 50 shown
    assert len(repr(big)) <= REPR_MAX_CHARS
    assert repr(big) == "<Breakdown per Layanan: 2000 groups; unit IKM 90.67 (A)>"


def test_a_span_of_years_has_a_bounded_html_view() -> None:
    span = CAL.explain(dt.date(2020, 1, 1), dt.date(2027, 12, 31))
    assert len(span.skipped) > 900
    page = span._repr_html_()
    assert len(page) < HTML_MAX_CHARS + 5_000
    assert f"… {len(span.skipped) - 50} more rows" in page


def test_a_result_of_many_tables_stops_at_the_character_budget() -> None:
    report = CASES["ServiceReport"][0]()
    long = "x" * 150
    wide = Table(columns=[f"c{i}" for i in range(20)], rows=[[long] * 20] * 50, title="wide")

    class Many(ResultMixin):
        def to_dict(self) -> dict[str, Any]:
            return {}

        def tables(self) -> list[Table]:
            return [wide] * 30

        def _summary(self) -> str:
            return "many"

    page = Many()._repr_html_()
    assert len(page) < HTML_MAX_CHARS + 5_000
    assert "more tables" in page
    assert len(report._repr_html_()) < HTML_MAX_CHARS + 5_000


# -- specific figures ----------------------------------------------------------------------


def test_reprs_say_what_and_the_key_figure() -> None:
    assert repr(CASES["DeadlineChain"][0]()) == (
        "<DeadlineChain received 2025-03-27: response 2025-04-22, extended 2025-05-02>"
    )
    assert (
        repr(CASES["ServiceReport"][0]()) == "<ServiceReport kpu_ntt_2024.csv: 37 requests, 2024>"
    )
    assert repr(_ikm()) == (
        "<IkmResult unit (pooled respondents): IKM 90.67 (A, Sangat Baik), 150 responden>"
    )
    assert repr(_case()) == "<Case 017/PPID/X/2024: decided>"
    assert repr(CASES["Span"][0]()) == "<Span 2025-03-27..2025-04-22: 10 working days, 16 skipped>"


def test_exact_values_follow_the_one_rule() -> None:
    data = _ikm().to_dict()
    assert data["ikm"] == 90.67  # rounded for display: a number
    assert data["ikm_exact"] == "272/3"  # exact, not a finite decimal: text
    status = _plan_status().to_dict()
    row = status["by_area"]["organisasi"]
    assert isinstance(row["progress"], float)
    assert Fraction(row["progress_exact"]) == _plan_status().by_area()["organisasi"].value


def test_case_masks_personal_data_unless_asked() -> None:
    from ppid_core.requests import Masking, NameMasking

    case = _case()
    assert case.to_dict()["requester"] == {"name": "A. N.", "phone": "********2120", "email": ""}
    shown = case.to_dict(masking=Masking(names=NameMasking.NONE, unmasked=True))
    assert shown["requester"]["name"] == "Aprilianus Ndarinu"
    assert "Aprilianus" not in case.to_json() + case.to_markdown() + case._repr_html_()
    data = case.to_dict()
    assert data["state"] == "decided"
    assert data["decision"] == {"kind": "granted", "exception": None, "reason": "", "holder": None}
    assert [e["event"] for e in data["history"]] == ["diterima", "diputuskan"]
    assert [d["step"] for d in data["deadlines"]] == ["response", "keberatan_filing"]


def test_breakdown_to_dict() -> None:
    data = _breakdown().to_dict()
    assert data["column"] == "Layanan"
    assert data["groups"][0] == {
        "value": "Layanan 0",
        "respondents": 75,
        "ikm": data["groups"][0]["ikm"],
        "mutu": "A",
        "kinerja": "Sangat Baik",
    }
    assert data["pooled"] == {
        "respondents": 150,
        "ikm": 90.67,
        "mutu": "A",
        "kinerja": "Sangat Baik",
    }
    assert data["undefined"] == []


def test_deadline_chain_carries_its_calendar_and_skipped_days() -> None:
    chain = deadline_chain(dt.date(2025, 3, 27), CAL)
    assert chain.calendar.zone == "Asia/Makassar"
    assert chain.explanation.end == dt.date(2025, 5, 2)
    data = chain.to_dict()
    assert data["zone"] == "Asia/Makassar"
    assert data["calendar"]["first_day"] == CAL.first_day.isoformat()
    assert [s["date"] for s in data["skipped"]][:2] == ["2025-03-28", "2025-03-29"]
