"""Names that changed in rb (issue 11): the new ones, and the old ones for one release."""

from __future__ import annotations

import pytest

import ppid_core.examples.rb
import ppid_core.masking
from ppid_core import rb
from ppid_core.rb import RecordStatus

GUIDE = "(see the guide 'Writing and monitoring an RB action plan')"


@pytest.mark.parametrize(
    ("old", "new", "value"),
    [
        ("Status", "ppid_core.rb.RecordStatus", RecordStatus),
        (
            "example_path",
            "ppid_core.examples.rb.example_path",
            ppid_core.examples.rb.example_path,
        ),
        ("mask_name", "ppid_core.masking.mask_name", ppid_core.masking.mask_name),
    ],
)
def test_old_names_warn_and_give_the_new_object(old: str, new: str, value: object) -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        got = getattr(rb, old)
    assert got is value
    assert [str(w.message) for w in caught] == [
        f"ppid_core.rb.{old} is deprecated and will be removed in ppid-core 0.2; use {new} {GUIDE}"
    ]
    assert caught[0].filename == __file__
    assert old not in rb.__all__


def test_the_old_example_path_still_finds_the_files() -> None:
    with pytest.warns(DeprecationWarning, match="ppid_core.examples.rb.example_path"):
        from ppid_core.rb import example_path
    assert example_path("kpu-ntt-2022-tim.yaml").is_file()


def test_record_status_is_the_status_of_a_record() -> None:
    assert "RecordStatus" in rb.__all__
    assert [s.value for s in RecordStatus] == ["done", "partly", "not_done"]
    # optional since a record may give only its target_status (issue 13)
    assert rb.Record.__annotations__["status"] == "RecordStatus | None"


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"module 'ppid_core\.rb' has no attribute 'Nope'"):
        getattr(rb, "Nope")  # noqa: B009 - the module's __getattr__ is under test
