"""Hypothesis strategies shared by the laws, and the budget a costly law is given.

The law modules draw their inputs from here: dates inside the bundled holiday data,
cuti-bersama flags, request lifecycles, IKM answers and CSV text, register rows, RB plan
fragments and one-character corruptions. What a law checks against (a naive loop, an
outcome function) stays beside the law.

Budgets: ``make test`` loads the ``ci`` profile and ``make test-all`` the ``long`` one
(``tests/conftest.py``). A law that costs more per example than most takes a share of the
loaded profile's ``max_examples`` with :func:`budget`, so the long run scales it too.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from hypothesis import settings
from hypothesis import strategies as st

from ppid_core.calendar import HolidayYear
from ppid_core.ikm import MissingPolicy, parse_regime
from ppid_core.rb import ActionPlan, Activity, AreaPlan, Framework, SubActivity
from ppid_core.requests import Column
from ppid_core.requests._register_layout import UNIT_SPLIT

__all__ = [
    "ACTIONS",
    "BAD_CELLS",
    "FIRST",
    "GOOD_CELLS",
    "LAST",
    "TWO",
    "ByteChange",
    "CharEdit",
    "answers",
    "breakdowns",
    "budget",
    "byte_changes",
    "calendar_dates",
    "char_edits",
    "chunks",
    "cuti_bersama",
    "decreed_dates",
    "estimated_dates",
    "grouped_respondents",
    "ikm_csv_files",
    "ikm_records",
    "lenient_policies",
    "plans",
    "register_bytes",
    "register_rows",
    "register_texts",
    "request_dates",
    "respondents",
    "rule_sets",
    "sparse_answers",
    "sparse_respondents",
    "transitions",
]


def budget(share: float) -> settings:
    """Settings giving a law ``share`` of the loaded profile's ``max_examples`` (at least 10)."""
    return settings(max_examples=max(10, round(settings().max_examples * share)))


# -- Calendar and requests --------------------------------------------------------------

FIRST, LAST = HolidayYear.bundled_names()[0], HolidayYear.bundled_names()[-1]
#: Dates early enough that adding 400 working days stays inside the bundled data.
calendar_dates = st.dates(dt.date(2016, 1, 1), dt.date(2025, 3, 31))
#: Receipt dates of a request whose lifecycle (at most 400 working days) stays in 2020-2026.
request_dates = st.dates(dt.date(2020, 1, 1), dt.date(2024, 6, 30))
#: Every date of the years a decree covers.
decreed_dates = st.dates(dt.date(FIRST, 1, 1), dt.date(LAST, 12, 31))
#: Those and the three years after them, which a calendar estimates on request.
estimated_dates = st.dates(dt.date(FIRST, 1, 1), dt.date(LAST + 3, 12, 31))
#: ``WorkCalendar.indonesia(cuti_bersama=...)``.
cuti_bersama = st.booleans()
#: The request rule sets that are bundled.
rule_sets = st.sampled_from(["uu_14_2008", "perki_1_2019"])

#: A request's transitions, as the lifecycle laws name them.
ACTIONS = ("extend", "decide", "keberatan", "answer", "sengketa", "settle")


def transitions(*, picks: int, max_size: int) -> st.SearchStrategy[list[tuple[str, int, int]]]:
    """Transitions ``(action, working days after the previous one, pick)``, legal or not;
    ``pick`` (``0 <= pick < picks``) chooses the decision a transition carries."""
    move = st.tuples(st.sampled_from(ACTIONS), st.integers(0, 40), st.integers(0, picks - 1))
    return st.lists(move, max_size=max_size)


# -- IKM --------------------------------------------------------------------------------

#: One questionnaire of the default regime's 9 unsur, every one answered.
answers = st.lists(st.integers(1, 4), min_size=9, max_size=9)
respondents = st.lists(answers, min_size=1, max_size=40)
#: Incomplete questionnaires: a blank (None) is allowed, but every row answers something.
sparse_answers = st.lists(st.one_of(st.integers(1, 4), st.none()), min_size=9, max_size=9).filter(
    lambda row: any(a is not None for a in row)
)
sparse_respondents = st.lists(sparse_answers, min_size=0, max_size=30)
lenient_policies = st.sampled_from([MissingPolicy.PER_UNSUR, MissingPolicy.DROP])
#: Values of a group column: the same group written with blanks around it, blank groups.
_GROUPS = st.sampled_from(["A", " A", "A ", "B", "", " ", "Konsultasi/ Mediasi", "7"])
#: Incomplete questionnaires with their ``Layanan`` and ``Kota`` cells.
grouped_respondents = st.lists(st.tuples(sparse_answers, _GROUPS, _GROUPS), min_size=1, max_size=30)
#: Breakdowns by those columns, named as a user may write them.
breakdowns = st.sampled_from([["Layanan"], ["Kota"], ["Layanan", "Kota"], ["kota", "LAYANAN."]])
#: Rows per chunk of the validating reader: small, so that a few rows already span several
#: chunks and a bad cell sends only its own chunk to the row-by-row path (the default,
#: 32,768, is never reached by inputs of this size).
chunks = st.integers(1, 5)

