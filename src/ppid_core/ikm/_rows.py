"""Plain rows (mappings from a web form, a database, a spreadsheet library) as cell text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ppid_core.ikm._read import MissingPolicy, read_records
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["cell_text", "from_rows"]


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


def from_rows(
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
    ``3.5`` are errors. The header is the union of the keys, in first-seen order.

    Examples:
        >>> s = from_rows(
        ...     [
        ...         {
        ...             "Persyaratan": 4,
        ...             "Prosedur": 3,
        ...             "Waktu": 4,
        ...             "Biaya": 4,
        ...             "Produk": 3,
        ...             "Kompetensi": 4,
        ...             "Perilaku": 4,
        ...             "Sarana dan Prasarana": 3,
        ...             "Penanganan Pengaduan": "Tidak ada",
        ...         }
        ...     ]
        ... )
        >>> s.tally.totals
        (4, 3, 4, 4, 3, 4, 4, 1, 3)
    """
    materialised = list(rows)
    header: dict[str, None] = {}
    for r in materialised:
        header.update(dict.fromkeys(r))
    names = list(header)
    records = ([cell_text(r.get(h)) for h in names] for r in materialised)
    return read_records(
        names, records, source=source, regime=regime, columns=columns, missing=missing, by=by
    )
