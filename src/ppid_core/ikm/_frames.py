"""pandas integration (optional extra ``pandas``): score a DataFrame of respondents."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ppid_core._optional import import_optional
from ppid_core.errors import DataFileError, UnknownNameError
from ppid_core.ikm._csv import delimiter_of
from ppid_core.ikm._header import resolve_header
from ppid_core.ikm._read import MissingPolicy, read_records
from ppid_core.ikm._regime import Regime, load_regime, normalize_header
from ppid_core.ikm._rows import cell_text
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = ["from_dataframe", "read_csv_pandas"]


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


def from_dataframe(
    df: Any,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<DataFrame>",
) -> Survey:
    """Tally a pandas DataFrame: one row per questionnaire, one column per unsur.

    When every unsur column holds only valid whole-number scores, the tally comes from
    ``value_counts`` (vectorised); otherwise the frame is read as text by
    :func:`read_records`, with the same validation and messages. Row numbers in errors
    count the header as row 1 (position + 2), as a spreadsheet shows them.

    Raises:
        MissingExtraError: pandas is not installed.
        DataFileError: Every bad header and cell, located.
    """
    import_optional("pandas", "pandas")
    regime = regime or load_regime()
    header = [str(c) for c in df.columns]
    idx, profile, errors = resolve_header(header, regime, columns, source)
    if errors:
        raise DataFileError.from_errors(source, errors)
    low, high = regime.scale_minimum, regime.scale_maximum
    counts = []
    fast = len(df) > 0
    for i in idx:
        pairs = _int_counts(df.iloc[:, i], low, high)
        if pairs is None:
            vc = df.iloc[:, i].value_counts(dropna=False)
            pairs = [(_score_of(k, low, high), int(c)) for k, c in vc.items()]
        if any(s is None for s, _ in pairs):
            fast = False
            break
        counts.append(pairs)
    norm = [normalize_header(h) for h in header]
    for name in by:
        if normalize_header(name) not in norm:
            msg = f"no column {name!r} in {source}; columns: {', '.join(header)}"
            raise UnknownNameError(msg)
    if not fast:
        records = ([_text(v) for v in row] for row in df.itertuples(index=False, name=None))
        return read_records(
            header, records, source=source, regime=regime, columns=columns, missing=missing, by=by
        )
    keys = regime.keys
    n = len(df)
    tally = Tally(
        keys=keys,
        totals=[sum(s * c for s, c in pairs if s is not None) for pairs in counts],
        answered=[n] * len(keys),
        respondents=n,
    )
    groups: dict[str, dict[str, Tally]] = {}
    if by:
        unsur_frame = df.iloc[:, idx].astype("int64")
        unsur_frame.columns = list(keys)
    for name in by:
        col = header[norm.index(normalize_header(name))]
        sums = unsur_frame.groupby(df[col], dropna=False).sum()
        merged: dict[str, Tally] = {}
        for raw, row in sums.iterrows():
            label = _text(raw).strip()
            size = int((df[col].isna() if _text(raw) == "" else df[col] == raw).sum())
            t = Tally(
                keys=keys,
                totals=[int(v) for v in row],
                answered=[size] * len(keys),
                respondents=size,
            )
            merged[label] = merged[label] + t if label in merged else t
        groups[col.strip()] = dict(sorted(merged.items()))
    prof: dict[str, dict[str, int]] = {}
    for name, i in profile.items():
        values: dict[str, int] = {}
        for raw, count in df.iloc[:, i].value_counts(dropna=False).items():
            label = _text(raw).strip()
            values[label] = values.get(label, 0) + int(count)
        prof[name] = dict(sorted(values.items()))
    return Survey(regime=regime, source=source, tally=tally, groups=groups, profile=prof)


def read_csv_pandas(path: str | Path, **kwargs: Any) -> Survey:
    """Read a CSV with ``pandas.read_csv`` and tally it with :func:`from_dataframe`.

    Keyword arguments go to :func:`from_dataframe`.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = import_optional("pandas", "pandas")
    p = Path(path)
    with p.open(encoding="utf-8-sig") as fh:
        sep = delimiter_of(fh.readline())
    df = pd.read_csv(p, sep=sep, encoding="utf-8-sig", skipinitialspace=False)
    return from_dataframe(df, source=str(p), **kwargs)
