"""Rows of a database table or query, streamed in chunks through SQLAlchemy Core (``[sql]``).

Shared by [`read_register_sql()`][ppid_core.requests.read_register_sql] and
[`read_survey_sql()`][ppid_core.ikm.read_survey_sql]: each row is a mapping of column ->
typed value, as the driver and the column's SQLAlchemy type give it (a ``DATETIME``
column a ``datetime``, also in SQLite, where it is stored as text). Rows are fetched
``chunk_size`` at a time on a server-side cursor where the driver has one
(``stream_results``/``yield_per``), so a million-row table never sits in memory as rows.
SQLAlchemy is imported only when one of these is called.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ppid_core._optional import import_optional
from ppid_core.errors import InvalidArgumentError

__all__ = ["CHUNK_SIZE", "SqlInput", "sql_rows", "sql_source"]

CHUNK_SIZE = 10_000
"""Rows fetched at a time by default."""

SqlInput = Any
"""A SQLAlchemy ``Engine``, ``Connection`` or database URL (``str``)."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")


def sql_source(query_or_table: object, source: str | None) -> str:
    """The name messages use: ``source``, else a table's name, else ``<sql>`` (never the
    URL, which may hold a password)."""
    if source is not None:
        return source
    if isinstance(query_or_table, str) and _NAME.fullmatch(query_or_table.strip()):
        return query_or_table.strip()
    name = getattr(query_or_table, "name", None)
    return name if isinstance(name, str) else "<sql>"


def _ordered(sa: Any, table: Any) -> Any:
    """Every row of a table, in primary-key order when it has one (a server returns a
    table's rows in no set order otherwise, so row numbers in messages would change)."""
    return sa.select(table).order_by(*table.primary_key.columns)


def _statement(sa: Any, query_or_table: object, connection: Any) -> Any:
    """A table name (reflected, so its columns' types convert values), SQL text, or a
    SQLAlchemy ``Table``/``Select`` as given."""
    if not isinstance(query_or_table, str):
        if isinstance(query_or_table, sa.Table):
            return _ordered(sa, query_or_table)
        return query_or_table
    text = query_or_table.strip()
    if _NAME.fullmatch(text):
        schema, _, name = text.rpartition(".")
        table = sa.Table(name, sa.MetaData(), schema=schema or None, autoload_with=connection)
        return _ordered(sa, table)
    return sa.text(text)


def sql_rows(
    engine_or_url: SqlInput,
    query_or_table: object,
    *,
    chunk_size: int = CHUNK_SIZE,
    params: Mapping[str, object] | None = None,
) -> Iterator[Mapping[str, object]]:
    """The rows of a table or query, as mappings, ``chunk_size`` at a time.

    Raises:
        MissingExtraError: SQLAlchemy is not installed (``pip install 'ppid-core[sql]'``).
        InvalidArgumentError: ``chunk_size`` is not a whole number >= 1.
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        msg = f"chunk_size must be a whole number >= 1, got {chunk_size!r}"
        raise InvalidArgumentError(msg)
    sa = import_optional("sqlalchemy", "sql")
    owned = isinstance(engine_or_url, str)
    engine = sa.create_engine(engine_or_url) if owned else engine_or_url
    try:
        connect = engine.connect() if hasattr(engine, "connect") else _Borrowed(engine)
        with connect as conn:
            stmt = _statement(sa, query_or_table, conn)
            streaming = conn.execution_options(stream_results=True, yield_per=chunk_size)
            result = streaming.execute(stmt, dict(params or {}))
            for part in result.mappings().partitions(chunk_size):
                yield from part
    finally:
        if owned:
            engine.dispose()


class _Borrowed:
    """A connection the caller owns: used as a context manager without being closed."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        return None
