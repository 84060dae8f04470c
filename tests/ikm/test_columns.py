"""What a survey keeps for a breakdown chosen later: codes, not text; no personal data."""

from __future__ import annotations

from array import array
from collections import Counter

import pytest

from ppid_core.errors import UnknownNameError
from ppid_core.examples.ikm import read_seed_survey
from ppid_core.ikm import Survey, Tally, parse_regime, read_survey
from ppid_core.ikm._columns import (
    KEEP_LIMIT,
    NOT_ANSWERED,
    Coder,
    KeptColumn,
    group_tallies,
    typecode,
)

UNSUR = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]
UNSUR += ["Sarana", "Pengaduan"]


def _row(score: int, **others: object) -> dict[str, object]:
    return {**dict.fromkeys(UNSUR, score), **others}


def test_kept_columns_are_codes_into_sorted_distinct_values() -> None:
    survey = read_seed_survey()
    responses = survey.responses
    layanan = next(c for c in responses.columns if c.name == "Layanan")
    assert layanan.labels == ("Konsultasi/ Mediasi", "Permohonan Informasi")
    assert isinstance(layanan.codes, array)
    assert layanan.codes.typecode == "B"  # one byte per respondent
    assert len(layanan.codes) == survey.respondents
    assert Counter(layanan.codes) == {0: 60, 1: 90}
    # the answers: one byte per respondent and unsur, nothing else per row
    assert len(responses.scores) == 9
    assert all(type(s) is bytes and len(s) == 150 for s in responses.scores)
    assert {b for s in responses.scores for b in s} <= {3, 4}
    for column in responses.columns:
        assert column.codes.itemsize == 1
        assert list(column.labels) == sorted(set(column.labels))


def test_personal_columns_are_not_kept() -> None:
    rows = [
        _row(
            4, Nama="Budi", **{"No. HP": "0812345678", "Email": "b@x.id"}, NIK="5371", Layanan="A"
        ),
        _row(3, Nama="Ani", **{"No. HP": "0812345679", "Email": "a@x.id"}, NIK="5372", Layanan="B"),
    ]
    survey = read_survey(rows, source_name="skm.csv")
    assert survey.group_columns == ("Layanan",)
    kept = " ".join(label for c in survey.responses.columns for label in c.labels)
    assert "Budi" not in kept
    assert "0812" not in kept
    with pytest.raises(UnknownNameError) as info:
        survey.score(by="nama")
    assert str(info.value) == (
        "column 'Nama' of skm.csv holds personal data; a breakdown by it would print it for "
        "every group: choose a column such as Layanan"
    )


def test_a_column_of_many_values_is_kept_only_when_named() -> None:
    rows = [_row(1 + i % 4, Kode=f"K{i}", Layanan="AB"[i % 2]) for i in range(KEEP_LIMIT + 1)]
    survey = read_survey(rows, source_name="skm.csv")
    assert survey.group_columns == ("Layanan",)
    with pytest.raises(UnknownNameError) as info:
        survey.score(by="Kode")
    assert str(info.value) == (
        "column 'Kode' of skm.csv was not kept for a breakdown: it is an unsur column or has "
        "more than 1,000 distinct values; name it when reading (by=['Kode']) to keep it "
        "(kept: Layanan)"
    )
    named = read_survey(rows, source_name="skm.csv", by=["Kode"])
    kode = next(c for c in named.responses.columns if c.name == "Kode")
    assert kode.codes.typecode == "H"  # 1,001 values: two bytes each
    breakdown = named.score(by="Kode")
    assert len(breakdown.groups) == KEEP_LIMIT + 1
    assert breakdown.groups["K7"].respondents == 1


def test_an_unsur_column_is_refused_late_and_kept_when_named() -> None:
    rows = [_row(4, Layanan="A"), _row(1, Layanan="B")]
    with pytest.raises(UnknownNameError, match=r"^column 'Biaya' of <rows> was not kept"):
        read_survey(rows).score(by="Biaya")
    by_answer = read_survey(rows, by=["Biaya"]).score(by="Biaya")
    assert list(by_answer.groups) == ["1", "4"]


def test_a_file_of_answers_only_keeps_nothing_per_row() -> None:
    survey = read_survey([_row(4), _row(3)])
    assert survey.responses.columns == ()
    assert survey.responses.scores == ()
    with pytest.raises(UnknownNameError, match=r"^no column 'Layanan' in <rows>"):
        survey.score(by="Layanan")


def test_padding_and_blanks_are_one_value_whatever_the_reading_order() -> None:
    rows = [_row(4, Layanan=" A"), _row(3, Layanan=""), _row(2, Layanan="A "), _row(1)]
    survey = read_survey(rows)
    assert survey.responses.columns[0].labels == ("", "A")
    assert {k: t.respondents for k, t in survey.tallies("Layanan").items()} == {"": 2, "A": 2}
    reverse = read_survey(rows[::-1])
    assert reverse.responses.columns[0].labels == ("", "A")


