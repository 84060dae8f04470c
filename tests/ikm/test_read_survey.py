"""read_survey: one entry point, the same survey whatever holds the respondents."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.examples.ikm import SEED_FILE, read_seed_survey, seed_survey_text
from ppid_core.ikm import Survey, read_survey

TEXT = seed_survey_text()
NAME = "skm-2024.csv"


def _rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(TEXT)))


def _whole(cell: str) -> object:
    return int(cell) if cell.isdigit() else cell


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text(TEXT, encoding="utf-8")
    return path


def _every_form(path: Path) -> dict[str, Survey]:
    header, *records = _rows()
    typed: list[list[object]] = [[*header], *([_whole(c) for c in row] for row in records)]
    with path.open("rb") as fh:
        from_file_object = read_survey(fh, source_name=NAME)
    return {
        "path": attrs.evolve(read_survey(path), source=NAME),
        "str path": attrs.evolve(read_survey(str(path)), source=NAME),
        "bytes": read_survey(path.read_bytes(), source_name=NAME),
        "bytearray": read_survey(bytearray(path.read_bytes()), source_name=NAME),
        "file object": from_file_object,
        "rows with their header": read_survey([header, *records], source_name=NAME),
        "rows under a header": read_survey(records, header=header, source_name=NAME),
        "typed rows": read_survey(typed, source_name=NAME),
        "mappings": read_survey(
            [dict(zip(header, r, strict=True)) for r in typed[1:]], source_name=NAME
        ),
    }


def test_every_form_gives_the_same_survey_and_results(seed_csv: Path) -> None:
    surveys = _every_form(seed_csv)
    expected = read_seed_survey(by=())
    expected = attrs.evolve(expected, source=NAME)
    for form, survey in surveys.items():
        assert survey == expected, form
        assert survey.score() == expected.score(), form
        assert survey.score(by="Layanan") == expected.score(by="Layanan"), form
        both = ["Layanan", "Jenis Kelamin"]
        assert survey.score(by=both) == expected.score(by=both), form


def test_a_dataframe_gives_the_same_survey(seed_csv: Path) -> None:
    pd = pytest.importorskip("pandas")
    expected = read_survey(seed_csv, source_name="frame")
    numbers = pd.read_csv(seed_csv)  # integer columns: the vectorised path
    text = pd.read_csv(seed_csv, dtype=str)  # text columns: the validating path
    assert read_survey(numbers, source_name="frame") == expected
    assert read_survey(text, source_name="frame") == expected
    pandas_engine = read_survey(seed_csv, engine="pandas", source_name="frame")
    assert pandas_engine == expected
    by_service = read_survey(numbers, source_name="frame").score(by="Layanan")
    assert by_service == expected.score(by="Layanan")


def test_an_xlsx_workbook_in_every_form(tmp_path: Path, seed_csv: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM"
    for row in _rows():
        ws.append([_whole(c) for c in row])
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    expected = read_survey(seed_csv)
    sheet = f'{path}, sheet "SKM"'
    assert read_survey(path) == attrs.evolve(expected, source=sheet)
    data = path.read_bytes()
    assert read_survey(data, source_name=str(path)) == attrs.evolve(expected, source=sheet)
    with path.open("rb") as fh:  # a file object is named by its name
        assert read_survey(fh) == attrs.evolve(expected, source=sheet)
    unnamed = read_survey(io.BytesIO(data))
    assert unnamed.source == '<file>, sheet "SKM"'
    assert read_survey(data).source == '<bytes>, sheet "SKM"'


def test_the_format_is_the_suffix_else_the_content(tmp_path: Path, seed_csv: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for row in _rows():
        wb.active.append([_whole(c) for c in row])
    book = tmp_path / "export"  # no suffix: a workbook by its zip signature
    wb.save(book)
    plain = tmp_path / "export.dat"
    plain.write_text(TEXT, encoding="utf-8")
    assert read_survey(book).respondents == 150
    assert read_survey(plain).respondents == 150
    assert read_survey(seed_csv.read_bytes()).respondents == 150
    assert read_survey(plain, format="CSV").respondents == 150
    with pytest.raises(DataFileError) as info:
        read_survey(plain, format="xlsx")
    assert info.value.report() == (
        f"{plain}: not a readable .xlsx workbook (not a zip archive, which an .xlsx file is)"
    )


def test_a_workbook_named_csv_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert info.value.report() == (
        f"{path}:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name"
    )


def test_unknown_names_and_forms_are_refused(seed_csv: Path) -> None:
    with pytest.raises(UnknownNameError, match=r"^unknown format 'ods'; use one of csv, xlsx$"):
        read_survey(seed_csv, format="ods")
    with pytest.raises(UnknownNameError, match=r"^unknown engine 'duckdb'; use one of python"):
        read_survey(seed_csv, engine="duckdb")
    with pytest.raises(UnknownNameError, match="engine 'pandas' reads UTF-8 files"):
        read_survey(seed_csv, engine="pandas", encoding="cp1252")
    with pytest.raises(TypeError, match=r"^expected a path, bytes, a binary file object, a Data"):
        read_survey(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="open the file in binary mode"):
        read_survey(io.StringIO(TEXT))


def test_no_rows_at_all_is_located() -> None:
    with pytest.raises(DataFileError) as info:
        read_survey([], source_name="form")
    assert info.value.report() == "form: row 1: no rows; expected a header row"


def test_by_may_be_one_column_name() -> None:
    survey = read_survey(TEXT.encode(), by="layanan")
    assert survey.by == ("Layanan",)
    assert list(survey.groups) == ["Layanan"]


def test_the_seed_reads_as_documented() -> None:
    survey = read_seed_survey()
    assert survey.source == SEED_FILE
    assert survey.group_columns == (
        "No",
        "Layanan",
        "Jenis Kelamin",
        "Pendidikan",
        "Pekerjaan",
        "Usia",
    )
