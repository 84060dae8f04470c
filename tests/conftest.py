"""Shared test configuration: the Hypothesis profiles and the ``property`` marker rule.

``HYPOTHESIS_PROFILE`` picks the profile:

- ``ci`` (``make test``): derandomized, so that every run checks the same examples, with
  a budget that keeps ``make test`` fast;
- ``long`` (``make test-all``): ten times the default budget, random, to find new
  counterexamples; a law that costs more per example takes a share of it
  (``tests.property.strategies.budget``);
- ``dev`` (the default): Hypothesis' own budget, random.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# The command line speaks the language of the locale (``ppid --lang``): the tests pin its
# English texts, so they run under a locale that names no language, whatever the
# developer's own; tests of Indonesian output ask for it with --lang or their own variables.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "PPID_LANG"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

PROPERTY = Path(__file__).parent / "property"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test in ``tests/property`` without the ``property`` marker."""
    unmarked = [
        item.nodeid
        for item in items
        if item.path.is_relative_to(PROPERTY) and item.get_closest_marker("property") is None
    ]
    if unmarked:
        msg = "tests in tests/property need pytestmark = pytest.mark.property: " + ", ".join(
            unmarked
        )
        raise pytest.UsageError(msg)
