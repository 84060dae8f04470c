"""Register dates as offices write them."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import InvalidArgumentError, PpidError, UnknownZoneError
from ppid_core.requests import parse_register_date
from ppid_core.requests._dates import read_when, split_time
from ppid_core.requests._zones_when import When, to_office_zone
from tests.property.strategies import budget


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


# -- issue 10: weekdays, year first, times, zones, spreadsheet serials ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 3 Juni 2024", dt.date(2024, 6, 3)),
        ("Senin 3 Juni 2024", dt.date(2024, 6, 3)),
        ("Sen 3 Jun 2024", dt.date(2024, 6, 3)),
        ("SENIN,3 JUNI 2024", dt.date(2024, 6, 3)),
        ("Jumat, 7 Juni 2024", dt.date(2024, 6, 7)),
        ("Jum'at, 7 Juni 2024", dt.date(2024, 6, 7)),
        ("Minggu, 9 Juni 2024", dt.date(2024, 6, 9)),
        ("Ahad, 9 Juni 2024", dt.date(2024, 6, 9)),
        ("Monday, 03/06/2024", dt.date(2024, 6, 3)),
        ("Thu 6 Jun 2024", dt.date(2024, 6, 6)),
        ("Selasa, 2024-06-04", dt.date(2024, 6, 4)),
        ("2024/06/04", dt.date(2024, 6, 4)),
        ("2024/6/4", dt.date(2024, 6, 4)),
        ("2024.06.04", dt.date(2024, 6, 4)),
    ],
)
def test_weekdays_and_year_first(text: str, expected: dt.date) -> None:
    assert parse_register_date(text) == expected
    assert read_when(text) == When(day=expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Senin, 4 Juni 2024",
            "'Senin, 4 Juni 2024': Senin is not the weekday of 2024-06-04, a Selasa (Tuesday); "
            "correct the weekday or the date",
        ),
        (
            "Fri 3 Jun 2024",
            "'Fri 3 Jun 2024': Fri is not the weekday of 2024-06-03, a Senin (Monday); "
            "correct the weekday or the date",
        ),
        # the date's own message, once the weekday is off
        (
            "Senin, 31 Juni 2024",
            "'31 Juni 2024' is not a valid date (day is out of range for month)",
        ),
        (
            "Kamis, 0853 3967 2120",  # still masked after a weekday
            "unknown date format '********2120' (masked); expected e.g. '4 Juni 2024', "
            "'03-Sep-24', '2024-06-04' or '04/06/2024'",
        ),
        (
            "Juni 2024",  # a month without its day: a word that is not a weekday stays
            "unknown date format 'J.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
            "'2024-06-04' or '04/06/2024'",
        ),
        ("2024/13/04", "'2024/13/04' is not a valid date (month must be in 1..12)"),
        (
            "2024-06-04 10:15 WIB",
            "'2024-06-04 10:15 WIB' has a time of day; expected a date alone",
        ),
        (
            "04/06/2024 10:15 AM",
            "a time with AM/PM ('10:15 AM'); expected a 24-hour time such as 14:30 (an export "
            "writing AM/PM may write its dates month first: export ISO dates, 2024-06-04 14:30)",
        ),
    ],
)
def test_new_forms_refused_with_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        parse_register_date(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 Juni 2024 pukul 10.15", ("3 Juni 2024", dt.time(10, 15))),
        ("3 Juni 2024, pukul 10.15", ("3 Juni 2024", dt.time(10, 15))),
        ("3 Juni 2024 jam 08:00", ("3 Juni 2024", dt.time(8, 0))),
        ("Senin, 3 Juni 2024 10:15", ("Senin, 3 Juni 2024", dt.time(10, 15))),
        ("2023-10-25 04:33:44.120", ("2023-10-25", dt.time(4, 33, 44, 120000))),
        # a zone is not split_time's: the text comes back whole (read_when reads it)
        ("2024-06-04 10:15 WIB", ("2024-06-04 10:15 WIB", None)),
    ],
)
def test_split_time_new_forms(text: str, expected: tuple[str, dt.time | None]) -> None:
    assert split_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/06/2024 10:15", When(day=dt.date(2024, 6, 4), time=dt.time(10, 15))),
        ("2023-10-25 04:33:44", When(day=dt.date(2023, 10, 25), time=dt.time(4, 33, 44))),
        ("2024-06-04T23:30:15", When(day=dt.date(2024, 6, 4), time=dt.time(23, 30, 15))),
        ("3 Juni 2024 pukul 10.15", When(day=dt.date(2024, 6, 3), time=dt.time(10, 15))),
        (
            "Senin, 3 Juni 2024 pukul 10.15 WIB",
            When(day=dt.date(2024, 6, 3), time=dt.time(10, 15), zone="WIB"),
        ),
        ("04/06/2024 10:15 wita", When(day=dt.date(2024, 6, 4), time=dt.time(10, 15), zone="WITA")),
        ("04/06/2024 10:15WIT", When(day=dt.date(2024, 6, 4), time=dt.time(10, 15), zone="WIT")),
        (
            "2023-10-25T04:33:44Z",
            When(day=dt.date(2023, 10, 25), time=dt.time(4, 33, 44), zone="UTC"),
        ),
        (
            "2023-10-25 04:33:44 UTC",
            When(day=dt.date(2023, 10, 25), time=dt.time(4, 33, 44), zone="UTC"),
        ),
        (
            "2023-10-25T04:33:44.5+07:00",
            When(day=dt.date(2023, 10, 25), time=dt.time(4, 33, 44, 500000), zone="UTC+07:00"),
        ),
        (
            "Mon, 03 Jun 2024 10:15:00 +0700",
            When(day=dt.date(2024, 6, 3), time=dt.time(10, 15), zone="UTC+07:00"),
        ),
        (
            "2024-06-04 10:15 GMT+8",
            When(day=dt.date(2024, 6, 4), time=dt.time(10, 15), zone="UTC+08:00"),
        ),
        (
            "2024-06-04 10:15 +00:00",
            When(day=dt.date(2024, 6, 4), time=dt.time(10, 15), zone="UTC"),
        ),
        (
            "2024-06-04 10:15 -03:30",
            When(day=dt.date(2024, 6, 4), time=dt.time(10, 15), zone="UTC-03:30"),
        ),
        # spreadsheet serials of the 1900 date system
        ("45447", When(day=dt.date(2024, 6, 4))),
        (" 45447 ", When(day=dt.date(2024, 6, 4))),
        ("45292", When(day=dt.date(2024, 1, 1))),
        ("45447.4375", When(day=dt.date(2024, 6, 4), time=dt.time(10, 30))),
        ("45447,4375", When(day=dt.date(2024, 6, 4), time=dt.time(10, 30))),  # decimal comma
        # 10:15 as Excel stores it (15 significant digits), rounded to the second
        ("45447.4270833333333", When(day=dt.date(2024, 6, 4), time=dt.time(10, 15))),
        ("45447.99999999999", When(day=dt.date(2024, 6, 5), time=dt.time(0, 0))),
        ("36526", When(day=dt.date(2000, 1, 1))),
        ("73415", When(day=dt.date(2100, 12, 31))),
    ],
)
def test_read_when(text: str, expected: When) -> None:
    assert read_when(text) == expected


_SERIAL_RANGE = "(serials 36526 to 73415); write the date itself (e.g. 2024-06-04)"
_FICTITIOUS = (
    "as a spreadsheet date serial falls on or before 1900-02-29, a day the 1900 date system "
    "counts though it never was; write the date itself (e.g. 2024-06-04)"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty date"),
        ("   ", "empty date"),
        ("60", f"'60' {_FICTITIOUS}"),
        ("0", f"'0' {_FICTITIOUS}"),
        ("59.5", f"'59.5' {_FICTITIOUS}"),
        ("61", f"'61' as a spreadsheet date serial is outside 2000-2100 {_SERIAL_RANGE}"),
        ("36525", f"'36525' as a spreadsheet date serial is outside 2000-2100 {_SERIAL_RANGE}"),
        ("73416", f"'73416' as a spreadsheet date serial is outside 2000-2100 {_SERIAL_RANGE}"),
        # six digits or more may be a phone number: masked
        (
            "853396",
            f"'****96' (masked) as a spreadsheet date serial is outside 2000-2100 {_SERIAL_RANGE}",
        ),
        (
            "08533967212",
            "unknown date format '*******7212' (masked); expected e.g. '4 Juni 2024', "
            "'03-Sep-24', '2024-06-04' or '04/06/2024'",
        ),
        ("2024", "'2024' is a year alone; expected a full date (e.g. 4 Juni 2024)"),
        (
            "2024-06-04 24:10 WIB",
            "'2024-06-04 24:10 WIB': no such time of day; expected HH:MM from 00:00 to 23:59",
        ),
        (
            "2024-06-04 10:15 +25:00",
            "'2024-06-04 10:15 +25:00': no such UTC offset '+25:00'; expected e.g. +07:00",
        ),
        (
            "2024-06-04 10:15 +07:75",
            "'2024-06-04 10:15 +07:75': no such UTC offset '+07:75'; expected e.g. +07:00",
        ),
        (
            "3 Juni 2024 WIB",  # a zone without a time
            "unknown date format 'J. W.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
            "'2024-06-04' or '04/06/2024'",
        ),
        (
            "Senin, 4 Juni 2024 10:15",
            "'Senin, 4 Juni 2024': Senin is not the weekday of 2024-06-04, a Selasa (Tuesday); "
            "correct the weekday or the date",
        ),
        (
            "03/09/24 10:15",
            "ambiguous date '03/09/24': a numeric date needs a four-digit year "
            "(write 03/09/2024 for day/month/year, or ISO 2024-09-03)",
        ),
    ],
)
def test_read_when_refuses_with_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        read_when(text)
    assert str(info.value) == message


def test_numeric_dates_are_day_first() -> None:
    # the Indonesian convention: 04/06/2024 is 4 June, whatever a US export would mean
    assert read_when("04/06/2024").day == dt.date(2024, 6, 4)
    assert read_when("13/06/2024").day == dt.date(2024, 6, 13)
    with pytest.raises(InvalidArgumentError, match=r"month must be in 1\.\.12"):
        read_when("06/13/2024")


def test_a_zone_needs_a_time() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        When(day=dt.date(2024, 6, 4), zone="WIB")
    assert str(info.value) == "a zone (WIB) needs a time of day"
    with pytest.raises(UnknownZoneError):
        When(day=dt.date(2024, 6, 4), time=dt.time(9), zone="CET")


# -- converting a stored timestamp to the office's zone ---------------------------------------


D, T = dt.date, dt.time


@pytest.mark.parametrize(
    ("stored", "source", "office", "expected"),
    [
        # an e-PPID export in UTC, read by a WIB office: the next day there
        ((D(2023, 10, 25), T(20, 0)), "UTC", "WIB", (D(2023, 10, 26), T(3, 0))),
        ((D(2023, 10, 25), T(20, 0)), "Z", "Asia/Jakarta", (D(2023, 10, 26), T(3, 0))),
        ((D(2023, 10, 25), T(16, 30)), "UTC", "NTT", (D(2023, 10, 26), T(0, 30))),
        ((D(2024, 6, 4), T(9, 0)), "WIB", "WIT", (D(2024, 6, 4), T(11, 0))),
        ((D(2024, 6, 4), T(9, 0)), "UTC+08:00", "WITA", (D(2024, 6, 4), T(9, 0))),
        ((D(2024, 6, 4), T(1, 0)), "+0900", "Asia/Pontianak", (D(2024, 6, 3), T(23, 0))),
        ((D(2024, 1, 1), T(0, 0)), "WITA", "UTC", (D(2023, 12, 31), T(16, 0))),
    ],
)
def test_to_office_zone(
    stored: tuple[dt.date, dt.time], source: str, office: str, expected: tuple[dt.date, dt.time]
) -> None:
    assert to_office_zone(*stored, source_zone=source, office_zone=office) == expected


def test_to_office_zone_refuses() -> None:
    with pytest.raises(UnknownZoneError) as info:
        to_office_zone(
            dt.date(2024, 6, 4), dt.time(9), source_zone="Europe/Amsterdam", office_zone="WIB"
        )
    assert str(info.value) == (
        "unknown zone 'Europe/Amsterdam'; expected UTC, an offset such as +07:00, WIB, WITA, "
        "WIT, an Indonesian IANA zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, "
        "Asia/Jayapura) or a province name"
    )
    with pytest.raises(InvalidArgumentError) as bad:
        to_office_zone(dt.date(2024, 6, 4), dt.time(9), source_zone="+24:00", office_zone="WIB")
    assert str(bad.value) == "no such UTC offset '+24:00'; expected e.g. +07:00"
    aware = dt.time(9, tzinfo=dt.UTC)
    with pytest.raises(InvalidArgumentError) as naive:
        to_office_zone(dt.date(2024, 6, 4), aware, source_zone="UTC", office_zone="WIB")
    assert str(naive.value) == (
        "expected a naive time of day, got 09:00:00+00:00; the zone is source_zone"
    )


def test_when_local() -> None:
    utc = read_when("2023-10-25 20:00:00")
    assert utc.local("WIB", source_zone="UTC") == When(day=dt.date(2023, 10, 26), time=dt.time(3))
    assert utc.local("WIB") == utc  # no zone known: already the office's time
    written = read_when("2024-06-04 09:00 WIB")  # the cell's zone wins over source_zone
    assert written.local("WITA", source_zone="UTC") == When(
        day=dt.date(2024, 6, 4), time=dt.time(10)
    )
    alone = read_when("4 Juni 2024")  # a date alone is the office's own day
    assert alone.local("WIB", source_zone="UTC") is alone


# -- laws --------------------------------------------------------------------------------------

ZONES = ["UTC", "WIB", "WITA", "WIT", "Asia/Pontianak", "NTT", "+05:30", "UTC-03:00"]
days = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


@pytest.mark.property
@given(day=days, time=st.times(), source=st.sampled_from(ZONES), office=st.sampled_from(ZONES))
def test_office_zone_round_trip(day: dt.date, time: dt.time, source: str, office: str) -> None:
    there = to_office_zone(day, time, source_zone=source, office_zone=office)
    assert to_office_zone(*there, source_zone=office, office_zone=source) == (day, time)


@pytest.mark.property
@given(day=days, time=st.times(), zone=st.sampled_from(ZONES))
def test_office_zone_identity(day: dt.date, time: dt.time, zone: str) -> None:
    assert to_office_zone(day, time, source_zone=zone, office_zone=zone) == (day, time)


_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ENGLISH = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")  # fmt: skip


def _written(day: dt.date, style: int, weekday: int) -> str:
    """``day`` as an office writes it: ``style`` picks the date, ``weekday`` the prefix."""
    dates = (
        f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.day}-{_MONTHS[day.month - 1][:3]}-{day.year % 100:02d}",
    )
    prefixes = ("", f"{_DAYS[day.weekday()]}, ", f"{_DAYS[day.weekday()][:3]} ",
                f"{_ENGLISH[day.weekday()]}, ")  # fmt: skip
    return prefixes[weekday] + dates[style]


@pytest.mark.property
@budget(0.5)
@given(
    day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    style=st.integers(0, 4),
    weekday=st.integers(0, 3),
    time=st.one_of(st.none(), st.times().map(lambda t: t.replace(microsecond=0))),
    zone=st.sampled_from([None, "WIB", "WITA", "WIT"]),
)
def test_written_then_read(
    day: dt.date, style: int, weekday: int, time: dt.time | None, zone: str | None
) -> None:
    text = _written(day, style, weekday)
    if time is not None:
        text += f" {time.isoformat()}" + (f" {zone}" if zone else "")
    assert read_when(text) == When(day=day, time=time, zone=zone if time else None)


@pytest.mark.property
@given(day=days, time=st.times().map(lambda t: t.replace(microsecond=0)))
def test_spreadsheet_serial_round_trip(day: dt.date, time: dt.time) -> None:
    # a serial as a spreadsheet writes it, with 15 significant digits, reads back to the second
    seconds = time.hour * 3600 + time.minute * 60 + time.second
    serial = (day - dt.date(1899, 12, 30)).days + Fraction(seconds, 86400)
    text = f"{float(serial):.15g}"
    assert read_when(text) == When(day=day, time=time if seconds else None)
