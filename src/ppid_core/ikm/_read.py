"""Reading respondents (CSV, XLSX, plain rows) into tallies, validating every answer.

The fast path counts each column of a chunk of rows with ``collections.Counter`` (C speed)
and checks the distinct values; only a chunk with a bad value is re-read row by row to
locate its errors. Every problem of a file is raised together.
"""

from __future__ import annotations

import csv
import enum
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from operator import itemgetter
from pathlib import Path

from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._regime import Regime, load_regime, normalize_header
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally

__all__ = [
    "DEMOGRAPHIC_COLUMNS",
    "MissingPolicy",
    "cell_text",
    "from_rows",
    "read_csv",
    "read_records",
]

_CHUNK = 32_768
_CODE_RE = re.compile(r"(u|q|p|unsur|soal|pertanyaan)\s*[-_.]?\s*[0-9]+", re.IGNORECASE)

#: Headers read as respondent profile (breakdowns); matched case- and blank-insensitively.
DEMOGRAPHIC_COLUMNS: Mapping[str, str] = {
    "jenis kelamin": "jenis_kelamin",
    "gender": "jenis_kelamin",
    "pendidikan": "pendidikan",
    "pendidikan terakhir": "pendidikan",
    "pekerjaan": "pekerjaan",
    "usia": "usia",
    "umur": "usia",
    "layanan": "layanan",
    "jenis layanan": "layanan",
}


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


def _allowed(regime: Regime) -> list[dict[str, int]]:
    """Per unsur: accepted cell text -> score (digits and the answer labels)."""
    out = []
    scores = range(regime.scale_minimum, regime.scale_maximum + 1)
    for u in regime.unsur:
        table = {str(s): s for s in scores}
        for s, label in zip(scores, u.answers, strict=False):
            table[label] = s
            table[label.casefold()] = s
        out.append(table)
    return out


def _lookup(table: Mapping[str, int], raw: str) -> int | None:
    hit = table.get(raw)
    if hit is None:
        hit = table.get(" ".join(raw.split()).casefold())
    return hit


def _resolve_header(
    header: Sequence[str], regime: Regime, columns: Mapping[str, str] | None, source: str
) -> tuple[list[int], dict[str, int], list[LocatedError]]:
    """Unsur column indexes (regime order), profile columns, and header errors."""
    errors: list[LocatedError] = []
    names = {normalize_header(h): u.key for u in regime.unsur for h in u.headers}
    explicit = {normalize_header(k): v for k, v in (columns or {}).items()}
    found: dict[str, int] = {}
    profile: dict[str, int] = {}
    for i, raw in enumerate(header):
        norm = normalize_header(raw)
        key: str | None = None
        if norm in explicit:
            try:
                key = regime[explicit[norm]].key
            except UnknownNameError as exc:
                errors.append(LocatedError(str(exc), source=source, row=1, field=raw))
                continue
        elif norm in names:
            key = names[norm]
        elif _CODE_RE.fullmatch(norm):
            errors.append(
                LocatedError(
                    f"{raw.strip()!r} looks like a question code; map it to an unsur explicitly "
                    f"(e.g. columns={{{raw.strip()!r}: 'persyaratan'}} or --map "
                    f"{raw.strip()}=persyaratan): questionnaires and the regulation order "
                    "unsur 8 and 9 differently",
                    source=source,
                    row=1,
                    field=raw,
                )
            )
            continue
        if key is None:
            if norm in DEMOGRAPHIC_COLUMNS:
                profile[DEMOGRAPHIC_COLUMNS[norm]] = i
            continue
        if key in found:
            errors.append(
                LocatedError(
                    f"a second column for unsur {key!r} (the first is "
                    f"{header[found[key]].strip()!r})",
                    source=source,
                    row=1,
                    field=raw,
                )
            )
            continue
        found[key] = i
    for u in regime.unsur:
        if u.key not in found:
            accepted = ", ".join(repr(h) for h in u.headers)
            errors.append(
                LocatedError(
                    f"no column for unsur {u.key!r}; accepted headers: {accepted}",
                    source=source,
                    row=1,
                )
            )
    return [found.get(k, -1) for k in regime.keys], profile, errors


