"""Golden cases from the KPU Provinsi NTT 2024 register and the statute.

source: ../shared/seeds/000_9f58199ed1254750.txt, beside the repository ("Permintaan
Informasi Publik yang Diterima Tahun 2024", KPU Provinsi NTT), 37 requests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.examples.requests import kpu_ntt_2024_text, load_kpu_ntt_2024
from ppid_core.requests import deadline_chain, service_report

CAL = WorkCalendar.indonesia(zone="NTT")

# the repository is cloned into a folder with shared/ beside it (../shared/seeds, as in CI)
SEEDS = Path(__file__).absolute().parents[3] / "shared" / "seeds"
SEED_REGISTER = SEEDS / "000_9f58199ed1254750.txt"


def test_total_and_months() -> None:
    # source: seed register, rows 1-37; dates as written (4 Juni ... 11 Desember 2024)
    report = service_report(load_kpu_ntt_2024(CAL), CAL, year=2024, as_of=dt.date(2025, 1, 6))
    assert report.total == 37
    assert {k: v for k, v in report.by_month.items() if v} == {
        "2024-06": 2,
        "2024-07": 1,
        "2024-08": 3,
        "2024-09": 10,
        "2024-10": 9,
        "2024-11": 9,
        "2024-12": 3,
    }
    assert report.by_service == {"Layanan Konsultasi/ Mediasi": 37}
    assert report.response_times is None  # the seed records no response dates


def test_mixed_date_formats_as_written() -> None:
    # source: seed rows 13 ("03-Sep-24"), 17 ("07 Oktober 2024"), 1 ("4 Juni 2024")
    entries = {e.number: e for e in load_kpu_ntt_2024().entries}
    assert entries["13"].received == dt.date(2024, 9, 3)
    assert entries["17"].received == dt.date(2024, 10, 7)
    assert entries["1"].received == dt.date(2024, 6, 4)


def test_page_break_artefact_of_row_7() -> None:
    # source: seed row 7, unit cell "Publik KPU Provinsi NTT" under the split header
    reg = load_kpu_ntt_2024()
    (repair,) = reg.repairs
    assert (repair.original, repair.value) == ("Publik KPU Provinsi NTT", "KPU Provinsi NTT")
    assert {e.unit for e in reg.entries} == {"KPU Provinsi NTT"}
    assert len(reg.header_rows) == 5


def test_embedded_copy_masks_phone_numbers() -> None:
    # source: seed column "No. HP (WA)"; the example keeps the last 4 digits only
    text = kpu_ntt_2024_text()
    assert re.search(r"\d{6,}", text.replace("2004-2024", "")) is None
    assert "********2120" in text
    phones = [line.split(",")[-2] for line in text.splitlines() if line[:1].isdigit()]
    assert len(phones) == 37
    assert all(re.fullmatch(r"\*{7,9}\d{4}", p) for p in phones), phones
    assert "Arieston" not in text


def test_seed_dates_match_the_source_text() -> None:
    # a golden case that cannot find its source fails: a skip would hide a broken checkout
    if not SEED_REGISTER.is_file():
        pytest.fail(
            f"the seed register is missing: {SEED_REGISTER} (clone the repository into a "
            "folder that holds shared/seeds beside it)"
        )
    written = re.findall(r"\t(\d{1,2}[ -][A-Za-z]+[ -]\d{2,4})\t", SEED_REGISTER.read_text("utf-8"))
    assert len(written) == 37
    got = [e.received for e in load_kpu_ntt_2024().entries]
    from ppid_core.requests import parse_register_date

    assert [parse_register_date(w) for w in written] == got


def test_statute_golden_pair() -> None:
    # source: UU 14/2008 Pasal 22 ayat (7); SKB 1017/2024 (cuti bersama 2025, Idul Fitri)
    with_cb = deadline_chain(dt.date(2025, 3, 27), WorkCalendar.indonesia(cuti_bersama=True))
    no_cb = deadline_chain(dt.date(2025, 3, 27), WorkCalendar.indonesia(cuti_bersama=False))
    assert with_cb.response.due == dt.date(2025, 4, 22)
    assert no_cb.response.due == dt.date(2025, 4, 14)


def test_report_json_round_trips() -> None:
    report = service_report(load_kpu_ntt_2024(CAL), CAL, year=2024, as_of=dt.date(2025, 1, 6))
    data = json.loads(report.to_json())
    assert data["total"] == 37
    assert sum(data["by_topic"].values()) == 37
