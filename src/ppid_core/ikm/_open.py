"""Opening a survey table: its header found, its columns planned, the reader of its layout.

Every reader comes through here: the CSV reader with its own fast path, the XLSX reader,
rows and mappings, the DataFrame reader when it cannot count a frame itself. What a
survey says about its reading (the header row taken, the layout, the notes) is set here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice

import attrs

from ppid_core._headers import SCAN_ROWS, HeaderRow
from ppid_core._i18n import _
from ppid_core.errors import DataFileError, InvalidArgumentError, LocatedError
from ppid_core.ikm._header import by_columns, kept_columns
from ppid_core.ikm._long import LongReader
from ppid_core.ikm._plan import ColumnPlan, Planner, layout_of
from ppid_core.ikm._reader import MissingPolicy, Reader, chunk_size, missing_policy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey

__all__ = ["HEAD_ROWS", "Opened", "Options", "read_records", "read_rows"]

#: Rows read before the header is looked for: the rows a header may stand in, and the
#: row under the last of them (the second row of a two-row header).
HEAD_ROWS = SCAN_ROWS + 1


@attrs.frozen(kw_only=True)
class Options:
    """What the caller asked of the reading, checked.

    Attributes:
        regime: The regime.
        columns: Header (or long-layout question) -> unsur, profile field or role.
        missing: The policy for blank answers.
        by: Columns to keep whatever their number of values.
        layout: ``"wide"``, ``"long"`` or ``None`` (told from the header).
        row_offset: Rows of the source before this input's data rows: every data row
            (not the header) is numbered that much further, so that a partition of a
            file names its rows as the whole file does.
    """

    regime: Regime
    columns: Mapping[str, str] | None = None
    missing: MissingPolicy = MissingPolicy.REFUSE
    by: tuple[str, ...] = ()
    layout: str | None = None
    row_offset: int = 0

    @classmethod
    def make(
        cls,
        *,
        regime: Regime | None = None,
        columns: Mapping[str, str] | None = None,
        missing: MissingPolicy | str = MissingPolicy.REFUSE,
        by: Sequence[str] = (),
        layout: str | None = None,
        row_offset: int = 0,
    ) -> Options:
        """The options, each checked.

        Raises:
            UnknownNameError: ``missing`` or ``layout`` names nothing known.
            InvalidArgumentError: ``row_offset`` is negative or not a whole number.
        """
        if isinstance(row_offset, bool) or not isinstance(row_offset, int) or row_offset < 0:
            msg = _("row_offset must be a whole number >= 0, got {row_offset!r}").format(
                row_offset=row_offset
            )
            raise InvalidArgumentError(msg)
        policy = missing_policy(missing)
        return cls(
            regime=regime or Regime.bundled(),
            columns=columns,
            missing=policy,
            by=tuple(by),
            layout=layout_of(layout),
            row_offset=row_offset,
        )

    def planner(self) -> Planner:
        """A planner for these options."""
        return Planner(self.regime, self.columns, self.layout)


class Opened:
    """A survey table whose header is known: its plan, and the reader of its layout.

    Raises:
        DataFileError: The header's problems, located.
        UnknownNameError: A ``by`` column is not in the header (or holds personal data,
            or is a long layout's question or score), or a ``columns`` key names no column.
    """

    def __init__(
        self,
        found: HeaderRow,
        source: str,
        options: Options,
        *,
        planner: Planner | None = None,
        row_offset: int = 1,
        header_row: str | None = None,
    ) -> None:
        planner = planner or options.planner()
        self.plan: ColumnPlan = planner.plan(found, source, row_offset=row_offset)
        if self.plan.errors:
            raise DataFileError.from_errors(source, list(self.plan.errors))
        header = self.plan.header
        by_idx = by_columns(header, options.by, source)
        self.by_names = [header[i].strip() for i in by_idx]
        self.first_row = found.data_start + row_offset + options.row_offset
        self.header_row = (
            found.describe(row_offset=row_offset) if header_row is None else header_row
        )
        self.reader: Reader | LongReader
        if self.plan.layout == "long":
            self.reader = LongReader(
                self.plan,
                regime=options.regime,
                questions=planner.questions,
                source=source,
                missing=options.missing,
                by_idx=by_idx,
            )
            return
        required = [*by_idx] if self.plan.date is None else [*by_idx, self.plan.date]
        self.reader = Reader(
            options.regime,
            header,
            idx=list(self.plan.unsur),
            keep=kept_columns(header, self.plan.unsur, required),
            profile=dict(self.plan.profile),
            source=source,
            missing=options.missing,
            rows=self.plan.date is not None,
        )

    @property
    def errors(self) -> list[LocatedError]:
        """The errors met so far."""
        return self.reader.errors

    def feed(self, rows: Iterable[Sequence[str]], first_row: int, chunk: int) -> int:
        """Feed ``rows`` (numbered from ``first_row``) ``chunk`` at a time; the next row."""
        it = iter(rows)
        row = first_row
        while batch := list(islice(it, chunk)):
            self.reader.feed(batch, row)
            row += len(batch)
        return row

    def survey(self, *, notes: Sequence[str] = ()) -> Survey:
        """The survey read, or every error of the file together.

        Args:
            notes: What the caller assumed about the file (its encoding), noted first.

        Raises:
            DataFileError: The errors met, located.
        """
        if isinstance(self.reader, LongReader):
            return self.reader.survey(self.by_names, header_row=self.header_row, notes=notes)
        return self.reader.survey(
            self.by_names,
            header_row=self.header_row,
            layout=self.plan.layout,
            notes=[*notes, *self.plan.notes],
            date=self.plan.date,
        )


def read_records(
    header: Sequence[str],
    records: Iterable[Sequence[str]],
    *,
    source: str = "<rows>",
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    layout: str | None = None,
    row_offset: int = 0,
    header_row: str = "row 1",
) -> Survey:
    """Tally records under a known header (row 1; the first record is row 2).

    See [`survey_from_records()`][ppid_core.ikm._read.survey_from_records].
    """
    options = Options.make(
        regime=regime,
        columns=columns,
        missing=missing,
        by=by,
        layout=layout,
        row_offset=row_offset,
    )
    found = HeaderRow(first=0, count=1, names=tuple(header))
    opened = Opened(found, source, options, header_row=header_row)
    opened.feed(records, opened.first_row, chunk_size())
    return opened.survey()


def _padded(rows: Iterable[Sequence[str]], width: int) -> Iterator[Sequence[str]]:
    for row in rows:
        yield [*row, *[""] * (width - len(row))] if len(row) < width else row


def read_rows(
    rows: Iterable[Sequence[str]], *, source: str, options: Options, pad: bool = False
) -> tuple[Opened, Iterable[Sequence[str]], int] | None:
    """The table of ``rows`` whose header is found among its first rows (titles and blank
    rows above it skipped, a two-row header joined), with its first data rows fed; the
    rest of ``rows``, still to feed, and the row number of the first of them. ``None``
    when the first rows are all blank (the caller says how its input is empty).

    With ``pad``, a row shorter than the header gets blank cells up to its width: a
    worksheet row ends at its last cell that holds something, so its trailing blank
    cells are not in the file.

    Raises:
        DataFileError: The header's problems, located.
        UnknownNameError: As [`Opened`][Opened].
    """
    it = iter(rows)
    head = list(islice(it, HEAD_ROWS))
    planner = options.planner()
    found = planner.detect(head)
    if found is None:
        return None
    opened = Opened(found, source, options, planner=planner)
    data: Iterable[Sequence[str]] = head[found.data_start :]
    rest: Iterable[Sequence[str]] = it
    if pad:
        data, rest = _padded(data, len(found.names)), _padded(it, len(found.names))
    opened.feed(data, opened.first_row, chunk_size())
    return opened, rest, len(head) + 1 + options.row_offset
