"""Scoring: exact arithmetic, derived answers and which answer wins, items without evidence."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.dip import check_dip
from ppid_core.errors import InvalidArgumentError
from ppid_core.examples.dip import load_example_dip
from ppid_core.examples.ikm import read_seed_survey
from ppid_core.examples.monev import load_example_answers
from ppid_core.examples.requests import load_kpu_ntt_2024
from ppid_core.monev import (
    NOTICE,
    Answer,
    Answers,
    Fact,
    annual_report_fact,
    dip_fact,
    parse_answers,
    parse_instrument,
    register_fact,
    score_monev,
    survey_fact,
)
from ppid_core.requests import annual_report, load_annual_profile

from .test_instrument import GOOD

PROFILE = Path(__file__).parents[2] / "src/ppid_core/examples/requests/kpu_ntt_2024_profil.yaml"


def test_example_with_register_and_dip() -> None:
    facts = [
        register_fact(load_kpu_ntt_2024()),
        dip_fact(check_dip(load_example_dip(), on=dt.date(2024, 12, 1))),
    ]
    s = score_monev(load_example_answers(), derived=facts)
    by_key = {i.item.key: i for i in s.items}
    assert by_key["register_permohonan"].origin == "turunan"
    assert by_key["register_permohonan"].earned == 2  # 80% x 10 x 1/4
    assert by_key["dip_mutakhir"].origin == "turunan"
    assert by_key["dip_mutakhir"].earned == 16  # 80% x 40 x 1/2
    assert by_key["jadwal_pelayanan"].earned == 0  # ya, but no evidence
    # SAQ: listed items earn jenis informasi 40 x 1/2 = 20, sarana 10 x 3/4 = 7.5; every
    # list is partial, so each indicator may reach its whole weight: 27.5 to 100
    assert (s.saq_low, s.saq_high) == (Fraction(55, 2), Fraction(100))
    assert (s.low, s.high) == (Fraction(22), Fraction(100))  # 80% x SAQ + 20% x (0..100)
    assert s.score is None
    assert s.band is None
    assert [b.name for b in s.band_range] == ["Tidak Informatif", "Informatif"]
    assert [m.item.key for m in s.missing] == ["laporan_layanan_informasi", "jadwal_pelayanan"]


def test_office_answer_wins_over_derived() -> None:
    answers = parse_answers("answers:\n  register_permohonan: {answer: tidak, evidence: null}\n")
    s = score_monev(answers, derived=[register_fact(load_kpu_ntt_2024())])
    item = next(i for i in s.items if i.item.key == "register_permohonan")
    assert (item.origin, item.value, item.earned) == ("kantor", 0, Fraction(0))
    assert item.source_text == (
        "office's answer, CONTRADICTS the derived ya (register permohonan "
        "kpu_ntt_2024.csv: 37 permohonan (ppid_core.requests.load_register))"
    )
    assert s.to_dict()["items"][4]["derived"].startswith("register permohonan kpu_ntt_2024.csv")


def test_fact_that_does_not_hold_answers_tidak() -> None:
    s = score_monev(
        parse_answers("answers: {}\n"),
        derived=[Fact(kind="dip", holds=False, provenance="DIP d.yaml: tidak mutakhir")],
    )
    item = next(i for i in s.items if i.item.key == "dip_mutakhir")
    assert (item.value, item.evidence, item.origin) == (0, None, "turunan")


def test_survey_fact_on_a_custom_instrument() -> None:
    text = GOOD.replace("answer: yes_no, points: 3,", "answer: yes_no, points: 3, derive: ikm,")
    ins = parse_instrument(text, source="mine.yaml")
    fact = survey_fact(read_seed_survey().score())
    assert fact.provenance == (
        "survei kepuasan masyarakat: 150 responden, IKM 90.67 (A, Sangat Baik) (ppid_core.ikm)"
    )
    s = score_monev(Answers(instrument="mine"), instrument=ins, derived=[fact])
    assert s.items[0].earned == Fraction(80, 100) * 60 * Fraction(3, 4)


def test_every_rendering_says_prediction() -> None:
    s = score_monev(load_example_answers())
    assert (
        "A prediction by ppid-core from the office's answers, not the Komisi Informasi's "
        "assessment."
    ) in s.to_markdown()
    assert s.to_dict()["prediction"] is True
    assert s.to_dict()["notice"] == NOTICE  # JSON: Indonesian in every language
    assert repr(s).startswith("<MonevScore prediction for ")
    assert "prediction" in s._repr_html_()
    assert [t.title for t in s.tables()][2:] == [
        "Items",
        "Items without evidence, by the points they would add (by the aggregation setting "
        "equal [unknown], not a rule of the Komisi Informasi)",
        "Items answered by ppid-core: PDFs still to upload to the SAQ",
    ]


def test_code_built_answers_are_checked() -> None:
    bad = Answers(
        instrument="ki-pusat-2025",
        answers=(
            Answer(item="nope", value=1),
            Answer(item="jadwal_pelayanan", value=2),
            Answer(item="jadwal_pelayanan", value=1),
        ),
    )
    with pytest.raises(
        InvalidArgumentError,
        match=r"^unknown item 'nope'; item 'jadwal_pelayanan': expected 0 to 1, got 2; "
        r"item 'jadwal_pelayanan' is answered twice$",
    ):
        score_monev(bad)


def test_unknown_fact_kind() -> None:
    with pytest.raises(InvalidArgumentError, match="unknown kind of fact 'x'; expected one of"):
        Fact(kind="x", holds=True, provenance="p")


# -- review 12 -----------------------------------------------------------------------------


def test_a_partial_indicator_is_a_range_up_to_its_weight() -> None:
    # review 12 item 1: Jenis Informasi (complete: false) lists 2 of its items; what they
    # earn is the least it adds, its whole weight the most
    s = score_monev(parse_answers("answers:\n  dip_mutakhir: {answer: ya, evidence: dip.pdf}\n"))
    jenis = s.indicators[0]
    assert (jenis.score, jenis.low, jenis.high) == (None, Fraction(20), Fraction(40))
    assert s.tables()[1].rows[0][4] == "50.00-100.00 (partial item list)"
    assert s.to_dict()["indicators"][0] == {
        "key": "jenis_informasi",
        "name": "Jenis Informasi",
        "weight": 40,
        "items": 2,
        "complete": False,
        "score": None,
        "low": 20.0,
        "high": 40.0,
    }
    assert s.to_dict()["settings"]["points_assumed"] is True
    assert s.tables()[2].columns[6] == "Points (assumption)"


def test_a_complete_indicator_is_exact() -> None:
    ins = parse_instrument(GOOD, source="m.yaml")  # indicator a lists all its items
    s = score_monev(Answers(instrument="mine"), instrument=ins)
    a = s.indicators[0]
    assert a.indicator.complete
    assert a.score == 0
    assert a.low == a.high == 0


def test_a_fact_no_item_asks_for_is_noted() -> None:
    # review 12 item 2: the bundled instrument has no derive: ikm item
    fact = survey_fact(read_seed_survey().score())
    s = score_monev(parse_answers("answers: {}\n"), derived=[fact])
    assert s.derived_unused == (fact,)
    assert s.notes == (
        "tidak dipakai: survei kepuasan masyarakat: 150 responden, IKM 90.67 (A, Sangat "
        "Baik) (ppid_core.ikm); tidak ada butir instrumen dengan derive: ikm",
    )
    data = s.to_dict()
    assert data["derived_unused"] == [{"kind": "ikm", "holds": True, "provenance": fact.provenance}]
    assert data["notes"] == list(s.notes)
    assert s.tables()[-1].title == "Notes"


def test_office_answer_against_a_derived_one_is_noted() -> None:
    # review 12 item 7: the office says the DIP is current, the check says it is not
    stale = dip_fact(check_dip(load_example_dip(), on=dt.date(2025, 1, 15)))
    answers = parse_answers(
        "answers:\n  dip_mutakhir: {answer: ya, evidence: dip.pdf}\n"
        "  register_permohonan: {answer: tidak, evidence: null}\n"
    )
    s = score_monev(answers, derived=[stale, register_fact(load_kpu_ntt_2024())])
    assert [i.item.key for i in s.conflicts] == ["dip_mutakhir", "register_permohonan"]
    assert s.notes == (
        "butir 2.1.0.0: kantor menjawab ya, tetapi ppid-core menurunkan tidak dari DIP "
        "kpu-ntt-dip.yaml: 14 informasi, tidak mutakhir per 2025-01-15 "
        "(ppid_core.dip.check_dip); jawaban kantor yang dipakai, periksa kembali",
        "butir register_permohonan: kantor menjawab tidak, tetapi ppid-core menurunkan ya "
        "dari register permohonan kpu_ntt_2024.csv: 37 permohonan "
        "(ppid_core.requests.load_register); jawaban kantor yang dipakai, periksa kembali",
    )
    item = s.to_dict()["items"][0]
    assert (item["answer"], item["derived_answer"], item["conflict"]) == ("ya", "tidak", True)


def test_derived_items_name_the_pdf_to_upload() -> None:
    # review 12 item 7: a derived ya still needs its PDF in the SAQ
    s = score_monev(parse_answers("answers: {}\n"), derived=[register_fact(load_kpu_ntt_2024())])
    (item,) = s.to_upload
    assert item.item.key == "register_permohonan"
    assert item.upload == "register permohonan sebagai PDF (ekspor berkas register)"
    assert item.evidence == (
        "PDF untuk diunggah: register permohonan sebagai PDF (ekspor berkas register)"
    )
    assert s.to_dict()["to_upload"] == [
        {
            "key": "register_permohonan",
            "upload": "register permohonan sebagai PDF (ekspor berkas register)",
            "points": 2.0,
        }
    ]
    assert s.tables()[4].rows == (
        (
            "register_permohonan",
            "Daftar Register Permohonan",
            "register permohonan sebagai PDF (ekspor berkas register)",
            2.0,
        ),
    )


def test_evidence_that_is_not_a_pdf_is_noted() -> None:
    s = score_monev(
        parse_answers(
            "answers:\n  formulir_permohonan: {answer: ya, evidence: formulir.docx}\n"
            "  formulir_keberatan: {answer: ya, evidence: 'https://x.example/k.PDF?v=2'}\n"
        )
    )
    assert s.notes == (
        "butir formulir_permohonan: bukti 'formulir.docx' bukan PDF; SAQ menerima satu PDF "
        "per butir (Perki 1/2022 [secondary])",
    )


def test_provenance_names_files_not_folders() -> None:
    # review 12 item 14: no absolute paths in evidence cells
    check = check_dip(load_example_dip(), on=dt.date(2025, 1, 15))
    fact = dip_fact(attrs.evolve(check, source="/work/main/src/x/kpu-ntt-dip.yaml"))
    assert fact.provenance.startswith("DIP kpu-ntt-dip.yaml: 14 informasi")
    windows = dip_fact(attrs.evolve(check, source="C:\\data\\dip.yaml"))
    assert windows.provenance.startswith("DIP dip.yaml: ")


def test_annual_report_fact_says_part_4_is_unknown() -> None:
    # review 12 item 11: the register has no keberatan or sengketa column
    cal = WorkCalendar.indonesia(zone="NTT")
    profile = load_annual_profile(PROFILE)
    report = annual_report([load_kpu_ntt_2024(cal)], cal, year=2024, profile=profile)
    fact = annual_report_fact(report)
    assert fact.holds
    assert fact.provenance == (
        "laporan layanan informasi publik 2024 dari kpu_ntt_2024.csv: 37 permohonan, "
        "bagian 1-3, 5 dan 6 tersedia; bagian 4 tidak diketahui: register tidak mencatat "
        "keberatan atau sengketa (jika ada sengketa, bagian 4 harus dilengkapi) "
        "(ppid_core.requests.annual_report)"
    )
