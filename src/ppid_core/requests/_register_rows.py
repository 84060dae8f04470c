"""Row-by-row reading of a register: every message, in row and column order.

The column-wise reading (:mod:`ppid_core.requests._register_columns`) hands any chunk
with something to report to :meth:`Rows.read`, so messages never depend on the chunking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ppid_core.errors import LocatedError
from ppid_core.requests._dates import parse_register_date
from ppid_core.requests._register_layout import (
    FIELDS,
    UNIT_SPLIT,
    Column,
    Repair,
    decision_of,
    norm,
    too_many_cells,
    unknown_decision,
)

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
        self, source: str, calendar: WorkCalendar | None, index: dict[str, int], width: int
    ) -> None:
        self.source = source
        self.calendar = calendar
        self.width = width
        self.errors: list[LocatedError] = []
        self.dates: dict[str, dt.date | str] = {"": ""}
        self.out: dict[str, list[Any]] = {k: [] for k in FIELDS}
        self.header_rows: list[int] = []
        self.blank_rows: list[int] = []
        self.repairs: list[Repair] = []
        self.split_unit = False
        self.required = tuple(index[c] for c in Column.REQUIRED)
        self.optional = tuple(index.get(c) for c in Column.OPTIONAL)

    def error(self, row: int, column: str | None, message: str) -> None:
        """Record a located error."""
        self.errors.append(LocatedError(message, source=self.source, row=row, field=column))

    def parse_date(self, text: str) -> dt.date | str:
        """Date of a stripped, non-empty cell, or the error message."""
        try:
            day = parse_register_date(text)
        except ValueError as exc:
            return str(exc)
        cal = self.calendar
        if cal is not None and not cal.covers(day):
            return (
                f"{day.isoformat()}: outside the calendar's coverage "
                f"({cal.first_day.isoformat()} to {cal.last_day.isoformat()})"
            )
        return day

    def date_of(self, text: str) -> dt.date | str:
        """Date of a cell as written, ``""`` when empty, or the error; cached per text."""
        day = self.dates.get(text)
        if day is None:
            stripped = text.strip()
            day = self.parse_date(stripped) if stripped else ""
            self.dates[text] = day
        return day

    def optional_date(
        self, cells: Sequence[str], i: int | None, row: int, column: str
    ) -> dt.date | None:
        """The date of an optional column's cell; an unreadable one is reported."""
        if i is None:
            return None
        day = self.date_of(cells[i])
        if day.__class__ is str:
            if day:
                self.error(row, column, str(day))
            return None
        return day  # type: ignore[return-value]

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

    def read(self, chunk: Sequence[Sequence[str]], first: int) -> None:
        """Read rows one by one: every message, in row and column order.

        Every cell of every row is checked, whatever happened before; rows are kept only
        while the file has no error.
        """
        width = self.width
        i_no, i_unit, i_svc, i_info, i_date, i_name = self.required
        i_phone, i_email, i_resp, i_ext, i_dec, i_reason, i_kb, i_sg = self.optional
        appenders = [self.out[k].append for k in FIELDS]
        errors = self.errors
        for rowno, raw in enumerate(chunk, start=first):
            cells = raw if len(raw) >= width else [*raw, *([""] * (width - len(raw)))]
            number = cells[i_no].strip()
            if number == Column.NUMBER:
                self.header_rows.append(rowno)
                self.split_unit = norm(cells[i_unit]) == UNIT_SPLIT
                continue
            if not number and not "".join(cells).strip():
                self.blank_rows.append(rowno)
                continue
            if len(cells) > width and (extra := too_many_cells(list(cells), width)):
                self.error(rowno, None, extra)
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
            received: Any = self.date_of(cells[i_date])
            if received.__class__ is not dt.date:
                self.error(rowno, Column.RECEIVED, str(received or "empty; expected a date"))
                received = None
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
            if errors:
                continue
            for add, value in zip(
                appenders,
                (
                    rowno,
                    number,
                    unit,
                    service,
                    info,
                    received,
                    name,
                    "" if i_phone is None else cells[i_phone].strip(),
                    "" if i_email is None else cells[i_email].strip(),
                    responded,
                    extended,
                    decision,
                    "" if i_reason is None else cells[i_reason].strip(),
                    keberatan,
                    sengketa,
                ),
                strict=True,
            ):
                add(value)
