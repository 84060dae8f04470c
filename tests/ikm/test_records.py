"""read_survey_records and read_survey_sql: typed answers in, located errors by record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from ppid_core.errors import DataFileError
from ppid_core.ikm import read_survey, read_survey_records, read_survey_sql

UNSUR = (
    "Persyaratan",
    "Prosedur",
    "Waktu",
    "Biaya",
    "Produk",
    "Kompetensi",
    "Perilaku",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan",
)
FIELDS = {f"u{i}": name for i, name in enumerate(UNSUR, start=1)} | {
    "tgl_isi": "Tanggal",
    "layanan": "Layanan",
}


def _answers(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "tgl_isi": dt.date(2024, 6, 1 + i % 28),
            "layanan": ("Informasi", "Keberatan")[i % 2],
            **{f"u{j}": (i * j) % 4 + 1 for j in range(1, 10)},
        }
        for i in range(1, n + 1)
    ]


def _as_text(records: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The same answers as a CSV would hold them (under the survey's header names)."""
    return [
        {name: r[k].isoformat() if k == "tgl_isi" else str(r[k]) for k, name in FIELDS.items()}
        for r in records
    ]


def test_typed_answers_score_as_the_same_answers_as_text() -> None:
    records = _answers(40)
    typed = read_survey_records(records, fields=FIELDS, key="id")
    text = read_survey(_as_text(records), source_name="<records>")
    assert typed == text
    assert typed.score().to_dict() == text.score().to_dict()
    assert typed.score(by="Layanan").to_dict() == text.score(by="Layanan").to_dict()


def test_labels_are_answers() -> None:
    records = _answers(2)
    records[0]["u1"] = "Sangat sesuai"
    survey = read_survey_records(records, fields=FIELDS)
    assert survey.respondents == 2


def test_every_error_at_once_located_by_record_and_key() -> None:
    records: list[Any] = _answers(6)
    records[1]["u2"] = 3.0
    records[2]["u4"] = 9
    records[3]["u1"] = True
    del records[4]["u9"]
    records[5] = ("not", "a", "mapping")
    with pytest.raises(DataFileError) as info:
        read_survey_records(records, fields=FIELDS, key="id", source="jawaban_skm")
    assert info.value.report().splitlines() == [
        'jawaban_skm: row 2, column "u2": got float; expected a whole number, a label, a date '
        "or text (record id=2)",
        "jawaban_skm: row 3, column \"u4\": '9' is not an answer; expected a score 1-4 or an "
        "answer label ('1', '2', '3', '4', 'Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis') "
        "(record id=3)",
        'jawaban_skm: row 4, column "u1": got bool; expected a whole number, a label, a date '
        "or text (record id=4)",
        'jawaban_skm: row 5, column "u9": missing; the record has no such key (record id=5)',
        "jawaban_skm: row 6: got tuple; expected a mapping of key -> value (record id=NoneType)",
    ]


def test_a_survey_table_in_sqlite(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'skm.sqlite'}")
    metadata = sa.MetaData()
    table = sa.Table(
        "jawaban_skm",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tgl_isi", sa.Date),
        sa.Column("layanan", sa.String(40)),
        *(sa.Column(f"u{j}", sa.SmallInteger) for j in range(1, 10)),
    )
    metadata.create_all(engine)
    records = _answers(120)
    with engine.begin() as conn:
        conn.execute(table.insert(), records)
    survey = read_survey_sql(engine, "jawaban_skm", fields=FIELDS, key="id", chunk_size=25)
    assert survey.source == "jawaban_skm"
    assert survey == read_survey_records(records, fields=FIELDS, source="jawaban_skm")
    assert survey.score().to_dict() == read_survey(_as_text(records)).score().to_dict()
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE jawaban_skm SET u3 = 2.5 WHERE id = 7"))
    with pytest.raises(DataFileError) as info:
        read_survey_sql(engine, "SELECT * FROM jawaban_skm", fields=FIELDS, key="id")
    assert info.value.report() == (
        '<sql>: row 7, column "u3": got float; expected a whole number, a label, a date or '
        "text (record id=7)"
    )
    engine.dispose()
