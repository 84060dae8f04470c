"""Plain rows (mappings from a web form or a database, lists from a spreadsheet library)
as cell text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm._read import MissingPolicy, survey_from_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["cell_text", "survey_from_mappings", "survey_from_sequences"]


def cell_text(value: object) -> str:
    """A cell value as text: ints as digits, integral floats without ``.0``, None blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return repr(value)  # never a score
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def survey_from_mappings(
    rows: Iterable[Mapping[str, object]],
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<rows>",
) -> Survey:
    """Tally plain rows (mappings of header -> value), e.g. from a web form or a database.

    Integer scores and answer labels are accepted; ``None`` is a blank; ``True`` or
    ``3.5`` are errors. The header is the union of the keys, in first-seen order; a row
    without a key has a blank there.
    """
    materialised = list(rows)
    header: dict[str, None] = {}
    for r in materialised:
        header.update(dict.fromkeys(r))
    names = list(header)
    records = ([cell_text(r.get(h)) for h in names] for r in materialised)
    return survey_from_records(
        names, records, source=source, regime=regime, columns=columns, missing=missing, by=by
    )


def survey_from_sequences(
    rows: Iterable[Sequence[object]],
    *,
    header: Sequence[str] | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<rows>",
) -> Survey:
    """Tally rows of cells (lists or tuples), the first row the header unless ``header``
    is given, as a CSV file would be read (the first record is row 2).

    Raises:
        DataFileError: Every bad header and cell, located; also no rows at all.
    """
    it: Iterator[Sequence[object]] = iter(rows)
    if header is None:
        first = next(it, None)
        if first is None:
            err = LocatedError("no rows; expected a header row", source=source, row=1)
            raise DataFileError.from_errors(source, [err])
        header = [cell_text(c) for c in first]
    records = ([cell_text(c) for c in row] for row in it)
    return survey_from_records(
        list(header),
        records,
        source=source,
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
    )
