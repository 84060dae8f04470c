"""Reading respondents (CSV, XLSX, plain rows) into tallies, validating every answer.

The fast path counts each column of a chunk of rows with ``collections.Counter`` (C speed)
and checks the distinct values; only a chunk with a bad value is re-read row by row to
locate its errors. Every problem of a file is raised together. The answers and the other
columns of the counted rows are kept compactly (`ppid_core.ikm._columns`), so that a
breakdown can be chosen after reading.
"""

from __future__ import annotations

import enum
import functools
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from operator import itemgetter

from ppid_core._i18n import _
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._answers import Answers
from ppid_core.ikm._columns import NOT_ANSWERED, Coder, Responses
from ppid_core.ikm._header import shown_cell
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = [
    "CHUNK",
    "MissingPolicy",
    "Reader",
    "chunk_size",
    "feed_rows",
    "missing_policy",
    "not_an_answer",
    "score_column",
]

#: Rows per chunk of the validating reader (read at call time, so tests can shrink it).
CHUNK = 32_768


def chunk_size() -> int:
    """The rows per chunk of the validating reader: [`CHUNK`][CHUNK], read at call time."""
    return CHUNK


class MissingPolicy(enum.Enum):
    """What a blank answer means.

    Attributes:
        REFUSE: A blank is an error (the default: nothing is assumed).
        PER_UNSUR: A blank is "not answered": that unsur's NRR divides by the
            questionnaires that answered it (the guideline's "kuesioner yang terisi").
        DROP: A questionnaire with any blank is left out entirely and counted as dropped.
    """

    REFUSE = "refuse"
    PER_UNSUR = "per_unsur"
    DROP = "drop"


def missing_policy(missing: MissingPolicy | str) -> MissingPolicy:
    """The policy for blank answers, from the enum or its value.

    Raises:
        UnknownNameError: The value names no policy.
    """
    try:
        return MissingPolicy(missing)
    except ValueError:
        known = ", ".join(p.value for p in MissingPolicy)
        msg = _("unknown policy for blank answers {missing!r}; use one of {known}").format(
            missing=missing, known=known
        )
        raise UnknownNameError(msg) from None


def _row_columns(chunk: Sequence[Sequence[str]]) -> Callable[[int], list[str]]:
    """Columns of a list of rows, each extracted once."""
    cache: dict[int, list[str]] = {}

    def column(i: int) -> list[str]:
        if i not in cache:
            cache[i] = list(map(itemgetter(i), chunk))
        return cache[i]

    return column


def _digits(regime: Regime) -> str:
    """The scale's scores as one character each (``"1234"``), or ``""`` past 9."""
    if regime.scale_maximum >= 10:
        return ""
    return "".join(str(s) for s in range(regime.scale_minimum, regime.scale_maximum + 1))


_DIGIT_SCORES = bytes.maketrans(b"0123456789", bytes(range(10)))


def score_column(
    values: list[str],
    table: Mapping[str, int],
    digits: str,
    *,
    blanks: bool,
    keep: bool,
    read: Callable[[str], int | None] | None = None,
) -> tuple[int, int, bytes] | None:
    """(sum of scores, answers, per-row score bytes) of one column, or None when a value
    is not a score. The bytes ([`NOT_ANSWERED`][NOT_ANSWERED] for a blank) are only made when
    ``keep`` is true, else they are empty.

    Fast path: when every cell is one of the scale's digits, the joined column has one
    character per cell and ``str.count`` per digit runs at C speed. Otherwise each distinct
    value is looked up once in ``table``, and one it lacks is read with ``read`` (a
    decorated answer label, see `ppid_core.ikm._answers`); a blank counts as
    unanswered only when ``blanks`` is allowed (after row-by-row validation).
    """
    if digits and "" not in values:  # no empty cell, so equal length means one char each
        joined = "".join(values)
        if len(joined) == len(values):
            counts = [joined.count(d) for d in digits]
            if sum(counts) == len(values):
                total = sum(int(d) * c for d, c in zip(digits, counts, strict=True))
                kept = joined.encode("ascii").translate(_DIGIT_SCORES) if keep else b""
                return total, len(values), kept
    total = answered = 0
    scores: dict[str, int] = {}
    for value, count in Counter(values).items():
        score = table.get(value)
        if score is None and value and read is not None:
            score = read(value)
        if score is None:
            if blanks and not value:
                scores[value] = NOT_ANSWERED
                continue
            return None
        scores[value] = score
        total += score * count
        answered += count
    return total, answered, bytes(map(scores.__getitem__, values)) if keep else b""


