"""The names read_survey, parse_regime and Regime.bundled replace: they warn for one release,
naming the replacement, and still give what they gave."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.errors import UnknownNameError
from ppid_core.examples.ikm import seed_survey_text
from ppid_core.ikm import (
    Regime,
    available_regimes,
    from_dataframe,
    from_rows,
    load_regime,
    parse_regime,
    read_csv,
    read_csv_pandas,
    read_records,
    read_survey,
    read_xlsx,
)

TEXT = seed_survey_text()


@contextmanager
def _deprecated(old: str, new: str) -> Iterator[None]:
    message = (
        f"{old} is deprecated and will be removed in ppid-core 0.2; use {new} "
        "(see the guide 'Loading data')"
    )
    with pytest.deprecated_call(match=f"^{re.escape(message)}$"):
        yield


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / "skm.csv"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_read_csv(seed_csv: Path) -> None:
    with _deprecated("read_csv(path)", "read_survey(path)"):
        old = read_csv(seed_csv, by=["Layanan"])
    assert old == read_survey(seed_csv, by=["Layanan"])


def test_read_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for row in csv.reader(io.StringIO(TEXT)):
        wb.active.append(row)
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    with _deprecated("read_xlsx(path)", "read_survey(path)"):
        old = read_xlsx(path)
    assert old == read_survey(path)


def test_read_records() -> None:
    header, *records = csv.reader(io.StringIO(TEXT))
    with _deprecated("read_records(header, records)", "read_survey(records, header=header)"):
        old = read_records(header, records, source="s")
    assert old == read_survey(records, header=header, source_name="s")


def test_from_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(TEXT)))
    with _deprecated("from_rows(rows)", "read_survey(rows)"):
        old = from_rows(rows, source="s")
    assert old == read_survey(rows, source_name="s")


def test_from_dataframe_and_read_csv_pandas(seed_csv: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(seed_csv)
    with _deprecated("from_dataframe(df)", "read_survey(df)"):
        old = from_dataframe(frame)
    assert old == read_survey(frame)
    with _deprecated("read_csv_pandas(path)", "read_survey(path, engine='pandas')"):
        old = read_csv_pandas(seed_csv)
    assert old == read_survey(seed_csv, engine="pandas")


def test_score_by() -> None:
    survey = read_survey(TEXT.encode())
    with _deprecated("Survey.score_by(column)", "Survey.score(by=column)"):
        old = survey.score_by("Layanan")  # works late too: it is score(by=...)
    assert old == survey.score(by="Layanan")


def test_available_regimes() -> None:
    with _deprecated("available_regimes()", "Regime.bundled_names()"):
        old = available_regimes()
    assert old == Regime.bundled_names() == ("kepmenpan_25_2004", "permenpan_14_2017")


def test_regime_from_yaml() -> None:
    text = _bundled_bytes().decode("utf-8")
    with _deprecated("Regime.from_yaml(text)", "parse_regime(text)"):
        old = Regime.from_yaml(text)
    assert old == parse_regime(text) == Regime.bundled()


def test_load_regime_by_name_keeps_its_old_meaning() -> None:
    with _deprecated(
        "load_regime('kepmenpan_25_2004') for a bundled regime",
        "Regime.bundled('kepmenpan_25_2004')",
    ):
        old = load_regime("kepmenpan_25_2004")
    assert old is Regime.bundled("kepmenpan_25_2004")
    with (
        _deprecated("load_regime('nope') for a bundled regime", "Regime.bundled('nope')"),
        pytest.raises(UnknownNameError, match=r"^unknown regime 'nope'; bundled: "),
    ):
        load_regime("nope")


def test_load_regime_without_a_file_keeps_its_old_meaning() -> None:
    # the loader vocabulary: load_*(source) reads a file; bundled data is Regime.bundled()
    with _deprecated("load_regime() without a file", "Regime.bundled()"):
        old = load_regime()
    assert old is Regime.bundled()


def _bundled_bytes() -> bytes:
    return (resources.files("ppid_core.ikm") / "data/regimes/permenpan_14_2017.yaml").read_bytes()
