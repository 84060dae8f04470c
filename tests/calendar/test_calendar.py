"""Unit tests of WorkCalendar: the contract in DESIGN.md and the office settings."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pendulum
import pytest

from ppid_core.calendar import (
    Closure,
    ExtraWorkingDay,
    OfficeHours,
    WorkCalendar,
    parse_holidays,
    parse_local_calendar,
)
from ppid_core.errors import (
    CalendarCoverageError,
    DataFileError,
    InvalidArgumentError,
    NaiveDatetimeError,
    PpidError,
    UnknownZoneError,
)

D = dt.date
CAL = WorkCalendar.indonesia()
WITA = ZoneInfo("Asia/Makassar")


def test_add_zero_on_working_day_is_identity() -> None:
    assert CAL.add_working_days(D(2025, 3, 27), 0) == D(2025, 3, 27)


def test_add_zero_on_non_working_day_rolls_forward() -> None:
    # Saturday 2025-03-29 (Nyepi) -> the Lebaran block -> Tuesday 2025-04-08
    assert CAL.add_working_days(D(2025, 3, 29), 0) == D(2025, 4, 8)


def test_add_from_non_working_day_counts_strictly_after() -> None:
    # Saturday 2024-01-06 + 1 is Monday (the convention every peer library shares)
    assert CAL.add_working_days(D(2024, 1, 6), 1) == D(2024, 1, 8)


def test_negative_n_goes_backwards() -> None:
    assert CAL.add_working_days(D(2025, 4, 8), -1) == D(2025, 3, 27)
    assert CAL.add_working_days(D(2025, 4, 5), -1) == D(2025, 3, 27)


def test_count_is_half_open_and_signed() -> None:
    assert CAL.count_working_days(D(2025, 3, 27), D(2025, 3, 27)) == 0
    assert CAL.count_working_days(D(2025, 3, 26), D(2025, 3, 27)) == 1
    assert CAL.count_working_days(D(2025, 4, 22), D(2025, 3, 27)) == -10


def test_pendulum_date_accepted_and_plain_date_returned() -> None:
    out = CAL.add_working_days(pendulum.date(2025, 3, 27), 10)
    assert out == D(2025, 4, 22)
    assert type(out) is dt.date


def test_aware_datetime_converted_to_office_zone() -> None:
    cal = WorkCalendar.indonesia(zone="WIT")
    # Thursday 23:30 UTC is already Friday 08:30 in Jayapura
    instant = dt.datetime(2024, 1, 4, 23, 30, tzinfo=dt.UTC)
    assert cal.to_date(instant) == D(2024, 1, 5)
    assert cal.add_working_days(instant, 1) == D(2024, 1, 8)


def test_naive_datetime_refused_with_message() -> None:
    with pytest.raises(NaiveDatetimeError) as exc:
        CAL.add_working_days(dt.datetime(2025, 3, 27, 9, 0), 10)  # noqa: DTZ001
    assert str(exc.value) == (
        "naive datetime 2025-03-27T09:00:00 has no time zone; give an aware datetime "
        "(e.g. tzinfo=ZoneInfo('Asia/Jakarta')) or a date"
    )


def test_unknown_zone_message() -> None:
    with pytest.raises(UnknownZoneError) as exc:
        WorkCalendar.indonesia(zone="Asia/Tokyo")
    assert str(exc.value) == (
        "unknown zone 'Asia/Tokyo'; expected an Indonesian IANA zone (Asia/Jakarta, "
        "Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, WIT or a province name"
    )


COVERAGE_TAIL = (
    " is outside the calendar's holiday data (2016-01-01 to 2027-12-31, years 2016–2027); "
    "add that year's holiday file (extra_years=[load_holidays(PATH)], or a folder in "
    "$PPID_HOLIDAYS_DIR), ask for estimated years (estimate_until=YEAR), or upgrade ppid-core"
)


def test_year_without_data_message() -> None:
    with pytest.raises(CalendarCoverageError) as exc:
        CAL.is_working_day(D(2031, 1, 6))
    assert str(exc.value) == "2031-01-06" + COVERAGE_TAIL


def test_result_past_coverage_raises() -> None:
    with pytest.raises(CalendarCoverageError) as exc:
        CAL.add_working_days(D(2027, 12, 28), 10)
    assert str(exc.value) == "10 working days after 2027-12-28" + COVERAGE_TAIL


@pytest.mark.parametrize("bad", [D(2015, 12, 31), D(2028, 1, 1)])
def test_every_entry_point_checks_coverage(bad: dt.date) -> None:
    with pytest.raises(CalendarCoverageError):
        CAL.add_working_days(bad, 1)
    with pytest.raises(CalendarCoverageError):
        CAL.count_working_days(D(2025, 1, 1), bad)
    with pytest.raises(CalendarCoverageError):
        CAL.add_working_days_many([D(2025, 1, 1), bad], 1)


def test_coverage_error_is_lookup_error() -> None:
    with pytest.raises(LookupError):
        CAL.is_working_day(D(2015, 1, 1))


def test_n_must_be_whole_number() -> None:
    with pytest.raises(TypeError, match=r"n must be a whole number, got '3'"):
        CAL.add_working_days(D(2025, 1, 2), "3")  # type: ignore[arg-type]


def test_extra_year_extends_coverage() -> None:
    text = """
