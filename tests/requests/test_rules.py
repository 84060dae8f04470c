"""Rule sets: shipped data, unknown steps, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, UnknownDeadlineError, UnknownNameError
from ppid_core.requests import Confidence, RuleSet, Step, load_rule_set


def test_shipped_names() -> None:
    assert RuleSet.bundled_names() == ("perki_1_2019", "uu_14_2008")


def test_every_step_cites_and_has_a_number_or_unknown() -> None:
    for name in RuleSet.bundled_names():
        rules = RuleSet.bundled(name)
        assert [r.step for r in rules.steps] == list(Step)
        for rule in rules.steps:
            assert rule.citation
            assert (rule.days is None) == (rule.confidence is Confidence.UNKNOWN)


def test_uu_numbers() -> None:
    rules = RuleSet.bundled("uu_14_2008")
    days = {r.step: r.days for r in rules.steps}
    assert days == {
        Step.RESPONSE: 10,
        Step.EXTENDED_RESPONSE: 7,
        Step.KEBERATAN_FILING: 30,
        Step.ATASAN_ANSWER: 30,
        Step.SENGKETA_FILING: 14,
        Step.SENGKETA_FILING_WITHOUT_ANSWER: 14,
        Step.KI_START: 14,
        Step.KI_FINISH: 100,
    }
    assert rules.confirmed
    assert rules.step(Step.SENGKETA_FILING_WITHOUT_ANSWER).confidence is Confidence.PRACTICE


def test_perki_unknown_steps_raise() -> None:
    perki = RuleSet.bundled("perki_1_2019")
    assert not perki.confirmed
    assert perki.unknown_steps == (
        Step.KEBERATAN_FILING,
        Step.SENGKETA_FILING,
        Step.SENGKETA_FILING_WITHOUT_ANSWER,
        Step.KI_START,
    )
    with pytest.raises(UnknownDeadlineError) as info:
        perki.days(Step.SENGKETA_FILING)
    assert str(info.value) == (
        "perki_1_2019: no number of days is known for step 'sengketa_filing' (tidak ditemukan); "
        "the deadline is unknown, not guessed"
    )


def test_unknown_rule_set() -> None:
    with pytest.raises(UnknownNameError) as info:
        RuleSet.bundled("perki_9_2099")
    assert str(info.value) == ("unknown rule set 'perki_9_2099'; bundled: perki_1_2019, uu_14_2008")


def test_bad_file_reports_every_error(tmp_path: Path) -> None:
    src = Path(__file__).parents[2] / "src/ppid_core/requests/data/rules/uu_14_2008.yaml"
    text = src.read_text(encoding="utf-8")
    text = text.replace("    days: 10\n", "    days: ten\n", 1)
    text = text.replace("confidence: secondary", "confidence: unknown", 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rule_set(bad)
    lines = info.value.report().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("($.steps.response.days): expected a whole number, got 'ten'")
    assert lines[1].endswith(
        "($.steps.extended_response.confidence): confidence 'unknown' goes with days: unknown, "
        "and only with it"
    )


def test_confirmed_needs_a_number_for_every_step(tmp_path: Path) -> None:
    src = Path(__file__).parents[2] / "src/ppid_core/requests/data/rules/perki_1_2019.yaml"
    text = src.read_text(encoding="utf-8").replace("\nconfirmed: false", "\nconfirmed: true")
    bad = tmp_path / "perki.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rule_set(bad)
    (line,) = info.value.report().splitlines()
    assert line.endswith(
        "($.confirmed): confirmed: true needs a number for every step (unknown: "
        "keberatan_filing, sengketa_filing, sengketa_filing_without_answer, ki_start); "
        "set confirmed: false"
    )
