"""Reading respondents: header matching, validation with located errors, missing policies."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.ikm import MissingPolicy, from_rows, read_csv, read_records
from ppid_core.ikm._read import _CHUNK

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
        read_csv(path, **kwargs)  # type: ignore[arg-type]
    return [str(e) for e in info.value.exceptions]


def test_columns_by_name_in_any_order_and_profile(tmp_path: Path) -> None:
    header = (
        "Layanan,Penanganan Pengaduan,Sarana dan Prasarana,Perilaku,Kompetensi,Produk,"
        "Biaya,Waktu,Prosedur,Persyaratan,Jenis Kelamin"
    )
    path = _csv(tmp_path, "Informasi,1,2,3,4,4,4,4,4,4,Perempuan", header=header)
    s = read_csv(path)
    assert s.tally.totals == (4, 4, 4, 4, 4, 4, 3, 1, 2)  # regime order: pengaduan, sarana
    assert s.profile == {"layanan": {"Informasi": 1}, "jenis_kelamin": {"Perempuan": 1}}


def test_answer_labels_are_scores(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Sangat sesuai,mudah,Cepat,Gratis,Sesuai,Kompeten,"
        "Sopan dan ramah,Sangat Baik,Dikelola dengan baik,X",
    )
    assert read_csv(path).tally.totals == (4, 3, 3, 4, 3, 3, 3, 4, 4)


def test_semicolon_files(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4;4;4;4;4;4;4;4;4;X", header=HEADER.replace(",", ";"))
    assert read_csv(path).respondents == 1


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
    s = read_csv(path, missing="per_unsur")
    assert s.respondents == 2
    assert s.tally.answered[7] == 1  # pengaduan (regime order) answered once
    assert s.tally.nrr("pengaduan") == 2
    assert s.tally.nrr("persyaratan") == 3


def test_missing_drop_counts_the_dropped(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,,A", "2,4,4,4,4,4,4,4,2,A")
    s = read_csv(path, missing=MissingPolicy.DROP)
    assert (s.respondents, s.tally.dropped) == (1, 1)
    assert s.tally.nrr("persyaratan") == 2


def test_a_questionnaire_with_no_answer_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, ",,,,,,,,,A")
    assert _errors(path, missing="per_unsur") == [
        f"{path}: row 2: no unsur answered; a questionnaire needs at least one"
    ]


def test_codes_need_an_explicit_mapping(tmp_path: Path) -> None:
    header = "U1,U2,U3,U4,U5,U6,U7,U8,U9"
    path = _csv(tmp_path, "4,4,4,4,4,4,4,3,1", header=header)
    errors = _errors(path)
    assert errors[7] == (
        f"{path}: row 1, column \"U8\": 'U8' looks like a question code; map it to an unsur "
        "explicitly (e.g. columns={'U8': 'persyaratan'} or --map U8=persyaratan): "
        "questionnaires put sarana 8th and pengaduan 9th, while most listings of the regulation "
        "swap them"
    )
    assert errors[-1] == (
        f"{path}: row 1: no column for unsur 'sarana'; accepted headers: 'sarana', "
        "'Sarana dan Prasarana', 'Sarana', 'Sarpras', 'Sarana Prasarana'"
    )
    mapping = {
        f"U{i}": k
        for i, k in enumerate(
            [
                "persyaratan",
                "prosedur",
                "waktu",
                "biaya",
                "produk",
                "kompetensi",
                "perilaku",
                "sarana",
                "pengaduan",
            ],
            start=1,
        )
    }
    s = read_csv(path, columns=mapping)
    assert s.tally.nrr("sarana") == 3
    assert s.tally.nrr("pengaduan") == 1


def test_duplicate_and_badly_mapped_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A,4", header=HEADER + ",Sarpras")
    assert _errors(path) == [
        f"{path}: row 1, column \"Sarpras\": a second column for unsur 'sarana' "
        "(the first is 'Sarana dan Prasarana')"
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
        read_csv(path, by=["Usia"])


def test_groups(tmp_path: Path) -> None:
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4,A", "2,2,2,2,2,2,2,2,2,B", "3,3,3,3,3,3,3,3,3, A ")
    s = read_csv(path, by=["layanan"])
    assert set(s.groups["Layanan"]) == {"A", "B"}
    assert s.groups["Layanan"]["A"].totals == (7,) * 9
    assert s.groups["Layanan"]["A"].respondents == 2


def test_errors_after_the_first_chunk_have_the_right_row() -> None:
    header = HEADER.split(",")
    good = ["4"] * 9 + ["A"]
    rows = [good] * (_CHUNK + 5) + [["4"] * 8 + ["x", "A"]]
    with pytest.raises(DataFileError) as info:
        read_records(header, rows, source="big.csv")
    assert str(info.value.exceptions[0]).startswith(
        f"big.csv: row {_CHUNK + 7}, column \"Penanganan Pengaduan\": 'x' is not an answer"
    )


def test_from_rows_values() -> None:
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
    s = from_rows([{**base, "Penanganan Pengaduan": 1}])
    assert s.tally.totals[-2] == 1
    with pytest.raises(DataFileError) as info:
        from_rows(
            [
                {**base, "Penanganan Pengaduan": True},
                {**base, "Penanganan Pengaduan": 3.5},
                {**base, "Penanganan Pengaduan": None},
            ]
        )
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
    s = read_csv(path, by=["Layanan"])
    assert s.respondents == 4
    assert set(s.groups["Layanan"]) == {"A", 'Layanan, "Baru"\nkedua'}


def test_quoted_header_uses_the_csv_module(tmp_path: Path) -> None:
    header = '"Persyaratan","Prosedur",Waktu,Biaya,Produk,Kompetensi,Perilaku,Sarana,Pengaduan'
    path = _csv(tmp_path, "4,4,4,4,4,4,4,4,4", header=header)
    assert read_csv(path).tally.totals == (4,) * 9
