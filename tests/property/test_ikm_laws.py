"""Laws of IKM scoring (Hypothesis)."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, PpidError
from ppid_core.ikm import (
    MissingPolicy,
    Regime,
    Survey,
    Tally,
    from_rows,
    load_regime,
    read_records,
    score,
)
from ppid_core.ikm import _read as ikm_read
from ppid_core.ikm._csv import read_csv_file

R = load_regime()
NAMES = [u.name for u in R.unsur]
MUTU_RANK = {"D": 0, "C": 1, "B": 2, "A": 3}

answers = st.lists(st.integers(1, 4), min_size=9, max_size=9)
respondents = st.lists(answers, min_size=1, max_size=40)
# Rows per chunk of the validating reader: small, so that a few rows already span several
# chunks and a bad cell sends only its own chunk to the row-by-row path (the default,
# 32,768, is never reached by tests of this size).
chunks = st.integers(1, 5)


# Incomplete questionnaires: a blank (None) is allowed, but every row answers something.
sparse_answers = st.lists(st.one_of(st.integers(1, 4), st.none()), min_size=9, max_size=9).filter(
    lambda row: any(a is not None for a in row)
)
sparse_respondents = st.lists(sparse_answers, min_size=0, max_size=30)
lenient = st.sampled_from([MissingPolicy.PER_UNSUR, MissingPolicy.DROP])


def _tally(
    rows: list[list[int]] | list[list[int | None]],
    missing: MissingPolicy = MissingPolicy.REFUSE,
    chunk: int | None = None,
) -> Tally:
    """The tally of ``rows``, read ``chunk`` rows at a time (the module's size if None)."""
    with mock.patch.object(ikm_read, "_CHUNK", chunk or ikm_read._CHUNK):
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


@given(st.lists(respondents, min_size=1, max_size=5), chunks)
def test_merging_tallies_equals_scoring_the_union(parts: list[list[list[int]]], chunk: int) -> None:
    union = [row for part in parts for row in part]
    merged = Tally.merge(_tally(p, chunk=chunk) for p in parts)
    assert merged == _tally(union)
    assert score(merged, R) == score(_tally(union, chunk=chunk), R)


@given(respondents, respondents, respondents)
def test_merge_is_associative_and_commutative(
    a: list[list[int]], b: list[list[int]], c: list[list[int]]
) -> None:
    ta, tb, tc = _tally(a), _tally(b), _tally(c)
    assert (ta + tb) + tc == ta + (tb + tc)
    assert ta + tb == tb + ta


@given(st.lists(sparse_respondents, min_size=1, max_size=5), lenient, chunks)
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


# -- Reading laws: the result never depends on how the input is cut -----------------------

TWO = Regime.from_yaml(
    """\
key: two
title: Two unsur, labelled
unsur:
  - {key: a, name: A, answers: [Buruk, Cukup, Baik, Prima]}
  - {key: b, name: B}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "65.00", upper: "100.00"}
"""
)
CELLS = ["1", "2", "3", "4", "4", "3", "", " ", "5", "x", "Baik", " prima ", "L1", "L2"]
cells = st.sampled_from(CELLS)
record = st.lists(cells, min_size=0, max_size=5)  # short, right (3) and long rows


@given(st.lists(record, max_size=12), chunks, st.sampled_from(list(MissingPolicy)))
def test_the_chunk_size_changes_nothing(
    rows: list[list[str]], chunk: int, missing: MissingPolicy
) -> None:
    """Valid and invalid rows, read in chunks of 1-5 rows or all at once: the same survey
    or the same located errors (a chunk with a bad cell is re-read row by row)."""

    def outcome(size: int) -> object:
        with mock.patch.object(ikm_read, "_CHUNK", size):
            try:
                return read_records(
                    ["A", "B", "Layanan"], rows, regime=TWO, missing=missing, by=["layanan"]
                )
            except DataFileError as exc:
                return exc.report()

    assert outcome(chunk) == outcome(32_768)


# Pieces of CSV text: cells, delimiters (also inside quotes), quotes, and every line end.
PIECES = [
    "1", "2", "3", "4", "4", "Baik", "x", " ", "L1",
    ",", ",", ",", ";",
    "\n", "\n", "\r\n", "\r", "\n\n",
    '"', '""', '"2,3"', '"L\nL"', '"a\r\nb"', '"4"',
    "\x0b", "\u2028",
]  # fmt: skip
HEADERS = ["A,B,Layanan", '"A",B,Layanan', "A;B;Layanan", "B,A", "A,B,Layanan,Extra"]
ENDS = ["\n", "\r\n", "\r"]
# Cells of a row: answers (a few invalid) under A and B, group labels elsewhere, possibly
# quoted, with a delimiter, a quote or a line break inside.
ANSWERS = ["1", "2", "3", "4", "4", "3", '"4"', "Prima", " cukup ", "", "5"]
LABELS = ["L1", "", '"L,2"', '"L""3"', '"L\r\n4"', "L;5"]
KINDS = ["row"] * 6 + ["short", "long", "blank", "junk"]


@st.composite
def text_files(draw: st.DrawFn) -> tuple[str, str]:
    """(header, body): rows of the header's width, short or long rows and blank lines,
    with junk pieces between them."""
    header = draw(st.sampled_from(HEADERS))
    delim = ";" if ";" in header else ","
    names = [h.strip('"') for h in header.split(delim)]
    clean = draw(st.booleans())  # half the files have only good rows: a survey to compare
    answers = ANSWERS[:7] if clean else ANSWERS
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = "row" if clean else draw(st.sampled_from(KINDS))
        if kind == "junk":
            lines.append("".join(draw(st.lists(st.sampled_from(PIECES), max_size=6))))
            continue
        n = {"row": len(names), "short": len(names) - 1, "long": len(names) + 1, "blank": 0}
        cells = [
            draw(st.sampled_from(answers if name in {"A", "B"} else LABELS))
            for name in ([*names, "Extra"])[: n[kind]]
        ]
        lines.append(delim.join(cells) + draw(st.sampled_from(ENDS)))
    return header + draw(st.sampled_from(ENDS)), "".join(lines)


def _read_file(path: Path, *, block: int, chunk: int, csv_module: bool, by: list[str]) -> object:
    try:
        return read_csv_file(
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
        )
    except DataFileError as exc:
        return exc.report()
    except PpidError as exc:  # a by column the header lacks
        return f"{type(exc).__name__}: {exc}"


@given(text_files(), st.integers(1, 16), chunks)
def test_the_fast_csv_path_agrees_with_the_csv_module(
    file: tuple[str, str], block: int, chunk: int
) -> None:
    """Any small file (quotes, CR, CRLF, delimiters in cells, blank lines, short and long
    rows), read block by block (1-16 characters, so the switch to the csv module comes
    mid-file) and by the csv module alone: the same survey or the same located errors."""
    header, body = file
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.csv"
        path.write_bytes((header + body).encode())
        by = ["Layanan"] if "Layanan" in header else []
        fast = _read_file(path, block=block, chunk=chunk, csv_module=False, by=by)
        slow = _read_file(path, block=block, chunk=chunk, csv_module=True, by=by)
        whole = _read_file(path, block=1 << 22, chunk=32_768, csv_module=False, by=by)
    assert fast == slow
    assert fast == whole
    assert isinstance(fast, Survey | str)
