"""Holiday files: the strict loader's bad-input messages, pinned exactly."""

from __future__ import annotations

import pytest

from ppid_core.calendar import HolidayYear, parse_holidays
from ppid_core.errors import CalendarCoverageError, DataFileError

HEAD = """year: 2024
sources:
  - id: skb
    title: SKB 2024
    urls: [https://example.org/skb]
holidays:
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(DataFileError) as exc:
        parse_holidays(text, source="2024.yaml")
    return [str(e) for e in exc.value.exceptions]


def entry(date: str, category: str = "libur_nasional", name: str = "Hari X") -> str:
    return f"  - date: {date}\n    name: {name}\n    category: {category}\n    source: skb\n"


def test_duplicate_date_in_category() -> None:
    assert errors_of(HEAD + entry("2024-01-01") + entry("2024-01-01")) == [
        "2024.yaml:11:11 ($.holidays[1].date): duplicate date 2024-01-01 in category "
        "libur_nasional (first at $.holidays[0])"
    ]


def test_same_date_in_two_categories_is_allowed() -> None:
    year = parse_holidays(HEAD + entry("2024-01-01") + entry("2024-01-01", "cuti_bersama"))
    assert len(year.holidays) == 2


def test_impossible_date() -> None:
    assert errors_of(HEAD + entry("2024-02-30")) == [
        "2024.yaml:7:11 ($.holidays[0].date): 2024-02-30 is not a valid date "
        "(day is out of range for month)"
    ]


def test_unknown_category() -> None:
    assert errors_of(HEAD + entry("2024-01-01", "libur")) == [
        "2024.yaml:9:15 ($.holidays[0].category): unknown value 'libur'; expected one of: "
        "cuti_bersama, libur_nasional, pemungutan_suara"
    ]


def test_duplicate_key() -> None:
    text = (
        HEAD
        + "  - date: 2024-01-01\n    date: 2024-01-02\n    name: X\n"
        + "    category: libur_nasional\n    source: skb\n"
    )
    assert errors_of(text) == [
        "2024.yaml:8:5 ($.holidays[0].date): duplicate key 'date' (first at line 7)"
    ]


def test_all_errors_reported_together_in_file_order() -> None:
    text = (
        HEAD + entry("2024-13-01") + entry("2025-01-01") + entry("2024-01-02", "x") + "extra: 1\n"
    )
    assert errors_of(text) == [
        "2024.yaml:7:11 ($.holidays[0].date): 2024-13-01 is not a valid date "
        "(month must be in 1..12)",
        "2024.yaml:11:11 ($.holidays[1].date): 2025-01-01 is not in the file's year 2024",
        "2024.yaml:17:15 ($.holidays[2].category): unknown value 'x'; expected one of: "
        "cuti_bersama, libur_nasional, pemungutan_suara",
        "2024.yaml:19:1 ($.extra): unknown field 'extra'; expected one of: holidays, "
        "python_holidays, removed, sources, year",
    ]


def test_unknown_source_reference() -> None:
    text = HEAD + entry("2024-01-01").replace("source: skb", "source: keppres")
    assert errors_of(text) == [
        "2024.yaml:10:13 ($.holidays[0].source): unknown source 'keppres'; sources of this "
        "file: skb"
    ]


def test_yaml_syntax_error_located() -> None:
    assert errors_of("year: [2024\n") == [
        "2024.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"
    ]


def test_yaml11_traps_do_not_apply() -> None:
    # "no" stays text, and 010 is not octal 8
    text = HEAD + entry("2024-01-01", name="no")
    assert parse_holidays(text).holidays[0].name == "no"
    assert errors_of(text.replace("year: 2024", "year: 0x7E8")) == [
        "2024.yaml:1:7 ($.year): expected a whole number, got '0x7E8'"
    ]


def test_bundled_years_cover_2016_to_2027() -> None:
    assert HolidayYear.bundled_names() == tuple(range(2016, 2028))


@pytest.mark.parametrize("year", range(2016, 2028))
def test_every_bundled_entry_cites_a_source_with_a_url(year: int) -> None:
    data = HolidayYear.bundled(year)
    assert data.holidays
    for h in data.holidays:
        assert h.source.urls, h
        assert h.source.confidence in {"P", "S"}
    for r in data.removed:
        assert r.date not in {h.date for h in data.holidays if h.category == r.category}


def test_duplicate_source_id() -> None:
    text = (
        "year: 2024\nsources:\n  - {id: a, title: A, urls: [u]}\n"
        "  - {id: a, title: B, urls: [u]}\nholidays: []\n"
    )
    assert errors_of(text) == ["2024.yaml:4:10 ($.sources[1].id): duplicate source id 'a'"]


def test_a_year_not_shipped_is_an_unknown_name() -> None:
    from ppid_core.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as info:
        HolidayYear.bundled(2015)
    assert str(info.value) == (
        "unknown holiday year '2015'; bundled: 2016, 2017, 2018, 2019, 2020, 2021, 2022, "
        "2023, 2024, 2025, 2026, 2027"
    )


def test_holiday_files_and_local_files_from_bytes_build_a_calendar() -> None:
    import datetime as dt
    import io

    from ppid_core.calendar import WorkCalendar, extra_holiday_years, load_holidays

    text = HEAD.replace("2024", "2028") + entry("2028-01-03", name="Libur kantor (contoh)")
    years = extra_holiday_years([text.encode()])
    assert years == [load_holidays(io.BytesIO(text.encode()), source="<bytes>")]
    assert years[0].file == "<bytes>"
    local = b"zone: WIT\nclosures:\n  - {date: 2028-01-04, name: Banjir}\n"
    cal = WorkCalendar.indonesia(local=io.BytesIO(local), extra_years=years, holidays_dir=None)
    assert cal.zone == "Asia/Jayapura"
    assert not cal.is_working_day(dt.date(2028, 1, 3))
    assert not cal.is_working_day(dt.date(2028, 1, 4))
    with pytest.raises(CalendarCoverageError) as info:
        extra_holiday_years([text.encode(), io.BytesIO(text.encode())])
    assert str(info.value) == "<file>: year 2028 is already given by <bytes>; keep one file"
