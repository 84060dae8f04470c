"""The imported register: [`Register`][Register] (column by column) and
[`RegisterEntry`][RegisterEntry].

The two readers of a register (row by row, `ppid_core.requests._register_rows`, and
column by column, `ppid_core.requests._register_columns`) fill one
[`RegisterColumns`][RegisterColumns], a typed list per column, by name; the [`Register`][Register]
is built
from it by name. Nothing is matched by position, so mypy checks every column's type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._models import DecisionKind, Requester
from ppid_core.requests._register_layout import Repair

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar

__all__ = ["COLUMN_FIELDS", "Register", "RegisterColumns", "RegisterEntry"]


@attrs.frozen(kw_only=True)
class RegisterEntry:
    """One request as the register records it.

    Attributes:
        row: Spreadsheet row number.
        number: Register number as written.
        unit: Unit handling it.
        service: Kind of service.
        information: Information asked for.
        received: Date received.
        received_time: Time of day received, when the cell records one (it decides the
            receipt date under office hours).
        requester: Name, phone and e-mail (masked in ``repr``).
        responded: Date of the written notice, if recorded.
        extended_on: Date of the written extension notice, if recorded.
        decision: Decision, if recorded.
        refusal_reason: Refusal reason, if recorded.
        keberatan_on: Date a keberatan was filed, if any.
        sengketa_on: Date a sengketa was filed, if any.
    """

    row: int
    number: str
    unit: str
    service: str
    information: str
    received: dt.date
    received_time: dt.time | None = None
    requester: Requester
    responded: dt.date | None = None
    extended_on: dt.date | None = None
    decision: DecisionKind | None = None
    refusal_reason: str = ""
    keberatan_on: dt.date | None = None
    sengketa_on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Register:
    """An imported register, held column by column (fast for 100k-row registers).

    [`entries`][entries] gives the same data row by row, as [`RegisterEntry`][RegisterEntry]
    objects.

    Attributes:
        source: File name used in messages.
        columns: The known columns present in the file.
        rows: Spreadsheet row number of each request.
        numbers: Register numbers.
        units: Units.
        services: Kinds of service.
        information: Information asked for.
        received: Dates received.
        received_times: Times of day received (``None`` when the cell has a date alone).
        names: Requester names (as written; mask them when showing them).
        phones: Phone numbers (as written; ``""`` when absent).
        emails: E-mail addresses (as written; ``""`` when absent).
        responded: Dates of the written notice (``None`` when not recorded).
        extended_on: Dates of the written extension notice (``None`` when not recorded).
        decisions: Decisions (``None`` when not recorded).
        refusal_reasons: Refusal reasons (``""`` when not recorded).
        keberatan_on: Keberatan dates (``None`` when none).
        sengketa_on: Sengketa dates (``None`` when none).
        header_rows: Rows skipped because they repeat the header.
        blank_rows: Rows skipped because every cell is empty.
        repairs: Documented corrections (the page-break artefact).
        ignored_columns: Columns present in the file but not part of the layout.
        hidden_sheets: Hidden sheets of an XLSX file passed over to reach the sheet read
            (the first visible one).

    Raises:
        InvalidArgumentError: The columns differ in length (a register built by hand).
    """

    source: str
    columns: frozenset[str]
    rows: tuple[int, ...]
    numbers: tuple[str, ...]
    units: tuple[str, ...]
    services: tuple[str, ...]
    information: tuple[str, ...]
    received: tuple[dt.date, ...]
    received_times: tuple[dt.time | None, ...]
    names: tuple[str, ...] = attrs.field(repr=False)
    phones: tuple[str, ...] = attrs.field(repr=False)
    emails: tuple[str, ...] = attrs.field(repr=False)
    responded: tuple[dt.date | None, ...]
    extended_on: tuple[dt.date | None, ...]
    decisions: tuple[DecisionKind | None, ...]
    refusal_reasons: tuple[str, ...]
    keberatan_on: tuple[dt.date | None, ...]
    sengketa_on: tuple[dt.date | None, ...]
    header_rows: tuple[int, ...] = ()
    blank_rows: tuple[int, ...] = ()
    repairs: tuple[Repair, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    hidden_sheets: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        n = len(self.rows)
        for name in COLUMN_FIELDS[1:]:
            if len(getattr(self, name)) != n:
                msg = (
                    f"{name} has {len(getattr(self, name))} values for {n} rows; "
                    "every column has one value per row"
                )
                raise InvalidArgumentError(f"{self.source}: {msg}")

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[Sequence[str]],
        *,
        source: str = "<register>",
        calendar: WorkCalendar | None = None,
    ) -> Register:
        """A register from rows of text cells, the first row the header.

        For rows an app already holds (a CSV reader's, a sheet's as text); a file is
        [`load_register()`][ppid_core.requests.load_register], CSV text
        [`parse_register()`][ppid_core.requests.parse_register].

        Args:
            rows: Rows of cell texts, as a CSV reader gives them (dates as written, or ISO).
            source: Name used in error messages.
            calendar: When given, dates outside its years are refused.

        Raises:
            DataFileError: Every problem of the rows, located by row and column.
            TypeError: A cell is not text (a programming error: give ``str`` cells).

        Examples:
            >>> head = [
            ...     "No",
            ...     "Unit Kerja Tempat Mengurus Layanan Publik",
            ...     "Jenis Layanan",
            ...     "Nama Layanan yang diterima",
            ...     "Tanggal/Bulan/Tahun Mengurus Layanan",
            ...     "Nama Pengguna Layanan",
            ... ]
            >>> reg = Register.from_rows(
            ...     [head, ["1", "PPID", "Informasi", "Data DPT", "4 Juni 2024", "Ani"]]
            ... )
            >>> len(reg), reg.units
            (1, ('PPID',))
        """
        from ppid_core.requests._register import read_rows  # noqa: PLC0415 - it builds this

        return read_rows(rows, source=source, calendar=calendar)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, column: str) -> bool:
        """Whether the file has ``column``."""
        return column in self.columns

    @property
    def entries(self) -> tuple[RegisterEntry, ...]:
        """The requests row by row, in file order."""
        return tuple(
            RegisterEntry(
                row=r,
                number=n,
                unit=u,
                service=s,
                information=i,
                received=d,
                received_time=t,
                requester=Requester(name=nm, phone=ph, email=em),
                responded=resp,
                extended_on=ext,
                decision=dec,
                refusal_reason=rr,
                keberatan_on=k,
                sengketa_on=sg,
            )
            for r, n, u, s, i, d, t, nm, ph, em, resp, ext, dec, rr, k, sg in zip(
                self.rows,
                self.numbers,
                self.units,
                self.services,
                self.information,
                self.received,
                self.received_times,
                self.names,
                self.phones,
                self.emails,
                self.responded,
                self.extended_on,
                self.decisions,
                self.refusal_reasons,
                self.keberatan_on,
                self.sengketa_on,
                strict=True,
            )
        )


@attrs.define(kw_only=True)
class RegisterColumns:
    """A register being read: one typed list per column of [`Register`][Register], same names.

    The row-by-row reading adds a row with [`append()`][append], the column-wise reading a chunk
    of rows with [`extend()`][extend], both by keyword; [`register()`][register] builds the
    [`Register`][Register] by name.
    """

    rows: list[int] = attrs.Factory(list)
    numbers: list[str] = attrs.Factory(list)
    units: list[str] = attrs.Factory(list)
    services: list[str] = attrs.Factory(list)
    information: list[str] = attrs.Factory(list)
    received: list[dt.date] = attrs.Factory(list)
    received_times: list[dt.time | None] = attrs.Factory(list)
    names: list[str] = attrs.Factory(list)
    phones: list[str] = attrs.Factory(list)
    emails: list[str] = attrs.Factory(list)
    responded: list[dt.date | None] = attrs.Factory(list)
    extended_on: list[dt.date | None] = attrs.Factory(list)
    decisions: list[DecisionKind | None] = attrs.Factory(list)
    refusal_reasons: list[str] = attrs.Factory(list)
    keberatan_on: list[dt.date | None] = attrs.Factory(list)
    sengketa_on: list[dt.date | None] = attrs.Factory(list)

    def append(
        self,
        *,
        row: int,
        number: str,
        unit: str,
        service: str,
        information: str,
        received: dt.date,
        received_time: dt.time | None,
        name: str,
        phone: str,
        email: str,
        responded: dt.date | None,
        extended_on: dt.date | None,
        decision: DecisionKind | None,
        refusal_reason: str,
        keberatan_on: dt.date | None,
        sengketa_on: dt.date | None,
    ) -> None:
        """Add one request (the fields of [`RegisterEntry`][RegisterEntry], the requester
        spread)."""
        self.rows.append(row)
        self.numbers.append(number)
        self.units.append(unit)
        self.services.append(service)
        self.information.append(information)
        self.received.append(received)
        self.received_times.append(received_time)
        self.names.append(name)
        self.phones.append(phone)
        self.emails.append(email)
        self.responded.append(responded)
        self.extended_on.append(extended_on)
        self.decisions.append(decision)
        self.refusal_reasons.append(refusal_reason)
        self.keberatan_on.append(keberatan_on)
        self.sengketa_on.append(sengketa_on)

    def extend(
        self,
        *,
        rows: Iterable[int],
        numbers: Iterable[str],
        units: Iterable[str],
        services: Iterable[str],
        information: Iterable[str],
        received: Iterable[dt.date],
        received_times: Iterable[dt.time | None],
        names: Iterable[str],
        phones: Iterable[str],
        emails: Iterable[str],
        responded: Iterable[dt.date | None],
        extended_on: Iterable[dt.date | None],
        decisions: Iterable[DecisionKind | None],
        refusal_reasons: Iterable[str],
        keberatan_on: Iterable[dt.date | None],
        sengketa_on: Iterable[dt.date | None],
    ) -> None:
        """Add a chunk of requests, column by column (every column as long as ``rows``)."""
        self.rows += rows
        self.numbers += numbers
        self.units += units
        self.services += services
        self.information += information
        self.received += received
        self.received_times += received_times
        self.names += names
        self.phones += phones
        self.emails += emails
        self.responded += responded
        self.extended_on += extended_on
        self.decisions += decisions
        self.refusal_reasons += refusal_reasons
        self.keberatan_on += keberatan_on
        self.sengketa_on += sengketa_on

    def register(
        self,
        *,
        source: str,
        columns: frozenset[str],
        header_rows: Sequence[int],
        blank_rows: Sequence[int],
        repairs: Sequence[Repair],
        ignored_columns: Sequence[str],
    ) -> Register:
        """The [`Register`][Register] of the columns read, with what the reading found besides."""
        return Register(
            source=source,
            columns=columns,
            rows=tuple(self.rows),
            numbers=tuple(self.numbers),
            units=tuple(self.units),
            services=tuple(self.services),
            information=tuple(self.information),
            received=tuple(self.received),
            received_times=tuple(self.received_times),
            names=tuple(self.names),
            phones=tuple(self.phones),
            emails=tuple(self.emails),
            responded=tuple(self.responded),
            extended_on=tuple(self.extended_on),
            decisions=tuple(self.decisions),
            refusal_reasons=tuple(self.refusal_reasons),
            keberatan_on=tuple(self.keberatan_on),
            sengketa_on=tuple(self.sengketa_on),
            header_rows=tuple(header_rows),
            blank_rows=tuple(blank_rows),
            repairs=tuple(repairs),
            ignored_columns=tuple(ignored_columns),
        )


COLUMN_FIELDS: Final = tuple(f.name for f in attrs.fields(RegisterColumns))
"""The names of the [`Register`][Register] attributes that hold one value per request."""
