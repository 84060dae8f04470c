"""Dask: a merged tally (or group tallies) from a bag of files or a dask DataFrame.

Dask does the scheduling; ppid-core only reads each partition and merges the summaries,
which are commutative monoids ([`Tally`][ppid_core.ikm.Tally],
[`GroupTallies`][ppid_core.ikm.GroupTallies]), so the result is exactly the one of a single
read of everything, whatever the partitioning. Needs ``pip install 'ppid-core[dask]'``
(a DataFrame also needs ``dask[dataframe]``).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from functools import partial, reduce
from typing import Any, TypeAlias

from ppid_core._i18n import _
from ppid_core._optional import import_optional
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm._groups import GroupTallies
from ppid_core.ikm._read_survey import read_survey
from ppid_core.ikm._tally import Tally

__all__ = ["Summary", "merge_dask"]

#: What [`merge_dask()`][merge_dask] gives: the pooled tally, or with ``by`` the group tallies.
Summary: TypeAlias = Tally | GroupTallies
#: A partition's outcome: its summary, or the errors that stopped it.
_Outcome: TypeAlias = tuple[Summary | None, list[DataFileError]]


def _neutral(by: Sequence[str] | None) -> Summary:
    return Tally.neutral() if by is None else GroupTallies.neutral()


def _summary(source: object, by: Sequence[str] | None, options: dict[str, Any]) -> _Outcome:
    try:
        survey = read_survey(source, **options)  # type: ignore[arg-type]  # a path or a frame
    except DataFileError as exc:
        return None, [exc]
    return (survey.tally if by is None else survey.group_tallies(by)), []


def _merge(outcomes: Iterable[_Outcome]) -> _Outcome:
    summaries: list[Summary] = []
    errors: list[DataFileError] = []
    for summary, errs in outcomes:
        if summary is not None:
            summaries.append(summary)
        errors += errs
    return (reduce(operator.add, summaries) if summaries else None), errors


def _files(paths: Iterable[str], by: Sequence[str] | None, options: dict[str, Any]) -> _Outcome:
    return _merge(_summary(path, by, {**options, "source_name": str(path)}) for path in paths)


def _frame(
    frame: Any, offset: int, name: str, by: Sequence[str] | None, options: dict[str, Any]
) -> _Outcome:
    return _summary(frame, by, {**options, "source_name": name, "row_offset": offset})


def _result(outcome: _Outcome, by: Sequence[str] | None, frame: str | None) -> Summary:
    summary, errors = outcome
    located = [e for g in errors for e in g.exceptions if isinstance(e, LocatedError)]
    if frame is not None and errors:  # one table: its located errors, in row order
        raise DataFileError.from_errors(frame, located)
    if len(errors) == 1:
        raise errors[0]
    if errors:  # several files: each file's errors, in file order, each naming its file
        raise DataFileError(_("{count} files have errors").format(count=len(errors)), located)
    return _neutral(by) if summary is None else summary


def merge_dask(
    collection: Any,
    *,
    by: str | Sequence[str] | None = None,
    source_name: str = "<dask DataFrame>",
    scheduler: str | None = None,
    **options: Any,
) -> Summary:
    """Read every partition of a dask collection and merge the summaries.

    - A **bag of file paths** (``dask.bag.from_sequence(paths, npartitions=8)``): each
      file is read with [`read_survey()`][ppid_core.ikm.read_survey] and errors name the
      file; per partition the files' summaries are merged, then the partitions' summaries
      (``Bag.reduction``).
    - A **dask DataFrame** of respondents (one row per questionnaire, the column labels as
      the header): each partition is read as a pandas DataFrame with its row offset
      (``map_partitions(len)`` gives the partitions' lengths), so an error names
      ``source_name`` and the row the whole table gives it (the header is row 1).

    The errors of every partition are gathered into one
    [`DataFileError`][ppid_core.errors.DataFileError]: a DataFrame's in row order, or each
    file's in turn (every error names its file).

    Args:
        collection: A ``dask.bag.Bag`` of paths or a ``dask.dataframe.DataFrame``.
        by: Columns to break down by: the result is then the
            [`GroupTallies`][ppid_core.ikm.GroupTallies] (``.score(regime)`` gives the
            breakdown); without it, the pooled [`Tally`][ppid_core.ikm.Tally].
        source_name: The name errors use for a DataFrame.
        scheduler: Dask's scheduler (``"synchronous"``, ``"threads"``, ``"processes"``);
            default dask's own.
        **options: Passed to [`read_survey()`][ppid_core.ikm.read_survey] (``regime``,
            ``missing``, ``columns``...).

    Raises:
        MissingExtraError: dask is not installed.
        DataFileError: The partitions' errors, located.

    Examples:
        Not run here (dask is an extra); see the IKM guide, "Merging results across
        offices"::

            import dask.bag as db

            tally = merge_dask(db.from_sequence(paths, npartitions=4))
            print(score(tally, Regime.bundled()))
    """
    dask = import_optional("dask", "dask")
    groups = None if by is None else ([by] if isinstance(by, str) else list(by))
    if groups is not None:
        options["by"] = groups
    compute = partial(dask.compute, scheduler=scheduler) if scheduler else dask.compute
    if hasattr(collection, "columns") and hasattr(collection, "to_delayed"):
        (lengths,) = compute(collection.map_partitions(len))
        starts = [0]
        for n in list(lengths)[:-1]:
            starts.append(starts[-1] + int(n))
        delayed = dask.delayed
        parts = [
            delayed(_frame)(part, start, source_name, groups, options)
            for part, start in zip(collection.to_delayed(), starts, strict=True)
        ]
        (outcome,) = compute(delayed(_merge)(parts))
        return _result(outcome, groups, source_name)
    reduced = collection.reduction(
        partial(_files, by=groups, options=options), _merge, split_every=8
    )
    (outcome,) = compute(reduced)
    return _result(outcome, groups, None)
