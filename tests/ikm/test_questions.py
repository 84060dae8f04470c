"""Which unsur a header names: name, question code, question text (issue 10)."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError
from ppid_core.ikm import Regime, parse_regime, read_survey
from ppid_core.ikm._questions import Match, Questions

R = Regime.bundled()
Q = Questions(R)


def _key(text: str, *, numbers: bool = False) -> str | None:
    match = Q.match(text, numbers=numbers)
    return match.key if isinstance(match, Match) else None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Sarana dan Prasarana", "sarana"),
        ("SARANA_PRASARANA", "sarana"),
        ("Biaya/Tarif", "biaya"),
        ("U8", "sarana"),
        ("u 9", "pengaduan"),
        ("Q-1", "persyaratan"),
        ("P_2", "prosedur"),
        ("Unsur 3", "waktu"),
        ("PERTANYAAN.4", "biaya"),
        ("Soal 5", "produk"),
        ("No. Pertanyaan 6", "kompetensi"),
        ("U7 Perilaku", "perilaku"),
        ("U8 (Sarpras)", "sarana"),
        ("1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan "
         "jenis pelayanannya?", "persyaratan"),
        ("bagaimana pemahaman saudara tentang kemudahan prosedur pelayanan di unit ini",
         "prosedur"),
        ("BAGAIMANA PENDAPAT SAUDARA TENTANG KECEPATAN WAKTU DALAM MEMBERIKAN PELAYANAN ?",
         "waktu"),
        ("Kewajaran biaya/tarif dalam pelayanan", "biaya"),
        ("4) Kewajaran biaya/tarif", "biaya"),  # shortened: three words, of one question
        ("Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan...", "produk"),
        ("Kualitas sarana dan prasarana (wajib diisi)", "sarana"),
        ("Penilaian [Kualitas sarana dan prasarana]", "sarana"),
        ("Penilaian layanan [U9]", "pengaduan"),
    ],
)  # fmt: skip
def test_headers(header: str, key: str) -> None:
    assert _key(header) == key


@pytest.mark.parametrize(
    "header",
    [
        "1",  # a bare number is no header code: a data row of scores would read as one
        "No",
        "Kesesuaian",  # one word of two questions
        "Kesesuaian pelayanan",  # too short to tell
        "Saran dan masukan untuk perbaikan pelayanan",
        "Bagaimana pendapat Saudara tentang pelayanan secara keseluruhan?",
        "1. Nama",
    ],
)
def test_what_names_no_unsur(header: str) -> None:
    assert _key(header) is None


def test_a_code_with_words_it_does_not_explain_is_read_by_the_code() -> None:
    match = Q.match("P1. Kesesuaian syarat")
    assert match == Match(
        key="persyaratan",
        how="code",
        number=1,
        note="P1. Kesesuaian syarat → Persyaratan (question 1 of the standard questionnaire; "
        "the rest of the header is not its name or question text)",
    )
    assert Q.match("U12 Parkir") == (
        "'U12 Parkir' is question 12, but regime permenpan_14_2017 has questions 1-9"
    )


def test_a_bare_number_is_a_question_in_a_question_cell() -> None:
    assert _key("8", numbers=True) == "sarana"
    assert Q.match("12", numbers=True) == (
        "'12' is question 12, but regime permenpan_14_2017 has questions 1-9"
    )


def test_notes_say_what_was_assumed() -> None:
    notes = {
        text: match.note
        for text in (
            "U8",
            "1. Persyaratan",
            "8. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            "Kualitas sarana dan prasarana",
        )
        if isinstance(match := Q.match(text), Match)
    }
    assert notes == {
        "U8": "U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)",
        "1. Persyaratan": "",
        "8. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?": (
            "8. Bagaimana pendapat Saudara tentang pe... → Penanganan Pengaduan, Saran dan "
            "Masukan by its text, although question 8 of the standard questionnaire asks "
            "about Sarana dan Prasarana"
        ),
        "Kualitas sarana dan prasarana": (
            "Kualitas sarana dan prasarana → Sarana dan Prasarana (the text of question 8 of "
            "the standard questionnaire)"
        ),
    }


CUSTOM = """\
key: unit_saya
title: Survei unit
unsur:
  - {key: layanan, name: Layanan, question_number: 1, weight: 1/2}
  - {key: ruang, name: Ruang Tunggu, question_number: 1, weight: 1/4}
  - {key: parkir, name: Parkir, weight: 1/4}
bands:
  - {mutu: D, kinerja: Tidak Baik, perception: 1, lower: "25.00", upper: "64.99"}
  - {mutu: A, kinerja: Sangat Baik, perception: 4, lower: "65.00", upper: "100.00"}
"""


def test_codes_under_a_custom_regime() -> None:
    regime = parse_regime(CUSTOM)
    rows: list[list[object]] = [["U1", "Parkir"], [4, 4]]
    with pytest.raises(DataFileError) as info:
        read_survey(rows, regime=regime, source_name="unit.csv")
    assert [str(e) for e in info.value.exceptions] == [
        "unit.csv: row 1, column \"U1\": 'U1' is question 1, which regime unit_saya gives to "
        "several unsur (Layanan, Ruang Tunggu); map the column to an unsur (e.g. "
        "columns={'U1': 'persyaratan'} or --map U1=persyaratan), or remove it",
        "unit.csv: row 1: no column for unsur 'layanan'; accepted headers: 'layanan', "
        "'Layanan', the code U1",
        "unit.csv: row 1: no column for unsur 'ruang'; accepted headers: 'ruang', 'Ruang "
        "Tunggu', the code U1",
    ]
    table: list[list[object]] = [["U1", "Ruang", "Parkir"], [4, 2, 4]]
    survey = read_survey(
        table,
        regime=regime,
        columns={"U1": "layanan", "Ruang": "ruang"},
    )
    assert survey.tally.totals == (4, 2, 4)


def test_the_questionnaire_of_a_custom_regime_is_named_as_such() -> None:
    regime = parse_regime(CUSTOM.replace("question_number: 1, weight: 1/4", "weight: 1/4"))
    match = Questions(regime).match("U1")
    assert isinstance(match, Match)
    assert match.note == "U1 → Layanan (question 1 of the questionnaire of regime unit_saya)"
    assert Questions(regime).match("U2") == (
        "'U2' is question 2, but regime unit_saya has questions 1-1"
    )
    old = Regime.bundled("kepmenpan_25_2004")
    assert Questions(old).match("U14") == Match(
        key="keamanan",
        how="code",
        number=14,
        note="U14 → Keamanan pelayanan (question 14 of the standard questionnaire)",
    )
