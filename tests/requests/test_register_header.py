"""A register's header as offices lay it out: below a title, over two rows, in any case."""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.requests import Register, parse_register
from ppid_core.requests._register_model import COLUMN_FIELDS

KPU = [
    "No",
    "Unit Kerja Tempat Mengurus Layanan Publik",
    "Jenis Layanan",
    "Nama Layanan yang diterima",
    "Tanggal/Bulan/Tahun Mengurus Layanan",
    "Nama Pengguna Layanan",
]
ROW = ["1", "KPU", "Konsultasi", "Data DPT", "4 Juni 2024", "Ana"]


def test_title_and_blank_rows_above_the_header_are_passed_over_and_named() -> None:
    rows = [["REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2024"], [], ["KPU Kabupaten X", ""], KPU]
    reg = Register.from_rows([*rows, ROW, ROW])
    assert (reg.header_row, reg.rows, reg.layout) == ("row 4", (5, 6), "kpu")
    assert reg.notes == ("rows above the header not read (a title, notes): 1, 3",)


def test_upper_case_and_punctuation_in_headers() -> None:
    header = ["NO.", "UNIT KERJA TEMPAT MENGURUS LAYANAN PUBLIK", "JENIS  LAYANAN",
              "Nama layanan yang DITERIMA", "TANGGAL / BULAN / TAHUN MENGURUS LAYANAN",
              "nama_pengguna_layanan"]  # fmt: skip
    upper, plain = Register.from_rows([header, ROW]), Register.from_rows([KPU, ROW])
    for name in COLUMN_FIELDS:
        assert getattr(upper, name) == getattr(plain, name), name
    assert (upper.fields, upper.layout) == (plain.fields, "kpu")
    assert upper.column("received") == "TANGGAL / BULAN / TAHUN MENGURUS LAYANAN"


def test_two_header_rows_are_joined_and_a_row_of_column_numbers_skipped() -> None:
    # the Komisi Informasi template: group cells over their sub-columns, merged down
    top = ["No", "Tgl", "Nama", "Informasi Yang Diminta", "Keputusan", "Hari dan Tanggal", ""]
    sub = ["", "", "", "", "", "Pemberitahuan Tertulis", "Pemberian Informasi"]
    numbers = ["1", "2", "3", "4", "5", "6", "7"]
    row = ["1", "Senin, 3 Juni 2024", "Ana", "Data DPT", "Diterima", "Senin, 10 Juni 2024", ""]
    reg = Register.from_rows([["REGISTER PERMOHONAN"], top, sub, numbers, row])
    assert (reg.layout, reg.header_row, reg.rows) == (
        "komisi-informasi",
        "rows 2-3 (two header rows joined)",
        (5,),
    )
    assert reg.column("responded") == "Hari dan Tanggal / Pemberitahuan Tertulis"
    assert reg.ignored_columns == ("Hari dan Tanggal / Pemberian Informasi",)
    assert reg.responded == (dt.date(2024, 6, 10),)
    assert reg.notes == (
        "row above the header not read (a title, notes): 1",
        "row 4 numbers the columns (1, 2, 3, ...): not a request",
    )


def test_a_repeated_two_row_header_is_skipped() -> None:
    top = ["No", "Tgl", "Nama", "Hari dan Tanggal", ""]
    sub = ["", "", "", "Pemberitahuan Tertulis", "Pemberian Informasi"]
    row = ["1", "3 Juni 2024", "Ana", "", ""]
    reg = Register.from_rows([top, sub, row, top, sub, row])
    assert (reg.rows, reg.header_rows) == ((3, 6), (4, 5))


def test_without_a_number_column_each_request_is_numbered_by_its_row() -> None:
    reg = Register.from_rows([["Tgl", "Nama"], ["3 Juni 2024", "Ana"], ["4 Juni 2024", "Budi"]])
    assert (reg.numbers, reg.fields) == (("2", "3"), frozenset({"received", "requester"}))
    assert reg.notes == (
        "the file has no register-number column: each request is numbered by its row",
    )


