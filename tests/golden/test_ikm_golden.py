"""Golden IKM cases from published reports and from the sample-size table."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ppid_core.examples.ikm import read_seed_survey
from ppid_core.ikm import (
    Regime,
    ScoringPolicy,
    Tally,
    half_up,
    krejcie_morgan,
    krejcie_morgan_table,
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
