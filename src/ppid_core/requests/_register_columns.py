"""Column-wise reading of a register chunk, for chunks where there is nothing to report.

No repeated header, no blank or short row, no non-empty cell beyond the header or under
an empty header cell, no row right after a header split at a page break, no empty
required cell, no date or decision it cannot read, no response or extension before
receipt: then a chunk of rows is read column by column (strip and cached date/decision
look-ups at C speed, one look-up per distinct cell text). Anything else sends the chunk
back to the row-by-row reading (`Rows`), which
gives every message in the usual order.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

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
    """One date column's look-ups: date (``None`` when empty) and a comparable day.

    A required column (``required=True``) refuses an empty cell, so its days are the dates
    themselves ([`required_column()`][required_column]).
    """

    def __init__(self, rows: Rows, *, required: bool = False) -> None:
        self.date_of = rows.date_of
        self.required = required
        self.known: dict[str, dt.date | None] = {}
        self.days: dict[str, dt.date] = {}
        """The date of each text, ``date.max`` for an empty cell (never before receipt)."""

    def learn(self, text: str) -> bool:
        day = self.date_of(text)
        if isinstance(day, dt.date):
            self.known[text] = self.days[text] = day
        elif day == "" and not self.required:
            self.known[text] = None
            self.days[text] = dt.date.max
        else:
            return False
        return True

    def column(self, texts: Sequence[str]) -> list[dt.date | None] | None:
        return _looked_up(self.known, texts, self.learn)

    def required_column(self, texts: Sequence[str]) -> list[dt.date] | None:
        return _looked_up(self.days, texts, self.learn)

    def not_before(self, texts: Sequence[str], received: list[dt.date]) -> bool:
        return not any(map(operator.lt, map(self.days.__getitem__, texts), received))


def _dates(
    reader: _Dates,
    cols: Sequence[Sequence[str]],
    i: int | None,
    none: list[None],
    *,
    not_before: list[dt.date] | None = None,
) -> Sequence[dt.date | None] | None:
    """The dates of the optional column at ``i``, or None when a cell needs a word.

    ``none`` when the column is absent. A cell needs a word when its date cannot be read
    or, given ``not_before`` (the dates received), comes before the row's date there.
    """
    if i is None:
        return none
    got = reader.column(cols[i])
    if got is None or (not_before is not None and not reader.not_before(cols[i], not_before)):
        return None
    return got


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
        received = self.received.required_column(cols[i_date])
        if received is None:
            return False
        n = len(chunk)
        none: list[None] = [None] * n
        responded = _dates(self.responded, cols, i_resp, none, not_before=received)
        extended = _dates(self.extended, cols, i_ext, none, not_before=received)
        keberatan = _dates(self.keberatan, cols, i_kb, none)
        sengketa = _dates(self.sengketa, cols, i_sg, none)
        if responded is None or extended is None or keberatan is None or sengketa is None:
            return False
        decisions: Iterable[DecisionKind | None] = none
        if i_dec is not None:
            found = _looked_up(self.decisions, cols[i_dec], self._learn_decision)
            if found is None:
                return False
            decisions = found
        if rows.errors:  # an earlier row failed: nothing more is kept, as row by row
            return True
        blank = [""] * n
        rows.columns.extend(
            rows=range(first, first + n),
            numbers=numbers,
            units=units,
            services=services,
            information=infos,
            received=received,
            received_times=map(rows.times.get, cols[i_date]) if rows.times else none,
            names=names,
            phones=blank if i_phone is None else map(_strip, cols[i_phone]),
            emails=blank if i_email is None else map(_strip, cols[i_email]),
            responded=responded,
            extended_on=extended,
            decisions=decisions,
            refusal_reasons=blank if i_reason is None else map(_strip, cols[i_reason]),
            keberatan_on=keberatan,
            sengketa_on=sengketa,
        )
        return True
