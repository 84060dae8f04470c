"""Laws of the register reader (Hypothesis).

- The column-wise reading (chunks checked column by column) and the row-by-row reading
  give the same [`Register`][ppid_core.requests.Register] (warnings included), or the same
  located errors in the same order, whatever the chunk size; small chunks (2-4 rows) make
  the generated registers switch between the two inside one file. Issue 10: also with
  title rows above the header (header detection) and a column chosen by the caller
  (``columns=``, ``--map``).
- Renaming the headers by case, blanks and punctuation changes nothing but the names the
  register reports for its columns: not a value, not a warning, not a figure of the report.
- Any CSV text, indeed any bytes, give a register or a :class:`DataFileError`, never
  another exception (issue 9: non-UTF-8 files and ``_csv.Error`` ended in tracebacks).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.requests import DecisionTable, Layout, Register, load_register, service_report
from ppid_core.requests._layouts import check_columns
from ppid_core.requests._register_model import COLUMN_FIELDS
from ppid_core.requests._register_parse import parse_rows
from tests.property.strategies import budget, register_bytes, register_rows, register_texts

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="WITA")
LAYOUTS = tuple(Layout.bundled(n) for n in Layout.bundled_names())


def outcome(
    rows: Sequence[Sequence[str]], columns: dict[str, str] | None = None, **kw: Any
) -> Register | list[str]:
    try:
        return parse_rows(
            rows,
            source="r.csv",
            calendar=CAL,
            layouts=LAYOUTS,
            chosen=check_columns(columns or {}),
            decisions=DecisionTable.bundled(),
            **kw,
        )
    except DataFileError as exc:
        return [str(e) for e in exc.exceptions]


@given(rows=register_rows())
def test_column_wise_and_row_wise_readings_agree(rows: list[list[str]]) -> None:
    one_by_one = outcome(rows, column_wise=False)
    for chunk in (2, 3, 4):  # every chunk size: a boundary after any row
        assert outcome(rows, chunk_size=chunk) == one_by_one, chunk
    assert outcome(rows) == one_by_one  # the default chunk: one chunk for these


#: Rows offices put above the header: a title (in its first cell, or spread), blank rows.
_ABOVE = st.lists(
    st.sampled_from(
        [
            ["REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2024"],
            [""],
            ["", "", ""],
            ["KPU", "", "2024"],
        ]
    ),
    max_size=3,
)


@given(rows=register_rows(), above=_ABOVE, data=st.data())
@budget(0.5)
def test_readings_agree_with_title_rows_and_a_chosen_column(
    rows: list[list[str]], above: list[list[str]], data: st.DataObject
) -> None:
    header = rows[0]
    named = [i for i, name in enumerate(header) if name]
    columns: dict[str, str] = {}
    if data.draw(st.booleans()):  # rename a column and choose it for its field by its name
        i = data.draw(st.sampled_from(named))
        field = data.draw(st.sampled_from(["received", "unit", "decision", "responded"]))
        rows = [["Kolom Pilihan" if j == i else c for j, c in enumerate(header)], *rows[1:]]
        columns = {"KOLOM  pilihan": field}
    rows = [*above, *rows]
    one_by_one = outcome(rows, columns, column_wise=False)
    for chunk in (2, 3):
        assert outcome(rows, columns, chunk_size=chunk) == one_by_one, chunk
    assert outcome(rows, columns) == one_by_one


def _renamed(name: str, style: int) -> str:
    """A header as another office types it: upper or lower case, blanks, punctuation."""
    if not name:
        return name
    if style == 0:
        return name.upper()
    if style == 1:
        return "  " + name.lower().replace(" ", "   ") + " "
    if style == 2:
        return name.replace(" ", "_").replace("/", " / ")
    return name.title().replace(".", "")


def _row(error: str) -> str:
    """The row an error is located at (its column is named as written)."""
    found = re.search(r": row (\d+)", error)
    return found[1] if found else error


def _data(reg: Register) -> dict[str, Any]:
    """What a register holds, without the names it gives its columns."""
    return {
        **{name: getattr(reg, name) for name in COLUMN_FIELDS},
        "fields": reg.fields,
        "layout": reg.layout,
        "header_row": reg.header_row,
        "header_rows": reg.header_rows,
        "blank_rows": reg.blank_rows,
        "repairs": [attrs.evolve(r, column="") for r in reg.repairs],
        "warnings": [(w.row, w.field, w.message) for w in reg.warnings],
        "ignored": len(reg.ignored_columns),
    }


def _figures(reg: Register) -> dict[str, Any]:
    report = service_report(reg, CAL, as_of=dt.date(2025, 1, 6)).to_dict()
    for key in ("notes", "provenance", "warnings"):  # they name the columns as written
        report.pop(key)
    return report


@given(rows=register_rows(), styles=st.lists(st.integers(0, 3), min_size=30, max_size=30))
@budget(0.5)
def test_renaming_headers_by_case_and_blanks_changes_no_value(
    rows: list[list[str]], styles: list[int]
) -> None:
    header = rows[0]
    renamed = [_renamed(name, styles[i]) for i, name in enumerate(header)]
    # a page-break repeat of the header is written as the header is
    again = [renamed if row == header else row for row in rows[1:]]
    before, after = outcome(rows), outcome([renamed, *again])
    if isinstance(before, list) or isinstance(after, list):
        assert isinstance(before, list)
        assert isinstance(after, list)
        assert [_row(e) for e in before] == [_row(e) for e in after]
        return
    assert _data(after) == _data(before)
    assert _figures(after) == _figures(before)


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