#: The regime the text strategies below write answers for: two unsur, labelled answers.
TWO = parse_regime(
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
_CELLS = ["1", "2", "3", "4", "4", "3", "", " ", "5", "x", "Baik", " prima ", "L1", "L2"]
#: Records under the header ``A, B, Layanan``: short, right (3) and long rows.
ikm_records = st.lists(st.sampled_from(_CELLS), min_size=0, max_size=5)

# Pieces of CSV text: cells, delimiters (also inside quotes), quotes, and every line end.
_PIECES = [
    "1", "2", "3", "4", "4", "Baik", "x", " ", "L1",
    ",", ",", ",", ";",
    "\n", "\n", "\r\n", "\r", "\n\n",
    '"', '""', '"2,3"', '"L\nL"', '"a\r\nb"', '"4"',
    "\x0b", "\u2028",
]  # fmt: skip
_HEADERS = ["A,B,Layanan", '"A",B,Layanan', "A;B;Layanan", "B,A", "A,B,Layanan,Extra"]
_ENDS = ["\n", "\r\n", "\r"]
# Cells of a row: answers (a few invalid) under A and B, group labels elsewhere, possibly
# quoted, with a delimiter, a quote or a line break inside.
_ANSWERS = ["1", "2", "3", "4", "4", "3", '"4"', "Prima", " cukup ", "", "5"]
_LABELS = ["L1", "", '"L,2"', '"L""3"', '"L\r\n4"', "L;5"]
_KINDS = ["row"] * 6 + ["short", "long", "blank", "junk"]


@st.composite
def ikm_csv_files(draw: st.DrawFn) -> tuple[str, str]:
    """(header, body) of a small survey file for :data:`TWO`: rows of the header's width,
    short or long rows and blank lines, with junk pieces between them."""
    header = draw(st.sampled_from(_HEADERS))
    delim = ";" if ";" in header else ","
    names = [h.strip('"') for h in header.split(delim)]
    clean = draw(st.booleans())  # half the files have only good rows: a survey to compare
    answers = _ANSWERS[:7] if clean else _ANSWERS
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = "row" if clean else draw(st.sampled_from(_KINDS))
        if kind == "junk":
            lines.append("".join(draw(st.lists(st.sampled_from(_PIECES), max_size=6))))
            continue
        n = {"row": len(names), "short": len(names) - 1, "long": len(names) + 1, "blank": 0}
        cells = [
            draw(st.sampled_from(answers if name in {"A", "B"} else _LABELS))
            for name in ([*names, "Extra"])[: n[kind]]
        ]
        lines.append(delim.join(cells) + draw(st.sampled_from(_ENDS)))
    return header + draw(st.sampled_from(_ENDS)), "".join(lines)


# -- Request registers ------------------------------------------------------------------

#: Per column: cells that read well.
GOOD_CELLS: dict[str, list[str]] = {
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
#: Per column: cells with something to report or to skip.
BAD_CELLS: dict[str, list[str]] = {
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
def _headers(draw: st.DrawFn) -> list[str]:
    """A header: the required columns and some others, in any order; at times a column twice."""
    optional = draw(st.lists(st.sampled_from(Column.OPTIONAL), unique=True, max_size=4))
    extra = draw(st.lists(st.sampled_from(["Catatan", "", "", Column.EMAIL]), max_size=2))
    columns = [*Column.REQUIRED, *optional, *extra]
    return draw(st.permutations(columns))


_ROW_DAMAGE = ["bad", "bad", "header", "split", "split", "blank", "short", "long", "unnamed"]


@st.composite
def register_rows(draw: st.DrawFn) -> list[list[str]]:
    """A header and up to 16 good rows, a few of them made bad, blank, short, long or a header.

    Mostly good rows make most chunks clean (read column-wise); the few others send their
    chunk to the row-by-row reading, so one file switches between the two.
    """
    header = draw(_headers())
    rows = [
        [draw(st.sampled_from(GOOD_CELLS[c])) for c in header]
        for _ in range(draw(st.integers(0, 16)))
    ]
    for _ in range(draw(st.integers(0, 3)) if rows else 0):
        at = draw(st.integers(0, len(rows) - 1))
        kind = draw(st.sampled_from(_ROW_DAMAGE))
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
            row[column] = draw(st.sampled_from(BAD_CELLS[header[column]]))
        elif kind == "unnamed":  # a cell under an empty header cell, if there is one
            for i, name in enumerate(header[: len(row)]):
                if not name:
                    row[i] = "x"
        elif kind == "short":
            rows[at] = row[: draw(st.integers(1, len(header) - 1))]
        else:  # cells beyond the header: empty ones are ignored, others reported
            row += draw(st.lists(st.sampled_from(["", "x", "a@example.org"]), min_size=1))
    return [header, *rows]


_HEADER = ",".join(Column.REQUIRED) + "," + ",".join(Column.OPTIONAL)
_TOKENS = [",", ";", '"', "\r", "\n", "\t", "No", " ", "x", "1", "4 Juni 2024", "\x00", "\ufeff"]
#: Any text, CSV-like token soup, and both after a full header or inside a first row.
register_texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_TOKENS), max_size=120).map("".join),
    st.text(max_size=300).map(lambda t: f"{_HEADER}\n{t}"),
    st.lists(st.sampled_from(_TOKENS), max_size=80)
    .map("".join)
    .map(lambda t: f"{_HEADER}\n1,KPU,Konsultasi,Data,{t}"),
)
#: Any bytes, after a header too, and text in UTF-16 and in cp1252.
register_bytes = st.one_of(
    st.binary(max_size=400),
    st.binary(max_size=200).map(lambda b: _HEADER.encode() + b"\n" + b),
    st.text(max_size=200).map(lambda t: f"{_HEADER}\n{t}".encode("utf-16")),
    st.text(max_size=200).map(lambda t: f"{_HEADER}\n{t}".encode("cp1252", "replace")),
)


