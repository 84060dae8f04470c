"""Laws of merging IKM summaries (issue 15): tallies, group tallies (the mergeable form of a
breakdown), profiles and read surveys are commutative monoids, their serialised forms
round-trip, and reading a file in partitions, with row offsets, gives what one read of the
whole file gives: the same survey, or the same located errors."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm import GroupTallies, MissingPolicy, Profile, Survey, Tally, read_survey
from tests.property.strategies import breakdowns, budget, grouped_respondents

pytestmark = pytest.mark.property

HEADER = [*(f"U{i}" for i in range(1, 10)), "Layanan", "Kota"]
Row = tuple[list[int | None], str, str]
#: Cells of one answer, a few of them not an answer (under the ``refuse`` policy).
_CELLS = st.sampled_from(["1", "2", "3", "4", "4", "3", "", "5", "x"])
bad_rows = st.lists(st.lists(_CELLS, min_size=9, max_size=9), min_size=1, max_size=20)


def _text(rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def _cells(rows: Sequence[Row]) -> list[list[object]]:
    return [[*("" if a is None else a for a in answers), g, k] for answers, g, k in rows]


def _split(n: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    points = sorted({0, n, *(c % (n + 1) for c in cuts)})
    return list(itertools.pairwise(points)) or [(0, n)]


def _read(data: bytes, *, name: str = "whole.csv", offset: int = 0) -> Survey:
    return read_survey(data, source_name=name, row_offset=offset, missing=MissingPolicy.PER_UNSUR)


def _parts(rows: list[list[object]], cuts: Sequence[int]) -> list[Survey]:
    return [
        _read(_text(rows[a:b]), name=f"part-{a}.csv", offset=a) for a, b in _split(len(rows), cuts)
    ]


cuts = st.lists(st.integers(0, 40), max_size=4)


@given(rows=grouped_respondents, cuts=cuts, by=breakdowns)
@budget(0.5)
def test_merging_partitions_equals_one_read_of_the_whole(
    rows: list[Row], cuts: list[int], by: list[str]
) -> None:
    cells = _cells(rows)
    whole = _read(_text(cells))
    parts = _parts(cells, cuts)
    merged = Survey.merge(parts)
    assert merged.tally == whole.tally == Tally.merge(p.tally for p in parts)
    assert merged.profile == whole.profile
    assert merged.profile_summary() == Profile.merge(p.profile_summary() for p in parts)
    assert merged.responses == whole.responses
    assert list(merged.responses.rows) == list(whole.responses.rows)
    groups = whole.group_tallies(by)
    assert merged.group_tallies(by) == groups == sum(p.group_tallies(by) for p in parts)
    if not whole.tally.unanswered:
        assert merged.score(by=by).to_dict() == whole.score(by=by).to_dict()
        assert groups.score(whole.regime, pooled=whole.score()) == whole.score(by=by)


@given(rows=bad_rows, cuts=cuts)
@budget(0.5)
def test_partitions_with_offsets_report_the_errors_of_the_whole(
    rows: list[list[str]], cuts: list[int]
) -> None:
    errors: list[LocatedError] = []
    for a, b in _split(len(rows), cuts):
        try:
            read_survey(_text(rows[a:b]), source_name="whole.csv", row_offset=a)
        except DataFileError as exc:
            errors.extend(e for e in exc.exceptions if isinstance(e, LocatedError))
    if not errors:
        read_survey(_text(rows), source_name="whole.csv")  # no error in the whole either
        return
    with pytest.raises(DataFileError) as whole:
        read_survey(_text(rows), source_name="whole.csv")
    assert DataFileError.from_errors("whole.csv", errors).report() == whole.value.report()


def _three(rows: list[Row], cuts: list[int]) -> list[Survey]:
    parts = _parts(_cells(rows), [*cuts, 0, 0])
    return (parts * 3)[:3]


@given(rows=grouped_respondents, cuts=cuts, by=breakdowns)
@budget(0.3)
def test_summaries_are_commutative_monoids(rows: list[Row], cuts: list[int], by: list[str]) -> None:
    a, b, c = _three(rows, cuts)
    for x, y, z, neutral in (
        (a.tally, b.tally, c.tally, Tally.neutral()),
        (a.group_tallies(by), b.group_tallies(by), c.group_tallies(by), GroupTallies.neutral()),
        (a.profile_summary(), b.profile_summary(), c.profile_summary(), Profile()),
    ):
        assert (x + y) + z == x + (y + z)
        assert x + y == y + x
        assert x + neutral == neutral + x == x
        assert sum([x, y, z]) == x + y + z
        assert type(x).merge([]) == neutral
    assert ((a + b) + c).tally == (a + (b + c)).tally
    assert (a + b).group_tallies(by) == (b + a).group_tallies(by)


@given(rows=grouped_respondents, cuts=cuts, by=breakdowns)
@budget(0.3)
def test_serialised_forms_round_trip_through_json(
    rows: list[Row], cuts: list[int], by: list[str]
) -> None:
    survey = _three(rows, cuts)[0]

    def again(data: dict[str, object]) -> object:
        return json.loads(json.dumps(data))

    assert Tally.from_dict(again(survey.tally.to_dict())) == survey.tally
    groups = survey.group_tallies(by)
    assert GroupTallies.from_dict(again(groups.to_dict())) == groups
    profile = survey.profile_summary()
    assert Profile.from_dict(again(profile.to_dict())) == profile
