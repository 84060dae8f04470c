"""Golden: progress of an RB General 2025 plan with quarterly numbers, under each definition.

source: /work/shared/reference/monev.md §6 (Badan Pusat Statistik, RB General 2025: target,
capaian and status per triwulan; "persentase pencapaian = quarters not 'Tidak Tercapai' / 4
(counts quarters without a target as achieved)"), applied to the embedded illustrative plan
src/ppid_core/examples/rb/contoh-rb-general-2025-*.yaml. Every figure is worked out by
hand below from that file, not by the library.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.examples.rb import load_kpu_ntt_2022_plan, load_rb_general_2025_monitoring
from ppid_core.rb import plan_status

PLAN, REAL = load_rb_general_2025_monitoring()

# The five rows (code: targets per triwulan; what the realisation says):
# 1.1.1 Rencana aksi:  TW I 1 Dokumen             -> TW I 1 Tercapai; TW II-IV Tidak Ada Target
# 1.1.2 Monev:         TW I-IV 1 Laporan each     -> Tercapai, Tercapai, 0 Tidak Tercapai, Tercapai
# 1.2.1 SKM:           TW II 1, TW IV 1 Laporan   -> TW II 1 Tercapai; TW IV 0 Tidak Tercapai
# 1.2.2 Tindak lanjut: TW IV 100%                 -> TW IV 80, Tidak Tercapai, status partly
# 1.3.1 Laporan kinerja: TW I 1, TW III 2 Dokumen -> TW I 1 Tercapai; TW III 3 Tercapai
#
# Planned months (the last month of each period with a target): 1 + 4 + 2 + 1 + 2 = 10.
# Periods with a target: 10; of those Target Tercapai: 1 + 3 + 1 + 0 + 2 = 7.

DECEMBER = {
    # months: (7 done + 1/2 x 1 partly) / 10 planned months
    "months": (Fraction(7) + Fraction(1, 2)) / 10,
    # targets: 7 Target Tercapai / 10 periods with a target
    "targets": Fraction(7, 10),
    # values: (1) + (1 + 1 + 0 + 1) + (1 + 0) + (80/100) + (1 + min(3/2, 1)) over 10
    "values": (1 + 3 + 1 + Fraction(80, 100) + 2) / Fraction(10),
    # bps: per row, 4 quarters, achieved = no target or Target Tercapai:
    # 1.1.1: 1 + 3 = 4; 1.1.2: 3; 1.2.1: 2 + 1 = 3; 1.2.2: 3 + 0 = 3; 1.3.1: 2 + 2 = 4 -> 17/20
    "bps": Fraction(4 + 3 + 3 + 3 + 4, 20),
}

SEPTEMBER = {
    # months: done by September: Mar (1.1.1), Mar, Jun (1.1.2), Jun (1.2.1), Mar, Sep (1.3.1)
    "months": Fraction(6, 10),
    "targets": Fraction(6, 10),
    # values: 1 + (1 + 1 + 0) + 1 + 0 + (1 + 1): 1.1.2's TW III achieved 0
    "values": Fraction(6, 10),
    # bps: quarters I-III only: 1.1.1: 3; 1.1.2: 2; 1.2.1: 3 (I, III no target; II ok);
    # 1.2.2: 3 (no target); 1.3.1: 3 -> 14/20
    "bps": Fraction(3 + 2 + 3 + 3 + 3, 20),
}


@pytest.mark.parametrize("definition", sorted(DECEMBER))
def test_progress_at_the_end_of_the_year(definition: str) -> None:
    st = plan_status(PLAN, REAL, year=2025, month=12, progress=definition)
    assert st.total().value == DECEMBER[definition]
    assert st.to_dict()["total"]["progress_exact"] == str(DECEMBER[definition])


@pytest.mark.parametrize("definition", sorted(SEPTEMBER))
def test_progress_in_september(definition: str) -> None:
    st = plan_status(PLAN, REAL, year=2025, month=9, progress=definition)
    assert st.total().value == SEPTEMBER[definition]


def test_the_definitions_differ_on_this_plan() -> None:
    assert sorted(set(DECEMBER.values())) == [
        Fraction(7, 10), Fraction(3, 4), Fraction(39, 50), Fraction(17, 20)
    ]  # fmt: skip


def test_the_plan_has_no_area_and_a_unit_as_pic() -> None:
    rows = list(PLAN.rows())
    assert len(rows) == 5
    assert {r.area for r in rows} == {None}
    assert {r.sub.pic for r in rows} == {"Bagian Umum", "Tim Pelaksana RB", "PPID",
                                         "Bagian Perencanaan"}  # fmt: skip
    assert all(r.sub.pic_name is None for r in rows)  # no personal data


def test_the_seed_decree_still_loads_under_rb_2020_2024() -> None:
    # source: seed 002_e0cc5f0ba82b00f7.txt, Lampiran II: 8 areas, the plan names no framework
    plan = load_kpu_ntt_2022_plan()
    assert plan.framework == "rb-2020-2024"
    assert len(plan.areas) == 8
    assert plan.warnings == ()