def _expected(regime: Regime) -> str:
    return f"expected a score {regime.scale_minimum}-{regime.scale_maximum} or an answer label"


def not_an_answer(answers: Answers, j: int, raw: str, header: str) -> str:
    """The message for a cell of unsur ``j`` that is not an answer: what it says, why it
    is refused (a decoration that contradicts its label), what is expected."""
    shown = shown_cell(raw, header)
    choices = ", ".join(map(repr, answers.choices(j)))
    why = answers.problem(j, raw)
    if why is not None:
        return f"{shown} is not an answer: {why}; {_expected(answers.regime)} ({choices})"
    return f"{shown} is not an answer; {_expected(answers.regime)} ({choices})"


class Reader:
    """Accumulates one file: pooled sums, profile counts, kept answers and codes, errors.

    With ``rows`` it also keeps the row number of every counted questionnaire (a survey
    with a date column keeps them, so that a date can be located).
    """

    def __init__(
        self,
        regime: Regime,
        header: Sequence[str],
        *,
        idx: list[int],
        keep: dict[int, bool],
        profile: dict[str, int],
        source: str,
        missing: MissingPolicy,
        rows: bool = False,
    ) -> None:
        self.regime, self.header, self.idx = regime, list(header), idx
        self.profile_idx, self.source, self.missing = profile, source, missing
        self.answers = Answers(regime)
        self.allowed = self.answers.tables
        self.digits = _digits(regime)
        self.delimiter = ","
        self.in_file_order = sorted(enumerate(idx), key=itemgetter(1))
        self.width = len(header)
        self.rows: array[int] | None = array("I") if rows else None
        n = len(idx)
        self.totals, self.answered = [0] * n, [0] * n
        self.respondents = self.dropped = 0
        # the profile columns are counted by their coders, kept or not
        keep = dict(sorted({**dict.fromkeys(profile.values(), False), **keep}.items()))
        counted = set(profile.values())
        self.coders = {
            i: Coder(header[i].strip(), required=req, counted=i in counted)
            for i, req in keep.items()
        }
        self.scores = [bytearray() for _ in idx] if keep else []
        self.errors: list[LocatedError] = []

    def feed(self, chunk: Sequence[Sequence[str]], first_row: int) -> None:
        """Count a chunk of rows; a chunk with any bad cell is re-read row by row."""
        widths = Counter(map(len, chunk))
        same_width = len(widths) == 1 and self.width in widths
        if same_width and self._count(_row_columns(chunk), len(chunk), blanks=False):
            self._rows_from(first_row, len(chunk))
            return
        numbers: list[int] = []
        clean = self._slow(chunk, first_row, numbers)
        if self._count(_row_columns(clean), len(clean), blanks=True) and self.rows is not None:
            self.rows.extend(numbers)

    def _rows_from(self, first_row: int, n: int) -> None:
        if self.rows is not None:
            self.rows.extend(range(first_row, first_row + n))

    def feed_flat(self, flat: list[str], lines: list[str], first_row: int) -> None:
        """Count a block of ``lines`` already split into cells (``flat``, row-major)."""
        n, w = len(lines), self.width
        cache: dict[int, list[str]] = {}

        def column(i: int) -> list[str]:
            if i not in cache:
                cache[i] = flat[i::w]
            return cache[i]

        if self._count(column, n, blanks=False):
            self._rows_from(first_row, n)
            return
        self.feed([line.split(self.delimiter) for line in lines], first_row)

    def feed_columns(
        self, columns: Sequence[list[str]], *, ids: Sequence[str], kept: Sequence[int]
    ) -> None:
        """Count respondents given column by column, already validated (a long layout's):
        ``ids`` is the first column, ``columns`` the others (the unsur's scores as digits,
        blank when not answered); only the respondents ``kept`` are counted, the others
        are dropped. A cell that is not a score (the caller's validation missed it) is
        validated row by row, as in a file.
        """
        everyone = len(ids)
        if len(kept) == everyone:
            table = [list(ids), *columns]
        else:
            table = [[column[k] for k in kept] for column in (ids, *columns)]
        self.dropped += everyone - len(kept)
        if not self._count(table.__getitem__, len(kept), blanks=True):
            self.feed([list(row) for row in zip(*table, strict=True)], 2)

    def _count(self, column: Callable[[int], list[str]], rows: int, *, blanks: bool) -> bool:
        """Add the counts of a chunk; False (nothing added) when a cell is not a score."""
        per_unsur = []
        keep = bool(self.scores)
        for j, (i, table) in enumerate(zip(self.idx, self.allowed, strict=True)):
            read = functools.partial(self.answers.score, j)
            counts = score_column(
                column(i), table, self.digits, blanks=blanks, keep=keep, read=read
            )
            if counts is None:
                return False
            per_unsur.append(counts)
        if rows == 0:
            return True
        self.respondents += rows
        for j, (total, answered, scores) in enumerate(per_unsur):
            self.totals[j] += total
            self.answered[j] += answered
            if self.scores:
                self.scores[j] += scores
        for i, coder in self.coders.items():  # the profile columns among them
            coder.add(column(i))
        return True

    def _slow(
        self, chunk: Sequence[Sequence[str]], first_row: int, numbers: list[int] | None = None
    ) -> list[Sequence[str]]:
        kept: list[Sequence[str]] = []
        numbers = [] if numbers is None else numbers
        for offset, row in enumerate(chunk):
            rownum = first_row + offset
            if not any(str(c).strip() for c in row):
                self._err(rownum, None, _("empty row; delete it or fill it in"))
                continue
            if len(row) != self.width:
                self._err(
                    rownum,
                    None,
                    _("{count} cells; the header has {width}").format(
                        count=len(row), width=self.width
                    ),
                )
                continue
            ok, blank = True, False
            clean = list(row)
            for j, i in self.in_file_order:
                raw = row[i]
                score = self.answers.score(j, raw)
                if score is not None:
                    clean[i] = str(score)
                elif not raw.strip():
                    blank = True
                    clean[i] = ""
                    if self.missing is MissingPolicy.REFUSE:
                        ok = False
                        self._err(
                            rownum,
                            i,
                            _(
                                "blank answer; {value} (or choose a policy for "
                                "incomplete questionnaires: "
                                "per_unsur or drop)"
                            ).format(value=_expected(self.regime)),
                        )
                else:
                    ok = False
                    self._err(rownum, i, not_an_answer(self.answers, j, raw, self.header[i]))
            if ok and blank and self.missing is MissingPolicy.DROP:
                self.dropped += 1
            elif ok and blank and all(not clean[i] for i in self.idx):
                self._err(rownum, None, _("no unsur answered; a questionnaire needs at least one"))
            elif ok:
                kept.append(clean)
                numbers.append(rownum)
        return kept

    def _err(self, row: int, col: int | None, message: str) -> None:
        field = self.header[col].strip() if col is not None else None
        self.errors.append(LocatedError(message, source=self.source, row=row, field=field))

    def survey(
        self,
        by: Sequence[str],
        *,
        header_row: str = "",
        layout: str = "wide",
        notes: Sequence[str] = (),
        date: int | None = None,
    ) -> Survey:
        """The survey read, or every error of the file together.

        Args:
            by: The columns named with ``by``, as the header writes them.
            header_row: Which row(s) of the file were taken as the header.
            layout: ``"wide"`` or ``"long"``.
            notes: What the reading assumed.
            date: The date column's position in the header, if any.

        Raises:
            DataFileError: The errors met, located.
        """
        if self.errors:
            raise DataFileError.from_errors(self.source, self.errors)
        tally = Tally(
            keys=self.regime.keys,
            totals=self.totals,
            answered=self.answered,
            respondents=self.respondents,
            dropped=self.dropped,
        )
        columns = tuple(c for c in (c.column() for c in self.coders.values()) if c is not None)
        profile = {name: self.coders[i].value_counts() for name, i in self.profile_idx.items()}
        responses = Responses(
            header=tuple(h.strip() for h in self.header),
            scores=tuple(map(bytes, self.scores)) if columns else (),
            columns=columns,
            rows=self.rows if self.rows is not None else array("I"),
        )
        return Survey(
            regime=self.regime,
            source=self.source,
            tally=tally,
            profile=profile,
            responses=responses,
            by=tuple(by),
            date_column=None if date is None else self.header[date].strip(),
            header_row=header_row,
            layout=layout,
            notes=tuple(notes),
        )


def feed_rows(reader: Reader, rows: Iterable[Sequence[str]], first_row: int, chunk: int) -> int:
    """Feed ``rows`` to ``reader`` ``chunk`` rows at a time; returns the next row number."""
    it = iter(rows)
    row = first_row
    while batch := list(islice(it, chunk)):
        reader.feed(batch, row)
        row += len(batch)
    return row
