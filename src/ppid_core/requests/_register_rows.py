"""Row-by-row reading of a register: every message, in row and column order.

The column-wise reading (`ppid_core.requests._register_columns`) hands any chunk
with something to report to [`Rows.read()`][Rows.read], so messages never depend on the chunking
(a Hypothesis law, ``tests/property/test_register_laws.py``, checks that both give the same
register, the same warnings and the same errors in the same order).

What stops the reading (a located error): the date received missing or unreadable, a
cell beyond the header or under a column with no header. What does not (a warning, the
cell counted as unknown, see [`UnreadCell`][ppid_core.requests.UnreadCell]): an optional
date that cannot be read, lies outside the calendar or comes before receipt, and a
decision the decision table does not know.

A row is a repeated header (a page break) only when every cell under a known column names
that column as the header does (under a two-row header, a cell may also be empty: a merged
cell spans both rows); a row whose ``No`` cell reads "No" but whose other cells hold a
request is read, and reported, as a request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ppid_core._headers import fold
from ppid_core._i18n import N_
from ppid_core.errors import LocatedError, PpidError
from ppid_core.requests._dates import read_when
from ppid_core.requests._register_layout import UNIT_SPLIT, Repair, unnamed_cell
from ppid_core.requests._register_provenance import UnreadCell
from ppid_core.requests._register_record import RegisterColumns
from ppid_core.requests._said import said

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import DecisionTable, Meaning

__all__ = ["Rows"]

_UNREAD = N_("{message}; read as unknown")
"""A warning's message: what is wrong with the cell, and that it counts as unknown."""
_PUBLIK_REASON = N_(
    "the word 'Publik' belongs to the unit header split at the page break above (its "
    "header reads 'Unit Kerja Tempat Mengurus Layanan')"
)
_SPLIT = fold(UNIT_SPLIT)


