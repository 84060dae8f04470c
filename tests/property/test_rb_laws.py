"""Hypothesis laws of the RB loaders: round trips, and one-character corruption.

Corruption laws: change, insert or delete one character (or one byte) of a valid embedded
file. The loader either raises ``DataFileError`` whose every error has a line number, or
returns a value, and then:

- when the corrupted file still holds the same YAML data as the original (every scalar
  read as text, as ``yaml.BaseLoader`` reads it: the change was in a comment, a blank,
  quoting or layout), the value equals the original's;
- in every case (a change inside a text value can give a different but valid file) the
  value survives its own round trip.

Any other exception is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import (
    ActionPlan,
    Activity,
    AreaPlan,
    Framework,
    Realisation,
    SubActivity,
    TeamDecree,
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


def _same_data(a: str, b: str) -> bool:
    """True when both texts hold the same YAML data, every scalar read as text."""
    try:
        return bool(yaml.load(a, Loader=yaml.CBaseLoader) == yaml.load(b, Loader=yaml.CBaseLoader))
    except yaml.YAMLError:  # pragma: no cover - the strict loader refused it first
        return False


def _faithful(
    original_text: str,
    corrupted: str,
    loaded: T,
    *,
    original: T,
    load: Callable[[str], T],
    dump: Callable[[T], str],
) -> None:
    """What a corrupted file that loads must satisfy (see the module's docstring)."""
    if _same_data(original_text, corrupted):
        assert loaded == original
    assert load(dump(loaded)) == loaded


def _law(
    name: str, load: Callable[[str], T], dump: Callable[[T], str], data: st.DataObject
) -> None:
    original_text = example_path(name).read_text(encoding="utf-8")
    corrupted = _corrupt(original_text, data)
    try:
        loaded = load(corrupted)
    except DataFileError as exc:
        errors = list(exc.exceptions)
        assert errors
        assert all(isinstance(e, LocatedError) and e.line is not None for e in errors), errors
        return
    _faithful(original_text, corrupted, loaded, original=load(original_text), load=load, dump=dump)


PLAN = loads_plan(example_path("kpu-ntt-2022-rencana-aksi.yaml").read_text(encoding="utf-8"))


TEAM_LAW: dict[str, Any] = {
    "original": loads_team(example_path("kpu-ntt-2022-tim.yaml").read_text(encoding="utf-8")),
    "load": loads_team,
    "dump": dump_team,
}


def _loads_real(text: str) -> Realisation:
    return loads_realisation(text, plan=PLAN)


@given(st.data())
@settings(max_examples=60)
def test_corrupted_plan_loads_faithfully_or_fails_located(data: st.DataObject) -> None:
    _law("kpu-ntt-2022-rencana-aksi.yaml", loads_plan, dump_plan, data)


@given(st.data())
@settings(max_examples=60)
def test_corrupted_team_loads_faithfully_or_fails_located(data: st.DataObject) -> None:
    _law("kpu-ntt-2022-tim.yaml", loads_team, dump_team, data)


@given(st.data())
@settings(max_examples=60)
def test_corrupted_realisation_loads_faithfully_or_fails_located(data: st.DataObject) -> None:
    _law("kpu-ntt-2022-realisasi.yaml", _loads_real, dump_realisation, data)


def test_a_change_that_keeps_the_data_loads_equal() -> None:
    """The equality arm of the laws, on changes known to keep the data."""
    text = example_path("kpu-ntt-2022-tim.yaml").read_text(encoding="utf-8")
    for corrupted in (text + "# a comment\n", text.replace("kind: team", "kind:  team", 1),
                      text.replace("kind: team", "kind: 'team'", 1)):  # fmt: skip
        assert _same_data(text, corrupted)
        _faithful(text, corrupted, loads_team(corrupted), **TEAM_LAW)
    renamed = text.replace("Thomas Dohu", "Thomas Dohi")
    assert not _same_data(text, renamed)
    _faithful(text, renamed, loads_team(renamed), **TEAM_LAW)
    with pytest.raises(AssertionError):  # a loader that changed a value would be caught
        _faithful(text, text + "#\n", loads_team(renamed), **TEAM_LAW)


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
def test_a_changed_byte_loads_faithfully_or_fails_located(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Byte corruption: one byte of the UTF-8 file changed, read by ``load_any``."""
    name = data.draw(st.sampled_from(["kpu-ntt-2022-rencana-aksi.yaml", "kpu-ntt-2022-tim.yaml"]))
    original_bytes = example_path(name).read_bytes()
    raw = bytearray(original_bytes)
    pos = data.draw(st.integers(0, len(raw) - 1), label="position")
    raw[pos] = data.draw(st.integers(0, 255), label="byte")
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(bytes(raw))
    try:
        loaded = load_any(path)
    except DataFileError as exc:
        errors = list(exc.exceptions)
        assert errors
        assert all(isinstance(e, LocatedError) and e.line is not None for e in errors), errors
        return
    original_text = original_bytes.decode("utf-8")
    corrupted = bytes(raw).decode("utf-8-sig")  # it loaded, so it is UTF-8
    if isinstance(loaded, TeamDecree):
        _faithful(original_text, corrupted, loaded, **TEAM_LAW)
    else:
        assert isinstance(loaded, ActionPlan)
        _faithful(original_text, corrupted, loaded, original=PLAN, load=loads_plan, dump=dump_plan)
