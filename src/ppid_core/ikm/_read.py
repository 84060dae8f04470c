"""Reading respondents (CSV, XLSX, plain rows) into tallies, validating every answer.

The fast path counts each column of a chunk of rows with ``collections.Counter`` (C speed)
and checks the distinct values; only a chunk with a bad value is re-read row by row to
locate its errors. Every problem of a file is raised together. The answers and the other
columns of the counted rows are kept compactly (`ppid_core.ikm._columns`), so that a
breakdown can be chosen after reading.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from operator import itemgetter

from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._columns import NOT_ANSWERED, Coder, Responses
from ppid_core.ikm._header import by_columns, kept_columns, resolve_header, shown_cell
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._regime_parts import label_key
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = [
    "CHUNK",
    "MissingPolicy",
    "Reader",
    "chunk_size",
    "feed_rows",
    "make_reader",
    "missing_policy",
    "score_column",
    "survey_from_records",
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
        msg = f"unknown policy for blank answers {missing!r}; use one of {known}"
        raise UnknownNameError(msg) from None


def _allowed(regime: Regime) -> list[dict[str, int]]:
    """Per unsur: accepted cell text -> score (digits and the answer labels).

    A regime never has a label that reads as another score's digits (it is refused when
    the regime is built), so a digit means the same score on every path.
    """
    out = []
    scores = range(regime.scale_minimum, regime.scale_maximum + 1)
    for u in regime.unsur:
        table = {str(s): s for s in scores}
        for s, label in zip(scores, u.answers, strict=False):
            table[label] = s
            table[label_key(label)] = s
        out.append(table)
    return out


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
    values: list[str], table: Mapping[str, int], digits: str, *, blanks: bool, keep: bool
) -> tuple[int, int, bytes] | None:
    """(sum of scores, answers, per-row score bytes) of one column, or None when a value
    is not a score. The bytes ([`NOT_ANSWERED`][NOT_ANSWERED] for a blank) are only made when
    ``keep`` is true, else they are empty.

    Fast path: when every cell is one of the scale's digits, the joined column has one
    character per cell and ``str.count`` per digit runs at C speed. Otherwise each distinct
    value is looked up once (answer labels); a blank counts as unanswered only when
    ``blanks`` is allowed (after row-by-row validation).
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
        if score is None:
            if blanks and not value:
                scores[value] = NOT_ANSWERED
                continue
            return None
        scores[value] = score
        total += score * count
        answered += count
    return total, answered, bytes(map(scores.__getitem__, values)) if keep else b""


def _lookup(table: Mapping[str, int], raw: str) -> int | None:
    hit = table.get(raw)
    if hit is None:
        hit = table.get(label_key(raw))
    return hit


def _expected(regime: Regime) -> str:
    return f"expected a score {regime.scale_minimum}-{regime.scale_maximum} or an answer label"


