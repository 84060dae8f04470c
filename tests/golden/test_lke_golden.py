"""Golden: the LKE score of the fully answered example, worked out by hand from the weights.

source: Permen PANRB 90/2021 Lampiran III (sub-indicator weights, answer types), Lampiran II
Tabel 3, Tabel 4 and Tabel 6 (area weights, thresholds); option values B-E as in the
reference notes rb.md §2.3 (CODE, S11/S12); aggregation "mean" (rb.md §2.3, S11).

The example (``ppid_core/examples/rb/lke-example.yaml``, a fictitious unit) answers A or Ya
everywhere except the items listed below; each sub-indicator scores weight x mean of its
questions' values.
"""

from __future__ import annotations

from fractions import Fraction
from importlib import resources

from ppid_core.rb import LkeAnswers, load_lke_answers, score_lke

F = Fraction

B4, C4 = F(67, 100), F(33, 100)  # A/B/C/D: B, C
B5, C5 = F(3, 4), F(1, 2)  # A/B/C/D/E: B, C
B3 = F(1, 2)  # A/B/C: B


def _example() -> LkeAnswers:
    path = resources.files("ppid_core.examples.rb") / "lke-example.yaml"
    with resources.as_file(path) as file:
        return load_lke_answers(file)


def test_fully_answered_example_totals() -> None:
    # Manajemen Perubahan (8): pemenuhan i 0.50, ii 1.00, iii 1.00 full; iv 1.50 with d = B
    # (A/B/C/D) of 4 questions; reform i 2.00: a = 8/10, b = 6/8; ii 1.00, iii 1.00 full.
    mp = F(1, 2) + 1 + 1 + F(3, 2) * (3 + B4) / 4 + 2 * (F(8, 10) + F(6, 8)) / 2 + 1 + 1
    # Penataan Tatalaksana (7): pemenuhan i 1.00 with c = B (A-E) of 3; ii 2.00, iii 0.50;
    # reform i 0.50, ii 1.00; iii 2.00 with a = B, b = C, c = B (A-E).
    tt = 1 * (2 + B5) / 3 + 2 + F(1, 2) + F(1, 2) + 1 + 2 * (B5 + C5 + B5) / 3
    # SDM (10): pemenuhan i 0.25, ii 0.50; iii 1.25 with c = B (A-D) of 6; iv 2.00 with
    # c = B (A-E) of 4; v 0.75, vi 0.25; reform i 1.50, ii 1.50; iii 2.00: (4 - 1) / 4.
    sdm = (
        F(1, 4)
        + F(1, 2)
        + F(5, 4) * (5 + B4) / 6
        + 2 * (3 + B5) / 4
        + F(3, 4)
        + F(1, 4)
        + F(3, 2)
        + F(3, 2)
        + 2 * F(3, 4)
    )
    # Akuntabilitas (10): pemenuhan i 2.50; ii 2.50 with h = B (A/B/C) of 8;
    # reform i 2.00: 4/5; ii 1.50: B (A-D); iii 1.50.
    ak = F(5, 2) + F(5, 2) * (7 + B3) / 8 + 2 * F(4, 5) + F(3, 2) * B4 + F(3, 2)
    # Pengawasan (15): pemenuhan i-iv 1.50 each; v 1.50 with b = B (A-D) of 5;
    # reform i 2.50: B (A-E); ii 3.00: 18/20; iii 2.00: LHKPN 3/3, LHKASN 38/40.
    pw = (
        4 * F(3, 2)
        + F(3, 2) * (4 + B4) / 5
        + F(5, 2) * B5
        + 3 * F(18, 20)
        + 2 * (1 + F(38, 40)) / 2
    )
    # Pelayanan Publik (10): pemenuhan i 1.00; ii 1.00 with d = C (A-D), f = C (A-E) of 6;
    # iii, iv, v 1.00 each; reform i 2.50: a = A, b = 9/12; ii 2.50.
    pp = 1 + (4 + C4 + C5) / 6 + 3 + F(5, 2) * (1 + F(9, 12)) / 2 + F(5, 2)
    # Hasil (40): IPAK 17.50 x 3.72 / 4; capaian kinerja 5.00 x B (A-E); IPKP 17.50 x 3.55 / 4.
    ipak, kinerja, ipkp = F(35, 2) * F(372, 100) / 4, 5 * B5, F(35, 2) * F(355, 100) / 4

    result = score_lke(_example())
    areas = {a.key: a.score for a in result.areas}
    assert areas == {
        "manajemen_perubahan": mp,
        "tatalaksana": tt,
        "sdm": sdm,
        "akuntabilitas": ak,
        "pengawasan": pw,
        "pelayanan_publik": pp,
        "bersih_akuntabel": ipak + kinerja,
        "pelayanan_prima": ipkp,
    }
    pengungkit = mp + tt + sdm + ak + pw + pp
    assert result.pengungkit == pengungkit
    assert result.hasil == ipak + kinerja + ipkp
    assert result.total == pengungkit + ipak + kinerja + ipkp
    data = result.to_dict()
    assert (data["total"], data["pengungkit"], data["hasil"]) == (90.91, 55.35, 35.56)

    # Tabel 6: Menuju WBK is met (total >= 75, pengungkit >= 40, every area >= 60%,
    # bersih dan akuntabel >= 18.25, IPAK >= 15.75, kinerja >= 2.50, prima >= 14.00).
    # Menuju WBBM fails only on "Pelayanan publik yang prima" >= 15.75: 3.55 < 3.60.
    wbk, wbbm = result.predicates
    assert wbk.met
    assert [c.label for c in wbbm.conditions if not c.met] == ["Nilai Pelayanan Publik yang Prima"]
    assert ipkp < F(63, 4)
    # What-if: the IPKP survey (17.50 x (4 - 3.55) / 4) adds the most.
    assert (result.what_if[0].key, result.what_if[0].gain) == (
        "hasil.pelayanan_prima.ipkp.a",
        F(35, 2) * (4 - F(355, 100)) / 4,
    )
