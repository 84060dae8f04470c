"""A unit's published oversight summary: the serialised form and its strict reader."""

from __future__ import annotations

import json

import pytest

from ppid_core.errors import DataFileError
from ppid_core.requests import UnitSummary

A = UnitSummary(requests=4, timed=3, response_days=((2, 1), (12, 1)), open=1, overdue=1)


def test_the_published_form_holds_counts_only() -> None:
    assert A.to_dict() == {
        "format": "ppid-core/oversight-unit",
        "version": 1,
        "requests": 4,
        "timed": 3,
        "open": 1,
        "overdue": 1,
        "overdue_unknown": 0,
        "response_days": [{"days": 2, "requests": 1}, {"days": 12, "requests": 1}],
    }
    assert UnitSummary.from_dict(json.loads(json.dumps(A.to_dict()))) == A


def report(data: object) -> list[str]:
    with pytest.raises(DataFileError) as raised:
        UnitSummary.from_dict(data, source="kab.json")
    return raised.value.report().splitlines()


def test_every_problem_is_reported_at_its_path() -> None:
    data = A.to_dict() | {"timed": "3", "note": 1}
    data["response_days"] = [{"days": 2, "requests": 1}, {"days": -1, "requests": 1}]
    del data["open"]
    assert report(data) == [
        "kab.json ($): unknown key 'note'; expected format, version, requests, timed, open, "
        "overdue, overdue_unknown, response_days",
        "kab.json ($): missing key 'open'",
        "kab.json ($.response_days[1].days): expected a whole number >= 0, got the number -1",
        "kab.json ($.timed): expected a whole number >= 0, got a text",
    ]


def test_counts_that_cannot_belong_together_are_refused() -> None:
    assert report(A.to_dict() | {"timed": 9}) == [
        "kab.json ($): timed (9) cannot exceed requests (4)"
    ]


def test_another_format_or_version_is_refused() -> None:
    assert report({**A.to_dict(), "format": "ppid-core/service-summary", "version": 2}) == [
        "kab.json ($.format): expected 'ppid-core/oversight-unit', got a text",
        "kab.json ($.version): unsupported version (the number 2); this release reads version 1",
    ]
