"""Row-by-row reading of a register: every message, in row and column order.

The column-wise reading (`ppid_core.requests._register_columns`) hands any chunk
with something to report to [`Rows.read()`][Rows.read], so messages never depend on the chunking
(a Hypothesis law, ``tests/property/test_register_laws.py``, checks that both give the same
register and the same errors in the same order).

A row is a repeated header (a page break) only when every cell under a known column names
that column as the header does; a row whose ``No`` cell reads "No" but whose other cells
hold a request is read, and reported, as a request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ppid_core.errors import InvalidArgumentError, LocatedError
from ppid_core.requests._dates import parse_register_date, split_time
from ppid_core.requests._register_layout import (
    UNIT_SPLIT,
    Column,
    Repair,
    canonical,
    decision_of,
    norm,
    unknown_decision,
    unnamed_cell,
)
from ppid_core.requests._register_model import RegisterColumns

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["Rows"]

_PUBLIK_REASON = (
    "the word 'Publik' belongs to the unit header split at the page break above (its "
    "header reads 'Unit Kerja Tempat Mengurus Layanan')"
)


class Rows:
    """A register being read: the header's positions, the columns so far, the errors."""

    def __init__(
        self,
        source: str,
        calendar: WorkCalendar | None,
        index: dict[str, int],
        width: int,
        *,
        known: tuple[tuple[int, str], ...] = (),
        unnamed: tuple[int, ...] = (),
    ) -> None:
        """Start reading.

        Args:
            source: File name used in messages.
            calendar: When given, dates outside its years are refused.
            index: Position of each known column (the first, if named twice).
            width: Cells in the header.
            known: Every position under a known column, with the column's name (how a
                repeated header is recognised).
            unnamed: Positions whose header cell is empty (their cells must be empty).
        """
        self.source = source
        self.calendar = calendar
        self.width = width
        self.known = known
        self.unnamed = unnamed
        self.wide: dict[int, str] = {}
        """Messages for rows with cells beyond the header (by row), not yet reported."""
        self.errors: list[LocatedError] = []
        self.dates: dict[str, dt.date | str] = {"": ""}
        self.times: dict[str, dt.time] = {}
        """The time of day of each cell text that has one (``2024-06-04 23:30``)."""
        self.columns = RegisterColumns()
        """The requests read so far (kept only while the file has no error)."""
        self.header_rows: list[int] = []
        self.blank_rows: list[int] = []
        self.repairs: list[Repair] = []
        self.split_unit = False
        self.required = tuple(index[c] for c in Column.REQUIRED)
        self.optional = tuple(index.get(c) for c in Column.OPTIONAL)

    def error(self, row: int, column: str | None, message: str) -> None:
        """Record a located error."""
        self.errors.append(LocatedError(message, source=self.source, row=row, field=column))

    def parse_date(self, text: str) -> tuple[dt.date | str, dt.time | None]:
        """Date and time of day of a stripped, non-empty cell; or the error message."""
        try:
            written, time = split_time(text)
            day = parse_register_date(written)
        except InvalidArgumentError as exc:
            return str(exc), None
        cal = self.calendar
        if cal is not None and not cal.covers(day):
            return (
                f"{day.isoformat()}: outside the calendar's coverage "
                f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})"
            ), None
        return day, time

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

    def optional_date(
        self, cells: Sequence[str], i: int | None, row: int, column: str
    ) -> dt.date | None:
        """The date of an optional column's cell; an unreadable one is reported."""
        if i is None:
            return None
        day = self.date_of(cells[i])
        if isinstance(day, str):
            if day:
                self.error(row, column, day)
            return None
        return day

    def not_before(
        self, row: int, column: str, day: dt.date | None, received: dt.date | None
    ) -> None:
        """Report a date before the request was received."""
        if day is not None and received is not None and day < received:
            self.error(
                row,
                column,
                f"{day.isoformat()} is before the request was received ({received.isoformat()})",
            )

    def repeats_header(self, cells: Sequence[str]) -> bool:
        """Whether every cell under a known column names that column, as the header does."""
        return all(canonical(cells[i]) == name for i, name in self.known)

    def read(self, chunk: Sequence[Sequence[str]], first: int) -> None:
        """Read rows one by one: every message, in row and column order.

        Every cell of every row is checked, whatever happened before; rows are kept only
        while the file has no error.
        """
        width = self.width
        i_no, i_unit, i_svc, i_info, i_date, i_name = self.required
        i_phone, i_email, i_resp, i_ext, i_dec, i_reason, i_kb, i_sg = self.optional
        add = self.columns.append
        errors = self.errors
        for rowno, raw in enumerate(chunk, start=first):
            cells = raw if len(raw) >= width else [*raw, *([""] * (width - len(raw)))]
            number = cells[i_no].strip()
            beyond = self.wide.pop(rowno, None) if self.wide else None
            if not number and beyond is None and not "".join(cells).strip():
                self.blank_rows.append(rowno)
                continue
            if beyond is not None:
                self.error(rowno, None, beyond)
            for i in self.unnamed:
                if cells[i].strip():
                    self.error(rowno, None, unnamed_cell(i, cells[i]))
            if number == Column.NUMBER and self.repeats_header(cells):
                self.header_rows.append(rowno)
                self.split_unit = norm(cells[i_unit]) == UNIT_SPLIT
                continue
            unit = cells[i_unit].strip()
            if self.split_unit and unit.startswith("Publik "):
                fixed = unit.removeprefix("Publik ").strip()
                self.repairs.append(
                    Repair(
                        row=rowno,
                        column=Column.UNIT,
                        original=unit,
                        value=fixed,
                        reason=_PUBLIK_REASON,
                    )
                )
                unit = fixed
            self.split_unit = False
            service = cells[i_svc].strip()
            info = cells[i_info].strip()
            name = cells[i_name].strip()
            if not (number and unit and service and info and name):
                for column, value in (
                    (Column.NUMBER, number),
                    (Column.UNIT, unit),
                    (Column.SERVICE, service),
                    (Column.INFORMATION, info),
                    (Column.NAME, name),
                ):
                    if not value:
                        self.error(rowno, column, "empty; a value is required")
            day = self.date_of(cells[i_date])
            received = day if isinstance(day, dt.date) else None
            if received is None:
                self.error(rowno, Column.RECEIVED, str(day or "empty; expected a date"))
            responded = self.optional_date(cells, i_resp, rowno, Column.RESPONDED)
            self.not_before(rowno, Column.RESPONDED, responded, received)
            extended = self.optional_date(cells, i_ext, rowno, Column.EXTENDED)
            self.not_before(rowno, Column.EXTENDED, extended, received)
            decision = None
            if i_dec is not None and (decision_text := cells[i_dec].strip().lower()):
                decision = decision_of(decision_text)
                if decision is None:
                    self.error(rowno, Column.DECISION, unknown_decision(decision_text))
            keberatan = self.optional_date(cells, i_kb, rowno, Column.KEBERATAN)
            sengketa = self.optional_date(cells, i_sg, rowno, Column.SENGKETA)
            if errors or received is None:  # nothing more is kept once a row failed
                continue
            add(
                row=rowno,
                number=number,
                unit=unit,
                service=service,
                information=info,
                received=received,
                received_time=self.times.get(cells[i_date]),
                name=name,
                phone="" if i_phone is None else cells[i_phone].strip(),
                email="" if i_email is None else cells[i_email].strip(),
                responded=responded,
                extended_on=extended,
                decision=decision,
                refusal_reason="" if i_reason is None else cells[i_reason].strip(),
                keberatan_on=keberatan,
                sengketa_on=sengketa,
            )
