"""One table of month words: RB plans read Indonesian, registers also spreadsheet English."""

from __future__ import annotations

import pytest

from ppid_core._month_names import ENGLISH_MONTHS, INDONESIAN_MONTHS
from ppid_core.rb._months import parse_month
from ppid_core.requests import MONTHS


@pytest.mark.parametrize(("word", "month"), sorted(INDONESIAN_MONTHS.items()))
def test_both_readers_take_every_indonesian_word(word: str, month: int) -> None:
    assert parse_month(word.title()) == month
    assert MONTHS[word] == month


@pytest.mark.parametrize("word", ["Aug", "October", "May"])
def test_english_only_in_registers(word: str) -> None:
    assert parse_month(word) is None
    assert MONTHS[word.casefold()] == ENGLISH_MONTHS[word.casefold()]
