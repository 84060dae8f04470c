"""The shipped example file is exactly what its documented construction produces."""

from __future__ import annotations

from ppid_core.examples.ikm import (
    SEED_RESPONDENTS,
    SEED_TOTALS,
    build_seed_survey_csv,
    read_seed_survey,
    seed_survey_text,
)


def test_shipped_file_is_the_documented_construction() -> None:
    assert seed_survey_text() == build_seed_survey_csv()


def test_totals_are_the_published_ones() -> None:
    s = read_seed_survey()
    r = s.regime
    assert s.respondents == SEED_RESPONDENTS
    assert {name: s.tally.totals[r.keys.index(r[name].key)] for name in SEED_TOTALS} == SEED_TOTALS
