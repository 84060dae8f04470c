"""The long layout: one row per answer, as SKM apps store it (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.ikm import MissingPolicy, Regime, read_survey

R = Regime.bundled()
QUESTIONS = sorted(R.unsur, key=lambda u: u.question_number or 0)
ANSWERS = {"A1": [4, 4, 3, 4, 3, 4, 4, 3, 1], "A2": [3, 3, 3, 4, 2, 3, 3, 2, 2]}
WIDE_HEADER = ["Responden", "Layanan", *(f"U{i}" for i in range(1, 10))]


def _long(answers: dict[str, list[int]], *, layanan: str = "Informasi") -> list[list[object]]:
    return [
        [who, q, score, layanan]
        for who, scores in answers.items()
        for q, score in enumerate(scores, start=1)
    ]


def _errors(rows: list[list[object]], **kwargs: object) -> list[str]:
    with pytest.raises(DataFileError) as info:
        read_survey(rows, source_name="skm.csv", **kwargs)  # type: ignore[arg-type]
    return [str(e) for e in info.value.exceptions]


HEADER: list[object] = ["id_responden", "no_pertanyaan", "nilai", "Layanan"]


def test_a_long_file_is_told_from_its_header() -> None:
    survey = read_survey([HEADER, *_long(ANSWERS)])
    assert survey.layout == "long"
    assert survey.respondents == 2
    table: list[list[object]] = [["id_responden", "Layanan", *(f"U{i}" for i in range(1, 10))]]
    table += [[who, "Informasi", *scores] for who, scores in ANSWERS.items()]
    wide = read_survey(table)
    assert survey.tally == wide.tally
    assert survey.tallies("Layanan") == wide.tallies("Layanan")
    assert survey.score() == wide.score()
    assert survey.group_columns == ("id_responden", "Layanan")
    assert survey.notes[7] == (
        "no_pertanyaan 8 → Sarana dan Prasarana (question 8 of the standard questionnaire)"
    )


def test_rows_in_any_order_and_questions_as_codes_names_or_texts() -> None:
    rows: list[list[object]] = [HEADER]
    cells = ["U1", "Prosedur", "waktu", "4", "Q5", "Kompetensi Pelaksana", "P7"]
    cells += ["Kualitas sarana dan prasarana", "Pertanyaan 9"]
    for q, cell in reversed(list(enumerate(cells))):
        for who, scores in ANSWERS.items():
            rows.append([who, cell, scores[q], "Informasi"])
    assert read_survey(rows).tally == read_survey([HEADER, *_long(ANSWERS)]).tally


def test_a_long_layout_chosen_explicitly() -> None:
    rows: list[list[object]] = [["Kode", "Butir", "Skor"]]
    rows += [[r[0], r[1], r[2]] for r in _long(ANSWERS)]
    columns = {"Kode": "respondent", "Butir": "question"}
    assert read_survey(rows, layout="long", columns=columns).respondents == 2
    assert _errors([["Kode", "Butir", "Skor"], ["A1", 1, 4]], layout="long") == [
        "skm.csv: row 1: no column for the respondent column of a long layout; accepted "
        "headers: 'id_responden', 'responden_id', 'no_responden', 'nomor_responden', ... (or "
        "map one with columns={HEADER: 'respondent'})",
        "skm.csv: row 1: no column for the question column of a long layout; accepted "
        "headers: 'no_pertanyaan', 'nomor_pertanyaan', 'pertanyaan', 'id_pertanyaan', ... "
        "(or map one with columns={HEADER: 'question'})",
    ]


def test_an_answer_twice_a_varying_profile_and_a_bad_question_are_located() -> None:
    rows: list[list[object]] = [
        [*HEADER, "Jenis Kelamin"],
        *([*r, "Perempuan"] for r in _long({"A1": ANSWERS["A1"]})),
        ["A1", 3, 2, "Informasi", "Perempuan"],
        ["A2", 1, 4, "Informasi", "Laki-laki"],
        ["A2", 2, 4, "Informasi", "Perempuan"],
        ["A2", 10, 4, "Informasi", "Laki-laki"],
        ["A2", "U3", "Sesuai (3)", "Informasi", "Laki-laki"],
        ["", 4, 4, "Informasi", "Laki-laki"],
    ]
    assert _errors(rows) == [
        "skm.csv: row 11, column \"no_pertanyaan\": respondent 'A1' answers question 3 (Waktu "
        "Penyelesaian) twice: rows 4 and 11; keep one of the rows",
        "skm.csv: row 12, column \"no_pertanyaan\": respondent 'A2' has no answer to question "
        "4 (Biaya/Tarif), question 5 (Produk Spesifikasi Jenis Pelayanan), question 6 "
        "(Kompetensi Pelaksana), question 7 (Perilaku Pelaksana), question 8 (Sarana dan "
        "Prasarana), question 9 (Penanganan Pengaduan, Saran dan Masukan); a long layout has "
        "one row per question (or choose a policy for incomplete questionnaires: per_unsur or "
        "drop)",
        "skm.csv: row 13, column \"Jenis Kelamin\": respondent 'A2' has 'Perempuan' here but "
        "'Laki-laki' in row 12; a respondent's jenis kelamin is the same on each of their rows",
        "skm.csv: row 14, column \"no_pertanyaan\": '10' is question 10, but regime "
        "permenpan_14_2017 has questions 1-9; map it to an unsur (columns={'10': "
        "'persyaratan'})",
        "skm.csv: row 15, column \"nilai\": 'Sesuai (3)' is not an answer; expected a score "
        "1-4 or an answer label ('1', '2', '3', '4', 'Tidak cepat', 'Kurang cepat', 'Cepat', "
        "'Sangat cepat')",
        'skm.csv: row 16, column "id_responden": blank respondent; each row of a long layout '
        "names its respondent",
    ]


def test_a_question_that_names_nothing() -> None:
    rows: list[list[object]] = [HEADER, ["A1", "Parkir", 4, "X"]]
    assert _errors(rows)[0] == (
        "skm.csv: row 2, column \"no_pertanyaan\": 'Parkir' is not a question of regime "
        "permenpan_14_2017; expected a question number (1-9), a code (U1), an unsur's name or "
        "a question's text"
    )


def test_incomplete_respondents_under_each_policy() -> None:
    rows: list[list[object]] = [HEADER, *_long(ANSWERS)]
    rows = [r for r in rows if r[:2] != ["A2", 9]]  # A2 skipped question 9
    rows.append(["A3", 1, "", "Informasi"])  # A3 left its only answer blank
    per_unsur = _errors(rows, missing="per_unsur")
    assert per_unsur == [
        "skm.csv: row 19: respondent 'A3': no unsur answered; a questionnaire needs at least one"
    ]
    rows = rows[:-1]
    survey = read_survey(rows, missing=MissingPolicy.PER_UNSUR)
    assert (survey.respondents, survey.tally.answered[R.keys.index("pengaduan")]) == (2, 1)
    dropped = read_survey(rows, missing="drop")
    assert (dropped.respondents, dropped.tally.dropped) == (1, 1)
    blank = [*rows, ["A3", 1, "", "Informasi"]]
    assert (
        'skm.csv: row 19, column "nilai": blank answer; expected a score 1-4 or an answer '
        "label (or choose a policy for incomplete questionnaires: per_unsur or drop)"
    ) in _errors(blank)


def test_a_column_that_varies_within_a_respondent_is_not_kept() -> None:
    rows: list[list[object]] = [[*HEADER, "id_jawaban"]]
    rows += [[*r, str(i)] for i, r in enumerate(_long(ANSWERS))]
    survey = read_survey(rows)
    assert survey.group_columns == ("id_responden", "Layanan")
    assert survey.notes[-1] == (
        "column 'id_jawaban' differs between the rows of a respondent (rows 2 and 3): not "
        "kept for breakdowns"
    )


def test_question_cells_mapped_and_mappings_that_name_nothing() -> None:
    rows: list[list[object]] = [HEADER, *_long(ANSWERS)]
    swapped = read_survey(rows, columns={"8": "pengaduan", "9": "sarana"})
    plain = read_survey(rows)
    assert swapped.tally.nrr("pengaduan") == plain.tally.nrr("sarana")
    assert "no_pertanyaan 8 → Penanganan Pengaduan, Saran dan Masukan (as mapped)" in (
        swapped.notes
    )
    with pytest.raises(UnknownNameError) as info:
        read_survey(rows, columns={"10": "sarana"}, source_name="skm.csv")
    assert str(info.value) == (
        "columns: no column or question '10' in skm.csv; columns: id_responden, "
        "no_pertanyaan, nilai, Layanan"
    )


def test_a_breakdown_by_the_score_column_is_refused() -> None:
    with pytest.raises(UnknownNameError) as info:
        read_survey([HEADER, *_long(ANSWERS)], by=["nilai"], source_name="skm.csv")
    assert str(info.value) == (
        "column 'nilai' of skm.csv is the score column of a long layout; it cannot group "
        "respondents"
    )


def test_a_long_csv_file_with_dates(tmp_path: Path) -> None:
    lines = ["id_responden;tanggal;no_pertanyaan;nilai"]
    for who, scores in ANSWERS.items():
        day = "2024-06-04" if who == "A1" else "2024-10-01"
        lines += [f"{who};{day};U{q};{s}" for q, s in enumerate(scores, start=1)]
    path = tmp_path / "skm-app.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    survey = read_survey(path)
    assert survey.layout == "long"
    assert survey.dates() == [(2, "2024-06-04"), (11, "2024-10-01")]
    quarters = survey.tallies("tanggal", key=lambda d: f"{d[:4]} Q{(int(d[5:7]) + 2) // 3}")
    assert {q: t.respondents for q, t in quarters.items()} == {"2024 Q2": 1, "2024 Q4": 1}
