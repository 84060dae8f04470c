"""Laws of IKM scoring and reading (Hypothesis).

The reading laws run with chunks of 1-5 rows, so that a few rows span several chunks and
the switch between counting a clean chunk column-wise and re-reading a chunk with a bad
cell row by row is reached (``test_a_tiny_chunk_reaches_both_paths`` shows that it is).
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import tempfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, PpidError
from ppid_core.ikm import MissingPolicy, Regime, Survey, Tally, read_survey, score
from ppid_core.ikm import _reader as ikm_read
from ppid_core.ikm._csv import read_csv_source
from tests.property.strategies import (
    TWO,
    breakdowns,
    budget,
    chunks,
    grouped_respondents,
    ikm_csv_files,
    ikm_records,
    lenient_policies,
    respondents,
    sparse_respondents,
)

pytestmark = pytest.mark.property

R = Regime.bundled()
NAMES = [u.name for u in R.unsur]
MUTU_RANK = {"D": 0, "C": 1, "B": 2, "A": 3}
DEFAULT_CHUNK = ikm_read.CHUNK


@contextlib.contextmanager
def chunked(size: int | None) -> Iterator[None]:
    """Read ``size`` rows per chunk (the module's default if None)."""
    with mock.patch.object(ikm_read, "CHUNK", size or DEFAULT_CHUNK):
        yield


def _tally(
    rows: list[list[int]] | list[list[int | None]],
    missing: MissingPolicy = MissingPolicy.REFUSE,
    chunk: int | None = None,
) -> Tally:
    """The tally of ``rows``, read ``chunk`` rows at a time (the module's size if None)."""
    with chunked(chunk):
        if not rows:  # no rows, no keys: give the header explicitly
            return read_survey([], header=NAMES, missing=missing).tally
        records = [dict(zip(NAMES, row, strict=True)) for row in rows]
        return read_survey(records, missing=missing).tally


@given(respondents)
def test_ikm_lies_between_25_and_100(rows: list[list[int]]) -> None:
    res = score(_tally(rows), R)
    assert 25 <= res.ikm <= 100
    assert Decimal(25) <= res.ikm_display <= Decimal(100)


@given(respondents, st.randoms(use_true_random=False))
def test_invariant_to_the_order_of_respondents(rows: list[list[int]], rnd: random.Random) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert score(_tally(shuffled), R) == score(_tally(rows), R)


@budget(0.5)
@given(st.lists(respondents, min_size=1, max_size=5), chunks)
def test_merging_tallies_equals_scoring_the_union(parts: list[list[list[int]]], chunk: int) -> None:
    union = [row for part in parts for row in part]
    merged = Tally.merge(_tally(p, chunk=chunk) for p in parts)
    assert merged == _tally(union)
    assert score(merged, R) == score(_tally(union, chunk=chunk), R)


@budget(0.5)
@given(respondents, respondents, respondents)
def test_merge_is_associative_and_commutative(
    a: list[list[int]], b: list[list[int]], c: list[list[int]]
) -> None:
    ta, tb, tc = _tally(a), _tally(b), _tally(c)
    assert (ta + tb) + tc == ta + (tb + tc)
    assert ta + tb == tb + ta


@budget(0.5)
@given(st.lists(sparse_respondents, min_size=1, max_size=5), lenient_policies, chunks)
def test_merging_incomplete_tallies_equals_tallying_the_union(
    parts: list[list[list[int | None]]], missing: MissingPolicy, chunk: int
) -> None:
    union = [row for part in parts for row in part]
    merged = Tally.merge(_tally(p, missing, chunk) for p in parts)
    whole = _tally(union, missing, chunk)
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


@budget(0.5)
@given(sparse_respondents, sparse_respondents, sparse_respondents, lenient_policies)
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


# -- Reading laws: the result never depends on how the input is cut -----------------------


def _records_outcome(
    rows: Sequence[Sequence[str]], missing: MissingPolicy, chunk: int | None
) -> object:
    """The survey of ``rows`` under ``A, B, Layanan``, or its located errors."""
    with chunked(chunk):
        try:
            return read_survey(
                rows, header=["A", "B", "Layanan"], regime=TWO, missing=missing, by=["layanan"]
            )
        except DataFileError as exc:
            return exc.report()


@given(st.lists(ikm_records, max_size=12), chunks, st.sampled_from(list(MissingPolicy)))
def test_the_chunk_size_changes_nothing(
    rows: list[list[str]], chunk: int, missing: MissingPolicy
) -> None:
    """Valid and invalid rows, read in chunks of 1-5 rows or all at once: the same survey
    or the same located errors (a chunk with a bad cell is re-read row by row)."""

    assert _records_outcome(rows, missing, chunk) == _records_outcome(rows, missing, None)


def test_a_tiny_chunk_reaches_both_paths() -> None:
    """What the reading laws rely on: with 2-row chunks, clean chunks are counted column-wise
    and only the chunk that holds a bad cell (rows 6-7) is re-read row by row."""
    rows = [["4", "3", "L1"]] * 4 + [["x", "3", "L1"], ["4", "2", "L2"], ["Baik", "1", "L2"]]
    reread: list[int] = []
    row_by_row = ikm_read.Reader._slow

    def spy(
        reader: ikm_read.Reader,
        chunk: Sequence[Sequence[str]],
        first_row: int,
        numbers: list[int] | None = None,
    ) -> list[Sequence[str]]:
        reread.append(first_row)
        return row_by_row(reader, chunk, first_row, numbers)

    with mock.patch.object(ikm_read.Reader, "_slow", spy):
        located = _records_outcome(rows, MissingPolicy.REFUSE, 2)
    assert reread == [6]
    assert isinstance(located, str)
    assert located.splitlines() == [
        "<rows>: row 6, column \"A\": 'x' is not an answer; expected a score 1-4 or an answer "
        "label ('1', '2', '3', '4', 'Buruk', 'Cukup', 'Baik', 'Prima')"
    ]


def _read_file(
    path: Path, *, block: int, chunk: int, csv_module: bool, by: list[str], head: int = 31
) -> object:
    try:
        return read_csv_source(
            path,
            regime=TWO,
            columns=None,
            missing=MissingPolicy.PER_UNSUR,
            by=by,
            delimiter=None,
            encoding="utf-8-sig",
            block=block,
            chunk=chunk,
            csv_module=csv_module,
            head=head,
        )
    except DataFileError as exc:
        return exc.report()
    except PpidError as exc:  # a by column the header lacks
        return f"{type(exc).__name__}: {exc}"


@given(ikm_csv_files(), st.integers(1, 16), chunks, st.integers(1, 4))
def test_the_fast_csv_path_agrees_with_the_csv_module(
    file: tuple[str, str], block: int, chunk: int, head: int
) -> None:
    """Any small file (quotes, CR, CRLF, delimiters in cells, blank lines, short and long
    rows), read block by block (1-16 characters, so the switch to the csv module comes
    mid-file) after a head of 1-4 rows read by the csv module (where the header is
    looked for), and by the csv module alone: the same survey or the same located errors."""
    header, body = file
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.csv"
        path.write_bytes((header + body).encode())
        by = ["Layanan"] if "Layanan" in header else []
        fast = _read_file(path, block=block, chunk=chunk, csv_module=False, by=by, head=head)
        slow = _read_file(path, block=block, chunk=chunk, csv_module=True, by=by, head=head)
        whole = _read_file(path, block=1 << 22, chunk=DEFAULT_CHUNK, csv_module=False, by=by)
    assert fast == slow
    assert fast == whole
    assert isinstance(fast, Survey | str)


# -- Choosing late: a breakdown chosen after reading is the one chosen when reading ---------


def _records(rows: list[tuple[list[int | None], str, str]]) -> list[dict[str, object]]:
    return [
        {**dict(zip(NAMES, answers, strict=True)), "Layanan": layanan, "Kota": kota}
        for answers, layanan, kota in rows
    ]


@budget(0.5)
@given(grouped_respondents, breakdowns, lenient_policies, chunks)
def test_choosing_by_late_equals_choosing_it_when_reading(
    rows: list[tuple[list[int | None], str, str]],
    by: list[str],
    missing: MissingPolicy,
    chunk: int,
) -> None:
    """The group tallies and the breakdown are the same whether ``by`` is named when
    reading or only when scoring, whatever the chunk size of the reader."""
    records = _records(rows)
    with chunked(chunk):
        early = read_survey(records, missing=missing, by=by)
    late = read_survey(records, missing=missing)
    assert early.tallies(by) == late.tallies(by)
    assert early.tally == late.tally
    if late.respondents and not late.tally.unanswered:
        assert early.score(by=by) == late.score(by=by)


@budget(0.5)
@given(grouped_respondents, breakdowns, lenient_policies)
def test_each_group_is_the_survey_of_its_own_rows(
    rows: list[tuple[list[int | None], str, str]], by: list[str], missing: MissingPolicy
) -> None:
    """A group's tally is the tally of reading only its rows, and the groups together are
    the pooled survey (each counted row is in exactly one group)."""
    records = _records(rows)
    survey = read_survey(records, missing=missing)
    tallies = survey.tallies(by)
    columns = [{"layanan": "Layanan", "layanan.": "Layanan"}.get(c.lower(), "Kota") for c in by]
    own: dict[str, list[dict[str, object]]] = {}
    for record in records:
        key = " × ".join(str(record[c]).strip() for c in columns)
        own.setdefault(key, []).append(record)
    expected = {key: read_survey(part, missing=missing).tally for key, part in own.items()}
    counted = {key: t for key, t in expected.items() if t.respondents}
    assert {k: attrs.evolve(t, dropped=0) for k, t in counted.items()} == tallies
    if tallies:
        assert Tally.merge(tallies.values()) == attrs.evolve(survey.tally, dropped=0)


@given(grouped_respondents)
def test_mappings_rows_and_csv_give_the_same_survey(
    rows: list[tuple[list[int | None], str, str]],
) -> None:
    """Mappings, rows under their header, and the same rows as CSV bytes or a binary file
    object: one survey."""
    records = _records(rows)
    header = [*NAMES, "Layanan", "Kota"]
    cells = [["" if c is None else str(c) for c in r.values()] for r in records]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *cells])
    per_unsur = MissingPolicy.PER_UNSUR
    from_mappings = read_survey(records, missing=per_unsur, source_name="s")
    assert read_survey([header, *cells], missing=per_unsur, source_name="s") == from_mappings
    data = buffer.getvalue().encode()
    assert read_survey(data, missing=per_unsur, source_name="s") == from_mappings
    assert read_survey(io.BytesIO(data), missing=per_unsur, source_name="s") == from_mappings
