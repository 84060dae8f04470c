"""A survey read straight from an app's database (the ``[sql]`` extra).

[`read_survey_sql()`][read_survey_sql] streams a table or query through SQLAlchemy Core
(`ppid_core._sql`) into [`read_survey_records()`][ppid_core.ikm.read_survey_records].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ppid_core._sql import CHUNK_SIZE, SqlInput, sql_rows, sql_source
from ppid_core.ikm._reader import MissingPolicy
from ppid_core.ikm._records import read_survey_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["read_survey_sql"]


def read_survey_sql(
    engine_or_url: SqlInput,
    query_or_table: object,
    *,
    fields: Mapping[str, str] | None = None,
    key: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    params: Mapping[str, object] | None = None,
    source: str | None = None,
    regime: Regime | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """A survey from a database table or query (needs ``pip install 'ppid-core[sql]'``).

    Rows are fetched ``chunk_size`` at a time and read as typed records by
    [`read_survey_records()`][ppid_core.ikm.read_survey_records].

    Args:
        engine_or_url: A SQLAlchemy ``Engine`` or ``Connection``, or a database URL.
        query_or_table: A table name, SQL text (with ``params``), or a SQLAlchemy
            ``Table`` or ``Select``.
        fields: Each column read -> the column name the survey reader sees (an unsur's
            name, key or alias, ``Tanggal``, ``Layanan``); default every column as named.
        key: A column naming each record in messages (``"id"``).
        chunk_size: Rows fetched at a time (default 10 000).
        params: Bound parameters of SQL text.
        source: Name used in messages (default the table's name, else ``<sql>``).
        regime: The regime (default Permenpan RB 14/2017).
        missing: Policy for blank answers.
        by: Columns to keep for a breakdown.

    Raises:
        DataFileError: Every problem of the rows, located by row and key.
        MissingExtraError: SQLAlchemy is not installed.
    """
    rows = sql_rows(engine_or_url, query_or_table, chunk_size=chunk_size, params=params)
    return read_survey_records(
        rows,
        fields=fields,
        key=key,
        source=sql_source(query_or_table, source),
        regime=regime,
        missing=missing,
        by=by,
    )