# -- RB plans and corruption ------------------------------------------------------------

_AREAS = [a.key for a in Framework.bundled().areas]
_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).filter(lambda s: s.strip() == s and bool(s))
_months = st.lists(st.integers(1, 12), unique=True).map(lambda ms: tuple(sorted(ms)))
_subs = st.builds(
    SubActivity,
    name=_text,
    details=st.lists(_text, max_size=2).map(tuple),
    indikator=st.lists(_text, max_size=3).map(tuple),
    months=_months,
    target=st.none() | _text,
    team=st.none() | _text,
    keterangan=st.none() | _text,
)
_activities = st.builds(
    Activity, name=_text, sub_kegiatan=st.lists(_subs, min_size=1, max_size=3).map(tuple)
)


@st.composite
def plans(draw: st.DrawFn) -> ActionPlan:
    """An action plan of 1-3 areas, each with 1-2 kegiatan of 1-3 sub-kegiatan."""
    keys = draw(st.lists(st.sampled_from(_AREAS), min_size=1, max_size=3, unique=True))
    areas = tuple(
        AreaPlan(
            area=k,
            label=draw(st.sampled_from([None, Framework.bundled().area(k).name])),
            team=draw(st.none() | _text),
            kegiatan=tuple(draw(st.lists(_activities, min_size=1, max_size=2))),
        )
        for k in keys
    )
    return ActionPlan(
        year=draw(st.integers(2000, 2100)),
        unit=draw(_text),
        areas=areas,
        title=draw(st.none() | _text),
        decree=draw(st.none() | _text),
    )


class CharEdit(NamedTuple):
    """One character of a text replaced, inserted or deleted."""

    position: int
    how: str
    char: str

    def apply(self, text: str) -> str:
        """The edited text."""
        pos = self.position
        if self.how == "delete":
            return text[:pos] + text[pos + 1 :]
        if self.how == "insert":
            return text[:pos] + self.char + text[pos:]
        return text[:pos] + self.char + text[pos + 1 :]


# YAML's indicators and the characters that have broken parsers, then any other.
_YAML_CHARS = list(":-[]{},#&*!|>'\"%@` \t\n?0123456789aNo\x00\x07\u00a0\ufeff")


def char_edits(length: int) -> st.SearchStrategy[CharEdit]:
    """Edits of one character of a text of ``length`` characters."""
    return st.builds(
        CharEdit,
        position=st.integers(0, length - 1),
        how=st.sampled_from(["replace", "insert", "delete"]),
        char=st.sampled_from(_YAML_CHARS) | st.characters(codec="utf-8"),
    )


class ByteChange(NamedTuple):
    """One byte of a named file set to a value."""

    name: str
    position: int
    byte: int

    def apply(self, data: bytes) -> bytes:
        """The changed bytes."""
        raw = bytearray(data)
        raw[self.position] = self.byte
        return bytes(raw)


def byte_changes(files: dict[str, int]) -> st.SearchStrategy[ByteChange]:
    """Changes of one byte of one of ``files`` (name -> size in bytes)."""
    return st.sampled_from(sorted(files)).flatmap(
        lambda name: st.builds(
            ByteChange,
            name=st.just(name),
            position=st.integers(0, files[name] - 1),
            byte=st.integers(0, 255),
        )
    )
