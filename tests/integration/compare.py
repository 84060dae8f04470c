"""The SQL comparison against a server (``make test-integration``, run by ``run.sh``).

Creates the ``permohonan`` table of `tests.sql.eppid` in the database of ``PPID_SQL_URL``,
loads generated rows (a fifth of them received between 17:00 and 24:00 UTC, the next day
in a WIB office), and checks that ``read_register_sql`` gives the report of the same rows
exported to CSV and read by ``load_register``, over a table name, SQL text with a bound
parameter and small chunks; then that a float stored where a date belongs is a located
error. Prints what it checked.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time

import sqlalchemy as sa

from ppid_core.errors import DataFileError
from ppid_core.requests import read_register_sql
from tests.sql.eppid import FIELDS, generated, permohonan_table, same_report

ROWS = 20_000


def main() -> int:
    """Run the comparison; 0 when every check holds."""
    url = os.environ["PPID_SQL_URL"]
    engine = sa.create_engine(url)
    metadata = sa.MetaData()
    table = permohonan_table(metadata)
    metadata.drop_all(engine)
    metadata.create_all(engine)
    rows = list(generated(ROWS))
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    t0 = time.perf_counter()
    reg = read_register_sql(
        engine, "permohonan", fields=FIELDS, key="id", source_zone="UTC", chunk_size=1000
    )
    took = time.perf_counter() - t0
    report = same_report(reg, rows)
    midnight = [r for r in rows if r["tanggal_permohonan"].hour >= 17]
    shifted = sum(
        d == r["tanggal_permohonan"].date() + dt.timedelta(days=1)
        for d, r in zip(reg.received, rows, strict=True)
        if r["tanggal_permohonan"].hour >= 17
    )
    assert shifted == len(midnight)
    query = "SELECT * FROM permohonan WHERE id <= :last ORDER BY id"
    part = read_register_sql(
        engine, query, params={"last": 500}, fields=FIELDS, source_zone="UTC", chunk_size=64
    )
    same_report(part, rows[:500])
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE rusak (id integer, tgl double precision)"))
        conn.execute(sa.text("INSERT INTO rusak VALUES (41, 45447.5)"))
    try:
        read_register_sql(engine, "rusak", fields={"tgl": "received"}, key="id")
    except DataFileError as exc:
        expected = (
            'rusak: row 1, column "tgl": got float; expected a date, a datetime or text '
            "(record id=41)"
        )
        assert exc.report() == expected, exc.report()  # noqa: PT017 - a script, not a pytest test
    else:
        raise AssertionError("a float date was read")
    engine.dispose()
    print(  # noqa: T201 - the script reports what it checked
        f"{engine.dialect.name}: {ROWS} rows read in {took:.2f} s; report equals the CSV's "
        f"(total {report['total']}); {len(midnight)} rows after 17:00 UTC moved to the next "
        "WIB day; a query with a bound parameter; the located float error",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
