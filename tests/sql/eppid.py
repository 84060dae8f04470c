"""A typical e-PPID app's ``permohonan`` table: its schema, generated rows, the same rows
as CSV, and the comparison the SQL tests (SQLite here, PostgreSQL in
``make test-integration``) make between the two readings.

The schema is the one the e-PPID apps we read share (Laravel/CodeIgniter migrations):
``tanggal_permohonan`` a ``DATETIME`` stored in UTC, the other dates ``DATE``, the
decision a status word. Column names are those of the bundled ``e-ppid`` layout, so the
CSV is read without a mapping.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import Register, load_register, service_report

__all__ = [
    "AS_OF",
    "COLUMNS",
    "FIELDS",
    "csv_bytes",
    "generated",
    "permohonan_table",
    "report",
    "same_report",
]

AS_OF = dt.date(2024, 12, 31)
FIELDS = {
    "nomor_registrasi": "number",
    "tanggal_permohonan": "received",
    "nama_pemohon": "requester",
    "email": "email",
    "no_hp": "phone",
    "rincian_informasi": "information",
    "tanggal_tanggapan": "responded",
    "status": "decision",
    "alasan_penolakan": "refusal_reason",
}
"""The app's columns -> register fields (the ``e-ppid`` layout's names)."""
COLUMNS = ("id", *FIELDS)
_STATUS = ("Diberikan seluruhnya", "Ditolak", "Diberikan sebagian", "selesai", None)


def permohonan_table(metadata: sa.MetaData) -> sa.Table:
    """The ``permohonan`` table as the apps create it."""
    return sa.Table(
        "permohonan",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("nomor_registrasi", sa.String(40)),
        sa.Column("tanggal_permohonan", sa.DateTime, nullable=False),  # UTC
        sa.Column("nama_pemohon", sa.String(120)),
        sa.Column("email", sa.String(120)),
        sa.Column("no_hp", sa.String(20)),
        sa.Column("rincian_informasi", sa.Text),
        sa.Column("tanggal_tanggapan", sa.Date),
        sa.Column("status", sa.String(40)),
        sa.Column("alasan_penolakan", sa.String(200)),
    )


def generated(n: int, *, seed: int = 16) -> Iterator[dict[str, Any]]:
    """``n`` rows of 2024, a share of them received between 17:00 and 24:00 UTC (the next
    day in a WIB office), some answered, refused or unanswered."""
    rnd = random.Random(seed)
    start = dt.datetime(2024, 1, 1)  # noqa: DTZ001 - naive, as the app's database stores it
    for i in range(1, n + 1):
        at = start + dt.timedelta(minutes=rnd.randrange(0, 350 * 24 * 60))
        if i % 5 == 0:  # WIB midnight: 17:00 UTC is 00:00 WIB the next day
            at = at.replace(hour=17 + rnd.randrange(0, 7), minute=rnd.randrange(0, 60))
        status = _STATUS[rnd.randrange(len(_STATUS))]
        answered = status is not None and rnd.random() < 0.9
        local_day = (at + dt.timedelta(hours=7)).date()
        yield {
            "id": i,
            "nomor_registrasi": f"REG-{i:07d}",
            "tanggal_permohonan": at,
            "nama_pemohon": f"Pemohon {i}",
            "email": f"p{i}@contoh.id",
            "no_hp": f"08{rnd.randrange(10**9, 10**10)}",
            "rincian_informasi": rnd.choice(("Data DPT", "Salinan SK", "Anggaran Pilkada")),
            "tanggal_tanggapan": local_day + dt.timedelta(days=rnd.randrange(0, 20))
            if answered
            else None,
            "status": status,
            "alasan_penolakan": "Pasal 17 huruf h" if status == "Ditolak" else None,
        }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The rows as an app's CSV export (timestamps in UTC, as stored)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([_cell(r[c]) for c in COLUMNS] for r in rows)
    return out.getvalue().encode()


def report(register: Register, *, header_rows: int = 0) -> dict[str, Any]:
    """The service report's JSON, less how the data was read (source, provenance, notes)
    and the warnings, which name rows (compared by [`same_report()`][same_report])."""
    cal = WorkCalendar.indonesia()
    data: dict[str, Any] = json.loads(service_report(register, cal, as_of=AS_OF).to_json())
    for name in ("source", "provenance", "notes", "warnings"):
        data.pop(name)
    for unknown in data["overdue_unknown"] or ():
        unknown["row"] -= header_rows  # a CSV's rows count its header row
    return data


def same_report(from_sql: Register, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Assert the report of ``from_sql`` is that of ``rows`` written as CSV; return it."""
    from_csv = load_register(csv_bytes(rows), source="permohonan.csv", source_zone="UTC")
    assert from_csv.layout == "e-ppid"
    differ = [
        (i, a, b)
        for i, (a, b) in enumerate(zip(from_sql.received, from_csv.received, strict=True))
        if a != b
    ]
    assert not differ, f"{len(differ)} dates received differ, the first {differ[:3]}"
    got = report(from_sql)
    assert got == report(from_csv, header_rows=1)
    key = re.compile(r" \(record \w+=\w+\)")
    warned = [(w.row, w.column, key.sub("", w.message)) for w in from_sql.warnings]
    assert warned == [(w.row - 1, w.column, w.message) for w in from_csv.warnings]  # header row
    return got
