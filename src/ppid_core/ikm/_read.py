"""Reading respondents: the engine every reader shares, and its entry for records.

The engine is `ppid_core.ikm._reader` (validation, fast and slow paths, chunks);
how a table is opened (its header found, its columns planned, the reader of its layout)
is `ppid_core.ikm._open`. This module keeps `survey_from_records()` and the
`MissingPolicy` other modules import from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ppid_core.ikm._open import read_records
from ppid_core.ikm._reader import MissingPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["MissingPolicy", "survey_from_records"]


def survey_from_records(
    header: Sequence[str],
    records: Iterable[Sequence[str]],
    *,
    source: str = "<rows>",
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
) -> Survey:
    """Tally text records under a header (the engine behind every reader).

    Args:
        header: Column headers: unsur by name, alias, question code or question text.
        records: Rows of cell text, in file order (row 2 is the first record).
        source: File name for error messages.
        regime: The regime (default Permenpan RB 14/2017).
        columns: Explicit header -> unsur (key, name or alias), e.g. ``{"U8": "pengaduan"}``.
        missing: Policy for blank answers ([`MissingPolicy`][MissingPolicy] or its value).
        by: Columns to keep for a breakdown whatever their number of values (e.g.
            ``"Layanan"``), matched as headers are (case, punctuation and blanks ignored).
        layout: ``"wide"`` (one row per questionnaire), ``"long"`` (one row per answer),
            or ``None`` to tell from the header.

    Raises:
        DataFileError: Every bad header and every bad cell, located, together.
        UnknownNameError: A ``by`` column is not in the header or holds personal data,
            ``missing`` or ``layout`` names nothing known, or a ``columns`` key names no
            column.
    """
    return read_records(
        header,
        records,
        source=source,
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
    )
