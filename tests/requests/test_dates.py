"""Register dates as offices write them."""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.errors import InvalidArgumentError, PpidError
from ppid_core.requests import parse_register_date
from ppid_core.requests._dates import split_time


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
            "unknown date format 'J. T.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
            "'2024-06-04' or '04/06/2024'",
        ),
        (
            # issue 9: a phone number typed into a date column was echoed
            "0853 3967 2120",
            "unknown date format '********2120' (masked); expected e.g. '4 Juni 2024', "
            "'03-Sep-24', '2024-06-04' or '04/06/2024'",
        ),
        (
            "ana@example.org",
            "unknown date format 'a***@example.org' (masked); expected e.g. '4 Juni 2024', "
            "'03-Sep-24', '2024-06-04' or '04/06/2024'",
        ),
        (
            "45292",  # a spreadsheet's date serial: nothing personal, shown as written
            "unknown date format '45292'; expected e.g. '4 Juni 2024', '03-Sep-24', "
            "'2024-06-04' or '04/06/2024'",
        ),
        (
            "2024-06-04 23:30",
            "'2024-06-04 23:30' has a time of day; expected a date alone",
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
    # a PpidError (issue 9: plain ValueErrors escaped), still a ValueError for old callers
    with pytest.raises(InvalidArgumentError) as info:
        parse_register_date(text)
    assert isinstance(info.value, PpidError)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-04 23:30", ("2024-06-04", dt.time(23, 30))),
        ("2024-06-04T23:30:15", ("2024-06-04", dt.time(23, 30, 15))),
        ("04/06/2024 14.30", ("04/06/2024", dt.time(14, 30))),
        ("4 Juni 2024 7:05", ("4 Juni 2024", dt.time(7, 5))),
        (" 4 Juni 2024 ", ("4 Juni 2024", None)),
        ("03-Sep-24", ("03-Sep-24", None)),
    ],
)
def test_split_time(text: str, expected: tuple[str, dt.time | None]) -> None:
    assert split_time(text) == expected


@pytest.mark.parametrize("text", ["2024-06-04 24:10", "2024-06-04 09:75", "2024-06-04 9:30:61"])
def test_split_time_refuses_no_time_of_day(text: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        split_time(text)
    assert str(info.value) == f"{text!r}: no such time of day; expected HH:MM from 00:00 to 23:59"
