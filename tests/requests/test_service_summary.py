"""[`ServiceSummary`][ppid_core.requests.ServiceSummary] and
[`DayHistogram`][ppid_core.requests.DayHistogram]: merging, the serialised form, errors."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.requests import (
    DayHistogram,
    Register,
    ServiceReport,
    ServiceSummary,
    service_report,
    service_summary,
)

CAL = WorkCalendar.indonesia(zone="NTT")
DAY = dt.date(2025, 1, 6)
HEAD = ["No", "Tanggal/Bulan/Tahun Mengurus Layanan", "Tanggal Tanggapan"]


def test_the_seed_reports_byte_for_byte_through_its_summary() -> None:
    reg = load_kpu_ntt_2024(CAL)
    summary = service_summary(reg, CAL, year=2024, as_of=DAY)
    report = service_report(reg, CAL, year=2024, as_of=DAY)
    assert ServiceReport.from_summary(summary).to_json() == report.to_json()
    back = ServiceSummary.from_dict(json.loads(json.dumps(summary.to_dict())))
    assert ServiceReport.from_summary(back).to_markdown() == report.to_markdown()
    assert summary.to_dict()["format"] == "ppid-core/service-summary"
    assert summary.to_dict()["version"] == 1


def test_sum_and_the_empty_merge() -> None:
    a = Register.from_rows([HEAD, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
    s = service_summary(a, CAL, as_of=DAY)
    assert sum([s]) == s == s + ServiceSummary() == ServiceSummary() + s
    assert ServiceSummary.merge([]) == ServiceSummary()
    assert ServiceSummary().requests == 0


def test_summaries_of_other_settings_are_not_merged() -> None:
    a = Register.from_rows([HEAD, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
    x = service_summary(a, CAL, as_of=DAY)
    y = service_summary(a, CAL, as_of=DAY, year=2024)
    with pytest.raises(InvalidArgumentError) as exc:
        x + y
    assert str(exc.value) == (
        "cannot merge service summaries built under other settings: (rules uu_14_2008, "
        "year all, as of 2025-01-06) and (rules uu_14_2008, year 2024, as of 2025-01-06)"
    )


def test_unknowns_stay_unknown_after_a_merge() -> None:
    a = Register.from_rows([HEAD, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
    b = Register.from_rows([HEAD[:2], ["1", "4 Juni 2024"]], source="b.csv")
    both = ServiceReport.from_summary(
        service_summary(a, CAL, as_of=DAY) + service_summary(b, CAL, as_of=DAY)
    )
    assert both.total == 2
    assert both.response_times is None
    assert both.overdue is None
    assert 'a.csv: column "Tanggal Tanggapan" (responded) not used: b.csv has no such column' in (
        both.notes
    )


def test_from_dict_reports_every_problem_at_its_path() -> None:
    a = Register.from_rows([HEAD, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
    data = service_summary(a, CAL, as_of=DAY).to_dict()
    data |= {"requests": "1", "version": 1, "as_of": "2025-13-01", "extra": 1}
    data["months"] = {"2024-06": 1.0}
    data["response_days"] = [{"days": -1, "requests": 1}]
    with pytest.raises(DataFileError) as exc:
        ServiceSummary.from_dict(data, source="office.json")
    assert exc.value.report().splitlines() == [
        "office.json ($): unknown key 'extra'; expected format, version, rules, year, as_of, "
        "parts, requests, outside_year, decisions_unreadable, keberatan, sengketa, months, "
        "services, topics, units, decisions, refusal_reasons, response_days, overdue, "
        "overdue_unknown, held",
        "office.json ($.as_of): expected an ISO date (2024-12-31), got a text",
        "office.json ($.months['2024-06']): expected a whole number >= 0, got a number with "
        "a fraction part (1.0)",
        "office.json ($.requests): expected a whole number >= 0, got a text",
        "office.json ($.response_days[0].days): expected a whole number >= 0, got the number -1",
    ]


def test_from_dict_refuses_figures_that_cannot_belong_together() -> None:
    a = Register.from_rows([HEAD, ["1", "3 Juni 2024", "5 Juni 2024"]], source="a.csv")
    data = service_summary(a, CAL, as_of=DAY).to_dict()
    data["requests"] = 3
    with pytest.raises(DataFileError) as exc:
        ServiceSummary.from_dict(data)
    assert exc.value.report() == ("<dict> ($): the months count 1 requests, but the summary has 3")
    data = json.loads(json.dumps(data)) | {"format": "ppid-core/ikm-tally", "requests": 1}
    with pytest.raises(DataFileError) as exc:
        ServiceSummary.from_dict(data)
    assert exc.value.report() == (
        "<dict> ($.format): expected 'ppid-core/service-summary', got a text"
    )


def test_the_histogram() -> None:
    h = DayHistogram([(3, 1), (1, 2), (3, 0)])
    assert h.pairs == ((1, 2), (3, 1))
    assert (h.count, h.total, h.max) == (3, 5, 3)
    assert (h.mean, h.median) == (Fraction(5, 3), Fraction(1))
    assert list(h) == [(1, 2), (3, 1)]
    assert len(h) == 2
    assert h.share_within(2) == Fraction(2, 3)
    assert DayHistogram().share_within(10) is None
    with pytest.raises(InvalidArgumentError, match=r"^no time number 3 in a histogram of 3 "):
        h.nth(3)
    with pytest.raises(InvalidArgumentError, match=r"^response days must be whole numbers"):
        DayHistogram([(-1, 1)])
