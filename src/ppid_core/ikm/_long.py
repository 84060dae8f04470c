"""The long layout: one row per answer (respondent, question, score), as SKM apps store it.

``id_responden, no_pertanyaan, nilai`` (and any other columns: a service, a date, the
respondent's profile) is read into the same survey as the wide file with one row per
respondent and one column per unsur; a Hypothesis law checks it. The question cell is a
question number (``8``), a code (``U8``), an unsur's key or name, or a question's text,
read as headers are read (`ppid_core.ikm._questions`); the score cell is an answer as in a
wide file (a score, a label, a decorated label).

Refused, each with its row and column:

- a question no unsur of the regime has, a cell that is not an answer;
- a respondent answering a question twice (both rows named);
- a profile column (jenis kelamin, pendidikan, ...), the date column or a ``by`` column
  that differs between the rows of one respondent (both values named): it describes the
  respondent, so it is the same on each of their rows;
- a respondent without an answer to some question, unless a policy for incomplete
  questionnaires is chosen (``per_unsur``: not answered; ``drop``: the respondent is left
  out and counted as dropped).

Another column that differs between a respondent's rows (an answer's own id or time) is
not kept for breakdowns, and a note says so.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import N_, _
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._answers import Answers
from ppid_core.ikm._columns import NOT_ANSWERED
from ppid_core.ikm._header import kept_columns, shown_cell
from ppid_core.ikm._notes import Note
from ppid_core.ikm._plan import ColumnPlan
from ppid_core.ikm._questions import Match, Questions, shown_header
from ppid_core.ikm._reader import MissingPolicy, Reader, not_an_answer
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._regime_parts import Unsur
from ppid_core.ikm._survey import Survey

__all__ = ["LongReader"]

_BLANK = (
    "blank answer; expected a score {low}-{high} or an answer label (or choose a policy for "
    "incomplete questionnaires: per_unsur or drop)"
)


#: The most spellings of a column's cells kept to code them without stripping each.
_RAW_LIMIT = 1 << 16
#: A score byte as a wide file's cell: its digits, or blank for one not answered.
_SCORE_TEXT = [str(s) for s in range(256)]
_SCORE_TEXT[NOT_ANSWERED] = ""
#: A score byte -> 1 when it is not answered, else 0.
_BLANK_FLAG = bytes(int(b == NOT_ANSWERED) for b in range(256))


def _positions(flags: bytes, flag: int = 1) -> Iterator[int]:
    """The positions of ``flags`` whose byte is ``flag`` (``bytes.find``, at C speed)."""
    needle = bytes([flag])
    at = flags.find(needle)
    while at >= 0:
        yield at
        at = flags.find(needle, at + 1)


def _question(u: Unsur) -> str:
    if u.question_number is not None:
        return f"question {u.question_number} ({u.name})"
    return f"unsur {u.name}"


class _Column:
    """A column carried per respondent: the code of its value on the respondent's rows."""

    def __init__(self, at: int, strict: str | None) -> None:
        self.at = at
        self.strict = strict  # what the column is, when it must not vary; else None
        self.index: dict[str, int] = {}  # stripped text -> code
        self.raw: dict[str, int] = {}  # cell as written -> code (a cache)
        self.labels: list[str] = []
        self.codes = array("I")
        self.varies: tuple[int, int] | None = None  # two rows of a respondent that differ

    def code(self, text: str) -> int:
        """The code of a cell (its text stripped), a new one for a new text."""
        code = self.raw.get(text)
        if code is None:
            value = text.strip()
            code = self.index.get(value)
            if code is None:
                code = self.index[value] = len(self.labels)
                self.labels.append(value)
            if len(self.raw) < _RAW_LIMIT:
                self.raw[text] = code
        return code