class Reader:
    """Accumulates one file: pooled sums, profile counts, kept answers and codes, errors."""

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
    ) -> None:
        self.regime, self.header, self.idx = regime, list(header), idx
        self.profile_idx, self.source, self.missing = profile, source, missing
        self.allowed = _allowed(regime)
        self.digits = _digits(regime)
        self.delimiter = ","
        self.in_file_order = sorted(zip(idx, self.allowed, strict=True), key=itemgetter(0))
        self.width = len(header)
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
            return
        clean = self._slow(chunk, first_row)
        self._count(_row_columns(clean), len(clean), blanks=True)

    def feed_flat(self, flat: list[str], lines: list[str], first_row: int) -> None:
        """Count a block of ``lines`` already split into cells (``flat``, row-major)."""
        n, w = len(lines), self.width
        cache: dict[int, list[str]] = {}

        def column(i: int) -> list[str]:
            if i not in cache:
                cache[i] = flat[i::w]
            return cache[i]

        if self._count(column, n, blanks=False):
            return
        self.feed([line.split(self.delimiter) for line in lines], first_row)

    def _count(self, column: Callable[[int], list[str]], rows: int, *, blanks: bool) -> bool:
        """Add the counts of a chunk; False (nothing added) when a cell is not a score."""
        per_unsur = []
        for i, table in zip(self.idx, self.allowed, strict=True):
            keep = bool(self.scores)
            counts = score_column(column(i), table, self.digits, blanks=blanks, keep=keep)
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

    def _slow(self, chunk: Sequence[Sequence[str]], first_row: int) -> list[Sequence[str]]:
        kept: list[Sequence[str]] = []
        for offset, row in enumerate(chunk):
            rownum = first_row + offset
            if not any(str(c).strip() for c in row):
                self._err(rownum, None, "empty row; delete it or fill it in")
                continue
            if len(row) != self.width:
                self._err(rownum, None, f"{len(row)} cells; the header has {self.width}")
                continue
            ok, blank = True, False
            clean = list(row)
            for i, table in self.in_file_order:
                raw = row[i]
                score = _lookup(table, raw)
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
                            f"blank answer; {_expected(self.regime)} (or "
                            "choose a policy for incomplete questionnaires: "
                            "per_unsur or drop)",
                        )
                else:
                    ok = False
                    self._err(
                        rownum,
                        i,
                        f"{shown_cell(raw, self.header[i])} is not an answer; "
                        f"{_expected(self.regime)} ({', '.join(map(repr, self._labels(i)))})",
                    )
            if ok and blank and self.missing is MissingPolicy.DROP:
                self.dropped += 1
            elif ok and blank and all(not clean[i] for i in self.idx):
                self._err(rownum, None, "no unsur answered; a questionnaire needs at least one")
            elif ok:
                kept.append(clean)
        return kept

    def _labels(self, col: int) -> list[str]:
        u = self.regime.unsur[self.idx.index(col)]
        return [
            str(s) for s in range(self.regime.scale_minimum, self.regime.scale_maximum + 1)
        ] + list(u.answers)

    def _err(self, row: int, col: int | None, message: str) -> None:
        field = self.header[col].strip() if col is not None else None
        self.errors.append(LocatedError(message, source=self.source, row=row, field=field))

    def survey(self, by: Sequence[str]) -> Survey:
        """The survey read, or every error of the file together.

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
        )
        return Survey(
            regime=self.regime,
            source=self.source,
            tally=tally,
            profile=profile,
            responses=responses,
            by=tuple(by),
        )


def feed_rows(reader: Reader, rows: Iterable[Sequence[str]], first_row: int, chunk: int) -> int:
    """Feed ``rows`` to ``reader`` ``chunk`` rows at a time; returns the next row number."""
    it = iter(rows)
    row = first_row
    while batch := list(islice(it, chunk)):
        reader.feed(batch, row)
        row += len(batch)
    return row


def survey_from_records(
    header: Sequence[str],
    records: Iterable[Sequence[str]],
    *,
    source: str = "<rows>",
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
) -> Survey:
    """Tally text records under a header (the engine behind every reader).

    Args:
        header: Column headers; unsur columns are found by name or alias.
        records: Rows of cell text, in file order (row 2 is the first record).
        source: File name for error messages.
        regime: The regime (default Permenpan RB 14/2017).
        columns: Explicit header -> unsur (key, name or alias), e.g. ``{"U8": "sarana"}``.
        missing: Policy for blank answers ([`MissingPolicy`][MissingPolicy] or its value).
        by: Columns to keep for a breakdown whatever their number of values (e.g.
            ``"Layanan"``), matched as headers are (case, blanks and a trailing dot
            ignored).

    Raises:
        DataFileError: Every bad header and every bad cell, located, together.
        UnknownNameError: A ``by`` column is not in the header or holds personal data, or
            ``missing`` names no policy.
    """
    reader, by_names = make_reader(header, source, regime, columns, missing, by)
    feed_rows(reader, records, 2, CHUNK)  # the chunk size is read at call time
    return reader.survey(by_names)


def make_reader(  # noqa: PLR0917 - mirrors survey_from_records' keywords in order
    header: Sequence[str],
    source: str,
    regime: Regime | None,
    columns: Mapping[str, str] | None,
    missing: MissingPolicy | str,
    by: Sequence[str],
) -> tuple[Reader, list[str]]:
    """A reader for a file with this header, and the ``by`` columns as its header writes them.

    Raises:
        DataFileError: Every problem of the header, located.
        UnknownNameError: As [`survey_from_records()`][survey_from_records].
    """
    regime = regime or Regime.bundled()
    policy = missing_policy(missing)
    idx, profile, errors = resolve_header(header, regime, columns, source)
    if errors:
        raise DataFileError.from_errors(source, errors)
    by_idx = by_columns(header, by, source)
    reader = Reader(
        regime,
        header,
        idx=idx,
        keep=kept_columns(header, idx, by_idx),
        profile=profile,
        source=source,
        missing=policy,
    )
    return reader, [header[i].strip() for i in by_idx]
