"""Column-wise reading of a register chunk, for chunks where there is nothing to report.

No repeated header, no blank or short row, no non-empty cell beyond the header or under
an empty header cell, no row right after a header split at a page break, no date
received it cannot read, no optional date or decision it cannot read, no response or
extension before receipt: then a chunk of rows is read column by column (strip and cached
date/decision look-ups at C speed, one look-up per distinct cell text). Anything else
sends the chunk back to the row-by-row reading (`Rows`), which gives every message (error
or warning) in the usual order.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ppid_core.requests._register_rows import Rows

if TYPE_CHECKING:
    from ppid_core.requests._decisions import Meaning

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
        self.decisions: dict[str, Meaning | None] = {}
        self.texts: dict[str, str] = {}

    def _learn_decision(self, text: str) -> bool:
        meaning = self.rows.meaning_of(text)
        if isinstance(meaning, str):
            return False
        self.decisions[text] = meaning
        return True

    def _texts(self, cols: Sequence[Sequence[str]], field: str, blank: list[str]) -> list[str]:
        """A text column, stripped; repeated texts share one string object (fewer objects
        held, freed and walked by the garbage collector)."""
        i = self.rows.at(field)
        if i is None:
            return blank
        texts = list(map(_strip, cols[i]))
        return list(map(self.texts.setdefault, texts, texts))

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
        # an empty, unreadable or header cell in the date received: a word is needed
        received = self.received.required_column(cols[rows.index["received"]])
        if received is None:
            return False
        n = len(chunk)
        none: list[None] = [None] * n
        at = rows.at
        responded = _dates(self.responded, cols, at("responded"), none, not_before=received)
        extended = _dates(self.extended, cols, at("extended"), none, not_before=received)
        keberatan = _dates(self.keberatan, cols, at("keberatan"), none)
        sengketa = _dates(self.sengketa, cols, at("sengketa"), none)
        if responded is None or extended is None or keberatan is None or sengketa is None:
            return False
        decisions: Iterable[Meaning | None] = none
        if (i_dec := at("decision")) is not None:
            found = _looked_up(self.decisions, cols[i_dec], self._learn_decision)
            if found is None:
                return False
            decisions = found
        if rows.errors:  # an earlier row failed: nothing more is kept, as row by row
            return True
        blank = [""] * n
        i_no, i_date = at("number"), rows.index["received"]
        rows.columns.extend(
            rows=range(first, first + n),
            numbers=map(str, range(first, first + n)) if i_no is None else map(_strip, cols[i_no]),
            units=self._texts(cols, "unit", blank),
            services=self._texts(cols, "service", blank),
            information=self._texts(cols, "information", blank),
            received=received,
            received_times=map(rows.times.get, cols[i_date]) if rows.times else none,
            names=self._texts_plain(cols, "requester", blank),
            phones=self._texts_plain(cols, "phone", blank),
            emails=self._texts_plain(cols, "email", blank),
            responded=responded,
            extended_on=extended,
            decisions=decisions,
            refusal_reasons=self._texts_plain(cols, "refusal_reason", blank),
            keberatan_on=keberatan,
            sengketa_on=sengketa,
        )
        return True

    def _texts_plain(
        self, cols: Sequence[Sequence[str]], field: str, blank: list[str]
    ) -> Iterable[str]:
        """A text column, stripped (names and phones rarely repeat: not shared)."""
        i = self.rows.at(field)
        return blank if i is None else map(_strip, cols[i])
