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
from typing import Generic, TypeVar

import attrs
import pytest
import yaml
from hypothesis import given

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.examples.rb import example_path
from ppid_core.rb import (
    ActionPlan,
    Realisation,
    TeamDecree,
    dump_plan,
    dump_realisation,
    dump_team,
    load_any,
    parse_plan,
    parse_realisation,
    parse_team,
)
from tests.property.strategies import (
    ByteChange,
    CharEdit,
    budget,
    byte_changes,
    char_edits,
    plans,
)

pytestmark = pytest.mark.property

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class File(Generic[T]):
    """An embedded example file, its value, and the loader and dumper of its kind."""

    name: str
    load: Callable[[str], T]
    dump: Callable[[T], str]
    text: str = attrs.field(init=False)
    original: T = attrs.field(init=False)
    data: object = attrs.field(init=False)  # the text's YAML data, every scalar as text

    @text.default
    def _text(self) -> str:
        return example_path(self.name).read_text(encoding="utf-8")

    @original.default
    def _original(self) -> T:
        return self.load(self.text)

    @data.default
    def _data(self) -> object:
        return yaml.load(self.text, Loader=yaml.CBaseLoader)


PLAN = File(name="kpu-ntt-2022-rencana-aksi.yaml", load=parse_plan, dump=dump_plan)
TEAM = File(name="kpu-ntt-2022-tim.yaml", load=parse_team, dump=dump_team)


def _parse_realisation(text: str) -> Realisation:
    return parse_realisation(text, plan=PLAN.original)


REALISATION = File(
    name="kpu-ntt-2022-realisasi.yaml", load=_parse_realisation, dump=dump_realisation
)


@budget(0.5)
@given(plans())
def test_dump_then_load_gives_the_same_plan(plan: ActionPlan) -> None:
    assert parse_plan(dump_plan(plan)) == plan


def _same_data(file: File[T], text: str) -> bool:
    """True when ``text`` holds the same YAML data as the file, every scalar read as text."""
    try:
        return bool(yaml.load(text, Loader=yaml.CBaseLoader) == file.data)
    except yaml.YAMLError:  # pragma: no cover - the strict loader refused it first
        return False


def _faithful(file: File[T], corrupted: str, loaded: T) -> None:
    """What a corrupted file that loads must satisfy (see the module's docstring)."""
    if _same_data(file, corrupted):
        assert loaded == file.original
    if loaded != file.original:  # the original's round trip is checked once, below
        assert file.load(file.dump(loaded)) == loaded


def _located(exc: DataFileError) -> None:
    errors = list(exc.exceptions)
    assert errors
    assert all(isinstance(e, LocatedError) and e.line is not None for e in errors), errors


def _law(file: File[T], edit: CharEdit) -> None:
    corrupted = edit.apply(file.text)
    try:
        loaded = file.load(corrupted)
    except DataFileError as exc:
        _located(exc)
        return
    _faithful(file, corrupted, loaded)


@budget(0.5)
@given(char_edits(len(PLAN.text)))
def test_corrupted_plan_loads_faithfully_or_fails_located(edit: CharEdit) -> None:
    _law(PLAN, edit)


@budget(0.5)
@given(char_edits(len(TEAM.text)))
def test_corrupted_team_loads_faithfully_or_fails_located(edit: CharEdit) -> None:
    _law(TEAM, edit)


@budget(0.5)
@given(char_edits(len(REALISATION.text)))
def test_corrupted_realisation_loads_faithfully_or_fails_located(edit: CharEdit) -> None:
    _law(REALISATION, edit)


def test_a_change_that_keeps_the_data_loads_equal() -> None:
    """The equality arm of the laws, on changes known to keep the data."""
    text = TEAM.text
    for corrupted in (text + "# a comment\n", text.replace("kind: team", "kind:  team", 1),
                      text.replace("kind: team", "kind: 'team'", 1)):  # fmt: skip
        assert _same_data(TEAM, corrupted)
        _faithful(TEAM, corrupted, parse_team(corrupted))
    renamed = text.replace("Thomas Dohu", "Thomas Dohi")
    assert not _same_data(TEAM, renamed)
    _faithful(TEAM, renamed, parse_team(renamed))
    with pytest.raises(AssertionError):  # a loader that changed a value would be caught
        _faithful(TEAM, text + "#\n", parse_team(renamed))


def test_embedded_files_round_trip() -> None:
    """The round trip of every original, which the laws take as known (the values hold no
    field outside equality but caches, so an equal value dumps the same)."""
    assert _round_trips(PLAN)
    assert _round_trips(TEAM)
    assert _round_trips(REALISATION)


def _round_trips(file: File[T]) -> bool:
    return file.load(file.dump(file.original)) == file.original


BYTES = {f.name: example_path(f.name).read_bytes() for f in (PLAN, TEAM)}


@budget(0.5)
@given(byte_changes({name: len(data) for name, data in BYTES.items()}))
def test_a_changed_byte_loads_faithfully_or_fails_located(
    tmp_path_factory: pytest.TempPathFactory, change: ByteChange
) -> None:
    """Byte corruption: one byte of the UTF-8 file changed, read by ``load_any``."""
    changed = change.apply(BYTES[change.name])
    path = tmp_path_factory.mktemp("bytes") / change.name
    path.write_bytes(changed)
    try:
        loaded = load_any(path)
    except DataFileError as exc:
        _located(exc)
        return
    corrupted = changed.decode("utf-8-sig")  # it loaded, so it is UTF-8
    if isinstance(loaded, TeamDecree):
        _faithful(TEAM, corrupted, loaded)
    else:
        assert isinstance(loaded, ActionPlan)
        _faithful(PLAN, corrupted, loaded)
