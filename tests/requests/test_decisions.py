"""Decision words as data: the bundled table, a user's table over it, and its errors."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.requests import DecisionKind
from ppid_core.requests._decisions import (
    DecisionTable,
    Unstated,
    load_decisions,
    parse_decisions,
)

BUNDLED = DecisionTable.bundled()


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        # the five labels the register reader knew before, as DecisionKind.label writes them
        *((k.label, k) for k in DecisionKind),
        ("Diterima", DecisionKind.GRANTED),
        ("Diterima seluruhnya", DecisionKind.GRANTED),
        ("Dikabulkan", DecisionKind.GRANTED),
        ("Dikabulkan seluruhnya", DecisionKind.GRANTED),
        ("Diberikan", DecisionKind.GRANTED),
        ("Informasi diberikan", DecisionKind.GRANTED),
        ("Diterima sebagian", DecisionKind.PARTIALLY_GRANTED),
        ("Dikabulkan sebagian", DecisionKind.PARTIALLY_GRANTED),
        ("Ditolak", DecisionKind.REFUSED),
        ("Tidak dikuasai", DecisionKind.NOT_HELD),
        ("Informasi tidak dikuasai", DecisionKind.NOT_HELD),
        ("Belum didokumentasikan", DecisionKind.NOT_DOCUMENTED),
        # words that state no decision
        ("Selesai", Unstated.HANDLED),
        ("Sudah dijawab", Unstated.HANDLED),
        ("Proses", Unstated.PENDING),
        ("Dalam proses", Unstated.PENDING),
        ("Diperpanjang", Unstated.PENDING),
        # compared as headers are: case, punctuation, blanks
        ("DITERIMA (SELURUHNYA)", DecisionKind.GRANTED),
        ("  diterima,   sebagian. ", DecisionKind.PARTIALLY_GRANTED),
        ("tidak_dikuasai", DecisionKind.NOT_HELD),
    ],
)
def test_bundled_words(word: str, meaning: DecisionKind | Unstated) -> None:
    assert BUNDLED.lookup(word) is meaning
    assert BUNDLED.read(word) is meaning


def test_a_word_that_only_says_handled_is_never_a_decision() -> None:
    # legal correctness: "Selesai" says the request was dealt with, not what was decided
    for word in BUNDLED.handled + BUNDLED.pending:
        assert not isinstance(BUNDLED.lookup(word), DecisionKind), word
    assert set(BUNDLED.decisions) == set(DecisionKind)


def test_unknown_words() -> None:
    # "diterima penuh" stays unknown: the register tests use it as the unknown decision
    assert BUNDLED.lookup("diterima penuh") is None
    assert BUNDLED.lookup("") is None
    with pytest.raises(InvalidArgumentError) as info:
        BUNDLED.read("diterima penuh")
    assert str(info.value) == (
        "unknown decision 'D. P.' (masked); expected a word of the decision table, e.g. "
        "diterima seluruhnya, diterima sebagian, ditolak, tidak dikuasai, "
        "belum didokumentasikan, or selesai (answered, decision not stated)"
    )
    with pytest.raises(InvalidArgumentError) as phone:
        BUNDLED.read("0853 3967 2120")
    assert str(phone.value).startswith("unknown decision '********2120' (masked); ")
    with pytest.raises(InvalidArgumentError) as empty:
        BUNDLED.read("  ")
    assert str(empty.value) == "empty decision"


def test_bundled_names() -> None:
    assert DecisionTable.bundled_names() == ("default",)
    assert DecisionTable.bundled("default") is BUNDLED
    with pytest.raises(UnknownNameError) as info:
        DecisionTable.bundled("kpu")
    assert str(info.value) == "unknown decision table 'kpu'; bundled: default"


# -- a user's table ---------------------------------------------------------------------------

OURS = """\
decisions:
  granted: [Diterima penuh, Diterima]
  refused: [Tidak diberikan]
handled: [Beres]
"""


def test_a_users_table_over_the_bundled_one() -> None:
    table = parse_decisions(OURS, extends=BUNDLED)
    assert table.lookup("diterima penuh") is DecisionKind.GRANTED
    assert table.lookup("Tidak diberikan") is DecisionKind.REFUSED
    assert table.lookup("beres") is Unstated.HANDLED
    assert table.lookup("Dikabulkan sebagian") is DecisionKind.PARTIALLY_GRANTED  # bundled
    # a word both list is kept once
    assert table.decisions[DecisionKind.GRANTED].count("Diterima") == 1
    assert table == BUNDLED.extended(parse_decisions(OURS))


def test_a_users_table_alone() -> None:
    table = parse_decisions(OURS)
    assert table.lookup("Beres") is Unstated.HANDLED
    assert table.lookup("Ditolak") is None
    assert table.pending == ()


@pytest.mark.parametrize(
    "file",
    [
        OURS.encode(),
        io.BytesIO(OURS.encode()),
    ],
)
def test_load_decisions_from_bytes_and_file_objects(file: bytes | io.BytesIO) -> None:
    assert load_decisions(file, extends=BUNDLED) == parse_decisions(OURS, extends=BUNDLED)


def test_load_decisions_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "keputusan.yaml"
    path.write_text(OURS, encoding="utf-8")
    assert load_decisions(path) == parse_decisions(OURS)
    path.write_text("handled: [Selesai]\npending: [selesai]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_decisions(path)
    assert [str(e) for e in info.value.exceptions] == [
        f"{path}:2:11 ($.pending[0]): 'selesai' is also listed under handled (line 1); "
        "a word names one decision only"
    ]


def _errors(text: str, *, extends: DecisionTable | None = None) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_decisions(text, source="d.yaml", extends=extends)
    return [str(e) for e in info.value.exceptions]


def test_every_problem_located_at_once() -> None:
    text = """\
