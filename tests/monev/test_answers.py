"""Strict reading of answers files: exact, located messages, all at once."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ppid_core.errors import DataFileError
from ppid_core.examples.monev import load_example_answers
from ppid_core.monev import Answer, Instrument, load_answers, parse_answers

from .test_instrument import GOOD


def test_example_answers() -> None:
    a = load_example_answers()
    assert (a.instrument, a.office, a.year, a.visitasi) == (
        "ki-pusat-2025",
        "KPU Provinsi Nusa Tenggara Timur",
        2025,
        None,
    )
    assert a.get("jadwal_pelayanan") == Answer(
        item="jadwal_pelayanan",
        value=1,
        evidence=None,
        note="jadwal dipasang di ruang layanan; foto belum diunggah",
    )


def test_visitasi_and_bytes() -> None:
    a = load_answers(b"visitasi: 87.5\nanswers: {}\n", source="a.yaml")
    assert a.visitasi == Fraction(175, 2)
    assert a.source == "a.yaml"


def _errors(text: str, instrument: Instrument | None = None) -> list[str]:
    with pytest.raises(DataFileError) as info:
        parse_answers(text, instrument=instrument, source="a.yaml")
    return [str(e) for e in info.value.exceptions]


def test_bad_answers_every_error_located() -> None:
    text = """\
instrument: ki-pusat-2025
visitasi: 101
answers:
  formulir_permohonan: {answer: yes, evidence: f.pdf}
  formulir_keberatan: {answer: ya}
  rahasia: {answer: ya, evidence: x.pdf}
  jadwal_pelayanan: {answer: tidak, evidence: null, extra: 1}
"""
    assert _errors(text) == [
        "a.yaml:2:11 ($.visitasi): expected a score from 0 to 100, got 101",
        "a.yaml:4:33 ($.answers.formulir_permohonan.answer): "
        "expected ya or tidak (a yes_no item), got 'yes'",
        "a.yaml:5:23 ($.answers.formulir_keberatan): evidence missing: name the PDF of data "
        "dukung for this item, or write 'evidence: null' if there is none yet (an item "
        "without evidence earns nothing)",
        "a.yaml:6:3 ($.answers.rahasia): unknown item 'rahasia'; expected an item of "
        "instrument ki-pusat-2025: dip_mutakhir, laporan_layanan_informasi, "
        "formulir_permohonan, formulir_keberatan, register_permohonan, jadwal_pelayanan",
        "a.yaml:7:53 ($.answers.jadwal_pelayanan.extra): unknown field 'extra'; "
        "expected one of: answer, evidence, note",
    ]


def test_scale_answer_outside_its_range() -> None:
    from ppid_core.monev import parse_instrument

    ins = parse_instrument(GOOD, source="mine.yaml")
    assert _errors("answers:\n  a2: {answer: 5, evidence: x.pdf}\n", ins) == [
        "a.yaml:2:16 ($.answers.a2.answer): expected a whole number from 0 to 4 "
        "(a scale item), got 5"
    ]
    assert _errors("answers:\n  a2: {answer: 2.5, evidence: x.pdf}\n", ins) == [
        "a.yaml:2:16 ($.answers.a2.answer): expected a whole number, got '2.5'"
    ]


def test_instrument_named_and_given() -> None:
    from ppid_core.monev import parse_instrument

    ins = parse_instrument(GOOD, source="mine.yaml")
    assert _errors("instrument: other\nanswers: {}\n", ins) == [
        "a.yaml:1:13 ($.instrument): the answers are for instrument 'other', but 'mine' was given"
    ]
    assert _errors("instrument: ki-2030\nanswers: {}\n") == [
        "a.yaml:1:13 ($.instrument): unknown e-Monev instrument 'ki-2030'; bundled: "
        "ki-pusat-2025; or give the instrument file (--instrument FILE)"
    ]


def test_duplicate_item_refused() -> None:
    text = "answers:\n  jadwal_pelayanan: {answer: ya, evidence: a.pdf}\n"
    text += "  jadwal_pelayanan: {answer: tidak, evidence: null}\n"
    assert _errors(text) == [
        "a.yaml:3:3 ($.answers.jadwal_pelayanan): duplicate key 'jadwal_pelayanan' "
        "(first at line 2)"
    ]


def test_an_unknown_item_has_one_error_not_two() -> None:
    # review 12 (D): no redundant "evidence missing" for an item that does not exist
    assert _errors("answers:\n  foo_item: {answer: ya}\n") == [
        "a.yaml:2:3 ($.answers.foo_item): unknown item 'foo_item'; expected an item of "
        "instrument ki-pusat-2025: dip_mutakhir, laporan_layanan_informasi, "
        "formulir_permohonan, formulir_keberatan, register_permohonan, jadwal_pelayanan",
    ]
