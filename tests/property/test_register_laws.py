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

from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError
from ppid_core.requests import Column, Register, read_register
from ppid_core.requests._register import _parse
from ppid_core.requests._register_layout import UNIT_SPLIT

CAL = WorkCalendar.indonesia(zone="WITA")

# per column: cells that read well, and cells with something to report or to skip
GOOD: dict[str, list[str]] = {
    Column.NUMBER: ["1", "2", " 17 "],
    Column.UNIT: ["KPU Provinsi NTT", "Publik KPU Provinsi NTT"],
    Column.SERVICE: ["Layanan Konsultasi/ Mediasi", "Permohonan"],
    Column.INFORMATION: ["Data DPT", "Hasil Pemilu"],
    Column.RECEIVED: ["4 Juni 2024", "2024-06-05", "03-Sep-24", "07/10/2024", "2024-06-04 23:30"],
    Column.NAME: ["Ana", "Budi Santoso"],
    Column.PHONE: ["085339672120", ""],
    Column.EMAIL: ["a@example.org", ""],
    Column.RESPONDED: ["", "2024-12-20", "2024-08-01"],  # before some receipts: reported
    Column.EXTENDED: ["", "2024-12-10"],
    Column.DECISION: ["", "ditolak", "Diterima Seluruhnya"],
    Column.REFUSAL_REASON: ["", "Pasal 17 huruf h"],
    Column.KEBERATAN: ["", "2024-07-01"],
    Column.SENGKETA: ["", "2024-08-01"],
    "Catatan": ["", "catatan"],
    "": [""],
}
BAD: dict[str, list[str]] = {
    Column.NUMBER: ["No", ""],
    Column.UNIT: [UNIT_SPLIT, Column.UNIT, ""],
    Column.SERVICE: [Column.SERVICE, ""],
    Column.INFORMATION: [Column.INFORMATION, ""],
    Column.RECEIVED: [
        "31 Juni 2024",
        "kemarin",
        "03/09/24",
        "085339672120",
        "2031-01-02",
        "2024-06-04 25:00",
        Column.RECEIVED,
        "",
    ],
    Column.NAME: [Column.NAME, ""],
    Column.PHONE: [Column.PHONE],
    Column.EMAIL: [Column.EMAIL],
    Column.RESPONDED: ["2024-06-01", "bukan", Column.RESPONDED],
    Column.EXTENDED: ["2024-06-01", Column.EXTENDED],
    Column.DECISION: ["diterima penuh", Column.DECISION],
    Column.REFUSAL_REASON: [Column.REFUSAL_REASON],
    Column.KEBERATAN: ["31/02/2024", Column.KEBERATAN],
    Column.SENGKETA: ["x", Column.SENGKETA],
    "Catatan": ["Catatan"],
    "": ["085339672120"],
}


@st.composite
def headers(draw: st.DrawFn) -> list[str]:
    """A header: the required columns and some others, in any order; at times a column twice."""
    optional = draw(st.lists(st.sampled_from(Column.OPTIONAL), unique=True, max_size=4))
    extra = draw(st.lists(st.sampled_from(["Catatan", "", "", Column.EMAIL]), max_size=2))
    columns = [*Column.REQUIRED, *optional, *extra]
    return draw(st.permutations(columns))


KINDS = ["bad", "bad", "header", "split", "split", "blank", "short", "long", "unnamed"]


