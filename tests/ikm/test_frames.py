"""pandas integration: the vectorised path and the fallback agree with the CSV reader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, MissingExtraError
from ppid_core.examples.ikm import SEED_FILE, read_seed_survey, seed_survey_text
from ppid_core.ikm import from_dataframe, read_csv_pandas

pd = pytest.importorskip("pandas")


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    path.write_text(seed_survey_text(), encoding="utf-8")
    return path


def test_pandas_path_equals_the_csv_reader(seed_csv: Path) -> None:
    expected = read_seed_survey(by=["Layanan"])
    got = read_csv_pandas(seed_csv, by=["Layanan"])
    assert got.tally == expected.tally
    assert got.groups == expected.groups
    assert got.profile == expected.profile
    assert str(got.score()) == "IKM 90.67 (A, Sangat Baik); 150 responden"


def test_labels_fall_back_to_the_text_reader() -> None:
    row = {
        "Persyaratan": "Sesuai",
        "Prosedur": 4,
        "Waktu": 4,
        "Biaya": 4,
        "Produk": 4,
        "Kompetensi": 4,
        "Perilaku": 4,
        "Sarana": 4,
        "Pengaduan": 4,
    }
    s = from_dataframe(pd.DataFrame([row, row]))
    assert s.tally.totals[0] == 6


def test_bad_values_are_located_as_in_a_spreadsheet() -> None:
    rows = [
        {
            "Persyaratan": v,
            "Prosedur": 4,
            "Waktu": 4,
            "Biaya": 4,
            "Produk": 4,
            "Kompetensi": 4,
            "Perilaku": 4,
            "Sarana": 4,
            "Pengaduan": 4,
        }
        for v in (4, 3.5, None, 0)
    ]
    with pytest.raises(DataFileError) as info:
        from_dataframe(pd.DataFrame(rows), source="frame")
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        "frame: row 3, column \"Persyaratan\": '3.5' is not an answer",
        'frame: row 4, column "Persyaratan": blank answer',
        "frame: row 5, column \"Persyaratan\": '0' is not an answer",
    ]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as info:
        from_dataframe(object())
    assert str(info.value) == (
        "pandas is needed for this; install it with: pip install 'ppid-core[pandas]'"
    )


def test_integer_columns_off_the_scale_take_the_validating_path() -> None:
    # 0 and 5 are integers but not scores: the bincount path must not accept them.
    names = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]
    row = {**dict.fromkeys(names, 4), "Sarana": 5, "Pengaduan": 0}
    with pytest.raises(DataFileError) as exc:
        from_dataframe(pd.DataFrame([row]), source="frame")
    assert len(exc.value.exceptions) == 2


def test_integer_fast_path_equals_the_text_path(seed_csv: Path) -> None:
    frame = pd.read_csv(seed_csv)
    as_text = frame.astype(str)
    assert from_dataframe(frame).tally == from_dataframe(as_text).tally