def _expected(regime: Regime) -> str:
    return f"expected a score {regime.scale_minimum}-{regime.scale_maximum} or an answer label"


class _Reader:
    """Accumulates one file: pooled sums, group sums, profile counts and errors."""

    def __init__(
        self,
        regime: Regime,
        header: Sequence[str],
        *,
        idx: list[int],
        by: list[int],
        profile: dict[str, int],
        source: str,
        missing: MissingPolicy,
    ) -> None:
        self.regime, self.header, self.idx, self.by = regime, list(header), idx, by
        self.profile_idx, self.source, self.missing = profile, source, missing
        self.allowed = _allowed(regime)
        self.width = len(header)
        n = len(idx)
        self.totals, self.answered = [0] * n, [0] * n
        self.respondents = self.dropped = 0
        self.groups: list[dict[str, list[list[int]]]] = [{} for _ in by]
        self.group_n: list[Counter[str]] = [Counter() for _ in by]
        self.profile: dict[str, Counter[str]] = {k: Counter() for k in profile}
        self.errors: list[LocatedError] = []

    def feed(self, chunk: list[Sequence[str]], first_row: int) -> None:
        if not self._clean(chunk):
            chunk = self._slow(chunk, first_row)
        self._count(chunk)

    def _clean(self, chunk: list[Sequence[str]]) -> bool:
        widths = Counter(map(len, chunk))
        if len(widths) != 1 or self.width not in widths:
            return False
        for i, table in zip(self.idx, self.allowed, strict=True):
            for value in Counter(map(itemgetter(i), chunk)):
                if value not in table:
                    return False
        return True

    def _slow(self, chunk: list[Sequence[str]], first_row: int) -> list[Sequence[str]]:
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
            for i, table in zip(self.idx, self.allowed, strict=True):
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
                        f"{raw!r} is not an answer; {_expected(self.regime)}"
                        f" ({', '.join(repr(a) for a in self._labels(i))})",
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

    def _count(self, chunk: list[Sequence[str]]) -> None:
        if not chunk:
            return
        self.respondents += len(chunk)
        for j, (i, table) in enumerate(zip(self.idx, self.allowed, strict=True)):
            for value, count in Counter(map(itemgetter(i), chunk)).items():
                score = table.get(value)
                if score is not None:
                    self.totals[j] += score * count
                    self.answered[j] += count
        for name, i in self.profile_idx.items():
            self.profile[name].update(v.strip() for v in map(itemgetter(i), chunk))
        n = len(self.idx)
        for g, gi in enumerate(self.by):
            keys = [v.strip() for v in map(itemgetter(gi), chunk)]
            self.group_n[g].update(keys)
            for j, (i, table) in enumerate(zip(self.idx, self.allowed, strict=True)):
                for (key, value), count in Counter(
                    zip(keys, map(itemgetter(i), chunk), strict=True)
                ).items():
                    score = table.get(value)
                    if score is None:
                        continue
                    sums = self.groups[g].setdefault(key, [[0] * n, [0] * n])
                    sums[0][j] += score * count
                    sums[1][j] += count

    def survey(self, by_names: list[str]) -> Survey:
        if self.errors:
            raise DataFileError.from_errors(self.source, self.errors)
        keys = self.regime.keys
        tally = Tally(
            keys=keys,
            totals=self.totals,
            answered=self.answered,
            respondents=self.respondents,
            dropped=self.dropped,
        )
        groups = {
            name: {
                key: Tally(
                    keys=keys, totals=sums[0], answered=sums[1], respondents=self.group_n[g][key]
                )
                for key, sums in sorted(self.groups[g].items())
            }
            for g, name in enumerate(by_names)
        }
        return Survey(
            regime=self.regime,
            source=self.source,
            tally=tally,
            groups=groups,
            profile={k: dict(sorted(v.items())) for k, v in self.profile.items()},
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
) -> Survey:
    """Tally text records under a header (the engine behind every reader).

    Args:
        header: Column headers; unsur columns are found by name or alias.
        records: Rows of cell text, in file order (row 2 is the first record).
        source: File name for error messages.
        regime: The regime (default Permenpan RB 14/2017).
        columns: Explicit header -> unsur (key, name or alias), e.g. ``{"U8": "sarana"}``.
        missing: Policy for blank answers (:class:`MissingPolicy` or its value).
        by: Columns to break the IKM down by (e.g. ``"Layanan"``).

    Raises:
        DataFileError: Every bad header and every bad cell, located, together.
        UnknownNameError: A ``by`` column is not in the header.
    """
    regime = regime or load_regime()
    policy = MissingPolicy(missing)
    idx, profile, errors = _resolve_header(header, regime, columns, source)
    if errors:
        raise DataFileError.from_errors(source, errors)
    norm = [normalize_header(h) for h in header]
    by_idx = []
    for name in by:
        if normalize_header(name) not in norm:
            msg = f"no column {name!r} in {source}; columns: {', '.join(h.strip() for h in header)}"
            raise UnknownNameError(msg)
        by_idx.append(norm.index(normalize_header(name)))
    reader = _Reader(
        regime, header, idx=idx, by=by_idx, profile=profile, source=source, missing=policy
    )
    it = iter(records)
    row = 2
    while chunk := list(islice(it, _CHUNK)):
        reader.feed(chunk, row)
        row += len(chunk)
    return reader.survey([header[i].strip() for i in by_idx])


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(
    path: str | Path,
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
) -> Survey:
    """Read a CSV of respondents, one row per questionnaire, one column per unsur.

    The delimiter (``,``, ``;`` or tab) is taken from the header line unless given.
    See :func:`read_records` for the other arguments.

    Raises:
        DataFileError: Every bad header and cell, located (``file: row N, column "X"``).
    """
    p = Path(path)
    with p.open(newline="", encoding=encoding) as fh:
        first = fh.readline()
        fh.seek(0)
        rows: Iterator[list[str]] = csv.reader(fh, delimiter=delimiter or _delimiter(first))
        header = next(rows, None)
        if header is None:
            err = LocatedError("the file is empty; expected a header row", source=str(p), row=1)
            raise DataFileError.from_errors(str(p), [err])
        return read_records(
            header, rows, source=str(p), regime=regime, columns=columns, missing=missing, by=by
        )


