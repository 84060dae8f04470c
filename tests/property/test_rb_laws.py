"""Hypothesis laws of the RB loaders: round trips, and one-character corruption.

Corruption law: change, insert or delete one character of a valid embedded file; the
loader either returns a value equal to the original or raises ``DataFileError`` whose
every error has a line number; any other exception is a bug. A corruption inside a text
value can give a different but valid file, which must then survive its own round trip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import (
    ActionPlan,
    Activity,
    AreaPlan,
    Framework,
    SubActivity,
    dump_plan,
    dump_realisation,
    dump_team,
    example_path,
    load_any,
    loads_plan,
    loads_realisation,
    loads_team,
)

T = TypeVar("T")
AREAS = [a.key for a in Framework.default().areas]
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).filter(lambda s: s.strip() == s and bool(s))
months = st.lists(st.integers(1, 12), unique=True).map(lambda ms: tuple(sorted(ms)))
subs = st.builds(
    SubActivity,
    name=text,
    details=st.lists(text, max_size=2).map(tuple),
    indikator=st.lists(text, max_size=3).map(tuple),
    months=months,
    target=st.none() | text,
    team=st.none() | text,
    keterangan=st.none() | text,
)
activities = st.builds(
    Activity, name=text, sub_kegiatan=st.lists(subs, min_size=1, max_size=3).map(tuple)
)


@st.composite
def plans(draw: st.DrawFn) -> ActionPlan:
    keys = draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=3, unique=True))
    areas = tuple(
        AreaPlan(
            area=k,
            label=draw(st.sampled_from([None, Framework.default().area(k).name])),
            team=draw(st.none() | text),
            kegiatan=tuple(draw(st.lists(activities, min_size=1, max_size=2))),
        )
        for k in keys
    )
    return ActionPlan(
        year=draw(st.integers(2000, 2100)),
        unit=draw(text),
        areas=areas,
        title=draw(st.none() | text),
        decree=draw(st.none() | text),
    )


@given(plans())
@settings(max_examples=50)
def test_dump_then_load_gives_the_same_plan(plan: ActionPlan) -> None:
    assert loads_plan(dump_plan(plan)) == plan


def _corrupt(text: str, data: st.DataObject) -> str:
    pos = data.draw(st.integers(0, len(text) - 1), label="position")
    how = data.draw(st.sampled_from(["replace", "insert", "delete"]), label="how")
    char = data.draw(
        st.sampled_from(list(":-[]{},#&*!|>'\"%@` \t\n?0123456789aNo\x00\x07\u00a0\ufeff"))
        | st.characters(codec="utf-8"),
        label="char",
    )
    if how == "delete":
        return text[:pos] + text[pos + 1 :]
    if how == "insert":
        return text[:pos] + char + text[pos:]
    return text[:pos] + char + text[pos + 1 :]


def _law(
    name: str, load: Callable[[str], T], dump: Callable[[T], str], data: st.DataObject
) -> None:
    original_text = example_path(name).read_text(encoding="utf-8")
    corrupted = _corrupt(original_text, data)
    errors: list[object] = []
    try:
        loaded = load(corrupted)
    except DataFileError as exc:
        errors = list(exc.exceptions)
    if errors:
        assert all(isinstance(e, LocatedError) and e.line is not None for e in errors), errors
    else:
        # A corruption inside a text value gives a different but valid file; whatever
        # loads must be a faithful value that survives its own round trip.
        assert load(dump(loaded)) == loaded


PLAN = loads_plan(example_path("kpu-ntt-2022-rencana-aksi.yaml").read_text(encoding="utf-8"))


@given(st.data())
@settings(max_examples=60)
def test_corrupted_plan_loads_equal_or_fails_located(data: st.DataObject) -> None:
    _law("kpu-ntt-2022-rencana-aksi.yaml", loads_plan, dump_plan, data)


@given(st.data())
@settings(max_examples=60)
def test_corrupted_team_loads_equal_or_fails_located(data: st.DataObject) -> None:
    _law("kpu-ntt-2022-tim.yaml", loads_team, dump_team, data)


@given(st.data())
@settings(max_examples=60)
def test_corrupted_realisation_loads_or_fails_located(data: st.DataObject) -> None:
    _law(
        "kpu-ntt-2022-realisasi.yaml",
        lambda t: loads_realisation(t, plan=PLAN),
        dump_realisation,
        data,
    )


def test_embedded_files_round_trip() -> None:
    team_text = Path(example_path("kpu-ntt-2022-tim.yaml")).read_text(encoding="utf-8")
    team = loads_team(team_text)
    assert loads_team(dump_team(team)) == team
    assert loads_plan(dump_plan(PLAN)) == PLAN
    real_text = example_path("kpu-ntt-2022-realisasi.yaml").read_text(encoding="utf-8")
    real = loads_realisation(real_text, plan=PLAN)
    assert loads_realisation(dump_realisation(real), plan=PLAN) == real


@given(data=st.data())
@settings(max_examples=60)
def test_a_changed_byte_loads_or_fails_located(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Byte corruption: one byte of the UTF-8 file changed; a plan or located errors."""
    name = data.draw(st.sampled_from(["kpu-ntt-2022-rencana-aksi.yaml", "kpu-ntt-2022-tim.yaml"]))
    raw = bytearray(example_path(name).read_bytes())
    pos = data.draw(st.integers(0, len(raw) - 1), label="position")
    raw[pos] = data.draw(st.integers(0, 255), label="byte")
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(bytes(raw))
    errors: list[object] = []
    try:
        load_any(path)
    except DataFileError as exc:
        errors = list(exc.exceptions)
    assert all(isinstance(e, LocatedError) and e.line is not None for e in errors), errors
