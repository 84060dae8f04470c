"""pandas integration (optional extra ``pandas``): score a DataFrame of respondents."""

from __future__ import annotations

import io
import math
import os
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

from ppid_core._headers import HeaderRow
from ppid_core._optional import import_optional
from ppid_core._source import FileInput, open_csv_source, read_source, source_name
from ppid_core.errors import DataFileError
from ppid_core.ikm._columns import KEEP_LIMIT, KeptColumn, Responses, typecode
from ppid_core.ikm._csv import read_csv_source, read_head
from ppid_core.ikm._header import by_columns, kept_columns
from ppid_core.ikm._open import Options, read_records
from ppid_core.ikm._reader import MissingPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._rows import cell_text
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = ["read_csv_with_pandas", "survey_from_frame"]


def _score_of(value: object, low: int, high: int) -> int | None:
    """The score of a value from a numeric column, or None when it is not a valid score."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (hasattr(value, "dtype") and hasattr(value, "item")):
        value = value.item() if hasattr(value, "item") else value  # numpy scalar
    if isinstance(value, float):
        if math.isnan(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _text(value: object) -> str:
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is None or value.__class__.__name__ in {"NAType", "NaTType"}:
        return ""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar -> Python
    return cell_text(value)


def _int_counts(column: Any, low: int, high: int) -> list[tuple[int | None, int]] | None:
    """Counts per score of an integer column whose values all lie in [low, high].

    Range check plus ``numpy.bincount`` take about 4.4 ms per million values against
    9.7 ms for ``value_counts`` (measured 2026-11-22; the whole effect is in
    benchmarks/README.md, IKM section). ``None`` sends any other column (text, floats,
    blanks, values off the scale) to the general path, which validates and locates every
    cell.
    """
    values = column.to_numpy()
    if values.dtype.kind not in "iu" or len(values) == 0:
        return None
    if values.min() < low or values.max() > high:
        return None
    np = import_optional("numpy", "pandas")  # numpy comes with pandas
    counts = np.bincount(values, minlength=high + 1)
    return [(score, int(counts[score])) for score in range(low, high + 1) if counts[score]]


def _kept_column(name: str, column: Any, required: bool) -> KeptColumn | None:
    """A column of the frame coded as the text path codes it (cell text, stripped), or
    ``None`` when it has too many distinct values to be kept.

    The column is factorised once (C speed) and only its distinct values become text.
    """
    pd = import_optional("pandas", "pandas")
    np = import_optional("numpy", "pandas")
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    texts = [_text(v).strip() for v in uniques]
    if len(set(texts)) > KEEP_LIMIT and not required:
        return None
    raw = array(typecode(len(texts)))
    raw.frombytes(np.asarray(codes, dtype=f"u{raw.itemsize}").tobytes())
    return KeptColumn.from_raw(name, texts, raw)


def survey_from_frame(
    df: Any,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
    source: str = "<DataFrame>",
) -> Survey:
    """Tally a pandas DataFrame: one row per questionnaire and one column per unsur, or
    one row per answer (a long layout).

    The column labels are the header (no header is looked for in the rows). When every
    unsur column of a wide frame holds only valid whole-number scores, the tally comes
    from ``numpy.bincount`` or ``value_counts`` (vectorised); otherwise the frame is read
    as text, with the same validation and messages as a file. Both paths give the same
    survey: a cell of another column is kept as its cell text, so blanks, ``NaN`` and
    ``None`` are one value. Row numbers in errors count the header as row 1
    (position + 2), as a spreadsheet shows them.

    Raises:
        MissingExtraError: pandas is not installed.
        DataFileError: Every bad header and cell, located.
        UnknownNameError: A ``by`` column is not in the frame (or holds personal data),
            ``missing`` or ``layout`` names nothing known, or a ``columns`` key names no
            column.
    """
    import_optional("pandas", "pandas")
    options = Options.make(
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
    )
    regime = options.regime
    header = [str(c) for c in df.columns]
    plan = options.planner().plan(HeaderRow(first=0, count=1, names=tuple(header)), source)
    if plan.errors:
        raise DataFileError.from_errors(source, list(plan.errors))
    by_idx = by_columns(header, by, source)
    low, high = regime.scale_minimum, regime.scale_maximum
    counts = []
    fast = len(df) > 0 and plan.layout == "wide"
    idx = plan.unsur if fast else ()
    for i in idx:
        pairs = _int_counts(df.iloc[:, i], low, high)
        if pairs is None:
            vc = df.iloc[:, i].value_counts(dropna=False)
            pairs = [(_score_of(k, low, high), int(c)) for k, c in vc.items()]
        if any(s is None for s, _ in pairs):
            fast = False
            break
        counts.append(pairs)
    if not fast:
        records = ([_text(v) for v in row] for row in df.itertuples(index=False, name=None))
        return read_records(
            header,
            records,
            source=source,
            regime=regime,
            columns=columns,
            missing=missing,
            by=by,
            layout=layout,
            header_row="",
            row_offset=row_offset,
        )
    keys = regime.keys
    n = len(df)
    tally = Tally(
        keys=keys,
        totals=[sum(s * c for s, c in pairs if s is not None) for pairs in counts],
        answered=[n] * len(keys),
        respondents=n,
    )
    whole = [*by_idx] if plan.date is None else [*by_idx, plan.date]
    kept = [
        column
        for i, required in kept_columns(header, idx, whole).items()
        if (column := _kept_column(header[i].strip(), df.iloc[:, i], required)) is not None
    ]
    scores: tuple[bytes, ...] = ()
    if kept:
        np = import_optional("numpy", "pandas")
        scores = tuple(
            df.iloc[:, i].to_numpy(dtype=np.int64).astype(np.uint8).tobytes() for i in idx
        )
    responses = Responses(
        header=tuple(h.strip() for h in header),
        scores=scores,
        columns=tuple(kept),
        rows=array("I", range(2 + row_offset, n + 2 + row_offset) if plan.date is not None else ()),
    )
    prof: dict[str, dict[str, int]] = {}
    for name, i in plan.profile.items():
        values: dict[str, int] = {}
        for raw, count in df.iloc[:, i].value_counts(dropna=False).items():
            label = _text(raw).strip()
            values[label] = values.get(label, 0) + int(count)
        prof[name] = dict(sorted(values.items()))
    return Survey(
        regime=regime,
        source=source,
        tally=tally,
        profile=prof,
        responses=responses,
        by=tuple(header[i].strip() for i in by_idx),
        date_column=None if plan.date is None else header[plan.date].strip(),
        layout="wide",
        notes=plan.notes,
    )


def read_csv_with_pandas(
    file: FileInput, *, source: str | None = None, delimiter: str | None = None, **options: Any
) -> Survey:
    """Read a CSV with ``pandas.read_csv`` and tally it with
    [`survey_from_frame()`][survey_from_frame].

    Keyword arguments go to [`survey_from_frame()`][survey_from_frame] (and, when pandas cannot
    parse the file, to `read_csv_source()`). Cells are read as the pure Python reader
    reads them: ``NA`` or ``null`` are text (only an empty cell is blank), and a blank
    line is a row (reported as empty). A file pandas would read differently is read by
    the pure Python reader, which locates every problem: what pandas cannot parse (a row
    of the wrong width, bytes that are not UTF-8), and a header that is not one row at
    the top (titles above it, two rows joined) or a long layout.

    Raises:
        MissingExtraError: pandas is not installed.
        DataFileError: Every bad header and cell, located.
    """
    pd = import_optional("pandas", "pandas")
    name = source_name(file, source)
    data: str | bytes = (
        os.fspath(file)
        if isinstance(file, str | os.PathLike)
        else read_source(file, source=name, max_bytes=None)[0]
    )
    with open_csv_source(data if isinstance(data, bytes) else file, source=name) as fh:
        try:
            delim, head, _ = read_head(fh, delimiter, name)
        except DataFileError:  # empty: the python reader says it, located
            return read_csv_source(data, source=name, delimiter=delimiter, **options)
    reading = Options.make(
        regime=options.get("regime"),
        columns=options.get("columns"),
        missing=options.get("missing", MissingPolicy.REFUSE),
        layout=options.get("layout"),
    )
    planner = reading.planner()
    found = planner.detect(head)
    top = found is not None and found.first == 0 and found.count == 1
    if not top or found is None or planner.plan(found, name).layout != "wide":
        return read_csv_source(data, source=name, delimiter=delimiter, **options)
    try:
        df = pd.read_csv(
            data if isinstance(data, str) else io.BytesIO(data),
            sep=delim,
            encoding="utf-8-sig",
            skipinitialspace=False,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
        )
    except ValueError:  # pandas' ParserError and EmptyDataError, UnicodeDecodeError
        return read_csv_source(data, source=name, delimiter=delimiter, **options)
    return survey_from_frame(df, source=name, **options)