def cell_text(value: object) -> str:
    """A cell value as text: ints as digits, integral floats without ``.0``, None blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return repr(value)  # never a score
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def from_rows(
    rows: Iterable[Mapping[str, object]],
    *,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: Sequence[str] = (),
    source: str = "<rows>",
) -> Survey:
    """Tally plain rows (mappings of header -> value), e.g. from a web form or a database.

    Integer scores and answer labels are accepted; ``None`` is a blank; ``True`` or
    ``3.5`` are errors. The header is the union of the keys, in first-seen order.

    Examples:
        >>> s = from_rows(
        ...     [
        ...         {
        ...             "Persyaratan": 4,
        ...             "Prosedur": 3,
        ...             "Waktu": 4,
        ...             "Biaya": 4,
        ...             "Produk": 3,
        ...             "Kompetensi": 4,
        ...             "Perilaku": 4,
        ...             "Sarana dan Prasarana": 3,
        ...             "Penanganan Pengaduan": "Tidak ada",
        ...         }
        ...     ]
        ... )
        >>> s.tally.totals
        (4, 3, 4, 4, 3, 4, 4, 1, 3)
    """
    materialised = list(rows)
    header: dict[str, None] = {}
    for r in materialised:
        header.update(dict.fromkeys(r))
    names = list(header)
    records = ([cell_text(r.get(h)) for h in names] for r in materialised)
    return read_records(
        names, records, source=source, regime=regime, columns=columns, missing=missing, by=by
    )
