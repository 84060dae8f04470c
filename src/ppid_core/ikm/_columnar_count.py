"""Counting a polars frame of respondents as the pure reader counts its rows.

The pure reader (`ppid_core.ikm._reader`) counts a column of one-digit scores with
``str.count`` on the joined column, and looks every other distinct value up once. Here
polars joins and counts the column (C speed, no Python object per cell), and the
distinct values go through the same [`Answers.score()`][ppid_core.ikm._answers.Answers.score]
the pure reader uses. The kept columns are coded as
[`KeptColumn.from_raw()`][ppid_core.ikm._columns.KeptColumn.from_raw] codes them: the
cell text stripped (Python's ``str.strip``), the distinct texts sorted. A value that is
not an answer makes [`count_frame()`][count_frame] give up (``None``): the caller then
reads the file with the pure reader, which locates it.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from typing import Any

from ppid_core._optional import import_optional
from ppid_core.ikm._columns import KEEP_LIMIT, Coder, KeptColumn, Responses, typecode
from ppid_core.ikm._open import Opened
from ppid_core.ikm._reader import Reader
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = ["WHITESPACE", "count_frame"]

_DIGIT_SCORES = bytes.maketrans(b"0123456789", bytes(range(10)))
#: Every character ``str.strip()`` removes (``str.isspace``), for polars' ``strip_chars``.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _joined(column: Any) -> str:
    """The cells of a string column joined into one string (in polars)."""
    return str(column.str.join("").item())


def _score_column(
    column: Any, reader: Reader, j: int, *, digits: Sequence[int] | None, keep: bool
) -> tuple[int, bytes] | None:
    """(sum of scores, per-row score bytes if ``keep``) of unsur ``j``'s column, or
    ``None`` when a cell is not an answer (a blank included). ``digits``: when every
    cell is one byte, the count of each of the scale's digits."""
    n = len(column)
    if digits is not None and sum(digits) == n:  # every cell a digit of the scale
        total = sum(int(d) * c for d, c in zip(reader.digits, digits, strict=True))
        kept = _joined(column).encode("ascii").translate(_DIGIT_SCORES) if keep else b""
        return total, kept
    counted = column.value_counts()
    values, tallies = counted.to_series(0).to_list(), counted.to_series(1).to_list()
    read = [reader.answers.score(j, value) for value in values]
    scores = [s for s in read if s is not None]
    if len(scores) != len(read):
        return None
    total = sum(s * c for s, c in zip(scores, tallies, strict=True))
    if not keep:
        return total, b""
    as_bytes = [chr(s) for s in scores]  # one byte each: scores are at most 99
    mapped = column.replace_strict(values, as_bytes, return_dtype=column.dtype)
    return total, _joined(mapped).encode("latin-1")


def _digit_counts(frame: Any, reader: Reader, single: Sequence[bool]) -> dict[int, list[int]]:
    """Per unsur column whose cells are all one byte long: the count of each digit of the
    scale (one pass of polars over all of them)."""
    pl = import_optional("polars", "polars")
    columns = [i for i in reader.idx if single[i]] if reader.digits else []
    if not columns:
        return {}
    names = frame.columns
    found = frame.select(
        (pl.col(names[i]) == d).sum().alias(f"{i}:{d}") for i in columns for d in reader.digits
    ).row(0)
    k = len(reader.digits)
    return {i: list(found[n * k : (n + 1) * k]) for n, i in enumerate(columns)}


def _code_column(column: Any, coder: Coder) -> tuple[KeptColumn | None, dict[str, int]]:
    """The column kept (or ``None``: too many values) and, if the coder counts it (a
    profile column), its stripped values' counts, sorted."""
    if not coder.required and not coder.counted:
        stripped = column.str.strip_chars(WHITESPACE)
        if stripped.n_unique() > KEEP_LIMIT:
            return None, {}
    counted = column.value_counts()
    values, tallies = counted.to_series(0).to_list(), counted.to_series(1).to_list()
    texts = [value.strip() for value in values]
    labels = sorted(set(texts))
    counts: dict[str, int] = dict.fromkeys(labels, 0)
    for text, count in zip(texts, tallies, strict=True):
        counts[text] += count
    if len(labels) > KEEP_LIMIT and not coder.required:
        return None, counts if coder.counted else {}
    position = {label: i for i, label in enumerate(labels)}
    code = typecode(len(labels))
    width = array(code).itemsize
    as_bytes = [position[text].to_bytes(width, sys.byteorder).decode("latin-1") for text in texts]
    mapped = column.replace_strict(values, as_bytes, return_dtype=column.dtype)
    codes = array(code)
    codes.frombytes(_joined(mapped).encode("latin-1"))
    return KeptColumn.from_raw(coder.name, labels, codes), counts if coder.counted else {}


def _typed_totals(frame: Any, reader: Reader) -> list[int]:
    """The sum of each unsur's ``UInt8`` column (every cell checked: a digit of the scale)."""
    pl = import_optional("polars", "polars")
    names = frame.columns
    return list(frame.select(pl.col(names[i]).cast(pl.UInt64).sum() for i in reader.idx).row(0))


def count_frame(
    frame: Any, opened: Opened, *, single: Sequence[bool], typed: bool, notes: Sequence[str]
) -> Survey | None:
    """The survey of ``frame`` (the data rows of ``opened``'s file, every cell text, one
    column per header column), or ``None`` when a cell is not an answer.

    Args:
        frame: The polars frame, columns in header order.
        opened: The file's opening: its plan and a fresh wide-layout reader.
        single: Per column, whether every cell is one byte long.
        typed: Whether the unsur columns are ``UInt8``, every cell checked to be one digit
            of the scale (else they are text, checked here).
        notes: What the reading assumed about the file (its encoding).
    """
    reader = opened.reader
    assert isinstance(reader, Reader)  # noqa: S101 - the caller sends only wide layouts
    n = frame.height
    kept: list[KeptColumn] = []
    counts: dict[int, dict[str, int]] = {}
    for i, coder in reader.coders.items():
        column, counted = _code_column(frame.to_series(i), coder)
        if column is not None:
            kept.append(column)
        counts[i] = counted
    totals: list[int] = []
    scores: list[bytes] = []
    if typed:
        totals = _typed_totals(frame, reader)
        if kept:
            pl = import_optional("polars", "polars")
            scores = [
                _joined(frame.to_series(i).cast(pl.String)).encode("ascii").translate(_DIGIT_SCORES)
                for i in reader.idx
            ]
    digits = {} if typed else _digit_counts(frame, reader, single)
    for j, i in enumerate(reader.idx if not typed else ()):
        column = frame.to_series(i)
        scored = _score_column(column, reader, j, digits=digits.get(i), keep=bool(kept))
        if scored is None:
            return None
        totals.append(scored[0])
        scores.append(scored[1])
    plan = opened.plan
    first = opened.first_row
    tally = Tally(
        keys=reader.regime.keys,
        totals=totals,
        answered=[n] * len(totals),
        respondents=n,
        dropped=0,
    )
    responses = Responses(
        header=tuple(h.strip() for h in reader.header),
        scores=tuple(scores) if kept else (),
        columns=tuple(kept),
        rows=array("I", range(first, first + n) if plan.date is not None else ()),
    )
    return Survey(
        regime=reader.regime,
        source=reader.source,
        tally=tally,
        profile={name: counts[i] for name, i in reader.profile_idx.items()},
        responses=responses,
        by=tuple(opened.by_names),
        date_column=None if plan.date is None else reader.header[plan.date].strip(),
        header_row=opened.header_row,
        layout=plan.layout,
        notes=(*notes, *plan.notes),
    )
