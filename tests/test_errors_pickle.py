"""Every error of ppid_core.errors survives pickling whole: a process pool, Dask or Spark
hands it back with its message, its location and its notes (issue 15)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from ppid_core import errors
from ppid_core.ikm import read_survey

BAD = b"U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,x,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,9\n"


def _examples() -> dict[str, errors.PpidError]:
    located = errors.LocatedError("not a date", source="r.csv", row=7, field="Tanggal")
    in_yaml = errors.LocatedError("bad", source="p.yaml", line=4, column=12, path="$.a[2]")
    return {
        "CalendarCoverageError": errors.CalendarCoverageError(
            "2031-01-02 is outside the calendar",
            subject="2031-01-02",
            first_day=dt.date(2020, 1, 1),
            last_day=dt.date(2027, 12, 31),
        ),
        "DataFileError": errors.DataFileError.from_errors("r.csv", [located, in_yaml]),
        "IllegalTransitionError": errors.IllegalTransitionError("no such step"),
        "InvalidArgumentError": errors.InvalidArgumentError("bad argument"),
        "InvalidTallyError": errors.InvalidTallyError("bad tally"),
        "LocatedError": located,
        "MissingExtraError": errors.MissingExtraError("install ppid-core[excel]"),
        "NaiveDatetimeError": errors.NaiveDatetimeError("naive"),
        "PpidError": errors.PpidError("base"),
        "UnknownDeadlineError": errors.UnknownDeadlineError("unknown"),
        "UnknownNameError": errors.UnknownNameError("no such unsur"),
        "UnknownZoneError": errors.UnknownZoneError("no such zone"),
    }


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert vars(a) == vars(b)
    if not isinstance(a, errors.DataFileError):
        assert a.args == b.args
    else:
        assert isinstance(b, errors.DataFileError)
        assert b.report() == a.report()
        for x, y in zip(a.exceptions, b.exceptions, strict=True):
            _same(x, y)


def test_the_examples_cover_every_error_class() -> None:
    assert sorted(_examples()) == sorted(errors.__all__)


@pytest.mark.parametrize("name", sorted(errors.__all__))
def test_every_error_survives_pickle(name: str) -> None:
    error = _examples()[name]
    error.add_note("read in partition 3")
    back = pickle.loads(pickle.dumps(error))
    _same(error, back)
    assert back.__notes__ == ["read in partition 3"]


def test_a_located_error_keeps_its_location_fields() -> None:
    error = errors.LocatedError("bad", source="p.yaml", line=4, column=12, path="$.a[2]")
    back = pickle.loads(pickle.dumps(error))
    assert (back.source, back.line, back.column, back.path, back.row, back.field) == (
        "p.yaml",
        4,
        12,
        "$.a[2]",
        None,
        None,
    )
    assert str(back) == "p.yaml:4:12 ($.a[2]): bad"


def test_errors_of_a_read_come_back_whole_from_a_process_pool() -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        futures = [pool.submit(read_survey, BAD, source_name=f"part-{i}.csv") for i in (1, 2)]
        caught = [future.exception() for future in futures]
    for i, error in enumerate(caught, start=1):
        with pytest.raises(errors.DataFileError) as here:
            read_survey(BAD, source_name=f"part-{i}.csv")
        assert isinstance(error, errors.DataFileError)
        _same(here.value, error)
        assert str(error) == f"part-{i}.csv: 2 errors"
        assert [getattr(e, "location", None) for e in error.exceptions] == [
            f'part-{i}.csv: row 3, column "U2"',
            f'part-{i}.csv: row 4, column "U9"',
        ]
