"""Names that changed in requests (issue 11): the new ones, and the old ones for one release.

Each old name still gives the same object, with a ``DeprecationWarning`` whose text is
pinned here (it names the new spelling and the guide that lists the change).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest

import ppid_core.masking
from ppid_core import requests
from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError
from ppid_core.requests import (
    CaseStatus,
    RuleSet,
    Step,
    deadline_chain,
    load_rule_set,
    parse_rule_set,
)

GUIDE = "(see the guide 'Deadlines and the service report')"
RULES = Path(requests.__file__).parent / "data" / "rules" / "uu_14_2008.yaml"


def message(old: str, new: str) -> str:
    return f"{old} is deprecated and will be removed in ppid-core 0.2; use {new} {GUIDE}"


@pytest.mark.parametrize(
    ("old", "new", "value"),
    [
        ("Status", "ppid_core.requests.CaseStatus", CaseStatus),
        ("mask_name", "ppid_core.masking.mask_name", ppid_core.masking.mask_name),
        ("mask_email", "ppid_core.masking.mask_email", ppid_core.masking.mask_email),
        ("mask_phone", "ppid_core.masking.mask_phone", ppid_core.masking.mask_phone),
    ],
)
def test_old_names_warn_and_give_the_new_object(old: str, new: str, value: object) -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        got = getattr(requests, old)
    assert got is value
    assert [str(w.message) for w in caught] == [message(f"ppid_core.requests.{old}", new)]
    assert caught[0].filename == __file__  # the warning points at the caller


def test_old_names_are_not_public() -> None:
    for old in ("Status", "mask_name", "mask_email", "mask_phone"):
        assert old not in requests.__all__
    assert "CaseStatus" in requests.__all__


def test_from_import_of_an_old_name_warns() -> None:
    with pytest.warns(DeprecationWarning, match=re.escape("use ppid_core.requests.CaseStatus")):
        from ppid_core.requests import Status
    assert Status is CaseStatus


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    expected = "module 'ppid_core.requests' has no attribute 'Nope'"
    with pytest.raises(AttributeError, match=re.escape(expected)):
        getattr(requests, "Nope")  # noqa: B009 - the module's __getattr__ is under test


def test_masking_is_the_type_of_the_reports_argument() -> None:
    # Masking and NameMasking stay exported here, without a warning: the reports take them
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert requests.Masking is ppid_core.masking.Masking
        assert requests.NameMasking is ppid_core.masking.NameMasking


# -- Step.EXTENDED_RESPONSE (was Step.EXTENSION) ------------------------------------------------


def test_the_extended_response_is_one_name() -> None:
    rules = RuleSet.bundled()
    assert Step.EXTENDED_RESPONSE.value == "extended_response"
    assert rules.step(Step.EXTENDED_RESPONSE).days == 7
    # the values are DeadlineChain's attribute names and, with _due, its to_dict() keys
    chain = deadline_chain(dt.date(2025, 3, 27), WorkCalendar.indonesia(zone="WITA"))
    data = chain.to_dict()
    for deadline in chain.deadlines:
        assert getattr(chain, deadline.step.value) is deadline
        assert data[f"{deadline.step.value}_due"] == (
            None if deadline.due is None else deadline.due.isoformat()
        )
    assert "extension_rule" in data  # a JSON key of `ppid deadline --json`, kept


def test_step_extension_warns() -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        step = Step.EXTENSION
    assert step is Step.EXTENDED_RESPONSE
    assert [str(w.message) for w in caught] == [message("Step.EXTENSION", "Step.EXTENDED_RESPONSE")]
    assert caught[0].filename == __file__
    assert "EXTENSION" not in Step.__members__
    assert list(Step).count(Step.EXTENDED_RESPONSE) == 1


def test_the_old_step_value_warns() -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        step = Step("extension")
    assert step is Step.EXTENDED_RESPONSE
    assert [str(w.message) for w in caught] == [
        message("Step('extension')", "Step('extended_response')")
    ]
    assert caught[0].filename == __file__
    with pytest.raises(ValueError, match="'extensions' is not a valid Step"):
        Step("extensions")
    with pytest.raises(AttributeError):
        Step.EXTENSIONS  # noqa: B018 - the attribute access is under test


def test_a_rule_set_file_with_the_old_key_is_read_with_a_located_warning(tmp_path: Path) -> None:
    text = RULES.read_text(encoding="utf-8")
    old = text.replace("\n  extended_response:\n", "\n  extension:\n")
    assert old != text
    line = old.splitlines().index("  extension:") + 1
    path = tmp_path / "kantor.yaml"
    path.write_text(old, encoding="utf-8")
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        rules = load_rule_set(path)
    assert rules == RuleSet.bundled()
    assert [str(w.message) for w in caught] == [
        message(
            f"{path}:{line}:3 ($.steps.extension): the step key 'extension'", "'extended_response'"
        )
    ]
    assert caught[0].filename == __file__
    with pytest.warns(DeprecationWarning, match=r"^r\.yaml:\d+:3 \(\$\.steps\.extension\)"):
        assert parse_rule_set(old, source="r.yaml") == rules


def test_errors_in_a_step_under_the_old_key_name_the_key_written() -> None:
    text = RULES.read_text(encoding="utf-8").replace("\n  extended_response:\n", "\n  extension:\n")
    bad = text.replace("    days: 7\n", "    days: seven\n", 1)
    with (
        pytest.warns(DeprecationWarning, match="the step key"),
        pytest.raises(DataFileError) as info,
    ):
        parse_rule_set(bad, source="r.yaml")
    assert info.value.report().endswith(
        "($.steps.extension.days): expected a whole number, got 'seven'"
    )


def test_both_keys_at_once_keep_the_new_one_and_refuse_the_old() -> None:
    text = RULES.read_text(encoding="utf-8")
    block = text[text.index("  extended_response:\n") : text.index("  keberatan_filing:\n")]
    both = text.replace(block, block + block.replace("extended_response:", "extension:"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new key is there: the old one is not read
        with pytest.raises(DataFileError, match="1 error") as info:
            parse_rule_set(both, source="r.yaml")
    assert "($.steps.extension): unknown field 'extension'; expected one of: " in (
        info.value.report()
    )
