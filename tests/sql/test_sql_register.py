"""read_register_sql on a real SQLite database file with an e-PPID app's schema: the same
service report as the same rows exported to CSV and read by load_register."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.requests import Register, read_register_sql
from tests.sql.eppid import FIELDS, generated, permohonan_table, same_report


def _database(path: Path, rows: list[dict[str, Any]]) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")
    metadata = sa.MetaData()
    table = permohonan_table(metadata)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    return engine


@pytest.fixture
def rows() -> list[dict[str, Any]]:
    return list(generated(300))


def test_a_table_gives_the_report_of_its_csv_export(tmp_path: Path, rows: list[Any]) -> None:
    engine = _database(tmp_path / "eppid.sqlite", rows)
    reg = read_register_sql(engine, "permohonan", fields=FIELDS, key="id", source_zone="UTC")
    assert reg.source == "permohonan"
    assert len(reg) == 300
    report = same_report(reg, rows)
    assert report["total"] == 300
    engine.dispose()


def test_a_url_a_query_and_small_chunks_give_the_same_register(
    tmp_path: Path, rows: list[Any]
) -> None:
    path = tmp_path / "eppid.sqlite"
    _database(path, rows).dispose()
    whole = read_register_sql(
        f"sqlite:///{path}", "permohonan", fields=FIELDS, source_zone="UTC", chunk_size=7
    )
    query = "SELECT * FROM permohonan WHERE tanggal_permohonan >= :since ORDER BY id"  # text dates
    part = read_register_sql(
        f"sqlite:///{path}",
        query,
        params={"since": "2024-07-01"},
        fields=FIELDS,
        source_zone="UTC",
    )
    assert part.source == "<sql>"
    assert len(part) == sum(r["tanggal_permohonan"] >= dt.datetime(2024, 7, 1) for r in rows)  # noqa: DTZ001 - naive, as the app's database stores it
    assert set(part.numbers) <= set(whole.numbers)
    same_report(whole, rows)


def test_utc_rows_at_wib_midnight_move_to_the_next_day(tmp_path: Path) -> None:
    base = next(generated(1))
    times = [dt.datetime(2024, 6, 4, 16, 59, 59), dt.datetime(2024, 6, 4, 17, 0)]  # noqa: DTZ001 - naive, as the app's database stores it
    rows = [{**base, "id": i, "tanggal_permohonan": t} for i, t in enumerate(times, 1)]
    engine = _database(tmp_path / "eppid.sqlite", rows)
    reg = read_register_sql(engine, "permohonan", fields=FIELDS, source_zone="UTC")
    assert reg.received == (dt.date(2024, 6, 4), dt.date(2024, 6, 5))
    assert reg.received_times == (dt.time(23, 59, 59), dt.time(0, 0))
    report = same_report(reg, rows)
    assert report["by_month"]["2024-06"] == 2
    engine.dispose()


def test_a_float_where_a_date_belongs_is_a_located_error(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'rusak.sqlite'}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE permohonan (id INTEGER, tgl REAL, nama TEXT)"))
        conn.execute(
            sa.text("INSERT INTO permohonan VALUES (41, 45447.5, 'Ani'), (42, NULL, 'Budi')")
        )
    with pytest.raises(DataFileError) as info:
        read_register_sql(
            engine, "permohonan", fields={"tgl": "received", "nama": "requester"}, key="id"
        )
    assert str(info.value) == "permohonan: 2 errors"
    assert info.value.report().splitlines() == [
        'permohonan: row 1, column "tgl": got float; expected a date, a datetime or text '
        "(record id=41)",
        'permohonan: row 2, column "tgl": empty; expected a date (record id=42)',
    ]
    engine.dispose()


def test_chunk_size_is_checked() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        read_register_sql("sqlite://", "permohonan", fields=FIELDS, chunk_size=0)
    assert str(info.value) == "chunk_size must be a whole number >= 1, got 0"


def test_a_sqlalchemy_table_and_select_are_read(tmp_path: Path, rows: list[Any]) -> None:
    engine = _database(tmp_path / "eppid.sqlite", rows)
    table = permohonan_table(sa.MetaData())
    a = read_register_sql(engine, table, fields=FIELDS, source_zone="UTC")
    b = read_register_sql(engine, sa.select(table), fields=FIELDS, source_zone="UTC")
    assert a.source == "permohonan"
    assert b.source == "<sql>"
    assert a.received == b.received
    with engine.connect() as conn:  # a connection the caller keeps open
        c = read_register_sql(conn, table, fields=FIELDS, source_zone="UTC")
        assert not conn.closed
    assert c.numbers == a.numbers
    engine.dispose()


def test_records_and_sql_agree(tmp_path: Path, rows: list[Any]) -> None:
    engine = _database(tmp_path / "eppid.sqlite", rows)
    from_sql = read_register_sql(engine, "permohonan", fields=FIELDS, source_zone="UTC")
    from_records = Register.from_records(rows, fields=FIELDS, source_zone="UTC")
    assert from_sql == Register.from_records(
        rows, fields=FIELDS, source_zone="UTC", source="permohonan"
    )
    assert from_records.received == from_sql.received
    engine.dispose()


def test_importing_the_package_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys, ppid_core.requests, ppid_core.ikm\n"
        "from ppid_core.requests import Register, read_register_sql\n"
        "from ppid_core.ikm import read_survey_records, read_survey_sql\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
