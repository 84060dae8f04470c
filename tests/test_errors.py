"""The exception hierarchy: every class a PpidError and the closest built-in."""

from __future__ import annotations

import inspect

import pytest

from ppid_core import errors


def test_every_error_derives_from_ppid_error_and_a_builtin() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert inspect.isclass(cls)
        assert name.endswith("Error")
        assert issubclass(cls, errors.PpidError)
        if cls is not errors.PpidError:
            assert issubclass(cls, ValueError | LookupError | ImportError | ExceptionGroup), name


def test_data_file_error_is_an_exception_group_caught_with_except_star() -> None:
    group = errors.DataFileError.from_errors(
        "f.csv", [errors.LocatedError("bad", source="f.csv", row=3, field="Tanggal")]
    )
    caught: list[errors.LocatedError] = []
    try:
        raise group
    except* errors.LocatedError as eg:
        caught.extend(eg.exceptions)  # type: ignore[arg-type]
    assert [str(e) for e in caught] == ['f.csv: row 3, column "Tanggal": bad']
    assert str(group) == "f.csv: 1 error"


def test_errors_sorted_by_position() -> None:
    group = errors.DataFileError.from_errors(
        "f.yaml",
        [
            errors.LocatedError("b", source="f.yaml", line=9, column=1),
            errors.LocatedError("a", source="f.yaml", line=2, column=5),
        ],
    )
    assert group.report() == "f.yaml:2:5: a\nf.yaml:9:1: b"


def test_located_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^x.yaml:1:2 \(\$\.a\): m$"):
        raise errors.LocatedError("m", source="x.yaml", line=1, column=2, path="$.a")
