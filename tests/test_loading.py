"""One loader vocabulary: every ``load_*`` reads a path, bytes or a binary file object alike.

Each loader is run on the same file in every form; the results must be equal, equal to
the matching ``parse_*`` of its text, and its errors must name the ``source=`` given (the
guide "Loading data" documents the vocabulary). The deprecated names must still work, and
warn with their new spelling.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from ppid_core.calendar import (
    HolidayYear,
    load_holidays,
    load_local_calendar,
    parse_holidays,
    parse_local_calendar,
)
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.rb import (
    Framework,
    check_file,
    load_any,
    load_monitoring,
    load_plan,
    load_realisation,
    load_team,
    parse_plan,
    parse_realisation,
    parse_team,
)
from ppid_core.requests import (
    Register,
    RuleSet,
    TopicTable,
    load_register,
    load_rule_set,
    load_topics,
    parse_register,
    parse_rule_set,
    parse_topics,
)

PKG = resources.files("ppid_core")


def _bytes(*parts: str) -> bytes:
    return PKG.joinpath(*parts).read_bytes()


LOCAL = b"office: KPU Kabupaten Flores Timur\nzone: WITA\nclosures:\n  - date: 2024-11-04\n    until: 2024-11-08\n    name: Penutupan kantor\n"  # noqa: E501
PLAN_BYTES = _bytes("examples", "rb", "kpu-ntt-2022-rencana-aksi.yaml")
PLAN = parse_plan(PLAN_BYTES.decode())
REALISATION = _bytes("examples", "rb", "kpu-ntt-2022-realisasi.yaml")
REGISTER = _bytes("examples", "requests", "kpu_ntt_2024.csv")


@attrs.frozen
class Case:
    """A loader, its parse_* twin, a file it reads, and a damage that gives an error."""

    data: bytes
    name: str  # the file name (suffix matters for registers)
    load: Callable[..., Any]
    parse: Callable[..., Any] | None
    damaged: bytes  # the file with a mistake in it


YAML_DAMAGE = b"\nzzz_not_a_field: 1\n"
CASES: dict[str, Case] = {
    "holidays": Case(
        _bytes("calendar", "data", "holidays", "2027.yaml"),
        "2027.yaml",
        load_holidays,
        parse_holidays,
        _bytes("calendar", "data", "holidays", "2027.yaml") + YAML_DAMAGE,
    ),
    "local calendar": Case(
        LOCAL, "kantor.yaml", load_local_calendar, parse_local_calendar, LOCAL + YAML_DAMAGE
    ),
    "rule set": Case(
        _bytes("requests", "data", "rules", "uu_14_2008.yaml"),
        "rules.yaml",
        load_rule_set,
        parse_rule_set,
        _bytes("requests", "data", "rules", "uu_14_2008.yaml") + YAML_DAMAGE,
    ),
    "topics": Case(
        _bytes("requests", "data", "topics", "kpu.yaml"),
        "topics.yaml",
        load_topics,
        parse_topics,
        _bytes("requests", "data", "topics", "kpu.yaml") + YAML_DAMAGE,
    ),
    "register": Case(
        REGISTER,
        "register.csv",
        load_register,
        parse_register,
        REGISTER.replace(b"4 Juni 2024", b"4 Juni 20244", 1),
    ),
    "plan": Case(PLAN_BYTES, "plan.yaml", load_plan, parse_plan, PLAN_BYTES + YAML_DAMAGE),
    "team": Case(
        _bytes("examples", "rb", "kpu-ntt-2022-tim.yaml"),
        "tim.yaml",
        load_team,
        parse_team,
        _bytes("examples", "rb", "kpu-ntt-2022-tim.yaml") + YAML_DAMAGE,
    ),
    "realisation": Case(
        REALISATION,
        "realisasi.yaml",
        lambda file, **kw: load_realisation(file, plan=PLAN, **kw),
        lambda text, **kw: parse_realisation(text, plan=PLAN, **kw),
        REALISATION + YAML_DAMAGE,
    ),
    "monitoring": Case(
        REALISATION,
        "realisasi.yaml",
        lambda file, **kw: load_monitoring(file, plan=PLAN, **kw),
        None,
        REALISATION + YAML_DAMAGE,
    ),
    "any rb file": Case(PLAN_BYTES, "plan.yaml", load_any, None, PLAN_BYTES + YAML_DAMAGE),
    "check rb file": Case(PLAN_BYTES, "plan.yaml", check_file, None, PLAN_BYTES + YAML_DAMAGE),
}


def _located(exc: DataFileError) -> list[LocatedError]:
    errors = [e for e in exc.exceptions if isinstance(e, LocatedError)]
    assert len(errors) == len(exc.exceptions) > 0
    return errors


def _forms(tmp_path: Path, case: Case, data: bytes) -> dict[str, Any]:
    path = tmp_path / case.name
    path.write_bytes(data)
    return {"path": path, "str": str(path), "bytes": data, "file": io.BytesIO(data)}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_every_form_gives_the_same_result(tmp_path: Path, kind: str) -> None:
    case = CASES[kind]
    forms = _forms(tmp_path, case, case.data)
    results = {form: case.load(file, source=case.name) for form, file in forms.items()}
    with (tmp_path / case.name).open("rb") as fh:
        results["open file"] = case.load(fh, source=case.name)
    first = results["path"]
    assert all(result == first for result in results.values()), results
    if case.parse is not None:
        assert case.parse(case.data.decode("utf-8"), source=case.name) == first


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("form", ["path", "bytes", "file"])
def test_errors_name_the_source_given(tmp_path: Path, kind: str, form: str) -> None:
    case = CASES[kind]
    file = _forms(tmp_path, case, case.damaged)[form]
    with pytest.raises(DataFileError) as info:
        case.load(file, source="upload-42")
    assert str(info.value).startswith("upload-42: ")
    assert all(e.source == "upload-42" for e in _located(info.value))


@pytest.mark.parametrize(
    ("kind", "form", "name"),
    [
        ("plan", "bytes", "<bytes>"),
        ("plan", "file", "<file>"),
        ("plan", "str", "{path}"),
        ("holidays", "file", "<file>"),
        ("register", "bytes", "<bytes>"),
        ("register", "path", "register.csv"),  # a register names its file, not its folder
    ],
)
def test_default_names(tmp_path: Path, kind: str, form: str, name: str) -> None:
    case = CASES[kind]
    file = _forms(tmp_path, case, case.damaged)[form]
    with pytest.raises(DataFileError) as info:
        case.load(file)
    assert {e.source for e in _located(info.value)} == {name.format(path=tmp_path / case.name)}


def test_an_open_file_is_named_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(PLAN_BYTES + YAML_DAMAGE)
    with path.open("rb") as fh, pytest.raises(DataFileError) as info:
        load_plan(fh)
    assert _located(info.value)[0].source == str(path)


def test_xlsx_register_from_every_form(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    for row in csv.reader(io.StringIO(REGISTER.decode())):
        sheet.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)
    data = path.read_bytes()
    where = 'register.xlsx, sheet "2024"'
    from_path = load_register(path)
    assert from_path.source == where
    for file in (data, io.BytesIO(data)):  # no name with a suffix: the bytes say XLSX
        assert attrs.evolve(load_register(file), source=where) == from_path
    assert load_register(data, source="register.xlsx") == from_path
    assert load_register(io.BytesIO(data), source="r.bin", format="xlsx").source == (
        'r.bin, sheet "2024"'
    )


def test_bundled_data_is_the_parsed_file() -> None:
    rules = _bytes("requests", "data", "rules", "perki_1_2019.yaml").decode()
    assert RuleSet.bundled("perki_1_2019") == parse_rule_set(rules)
    assert RuleSet.bundled() is RuleSet.bundled("uu_14_2008")  # read once, then shared
    assert TopicTable.bundled() == parse_topics(
        _bytes("requests", "data", "topics", "umum.yaml").decode()
    )
    assert TopicTable.bundled("kpu") == parse_topics(
        _bytes("requests", "data", "topics", "kpu.yaml").decode()
    )
    year = HolidayYear.bundled(2024)
    assert year.year == 2024
    assert year is HolidayYear.bundled(2024)
    assert Framework.bundled("rb-2020-2024") is Framework.bundled()


# -- deprecated names: they still work, and warn with the new spelling ---------------------


def _old_and_new(tmp_path: Path) -> list[tuple[Callable[[], object], Callable[[], object], str]]:
    from ppid_core import calendar, rb, requests

    rules_file = tmp_path / "rules.yaml"
    rules_file.write_bytes(_bytes("requests", "data", "rules", "uu_14_2008.yaml"))
    topics_file = tmp_path / "topics.yaml"
    topics_file.write_bytes(_bytes("requests", "data", "topics", "kpu.yaml"))
    register_file = tmp_path / "register.csv"
    register_file.write_bytes(REGISTER)
    holidays_file = tmp_path / "2027.yaml"
    holidays_file.write_bytes(_bytes("calendar", "data", "holidays", "2027.yaml"))
    text_2027 = holidays_file.read_text(encoding="utf-8")
    rows = [line.split(",") for line in REGISTER.decode().splitlines()[:3]]
    team = _bytes("examples", "rb", "kpu-ntt-2022-tim.yaml").decode()
    real = REALISATION.decode()
    return [
        (
            lambda: calendar.load_holiday_file(holidays_file),
            lambda: load_holidays(holidays_file),
            "use load_holidays(path)",
        ),
        (
            lambda: calendar.parse_holiday_year(text_2027),
            lambda: parse_holidays(text_2027),
            "use parse_holidays(text)",
        ),
        (
            lambda: calendar.load_bundled_year(2027),
            lambda: HolidayYear.bundled(2027),
            "use HolidayYear.bundled(year)",
        ),
        (
            calendar.bundled_years,
            HolidayYear.bundled_names,
            "use HolidayYear.bundled_names()",
        ),
        (
            lambda: requests.load_rule_set("perki_1_2019"),
            lambda: RuleSet.bundled("perki_1_2019"),
            "use RuleSet.bundled('perki_1_2019')",
        ),
        (requests.load_rule_set, RuleSet.bundled, "use RuleSet.bundled()"),
        (
            lambda: requests.read_rule_set(rules_file),
            lambda: load_rule_set(rules_file),
            "use load_rule_set(path)",
        ),
        (requests.rule_set_names, RuleSet.bundled_names, "use RuleSet.bundled_names()"),
        (requests.load_topics, TopicTable.bundled, "use TopicTable.bundled()"),
        (
            lambda: requests.read_topics(topics_file),
            lambda: load_topics(topics_file),
            "use load_topics(path)",
        ),
        (
            lambda: requests.read_register(register_file),
            lambda: load_register(register_file),
            "use load_register(path)",
        ),
        (
            lambda: requests.parse_register(rows),
            lambda: Register.from_rows(rows),
            "use Register.from_rows(rows)",
        ),
        (lambda: rb.loads_plan(PLAN_BYTES.decode()), lambda: PLAN, "use parse_plan(text)"),
        (lambda: rb.loads_team(team), lambda: parse_team(team), "use parse_team(text)"),
        (
            lambda: rb.loads_realisation(real, plan=PLAN),
            lambda: parse_realisation(real, plan=PLAN),
            "use parse_realisation(text)",
        ),
        (
            lambda: rb.Framework.named("rb-2020-2024"),
            lambda: Framework.bundled("rb-2020-2024"),
            "use Framework.bundled(key)",
        ),
        (rb.Framework.default, Framework.bundled, "use Framework.bundled()"),
    ]


def test_deprecated_names_work_and_warn(tmp_path: Path) -> None:
    for old, new, message in _old_and_new(tmp_path):
        with pytest.deprecated_call(match=re.escape(message)):
            result = old()
        assert result == new(), message


def test_an_unknown_name_stays_an_unknown_name_error() -> None:
    from ppid_core.errors import UnknownNameError

    with pytest.deprecated_call(), pytest.raises(UnknownNameError) as info:
        load_rule_set("uu_14_2009")
    assert str(info.value) == "unknown rule set 'uu_14_2009'; bundled: perki_1_2019, uu_14_2008"


def test_a_name_that_is_a_file_is_read_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _bytes("requests", "data", "rules", "perki_1_2019.yaml").decode()
    (tmp_path / "regime").write_text(text.replace("name: perki_1_2019", "name: kantor"))
    monkeypatch.chdir(tmp_path)
    assert load_rule_set("regime").name == "kantor"  # no warning: a path
