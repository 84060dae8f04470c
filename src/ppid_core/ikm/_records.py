"""A survey from typed records: the mappings an app's own database gives.

[`read_survey_records()`][ppid_core.ikm.read_survey_records] reads the answers an SKM app
keeps in a table (``jawaban_skm``: one row per questionnaire, one column per unsur) through
the engine every reader shares (`ppid_core.ikm._open`), so the same regime, scale, labels,
missing-answer policy and breakdown columns apply. Values are typed:

- an answer is a whole number on the regime's scale (``1``..``4``) or an answer label
  (``"Sangat sesuai"``), as the regime writes them; ``True`` or ``3.0`` is an error, never
  read as a score;
- a date column takes a ``date`` or ``datetime`` (written as ISO text for the engine) or
  text; other columns take text or whole numbers;
- ``None`` is a blank answer (the missing-answer policy decides).

A record is located by its number, 1-based, as ``row N`` (the N-th record given), under
its key as the app names it, and by its ``key`` column when one is named
(``(record id=123)``): choose a key that is not personal data.

References:
    Permenpan RB 14/2017 Lampiran (unsur, scale of 1 to 4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ppid_core.errors import DataFileError, InvalidArgumentError, LocatedError
from ppid_core.ikm._open import read_records
from ppid_core.ikm._reader import MissingPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["read_survey_records"]


def _cell(value: object) -> str | None:
    """A typed value as the engine's cell text; ``None`` for a type that is refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


class _Typed:
    """Records turned into cells, with the errors of refused types and each record's key."""

    def __init__(self, keys: Sequence[str], key: str | None, source: str) -> None:
        self.keys = tuple(keys)
        self.key = key
        self.source = source
        self.errors: list[LocatedError] = []
        self.bad: set[tuple[int, str]] = set()
        self.labels: list[str] = []

    def label(self, n: int) -> str:
        return self.labels[n - 1] if self.key is not None and 0 < n <= len(self.labels) else ""

    def error(self, n: int, column: str | None, message: str) -> None:
        self.errors.append(LocatedError(message, source=self.source, row=n, field=column))

    def cells(self, records: Iterable[object]) -> Iterator[list[str]]:
        for n, record in enumerate(records, start=1):
            if self.key is not None:
                got = record.get(self.key) if isinstance(record, Mapping) else None
                shown = got if isinstance(got, int | str) else type(got).__name__
                self.labels.append(f" (record {self.key}={shown})")
            if not isinstance(record, Mapping):
                msg = f"got {type(record).__name__}; expected a mapping of key -> value"
                self.error(n, None, msg + self.label(n))
                self.bad.add((n, ""))
                yield [""] * len(self.keys)
                continue
            row: list[str] = []
            for k in self.keys:
                text = _cell(record[k]) if k in record else ""
                if k not in record:
                    self.error(n, k, "missing; the record has no such key" + self.label(n))
                elif text is None:
                    kind = type(record[k]).__name__
                    msg = f"got {kind}; expected a whole number, a label, a date or text"
                    self.error(n, k, msg + self.label(n))
                else:
                    row.append(text)
                    continue
                self.bad.add((n, k))
                row.append("")
            yield row


def read_survey_records(
    records: Iterable[Mapping[Any, Any]],
    *,
    fields: Mapping[str, str] | None = None,
    key: str | None = None,
    source: str = "<records>",
    regime: Regime | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """A survey from typed records: an SKM app's rows, as mappings of column -> value.

    The typed counterpart of [`read_survey()`][ppid_core.ikm.read_survey] for rows: values
    are checked for their type first (see `ppid_core.ikm._records`), then read by the
    engine every reader shares. Records are read one by one (a generator is never held
    whole; with ``key``, each record's key is kept for the messages).

    Args:
        records: Mappings of column -> value, one per questionnaire.
        fields: Each column read -> the name the survey reader sees (an unsur's name, key
            or alias, ``Tanggal``, ``Layanan``): ``{"u1": "Persyaratan"}``; other columns
            are not read. Default: the first record's columns, as named.
        key: A column naming each record in messages (``"id"``): not personal data.
        source: Name used in messages (a table's name).
        regime: The regime (default Permenpan RB 14/2017).
        missing: Policy for blank answers ([`MissingPolicy`][ppid_core.ikm.MissingPolicy]).
        by: Columns to keep for a breakdown whatever their number of values.

    Raises:
        DataFileError: Every problem of the records, located by record (``row N``, the
            N-th record), column and ``key``, together.
        InvalidArgumentError: ``fields`` gives two columns the same name.

    Examples:
        >>> units = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi"]
        >>> units += ["Perilaku", "Sarana dan Prasarana", "Penanganan Pengaduan"]
        >>> fields = {f"u{i}": name for i, name in enumerate(units, start=1)}
        >>> rows = [{"id": 1, **{f"u{i}": 4 for i in range(1, 10)}}]
        >>> read_survey_records(rows, fields=fields, key="id").respondents
        1
    """
    rows = iter(records)
    first = next(rows, None)
    if fields is None:
        keys = [str(k) for k in first] if isinstance(first, Mapping) else []
        header = list(keys)
    else:
        keys = list(fields)
        header = [fields[k] for k in keys]
        if len(set(header)) != len(header):
            msg = f"fields: two keys are given the same column name: {sorted(fields.items())}"
            raise InvalidArgumentError(msg)
    back = dict(zip(header, keys, strict=True))
    typed = _Typed(keys, key, source)
    given = rows if first is None else _chain(first, rows)
    try:
        survey = read_records(
            header, typed.cells(given), source=source, regime=regime, missing=missing, by=by
        )
    except DataFileError as exc:
        located = [e for e in exc.exceptions if isinstance(e, LocatedError)]
        found = [_moved(e, back, typed) for e in located if _keep(e, back, typed)]
        raise DataFileError.from_errors(source, [*typed.errors, *found]) from None
    if typed.errors:
        raise DataFileError.from_errors(source, typed.errors)
    return survey


def _chain(first: object, rest: Iterator[object]) -> Iterator[object]:
    yield first
    yield from rest


def _keep(e: LocatedError, back: Mapping[str, str], typed: _Typed) -> bool:
    """Whether an engine error is not about a cell already refused for its type."""
    if e.row is None or e.row < 2:
        return True
    n = e.row - 1
    return (n, "") not in typed.bad and (n, back.get(e.field or "", "")) not in typed.bad


def _moved(e: LocatedError, back: Mapping[str, str], typed: _Typed) -> LocatedError:
    """An engine error located as the records are: record N, the app's key."""
    if e.row is None or e.row < 2:
        where = "" if e.field is None else f'column "{e.field}": '
        return LocatedError(where + e.message, source=typed.source, path="keys")
    n = e.row - 1
    field = None if e.field is None else back.get(e.field, e.field)
    return LocatedError(e.message + typed.label(n), source=typed.source, row=n, field=field)
