"""What each column of a survey file holds, and where its header is.

A survey's header is found as every reader finds one
([`find_header()`][ppid_core._headers.find_header]): below title rows and blank rows, over
one row or two (a merged group cell over its sub-columns), names folded. Its score is the
number of things it names: unsur (by name, question code or question text), profile
columns, the date column, the three columns of a long layout, and the columns mapped
with ``columns=``.

Each column is then one of:

- an **unsur** (see `ppid_core.ikm._questions` for names, codes and texts);
- a **profile** column (jenis kelamin, pendidikan, pekerjaan, usia, layanan);
- the **date** column (``Timestamp``, ``Cap waktu``, ``Tanggal``, ``Tanggal Survei``, ...):
  kept for every respondent, whatever its number of values;
- in a **long layout** (one row per answer), the respondent, the question and the score;
- any other column (kept for breakdowns when it has few values).

Two columns naming one unsur, one profile column or one column of the long layout make
an ambiguous header: an error naming both, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ppid_core._headers import HeaderRow, find_header, fold
from ppid_core._i18n import N_, _
from ppid_core.errors import LocatedError, UnknownNameError
from ppid_core.ikm._header import DEMOGRAPHIC_COLUMNS, shown_headers
from ppid_core.ikm._notes import Note
from ppid_core.ikm._questions import Match, Questions, shown_header
from ppid_core.ikm._regime import Regime

__all__ = [
    "DATE_HEADERS",
    "LAYOUTS",
    "ROLE_HEADERS",
    "ColumnPlan",
    "Planner",
    "layout_of",
]

#: The layouts a survey file may have: one row per questionnaire, or one row per answer.
LAYOUTS = ("wide", "long")

#: Headers of the date column (folded): Google Forms' ``Timestamp`` (``Cap waktu`` in
#: Indonesian), and the date columns of SKM apps and worksheets.
DATE_HEADERS = (
    "timestamp", "cap waktu", "tanggal", "tgl", "tanggal survei", "tanggal survey",
    "tgl survei", "tanggal pengisian", "tgl pengisian", "waktu pengisian", "tanggal isi",
    "date", "submitted at", "created at",
)  # fmt: skip

#: Headers (folded) of the columns of a long layout, per role.
ROLE_HEADERS: Mapping[str, tuple[str, ...]] = {
    "respondent": (
        "id responden", "responden id", "no responden", "nomor responden", "kode responden",
        "responden", "id respondent", "respondent id", "respondent",
    ),
    "question": (
        "no pertanyaan", "nomor pertanyaan", "pertanyaan", "id pertanyaan", "kode pertanyaan",
        "no soal", "soal", "unsur", "kode unsur", "id unsur", "question", "question id",
    ),
    "score": ("nilai", "skor", "score", "jawaban", "nilai jawaban", "skor jawaban"),
}  # fmt: skip
_ROLE_WORDS = {
    "respondent": "the respondent column of a long layout",
    "question": "the question column of a long layout",
    "score": "the score column of a long layout",
}
_BY_HEADER = {
    **{h: ("role", r) for r, hs in ROLE_HEADERS.items() for h in hs},
    **dict.fromkeys(DATE_HEADERS, ("date", "date")),
    **{h: ("profile", f) for h, f in DEMOGRAPHIC_COLUMNS.items()},
}


def layout_of(layout: str | None) -> str | None:
    """The layout asked for (``None`` to detect it).

    Raises:
        UnknownNameError: Not ``"wide"``, ``"long"`` or ``None``.
    """
    if layout is None or layout in LAYOUTS:
        return layout
    msg = _("unknown layout {layout!r}; use one of {names} (or none, to detect it)").format(
        layout=layout, names=", ".join(LAYOUTS)
    )
    raise UnknownNameError(msg)


@attrs.frozen(kw_only=True)
class _Seen:
    """One column's reading: what it holds and how it was recognised."""

    kind: str  # "unsur", "profile", "date", "role"
    target: str  # unsur key, profile field, "date", role name
    how: str  # for messages: "its name", "question 8 of ...", "as mapped", ...
    note: str = ""
    sub: bool = False  # read from the lower part of a two-row name only


