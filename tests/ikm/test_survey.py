"""Surveys: pooled vs per-group IKM, sample warning, respondent profile."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import InvalidArgumentError, UnknownNameError
from ppid_core.ikm import SmallSampleWarning, read_survey

UNSUR = [
    "Persyaratan",
    "Prosedur",
    "Waktu",
    "Biaya",
    "Produk",
    "Kompetensi",
    "Perilaku",
    "Sarana",
    "Pengaduan",
]


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {**dict.fromkeys(UNSUR, 4), "Layanan": "A", "Usia": "19"},
        {**dict.fromkeys(UNSUR, 4), "Layanan": "A", "Usia": "64"},
        {**dict.fromkeys(UNSUR, 4), "Layanan": "A", "Usia": "25"},
        {**dict.fromkeys(UNSUR, 1), "Layanan": "B", "Usia": "27"},
    ]
    return rows


def test_pooled_differs_from_the_mean_of_groups() -> None:
    s = read_survey(_rows(), by=["Layanan"])
    b = s.score(by="layanan")
    assert b.groups["A"].ikm == 100
    assert b.groups["B"].ikm == 25
    assert b.pooled.ikm == Fraction(325, 4)  # (3*4 + 1) / 4 * 25
    assert b.averaged_ikm == Fraction(125, 2)
    assert b.groups["B"].scope == "Layanan = B"
    assert b.to_table().rows[-1] == ("unit (pooled)", 4, b.pooled.ikm_display, "B", "Baik")


def test_a_group_with_an_unanswered_unsur_is_reported_undefined() -> None:
    extra: dict[str, object] = {**dict.fromkeys(UNSUR, 3), "Persyaratan": None, "Layanan": "C"}
    rows = [*_rows(), extra]
    b = read_survey(rows, by=["Layanan"], missing="per_unsur").score(by="Layanan")
    assert list(b.groups) == ["A", "B"]
    assert list(b.undefined) == ["C"]
    assert b.undefined["C"].unanswered == ("persyaratan",)
    assert b.averaged_ikm == Fraction(125, 2)  # over the scored groups only
    assert b.pooled.respondents == 5
    assert b.to_table().rows[-2:] == (
        ("C", 1, "-", "-", "undefined: nobody answered persyaratan"),
        ("unit (pooled)", 5, b.pooled.ikm_display, b.pooled.mutu, b.pooled.kinerja),
    )


def test_no_group_scored_has_no_average() -> None:
    rows: list[dict[str, object]] = [
        {**dict.fromkeys(UNSUR, 3), "Persyaratan": None, "Layanan": "A"},
        {**dict.fromkeys(UNSUR, 3), "Prosedur": None, "Layanan": "B"},
    ]
    b = read_survey(rows, by=["Layanan"], missing="per_unsur").score(by="Layanan")
    assert dict(b.groups) == {}
    assert b.averaged_ikm is None
    assert b.pooled.ikm == 75


def test_a_breakdown_is_chosen_after_reading() -> None:
    late = read_survey(_rows()).score(by="Layanan")
    assert late == read_survey(_rows(), by=["Layanan"]).score(by="Layanan")
    assert {k: r.ikm for k, r in late.groups.items()} == {"A": 100, "B": 25}


def test_a_column_the_file_lacks_is_refused_with_the_columns_it_has() -> None:
    with pytest.raises(UnknownNameError) as info:
        read_survey(_rows(), source_name="skm.csv").score(by="Kota")
    assert str(info.value) == (
        "no column 'Kota' in skm.csv to break down by; columns: Persyaratan, Prosedur, "
        "Waktu, Biaya, Produk, Kompetensi, Perilaku, Sarana, Pengaduan, Layanan, Usia"
    )


def test_by_matches_the_column_as_the_reader_did() -> None:
    # The reader matched by=["Layanan"] to the header "Layanan." (a trailing dot and case
    # are ignored); score(by=...) must find it the same way.
    rows = [{("LAYANAN." if k == "Layanan" else k): v for k, v in r.items()} for r in _rows()]
    s = read_survey(rows, by=["Layanan"])
    assert list(s.groups) == ["LAYANAN."]
    assert s.score(by="Layanan").column == "LAYANAN."
    assert s.score(by=" layanan: ").groups["B"].ikm == 25


def test_small_sample_warns() -> None:
    s = read_survey(_rows())
    with pytest.warns(
        SmallSampleWarning,
        match="4 respondents for a population of 100; Krejcie & Morgan require 80 \\(76 short\\)",
    ):
        res = s.score(population=100)
    assert res.population == 100
    assert read_survey(_rows()).score(population=4).population == 4  # 4 of 4: no warning


def test_profile_with_age_ranges() -> None:
    t = read_survey(_rows()).profile_table()
    assert t.rows == (
        ("layanan", "A", 3, "75.0%"),
        ("layanan", "B", 1, "25.0%"),
        ("usia", "< 20", 1, "25.0%"),
        ("usia", "20-29", 2, "50.0%"),
        ("usia", ">= 60", 1, "25.0%"),
    )


def test_the_repr_is_one_short_line() -> None:
    from ppid_core.examples.ikm import read_seed_survey

    survey = read_seed_survey()
    assert repr(survey) == (
        "<Survey kpu_ntt_2024_skm.csv: 150 respondents, permenpan_14_2017, wide, kept: No, "
        "Layanan, Jenis Kelamin, Pendidikan, …>"
    )
    assert len(repr(survey)) <= 120
    assert repr(read_survey(_rows())) == (
        "<Survey <rows>: 4 respondents, permenpan_14_2017, wide, kept: Layanan, Usia>"
    )


def _dated() -> list[dict[str, object]]:
    days = ["2024-01-15", "2024-03-31 23:59", "2024-04-01", "2024-11-30"]
    return [{**row, "Tanggal Survei": day} for row, day in zip(_rows(), days, strict=True)]


def test_each_respondent_keeps_its_date_and_row() -> None:
    survey = read_survey(_dated())
    assert survey.date_column == "Tanggal Survei"
    assert survey.dates() == [
        (2, "2024-01-15"),
        (3, "2024-03-31 23:59"),
        (4, "2024-04-01"),
        (5, "2024-11-30"),
    ]
    assert read_survey(_rows()).dates() == []


def test_a_date_column_of_many_values_is_kept() -> None:
    rows = [
        {**dict.fromkeys(UNSUR, 4), "Timestamp": f"2024/06/04 10:{i // 60:02d}:{i % 60:02d}"}
        for i in range(1500)
    ]
    survey = read_survey(rows, missing="drop")
    assert len(survey.dates()) == 1500
    assert survey.dates()[-1] == (1501, "2024/06/04 10:24:59")


def test_dates_skip_the_dropped_and_keep_their_rows() -> None:
    rows = _dated()
    rows[1] = {**rows[1], "Waktu": None}
    survey = read_survey(rows, missing="drop")
    assert [row for row, _ in survey.dates()] == [2, 4, 5]


def _quarter(text: str) -> str:
    return f"{text[:4]} Q{(int(text[5:7]) + 2) // 3}"


def test_groups_by_a_function_of_the_values() -> None:
    survey = read_survey(_dated())
    tallies = survey.tallies("tanggal survei", key=_quarter)
    assert {q: t.respondents for q, t in tallies.items()} == {
        "2024 Q1": 2,
        "2024 Q2": 1,
        "2024 Q4": 1,
    }
    crossed = survey.score(by=["Layanan", "Tanggal Survei"], key={"Tanggal Survei": _quarter})
    assert list(crossed.groups) == ["A × 2024 Q1", "A × 2024 Q2", "B × 2024 Q4"]
    assert crossed.groups["A × 2024 Q1"].ikm == 100
    with pytest.raises(InvalidArgumentError, match="key= must give a text for each value, got int"):
        survey.tallies("Tanggal Survei", key=len)  # type: ignore[arg-type]


def test_reading_details_are_not_compared() -> None:
    import attrs

    survey = read_survey(_rows())
    assert attrs.evolve(survey, header_row="row 9", layout="long", notes=("x",)) == survey
