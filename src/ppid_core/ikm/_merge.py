"""Merging what two read surveys keep of their respondents (`Survey.merge`).

The answers are concatenated; each kept column's values are united and its codes
renumbered, so that the merged responses equal those of one read of the concatenated
input. A column is kept when both parts kept it and its united values are at most
[`KEEP_LIMIT`][ppid_core.ikm._columns.KEEP_LIMIT] (or it was named with ``by``), as one
read would decide.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from ppid_core._headers import fold
from ppid_core._i18n import _
from ppid_core.errors import InvalidTallyError
from ppid_core.ikm._columns import KEEP_LIMIT, KeptColumn, Responses, typecode
from ppid_core.ikm._header import shown_headers

__all__ = ["check_same_columns", "merge_responses"]


def check_same_columns(a: Responses, b: Responses, sources: tuple[str, str]) -> None:
    """Refuse to merge the responses of files with different columns.

    Raises:
        InvalidTallyError: A column is in one file only (named, masked as headers are).
    """
    folded_a, folded_b = {fold(h) for h in a.header}, {fold(h) for h in b.header}
    if folded_a == folded_b:
        return
    only_a = [h for h in a.header if fold(h) not in folded_b]
    only_b = [h for h in b.header if fold(h) not in folded_a]
    parts = [
        f"{shown_headers(only)} only in {source}"
        for only, source in ((only_a, sources[0]), (only_b, sources[1]))
        if only
    ]
    msg = _("cannot merge surveys with different columns: {names}").format(names="; ".join(parts))
    raise InvalidTallyError(msg)


def _column(a: KeptColumn, b: KeptColumn) -> KeptColumn:
    if a.labels == b.labels:
        codes = array(a.codes.typecode, a.codes)
        codes.extend(b.codes)
        return KeptColumn(name=a.name, labels=a.labels, codes=codes)
    shift = len(a.labels)
    codes = array(typecode(shift + len(b.labels)), a.codes)
    codes.extend(code + shift for code in b.codes)
    return KeptColumn.from_raw(a.name, [*a.labels, *b.labels], codes)


def merge_responses(a: Responses, b: Responses, *, required: Sequence[str]) -> Responses:
    """The responses of ``a`` then ``b`` (same columns, checked first).

    Args:
        a: The first part.
        b: The second part.
        required: The columns kept whatever their number of values (``by``, the date).
    """
    keep = {fold(name) for name in required}
    theirs = {fold(c.name): c for c in b.columns}
    columns = []
    for mine in a.columns:
        other = theirs.get(fold(mine.name))
        if other is None:
            continue  # the other part gave it up: it has more than KEEP_LIMIT values there
        merged = _column(mine, other)
        if len(merged.labels) <= KEEP_LIMIT or fold(mine.name) in keep:
            columns.append(merged)
    rows = array("I", a.rows)
    rows.extend(b.rows)
    scores = tuple(x + y for x, y in zip(a.scores, b.scores, strict=True)) if columns else ()
    return Responses(header=a.header, scores=scores, columns=tuple(columns), rows=rows)
