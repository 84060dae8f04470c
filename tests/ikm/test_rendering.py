"""Rendering: the seed's table layout as Markdown/CSV/JSON, HTML for Jupyter, the chart."""

from __future__ import annotations

import json
import sys

import pytest

from ppid_core.errors import MissingExtraError, UnknownNameError
from ppid_core.ikm import IkmResult, Regime, ScoringPolicy, Tally, score

R = Regime.bundled()


def _result(policy: ScoringPolicy | None = None, population: int | None = None) -> IkmResult:
    t = Tally.from_totals(R, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150)
    return score(t, R, policy=policy, population=population)


def test_csv_by_default_in_questionnaire_order_is_the_seed_layout() -> None:
    # source: seed 000_9f58199ed1254750.txt (KPU NTT 2024): Sarana 8th, Pengaduan 9th.
    assert _result().to_csv() == _result().to_csv(order="questionnaire")
    assert _result().to_csv() == (
        "No,Scope,Average score,Converted interval score,Kinerja\n"
        "1,Persyaratan,3.66,91.50,Sangat Baik\n"
        '2,"Sistem, Mekanisme, dan Prosedur",3.70,92.50,Sangat Baik\n'
        "3,Waktu Penyelesaian,3.49,87.17,Baik\n"
        "4,Biaya/Tarif,4.00,100.00,Sangat Baik\n"
        "5,Produk Spesifikasi Jenis Pelayanan,3.35,83.83,Baik\n"
        "6,Kompetensi Pelaksana,3.69,92.17,Sangat Baik\n"
        "7,Perilaku Pelaksana,3.69,92.17,Sangat Baik\n"
        "8,Sarana dan Prasarana,3.49,87.17,Baik\n"
        '9,"Penanganan Pengaduan, Saran dan Masukan",3.58,89.50,Sangat Baik\n'
        ",IKM (weighted NRR),3.63,90.67,Sangat Baik\n"
    )


def test_regime_order_lists_pengaduan_eighth() -> None:
    lines = _result().to_markdown(order="regime").splitlines()
    assert lines[0].startswith("**IKM unit (pooled respondents): 150 responden")
    assert lines[11].startswith("| 8 | Penanganan Pengaduan")


def test_bad_order() -> None:
    with pytest.raises(UnknownNameError) as info:
        _result().to_table(order="x")
    assert str(info.value) == "order must be 'regime' or 'questionnaire', got 'x'"


def test_json_keys_and_values() -> None:
    data = json.loads(_result(population=1000).to_json())
    assert {k: data[k] for k in ("respondents", "ikm", "mutu", "kinerja", "ikm_exact")} == {
        "respondents": 150,
        "ikm": 90.67,
        "mutu": "A",
        "kinerja": "Sangat Baik",
        "ikm_exact": "272/3",
    }
    assert [u["key"] for u in data["unsur"]][-2:] == ["sarana", "pengaduan"]  # report order
    assert data["unsur"][2] == {
        "key": "waktu",
        "name": "Waktu Penyelesaian",
        "nrr": 3.49,
        "nrr_exact": "523/150",
        "converted": 87.17,
        "mutu": "B",
        "kinerja": "Baik",
        "answered": 150,
        "total": 523,
        "weight": "1/9",
    }
    assert data["sample"] == {"population": 1000, "required": 278, "adequate": False}


def test_non_compliant_results_say_so() -> None:
    res = _result(ScoringPolicy.legacy_spreadsheet(weight="0.111"))
    assert "legacy spreadsheet (NOT compliant): weight 0.111" in res.to_markdown()
    assert "NOT compliant" in res._repr_html_()
    assert res.to_dict()["compliant"] is False


def test_html_and_plot_follow_the_report_order() -> None:
    page = _result()._repr_html_()
    assert page.index("Sarana dan Prasarana") < page.index("Penanganan Pengaduan")


def test_html_view() -> None:
    page = _result()._repr_html_()
    assert page.startswith("<div class='ppid-ikm'><p><b>IKM 90.67</b>")
    assert page.count("<tr>") == 11  # header, 9 unsur, total
    assert "Sistem, Mekanisme, dan Prosedur" in page


def test_plot_returns_axes() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = _result().plot()
    try:
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels[-1] == "Persyaratan"
        assert [round(p.get_width(), 4) for p in ax.patches][-1] == 3.66
        assert ax.get_title().startswith("IKM 90.67 (A, Sangat Baik)")
    finally:
        plt.close("all")


def test_plot_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ppid-core\[plot\]'"):
        _result().plot()