def test_columns_chosen_by_their_header() -> None:
    text = "Kode;Tgl. Masuk;Perihal;Tgl\n7;3 Juni 2024;Data DPT;2024-01-01\n"
    reg = parse_register(text, columns={"tgl masuk": "received", "PERIHAL": "information"})
    assert (reg.numbers, reg.received, reg.information) == (("2",), (dt.date(2024, 6, 3),),
                                                            ("Data DPT",))  # fmt: skip
    # a field chosen for one column is not also taken from the layout ("Tgl"): no clash
    assert reg.ignored_columns == ("Kode", "Tgl")
    assert reg.notes[-2:] == (
        'column "Tgl. Masuk" read as received, as chosen (--map)',
        'column "Perihal" read as information, as chosen (--map)',
    )


def test_an_ambiguous_header() -> None:
    # issue 10: two columns match one field: the exact message names both and the field
    rows = [["REGISTER 2024"], ["No", "Tanggal", "Tgl", "Nama"], ["1", "3 Juni 2024", "", "Ana"]]
    with pytest.raises(DataFileError) as info:
        Register.from_rows(rows, source="register.csv")
    assert info.value.report() == (
        'register.csv: row 2, column "Tanggal": columns 2 ("Tanggal") and 3 ("Tgl") both name '
        "the field received (the date each request was received); expected one column per "
        "field: delete or rename one, or choose one: --map COLUMN=received"
    )
    # choosing one settles it; the other is listed as not used
    reg = Register.from_rows(rows, source="register.csv", columns={"Tanggal": "received"})
    assert (reg.received, reg.ignored_columns) == ((dt.date(2024, 6, 3),), ("Tgl",))


def test_a_chosen_column_the_file_lacks() -> None:
    with pytest.raises(UnknownNameError) as info:
        Register.from_rows([KPU, ROW], source="r.csv", columns={"Tgl Masuk": "received"})
    assert str(info.value) == (
        'r.csv: --map "Tgl Masuk": no such column in the header (row 1); its columns: "No", '
        '"Unit Kerja Tempat Mengurus Layanan Publik", "Jenis Layanan", "Nama Layanan yang '
        'diterima", "Tanggal/Bulan/Tahun Mengurus Layanan", "Nama Pengguna Layanan"'
    )


def test_an_unknown_field_is_refused_before_reading() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Register.from_rows([KPU, ROW], columns={"Tgl": "date"})
    assert str(info.value).startswith("column \"Tgl\": unknown field 'date'; expected one of: ")


def test_no_header_in_the_first_rows() -> None:
    with pytest.raises(DataFileError) as info:
        Register.from_rows([["Laporan"], ["a", "b"]], source="r.csv", layout="kpu")
    assert info.value.report() == (
        "r.csv: row 1: no header found in the first 2 rows: no row names a column of layout "
        "kpu; expected a header row naming at least the date each request was received, e.g. "
        '"Tanggal/Bulan/Tahun Mengurus Layanan" (kpu); for other names: --map COLUMN=FIELD '
        "or --layout FILE"
    )


def test_the_best_layout_wins_and_a_tie_goes_to_the_first() -> None:
    eppid = ["nomer_registrasi", "tanggal_permohonan", "nama_pengguna", "opd_yang_dituju"]
    reg = Register.from_rows([eppid, ["R-1", "2024-06-03 09:00:00", "Ana", "Dinas PU"]])
    assert (reg.layout, reg.units, reg.received_times) == ("e-ppid", ("Dinas PU",),
                                                         (dt.time(9, 0),))  # fmt: skip
    # "No", "Email": the KPU and the Komisi Informasi layouts both know them; kpu is first
    tie = Register.from_rows([["No", "Email", "Tgl"], ["1", "", "3 Juni 2024"]], layout=None,
                             columns={"Tgl": "received"})  # fmt: skip
    assert tie.layout == "kpu"


def test_a_header_row_is_found_below_data_like_rows_only_when_it_scores() -> None:
    # a row of numbers or dates above the header names no field: it is not the header
    rows = [["1", "2", "3"], ["2024", "", ""], KPU, ROW]
    assert Register.from_rows(rows).header_row == "row 3"
