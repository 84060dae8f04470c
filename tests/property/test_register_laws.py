"""Laws of the register reader (Hypothesis).

- The column-wise reading (chunks checked column by column) and the row-by-row reading
  give the same :class:`Register`, or the same located errors in the same order, whatever
  the chunk size; small chunks (2-4 rows) make the generated registers switch between
  the two inside one file.
- Any CSV text, indeed any bytes, give a register or a :class:`DataFileError`, never
  another exception (issue 9: non-UTF-8 files and ``_csv.Error`` ended in tracebacks).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.requests import Register, load_register
from ppid_core.requests._register import _parse
from tests.property.strategies import register_bytes, register_rows, register_texts

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="WITA")


def outcome(rows: Sequence[Sequence[str]], **kw: object) -> Register | list[str]:
    try:
        return _parse(rows, source="r.csv", calendar=CAL, **kw)  # type: ignore[arg-type]
    except DataFileError as exc:
        return [str(e) for e in exc.exceptions]


@given(rows=register_rows())
def test_column_wise_and_row_wise_readings_agree(rows: list[list[str]]) -> None:
    one_by_one = outcome(rows, column_wise=False)
    for chunk in (2, 3, 4):  # every chunk size: a boundary after any row
        assert outcome(rows, chunk_size=chunk) == one_by_one, chunk
    assert outcome(rows) == one_by_one  # the default chunk: one chunk for these


def read_bytes(data: bytes) -> Register | DataFileError:
    """The register of ``data`` written as a CSV file, or its located errors."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        path.write_bytes(data)
        try:
            return load_register(path, calendar=CAL)
        except DataFileError as exc:
            return exc


def check(result: Register | DataFileError) -> None:
    """A register, or errors located in the file read (a line or a row of it)."""
    if isinstance(result, DataFileError):
        assert result.exceptions
        for e in result.exceptions:
            assert isinstance(e, LocatedError), e
            assert e.source == "register.csv", e
            assert e.line is not None or e.row is not None, e
    else:
        assert isinstance(result, Register)


@given(text=register_texts, semicolons=st.booleans())
def test_any_csv_text_gives_a_register_or_located_errors(text: str, semicolons: bool) -> None:
    # anything else (a traceback) fails the test by propagating out of read_bytes
    result = read_bytes((text.replace(",", ";") if semicolons else text).encode("utf-8"))
    check(result)


@given(data=register_bytes)
def test_any_bytes_give_a_register_or_located_errors(data: bytes) -> None:
    check(read_bytes(data))
