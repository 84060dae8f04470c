"""pandas integration: the vectorised path and the fallback agree with the CSV reader."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from ppid_core.errors import DataFileError, MissingExtraError, UnknownNameError
from ppid_core.examples.ikm import SEED_FILE, read_seed_survey, seed_survey_text
from ppid_core.ikm import read_survey

pd = pytest.importorskip("pandas")


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    path.write_text(seed_survey_text(), encoding="utf-8")
    return path


def test_the_pandas_engine_equals_the_python_engine(seed_csv: Path) -> None:
    expected = read_seed_survey(by=["Layanan"])
    got = read_survey(seed_csv, engine="pandas", by=["Layanan"])
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
    s = read_survey(pd.DataFrame([row, row]))
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
        read_survey(pd.DataFrame(rows), source_name="frame")
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        "frame: row 3, column \"Persyaratan\": '3.5' is not an answer",
        'frame: row 4, column "Persyaratan": blank answer',
        "frame: row 5, column \"Persyaratan\": '0' is not an answer",
    ]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch, seed_csv: Path) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as info:
        read_survey(seed_csv, engine="pandas")
    assert str(info.value) == (
        "pandas is needed for this; install it with: pip install 'ppid-core[pandas]'"
    )


def test_integer_columns_off_the_scale_take_the_validating_path() -> None:
    # 0 and 5 are integers but not scores: the bincount path must not accept them.
    names = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]
    row = {**dict.fromkeys(names, 4), "Sarana": 5, "Pengaduan": 0}
    with pytest.raises(DataFileError) as exc:
        read_survey(pd.DataFrame([row]), source_name="frame")
    assert len(exc.value.exceptions) == 2


def test_integer_fast_path_equals_the_text_path(seed_csv: Path) -> None:
    frame = pd.read_csv(seed_csv)
    as_text = frame.astype(str)
    assert read_survey(frame) == read_survey(as_text)


NAMES = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]
NINE = [*NAMES, "Sarana", "Pengaduan"]


def _frame(scores: list[int], layanan: list[object]) -> Any:
    frame = pd.DataFrame([dict.fromkeys(NINE, s) for s in scores])
    frame["Layanan"] = pd.Series(layanan, dtype=object)
    return frame


def test_by_blank_and_nan_are_one_group_on_the_integer_path() -> None:
    # The case: on the all-integer path the "(kosong)" group took its respondents
    # from isna() only but its totals from every blank-looking row (2 respondents,
    # IKM 75.00 C). Grouped by cell text, as on the text path: 3 respondents, 50.00 D.
    frame = _frame([4, 1, 1], ["", float("nan"), None])
    fast = read_survey(frame, by=["Layanan"])
    text = read_survey(frame.astype(str).replace({"nan": "", "None": ""}), by=["Layanan"])
    assert fast.groups == text.groups
    assert fast == text
    group = fast.score(by="Layanan").groups[""]
    assert (group.respondents, str(group.ikm_display), group.mutu) == (3, "50.00", "D")


def test_by_groups_agree_on_both_paths_with_blanks_and_padding() -> None:
    frame = _frame([4, 3, 2, 1, 4, 3], ["A", " A ", "", float("nan"), None, 7])
    fast = read_survey(frame, by=["layanan."])
    text = read_survey(
        frame.astype(object).astype(str).replace({"nan": "", "None": ""}), by=["Layanan"]
    )
    assert fast.groups == text.groups
    assert {k: t.respondents for k, t in fast.groups["Layanan"].items()} == {
        "": 3,
        "7": 1,
        "A": 2,
    }


def test_by_a_missing_or_personal_column_is_refused() -> None:
    frame = _frame([4], ["A"])
    frame["Nama"] = ["Budi"]
    with pytest.raises(UnknownNameError) as info:
        read_survey(frame, by=["Usia"], source_name="frame")
    assert str(info.value) == (
        "no column 'Usia' in frame to break down by; columns: Persyaratan, Prosedur, Waktu, "
        "Biaya, Produk, Kompetensi, Perilaku, Sarana, Pengaduan, Layanan, Nama"
    )
    with pytest.raises(UnknownNameError, match=r"^column 'Nama' of frame holds personal data"):
        read_survey(frame, by=["Nama"], source_name="frame")


def test_the_pandas_engine_reads_cells_as_the_python_engine_does(tmp_path: Path) -> None:
    # "NA" is text (not a blank), a blank line is a row that is reported.
    header = ",".join(NINE) + ",Layanan\n"
    path = tmp_path / "na.csv"
    path.write_text(header + "4,4,4,4,4,4,4,4,4,NA\n\n4,4,4,4,4,4,4,4,NA,B\n", encoding="utf-8")
    with pytest.raises(DataFileError) as ours:
        read_survey(path)
    with pytest.raises(DataFileError) as theirs:
        read_survey(path, engine="pandas")
    assert theirs.value.report() == ours.value.report()
    assert (
        ours.value.report().splitlines()[0] == f"{path}: row 3: empty row; delete it or fill it in"
    )


def test_the_pandas_engine_hands_what_pandas_cannot_parse_to_the_python_engine(
    tmp_path: Path,
) -> None:
    header = ",".join(NINE) + ",Layanan\n"
    path = tmp_path / "wide.csv"
    path.write_text(header + "4,4,4,4,4,4,4,4,4,A\n4,4,4,4,4,4,4,4,4,A,extra\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_survey(path, engine="pandas")
    assert info.value.report() == f"{path}: row 3: 11 cells; the header has 10"
    binary = tmp_path / "book.csv"
    binary.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(DataFileError) as info:
        read_survey(binary, engine="pandas")
    assert info.value.report() == (
        f"{binary}:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its "
        ".xlsx name"
    )
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_survey(empty, engine="pandas")
    assert info.value.report() == f"{empty}: row 1: the file is empty; expected a header row"


CODES = [f"U{i}" for i in range(1, 10)]


def test_codes_dates_and_notes_on_the_vectorised_path() -> None:
    df = pd.DataFrame(
        [["2024-06-04", *[4] * 8, 1], ["2024-09-30", *[3] * 9]], columns=["Tanggal", *CODES]
    )
    survey = read_survey(df)
    rows = read_survey(
        [["Tanggal", *CODES], *df.astype(str).values.tolist()], source_name="<DataFrame>"
    )
    assert survey == rows
    assert survey.dates() == [(2, "2024-06-04"), (3, "2024-09-30")]
    assert survey.notes == rows.notes
    assert survey.tally.nrr("pengaduan") == 2


def test_a_long_frame() -> None:
    df = pd.DataFrame(
        [[who, q, 4 if who == "R1" else 3] for who in ("R1", "R2") for q in range(1, 10)],
        columns=["id_responden", "no_pertanyaan", "nilai"],
    )
    survey = read_survey(df)
    assert (survey.layout, survey.respondents, str(survey.score().ikm_display)) == (
        "long",
        2,
        "87.50",
    )


def test_the_pandas_engine_hands_a_header_below_titles_to_the_python_engine(
    tmp_path: Path,
) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        "REKAP SKM 2024\n\nLayanan," + ",".join(CODES) + "\nA,4,4,4,4,4,4,4,3,1\n",
        encoding="utf-8",
    )
    python = read_survey(path)
    assert python.header_row == "row 3"
    assert read_survey(path, engine="pandas") == python
    long = tmp_path / "long.csv"
    long.write_text(
        "id_responden,no_pertanyaan,nilai\n" + "".join(f"R1,{q},4\n" for q in range(1, 10)),
        encoding="utf-8",
    )
    assert read_survey(long, engine="pandas").layout == "long"