class LongReader:
    """Accumulates a long-layout file, then reads its respondents as a wide file."""

    def __init__(
        self,
        plan: ColumnPlan,
        *,
        regime: Regime,
        questions: Questions,
        source: str,
        missing: MissingPolicy,
        by_idx: Sequence[int],
    ) -> None:
        self.plan, self.regime, self.questions = plan, regime, questions
        self.source, self.missing = source, missing
        self.header = list(plan.header)
        self.width = len(self.header)
        self.who, self.what, self.score_at = (
            plan.roles["respondent"],
            plan.roles["question"],
            plan.roles["score"],
        )
        for i in by_idx:
            if i in {self.what, self.score_at}:
                msg = _(
                    "column {value!r} of {source} is the {value2} "
                    "column of a long layout; it cannot "
                    "group respondents"
                ).format(
                    value=self.header[i].strip(),
                    source=source,
                    value2="question" if i == self.what else "score",
                )
                raise UnknownNameError(msg)
        self.answers = Answers(regime)
        strict = {i: f"{f.replace('_', ' ')}" for f, i in plan.profile.items()}
        if plan.date is not None:
            strict[plan.date] = "date"
        strict.update({i: self.header[i].strip() for i in by_idx})
        self.keep = kept_columns(self.header, (self.what, self.score_at), by_idx)
        if plan.date is not None:
            self.keep[plan.date] = True
        carried = sorted({*self.keep, *strict} - {self.who})
        self.columns = [_Column(i, strict.get(i)) for i in carried]
        self.ids = _Column(self.who, None)
        self.first_row = array("I")
        n = len(regime.unsur)
        self.rows = [array("I") for _ in range(n)]  # per unsur and respondent: its row
        self.scores = [bytearray() for _ in range(n)]
        self.errors: list[LocatedError] = []
        self.notes: dict[str, None] = dict.fromkeys(plan.notes)
        self._questions: dict[str, int | str] = {}
        self._used: set[str] = set()

    def feed(self, chunk: Sequence[Sequence[str]], first_row: int) -> None:
        """Read a chunk of answer rows (row numbers from ``first_row``).

        The loop is the reader's hot path (a million respondents are nine million rows):
        each row costs a few dictionary lookups, and only a row with something to report
        leaves it.
        """
        width, who_at, what_at, score_at = self.width, self.who, self.what, self.score_at
        questions, tables, ids = self._questions, self.answers.tables, self.ids.index
        rows, scores, columns = self.rows, self.scores, self.columns
        for n, row in enumerate(chunk, start=first_row):
            who = row[who_at].strip() if len(row) == width else ""
            if not who:
                self._shape(row, n)
                continue
            text = row[what_at]
            j = questions.get(text)
            if j is None:
                j = self._unsur(text)
            if isinstance(j, str):
                self._err(n, what_at, j)
                continue
            score = tables[j].get(row[score_at])
            if score is None:
                score = self._score(j, row[score_at], n)
            k = ids.get(who)
            if k is None:
                k = self._new(who, row, n)
            elif columns:
                self._same(k, who, row, n)
            before = rows[j][k]
            if before:
                self._twice(j, who, before, n)
                continue
            rows[j][k] = n
            scores[j][k] = score

    def _shape(self, row: Sequence[str], n: int) -> None:
        """The error of a row of the wrong width, an empty row or a blank respondent."""
        if not any(c.strip() for c in row):
            self._err(n, None, _("empty row; delete it or fill it in"))
        elif len(row) != self.width:
            self._err(
                n,
                None,
                _("{count} cells; the header has {width}").format(count=len(row), width=self.width),
            )
        else:
            self._err(
                n, self.who, _("blank respondent; each row of a long layout names its respondent")
            )

    def _score(self, j: int, raw: str, n: int) -> int:
        """The score of a cell the table lacks: a decorated label, else a blank (not
        answered, or an error under ``refuse``) or an error."""
        score = self.answers.score(j, raw)
        if score is not None:
            return score
        if raw.strip():
            self._err(
                n, self.score_at, not_an_answer(self.answers, j, raw, self.header[self.score_at])
            )
        elif self.missing is MissingPolicy.REFUSE:
            low, high = self.regime.scale_minimum, self.regime.scale_maximum
            self._err(n, self.score_at, _BLANK.format(low=low, high=high))
        return NOT_ANSWERED

    def _twice(self, j: int, who: str, before: int, n: int) -> None:
        u = self.regime.unsur[j]
        self._err(
            n,
            self.what,
            _(
                "respondent {value} answers {value2} twice: rows {before} and {n}; keep one of "
                "the rows"
            ).format(value=self._shown(who), value2=_question(u), before=before, n=n),
        )

    def _new(self, who: str, row: Sequence[str], n: int) -> int:
        """A respondent met for the first time (in row ``n``)."""
        k = self.ids.code(who)
        self.first_row.append(n)
        for rows in self.rows:
            rows.append(0)
        for scores in self.scores:
            scores.append(NOT_ANSWERED)
        for column in self.columns:
            column.codes.append(column.code(row[column.at]))
        return k

    def _same(self, k: int, who: str, row: Sequence[str], n: int) -> None:
        """Check that the carried columns of row ``n`` are those of respondent ``k``."""
        for column in self.columns:
            code = column.code(row[column.at])
            if code == column.codes[k]:
                continue
            first = self.first_row[k]
            if column.strict is None:
                column.varies = column.varies or (first, n)
                continue
            head = self.header[column.at]
            self._err(
                n,
                column.at,
                _(
                    "respondent {value} has {value2} here but {value3} in row {first}; a "
                    "respondent's {strict} is the same on each of their rows"
                ).format(
                    value=self._shown(who),
                    value2=shown_cell(column.labels[code], head),
                    value3=shown_cell(column.labels[column.codes[k]], head),
                    first=first,
                    strict=column.strict,
                ),
            )

    def _shown(self, who: str) -> str:
        return shown_cell(who, self.header[self.who])

    def _unsur(self, text: str) -> int | str:
        """The unsur a question cell names (its index), or why it names none."""
        if text not in self._questions:
            self._questions[text] = self._read_question(text)
        return self._questions[text]

    def _read_question(self, text: str) -> int | str:
        folded = fold(text)
        head = self.header[self.what].strip()
        if folded in self.plan.values:
            self._used.add(folded)
            try:
                u = self.regime[self.plan.values[folded]]
            except UnknownNameError as exc:
                return str(exc)
            note = Note(
                N_("{head} {value} → {name} (as mapped)"),
                head=head,
                value=shown_header(text),
                name=u.name,
            )
            self.notes[note] = None
            return self.regime.keys.index(u.key)
        match = self.questions.match(text, numbers=True)
        if isinstance(match, Match):
            if match.note:
                self.notes[Note(N_("{head} {note}"), head=head, note=match.note)] = None
            return self.regime.keys.index(match.key)
        if isinstance(match, str):
            return f"{match}; map it to an unsur (columns={{{text.strip()!r}: 'persyaratan'}})"
        numbers = sorted(self.questions.numbers)
        span = f"a question number ({numbers[0]}-{numbers[-1]}), a code (U1), " if numbers else ""
        return (
            f"{shown_cell(text, head)} is not a question of regime {self.regime.key}; expected "
            f"{span}an unsur's name or a question's text"
        )

    def _err(self, row: int, col: int | None, message: str) -> None:
        field = self.header[col].strip() if col is not None else None
        self.errors.append(LocatedError(message, source=self.source, row=row, field=field))

    def _blanks(self) -> tuple[bytes, bytes]:
        """Per respondent, one byte each: whether some unsur is not answered (no row, or a
        blank answer), and whether none is. Computed a whole unsur at a time."""
        n = len(self.first_row)
        some, every = 0, (1 << (8 * n)) - 1
        for scores in self.scores:
            flags = int.from_bytes(bytes(scores).translate(_BLANK_FLAG), "little")
            some |= flags
            every &= flags
        return some.to_bytes(n, "little"), every.to_bytes(n, "little")

    def _check_respondents(self, some: bytes, every: bytes) -> None:
        """The errors of respondents that may not miss an answer: every unsur under
        ``refuse`` (one row per question), at least one under ``per_unsur``."""
        if self.missing is MissingPolicy.REFUSE:
            for k in _positions(some):
                missing = sorted(
                    (
                        u
                        for u, rows in zip(self.regime.unsur, self.rows, strict=True)
                        if not rows[k]
                    ),
                    key=lambda u: (u.question_number is None, u.question_number or 0),
                )
                if missing:  # else a blank answer, reported at its row
                    self._err(
                        self.first_row[k],
                        self.what,
                        _(
                            "respondent {value} has no answer to {names}; a "
                            "long layout has one row per "
                            "question (or choose a policy for incomplete "
                            "questionnaires: per_unsur or drop)"
                        ).format(
                            value=self._shown(self.ids.labels[k]),
                            names=", ".join(_question(u) for u in missing),
                        ),
                    )
        elif self.missing is MissingPolicy.PER_UNSUR:
            for k in _positions(every):
                self._err(
                    self.first_row[k],
                    None,
                    _(
                        "respondent {value}: no unsur answered; a questionnaire needs at least one"
                    ).format(value=self._shown(self.ids.labels[k])),
                )

    def survey(
        self, by: Sequence[str], *, header_row: str = "", notes: Sequence[str] = ()
    ) -> Survey:
        """The respondents read, as a survey; or every error of the file together.

        The respondents (in the order they first appear) are counted as the rows of a wide
        file would be: one per respondent, its answers as scores, a blank for an unsur not
        answered; under ``drop`` those with a blank are left out and counted as dropped.

        Raises:
            DataFileError: The errors met, located.
            UnknownNameError: A ``columns`` key names neither a column nor a question met.
        """
        some, every = self._blanks()
        self._check_respondents(some, every)
        if self.errors:
            raise DataFileError.from_errors(self.source, self.errors)
        unused = [k for k in self.plan.values if k not in self._used]
        if unused:
            msg = _("columns: no column or question {names} in {source}; columns: {names2}").format(
                names=", ".join(map(repr, unused)),
                source=self.source,
                names2=", ".join(h.strip() for h in self.header),
            )
            raise UnknownNameError(msg)
        carried = [self.ids, *self.columns]
        for c in self.columns:
            if c.varies is not None:
                first, second = c.varies
                note = Note(
                    N_(
                        "column {column!r} differs between the rows of a respondent "
                        "(rows {first} and {second}): not kept for breakdowns"
                    ),
                    column=self.header[c.at].strip(),
                    first=first,
                    second=second,
                )
                self.notes[note] = None
        position = {c.at: p for p, c in enumerate(carried)}
        base = len(carried)
        reader = Reader(
            self.regime,
            [self.header[c.at] for c in carried] + [u.name for u in self.regime.unsur],
            idx=list(range(base, base + len(self.regime.unsur))),
            keep={
                position[i]: required
                for i, required in self.keep.items()
                if i in position and self._steady(i)
            },
            profile={f: position[i] for f, i in self.plan.profile.items()},
            source=self.source,
            missing=self.missing,
        )
        kept = list(range(len(self.first_row)))
        if self.missing is MissingPolicy.DROP:
            kept = list(_positions(some, flag=0))
        reader.feed_columns(
            [[c.labels[code] for code in c.codes] for c in self.columns]
            + [[_SCORE_TEXT[s] for s in scores] for scores in self.scores],
            ids=self.ids.labels,
            kept=kept,
        )
        date = None if self.plan.date is None else position[self.plan.date]
        if date is not None:
            reader.rows = array("I", map(self.first_row.__getitem__, kept))
        survey = reader.survey(
            by, header_row=header_row, layout="long", notes=[*notes, *self.notes], date=date
        )
        responses = attrs.evolve(survey.responses, header=tuple(h.strip() for h in self.header))
        return attrs.evolve(survey, responses=responses)

    def _steady(self, at: int) -> bool:
        if at == self.who:
            return True
        return next(c for c in self.columns if c.at == at).varies is None
