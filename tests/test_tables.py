"""The shared table renderer and JSON conversion."""

from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from ppid_core._tables import Table, dumps_json, jsonable


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
    assert t.to_csv() == 'a,b\n"x,y",2025-04-22\nya,0.25\n'


def test_row_width_checked() -> None:
    with pytest.raises(ValueError, match=r"row 0 has 1 cells; the table has 2 columns"):
        Table(columns=("a", "b"), rows=[(1,)])


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
        "f": pytest.approx(2 / 3),
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
