"""The IKM per quarter or semester: golden series computed by hand, dates, errors, laws."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core._month_names import MONTH_NAMES
from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.ikm import PeriodSeries, Survey, by_period, read_survey
from ppid_core.ikm._periods import read_date
from ppid_core.ikm._survey_dates import SurveyDates as _Dates
from tests.ikm._codes import UNSUR_CODES
from tests.property.strategies import budget

HEADER: list[object] = ["Timestamp", "Layanan", *UNSUR_CODES]
# (date as the file writes it, the 9 answers), with the period each date falls in
ANSWERS: list[tuple[str, list[int], str]] = [
    ("15/02/2024", [4] * 9, "2024-T1"),
    ("2024-03-30 10:00", [3] * 9, "2024-T1"),
    ("2024-03-31T20:00:00Z", [2] * 9, "2024-T2"),  # 1 April 03:00 in WIB
    ("Senin, 3 Juni 2024", [3] * 9, "2024-T2"),
    ("2024/06/04 10:15:23 AM GMT+7", [4] * 9, "2024-T2"),
    ("2024/07/04 10:15:23 PM GMT+7", [4, 4, 4, 4, 4, 4, 4, 4, 3], "2024-T3"),
    ("30 September 2024 23:59", [4, 3, 4, 4, 4, 4, 4, 4, 4], "2024-T3"),
    ("02/01/2025", [3, 3, 3, 3, 3, 3, 3, 3, 4], "2025-T1"),  # 2 January: day first
    ("", [4, 4, 4, 4, 4, 4, 4, 4, 2], "tanpa tanggal"),
]


def _survey(answers: list[tuple[str, list[int], str]] = ANSWERS) -> Survey:
    rows: list[list[object]] = [[d, "Informasi", *scores] for d, scores, _ in answers]
    return read_survey([HEADER, *rows], source_name="skm.csv")


def _ikm(groups: list[list[int]]) -> Fraction:
    """IKM by the formula of Permenpan RB 14/2017: NRR per unsur, x 1/9, summed, x 25."""
    nrr = [Fraction(sum(r[i] for r in groups), len(groups)) for i in range(9)]
    return sum((n * Fraction(1, 9) for n in nrr), Fraction(0)) * 25


def _expected(period: str) -> Fraction:
    return _ikm([scores for _, scores, p in ANSWERS if p == period])


def test_quarters_golden() -> None:
    series = by_period(_survey(), "quarter")
    t1, _, _, t4, t5 = series.periods
    assert [p.key for p in series.periods] == [
        "2024-T1",
        "2024-T2",
        "2024-T3",
        "2024-T4",
        "2025-T1",
    ]
    assert [p.label for p in series.periods][:2] == ["Triwulan I 2024", "Triwulan II 2024"]
    assert (t1.start, t1.end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert (t4.start, t4.end) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert [p.respondents for p in series.periods] == [2, 3, 2, 0, 1]
    # by hand: T1 = (4+3)/2 = 3.5 on every unsur -> 87.5; T2 = (2+3+4)/3 = 3 -> 75;
    # T3: NRR 4 on seven unsur, 3.5 on two -> 35/9 x 25 = 875/9 = 97.22;
    # 2025-T1: (8 x 3 + 4)/9 x 25 = 700/9 = 77.78
    assert _expected("2024-T1") == Fraction(175, 2)
    assert _expected("2024-T2") == 75
    assert _expected("2024-T3") == Fraction(875, 9)
    assert _expected("2025-T1") == Fraction(700, 9)
    assert _expected("tanpa tanggal") == Fraction(850, 9)  # (8 x 4 + 2)/9 x 25 = 94.44
    assert _ikm([s for _, s, _ in ANSWERS]) == Fraction(2300, 27)  # 85.185... -> 85.19
    assert [p.result.ikm if p.result else None for p in series.periods] == [
        Fraction(175, 2),
        Fraction(75),
        Fraction(875, 9),
        None,
        Fraction(700, 9),
    ]
    assert [p.result.mutu if p.result else None for p in series.periods] == [
        "B",
        "C",
        "A",
        None,
        "B",
    ]
    assert [p.change for p in series.periods] == [
        None,
        Fraction(-25, 2),
        Fraction(200, 9),  # 875/9 - 75
        None,
        None,  # the quarter before had no respondents
    ]
    assert t5.result is not None
    assert series.undated is not None
    assert series.undated.respondents == 1
    assert series.undated.result is not None
    assert series.undated.result.ikm == _expected("tanpa tanggal")
    assert series.pooled.respondents == 9


def test_the_table_shows_the_change_signed_half_up() -> None:
    series = by_period(_survey(), "quarter")
    table = series.to_table()
    assert table.title == "IKM per triwulan (date column: Timestamp)"
    assert [tuple(str(c) if c is not None else None for c in r) for r in table.rows] == [
        ("Triwulan I 2024", "2024-01-01", "2024-03-31", "2", "87.50", "B", "Baik", None),
        (
            "Triwulan II 2024",
            "2024-04-01",
            "2024-06-30",
            "3",
            "75.00",
            "C",
            "Kurang Baik",
            "-12.50",
        ),
        (
            "Triwulan III 2024",
            "2024-07-01",
            "2024-09-30",
            "2",
            "97.22",
            "A",
            "Sangat Baik",
            "22.22",
        ),
        ("Triwulan IV 2024", "2024-10-01", "2024-12-31", "0", None, None, None, None),
        ("Triwulan I 2025", "2025-01-01", "2025-03-31", "1", "77.78", "B", "Baik", None),
        ("no date", None, None, "1", "94.44", "A", "Sangat Baik", None),
        ("unit (all respondents)", "2024-01-01", "2025-03-31", "9", "85.19", "B", "Baik", None),
    ]


def test_semesters_golden() -> None:
    series = by_period(_survey(), "semester")
    assert [(p.label, p.respondents) for p in series.periods] == [
        ("Semester I 2024", 5),
        ("Semester II 2024", 2),
        ("Semester I 2025", 1),
    ]
    s1 = _ikm([s for _, s, p in ANSWERS if p in {"2024-T1", "2024-T2"}])
    assert series.periods[0].result is not None
    assert series.periods[0].result.ikm == s1
    assert series.periods[1].change == Fraction(875, 9) - s1
    assert (series.periods[1].start, series.periods[1].end) == (
        dt.date(2024, 7, 1),
        dt.date(2024, 12, 31),
    )


def test_the_protocol() -> None:
    series = by_period(_survey(), "quarter")
    assert isinstance(series, PeriodSeries)
    assert repr(series) == "<PeriodSeries skm.csv: 5 × triwulan, IKM 87.50 → 77.78>"
    data = series.to_dict()
    assert data["period"] == "quarter"
    assert data["column"] == "Timestamp"
    assert data["periods"][1] == {
        "period": "2024-T2",
        "label": "Triwulan II 2024",
        "start": "2024-04-01",
        "end": "2024-06-30",
        "respondents": 3,
        "ikm": 75.0,
        "ikm_exact": "75",
        "mutu": "C",
        "kinerja": "Kurang Baik",
        "unanswered": [],
        "change": -12.5,
        "change_exact": "-25/2",
    }
    assert data["periods"][2]["change_exact"] == "200/9"
    assert data["undated"]["respondents"] == 1
    assert data["pooled"] == {"respondents": 9, "ikm": 85.19, "mutu": "B", "kinerja": "Baik"}


def test_a_period_with_an_unanswered_unsur_is_undefined_not_dropped() -> None:
    rows = [
        ["05/01/2024", 4, 4, "", 4, 4, 4, 4, 4, 4],
        ["05/05/2024", 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]
    header: list[object] = ["Tanggal", *HEADER[2:]]
    survey = read_survey([header, *rows], missing="per_unsur")
    series = by_period(survey, "quarter")
    first, second = series.periods
    assert (first.respondents, first.result, first.unanswered) == (1, None, ("waktu",))
    assert second.change is None
    assert series.to_table().rows[0][6] == "undefined: waktu without answers"


def test_unreadable_dates_are_located_errors_all_together() -> None:
    answers = [
        ("kemarin", [4] * 9, ""),
        ("31/02/2024", [4] * 9, ""),
        ("06/13/2024", [4] * 9, ""),
        ("2024-06", [4] * 9, ""),
        ("1800-01-01", [4] * 9, ""),
        ("08/03/2024", [4] * 9, ""),
        ("3 Juno 2024", [4] * 9, ""),
        ("kemarin", [4] * 9, ""),
    ]
    with pytest.raises(DataFileError) as caught:
        by_period(_survey(answers), "quarter")
    expected = (
        "a date such as 2024-06-04, 04/06/2024 (day first) or 4 Juni 2024, with or without a time"
    )
    assert [str(e) for e in caught.value.exceptions] == [
        f"skm.csv: row 2, column \"Timestamp\": 'kemarin' is not a date: expected {expected}",
        "skm.csv: row 3, column \"Timestamp\": '31/02/2024' is not a date: no such day: 2024-02-31",
        "skm.csv: row 4, column \"Timestamp\": '06/13/2024' is not a date: month 13 read as "
        "day/month/year; if the column writes it the other way, use day_first=False",
        f"skm.csv: row 5, column \"Timestamp\": '2024-06' is not a date: expected {expected}",
        "skm.csv: row 6, column \"Timestamp\": '1800-01-01' is not a date: year 1800 is outside "
        "1900-2200",
        "skm.csv: row 8, column \"Timestamp\": '3 Juno 2024' is not a date: no month is called "
        f"'Juno'; expected {expected}",
        f"skm.csv: row 9, column \"Timestamp\": 'kemarin' is not a date: expected {expected}",
    ]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("budi@example.org", "'b***@example.org' (masked)"),
        ("0853-3967-2120", "'********2120' (masked)"),
        ("+62 812 3456 7890", "'*********7890' (masked)"),
    ],
)
def test_a_date_cell_with_personal_data_is_masked_in_the_message(cell: str, shown: str) -> None:
    with pytest.raises(DataFileError) as caught:
        by_period(_survey([(cell, [4] * 9, "")]), "quarter")
    assert str(caught.value.exceptions[0]) == (
        f'skm.csv: row 2, column "Timestamp": {shown} is not a date: '
        "expected a date such as 2024-06-04, 04/06/2024 (day first) or 4 Juni 2024, with or "
        "without a time"
    )


def test_month_first() -> None:
    survey = _survey([("06/13/2024", [4] * 9, ""), ("02/01/2024", [3] * 9, "")])
    series = by_period(survey, "quarter", day_first=False)
    assert [(p.key, p.respondents) for p in series.periods] == [("2024-T1", 1), ("2024-T2", 1)]


def test_no_date_column_and_unknown_period() -> None:
    row: list[object] = ["Informasi", *[4] * 9]
    survey = read_survey([HEADER[1:], row], source_name="skm.csv")
    with pytest.raises(
        UnknownNameError,
        match=r"^skm\.csv has no date column \(a header such as Timestamp or Tanggal\); map one "
        r"when reading, e\.g\. columns=\{'Diisi pada': 'date'\} \(--map 'Diisi pada=date'\)$",
    ):
        by_period(survey)
    with pytest.raises(
        UnknownNameError, match=r"^unknown period 'month'; use one of quarter, semester$"
    ):
        by_period(_survey(), "month")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-06-04", dt.date(2024, 6, 4)),
        ("2024-06-04T10:15:23.123+07:00", dt.date(2024, 6, 4)),
        ("2024-06-04 23:30:00 WITA", dt.date(2024, 6, 4)),  # 22:30 in WIB
        ("2024-06-04 00:30 WIT", dt.date(2024, 6, 3)),  # 22:30 the day before in WIB
        ("2024-06-04 12:30 AM GMT+7", dt.date(2024, 6, 4)),
        ("2024-06-03 11:30 PM UTC", dt.date(2024, 6, 4)),
        ("2024-06-04 17:00 GMT-05:00", dt.date(2024, 6, 5)),
        ("4-6-2024", dt.date(2024, 6, 4)),
        ("04.06.2024", dt.date(2024, 6, 4)),
        ("4 Jun 2024", dt.date(2024, 6, 4)),
        ("4 Agt 2024", dt.date(2024, 8, 4)),
        ("4 October 2024", dt.date(2024, 10, 4)),
        ("Selasa, 4 Juni 2024 10:15", dt.date(2024, 6, 4)),
    ],
)
def test_read_date(text: str, day: dt.date) -> None:
    assert read_date(text) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-06-04 13:00 PM GMT+7", "hour 13 with PM"),
        ("2024-06-04 24:30 GMT+7", "no such time: 24:30"),
        ("2024-06-04 24:30", "no such time: 24:30"),  # never 00:30 of the next day
        ("04/06/2024 10:15:60", "no such time: 10:15:60"),
        ("45432", "expected a date such as"),
        ("2024-06-04 10:15 EST", "expected a date such as"),
    ],
)
def test_read_date_refuses(text: str, message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        read_date(text)


def test_a_bad_time_in_a_column_is_an_error_at_its_row() -> None:
    answers = [("2024-06-04 10:15", [4] * 9, ""), ("2024-06-04 24:30", [4] * 9, "")]
    with pytest.raises(DataFileError) as caught:
        by_period(_survey(answers), "quarter")
    assert [str(e) for e in caught.value.exceptions] == [
        "skm.csv: row 3, column \"Timestamp\": '2024-06-04 24:30' is not a date: no such time: "
        "24:30"
    ]


def test_another_zone() -> None:
    assert read_date("2024-06-04 23:30 GMT+7", zone="Asia/Jayapura") == dt.date(2024, 6, 5)


# -- laws ------------------------------------------------------------------------------------

SPELLINGS = (
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year} 08:00",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d} 10:15:23 AM GMT+7",
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
)


@pytest.mark.property
@budget(0.2)
@given(
    day=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)), spelling=st.sampled_from(SPELLINGS)
)
def test_every_spelling_of_a_date_reads_back_as_that_date(day: dt.date, spelling: object) -> None:
    assert read_date(spelling(day)) == day  # type: ignore[operator]


@pytest.mark.property
@budget(0.1)
@given(
    answers=st.lists(
        st.tuples(
            st.one_of(st.just(""), st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31))),
            st.lists(st.integers(1, 4), min_size=9, max_size=9),
        ),
        min_size=1,
        max_size=30,
    ),
    period=st.sampled_from(["quarter", "semester"]),
)
def test_the_periods_partition_the_respondents(
    answers: list[tuple[dt.date | str, list[int]]], period: str
) -> None:
    rows: list[list[object]] = [
        [d if isinstance(d, str) else d.isoformat(), "x", *s] for d, s in answers
    ]
    survey = read_survey([HEADER, *rows])
    series = by_period(survey, period)
    parts = [*series.periods, *((series.undated,) if series.undated else ())]
    assert sum(p.respondents for p in parts) == survey.respondents
    totals = [0] * 9
    for p in parts:
        if p.result is not None:
            for i, u in enumerate(p.result.unsur):
                totals[i] += u.total
    assert totals == [u.total for u in series.pooled.unsur]
    for before, after in zip(series.periods, series.periods[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)  # type: ignore[operator]
        if before.result and after.result:
            assert after.change == after.result.ikm - before.result.ikm


_PIECES = st.sampled_from(
    ["2024-06-04", "04/06/2024", "2024/06/04", "31/02/2024", "4 Juni 2024", "2024-06", "x"]
)
_TIMES = st.sampled_from(
    ["", " 10:15", " 24:30", "T23:59:59", " 10:15:60", " 10:15 PM", "T20:00:00Z", " 07.30",
     " 9:05 GMT+7", "  10:15", " 10:15:00.123", " abc"]
)  # fmt: skip


@pytest.mark.property
@budget(0.2)
@given(text=st.one_of(st.builds(lambda d, t: d + t, _PIECES, _TIMES), st.text(max_size=30)))
def test_the_column_reader_agrees_with_read_date(text: str) -> None:
    reader = _Dates(day_first=True, zone="Asia/Jakarta")
    try:
        expected: dt.date | str = read_date(text)
    except InvalidArgumentError as exc:
        expected = str(exc)
    assert reader(text) == expected
    assert reader(text) == expected  # and again, from its caches
