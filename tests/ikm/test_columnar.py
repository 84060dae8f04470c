"""The columnar IKM engine (``engine="polars"``): the pure reader's survey and errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from unittest import mock

import pytest

from ppid_core.cli import main
from ppid_core.errors import DataFileError, MissingExtraError, UnknownNameError
from ppid_core.ikm import Survey, read_survey
from ppid_core.ikm import _columnar as columnar

pytest.importorskip("polars")

from ppid_core.ikm._columnar_count import WHITESPACE

NAMES = (
    "Persyaratan,Prosedur,Waktu,Biaya,Produk,Kompetensi,Perilaku,Sarana dan Prasarana,"
    "Penanganan Pengaduan"
)
HEADER = f"Layanan,{NAMES}\n"
ROW = "Informasi,3,4,3,4,2,3,4,1,3\n"


def _file(tmp_path: Path, text: str, name: str = "skm.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def _same(path: Path | bytes, **options: object) -> Survey:
    pure = read_survey(path, **options)  # type: ignore[arg-type]
    fast = read_survey(path, engine="polars", **options)  # type: ignore[arg-type]
    assert fast == pure
    assert fast.score().to_json() == pure.score().to_json()
    assert (fast.profile, fast.responses, fast.notes, fast.header_row) == (
        pure.profile,
        pure.responses,
        pure.notes,
        pure.header_row,
    )
    return fast


@pytest.fixture
def fell_back() -> object:
    """Counts the readings polars left to the pure reader."""
    pure = columnar.read_csv_source  # type: ignore[attr-defined]  # what it falls back to
    with mock.patch.object(columnar, "read_csv_source", wraps=pure) as spy:
        yield spy


def test_a_plain_file_is_counted_by_polars(tmp_path: Path, fell_back: mock.Mock) -> None:
    survey = _same(_file(tmp_path, HEADER + ROW * 40 + "Konsultasi,1,2,3,4,4,3,2,1,4\n"))
    assert fell_back.call_count == 0
    assert survey.respondents == 41
    assert str(survey.score(by="Layanan").groups["Konsultasi"]) == (
        "IKM 66.67 (C, Kurang Baik); 1 responden"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("REKAP SKM 2024,,\n\n" + HEADER + ROW * 40, id="title rows"),
        pytest.param("\ufeff" + (HEADER + ROW * 40).replace("\n", "\r\n"), id="bom crlf"),
        pytest.param((HEADER + ROW * 40).replace(",", ";"), id="semicolons"),
        pytest.param(HEADER + ROW * 40 + " Informasi ,3,4,3,4,2,3,4,1,3", id="no last newline"),
        pytest.param(HEADER + ROW.replace(",3,4,3", ",Sesuai,4,3") * 40, id="an unsur as labels"),
        pytest.param(
            f"Layanan,{NAMES},Tanggal\n" + ROW.replace("\n", ",2024-06-04\n") * 40,
            id="a date column",
        ),
    ],
)
def test_files_offices_have_are_counted_by_polars(
    tmp_path: Path, fell_back: mock.Mock, text: str
) -> None:
    _same(_file(tmp_path, text))
    assert fell_back.call_count == 0


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (HEADER + ROW * 40 + '"Informasi",3,4,3,4,2,3,4,1,3\n', "a quote"),
        (HEADER + ROW * 40 + "Informasi,3,4,3,4,2,3,4,1,3\r", "a lone CR"),
        (HEADER + ROW * 40 + "Informasi,3,4,3,4,2,3,4,1\n", "a short row"),
        (HEADER + ROW * 40 + "\n", "a blank line"),
        (HEADER + ROW * 10, "no more than 30 data rows"),
        (HEADER + ROW * 40 + "Informasi,3,,3,4,2,3,4,1,3\n", "a blank answer"),
    ],
)
def test_what_polars_cannot_decide_is_read_by_the_pure_reader(
    tmp_path: Path, fell_back: mock.Mock, text: str, why: str
) -> None:
    path = _file(tmp_path, text)
    outcomes: list[object] = []
    for engine in ("python", "polars"):
        try:
            survey = read_survey(path, engine=engine, missing="per_unsur")
            outcomes.append((survey, survey.score().to_json(), survey.responses))
        except DataFileError as exc:
            outcomes.append(exc.report())
    assert outcomes[0] == outcomes[1]
    assert fell_back.call_count == 1, why


def test_the_errors_are_the_pure_readers_all_at_once(tmp_path: Path) -> None:
    text = HEADER + ROW * 40 + "Informasi,3,9,3,4,2,3,4,1,3\n\nInformasi,3,4,3\n"
    path = _file(tmp_path, text)
    with pytest.raises(DataFileError) as pure:
        read_survey(path)
    with pytest.raises(DataFileError) as fast:
        read_survey(path, engine="polars")
    assert fast.value.report() == pure.value.report()
    assert [str(e) for e in fast.value.exceptions] == [
        f"{path}: row 42, column \"Prosedur\": '9' is not an answer; expected a score "
        "1-4 or an answer label ('1', '2', '3', '4', 'Tidak mudah', 'Kurang mudah', "
        "'Mudah', 'Sangat mudah')",
        f"{path}: row 43: empty row; delete it or fill it in",
        f"{path}: row 44: 4 cells; the header has 10",
    ]


def test_a_windows_file_keeps_its_note(tmp_path: Path) -> None:
    text = (HEADER + ROW * 40 + "Informasi,3,4,3,4,2,3,4,1,3\n").replace("Informasi", "Informasí")
    path = tmp_path / "skm.csv"
    path.write_bytes(text.encode("cp1252"))
    survey = _same(path)
    assert survey.notes[0].startswith("read as cp1252")


def test_bytes_are_read_as_a_path_is(tmp_path: Path) -> None:
    text = HEADER + ROW * 40
    path = _file(tmp_path, text)
    assert _same(text.encode(), source_name=str(path)) == read_survey(path)


def test_whitespace_is_what_str_strip_removes() -> None:
    assert "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()) == WHITESPACE


def test_without_polars_the_extra_is_named(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + ROW * 40)
    with mock.patch.dict(sys.modules, {"polars": None}), pytest.raises(MissingExtraError) as exc:
        read_survey(path, engine="polars")
    assert str(exc.value) == (
        "polars is needed for this; install it with: pip install 'ppid-core[polars]'"
    )


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(UnknownNameError) as exc:
        read_survey(b"", engine="duckdb")
    assert str(exc.value) == "unknown engine 'duckdb'; use one of python, pandas, polars"


def test_ppid_ikm_score_engine_polars_prints_the_same_json(tmp_path: Path) -> None:
    path = str(_file(tmp_path, HEADER + ROW * 40))
    outputs = []
    for extra in ([], ["--engine", "polars"]):
        out = io.StringIO()
        assert main(["ikm", "score", path, "--json", *extra], out=out) == 0
        outputs.append(json.loads(out.getvalue()))
    assert outputs[0] == outputs[1]
