"""Laws of the records reader (Hypothesis).

- Typed records (an e-PPID table's rows: UTC datetimes, dates, status words, ``None``) and
  the same rows exported as CSV (timestamps as stored, in UTC) give the same service
  report, the same dates received and the same warnings (issue 16: the UTC -> WIB date
  shift at midnight is where apps go wrong).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.requests import Register
from tests.property.strategies import budget
from tests.sql.eppid import FIELDS, same_report

pytestmark = pytest.mark.property

_STATUS = st.sampled_from(
    ["Diberikan seluruhnya", "Ditolak", "Diberikan sebagian", "selesai", "entah", "", None]
)


@st.composite
def _records(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(0, 12))
    rows = []
    for i in range(1, n + 1):
        at = draw(st.datetimes(dt.datetime(2023, 1, 1), dt.datetime(2025, 12, 30)))  # noqa: DTZ001 - naive, as the app's database stores it
        at = at.replace(microsecond=0)
        answered = draw(st.one_of(st.none(), st.integers(-3, 30)))
        rows.append(
            {
                "id": i,
                "nomor_registrasi": draw(st.sampled_from(["", f"R{i}", None])),
                "tanggal_permohonan": at,
                "nama_pemohon": draw(st.sampled_from(["Ani", "", None])),
                "email": None,
                "no_hp": draw(st.sampled_from(["0812", None])),
                "rincian_informasi": draw(st.sampled_from(["Data DPT", "Salinan SK", None])),
                "tanggal_tanggapan": None
                if answered is None
                else at.date() + dt.timedelta(days=answered),
                "status": draw(_STATUS),
                "alasan_penolakan": draw(st.sampled_from(["Pasal 17", None])),
            }
        )
    return rows


@budget(0.2)
@given(_records())
def test_records_and_their_csv_give_the_same_report(rows: list[dict[str, Any]]) -> None:
    reg = Register.from_records(rows, fields=FIELDS, key="id", source_zone="UTC")
    same_report(reg, rows)
