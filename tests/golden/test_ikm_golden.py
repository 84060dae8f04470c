"""Golden IKM cases from published reports and from the sample-size table."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError
from ppid_core.examples.ikm import read_seed_survey, seed_survey_text
from ppid_core.ikm import (
    Regime,
    ScoringPolicy,
    Survey,
    Tally,
    half_up,
    krejcie_morgan,
    krejcie_morgan_table,
    read_survey,
)
from ppid_core.ikm import score as score_tally

R = Regime.bundled()


def test_kpu_ntt_2024_table() -> None:
    # source: seed 000_9f58199ed1254750.txt (KPU Provinsi NTT, PPID strategy 2024, table
    # "Ruang Lingkup / Nilai Rata-Rata / Nilai Interval Konversi / Kinerja"), 150 respondents
    # reconstructed as the synthetic example file.
    published = {
        "Persyaratan": ("3.66", "91.50", "Sangat Baik"),
        "Prosedur": ("3.70", "92.50", "Sangat Baik"),
        "Waktu": ("3.49", "87.17", "Baik"),
        "Biaya": ("4.00", "100.00", "Sangat Baik"),
        "Produk": ("3.35", "83.83", "Baik"),
        "Kompetensi": ("3.69", "92.17", "Sangat Baik"),
        "Perilaku": ("3.69", "92.17", "Sangat Baik"),
        "Sarana dan Prasarana": ("3.49", "87.17", "Baik"),
        "Penanganan Pengaduan": ("3.58", "89.50", "Sangat Baik"),
    }
    res = read_seed_survey().score()
    got = {
        name: (str(_2(res[name].nrr)), str(_2(res[name].converted)), res[name].kinerja)
        for name in published
    }
    assert got == published
    assert (res.respondents, str(_2(res.index)), str(res.ikm_display), res.mutu, res.kinerja) == (
        150,
        "3.63",
        "90.67",
        "A",
        "Sangat Baik",
    )
    table = res.to_table(order="questionnaire")
    assert [row[1] for row in table.rows][-3:-1] == [
        "Sarana dan Prasarana",
        "Penanganan Pengaduan, Saran dan Masukan",
    ]


def _2(value: Fraction) -> Decimal:
    return half_up(value, 2)


def test_bantul_dinas_pertanahan_2023_uses_exact_one_ninth() -> None:
    # source: https://skm.bantulkab.go.id/skpd-45c48cce2e2d7fbdea1afc51c7c6ad26 (Dinas
    # Pertanahan dan Tata Ruang, 2023): unsur values 3.31 3.35 3.49 3.93 3.45 3.39 3.39 3.76
    # 3.35, published IKM 87.28. Only exact 1/9 reproduces it (0.111 gives 87.19, 0.11 86.41).
    values = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]
    t = Tally.from_totals(R, [int(Decimal(v) * 100) for v in values], respondents=100)
    assert score_tally(t, R).ikm_display == Decimal("87.28")
    legacy = {
        w: score_tally(t, R, policy=ScoringPolicy.legacy_spreadsheet(weight=w)).ikm_display
        for w in ("0.111", "0.11")
    }
    assert legacy == {"0.111": Decimal("87.19"), "0.11": Decimal("86.41")}


def test_seed_rules_out_weight_0_11() -> None:
    # source: reference ikm.md §1.8: with n = 150, w = 0.11 cannot give 90.67.
    res = score_tally(
        Tally.from_totals(R, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150),
        R,
        policy=ScoringPolicy.legacy_spreadsheet(weight="0.11"),
    )
    assert res.ikm == Fraction(2244, 25)  # 272/3 x 0.99, exactly
    assert (res.ikm_display, res.mutu, res.kinerja) == (Decimal("89.76"), "A", "Sangat Baik")
    # and no total of the 150 x 9 answers can give 90.67 with w = 0.11 (ref. ikm.md §1.8)
    w = Fraction(11, 100)
    shown = {half_up(Fraction(total, 150) * w * 25, 2) for total in range(1350, 5401)}
    assert Decimal("90.67") not in shown


@pytest.mark.parametrize(
    ("population", "sample"),
    [(100, 80), (1000, 278), (10_000, 370), (9000, 368), (75_000, 382), (1_000_000, 384)],
)
def test_krejcie_morgan_published_values(population: int, sample: int) -> None:
    # source: Krejcie & Morgan (1970), Educational and Psychological Measurement 30, Table 1
    # (copy: https://www.scribd.com/document/479054838/Determining-Sample-Size)
    assert krejcie_morgan(population) == sample


def test_formula_rounded_half_up_reproduces_the_whole_table() -> None:
    # source: Krejcie & Morgan (1970): the table was "constructed using the formula".
    assert [(n, krejcie_morgan(n, method="formula")) for n, _ in krejcie_morgan_table()] == list(
        krejcie_morgan_table()
    )


# -- Files as offices and their apps make them (issue 10) ----------------------------------
#
# source: the respondents of the seed's table (seed 000_9f58199ed1254750.txt, KPU Provinsi
# NTT 2024, IKM 90.67), written in the layouts SKM apps and offices use (reference monev.md
# §5: wide U1..U9 with sarana as U8 under the standard questionnaire, long
# id_responden/no_pertanyaan/nilai, Google Forms exports with the question texts as
# headers). Each must give the published figures.

_SEED_ROWS = list(csv.reader(io.StringIO(seed_survey_text())))
_ANSWERS = [row[6:] for row in _SEED_ROWS[1:]]  # questionnaire order: U1..U9
_BY_NUMBER = sorted(R.unsur, key=lambda u: u.question_number or 0)


def _published(survey: Survey) -> None:
    res = survey.score()
    assert (res.respondents, str(res.ikm_display), res.mutu) == (150, "90.67", "A")
    assert (str(_2(res["sarana"].nrr)), str(_2(res["pengaduan"].nrr))) == ("3.49", "3.58")


def test_a_worksheet_with_a_merged_title_two_header_rows_and_codes(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Rekap SKM"
    ws.append(["REKAPITULASI HASIL SURVEI KEPUASAN MASYARAKAT"])
    ws.append(["KPU PROVINSI NUSA TENGGARA TIMUR TAHUN 2024"])
    ws.merge_cells("A1:M1")
    ws.merge_cells("A2:M2")
    ws.append([])
    ws.append(["NO", "JENIS KELAMIN", "LAYANAN", "NILAI UNSUR PELAYANAN", *[None] * 8, "KET"])
    ws.append([None, None, None, *(f"U{i}" for i in range(1, 10)), None])
    for cells in ("A4:A5", "B4:B5", "C4:C5", "D4:L4", "M4:M5"):
        ws.merge_cells(cells)
    for row, answers in zip(_SEED_ROWS[1:], _ANSWERS, strict=True):
        ws.append([int(row[0]), row[2], row[1], *map(int, answers), None])
    path = tmp_path / "rekap-skm-2024.xlsx"
    book.save(path)
    survey = read_survey(path)
    assert survey.header_row == "rows 4-5 (two header rows joined)"
    assert survey.notes[7] == "U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)"
    _published(survey)
    assert survey.score(by="Layanan").groups["Permohonan Informasi"].ikm_display == Decimal("90.65")
    # the ambiguous header, exactly
    ws.cell(row=4, column=13, value="SARANA DAN PRASARANA")
    book.save(path)
    with pytest.raises(DataFileError) as info:
        read_survey(path)
    assert info.value.report() == (
        f'{path}, sheet "Rekap SKM": row 4, column "SARANA DAN PRASARANA": ambiguous header: '
        "columns 'NILAI UNSUR PELAYANAN / U8' (question 8 of the standard questionnaire) and "
        "'SARANA DAN PRASARANA' (its name) both name unsur 'sarana' (Sarana dan Prasarana); "
        "keep one of them, or say which is which with columns= (--map HEADER=UNSUR)"
    )


def test_a_google_forms_export(tmp_path: Path) -> None:
    # Google Forms' "Download responses (.csv)": every cell quoted, a Timestamp, the
    # question texts numbered as the form shows them, answers as the options are written.
    header = ["Timestamp", "Email Address", "Nama", "Jenis Kelamin", "Layanan"]
    header += [f"{u.question_number}. {u.question}" for u in _BY_NUMBER]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for i, (row, answers) in enumerate(zip(_SEED_ROWS[1:], _ANSWERS, strict=True)):
        options = [
            f"{'abcd'[int(a) - 1]}. {u.answers[int(a) - 1]}"
            if i % 2
            else f"{u.answers[int(a) - 1]} ({a})"
            for u, a in zip(_BY_NUMBER, answers, strict=True)
        ]
        stamp = f"2024/{6 + i % 4:02d}/{1 + i % 28:02d} 10:{i % 60:02d}:00 AM GMT+8"
        writer.writerow([stamp, f"r{i}@example.org", f"Responden {i}", row[2], row[1], *options])
    path = tmp_path / "SKM 2024 (Responses) - Form Responses 1.csv"
    path.write_bytes(out.getvalue().encode())
    survey = read_survey(path)  # 150 x 9 = 1,350 answers as options: none refused
    _published(survey)
    assert survey.date_column == "Timestamp"
    assert survey.dates()[:2] == [
        (2, "2024/06/01 10:00:00 AM GMT+8"),
        (3, "2024/07/02 10:01:00 AM GMT+8"),
    ]
    assert survey.group_columns == ("Timestamp", "Jenis Kelamin", "Layanan")
    assert survey.notes[0] == (
        "1. Bagaimana pendapat Saudara tentang ke... → Persyaratan (the text of question 1 "
        "of the standard questionnaire)"
    )


def test_a_long_export_of_an_skm_app(tmp_path: Path) -> None:
    lines = ["id_responden,tanggal,layanan,no_pertanyaan,nilai"]
    for q in range(9):  # grouped by question, as a database query may return them
        for row, answers in zip(_SEED_ROWS[1:], _ANSWERS, strict=True):
            day = f"2024-{1 + int(row[0]) % 12:02d}-15"
            lines.append(f"{row[0]},{day},{row[1]},{q + 1},{answers[q]}")
    path = tmp_path / "jawaban_skm.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    survey = read_survey(path)
    assert (survey.layout, survey.date_column) == ("long", "tanggal")
    _published(survey)
    wide = read_seed_survey()
    assert survey.tallies("layanan") == wide.tallies("Layanan")
    assert survey.dates()[0] == (2, "2024-02-15")
