"""Laws of IKM scoring (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from ppid_core.ikm import MissingPolicy, Tally, from_rows, load_regime, read_records, score

R = load_regime()
NAMES = [u.name for u in R.unsur]
MUTU_RANK = {"D": 0, "C": 1, "B": 2, "A": 3}

answers = st.lists(st.integers(1, 4), min_size=9, max_size=9)
respondents = st.lists(answers, min_size=1, max_size=40)


# Incomplete questionnaires: a blank (None) is allowed, but every row answers something.
sparse_answers = st.lists(st.one_of(st.integers(1, 4), st.none()), min_size=9, max_size=9).filter(
    lambda row: any(a is not None for a in row)
)
sparse_respondents = st.lists(sparse_answers, min_size=0, max_size=30)
lenient = st.sampled_from([MissingPolicy.PER_UNSUR, MissingPolicy.DROP])


def _tally(
    rows: list[list[int]] | list[list[int | None]], missing: MissingPolicy = MissingPolicy.REFUSE
) -> Tally:
    if not rows:  # no rows, no keys: give the header explicitly
        return read_records(NAMES, [], missing=missing).tally
    records = [dict(zip(NAMES, row, strict=True)) for row in rows]
    return from_rows(records, missing=missing).tally


@given(respondents)
def test_ikm_lies_between_25_and_100(rows: list[list[int]]) -> None:
    res = score(_tally(rows), R)
    assert 25 <= res.ikm <= 100
    assert Decimal(25) <= res.ikm_display <= Decimal(100)


@given(respondents, st.randoms(use_true_random=False))
def test_invariant_to_the_order_of_respondents(rows: list[list[int]], rnd: object) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert score(_tally(shuffled), R) == score(_tally(rows), R)


@given(st.lists(respondents, min_size=1, max_size=5))
def test_merging_tallies_equals_scoring_the_union(parts: list[list[list[int]]]) -> None:
    union = [row for part in parts for row in part]
    merged = Tally.merge(_tally(p) for p in parts)
    assert merged == _tally(union)
    assert score(merged, R) == score(_tally(union), R)


@given(respondents, respondents, respondents)
def test_merge_is_associative_and_commutative(
    a: list[list[int]], b: list[list[int]], c: list[list[int]]
) -> None:
    ta, tb, tc = _tally(a), _tally(b), _tally(c)
    assert (ta + tb) + tc == ta + (tb + tc)
    assert ta + tb == tb + ta


@given(st.lists(sparse_respondents, min_size=1, max_size=5), lenient)
def test_merging_incomplete_tallies_equals_tallying_the_union(
    parts: list[list[list[int | None]]], missing: MissingPolicy
) -> None:
    union = [row for part in parts for row in part]
    merged = Tally.merge(_tally(p, missing) for p in parts)
    whole = _tally(union, missing)
    assert merged == whole  # per-unsur totals and counts, respondents and dropped
    incomplete = sum(None in row for row in union)
    if missing is MissingPolicy.DROP:
        assert (whole.dropped, whole.respondents) == (incomplete, len(union) - incomplete)
        kept = [row for row in union if None not in row]
        assert whole.answered == (len(kept),) * 9
    else:
        assert (whole.dropped, whole.respondents) == (0, len(union))
        assert whole.answered == tuple(sum(row[j] is not None for row in union) for j in range(9))
        assert whole.totals == tuple(sum(row[j] or 0 for row in union) for j in range(9))
    if not whole.unanswered and whole.respondents:
        assert score(merged, R) == score(whole, R)


@given(sparse_respondents, sparse_respondents, sparse_respondents, lenient)
def test_merge_of_incomplete_tallies_is_associative_and_commutative(
    a: list[list[int | None]],
    b: list[list[int | None]],
    c: list[list[int | None]],
    missing: MissingPolicy,
) -> None:
    ta, tb, tc = _tally(a, missing), _tally(b, missing), _tally(c, missing)
    assert (ta + tb) + tc == ta + (tb + tc)
    assert ta + tb == tb + ta
    assert (ta + tb).dropped == ta.dropped + tb.dropped


@given(st.fractions(min_value=25, max_value=100), st.fractions(min_value=25, max_value=100))
def test_mutu_is_monotone_in_the_score(x: Fraction, y: Fraction) -> None:
    low, high = sorted((x, y))
    assert MUTU_RANK[R.classify(low).mutu] <= MUTU_RANK[R.classify(high).mutu]


@given(st.integers(2500, 10000))
def test_every_value_on_the_grid_has_exactly_one_band(cents: int) -> None:
    value = Decimal(cents) / 100
    assert sum(b.contains(value) for b in R.bands) == 1


def test_boundaries_of_the_interval_table() -> None:
    table = {"64.99": "D", "65.00": "C", "76.60": "C", "76.61": "B", "88.30": "B", "88.31": "A"}
    assert {v: R.classify(Fraction(v)).mutu for v in table} == table


@given(st.integers(1, 10_000), st.data())
def test_pooled_ikm_of_identical_answers_is_the_answer_times_25(
    n: int, data: st.DataObject
) -> None:
    a = data.draw(st.integers(1, 4))
    t = Tally.from_totals(R, [a * n] * 9, respondents=n)
    assert score(t, R).ikm == 25 * a