@st.composite
def registers(draw: st.DrawFn) -> list[list[str]]:
    """A header and up to 16 good rows, a few of them made bad, blank, short, long or a header.

    Mostly good rows make most chunks clean (read column-wise); the few others send their
    chunk to the row-by-row reading, so one file switches between the two.
    """
    header = draw(headers())
    rows = [
        [draw(st.sampled_from(GOOD[c])) for c in header] for _ in range(draw(st.integers(0, 16)))
    ]
    for _ in range(draw(st.integers(0, 3)) if rows else 0):
        at = draw(st.integers(0, len(rows) - 1))
        kind = draw(st.sampled_from(KINDS))
        row = rows[at]
        if kind == "header":
            rows[at] = list(header)
        elif kind == "split":  # a header split at a page break, then a row "Publik ..."
            rows[at] = [UNIT_SPLIT if c == Column.UNIT else c for c in header]
            unit = header.index(Column.UNIT)
            if at + 1 < len(rows) and unit < len(rows[at + 1]):
                rows[at + 1][unit] = "Publik KPU Provinsi NTT"
        elif kind == "blank":
            rows[at] = [""] * len(header)
        elif kind == "bad":
            column = draw(st.integers(0, min(len(header), len(row)) - 1))
            row[column] = draw(st.sampled_from(BAD[header[column]]))
        elif kind == "unnamed":  # a cell under an empty header cell, if there is one
            for i, name in enumerate(header[: len(row)]):
                if not name:
                    row[i] = "x"
        elif kind == "short":
            rows[at] = row[: draw(st.integers(1, len(header) - 1))]
        else:  # cells beyond the header: empty ones are ignored, others reported
            row += draw(st.lists(st.sampled_from(["", "x", "a@example.org"]), min_size=1))
    return [header, *rows]


def outcome(rows: Sequence[Sequence[str]], **kw: object) -> Register | list[str]:
    try:
        return _parse(rows, source="r.csv", calendar=CAL, **kw)  # type: ignore[arg-type]
    except DataFileError as exc:
        return [str(e) for e in exc.exceptions]


@given(rows=registers())
def test_column_wise_and_row_wise_readings_agree(rows: list[list[str]]) -> None:
    one_by_one = outcome(rows, column_wise=False)
    for chunk in (2, 3, 4):  # every chunk size: a boundary after any row
        assert outcome(rows, chunk_size=chunk) == one_by_one, chunk
    assert outcome(rows) == one_by_one  # the default chunk: one chunk for these


HEADER = ",".join(Column.REQUIRED) + "," + ",".join(Column.OPTIONAL)


TOKENS = [",", ";", '"', "\r", "\n", "\t", "No", " ", "x", "1", "4 Juni 2024", "\x00", "\ufeff"]


def read_bytes(data: bytes) -> Register | DataFileError:
    """The register of ``data`` written as a CSV file, or its located errors."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        path.write_bytes(data)
        try:
            return read_register(path, calendar=CAL)
        except DataFileError as exc:
            return exc


def check(result: Register | DataFileError) -> None:
    """A register, or located errors of the file read."""
    if isinstance(result, DataFileError):
        assert result.exceptions
        assert all(getattr(e, "source", None) == "register.csv" for e in result.exceptions)
    else:
        assert isinstance(result, Register)


@given(
    text=st.one_of(
        st.text(max_size=400),
        st.lists(st.sampled_from(TOKENS), max_size=120).map("".join),
        st.text(max_size=300).map(lambda t: f"{HEADER}\n{t}"),
        st.lists(st.sampled_from(TOKENS), max_size=80)
        .map("".join)
        .map(lambda t: f"{HEADER}\n1,KPU,Konsultasi,Data,{t}"),
    ),
    semicolons=st.booleans(),
)
def test_any_csv_text_gives_a_register_or_located_errors(text: str, semicolons: bool) -> None:
    # anything else (a traceback) fails the test by propagating out of read_bytes
    result = read_bytes((text.replace(",", ";") if semicolons else text).encode("utf-8"))
    check(result)


@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.binary(max_size=200).map(lambda b: HEADER.encode() + b"\n" + b),
        st.text(max_size=200).map(lambda t: f"{HEADER}\n{t}".encode("utf-16")),
        st.text(max_size=200).map(lambda t: f"{HEADER}\n{t}".encode("cp1252", "replace")),
    )
)
def test_any_bytes_give_a_register_or_located_errors(data: bytes) -> None:
    check(read_bytes(data))
