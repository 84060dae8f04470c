"""Reading respondents: header matching, validation with located errors, missing policies."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.ikm import MissingPolicy, read_survey
from ppid_core.ikm._reader import CHUNK

HEADER = (
    "Persyaratan,Prosedur,Waktu,Biaya,Produk,Kompetensi,Perilaku,"
    "Sarana dan Prasarana,Penanganan Pengaduan,Layanan"
)


def _csv(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _errors(path: Path, **kwargs: object) -> list[str]:
    with pytest.raises(DataFileError) as info:
        read_survey(path, **kwargs)  # type: ignore[arg-type]
    return [str(e) for e in info.value.exceptions]


def test_columns_by_name_in_any_order_and_profile(tmp_path: Path) -> None:
    header = (
        "Layanan,Penanganan Pengaduan,Sarana dan Prasarana,Perilaku,Kompetensi,Produk,"
        "Biaya,Waktu,Prosedur,Persyaratan,Jenis Kelamin"
    )
    path = _csv(tmp_path, "Informasi,1,2,3,4,4,4,4,4,4,Perempuan", header=header)
    s = read_survey(path)
    assert s.tally.totals == (4, 4, 4, 4, 4, 4, 3, 1, 2)  # regime order: pengaduan, sarana
    assert s.profile == {"layanan": {"Informasi": 1}, "jenis_kelamin": {"Perempuan": 1}}


def test_answer_labels_are_scores(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Sangat sesuai,mudah,Cepat,Gratis,Sesuai,Kompeten,"
        "Sopan dan ramah,Sangat Baik,Dikelola dengan baik,X",
    )
    assert read_survey(path).tally.totals == (4, 3, 3, 4, 3, 3, 3, 4, 4)


def test_semicolon_files(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4;4;4;4;4;4;4;4;4;X", header=HEADER.replace(",", ";"))
    assert read_survey(path).respondents == 1


def test_every_bad_value_is_located_at_once(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A", "0,5,3.5,baik,,4,4,4,4,A", "4,4,4,4,4,4,4,4,4,A")
    assert _errors(path) == [
        f"{path}: row 3, column \"Persyaratan\": '0' is not an answer; expected a score 1-4 or "
        "an answer label ('1', '2', '3', '4', 'Tidak sesuai', 'Kurang sesuai', 'Sesuai', "
        "'Sangat sesuai')",
        f"{path}: row 3, column \"Prosedur\": '5' is not an answer; expected a score 1-4 or an "
        "answer label ('1', '2', '3', '4', 'Tidak mudah', 'Kurang mudah', 'Mudah', "
        "'Sangat mudah')",
        f"{path}: row 3, column \"Waktu\": '3.5' is not an answer; expected a score 1-4 or an "
        "answer label ('1', '2', '3', '4', 'Tidak cepat', 'Kurang cepat', 'Cepat', "
        "'Sangat cepat')",
        f"{path}: row 3, column \"Biaya\": 'baik' is not an answer; expected a score 1-4 or an "
        "answer label ('1', '2', '3', '4', 'Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis')",
        f'{path}: row 3, column "Produk": blank answer; expected a score 1-4 or an answer label '
        "(or choose a policy for incomplete questionnaires: per_unsur or drop)",
    ]


def test_row_shape_errors(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4", "", "4,4,4,4,4,4,4,4,4,A")
    assert _errors(path) == [
        f"{path}: row 2: 9 cells; the header has 10",
        f"{path}: row 3: empty row; delete it or fill it in",
    ]


def test_missing_per_unsur(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,,A", "2,4,4,4,4,4,4,4,2,A")
    s = read_survey(path, missing="per_unsur")
    assert s.respondents == 2
    assert s.tally.answered[7] == 1  # pengaduan (regime order) answered once
    assert s.tally.nrr("pengaduan") == 2
    assert s.tally.nrr("persyaratan") == 3


def test_missing_drop_counts_the_dropped(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,,A", "2,4,4,4,4,4,4,4,2,A")
    s = read_survey(path, missing=MissingPolicy.DROP)
    assert (s.respondents, s.tally.dropped) == (1, 1)
    assert s.tally.nrr("persyaratan") == 2


def test_a_questionnaire_with_no_answer_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, ",,,,,,,,,A")
    assert _errors(path, missing="per_unsur") == [
        f"{path}: row 2: no unsur answered; a questionnaire needs at least one"
    ]


CODES = "U1,U2,U3,U4,U5,U6,U7,U8,U9"


def test_codes_are_read_by_the_question_numbers(tmp_path: Path) -> None:
    # U8 is question 8 of the standard questionnaire, sarana; most listings of the
    # regulation put pengaduan 8th, so each reading is noted (reference ikm.md §1.2).
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=CODES)
    s = read_survey(path)
    assert s.tally.nrr("sarana") == 3
    assert s.tally.nrr("pengaduan") == 1
    assert s.notes[7:] == (
        "U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)",
        "U9 → Penanganan Pengaduan, Saran dan Masukan (question 9 of the standard questionnaire)",
    )
    assert s.header_row == "row 1"


@pytest.mark.parametrize(
    "header",
    [
        "Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9",
        "p1,p2,p3,p4,p5,p6,p7,p8,p9",
        "Unsur 1,Unsur 2,Unsur 3,Unsur 4,Unsur 5,Unsur 6,Unsur 7,Unsur 8,Unsur 9",
        "Pertanyaan 1,Pertanyaan 2,Pertanyaan 3,Pertanyaan 4,Pertanyaan 5,Pertanyaan 6,"
        "Pertanyaan 7,Pertanyaan 8,Pertanyaan 9",
        "SOAL_1,SOAL_2,SOAL_3,SOAL_4,SOAL_5,SOAL_6,SOAL_7,SOAL_8,SOAL_9",
        "U-1,U.2,u 3,U_4,U5,U6,U7,U 8,U9.",
    ],
)
def test_every_kind_of_code(tmp_path: Path, header: str) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=header)
    assert read_survey(path).tally.totals == (4, 4, 4, 4, 4, 4, 4, 1, 3)


def test_a_mapping_overrides_the_question_numbers(tmp_path: Path) -> None:
    # an app that numbers pengaduan 8th says so
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=CODES)
    s = read_survey(path, columns={"u8": "pengaduan", "U9": "Sarana dan Prasarana"})
    assert (s.tally.nrr("pengaduan"), s.tally.nrr("sarana")) == (Fraction(3), Fraction(1))
    assert s.notes[7:] == (
        "U8 → Penanganan Pengaduan, Saran dan Masukan (as mapped)",
        "U9 → Sarana dan Prasarana (as mapped)",
    )


def test_a_code_with_a_name_is_read_by_its_name(tmp_path: Path) -> None:
    header = (
        "U1 Persyaratan,U2 Prosedur,U3 Waktu,U4 Biaya,U5 Produk,U6 Kompetensi,U7 Perilaku,"
        "U8 (Penanganan Pengaduan),U9 (Sarana dan Prasarana)"
    )
    s = read_survey(_csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=header))
    assert (s.tally.nrr("pengaduan"), s.tally.nrr("sarana")) == (Fraction(3), Fraction(1))
    assert s.notes == (
        "U8 (Penanganan Pengaduan) → Penanganan Pengaduan, Saran dan Masukan by its name, "
        "although question 8 of the standard questionnaire asks about Sarana dan Prasarana",
        "U9 (Sarana dan Prasarana) → Sarana dan Prasarana by its name, although question 9 "
        "of the standard questionnaire asks about Penanganan Pengaduan, Saran dan Masukan",
    )


def test_a_code_beyond_the_questions_is_located(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1,4", header=CODES + ",U10")
    assert _errors(path) == [
        f"{path}: row 1, column \"U10\": 'U10' is question 10, but regime permenpan_14_2017 "
        "has questions 1-9; map the column to an unsur (e.g. columns={'U10': 'persyaratan'} "
        "or --map U10=persyaratan), or remove it"
    ]


def test_codes_and_names_for_one_unsur_are_an_ambiguous_header(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1,4", header=CODES + ",Sarana dan Prasarana")
    assert _errors(path) == [
        f"{path}: row 1, column \"Sarana dan Prasarana\": ambiguous header: columns 'U8' "
        "(question 8 of the standard questionnaire) and 'Sarana dan Prasarana' (its name) "
        "both name unsur 'sarana' (Sarana dan Prasarana); keep one of them, or say which is "
        "which with columns= (--map HEADER=UNSUR)"
    ]


def test_a_mapping_that_names_no_column_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=CODES)
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, columns={"U08": "sarana"})
    assert str(info.value) == (
        f"columns: no column 'U08' in {path}; columns: U1, U2, U3, U4, U5, U6, U7, U8, U9"
    )


def test_duplicate_and_badly_mapped_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A,4", header=HEADER + ",Sarpras")
    assert _errors(path) == [
        f"{path}: row 1, column \"Sarpras\": ambiguous header: columns 'Sarana dan Prasarana' "
        "(its name) and 'Sarpras' (its name) both name unsur 'sarana' (Sarana dan "
        "Prasarana); keep one of them, or say which is which with columns= "
        "(--map HEADER=UNSUR)"
    ]
    path2 = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A", name="t.csv")
    assert _errors(path2, columns={"Layanan": "parkir"})[0] == (
        f"{path2}: row 1, column \"Layanan\": no unsur 'parkir' in regime permenpan_14_2017; "
        "known: persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, "
        "sarana"
    )


def test_empty_file_and_unknown_by(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_text("", encoding="utf-8")
    assert _errors(empty) == [f"{empty}: row 1: the file is empty; expected a header row"]
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A")
    with pytest.raises(UnknownNameError, match="no column 'Usia' in"):
        read_survey(path, by=["Usia"])


def test_groups(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A", "2,2,2,2,2,2,2,2,2,B", "3,3,3,3,3,3,3,3,3, A ")
    s = read_survey(path, by=["layanan"])
    assert set(s.groups["Layanan"]) == {"A", "B"}
    assert s.groups["Layanan"]["A"].totals == (7,) * 9
    assert s.groups["Layanan"]["A"].respondents == 2


def test_errors_after_the_first_chunk_have_the_right_row() -> None:
    header = HEADER.split(",")
    good = ["4"] * 9 + ["A"]
    rows = [good] * (CHUNK + 5) + [["4"] * 8 + ["x", "A"]]
    with pytest.raises(DataFileError) as info:
        read_survey(rows, header=header, source_name="big.csv")
    assert str(info.value.exceptions[0]).startswith(
        f"big.csv: row {CHUNK + 7}, column \"Penanganan Pengaduan\": 'x' is not an answer"
    )


def test_rows_of_mappings_values() -> None:
    base = {
        "Persyaratan": 4,
        "Prosedur": 4,
        "Waktu": 4,
        "Biaya": 4,
        "Produk": 4,
        "Kompetensi": 4,
        "Perilaku": 4,
        "Sarana dan Prasarana": 4.0,
    }
    s = read_survey([{**base, "Penanganan Pengaduan": 1}])
    assert s.tally.totals[-2] == 1
    bad: list[dict[str, object]] = [
        {**base, "Penanganan Pengaduan": True},
        {**base, "Penanganan Pengaduan": 3.5},
        {**base, "Penanganan Pengaduan": None},
    ]
    with pytest.raises(DataFileError) as info:
        read_survey(bad)
    assert [str(e).split(";")[0] for e in info.value.exceptions] == [
        "<rows>: row 2, column \"Penanganan Pengaduan\": 'True' is not an answer",
        "<rows>: row 3, column \"Penanganan Pengaduan\": '3.5' is not an answer",
        '<rows>: row 4, column "Penanganan Pengaduan": blank answer',
    ]


def test_fast_path_cannot_be_fooled_by_compensating_cells(tmp_path: Path) -> None:
    # an empty cell next to "44" has the same total length as two single digits
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A", "4,4,4,4,4,4,4,,44,A")
    assert [str(e).split(";")[0] for e in _errors(path)] == [
        f'{path}: row 3, column "Sarana dan Prasarana": blank answer',
        f"{path}: row 3, column \"Penanganan Pengaduan\": '44' is not an answer",
    ]


def test_rows_of_different_widths_that_compensate(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4", "4,4,4,4,4,4,4,4,4,A,A")
    assert _errors(path) == [
        f"{path}: row 2: 9 cells; the header has 10",
        f"{path}: row 3: 11 cells; the header has 10",
    ]


def test_crlf_and_quotes_later_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    body = [HEADER] + ["4,4,4,4,4,4,4,4,4,A"] * 3 + ['3,3,3,3,3,3,3,3,3,"Layanan, ""Baru""\nkedua"']
    path.write_bytes("\r\n".join(body).encode() + b"\r\n")
    s = read_survey(path, by=["Layanan"])
    assert s.respondents == 4
    assert set(s.groups["Layanan"]) == {"A", 'Layanan, "Baru"\nkedua'}


def test_quoted_header_uses_the_csv_module(tmp_path: Path) -> None:
    header = '"Persyaratan","Prosedur",Waktu,Biaya,Produk,Kompetensi,Perilaku,Sarana,Pengaduan'
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4", header=header)
    assert read_survey(path).tally.totals == (4,) * 9


ROW = "4,4,4,4,4,4,4,4,4,A"


def _read_both(path: Path, **kwargs: object) -> list[object]:
    """What the fast block path and the csv-module path make of a file (tiny blocks)."""
    from ppid_core.ikm._csv import read_csv_source

    out: list[object] = []
    for csv_module in (False, True):
        options: dict[str, object] = {
            "regime": None,
            "columns": None,
            "missing": "refuse",
            "by": ["Layanan"],
            "delimiter": None,
            "encoding": "utf-8-sig",
            "block": 8,
            "chunk": 2,
            **kwargs,
        }
        try:
            out.append(read_csv_source(path, csv_module=csv_module, **options))  # type: ignore[arg-type]
        except DataFileError as exc:
            out.append(exc.report())
    return out


def test_a_lone_cr_ends_a_line_on_both_paths(tmp_path: Path) -> None:
    # A lone CR (old Mac files, a stray key) ends a line as in the csv module, whether or
    # not a quote appears in the file: the same row is no longer accepted or refused by
    # accident of which path read it.
    plain = tmp_path / "cr.csv"
    plain.write_bytes(f"{HEADER}\r{ROW}\r3,3,3,3,3,3,3,3,3,B\r\n{ROW}\n".encode())
    quoted = tmp_path / "crq.csv"
    quoted.write_bytes(f'{HEADER}\r{ROW}\r3,3,3,3,3,3,3,3,3,"B"\r\n{ROW}\n'.encode())
    survey = read_survey(plain, by=["Layanan"])
    assert survey.respondents == 3
    assert set(survey.groups["Layanan"]) == {"A", "B"}
    assert read_survey(quoted, by=["Layanan"]) == attrs.evolve(survey, source=str(quoted))
    assert _read_both(plain) == [survey, survey]


def test_a_lone_cr_inside_a_row_splits_it_on_both_paths(tmp_path: Path) -> None:
    for name, last in (("a.csv", "A"), ("b.csv", '"A"')):
        path = tmp_path / name
        path.write_bytes(f"{HEADER}\n4,4,4,4\r4,4,4,4,4,{last}\n".encode())
        expected = (
            f"{path}: row 2: 4 cells; the header has 10\n{path}: row 3: 6 cells; the header has 10"
        )
        assert _errors_report(path) == expected
        assert _read_both(path) == [expected, expected]


def _errors_report(path: Path, **kwargs: object) -> str:
    with pytest.raises(DataFileError) as info:
        read_survey(path, **kwargs)  # type: ignore[arg-type]
    return info.value.report()


@pytest.mark.parametrize("quote", ['"', ""])
def test_a_cell_over_the_csv_limit_is_located(tmp_path: Path, quote: str) -> None:
    # _csv.Error ("field larger than field limit (131072)") used to escape as a traceback
    # on the csv path; the fast path now keeps the same limit, so both say the same.
    path = tmp_path / "long.csv"
    cell = quote + "x" * 131_073 + (quote if quote else "")
    path.write_text(f"{HEADER}\n{ROW}\n5,{ROW[2:]}\n{ROW[:-1]}{cell}\n{ROW}\n", encoding="utf-8")
    expected = (
        f"{path}: row 3, column \"Persyaratan\": '5' is not an answer; expected a score 1-4 or "
        "an answer label ('1', '2', '3', '4', 'Tidak sesuai', 'Kurang sesuai', 'Sesuai', "
        "'Sangat sesuai')\n"
        f"{path}: row 4: a cell of more than 131,072 characters, the most a CSV cell may hold "
        "(is a quote left open?); the rest of the file was not read"
    )
    assert _errors_report(path) == expected
    assert _read_both(path, block=1 << 22, chunk=32_768) == [expected, expected]


def test_an_open_quote_that_swallows_the_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(f'{HEADER}\n{ROW}\n"4,{ROW[2:]}\n' + f"{ROW}\n" * 7000, encoding="utf-8")
    assert _errors_report(path) == (
        f"{path}: row 3: a cell of more than 131,072 characters, the most a CSV cell may hold "
        "(is a quote left open?); the rest of the file was not read"
    )


def test_a_quoted_header_cell_over_the_limit_is_located(tmp_path: Path) -> None:
    path = tmp_path / "head.csv"
    path.write_text('"' + "h" * 131_073 + f'",{HEADER}\n{ROW},4\n', encoding="utf-8")
    assert _errors_report(path) == (
        f"{path}: row 1: a cell of more than 131,072 characters, the most a CSV cell may hold "
        "(is a quote left open?); the rest of the file was not read"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"PK\x03\x04\x14\x00",
            "1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name",
        ),
        (b"\x00\x01\x02binary", "1:1: a NUL byte: this is binary data, not CSV text"),
    ],
)
def test_what_is_not_csv_text_is_located(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    report = _errors_report(path)
    assert report.endswith(message)
    assert report == f"{path}:{message}"


def test_windows_and_utf16_files_are_read_and_a_guess_is_noted(tmp_path: Path) -> None:
    # The shared opener (ppid_core._textio) reads what Excel saves: UTF-16 with its mark,
    # and cp1252 from an Indonesian Windows, whose first accented letter may come late.
    text = f"{HEADER}\n" + f"{ROW}\n" * 2000 + "4,4,4,4,4,4,4,4,4,Jos\u00e9\n"
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(text, encoding="utf-8")
    expected = read_survey(utf8, by=["Layanan"])
    assert expected.notes == ()
    for name, encoding in (("utf16.csv", "utf-16"), ("cp1252.csv", "cp1252")):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        survey = read_survey(path, by=["Layanan"])
        assert survey == attrs.evolve(expected, source=str(path))
    assert survey.notes == ("read as cp1252 (Windows); save as CSV UTF-8 to be sure",)


def test_another_encoding_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(f"{HEADER}\n4,4,4,4,4,4,4,4,4,Jos\u00e9\n".encode("cp1252"))
    assert read_survey(path, encoding="cp1252", by=["Layanan"]).groups["Layanan"].keys() == {
        "Jos\u00e9"
    }
    assert _errors_report(path, encoding="ascii") == (
        f"{path}: byte 0xE9 cannot be read as ascii; save the file as CSV UTF-8"
    )
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, encoding="klingon")
    assert str(info.value) == ("unknown encoding 'klingon'; CSV files are read as UTF-8 by default")


def test_bad_arguments_are_ppid_errors(tmp_path: Path) -> None:
    path = _csv(tmp_path, ROW)
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, delimiter=";;")
    assert str(info.value) == (
        "a delimiter is one character other than a quote or a line break, got ';;'"
    )
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, missing="guess")
    assert str(info.value) == (
        "unknown policy for blank answers 'guess'; use one of refuse, per_unsur, drop"
    )


def test_titles_and_blank_rows_above_the_header_are_skipped_and_said(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text(
        f"\nREKAP SURVEI KEPUASAN MASYARAKAT 2024,,\n;;\n{HEADER.upper()}\n{ROW}\n",
        encoding="utf-8",
    )
    s = read_survey(path)
    assert (s.header_row, s.respondents, s.tally.totals) == ("row 4", 1, (4,) * 9)


def test_a_file_of_blank_rows_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("\n,,\n\n", encoding="utf-8")
    assert _errors_report(path) == f"{path}: row 1: only blank rows; expected a header row"


def test_a_header_that_names_nothing_is_read_at_the_top(tmp_path: Path) -> None:
    # no row scores: the first row is taken, and what it lacks is reported
    path = _csv(tmp_path, ROW, header="A,B,C,D,E,F,G,H,I,J")
    errors = _errors(path)
    assert len(errors) == 9
    assert errors[0] == (
        f"{path}: row 1: no column for unsur 'persyaratan'; accepted headers: 'persyaratan', "
        "'Persyaratan', 'Persyaratan Layanan', 'Persyaratan Pelayanan', the code U1 or the "
        "text of question 1"
    )


def test_by_matches_headers_as_the_unsur_columns_are(tmp_path: Path) -> None:
    path = _csv(tmp_path, ROW, header=HEADER.replace("Layanan", " Layanan. "))
    s = read_survey(path, by=["LAYANAN"])
    assert s.score(by="Layanan").groups["A"].respondents == 1
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, by=["Usia"])
    assert str(info.value) == (
        f"no column 'Usia' in {path} to break down by; columns: Persyaratan, Prosedur, Waktu, "
        "Biaya, Produk, Kompetensi, Perilaku, Sarana dan Prasarana, Penanganan Pengaduan, "
        "Layanan."
    )


PERSONAL = HEADER + ",Nama,No. HP,E-mail"


def test_a_breakdown_by_a_personal_column_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, ROW + ",Budi Santoso,085339672120,budi@example.org", header=PERSONAL)
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, by=["nama"])
    assert str(info.value) == (
        f"column 'Nama' of {path} holds personal data; a breakdown by it would print it for "
        "every group: choose a column such as Layanan"
    )


def test_messages_never_print_personal_data(tmp_path: Path) -> None:
    # A phone number or an e-mail typed into an answer column, and a huge cell: each is
    # masked or cut in the message; answer words stay readable.
    path = _csv(
        tmp_path,
        "4,4,4,4,4,4,4,4,4,A,Budi Santoso S.T.,0853,b@x.org",
        "4,4,4,4,4,4,4,4,085339672120,A,Ana,0853,a@x.org",
        "4,4,4,4,4,4,4,4,budi@example.org,A,Ana,0853,a@x.org",
        "4,4,4,4,4,4,4,4," + "y" * 500 + ",A,Ana,0853,a@x.org",
        "4,4,4,4,4,4,4,4,Sangat puas,A,Ana,0853,a@x.org",
        header=PERSONAL,
    )
    report = _errors_report(path)
    assert "085339672120" not in report
    assert "budi@example.org" not in report
    assert [line.split("; expected")[0] for line in report.splitlines()] == [
        f"{path}: row 3, column \"Penanganan Pengaduan\": '********2120' (masked) is not an answer",
        f"{path}: row 4, column \"Penanganan Pengaduan\": 'b***@example.org' (masked) is not "
        "an answer",
        f"{path}: row 5, column \"Penanganan Pengaduan\": '{'y' * 40}...' (500 characters) is "
        "not an answer",
        f"{path}: row 6, column \"Penanganan Pengaduan\": 'Sangat puas' is not an answer",
    ]


def test_a_personal_column_mapped_to_an_unsur_is_masked(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "4,4,4,4,4,4,4,4,4,A,Budi Santoso,0853,b@x.org",
        header=PERSONAL.replace("Persyaratan,", "Syarat,"),
    )
    report = _errors_report(path, columns={"Nama": "persyaratan"})
    assert report.split("; expected")[0] == (
        f"{path}: row 2, column \"Nama\": 'B. S.' (masked) is not an answer"
    )


def test_the_columns_listed_for_a_missing_by_column_are_masked(tmp_path: Path) -> None:
    # Without a header row the first respondent's cells are the "headers": an error that
    # lists them must not print a phone number or an e-mail address.
    path = _csv(tmp_path, ROW, header=HEADER + ",085339672120,budi@example.org")
    with pytest.raises(UnknownNameError) as info:
        read_survey(path, by=["Usia"])
    assert str(info.value).endswith("Penanganan Pengaduan, Layanan, ********2120, b***@example.org")