def test_blank_answers_are_kept_as_not_answered() -> None:
    rows = [_row(4, Layanan="A"), {**_row(2, Layanan="B"), "Waktu": None}]
    survey = read_survey(rows, missing="per_unsur")
    waktu = survey.regime.keys.index("waktu")
    assert survey.responses.scores[waktu] == bytes([4, NOT_ANSWERED])
    b = survey.score(by="Layanan")
    assert list(b.undefined) == ["B"]
    assert b.undefined["B"].unanswered == ("waktu",)


def test_crossed_groups_are_the_combinations_that_occur() -> None:
    rows = [
        _row(4, Layanan="A", **{"Jenis Kelamin": "P"}),
        _row(3, Layanan="A", **{"Jenis Kelamin": "L"}),
        _row(2, Layanan="B", **{"Jenis Kelamin": "P"}),
        _row(1, Layanan="A", **{"Jenis Kelamin": "P"}),
    ]
    b = read_survey(rows).score(by=["Layanan", "jenis kelamin"])
    assert b.column == "Layanan × Jenis Kelamin"
    assert {k: r.respondents for k, r in b.groups.items()} == {"A × L": 1, "A × P": 2, "B × P": 1}
    assert b.groups["A × P"].scope == "Layanan = A, Jenis Kelamin = P"
    assert b.groups["A × P"].ikm == 625 / 10  # (4 + 1) / 2 * 25


def _naive(survey: Survey, rows: list[dict[str, object]], by: list[str]) -> dict[str, Tally]:
    """The tally of each group, read from the group's own rows (the obvious way)."""
    groups: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault(" × ".join(str(row[c]) for c in by), []).append(row)
    return {k: read_survey(v, regime=survey.regime).tally for k, v in sorted(groups.items())}


def test_many_groups_are_counted_as_few() -> None:
    # 3 x 20 groups: past the one-byte counting of group x answer, through a Counter.
    rows = [_row(1 + (i * 7) % 4, Kota=f"K{i % 20:02}", Unit=f"U{i % 3}") for i in range(400)]
    survey = read_survey(rows)
    assert survey.tallies("Kota") == _naive(survey, rows, ["Kota"])
    assert survey.tallies(["Unit", "Kota"]) == _naive(survey, rows, ["Unit", "Kota"])


def test_crossings_of_more_than_65536_combinations_keep_those_that_occur() -> None:
    rows = [_row(1 + i % 4, A=f"a{i % 300:03}", B=f"b{(i * 7) % 301:03}") for i in range(900)]
    survey = read_survey(rows)
    assert survey.tallies(["A", "B"]) == _naive(survey, rows, ["A", "B"])


def test_a_regime_with_labels_and_a_scale_from_zero() -> None:
    regime = parse_regime(
        """\
key: ten
title: Zero to ten
scale_minimum: 0
scale_maximum: 10
conversion: 10
unsur:
  - {key: a, name: A}
  - {key: b, name: B}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "0.00", upper: "49.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "50.00", upper: "100.00"}
"""
    )
    rows: list[dict[str, object]] = [
        {"A": 0, "B": 10, "G": "x"},
        {"A": 10, "B": None, "G": "x"},
        {"A": 5, "B": 7, "G": "y"},
    ]
    survey = read_survey(rows, regime=regime, missing="per_unsur")
    tallies = survey.tallies("G")
    assert tallies["x"].totals == (10, 10)
    assert tallies["x"].answered == (2, 1)
    assert tallies["y"].totals == (5, 7)


def test_typecodes_and_canonical_columns() -> None:
    assert [typecode(n) for n in (1, 256, 257, 65_536, 65_537)] == ["B", "B", "H", "H", "I"]
    column = KeptColumn.from_raw("G", ["b", " a", "a", "c "], array("B", [0, 1, 2, 3, 0]))
    assert column.labels == ("a", "b", "c")
    assert list(column.codes) == [1, 0, 0, 2, 1]
    coder = Coder("G", required=False)
    coder.add([f"v{i}" for i in range(KEEP_LIMIT)])
    assert coder.kept
    assert coder.codes.typecode == "H"
    coder.add(["another"])
    assert not coder.kept
    assert len(coder.codes) == 0  # the memory is given back


def test_no_column_named_is_refused() -> None:
    survey = read_seed_survey()
    with pytest.raises(UnknownNameError, match=r"^name at least one column to break down by$"):
        group_tallies(survey.responses, [], survey.regime, survey.source)


def test_a_profile_column_of_many_values_is_still_counted() -> None:
    rows = [_row(4, Pekerjaan=f"P{i % 1200}") for i in range(2400)]
    survey = read_survey(rows)
    assert survey.group_columns == ()
    assert len(survey.profile["pekerjaan"]) == 1200
    assert set(survey.profile["pekerjaan"].values()) == {2}


def test_many_spellings_of_few_values_are_kept() -> None:
    rows = [_row(4, Layanan=" " * (i % 1500) + "AB"[i % 2]) for i in range(3000)]
    survey = read_survey(rows)
    assert survey.responses.columns[0].labels == ("A", "B")
    assert survey.profile["layanan"] == {"A": 1500, "B": 1500}
