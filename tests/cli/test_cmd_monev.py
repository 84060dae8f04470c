"""``ppid monev score``: output, derived answers, exit codes and messages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.dip import example_path as dip_path
from ppid_core.examples.monev import example_answers_text

REGISTER = Path(__file__).parents[2] / "src/ppid_core/examples/requests/kpu_ntt_2024.csv"


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "jawaban.yaml"
    path.write_text(example_answers_text(), encoding="utf-8")
    return path


def test_markdown_says_prediction(answers: Path) -> None:
    code, text = _run(["monev", "score", str(answers)])
    assert code == 0
    # SAQ 5 (sarana-prasarana: 2 of its 4 listed items) to 100 (every list is partial)
    assert text.startswith(
        "# e-Monev prediction 2025 for KPU Provinsi Nusa Tenggara Timur: 4.00-100.00"
    )
    assert "not the Komisi Informasi's assessment" in text


def test_the_prediction_in_indonesian(answers: Path) -> None:
    # source: issue 14 ("Speak the officer's language"); L_parts: "prediksi" in Indonesian
    code, text = _run(["--lang", "id", "monev", "score", str(answers)])
    assert code == 0
    assert text.startswith("# Prediksi e-Monev 2025 KPU Provinsi Nusa Tenggara Timur: 4.00-100.00")
    assert "bukan hasil penilaian Komisi Informasi" in text
    assert "**Prediksi (bukan hasil Komisi Informasi), instrumen " in text
    assert "| Nilai akhir (prediksi) | 4.00-100.00 |" in text
    assert "**Butir tanpa bukti, menurut poin yang akan ditambahkan (" in text


def test_the_prediction_in_english(answers: Path) -> None:
    code, text = _run(["--lang", "en", "monev", "score", str(answers)])
    assert code == 0
    assert "**Prediction (not the Komisi Informasi's result), instrument " in text
    assert "| Final score (prediction) | 4.00-100.00 |" in text
    assert "**Items without evidence, by the points they would add (" in text
    assert "Prediksi" not in text


def test_json_is_the_same_in_both_languages(answers: Path) -> None:
    _, english = _run(["--lang", "en", "monev", "score", str(answers), "--json"])
    _, indonesian = _run(["--lang", "id", "monev", "score", str(answers), "--json"])
    assert english == indonesian
    assert '"notice": "Prediksi ppid-core dari jawaban kantor' in english


def test_json_with_register_and_dip(answers: Path) -> None:
    code, text = _run(
        [
            "monev",
            "score",
            str(answers),
            "--register",
            str(REGISTER),
            "--dip",
            str(dip_path()),
            "--on",
            "2024-12-01",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(text)
    assert data["prediction"] is True
    assert (data["low"], data["high"], data["band"]) == (22.0, 100.0, None)
    origins = {i["key"]: i["origin"] for i in data["items"]}
    assert origins["register_permohonan"] == origins["dip_mutakhir"] == "turunan"
    assert origins["laporan_layanan_informasi"] == "turunan"  # no profile: does not hold
    assert [m["key"] for m in data["missing_evidence"]] == [
        "laporan_layanan_informasi",
        "jadwal_pelayanan",
    ]


def test_bad_answers_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  nope: {answer: ya, evidence: a.pdf}\n", encoding="utf-8")
    code, _ = _run(["monev", "score", str(bad)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:3 ($.answers.nope): unknown item 'nope'" in err
    assert "Traceback" not in err


def test_bad_instrument_exit_1(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ins = tmp_path / "i.yaml"
    ins.write_text("key: x\n", encoding="utf-8")
    code, _ = _run(["monev", "score", str(answers), "--instrument", str(ins)])
    assert code == 1
    assert f"{ins}:1:1 ($): missing required field 'aggregation'" in capsys.readouterr().err


def test_bad_usage_exit_2(answers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["monev", "score", str(answers), "--on", "2024-13-01"])[0] == 2
    assert "expected a date as YYYY-MM-DD, got '2024-13-01'" in capsys.readouterr().err
    assert _run(["monev", "score", str(answers), "--profile", "p.yaml"])[0] == 2
    assert "--profile needs --register" in capsys.readouterr().err


def test_demo() -> None:
    from ppid_core.cli._cmd_monev import demo

    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert (
        "== e-Monev: a prediction (not the Komisi Informasi's result), DIP as of 2025-01-15 =="
    ) in text
    # review 12 item 14: the register and profile give the annual-report item, the DIP
    # is checked on the day of the dip demo, and cells name files, not folders
    assert (
        "| laporan_layanan_informasi | jenis_informasi | Laporan layanan informasi publik "
        "(Perki 1/2021 Pasal 56) | ya | PDF untuk diunggah: laporan dari `ppid report annual` "
        "sebagai PDF | derived: laporan layanan informasi publik 2024 dari kpu_ntt_2024.csv"
    ) in text
    assert "derived: DIP kpu-ntt-dip.yaml: 14 informasi, tidak mutakhir per 2025-01-15" in text
    assert "/src/" not in text
    assert "not answered" not in text.split("**Items**")[1].split("laporan_layanan")[1][:400]


# -- review 12 -----------------------------------------------------------------------------

PROFILE = REGISTER.with_name("kpu_ntt_2024_profil.yaml")
SURVEY = Path(__file__).parents[2] / "src/ppid_core/examples/ikm/kpu_ntt_2024_skm.csv"


def test_every_input_file_errors_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  formulir_permohonan: {answer: yes, evidence: a.pdf}\n", "utf-8")
    register = tmp_path / "reg.csv"
    register.write_bytes(b"\x1b\x00binary")
    dip = tmp_path / "dip.yaml"
    dip.write_text("unit: X\n", encoding="utf-8")
    survey = tmp_path / "missing.csv"
    code, text = _run(
        [
            "monev", "score", str(bad), "--register", str(register),
            "--dip", str(dip), "--survey", str(survey), "--on", "2025-01-15",
        ]
    )  # fmt: skip
    assert (code, text) == (1, "")
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{bad}:2:33 ($.answers.formulir_permohonan.answer): "
        "expected ya or tidak (a yes_no item), got 'yes'"
    )
    assert err[1] == "reg.csv:1:1: a control character (0x1B): this is binary data, not CSV text"
    assert err[2:] == [
        f"{survey}: No such file or directory",
        f"{dip}:1:1 ($): missing required field 'items'",
    ]


def test_output_file(answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "prediksi.json"
    code, text = _run(["monev", "score", str(answers), "--json", "--output", str(target)])
    assert (code, text) == (0, "")
    assert json.loads(target.read_text("utf-8"))["prediction"] is True
    assert capsys.readouterr().err == f"ppid: wrote the json output to {target}\n"


def test_today_is_the_office_zones(answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import types

    from ppid_core.cli import _cmd_monev

    instant = dt.datetime(2025, 1, 14, 16, 30, tzinfo=dt.UTC)  # 23:30 WIB, 01:30 WIT

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Clock:
            return instant.astimezone(tz)  # type: ignore[return-value]

    fake = types.SimpleNamespace(datetime=Clock, date=dt.date, UTC=dt.UTC, timedelta=dt.timedelta)
    monkeypatch.setattr(_cmd_monev, "dt", fake)
    for zone, day in (("WIB", "2025-01-14"), ("WIT", "2025-01-15")):
        code, text = _run(["monev", "score", str(answers), "--dip", str(dip_path()),
                           "--zone", zone, "--json"])  # fmt: skip
        assert code == 0
        derived = json.loads(text)["items"][0]["derived"]
        assert derived.endswith(f"per {day} (ppid_core.dip.check_dip)")


def test_conflicts_and_unused_survey_are_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "j.yaml"
    mine.write_text(
        "answers:\n  dip_mutakhir: {answer: ya, evidence: dip.pdf}\n"
        "  formulir_permohonan: {answer: ya, evidence: f.docx}\n",
        encoding="utf-8",
    )
    code, text = _run(
        ["monev", "score", str(mine), "--dip", str(dip_path()), "--on", "2025-01-15",
         "--survey", str(SURVEY), "--json"]
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().err.splitlines() == [
        "ppid: warning: butir 2.1.0.0: kantor menjawab ya, tetapi ppid-core menurunkan tidak "
        "dari DIP kpu-ntt-dip.yaml: 14 informasi, tidak mutakhir per 2025-01-15 "
        "(ppid_core.dip.check_dip); jawaban kantor yang dipakai, periksa kembali",
        "ppid: warning: butir formulir_permohonan: bukti 'f.docx' bukan PDF; SAQ menerima "
        "satu PDF per butir (Perki 1/2022 [secondary])",
        "ppid: warning: tidak dipakai: survei kepuasan masyarakat: 150 responden, IKM 90.67 "
        "(A, Sangat Baik) (ppid_core.ikm); tidak ada butir instrumen dengan derive: ikm",
    ]
    assert [f["kind"] for f in json.loads(text)["derived_unused"]] == ["ikm"]


def test_register_and_profile_derive_the_annual_report(answers: Path) -> None:
    code, text = _run(
        ["monev", "score", str(answers), "--register", str(REGISTER), "--profile",
         str(PROFILE), "--zone", "NTT", "--json"]
    )  # fmt: skip
    assert code == 0
    items = {i["key"]: i for i in json.loads(text)["items"]}
    assert items["laporan_layanan_informasi"]["answer"] == "ya"
    assert items["laporan_layanan_informasi"]["upload"] == (
        "laporan dari `ppid report annual` sebagai PDF"
    )
