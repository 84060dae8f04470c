"""Golden case: the annual report of the KPU Provinsi NTT 2024 register, every figure by hand.

source: ../shared/seeds/000_9f58199ed1254750.txt ("Permintaan Informasi Publik yang Diterima
Tahun 2024", KPU Provinsi NTT), embedded as ppid_core/examples/requests/kpu_ntt_2024.csv;
the profile is the embedded example kpu_ntt_2024_profil.yaml. Perki 1/2021 Pasal 56 [S] for
the six parts.

The expected figures are counted here from the CSV with the csv module, not by the
library: rows whose date cell repeats the header (page breaks) are skipped, the month is
read from the date as written ("4 Juni 2024", "07 Oktober 2024", "03-Sep-24").

The seed has no response-date, decision, refusal-reason, keberatan or sengketa column:
here those figures are unknown (``None``), and only the counts per month are checked
against the seed. The response-time classes (within 10, 11-17, over 17 working days, not
answered, overdue), the decisions and part 4 are hand-checked on small synthetic
registers in tests/requests/test_annual.py (each date's working days counted there by
hand).
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.examples.requests import kpu_ntt_2024_text, load_kpu_ntt_2024
from ppid_core.requests import AnnualReport, annual_report, parse_annual_profile

CAL = WorkCalendar.indonesia(zone="NTT")
DATE = "Tanggal/Bulan/Tahun Mengurus Layanan"
MONTHS = {
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "sep": 9,
    "oktober": 10, "november": 11, "desember": 12,
}  # fmt: skip


def _by_hand() -> tuple[list[str], dict[int, int]]:
    rows = list(csv.reader(io.StringIO(kpu_ntt_2024_text(), newline="")))
    header = rows[0]
    at = header.index(DATE)
    per_month: dict[int, int] = {}
    for row in rows[1:]:
        if row[at] == DATE:  # the header repeated at a page break
            continue
        word = row[at].replace("-", " ").split()[1].lower()
        assert row[at].endswith(("2024", "-24"))
        per_month[MONTHS[word]] = per_month.get(MONTHS[word], 0) + 1
    return header, per_month


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    text = (resources.files("ppid_core.examples.requests") / "kpu_ntt_2024_profil.yaml").read_text(
        encoding="utf-8"
    )
    profile = parse_annual_profile(text, source="kpu_ntt_2024_profil.yaml")
    return annual_report(load_kpu_ntt_2024(CAL), CAL, year=2024, profile=profile)


def test_requests_and_months_counted_by_hand(report: AnnualReport) -> None:
    _, per_month = _by_hand()
    assert per_month == {6: 2, 7: 1, 8: 3, 9: 10, 10: 9, 11: 9, 12: 3}
    service = report.service
    assert service.requests == sum(per_month.values()) == 37
    assert service.outside_year == 0
    assert [(m.month, m.requests) for m in service.months] == [
        (f"2024-{m:02d}", per_month.get(m, 0)) for m in range(1, 13)
    ]


def test_what_the_register_does_not_record_is_unknown(report: AnnualReport) -> None:
    header, _ = _by_hand()
    # the seed's columns: no response date, decision, reason, keberatan or sengketa
    assert header == [
        "No",
        "Unit Kerja Tempat Mengurus Layanan Publik",
        "Jenis Layanan",
        "Nama Layanan yang diterima",
        DATE,
        "Nama Pengguna Layanan",
        "No. HP (WA)",
        "Email",
    ]
    part3 = report.to_dict()["parts"][2]
    assert part3["response_time"] == {
        "limits": [10, 17],
        "within_10": None,
        "from_11_to_17": None,
        "over_17": None,
        "not_answered": None,
        "unknown": 37,
    }
    assert part3["overdue"] is None
    # a month with requests: unknown; a month without (January to May): 0, not unknown
    assert [m["within_10"] for m in part3["by_month"]] == [0] * 5 + [None] * 7
    assert [m["unknown"] for m in part3["by_month"]] == [0, 0, 0, 0, 0, 2, 1, 3, 10, 9, 9, 3]
    for key in ("granted", "partially_granted", "refused", "decisions", "refusal_reasons"):
        assert part3[key] is None
    part4 = report.to_dict()["parts"][3]
    assert (part4["provided"], part4["keberatan"], part4["sengketa"], part4["outcomes"]) == (
        False,
        None,
        None,
        None,
    )


def test_parts_and_title_page(report: AnnualReport) -> None:
    data = report.to_dict()
    assert data["year"] == 2024
    assert [(p["number"], p["provided"]) for p in data["parts"]] == [
        (1, True),
        (2, True),
        (3, True),
        (4, False),
        (5, True),
        (6, True),
    ]
    assert data["public_body"] == "Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur"
    assert data["signatory"] == {
        "position": "Ketua PPID KPU Provinsi Nusa Tenggara Timur",
        "name": None,
    }
    text = report.to_markdown()
    assert "Jumlah permohonan informasi publik yang diterima: 37." in text
    assert "| Sep | 10 |" + " tidak diketahui |" * 4 + " 10 |" in text
    assert "| Jan | 0 | 0 | 0 | 0 | 0 | 0 |  |" in text
    assert "(nama)" in text  # the name is written by hand
