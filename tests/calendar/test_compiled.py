"""The compiled holiday years (``calendar/data/holidays.json``) against their YAML source.

The YAML files are the source of truth. The compiled file must be current (else regenerate
it: ``python -m ppid_core.calendar._compile_holidays``), must give exactly the strict parse
of every year, and is never used for a YAML text it was not compiled from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ppid_core._source import bundled_text
from ppid_core.calendar import (
    HolidayStatus,
    HolidayYear,
    WorkCalendar,
    _compile_holidays,
    _compiled,
    _holidays,
    parse_holidays,
)

YEARS = HolidayYear.bundled_names()
REGENERATE = "python -m ppid_core.calendar._compile_holidays"


def yaml_of(year: int) -> tuple[str, str]:
    """The text of a bundled year's YAML file and the source name its errors give."""
    return bundled_text("ppid_core.calendar", "data/holidays", str(year), what="holiday year")


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Forget the compiled file and the bundled years read, before and after the test."""
    _compiled._years.cache_clear()
    _holidays.bundled_year.cache_clear()
    yield
    _compiled._years.cache_clear()
    _holidays.bundled_year.cache_clear()


def test_the_compiled_file_is_current() -> None:
    committed = Path(_compiled.compiled_path()).read_text(encoding="utf-8")
    assert committed == _compile_holidays.compiled_text(), (
        f"calendar/data/holidays.json is stale: a holiday YAML file changed; run `{REGENERATE}` "
        "and commit the result with the YAML change"
    )
    assert _compiled.REGENERATE == REGENERATE


def test_the_compiled_file_holds_exactly_the_bundled_years() -> None:
    data = json.loads(Path(_compiled.compiled_path()).read_text(encoding="utf-8"))
    assert data["format"] == _compiled.FORMAT
    assert data["generated_by"] == REGENERATE
    assert sorted(map(int, data["years"])) == list(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_every_compiled_year_equals_the_strict_parse_of_its_yaml(year: int) -> None:
    text, source = yaml_of(year)
    strict = parse_holidays(text, source=source)
    fields = _compiled.compiled_fields(year, text)
    assert fields is not None, f"{year} is not compiled from its current YAML; run `{REGENERATE}`"
    compiled = HolidayYear(**fields, file=source)
    assert compiled == strict
    # the parts equality does not see: the order of the sources, shared source objects
    assert list(compiled.sources) == list(strict.sources)
    assert all(h.source is compiled.sources[h.source.id] for h in compiled.holidays)
    assert HolidayYear.bundled(year) == strict  # what the calendar is built on


def test_the_bundled_data_exercises_every_compiled_field() -> None:
    # The equality test above is only as strong as the data: every optional part occurs.
    years = [HolidayYear.bundled(y) for y in YEARS]
    holidays = [h for y in years for h in y.holidays]
    sources = [s for y in years for s in y.sources.values()]
    assert any(y.removed for y in years)
    assert {h.status for h in holidays} == {HolidayStatus.DECREED, HolidayStatus.PROVISIONAL}
    assert {h.note is None for h in holidays} == {True, False}
    assert {s.date is None for s in sources} == {True, False}
    assert {s.note is None for s in sources} == {True, False}
    assert {s.confidence for s in sources} == {"P", "S"}


SYNTHETIC = """\
year: 2031
sources:
  - id: skb
    title: SKB 2031
    date: 2030-09-01
    confidence: P
    urls: [https://example.org/skb, https://example.org/skb-2]
    note: A note on the source
  - id: rev
    title: SKB 2031 (Perubahan)
    urls: [https://example.org/rev]
holidays:
  - date: 2031-01-01
    name: Tahun Baru 2031 Masehi
    category: libur_nasional
    source: skb
  - date: 2031-01-02
    name: Cuti Bersama Tahun Baru
    category: cuti_bersama
    source: rev
    note: Added by the revision
    status: provisional
  - date: 2031-01-02
    name: Hari Pemungutan Suara
    category: pemungutan_suara
    source: skb
removed:
  - date: 2031-01-03
    name: Cuti Bersama (dihapus)
    category: cuti_bersama
    source: skb
    removed_by: rev
python_holidays:
  - date: 2031-01-02
    note: python-holidays does not list it
"""


def test_a_year_with_every_optional_part_round_trips(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    strict = parse_holidays(SYNTHETIC, source="2031.yaml")
    assert strict.removed
    assert strict.python_holidays_notes
    assert strict.provisional
    path = tmp_path / "holidays.json"
    path.write_text(_compiled.render([(strict, SYNTHETIC)]), encoding="utf-8")
    monkeypatch.setattr(_compiled, "compiled_path", lambda: str(path))
    fields = _compiled.compiled_fields(2031, SYNTHETIC)
    assert fields is not None
    compiled = HolidayYear(**fields, file="2031.yaml")
    assert compiled == strict
    assert list(compiled.sources) == ["skb", "rev"]
    assert [h.category for h in compiled.holidays] == [h.category for h in strict.holidays]


def test_an_edited_yaml_is_read_strictly_not_from_the_compiled_file(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, source = yaml_of(2025)
    edited = text.replace("Cuti Bersama Hari Suci Nyepi", "Cuti Bersama Nyepi (edited)")
    assert edited != text
    assert _compiled.compiled_fields(2025, edited) is None
    assert _compiled.compiled_fields(2025, text + "# a comment\n") is None

    def read(package: str, folder: str, name: str, *, what: str) -> tuple[str, str]:
        found = bundled_text(package, folder, name, what=what)
        return (edited, found[1]) if name == "2025" else found

    monkeypatch.setattr(_holidays, "bundled_text", read)
    year = HolidayYear.bundled(2025)
    assert year == parse_holidays(edited, source=source)
    assert "Cuti Bersama Nyepi (edited) Tahun Baru Saka 1947" in {h.name for h in year.holidays}
    span = WorkCalendar.indonesia(holidays_dir=None).explain(
        dt.date(2025, 3, 27), dt.date(2025, 4, 22)
    )
    assert span.skipped[0].name == "Cuti Bersama Nyepi (edited) Tahun Baru Saka 1947"


def test_an_edited_yaml_with_an_error_fails_loudly(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ppid_core.errors import DataFileError

    def read(package: str, folder: str, name: str, *, what: str) -> tuple[str, str]:
        text, source = bundled_text(package, folder, name, what=what)
        return (text.replace("category: cuti_bersama", "category: cuti"), source)

    monkeypatch.setattr(_holidays, "bundled_text", read)
    with pytest.raises(DataFileError) as info:
        HolidayYear.bundled(2025)
    assert "unknown value 'cuti'" in str(info.value.exceptions[0])


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        json.dumps({"format": _compiled.FORMAT + 1, "years": {}}).encode(),
        json.dumps({"format": _compiled.FORMAT, "years": []}).encode(),
    ],
    ids=["not JSON", "not an object", "another format", "years not an object"],
)
def test_an_unusable_compiled_file_is_ignored(
    content: bytes, fresh_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "holidays.json"
    path.write_bytes(content)
    monkeypatch.setattr(_compiled, "compiled_path", lambda: str(path))
    text, source = yaml_of(2024)
    assert _compiled.compiled_fields(2024, text) is None
    assert HolidayYear.bundled(2024) == parse_holidays(text, source=source)


def test_a_missing_compiled_file_or_year_is_ignored(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text, _ = yaml_of(2024)
    monkeypatch.setattr(_compiled, "compiled_path", lambda: str(tmp_path / "absent.json"))
    assert _compiled.compiled_fields(2024, text) is None
    _compiled._years.cache_clear()
    monkeypatch.setattr(_compiled, "compiled_path", _compiled_path_of(tmp_path, {}))
    assert _compiled.compiled_fields(2024, text) is None


def test_a_damaged_entry_with_the_right_digest_is_ignored(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text, source = yaml_of(2024)
    entry = json.loads(Path(_compiled.compiled_path()).read_text(encoding="utf-8"))["years"]["2024"]
    entry["holidays"][0]["category"] = "libur"
    monkeypatch.setattr(_compiled, "compiled_path", _compiled_path_of(tmp_path, {"2024": entry}))
    assert _compiled.compiled_fields(2024, text) is None
    assert HolidayYear.bundled(2024) == parse_holidays(text, source=source)


def _compiled_path_of(tmp_path: Path, years: dict[str, object]) -> object:
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps({"format": _compiled.FORMAT, "years": years}), encoding="utf-8")
    return lambda: str(path)


def test_the_generator_writes_and_checks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "holidays.json"
    monkeypatch.setattr(_compile_holidays, "compiled_path", lambda: str(path))
    assert _compile_holidays.main(["--check"]) == 1
    assert capsys.readouterr().out == f"{path}: stale; regenerate it with: {REGENERATE}\n"
    assert not path.exists()
    assert _compile_holidays.main([]) == 0
    assert capsys.readouterr().out == f"{path}: written\n"
    assert path.read_text(encoding="utf-8") == _compile_holidays.compiled_text()
    assert _compile_holidays.main(["--check"]) == 0
    assert capsys.readouterr().out == f"{path}: up to date\n"
    assert _compile_holidays.main(["--write"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_the_digest_sees_any_edit() -> None:
    text, _ = yaml_of(2027)
    assert _compiled.digest(text) != _compiled.digest(text.replace("2027-03-10", "2027-03-11"))
    assert _compiled.digest(text) != _compiled.digest(text + " ")
