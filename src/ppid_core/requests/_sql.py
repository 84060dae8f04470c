"""A register read straight from an app's database (the ``[sql]`` extra).

[`read_register_sql()`][read_register_sql] streams a table or query through SQLAlchemy Core
(`ppid_core._sql`) into [`Register.from_records()`][ppid_core.requests.Register.from_records].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ppid_core._sql import CHUNK_SIZE, SqlInput, sql_rows, sql_source
from ppid_core.requests._register_records import register_from_records

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import DecisionTable
    from ppid_core.requests._register_model import Register

__all__ = ["read_register_sql"]


def read_register_sql(
    engine_or_url: SqlInput,
    query_or_table: object,
    *,
    fields: Mapping[str, str] | None = None,
    key: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    params: Mapping[str, object] | None = None,
    source: str | None = None,
    calendar: WorkCalendar | None = None,
    source_zone: str | None = None,
    decisions: DecisionTable | None = None,
) -> Register:
    """A register from a database table or query (needs ``pip install 'ppid-core[sql]'``).

    Rows are fetched ``chunk_size`` at a time (a server-side cursor where the driver has
    one) and read as typed records by
    [`Register.from_records()`][ppid_core.requests.Register.from_records]: the same fields,
    zones and located errors.

    Args:
        engine_or_url: A SQLAlchemy ``Engine`` or ``Connection``, or a database URL
            (``"mysql+pymysql://ppid@localhost/eppid"``; an engine made from a URL is
            disposed of afterwards).
        query_or_table: A table name (reflected, so a ``DATETIME`` column gives
            datetimes), SQL text (``"SELECT ... WHERE tahun = :tahun"``, with ``params``),
            or a SQLAlchemy ``Table`` or ``Select``.
        fields: Each column read -> its register field, as for ``from_records``.
        key: A column naming each record in messages (``"id"``).
        chunk_size: Rows fetched at a time (default 10 000).
        params: Bound parameters of SQL text.
        source: Name used in messages (default the table's name, else ``<sql>``; never the
            URL).
        calendar: As for ``from_records``.
        source_zone: The zone naive datetimes were stored in (``"UTC"`` for most apps).
        decisions: The decision table (default the bundled one).

    Raises:
        DataFileError: Every problem of the rows, located by row and key.
        MissingExtraError: SQLAlchemy is not installed.
        InvalidArgumentError: Bad ``fields`` or ``chunk_size``.
    """
    rows = sql_rows(engine_or_url, query_or_table, chunk_size=chunk_size, params=params)
    return register_from_records(
        rows,
        fields=fields,
        key=key,
        source=sql_source(query_or_table, source),
        calendar=calendar,
        source_zone=source_zone,
        decisions=decisions,
    )