year: 2027
sources:
  - id: test
    title: test decree
    urls: [https://example.org]
holidays:
  - date: 2027-01-01
    name: Tahun Baru 2027 Masehi
    category: libur_nasional
    source: test
"""
    cal = WorkCalendar.indonesia(extra_years=[parse_holidays(text)])
    assert cal.years[-1] == 2027
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_cuti_bersama_switch() -> None:
    cb_day = D(2025, 8, 18)  # added by SKB 933/2025, 1/2025, 3/2025
    assert not CAL.is_working_day(cb_day)
    assert WorkCalendar.indonesia(cuti_bersama=False).is_working_day(cb_day)


def test_local_closure_and_extra_working_day() -> None:
    cal = WorkCalendar.indonesia(
        closures=[Closure(start=D(2024, 11, 4), end=D(2024, 11, 8), name="Erupsi")],
        working_days=[ExtraWorkingDay(date=D(2024, 11, 9), name="Hari kerja pengganti")],
    )
    assert not cal.is_working_day(D(2024, 11, 6))
    assert cal.is_working_day(D(2024, 11, 9))  # a Saturday
    assert cal.add_working_days(D(2024, 11, 1), 1) == D(2024, 11, 9)
    span = cal.explain(D(2024, 11, 3), D(2024, 11, 9))
    assert [(s.date.day, s.category) for s in span.skipped] == [
        (d, "penutupan_lokal") for d in range(4, 9)
    ]


def test_closure_end_before_start_refused() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Closure(start=D(2024, 11, 4), end=D(2024, 11, 1), name="x")
    assert str(info.value) == "closure ends (2024-11-01) before it starts (2024-11-04)"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(2025, 3, 26, 7, 0, tzinfo=WITA), D(2025, 3, 26)),  # before opening
        (dt.datetime(2025, 3, 26, 15, 59, tzinfo=WITA), D(2025, 3, 26)),
        (dt.datetime(2025, 3, 26, 16, 0, tzinfo=WITA), D(2025, 3, 27)),  # at closing
        (dt.datetime(2025, 3, 21, 16, 15, tzinfo=WITA), D(2025, 3, 21)),  # Friday till 16:30
        (dt.datetime(2025, 3, 21, 16, 30, tzinfo=WITA), D(2025, 3, 24)),
        (dt.datetime(2025, 3, 27, 18, 0, tzinfo=WITA), D(2025, 4, 8)),  # before Lebaran block
        (dt.datetime(2025, 3, 29, 10, 0, tzinfo=WITA), D(2025, 4, 8)),  # on Nyepi
    ],
)
def test_receipt_date_office_hours(when: dt.datetime, expected: dt.date) -> None:
    cal = WorkCalendar.indonesia(zone="WITA")
    assert cal.receipt_date(when) == expected


def test_receipt_date_without_office_hours_ignores_time() -> None:
    cal = WorkCalendar.indonesia(zone="WITA", office_hours=None)
    assert cal.receipt_date(dt.datetime(2025, 3, 26, 23, 0, tzinfo=WITA)) == D(2025, 3, 26)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"monday": "7-16"}, "expected office hours as HH:MM-HH:MM, got '7-16'"),
        (
            {"senin": "07:30-16:00"},
            "unknown day 'senin'; expected one of: monday, tuesday, wednesday, thursday, "
            "friday, saturday, sunday",
        ),
        ({"monday": "16:00-07:30"}, "office hours must close after they open, got '16:00-07:30'"),
        (  # once stored as 00:30, so every request of the day counted for the next one
            {"monday": "00:00-24:30"},
            "24:30 is past the end of the day; office hours close by 24:00, got '00:00-24:30'",
        ),
    ],
)
def test_office_hours_parse_errors(spec: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        OfficeHours.parse(spec)
    assert str(info.value) == message
    assert isinstance(info.value, PpidError)


def test_office_hours_may_close_at_midnight() -> None:
    hours = OfficeHours.parse({"monday": "00:00-24:00"})
    assert hours.hours[0] == (dt.time(0, 0), dt.time.max)
    assert hours.is_open(dt.datetime(2025, 3, 24, 23, 59, tzinfo=WITA))


def test_office_hours_past_midnight_in_a_local_file_are_located() -> None:
    with pytest.raises(DataFileError) as exc:
        parse_local_calendar("office_hours:\n  monday: 00:00-24:30\n", source="o.yaml")
    assert exc.value.report() == (
        "o.yaml:2:11 ($.office_hours.monday): 24:30 is past the end of the day; office hours "
        "close by 24:00, got '00:00-24:30'"
    )


def test_a_closed_day_cannot_be_an_extra_working_day_in_a_local_file() -> None:
    text = (
        "closures:\n"
        "  - date: 2024-11-04\n"
        "    until: 2024-11-08\n"
        "    name: Erupsi\n"
        "working_days:\n"
        "  - date: 2024-11-06\n"
        "    name: Hari kerja pengganti\n"
        "  - date: 2024-11-09\n"
        "    name: Sabtu kerja\n"
    )
    with pytest.raises(DataFileError) as exc:
        parse_local_calendar(text, source="o.yaml")
    assert exc.value.report() == (
        "o.yaml:6:11 ($.working_days[0].date): 2024-11-06 is also closed by $.closures[0]; "
        "a day is either closed or an extra working day, not both"
    )


def test_a_closed_day_cannot_be_an_extra_working_day_in_code() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        WorkCalendar.indonesia(
            closures=[Closure(start=D(2024, 11, 4), end=D(2024, 11, 8), name="Erupsi")],
            working_days=[ExtraWorkingDay(date=D(2024, 11, 6), name="Pengganti")],
        )
    assert str(info.value) == (
        "2024-11-06 is both an extra working day ('Pengganti') and closed ('Erupsi'); "
        "a day is one or the other"
    )


def test_batch_forms_match_scalar() -> None:
    starts = [D(2024, 1, 1) + dt.timedelta(days=i) for i in range(0, 700, 3)]
    assert CAL.add_working_days_many(starts, 10) == [CAL.add_working_days(d, 10) for d in starts]
    ends = [d + dt.timedelta(days=40) for d in starts]
    assert CAL.count_working_days_many(starts, ends) == [
        CAL.count_working_days(a, b) for a, b in zip(starts, ends, strict=True)
    ]


def test_batch_error_names_position() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"^element 1: naive datetime"):
        CAL.add_working_days_many([D(2025, 1, 2), dt.datetime(2025, 1, 2)], 1)  # noqa: DTZ001
    with pytest.raises(InvalidArgumentError, match=r"differ in length \(1 and 2\)"):
        CAL.count_working_days_many([D(2025, 1, 2)], [D(2025, 1, 2), D(2025, 1, 3)])


def test_explain_names_every_skipped_day() -> None:
    span = CAL.explain(D(2024, 2, 13), D(2024, 2, 15))
    assert span.working_days == 1
    (pemilu,) = span.skipped
    assert pemilu.category == "pemungutan_suara"
    assert pemilu.source is not None
    assert "Nomor 10 Tahun 2024" in pemilu.source


def test_weekend_holiday_reported_as_holiday() -> None:
    (day,) = CAL.non_working_days(D(2025, 3, 29), D(2025, 3, 29))
    assert (day.category, day.name) == ("libur_nasional", "Hari Suci Nyepi Tahun Baru Saka 1947")


def test_years_must_be_contiguous() -> None:
    with pytest.raises(InvalidArgumentError, match=r"missing: \[2021\]"):
        WorkCalendar(holidays=(), years=(2020, 2022))


def test_working_day_without_hours_counts_whole() -> None:
    cal = WorkCalendar.indonesia(
        zone="WITA",
        office_hours=OfficeHours.parse({"monday": "07:30-16:00", "friday": "07:30-16:30"}),
        working_days=[ExtraWorkingDay(date=D(2024, 12, 28), name="Hari kerja pengganti")],
    )
    assert cal.receipt_date(dt.datetime(2024, 12, 3, 10, 0, tzinfo=WITA)) == D(2024, 12, 3)
    assert cal.receipt_date(dt.datetime(2024, 12, 28, 10, 0, tzinfo=WITA)) == D(2024, 12, 28)
    assert cal.receipt_date(dt.datetime(2024, 12, 2, 16, 0, tzinfo=WITA)) == D(2024, 12, 3)


def test_local_closure_ending_before_it_starts_is_located() -> None:
    with pytest.raises(DataFileError) as exc:
        parse_local_calendar(
            "closures:\n  - date: 2024-11-08\n    until: 2024-11-04\n    name: x\n",
            source="o.yaml",
        )
    assert exc.value.report() == (
        "o.yaml:3:12 ($.closures[0].until): 2024-11-04 is before the start 2024-11-08"
    )
