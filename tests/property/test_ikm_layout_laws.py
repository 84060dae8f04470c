"""Laws of reading the files offices have (issue 10): how a header is written, where it
stands and whether answers are laid out wide or long never change a result."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm import MissingPolicy, Regime, Survey, Unsur, read_survey
from ppid_core.ikm import _reader as ikm_read
from tests.property.strategies import budget, chunks, lenient_policies, sparse_answers

pytestmark = pytest.mark.property

R = Regime.bundled()
BY_NUMBER = sorted(R.unsur, key=lambda u: u.question_number or 0)
KEYS = [u.key for u in BY_NUMBER]
_GROUPS = st.sampled_from(["Informasi", "Konsultasi", " Informasi", "Keberatan"])
#: Questionnaires (answers in question order, a blank as None) with their service.
respondents = st.lists(st.tuples(sparse_answers, _GROUPS), min_size=1, max_size=12)
#: The ways a header names each unsur, by question order.
_NAMINGS = [
    [u.name for u in BY_NUMBER],
    [f"U{u.question_number}" for u in BY_NUMBER],
    [f"Pertanyaan {u.question_number}" for u in BY_NUMBER],
    [f"{u.question_number}. {u.question}" for u in BY_NUMBER],
    [u.question.removeprefix("Bagaimana pendapat Saudara tentang ") for u in BY_NUMBER],
]
#: How a question cell of a long layout names its unsur.
_CELLS: list[Callable[[Unsur], str]] = [
    lambda u: str(u.question_number),
    lambda u: f"U{u.question_number}",
    lambda u: u.key,
    lambda u: u.name.upper(),
]


def _cells(answers: list[int | None]) -> list[str]:
    return ["" if a is None else str(a) for a in answers]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def _outcome(survey: Survey) -> object:
    """What a reader's result is: the tally, the breakdown's tallies, the IKM if any."""
    tallies = survey.tallies("layanan")
    scored = survey.score() if survey.respondents and not survey.tally.unanswered else None
    return survey.tally, tallies, scored


def _read(data: bytes, missing: MissingPolicy, **kwargs: object) -> object:
    try:
        return _outcome(read_survey(data, missing=missing, source_name="s.csv", **kwargs))  # type: ignore[arg-type]
    except DataFileError as exc:
        return [(e.row, e.message) for e in exc.exceptions if isinstance(e, LocatedError)]


def _renamed(header: str, rnd: random.Random) -> str:
    """``header`` in another case, with blanks around it and runs of blanks inside."""
    cases: list[Callable[[str], str]] = [str.upper, str.lower, str.title, str.swapcase, str.strip]
    case = rnd.choice(cases)
    words = case(header).split(" ")
    inner = "".join(word + " " * rnd.randint(1, 3) for word in words).rstrip()
    return " " * rnd.randint(0, 2) + inner + " " * rnd.randint(0, 2)


@budget(0.5)
@given(respondents, st.sampled_from(_NAMINGS), lenient_policies, st.randoms(use_true_random=False))
def test_renaming_headers_by_case_and_blanks_changes_nothing(
    rows: list[tuple[list[int | None], str]],
    naming: list[str],
    missing: MissingPolicy,
    rnd: random.Random,
) -> None:
    header = ["Timestamp", "Jenis Kelamin", "Layanan", *naming]
    body = [["2024-06-04", "Perempuan", group, *_cells(answers)] for answers, group in rows]
    renamed = [_renamed(h, rnd) for h in header]
    assert _read(_csv([renamed, *body]), missing) == _read(_csv([header, *body]), missing)


@budget(0.5)
@given(
    respondents,
    st.sampled_from(_NAMINGS),
    st.lists(st.sampled_from(["REKAP SKM 2024", "", "Unit: KPU Provinsi NTT", ",,"]), max_size=4),
)
def test_titles_and_blank_rows_above_the_header_change_nothing(
    rows: list[tuple[list[int | None], str]], naming: list[str], titles: list[str]
) -> None:
    header = ["Layanan", *naming]
    body = [[group, *_cells(answers)] for answers, group in rows]
    plain = read_survey(_csv([header, *body]), missing="per_unsur", source_name="s.csv")
    titled = b"".join(t.encode() + b"\n" for t in titles) + _csv([header, *body])
    survey = read_survey(titled, missing="per_unsur", source_name="s.csv")
    assert survey == plain
    assert survey.header_row == f"row {len(titles) + 1}"


@budget(0.5)
@given(
    respondents,
    st.sampled_from([*list(MissingPolicy)]),
    st.sampled_from(_CELLS),
    chunks,
    st.randoms(use_true_random=False),
)
def test_the_long_and_the_wide_layout_give_the_same_survey(
    rows: list[tuple[list[int | None], str]],
    missing: MissingPolicy,
    cell: Callable[[Unsur], str],
    chunk: int,
    rnd: random.Random,
) -> None:
    """One row per answer (in any order, a blank answer left out or written blank) is read
    as one row per respondent: the same tallies, breakdowns and IKM, or errors for the same
    respondents."""
    wide = [["id_responden", "Layanan", *(u.name for u in BY_NUMBER)]]
    long = [["id_responden", "no_pertanyaan", "nilai", "Layanan"]]
    for n, (answers, group) in enumerate(rows):
        wide.append([f"R{n}", group, *_cells(answers)])
        for u, answer in zip(BY_NUMBER, answers, strict=True):
            if answer is not None or rnd.random() < 0.5:
                long.append([f"R{n}", cell(u), "" if answer is None else str(answer), group])
    body = long[1:]
    rnd.shuffle(body)
    from unittest import mock

    with mock.patch.object(ikm_read, "CHUNK", chunk):
        from_long = _read(_csv([long[0], *body]), missing)
    from_wide = _read(_csv(wide), missing)
    if isinstance(from_wide, list):  # a refused file: refused in both layouts
        assert isinstance(from_long, list)
    else:
        assert from_long == from_wide
