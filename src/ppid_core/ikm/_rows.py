"""Plain rows (mappings from a web form or a database, lists from a spreadsheet library)
as cell text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ppid_core._i18n import _
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.ikm._open import Options, read_records, read_rows
from ppid_core.ikm._reader import MissingPolicy, chunk_size
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
    layout: str | None = None,
    row_offset: int = 0,
    source: str = "<rows>",
) -> Survey:
    """Tally plain rows (mappings of header -> value), e.g. from a web form or a database.

    Integer scores and answer labels are accepted; ``None`` is a blank; ``True`` or
    ``3.5`` are errors. The header is the union of the keys, in first-seen order; a row
    without a key has a blank there. The first row is row 2, as in a file.
    """
    materialised = list(rows)
    header: dict[str, None] = {}
    for r in materialised:
        header.update(dict.fromkeys(r))
    names = list(header)
    records = ([cell_text(r.get(h)) for h in names] for r in materialised)
    return read_records(
        names,
        records,
        source=source,
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
        header_row="",
    )


def survey_from_sequences(
    rows: Iterable[Sequence[object]],
    *,
    header: Sequence[str] | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
    source: str = "<rows>",
) -> Survey:
    """Tally rows of cells (lists or tuples), as a CSV file would be read: the header is
    found among the first rows (titles and blank rows above it, two rows joined), unless
    ``header`` is given (then the first row is row 2).

    Raises:
        DataFileError: Every bad header and cell, located; also no rows at all.
    """
    cells = ([cell_text(c) for c in row] for row in rows)
    if header is not None:
        return read_records(
            list(header),
            cells,
            source=source,
            regime=regime,
            columns=columns,
            missing=missing,
            by=by,
            layout=layout,
            row_offset=row_offset,
        )
    options = Options.make(
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
    )
    table = read_rows(cells, source=source, options=options)
    if table is None:
        err = LocatedError(_("no rows; expected a header row"), source=source, row=1)
        raise DataFileError.from_errors(source, [err])
    opened, rest, row = table
    opened.feed(rest, row, chunk_size())
    return opened.survey()
