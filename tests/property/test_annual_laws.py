"""Laws of the annual report (Hypothesis).

- Reading the registers in any order gives the same report: the same ``to_dict()``
  (JSON, key order included), Markdown and HTML (issue 12).
- The months add up to the year: requests, and each response-time class, summed over
  the twelve months equal the year's figures; and the year's requests plus those
  outside it are every request of the registers (nothing dropped), a register given
  twice counted once, with a note.
- A month without requests has 0 in every class (nothing is unknown about no request).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import Register, annual_report
from ppid_core.requests._annual_inputs import distinct_registers
from tests.property.strategies import budget, request_dates

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="WITA")
HEAD = [
    "No",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Tanggal Tanggapan",
    "Keputusan",
    "Alasan Penolakan",
    "Tanggal Keberatan",
]
DECISIONS = ["Diterima seluruhnya", "Diterima sebagian", "Ditolak", ""]


@st.composite
def requests(draw: st.DrawFn) -> list[str]:
    received = draw(request_dates)
    days = draw(st.one_of(st.none(), st.integers(0, 40)))
    responded = "" if days is None else (received + dt.timedelta(days=days)).isoformat()
    decision = draw(st.sampled_from(DECISIONS))
    reason = "Pasal 17 huruf a" if decision == "Ditolak" else ""
    objected = draw(st.booleans()) and responded
    return ["", received.isoformat(), responded, decision, reason, responded if objected else ""]


@st.composite
def registers(draw: st.DrawFn) -> list[Register]:
    out = []
    for i in range(draw(st.integers(1, 4))):
        rows = draw(st.lists(requests(), min_size=1, max_size=8))
        head = HEAD if draw(st.booleans()) else HEAD[:3]  # some files lack columns
        body = [[str(n), *row[1 : len(head)]] for n, row in enumerate(rows, start=1)]
        out.append(Register.from_rows([head, *body], source=f"unit{i % 3}.csv"))
    return out


years = st.sampled_from([2022, 2023, 2024])


@given(registers(), years, st.randoms(use_true_random=False))
@budget(0.3)
def test_registers_in_any_order_give_the_same_report(
    regs: list[Register], year: int, rnd: random.Random
) -> None:
    shuffled = list(regs)
    rnd.shuffle(shuffled)
    a = annual_report(regs, CAL, year=year)
    b = annual_report(shuffled, CAL, year=year)
    assert a.to_json() == b.to_json()
    assert a.to_markdown() == b.to_markdown()
    assert a.to_html() == b.to_html()


@given(registers(), years)
@budget(0.3)
def test_months_add_up_to_the_year_and_nothing_is_dropped(regs: list[Register], year: int) -> None:
    report = annual_report(regs, CAL, year=year)
    service = report.service
    distinct, twice = distinct_registers(regs)
    assert [n for n in report.notes if "given" in n] == twice
    assert sum(m.requests for m in service.months) == service.requests
    assert service.requests + service.outside_year == sum(len(r) for r in distinct)
    for k in range(5):
        per_month = [m.response.counts()[k] for m in service.months]
        year_figure = service.response.counts()[k]
        if year_figure is None:
            assert {n for n, m in zip(per_month, service.months, strict=True) if m.requests} == {
                None
            }
        else:
            assert sum(n or 0 for n in per_month) == year_figure
    for m in service.months:
        if not m.requests:
            assert m.response.counts() == (0, 0, 0, 0, 0)
    r = service.response
    if r.within is not None:
        known = r.within + (r.extended or 0) + (r.later or 0) + (r.not_answered or 0)
        assert known + r.unknown == service.requests
