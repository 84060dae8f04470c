"""The imported register: [`Register`][Register] (column by column) and
[`RegisterEntry`][RegisterEntry].

The two readers of a register (row by row, `ppid_core.requests._register_rows`, and
column by column, `ppid_core.requests._register_columns`) fill one
`ppid_core.requests._register_record.RegisterColumns`, a typed list per column, by name;
the [`Register`][Register] is built from it by name. Nothing is matched by position, so mypy
checks every column's type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from ppid_core.errors import InvalidArgumentError
from ppid_core.requests._decisions import Meaning
from ppid_core.requests._models import Requester
from ppid_core.requests._register_layout import KPU_COLUMN_FIELDS, Repair
from ppid_core.requests._register_provenance import Provenance, UnreadCell

if TYPE_CHECKING:
    from ppid_core.calendar import WorkCalendar
    from ppid_core.requests._decisions import DecisionTable
    from ppid_core.requests._layouts import LayoutInput

__all__ = ["COLUMN_FIELDS", "Register", "RegisterEntry", "kpu_fields"]


@attrs.frozen(kw_only=True)
class RegisterEntry:
    """One request as the register records it.

    Attributes:
        row: Spreadsheet row number.
        number: Register number as written (the row number when the file has no number
            column).
        unit: Unit handling it.
        service: Kind of service.
        information: Information asked for.
        received: Date received.
        received_time: Time of day received, when the cell records one (it decides the
            receipt date under office hours).
        requester: Name, phone and e-mail (masked in ``repr``).
        responded: Date of the written notice, if recorded.
        extended_on: Date of the written extension notice, if recorded.
        decision: Decision, as the decision table reads the cell: a
            [`DecisionKind`][ppid_core.requests.DecisionKind], or an
            [`Unstated`][ppid_core.requests.Unstated] word ("selesai": answered, decision not
            stated); ``None`` when not recorded or not readable.
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
    decision: Meaning | None = None
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
        columns: The headers of the columns read, as written (blanks collapsed).
        rows: Spreadsheet row number of each request.
        numbers: Register numbers (each row's number when the file has no number column).
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
        decisions: Decisions as the decision table reads them: a kind of decision or a word
            stating none (``None`` when not recorded, or not readable: see `warnings`).
        refusal_reasons: Refusal reasons (``""`` when not recorded).
        keberatan_on: Keberatan dates (``None`` when none).
        sengketa_on: Sengketa dates (``None`` when none).
        header_rows: Rows skipped because they repeat the header.
        blank_rows: Rows skipped because every cell is empty.
        repairs: Documented corrections (the page-break artefact).
        ignored_columns: Columns present in the file but not part of the layout.
        hidden_sheets: Hidden sheets of an XLSX file passed over to reach the sheet read
            (the first visible one).
        fields: The register fields the file has a column for (``received``, ``unit``,
            ...; see `ppid_core.requests._layouts`). A field it lacks is unknown, never
            zero: its values are ``""`` or ``None`` and a report says so.
        layout: The layout whose header names were read (``kpu``, ``komisi-informasi``,
            ``e-ppid`` or the caller's).
        header_row: The row or rows taken as the header, in the file's numbering
            (``"rows 4-5 (two header rows joined)"``).
        column_names: ``(field, header as written)`` for each field read.
        encoding: The encoding a CSV file was read in; ``None`` for a workbook or rows.
        notes: What the reading assumed or passed over, for the report (rows above the
            header, a row of column numbers, an encoding guessed, times moved between
            zones, register numbers taken from the rows).
        warnings: Optional cells that could not be read, or that contradict their row
            (a response before receipt): each counts as unknown, with its row and column.
        merged_from: For a register merged from several files, how each was read.

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
    decisions: tuple[Meaning | None, ...]
    refusal_reasons: tuple[str, ...]
    keberatan_on: tuple[dt.date | None, ...]
    sengketa_on: tuple[dt.date | None, ...]
    header_rows: tuple[int, ...] = ()
    blank_rows: tuple[int, ...] = ()
    repairs: tuple[Repair, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    hidden_sheets: tuple[str, ...] = ()
    fields: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda self: kpu_fields(self.columns), takes_self=True)
    )
    layout: str = "kpu"
    header_row: str = "row 1"
    column_names: tuple[tuple[str, str], ...] = ()
    encoding: str | None = attrs.field(default=None, eq=False)
    notes: tuple[str, ...] = ()
    warnings: tuple[UnreadCell, ...] = ()
    merged_from: tuple[Provenance, ...] = ()

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
        layout: LayoutInput | None = None,
        columns: Mapping[str, str] | None = None,
        source_zone: str | None = None,
        decisions: DecisionTable | None = None,
        row_offset: int = 0,
    ) -> Register:
        """A register from rows of text cells, its header among the first rows.

        For rows an app already holds (a CSV reader's, a sheet's as text); a file is
        [`load_register()`][ppid_core.requests.load_register], CSV text
        [`parse_register()`][ppid_core.requests.parse_register]. The header is found as
        there: below title and blank rows, over one row or two.

        Args:
            rows: Rows of cell texts, as a CSV reader gives them (dates as written, or ISO).
            source: Name used in error messages.
            calendar: When given, dates outside its years are refused, and its zone is
                the office's (for times stored in another zone).
            layout: The layout of the headers (a name, a path, bytes or a
                [`Layout`][ppid_core.requests.Layout]); default: every bundled layout is
                tried and the best match is used.
            columns: Columns chosen by their header: ``{"Tgl Masuk": "received"}``.
            source_zone: The zone times without one were stored in (an app's ``UTC``);
                default the office's own.
            decisions: The decision table (default the bundled one).
            row_offset: Rows of the whole file before this part's data rows: each data
                row (not the header) is numbered that much further, so that the errors,
                warnings and rows of a partition of a file name its rows as the whole file
                does (default 0).

        Raises:
            DataFileError: Every problem of the rows, located by row and column.
            InvalidArgumentError: ``columns`` names an unknown field, or ``row_offset`` is
                not a whole number >= 0.
            UnknownNameError: A chosen column is not in the header; an unknown layout.
            UnknownZoneError: An unknown ``source_zone``.
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
            >>> len(reg), reg.units, reg.layout, reg.header_row
            (1, ('PPID',), 'kpu', 'row 1')
        """
        from ppid_core.requests._register import read_rows  # noqa: PLC0415 - it builds this

        return read_rows(
            rows,
            source=source,
            calendar=calendar,
            layout=layout,
            columns=columns,
            source_zone=source_zone,
            decisions=decisions,
            row_offset=row_offset,
        )

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, name: str) -> bool:
        """Whether the file has a column for ``name``: a field (``"responded"``), or a
        column's header as read or as the KPU layout names it (``Column.RESPONDED``)."""
        return (
            name in self.fields
            or name in self.columns
            or KPU_COLUMN_FIELDS.get(name, "") in self.fields
        )

    def column(self, field: str) -> str | None:
        """The header of the column read for ``field``, or ``None`` when the file has none."""
        return dict(self.column_names).get(field)

    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """How the file was read (one item per file, several for a merged register)."""
        if self.merged_from:
            return self.merged_from
        return (
            Provenance(
                source=self.source,
                layout=self.layout,
                header=self.header_row,
                columns=dict(self.column_names),
                encoding=self.encoding,
                requests=len(self.rows),
            ),
        )

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


def kpu_fields(columns: Iterable[str]) -> frozenset[str]:
    """The fields of columns named as the KPU layout names them (a register built by hand)."""
    return frozenset(KPU_COLUMN_FIELDS[c] for c in columns if c in KPU_COLUMN_FIELDS)


_NAMES = [f.name for f in attrs.fields(Register)]
COLUMN_FIELDS: Final = tuple(_NAMES[_NAMES.index("rows") : _NAMES.index("sengketa_on") + 1])
"""The names of the [`Register`][Register] attributes that hold one value per request."""