class Rows:
    """A register being read: the header's positions, the columns so far, the messages."""

    def __init__(
        self,
        source: str,
        calendar: WorkCalendar | None,
        index: dict[str, int],
        names: Sequence[str],
        *,
        decisions: DecisionTable,
        accepted: Sequence[frozenset[str]] = (),
        two_rows: bool = False,
        unnamed: tuple[int, ...] = (),
        office_zone: str = "Asia/Jakarta",
        source_zone: str | None = None,
    ) -> None:
        """Start reading.

        Args:
            source: File name used in messages.
            calendar: When given, dates outside its years are refused.
            index: Position of each field's column (the first, if named twice).
            names: Each column's header, as messages name it.
            decisions: The decision table.
            accepted: For each column, the folded names a repeated header may give it.
            two_rows: Whether the header spans two rows (a repeat may leave a cell empty).
            unnamed: Positions whose header cell is empty (their cells must be empty).
            office_zone: The office's zone, which times are read in.
            source_zone: The zone times without one were stored in, if not the office's.
        """
        self.source = source
        self.calendar = calendar
        self.index = index
        self.names = tuple(names)
        self.width = len(self.names)
        self.table = decisions
        read = set(index.values())
        self.known = tuple((i, ok) for i, ok in enumerate(accepted) if i in read and ok)
        self.two_rows = two_rows
        self.unnamed = unnamed
        self.office_zone = office_zone
        self.source_zone = source_zone
        self.wide: dict[int, str] = {}
        """Messages for rows with cells beyond the header (by row), not yet reported."""
        self.errors: list[LocatedError] = []
        self.warnings: list[UnreadCell] = []
        self.dates: dict[str, dt.date | str] = {"": ""}
        self.times: dict[str, dt.time] = {}
        """The time of day of each cell text that has one (``2024-06-04 23:30``)."""
        self.meanings: dict[str, Meaning | str | None] = {}
        """What each decision text says, or why it says nothing known (cached)."""
        self.columns = RegisterColumns()
        """The requests read so far (kept only while the file has no error)."""
        self.header_rows: list[int] = []
        self.blank_rows: list[int] = []
        self.repairs: list[Repair] = []
        self.split_unit = False
        self.moved = 0
        """Cells whose time was moved from another zone into the office's."""

    def at(self, field: str) -> int | None:
        """The position of ``field``'s column, or ``None`` when the file has none."""
        return self.index.get(field)

    def error(self, row: int, column: str | None, message: str) -> None:
        """Record a located error, its message in the language in use (the messages of
        the date reader are English data, as warnings keep them: see ``said()``)."""
        self.errors.append(LocatedError(said(message), source=self.source, row=row, field=column))

    def warn(self, row: int, field: str, message: str) -> None:
        """Record an optional cell counted as unknown."""
        self.warnings.append(
            UnreadCell(
                source=self.source,
                row=row,
                column=self.names[self.index[field]],
                field=field,
                message=_UNREAD.format(message=message),
            )
        )

    def parse_date(self, text: str) -> tuple[dt.date | str, dt.time | None]:
        """Date and time of day (in the office's zone) of a stripped, non-empty cell; or the
        error message."""
        try:
            when = read_when(text)
            local = when.local(self.office_zone, source_zone=self.source_zone)
        except PpidError as exc:
            return str(exc), None
        if local is not when and local.time is not None:
            self.moved += 1
        day = local.day
        cal = self.calendar
        if cal is not None and not cal.covers(day):
            return (
                f"{day.isoformat()}: outside the calendar's coverage "
                f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})"
            ), None
        return day, local.time

    def date_of(self, text: str) -> dt.date | str:
        """Date of a cell as written, ``""`` when empty, or the error; cached per text.

        A time of day, when the cell has one, is kept in [`times`][times].
        """
        day = self.dates.get(text)
        if day is None:
            stripped = text.strip()
            day, time = self.parse_date(stripped) if stripped else ("", None)
            self.dates[text] = day
            if time is not None:
                self.times[text] = time
        return day

    def meaning_of(self, text: str) -> Meaning | str | None:
        """What a decision cell says, ``None`` when empty, or why it says nothing known."""
        if text in self.meanings:
            return self.meanings[text]
        meaning: Meaning | str | None = None
        if text.strip():
            meaning = self.table.lookup(text)
            if meaning is None:
                try:
                    meaning = self.table.read(text)
                except PpidError as exc:
                    meaning = str(exc)
        self.meanings[text] = meaning
        return meaning

    def optional_date(
        self, cells: Sequence[str], field: str, row: int, received: dt.date | None
    ) -> dt.date | None:
        """The date of an optional column's cell; an unreadable one, or one before
        ``received``, is a warning and ``None``."""
        i = self.index.get(field)
        if i is None:
            return None
        day = self.date_of(cells[i])
        if isinstance(day, str):
            if day:
                self.warn(row, field, day)
            return None
        if field in {"responded", "extended"} and received is not None and day < received:
            self.warn(
                row,
                field,
                N_("{day} is before the request was received ({received})").format(
                    day=day.isoformat(), received=received.isoformat()
                ),
            )
            return None
        return day

    def repeats_header(self, cells: Sequence[str]) -> bool:
        """Whether every cell under a known column names that column, as the header does
        (under a two-row header, empty cells aside; one at least names its column)."""
        named = 0
        for i, ok in self.known:
            text = cells[i]
            if not text.strip() and self.two_rows:
                continue
            if fold(text) not in ok:
                return False
            named += 1
        return named > 0

    def text(self, cells: Sequence[str], field: str) -> str:
        """A text column's cell, stripped; ``""`` when the file has no such column."""
        i = self.index.get(field)
        return "" if i is None else cells[i].strip()

    def read(self, chunk: Sequence[Sequence[str]], first: int) -> None:
        """Read rows one by one: every message, in row and column order.

        Every cell of every row is checked, whatever happened before; rows are kept only
        while the file has no error.
        """
        width = self.width
        i_no, i_unit, i_date = self.at("number"), self.at("unit"), self.index["received"]
        i_dec = self.at("decision")
        add = self.columns.append
        errors = self.errors
        for rowno, raw in enumerate(chunk, start=first):
            cells = raw if len(raw) >= width else [*raw, *([""] * (width - len(raw)))]
            beyond = self.wide.pop(rowno, None) if self.wide else None
            if beyond is None and not "".join(cells).strip():
                self.blank_rows.append(rowno)
                continue
            if beyond is not None:
                self.error(rowno, None, beyond)
            for i in self.unnamed:
                if cells[i].strip():
                    self.error(rowno, None, unnamed_cell(i, cells[i]))
            day = self.date_of(cells[i_date])
            if not isinstance(day, dt.date) and self.repeats_header(cells):
                self.header_rows.append(rowno)
                self.split_unit = i_unit is not None and fold(cells[i_unit]) == _SPLIT
                continue
            unit = self.text(cells, "unit")
            if self.split_unit and unit.startswith("Publik "):
                fixed = unit.removeprefix("Publik ").strip()
                self.repairs.append(
                    Repair(
                        row=rowno,
                        column=self.names[i_unit] if i_unit is not None else "unit",
                        original=unit,
                        value=fixed,
                        reason=_PUBLIK_REASON,
                    )
                )
                unit = fixed
            self.split_unit = False
            received = day if isinstance(day, dt.date) else None
            if received is None:
                self.error(rowno, self.names[i_date], str(day or N_("empty; expected a date")))
            responded = self.optional_date(cells, "responded", rowno, received)
            extended = self.optional_date(cells, "extended", rowno, received)
            decision = None
            if i_dec is not None:
                meaning = self.meaning_of(cells[i_dec])
                if isinstance(meaning, str):
                    self.warn(rowno, "decision", meaning)
                else:
                    decision = meaning
            keberatan = self.optional_date(cells, "keberatan", rowno, received)
            sengketa = self.optional_date(cells, "sengketa", rowno, received)
            if errors or received is None:  # nothing more is kept once a row failed
                continue
            add(
                row=rowno,
                number=str(rowno) if i_no is None else cells[i_no].strip(),
                unit=unit,
                service=self.text(cells, "service"),
                information=self.text(cells, "information"),
                received=received,
                received_time=self.times.get(cells[i_date]),
                name=self.text(cells, "requester"),
                phone=self.text(cells, "phone"),
                email=self.text(cells, "email"),
                responded=responded,
                extended_on=extended,
                decision=decision,
                refusal_reason=self.text(cells, "refusal_reason"),
                keberatan_on=keberatan,
                sengketa_on=sengketa,
            )
