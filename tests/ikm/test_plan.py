"""Where a survey's header is and what each column holds (issue 10)."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.ikm import read_survey

NAMES: list[object] = [
    "Persyaratan",
    "Prosedur",
    "Waktu",
    "Biaya",
    "Produk",
    "Kompetensi",
    "Perilaku",
]
NAMES += ["Sarana", "Pengaduan"]
CODES: list[object] = [f"U{i}" for i in range(1, 10)]
ROW: list[object] = [4, 4, 4, 4, 4, 4, 4, 3, 1]


def _errors(rows: list[list[object]], **kwargs: object) -> list[str]:
    with pytest.raises(DataFileError) as info:
        read_survey(rows, source_name="skm.csv", **kwargs)  # type: ignore[arg-type]
    return [str(e) for e in info.value.exceptions]


def test_a_header_below_titles_and_blank_rows() -> None:
    rows: list[list[object]] = [
        ["SURVEI KEPUASAN MASYARAKAT"],
        ["KPU PROVINSI NUSA TENGGARA TIMUR TAHUN 2024"],
        [],
        ["No", "Layanan", *CODES],
        [1, "Informasi", *ROW],
    ]
    survey = read_survey(rows)
    assert (survey.header_row, survey.respondents) == ("row 4", 1)
    assert survey.tally.totals == (4, 4, 4, 4, 4, 4, 4, 1, 3)


def test_a_two_row_header_with_a_merged_group() -> None:
    rows: list[list[object]] = [
        ["REKAPITULASI SKM 2024"],
        ["No", "Jenis Kelamin", "Nilai Unsur Pelayanan", *[""] * 8, "Layanan"],
        ["", "", *CODES, ""],
        [1, "Perempuan", *ROW, "Informasi"],
        [2, "Laki-laki", *ROW, "Konsultasi"],
    ]
    survey = read_survey(rows)
    assert survey.header_row == "rows 2-3 (two header rows joined)"
    assert survey.respondents == 2
    assert survey.profile["jenis_kelamin"] == {"Laki-laki": 1, "Perempuan": 1}
    assert survey.group_columns == ("No", "Jenis Kelamin", "Layanan")
    assert survey.notes[0] == "U1 → Persyaratan (question 1 of the standard questionnaire)"


def test_numbered_sub_columns_under_an_unsur_group() -> None:
    rows: list[list[object]] = [
        ["No", "Unsur", *[""] * 8],
        ["", *[str(i) for i in range(1, 10)]],
        [1, *ROW],
    ]
    survey = read_survey(rows)
    assert survey.header_row == "rows 1-2 (two header rows joined)"
    assert survey.tally.totals == (4, 4, 4, 4, 4, 4, 4, 1, 3)


def test_a_header_row_of_data_is_not_taken_for_codes() -> None:
    # No header at all: scores are not question codes, so nothing scores and the first
    # row is taken and found wanting, as before.
    errors = _errors([[4, 3, 4, 4, 2, 4, 4, 3, 1], ROW])
    assert errors[0] == (
        "skm.csv: row 1: no column for unsur 'persyaratan'; accepted headers: 'persyaratan', "
        "'Persyaratan', 'Persyaratan Layanan', 'Persyaratan Pelayanan', the code U1 or the "
        "text of question 1"
    )


def test_profile_and_date_columns_are_matched_folded() -> None:
    rows: list[list[object]] = [
        ["CAP WAKTU", "jenis_kelamin", "PENDIDIKAN TERAKHIR", "Umur", *NAMES],
        ["04/06/2024 10:15:00", "Perempuan", "S1", "31", *ROW],
    ]
    survey = read_survey(rows)
    assert survey.date_column == "CAP WAKTU"
    assert survey.profile == {
        "jenis_kelamin": {"Perempuan": 1},
        "pendidikan": {"S1": 1},
        "usia": {"31": 1},
    }


def test_two_columns_for_one_profile_field_are_an_ambiguous_header() -> None:
    rows: list[list[object]] = [["Jenis Kelamin", "Gender", *NAMES], ["P", "P", *ROW]]
    assert _errors(rows) == [
        "skm.csv: row 1, column \"Gender\": ambiguous header: columns 'Jenis Kelamin' (its "
        "name) and 'Gender' (its name) both name the profile column 'jenis_kelamin'; keep one "
        "of them, or say which is which with columns= (--map HEADER=FIELD)"
    ]
    survey = read_survey(rows, columns={"Gender": "layanan"})
    assert survey.profile["layanan"] == {"P": 1}


def test_the_first_of_two_date_columns_unless_one_is_mapped() -> None:
    rows: list[list[object]] = [
        ["Timestamp", "Tanggal", *NAMES],
        ["2024/06/04 10:15", "2024-06-03", *ROW],
    ]
    survey = read_survey(rows)
    assert survey.date_column == "Timestamp"
    assert survey.notes == (
        "date column: 'Timestamp' (the first of several; also 'Tanggal'); choose another with "
        "columns={HEADER: 'date'}",
    )
    mapped = read_survey(rows, columns={"Tanggal": "date"})
    assert (mapped.date_column, mapped.dates()) == ("Tanggal", [(2, "2024-06-03")])


def test_a_column_mapped_to_nothing_known() -> None:
    assert _errors([["Layanan", *NAMES], ["A", *ROW]], columns={"Layanan": "parkir"})[0] == (
        "skm.csv: row 1, column \"Layanan\": no unsur 'parkir' in regime permenpan_14_2017; "
        "known: persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, "
        "sarana"
    )


def test_an_unknown_layout_is_refused() -> None:
    with pytest.raises(UnknownNameError) as info:
        read_survey([NAMES, ROW], layout="tall")
    assert str(info.value) == "unknown layout 'tall'; use one of wide, long (or none, to detect it)"


def test_the_header_errors_name_the_header_row() -> None:
    rows: list[list[object]] = [["Rekap"], [], ["Layanan", *NAMES[:-1], "Sarpras"], ["A", *ROW]]
    assert _errors(rows) == [
        "skm.csv: row 3, column \"Sarpras\": ambiguous header: columns 'Sarana' (its name) and "
        "'Sarpras' (its name) both name unsur 'sarana' (Sarana dan Prasarana); keep one of "
        "them, or say which is which with columns= (--map HEADER=UNSUR)",
        "skm.csv: row 3: no column for unsur 'pengaduan'; accepted headers: 'pengaduan', "
        "'Penanganan Pengaduan, Saran dan Masukan', 'Penanganan Pengaduan', 'Pengaduan', "
        "'Penanganan Pengaduan Saran dan Masukan', the code U9 or the text of question 9",
    ]