@attrs.frozen
class _Bad:
    """A header that cannot be read: a code of no question, or a ``columns=`` target that
    names nothing (``plain``: its message says all)."""

    message: str
    plain: bool = False


@attrs.frozen(kw_only=True)
class ColumnPlan:
    """What each column of a survey file holds.

    Attributes:
        header: The column names (a two-row header's joined as ``"group / sub"``).
        header_row: The file's row number of the (first) header row.
        layout: ``"wide"`` or ``"long"``.
        unsur: Per unsur (regime order), its column, or -1 (a wide file lacks it).
        profile: Profile field -> column.
        date: The date column, or ``None``.
        roles: Long layout: ``respondent``, ``question`` and ``score`` -> column.
        values: Long layout: question cell (folded) -> unsur key, from ``columns=``.
        notes: What the reading assumed (code mappings, texts matched).
        errors: The header's problems, located.
    """

    header: tuple[str, ...]
    header_row: int
    layout: str
    unsur: tuple[int, ...]
    profile: Mapping[str, int]
    date: int | None
    roles: Mapping[str, int]
    values: Mapping[str, str]
    notes: tuple[str, ...]
    errors: tuple[LocatedError, ...]


class Planner:
    """Reads headers against a regime and the ``columns`` mapping."""

    def __init__(
        self, regime: Regime, columns: Mapping[str, str] | None, layout: str | None
    ) -> None:
        self.regime = regime
        self.questions = Questions(regime)
        self.layout = layout_of(layout)
        self.explicit = {fold(k): (k, v) for k, v in (columns or {}).items()}
        self._seen: dict[str, _Seen | _Bad | None] = {}

    def score(self, names: Sequence[str]) -> int:
        """How well ``names`` fit as a header: twice the number of things they name (unsur,
        profile and date columns, long-layout columns, mapped columns), less one when
        some are named only by the lower part of a two-row name, so that a title row
        above a header (which joins with it like a merged group) loses the tie to the
        header alone."""
        found = set()
        sub = False
        for name in names:
            seen = self._read(name)
            if isinstance(seen, _Seen):
                found.add((seen.kind, seen.target))
                sub = sub or seen.sub
        return 2 * len(found) - sub

    def detect(self, rows: Sequence[Sequence[str]]) -> HeaderRow | None:
        """The header among the first rows, or the first non-blank row when none scores
        (its problems are then reported), or ``None`` when every row is blank."""
        found = find_header(rows, self.score)
        if found is not None:
            return found
        for i, row in enumerate(rows):
            if any(c.strip() for c in row):
                return HeaderRow(first=i, count=1, names=tuple(c.strip() for c in row))
        return None

    def _read(self, name: str) -> _Seen | _Bad | None:
        if name not in self._seen:
            self._seen[name] = self._classify(name)
        return self._seen[name]

    def _classify(self, raw: str) -> _Seen | _Bad | None:
        """What one header names; a message when it is a code of no question.

        A two-row name (``"group / sub"``) is read whole first, then by its sub-column.
        """
        if not fold(raw):
            return None
        group, joined, sub = raw.rpartition(" / ")
        mapped = self._explicit(raw) or (self._explicit(sub) if joined else None)
        if mapped is not None:
            return mapped
        seen = self._named(raw)
        if joined and (seen is None or not fold(group)):
            seen = self._named(sub)
            if isinstance(seen, _Seen):
                seen = attrs.evolve(seen, sub=True)
        return seen

    def _explicit(self, name: str) -> _Seen | _Bad | None:
        found = self.explicit.get(fold(name))
        return None if found is None else self._mapped(name, found[1])

    def _keys(self, raw: str) -> set[str]:
        """The ``columns`` keys a header uses (whole or by its sub-column)."""
        _, joined, sub = raw.rpartition(" / ")
        names = [raw, sub] if joined else [raw]
        return {fold(name) for name in names} & self.explicit.keys()

    def _named(self, raw: str) -> _Seen | _Bad | None:
        folded = fold(raw)
        keys = self.questions.names.get(folded, set())
        if len(keys) == 1:
            return _Seen(kind="unsur", target=next(iter(keys)), how="its name")
        if folded in _BY_HEADER:
            kind, target = _BY_HEADER[folded]
            return _Seen(kind=kind, target=target, how="its name")
        match = self.questions.match(raw)
        if isinstance(match, Match):
            how = {
                "name": "its name",
                "code": f"question {match.number} of {self.questions.questionnaire}",
                "question": "its question text",
            }[match.how]
            return _Seen(kind="unsur", target=match.key, how=how, note=match.note)
        return None if match is None else _Bad(match)

    def _mapped(self, key: str, target: str) -> _Seen | _Bad:
        """A column named in ``columns``: an unsur, a profile field, ``date`` or a role."""
        try:
            u = self.regime[target]
        except UnknownNameError as exc:
            wanted = fold(target).replace(" ", "_")
            if wanted in ROLE_HEADERS:
                return _Seen(kind="role", target=wanted, how="as mapped")
            if wanted == "date":
                return _Seen(kind="date", target="date", how="as mapped")
            if wanted in DEMOGRAPHIC_COLUMNS.values():
                return _Seen(kind="profile", target=wanted, how="as mapped")
            return _Bad(str(exc), plain=True)
        note = Note(N_("{header} → {name} (as mapped)"), header=shown_header(key), name=u.name)
        return _Seen(kind="unsur", target=u.key, how="as mapped", note=note)

    def plan(self, found: HeaderRow, source: str, *, row_offset: int = 1) -> ColumnPlan:
        """The plan of the header ``found`` (rows numbered from ``row_offset``).

        Raises:
            UnknownNameError: A ``columns`` key names no column of a wide file.
        """
        header = found.names
        row = found.first + row_offset
        errors: list[LocatedError] = []
        notes: list[str] = []
        taken: dict[tuple[str, str], list[tuple[int, _Seen]]] = {}
        used: set[str] = set()
        for i, raw in enumerate(header):
            seen = self._read(raw)
            used |= self._keys(raw)
            if isinstance(seen, _Bad):
                errors.append(self._bad_column(seen, raw, source, row))
            elif seen is not None:
                taken.setdefault((seen.kind, seen.target), []).append((i, seen))
        if ("date", "date") in taken:  # a date column named in columns= comes first
            taken["date", "date"].sort(key=lambda col: col[1].how != "as mapped")
        layout = self._layout(taken)
        if layout == "long":  # unsur named in a long file are other columns
            taken = {k: v for k, v in taken.items() if k[0] != "unsur"}
        for (kind, target), cols in taken.items():
            if len(cols) > 1 and kind != "date":
                errors.extend(
                    self._ambiguous(
                        header, cols=cols, kind=kind, target=target, source=source, row=row
                    )
                )
            notes.extend(seen.note for _, seen in cols[:1] if seen.note)
        dates = taken.get(("date", "date"), [])
        if len(dates) > 1:
            others = ", ".join(repr(header[i]) for i, _ in dates[1:])
            notes.append(
                Note(
                    N_(
                        "date column: {column!r} (the first of several; also {others}); "
                        "choose another with columns={{HEADER: 'date'}}"
                    ),
                    column=header[dates[0][0]],
                    others=others,
                )
            )
        values = {}
        unused = [k for k in self.explicit if k not in used]
        if layout == "long":
            values = {k: self.explicit[k][1] for k in unused}
        elif unused:
            names = ", ".join(repr(self.explicit[k][0]) for k in unused)
            msg = _("columns: no column {names} in {source}; columns: {value}").format(
                names=names, source=source, value=shown_headers(header)
            )
            raise UnknownNameError(msg)
        first = {k: cols[0][0] for k, cols in taken.items()}
        unsur = tuple(first.get(("unsur", k), -1) for k in self.regime.keys)
        roles = {t: i for (k, t), i in first.items() if k == "role"}
        if layout == "wide":
            errors.extend(self._missing_unsur(unsur, source, row))
        else:
            errors.extend(self._missing_roles(roles, source, row))
        return ColumnPlan(
            header=header,
            header_row=row,
            layout=layout,
            unsur=unsur,
            profile={t: i for (k, t), i in first.items() if k == "profile"},
            date=first.get(("date", "date")),
            roles=roles,
            values=values,
            notes=tuple(notes),
            errors=tuple(errors),
        )

    def _layout(self, taken: Mapping[tuple[str, str], object]) -> str:
        if self.layout is not None:
            return self.layout
        roles = {t for k, t in taken if k == "role"}
        unsur = any(k == "unsur" for k, _ in taken)
        return "long" if roles == set(ROLE_HEADERS) and not unsur else "wide"

    @staticmethod
    def _bad_column(bad: _Bad, raw: str, source: str, row: int) -> LocatedError:
        if bad.plain:
            return LocatedError(bad.message, source=source, row=row, field=raw)
        code = shown_header(raw)
        return LocatedError(
            _(
                "{message}; map the column to an unsur (e.g. columns={{{code!r}: 'persyaratan'}} "
                "or --map {code}=persyaratan), or remove it"
            ).format(message=bad.message, code=code),
            source=source,
            row=row,
            field=raw,
        )

    def _ambiguous(
        self,
        header: Sequence[str],
        *,
        cols: list[tuple[int, _Seen]],
        kind: str,
        target: str,
        source: str,
        row: int,
    ) -> list[LocatedError]:
        if kind == "unsur":
            what = f"unsur {target!r} ({self.questions.unsur(target).name})"
            advice = "--map HEADER=UNSUR"
        elif kind == "profile":
            what = f"the profile column {target!r}"
            advice = "--map HEADER=FIELD"
        else:
            what = _ROLE_WORDS[target]
            advice = "--map HEADER=ROLE"
        i, first = cols[0]
        out = []
        for j, seen in cols[1:]:
            message = _(
                "ambiguous header: columns {value!r} ({how}) and {value2!r} ({how2}) both name "
                "{what}; keep one of them, or say which is which with columns= ({advice})"
            ).format(
                value=shown_header(header[i]),
                how=first.how,
                value2=shown_header(header[j]),
                how2=seen.how,
                what=what,
                advice=advice,
            )
            out.append(LocatedError(message, source=source, row=row, field=header[j]))
        return out

    def _missing_unsur(self, unsur: Sequence[int], source: str, row: int) -> list[LocatedError]:
        out = []
        for u, column in zip(self.regime.unsur, unsur, strict=True):
            if column >= 0:
                continue
            accepted = ", ".join(repr(h) for h in u.headers)
            if u.question_number is not None:
                accepted += f", the code U{u.question_number}"
                if u.question:
                    accepted += f" or the text of question {u.question_number}"
            out.append(
                LocatedError(
                    _("no column for unsur {key!r}; accepted headers: {accepted}").format(
                        key=u.key, accepted=accepted
                    ),
                    source=source,
                    row=row,
                )
            )
        return out

    @staticmethod
    def _missing_roles(roles: Mapping[str, int], source: str, row: int) -> list[LocatedError]:
        out = []
        for role, headers in ROLE_HEADERS.items():
            if role not in roles:
                accepted = ", ".join(repr(h.replace(" ", "_")) for h in headers[:4])
                out.append(
                    LocatedError(
                        _(
                            "no column for {ROLE_WORDS}; accepted headers: "
                            "{accepted}, ... (or map one with "
                            "columns={{HEADER: {role!r}}})"
                        ).format(ROLE_WORDS=_ROLE_WORDS[role], accepted=accepted, role=role),
                        source=source,
                        row=row,
                    )
                )
        return out
