"""Finding a header below titles, over one or two rows (ppid_core._headers)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from ppid_core._headers import HeaderRow, find_header, fold, join_header_rows

KI_TOP = [
    "No", "Tgl", "Nama", "Alamat", "Nomor Kontak", "Pekerjaan", "Informasi Yang Diminta",
    "Tujuan Penggunaan", "Status Informasi", "", "Keputusan", "Alasan Penolakan",
    "Hari dan Tanggal", "",
]  # fmt: skip
KI_SUB = ["", "", "", "", "", "", "", "", "Ya", "Tdk", "", "", "Pemberitahuan Tertulis",
          "Pemberian Informasi"]  # fmt: skip
KNOWN = {
    "no", "tgl", "nama", "informasi yang diminta", "keputusan",
    "hari dan tanggal pemberitahuan tertulis", "hari dan tanggal pemberian informasi",
}  # fmt: skip


def fields(names: Sequence[str]) -> int:
    return len({fold(n) for n in names} & KNOWN)


def test_fold_ignores_case_punctuation_and_blanks() -> None:
    assert fold("Hari dan Tanggal / Pemberitahuan  Tertulis") == fold(
        "HARI DAN TANGGAL - pemberitahuan tertulis"
    )
    assert fold("Tanggal/Bulan/Tahun") == "tanggal bulan tahun"
    assert fold("  ") == ""


def test_the_komisi_informasi_template_joins_its_two_header_rows() -> None:
    rows = [
        ["REGISTER PERMOHONAN INFORMASI PUBLIK"],
        ["KPU KABUPATEN KUPANG TAHUN 2024"],
        [],
        KI_TOP,
        KI_SUB,
        ["1", "3 Juni 2024", "Ana", "Kupang", "0812", "Guru", "DPT", "Riset", "V", "", "Diterima"],
    ]
    header = find_header(rows, fields)
    assert header is not None
    assert (header.first, header.count, header.data_start) == (3, 2, 5)
    assert header.names[8:10] == ("Status Informasi / Ya", "Status Informasi / Tdk")
    assert header.names[12] == "Hari dan Tanggal / Pemberitahuan Tertulis"
    assert header.names[0] == "No"  # merged down over both rows
    assert header.describe() == "rows 4-5 (two header rows joined)"


def test_a_data_row_is_never_taken_for_a_sub_header() -> None:
    assert join_header_rows(["No", "Tgl", "Nama"], ["1", "3 Juni 2024", "Ana"]) is None
    # nothing under an empty header cell: not a sub-header either
    assert join_header_rows(["No", "Tgl"], ["", ""]) is None


def test_a_single_row_wins_a_tie_and_the_higher_row_wins_among_equals() -> None:
    rows = [["No", "Tgl"], ["No", "Tgl"]]
    assert find_header(rows, fields) == HeaderRow(first=0, count=1, names=("No", "Tgl"))


def test_no_row_scoring_is_no_header() -> None:
    assert find_header([["judul"], ["a", "b"]], fields) is None
    assert find_header([], fields) is None


def test_rows_below_the_scan_limit_are_not_looked_at() -> None:
    rows = [[f"judul {i}"] for i in range(5)] + [["No", "Tgl"]]
    assert find_header(rows, fields, scan=5) is None
    found = find_header(rows, fields, scan=6)
    assert found is not None
    assert found.describe(row_offset=1) == "row 6"


titles = st.lists(
    st.lists(st.sampled_from(["", "REGISTER", "TAHUN 2024", "KPU"]), max_size=3), max_size=6
)


@given(titles, st.booleans())
def test_titles_above_never_move_the_header(above: list[list[str]], two_rows: bool) -> None:
    header_rows = [KI_TOP, KI_SUB] if two_rows else [KI_TOP]
    found = find_header([*above, *header_rows, ["1", "x"]], fields)
    assert found is not None
    assert found.first == len(above)
    assert found.count == (2 if two_rows else 1)
