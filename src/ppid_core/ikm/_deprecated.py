"""The readers [`read_survey()`][ppid_core.ikm.read_survey] replaces, kept for one release.

Each warns with a `DeprecationWarning` naming its replacement, then reads exactly
as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ppid_core._source import deprecated
from ppid_core.ikm._csv import read_csv_source
from ppid_core.ikm._read import MissingPolicy, survey_from_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._rows import survey_from_mappings
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._xlsx import read_xlsx_source

__all__ = [
    "from_dataframe",
    "from_rows",
    "read_csv",
    "read_csv_pandas",
    "read_records",
    "read_xlsx",
]


def read_csv(
    path: str | Path,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
) -> Survey:
    """Deprecated: use ``read_survey(path)``."""
    deprecated("read_csv(path)", "read_survey(path)")
    return read_csv_source(
        path,
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        delimiter=delimiter,
        encoding=encoding,
    )


def read_xlsx(
    path: str | Path,
    *,
    sheet: str | None = None,
    include_hidden: bool = False,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """Deprecated: use ``read_survey(path)``."""
    deprecated("read_xlsx(path)", "read_survey(path)")
    return read_xlsx_source(
        path,
        sheet=sheet,
        include_hidden=include_hidden,
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
    )


def read_records(
    header: Sequence[str],
    records: Iterable[Sequence[str]],
    *,
    source: str = "<rows>",
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """Deprecated: use ``read_survey(records, header=header)``."""
    deprecated("read_records(header, records)", "read_survey(records, header=header)")
    return survey_from_records(
        header, records, source=source, regime=regime, columns=columns, missing=missing, by=by
    )


def from_rows(
    rows: Iterable[Mapping[str, object]],
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<rows>",
) -> Survey:
    """Deprecated: use ``read_survey(rows)``."""
    deprecated("from_rows(rows)", "read_survey(rows)")
    return survey_from_mappings(
        rows, regime=regime, columns=columns, missing=missing, by=by, source=source
    )


def from_dataframe(
    df: Any,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<DataFrame>",
) -> Survey:
    """Deprecated: use ``read_survey(df)``."""
    from ppid_core.ikm._frames import survey_from_frame  # noqa: PLC0415 - pandas extra

    deprecated("from_dataframe(df)", "read_survey(df)")
    return survey_from_frame(
        df, regime=regime, columns=columns, missing=missing, by=by, source=source
    )


def read_csv_pandas(path: str | Path, **kwargs: Any) -> Survey:
    """Deprecated: use ``read_survey(path, engine="pandas")``."""
    from ppid_core.ikm._frames import read_csv_with_pandas  # noqa: PLC0415 - pandas extra

    deprecated("read_csv_pandas(path)", "read_survey(path, engine='pandas')")
    return read_csv_with_pandas(path, **kwargs)
