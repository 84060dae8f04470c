"""A register being read: one typed list per column, filled by the two readings by name.

See `ppid_core.requests._register_model`: the row-by-row reading adds a row with
[`RegisterColumns.append()`][RegisterColumns.append], the column-wise one a chunk with
[`RegisterColumns.extend()`][RegisterColumns.extend];
[`RegisterColumns.register()`][RegisterColumns.register] builds the
[`Register`][ppid_core.requests.Register].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from ppid_core.requests._decisions import Meaning
from ppid_core.requests._register_layout import Repair
from ppid_core.requests._register_model import Register, kpu_fields
from ppid_core.requests._register_provenance import UnreadCell

__all__ = ["RegisterColumns"]


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
    decisions: list[Meaning | None] = attrs.Factory(list)
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
        decision: Meaning | None,
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
        decisions: Iterable[Meaning | None],
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
        fields: frozenset[str] | None = None,
        layout: str = "kpu",
        header_row: str = "row 1",
        column_names: Sequence[tuple[str, str]] = (),
        notes: Sequence[str] = (),
        warnings: Sequence[UnreadCell] = (),
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
            fields=kpu_fields(columns) if fields is None else fields,
            layout=layout,
            header_row=header_row,
            column_names=tuple(column_names),
            notes=tuple(notes),
            warnings=tuple(warnings),
        )
