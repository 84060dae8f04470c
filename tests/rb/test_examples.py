"""The embedded RB examples, reached one way: ``ppid_core.examples.rb``."""

from __future__ import annotations

import pytest

from ppid_core.errors import UnknownNameError
from ppid_core.examples.rb import (
    EXAMPLES,
    GENERAL_2025_PLAN,
    GENERAL_2025_REALISATION,
    PLAN,
    REALISATION,
    TEAM,
    example_path,
    load_kpu_ntt_2022_monitoring,
    load_kpu_ntt_2022_plan,
    load_kpu_ntt_2022_team,
)
from ppid_core.rb import load_plan, load_team


def test_every_example_is_a_file_beside_the_module() -> None:
    # the RB General 2025 example was added with issue 13
    assert EXAMPLES == (TEAM, PLAN, REALISATION, GENERAL_2025_PLAN, GENERAL_2025_REALISATION)
    for name in EXAMPLES:
        assert example_path(name).is_file()


def test_an_unknown_example_lists_the_known_ones() -> None:
    with pytest.raises(UnknownNameError) as info:
        example_path("kpu-ntt-2023.yaml")
    assert str(info.value) == (
        "unknown RB example 'kpu-ntt-2023.yaml'; expected one of: kpu-ntt-2022-tim.yaml, "
        "kpu-ntt-2022-rencana-aksi.yaml, kpu-ntt-2022-realisasi.yaml, "
        "contoh-rb-general-2025-rencana-aksi.yaml, contoh-rb-general-2025-realisasi.yaml"
    )


def test_the_loaders_read_the_files() -> None:
    assert load_kpu_ntt_2022_team() == load_team(example_path(TEAM))
    plan = load_kpu_ntt_2022_plan()
    assert plan == load_plan(example_path(PLAN))
    monitored, realisation = load_kpu_ntt_2022_monitoring()
    assert monitored == plan
    assert realisation.records
