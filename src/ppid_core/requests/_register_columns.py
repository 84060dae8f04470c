"""Column-wise reading of a register chunk, for chunks where there is nothing to report.

No repeated header, no blank or short row, no non-empty cell beyond the header or under
an empty header cell, no row right after a header split at a page break, no empty
required cell, no date or decision it cannot read, no response or extension before
receipt: then a chunk of rows is read column by column (strip and cached date/decision
look-ups at C speed, one look-up per distinct cell text). Anything else sends the chunk
back to the row-by-row reading (:class:`~ppid_core.requests._register_rows.Rows`), which
gives every message in the usual order.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ppid_core.requests._models import DecisionKind
from ppid_core.requests._register_layout import Column, decision_of
from ppid_core.requests._register_rows import Rows

__all__ = ["Columns"]

T = TypeVar("T")
_strip = str.strip


def _looked_up(
    known: dict[str, T], texts: Sequence[str], learn: Callable[[str], bool]
) -> list[T] | None:
    """``known[t]`` for every text, learning new texts first; None when one is refused."""
    try:
        return list(map(known.__getitem__, texts))
    except KeyError:
        pass
    for text in set(texts).difference(known):
        if not learn(text):
            return None
    return list(map(known.__getitem__, texts))


class _Dates:
    """One date column's look-ups: date (``None`` when empty) and a comparable day."""

    def __init__(self, rows: Rows, *, required: bool = False) -> None:
        self.date_of = rows.date_of
        self.required = required
        self.known: dict[str, dt.date | None] = {}
        self.cmp: dict[str, dt.date] = {}

    def learn(self, text: str) -> bool:
        day = self.date_of(text)
        if day.__class__ is dt.date:
            self.known[text] = self.cmp[text] = day
        elif day == "" and not self.required:
            self.known[text] = None
            self.cmp[text] = dt.date.max
        else:
            return False
        return True

    def column(self, texts: Sequence[str]) -> list[dt.date | None] | None:
        return _looked_up(self.known, texts, self.learn)

    def not_before(self, texts: Sequence[str], received: list[Any]) -> bool:
        return not any(map(operator.lt, map(self.cmp.__getitem__, texts), received))


class Columns:
    """The column-wise reading, sharing the date cache and results of ``rows``."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self.received = _Dates(rows, required=True)
        self.responded = _Dates(rows)
        self.extended = _Dates(rows)
        self.keberatan = _Dates(rows)
        self.sengketa = _Dates(rows)
        self.decisions: dict[str, DecisionKind | None] = {}
        self.texts: dict[str, str] = {}

    def _learn_decision(self, text: str) -> bool:
        key = text.strip().lower()
        kind = decision_of(key) if key else None
        if key and kind is None:
            return False
        self.decisions[text] = kind
        return True

    def read(self, chunk: list[Sequence[str]], first: int) -> bool:
        """Read a chunk column by column; False (nothing kept) when a row needs a word."""
        rows = self.rows
        # a row just after a repeated header may carry the page-break artefact, and a row
        # with cells beyond the header (clipped to it, its message kept) is reported
        if rows.split_unit or rows.wide:
            return False
        if min(map(len, chunk)) < rows.width:  # rows are never longer: they are clipped
            return False
        cols = list(zip(*chunk, strict=False))
        if any(any(map(_strip, cols[i])) for i in rows.unnamed):
            return False
        i_no, i_unit, i_svc, i_info, i_date, i_name = rows.required
        i_phone, i_email, i_resp, i_ext, i_dec, i_reason, i_kb, i_sg = rows.optional
        numbers = list(map(_strip, cols[i_no]))
        if not all(numbers) or Column.NUMBER in numbers:
            return False
        # units, services and topics repeat: keep one string object per distinct text
        # (fewer objects held, freed and walked by the garbage collector)
        same = self.texts.setdefault
        units = list(map(_strip, cols[i_unit]))
        units = list(map(same, units, units))
        services = list(map(_strip, cols[i_svc]))
        services = list(map(same, services, services))
        infos = list(map(_strip, cols[i_info]))
        infos = list(map(same, infos, infos))
        names = list(map(_strip, cols[i_name]))
        if not (all(units) and all(services) and all(infos) and all(names)):
            return False
        received = self.received.column(cols[i_date])
        if received is None:
            return False
        n = len(chunk)
        none: list[Any] = [None] * n
        got: list[Any] | None
        dates = []
        for reader, i, compare in (
            (self.responded, i_resp, True),
            (self.extended, i_ext, True),
            (self.keberatan, i_kb, False),
            (self.sengketa, i_sg, False),
        ):
            if i is None:
                dates.append(none)
                continue
            got = reader.column(cols[i])
            if got is None or (compare and not reader.not_before(cols[i], received)):
                return False
            dates.append(got)
        if i_dec is None:
            decisions = none
        else:
            got = _looked_up(self.decisions, cols[i_dec], self._learn_decision)
            if got is None:
                return False
            decisions = got
        if rows.errors:  # an earlier row failed: nothing more is kept, as row by row
            return True
        responded, extended, keberatan, sengketa = dates
        blank = [""] * n
        out = rows.out
        out["rows"] += range(first, first + n)
        out["numbers"] += numbers
        out["units"] += units
        out["services"] += services
        out["information"] += infos
        out["received"] += received
        out["received_times"] += map(rows.times.get, cols[i_date]) if rows.times else none
        out["names"] += names
        out["phones"] += blank if i_phone is None else map(_strip, cols[i_phone])
        out["emails"] += blank if i_email is None else map(_strip, cols[i_email])
        out["responded"] += responded
        out["extended_on"] += extended
        out["decisions"] += decisions
        out["refusal_reasons"] += blank if i_reason is None else map(_strip, cols[i_reason])
        out["keberatan_on"] += keberatan
        out["sengketa_on"] += sengketa
        return True
