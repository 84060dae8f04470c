"""Shared fixtures for the requests tests."""

from __future__ import annotations

import pytest

from ppid_core.calendar import WorkCalendar


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")
