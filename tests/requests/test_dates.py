"""Register dates as offices write them."""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.requests import parse_register_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 Juni 2024", dt.date(2024, 6, 4)),
        ("07 Oktober 2024", dt.date(2024, 10, 7)),
        ("03-Sep-24", dt.date(2024, 9, 3)),
        ("10-Oct-24", dt.date(2024, 10, 10)),
        ("10-Okt-24", dt.date(2024, 10, 10)),
        ("5-Aug-24", dt.date(2024, 8, 5)),
        ("5-Agu-24", dt.date(2024, 8, 5)),
        ("9 May 2024", dt.date(2024, 5, 9)),
        ("9 Mei 2024", dt.date(2024, 5, 9)),
        ("3 Dec 2024", dt.date(2024, 12, 3)),
        ("3 Des 2024", dt.date(2024, 12, 3)),
        ("3 DESEMBER 2024", dt.date(2024, 12, 3)),
        ("2024-06-04", dt.date(2024, 6, 4)),
        ("04/06/2024", dt.date(2024, 6, 4)),
        ("4-6-2024", dt.date(2024, 6, 4)),
        ("  11 Desember 2024 ", dt.date(2024, 12, 11)),
    ],
)
def test_accepted_forms(text: str, expected: dt.date) -> None:
    assert parse_register_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty date"),
        (
            "June 4th",
            "unknown date format 'June 4th'; expected e.g. '4 Juni 2024', '03-Sep-24', "
            "'2024-06-04' or '04/06/2024'",
        ),
        (
            "4 Juin 2024",
            "unknown month 'Juin' in '4 Juin 2024'; expected an Indonesian or English month name",
        ),
        (
            "03/09/24",
            "ambiguous date '03/09/24': a numeric date needs a four-digit year "
            "(write 03/09/2024 for day/month/year, or ISO 2024-09-03)",
        ),
        (
            "30 Februari 2024",
            "'30 Februari 2024' is not a valid date (day is out of range for month)",
        ),
        ("13/13/2024", "'13/13/2024' is not a valid date (month must be in 1..12)"),
    ],
)
def test_refused_with_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=r".") as info:
        parse_register_date(text)
    assert str(info.value) == message