decisions:
  granted: [Diterima, DITERIMA]
  refused: [Ditolak, "Diterima!"]
  maybe: [Mungkin]
  not_held: []
handled: ["...", Ditolak]
pending: Proses
"""
    assert _errors(text) == [
        "d.yaml:3:22 ($.decisions.refused[1]): 'Diterima!' is also listed under granted "
        "(line 2); a word names one decision only",
        "d.yaml:4:3 ($.decisions.maybe): unknown field 'maybe'; expected one of: granted, "
        "not_documented, not_held, partially_granted, refused",
        "d.yaml:5:13 ($.decisions.not_held): expected at least one word",
        "d.yaml:6:11 ($.handled[0]): '...' has no letters or digits; expected a word",
        "d.yaml:6:18 ($.handled[1]): 'Ditolak' is also listed under refused (line 3); "
        "a word names one decision only",
        "d.yaml:7:10 ($.pending): expected a list, got 'Proses'",
    ]


def test_a_word_the_extended_table_means_otherwise() -> None:
    assert _errors("handled: [Diterima, Beres]\npending: [Ditolak]\n", extends=BUNDLED) == [
        "d.yaml:1:11 ($.handled[0]): 'Diterima' already means granted in the table this file "
        "extends; a word names one decision only",
        "d.yaml:2:11 ($.pending[0]): 'Ditolak' already means refused in the table this file "
        "extends; a word names one decision only",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{}", "d.yaml:1:1 ($): expected at least one of: decisions, handled, pending"),
        ("[Diterima]", "d.yaml:1:1 ($): expected a mapping, got a list"),
        (
            "topics: []",
            "d.yaml:1:1 ($.topics): unknown field 'topics'; expected one of: "
            "decisions, handled, pending",
        ),
        (
            'handled: ["Sel\\tesai"]',
            "d.yaml:1:11 ($.handled[0]): expected one line of text, found U+0009 (a tab or "
            "line break)",
        ),
    ],
)
def test_layout_errors(text: str, message: str) -> None:
    assert _errors(text) == [message]


def test_tables_built_in_code() -> None:
    table = DecisionTable(decisions={"granted": ["Oke"]}, handled=("Beres",))
    assert table.decisions == {DecisionKind.GRANTED: ("Oke",)}
    with pytest.raises(InvalidArgumentError) as unknown:
        DecisionTable(decisions={"partly": ["Oke"]})
    assert str(unknown.value) == (
        "unknown decision kind 'partly'; expected one of: granted, partially_granted, "
        "refused, not_held, not_documented"
    )
    with pytest.raises(InvalidArgumentError) as twice:
        DecisionTable(decisions={DecisionKind.GRANTED: ["Oke"]}, pending=["OKE", "--"])
    assert str(twice.value) == (
        "'Oke' (granted) and 'OKE' (pending) are the same word; '--' has no letters or digits; "
        "a word names one decision only"
    )
    with pytest.raises(InvalidArgumentError) as clash:
        BUNDLED.extended(DecisionTable(decisions={}, handled=["Diterima", "Ditolak"]))
    assert str(clash.value) == (
        "'Diterima' (granted) and 'Diterima' (handled) are the same word; 'Ditolak' (refused) and "
        "'Ditolak' (handled) are the same word; a word names one decision only"
    )


@pytest.mark.property
@given(
    words=st.lists(
        st.text(st.characters(categories=["L", "Nd", "Zs", "P"]), min_size=1, max_size=12),
        max_size=6,
    ),
    case=st.sampled_from([str.upper, str.lower, str.title]),
)
def test_folded_spellings_mean_the_same(words: list[str], case: Callable[[str], str]) -> None:
    # a word written in another case, with other blanks or punctuation, means the same
    for word in (*BUNDLED.handled, *BUNDLED.decisions[DecisionKind.GRANTED], *words):
        spelled = f"  {case(word)}. ".replace(" ", "  ")
        assert BUNDLED.lookup(spelled) is BUNDLED.lookup(word)
