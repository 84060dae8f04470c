"""What building the national calendar loads: no YAML parser, no reports (start-up, issue 11).

Lazy imports must not cost the public classes their type hints: ``typing.get_type_hints``
(what cattrs and other attrs tools call) still resolves every annotation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing

import pytest

import ppid_core.calendar
from ppid_core.calendar import HOLIDAYS_DIR_ENV

#: Loaded only when a holiday or local file is read, a year estimated, or a report made.
NOT_LOADED = (
    "yaml",
    "holidays",
    "ppid_core.calendar._overview",
    "ppid_core.calendar._estimate",
)


def loaded_by(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    env = {k: v for k, v in os.environ.items() if k != HOLIDAYS_DIR_ENV}
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return set(json.loads(done.stdout))


@pytest.mark.parametrize(
    "code",
    [
        "from ppid_core.calendar import WorkCalendar; WorkCalendar.indonesia()",
        "from ppid_core.calendar import CalendarSummary, Span, WorkCalendar\n"
        "CalendarSummary.of(WorkCalendar.indonesia()).zone",
    ],
    ids=["national calendar", "what a deadline needs"],
)
def test_the_national_calendar_loads_no_yaml_parser_and_no_reports(code: str) -> None:
    loaded = loaded_by(code)
    assert "ppid_core.calendar._compiled" in loaded  # the bundled years came compiled
    assert sorted(loaded & set(NOT_LOADED)) == []


def test_a_local_file_still_loads_the_yaml_parser() -> None:
    loaded = loaded_by(
        "from ppid_core.calendar import WorkCalendar\n"
        "WorkCalendar.indonesia(local=b'zone: WITA\\n')"
    )
    assert "yaml" in loaded


CLASSES = [
    name
    for name in ppid_core.calendar.__all__
    if isinstance(getattr(ppid_core.calendar, name), type)
]


@pytest.mark.parametrize("name", CLASSES)
def test_every_public_class_keeps_its_type_hints(name: str) -> None:
    hints = typing.get_type_hints(getattr(ppid_core.calendar, name))  # raises if a name is lazy
    assert isinstance(hints, dict)
