"""A register's header: where it is, which layout names it, and the field of each column.

The header is found by the shared finder (`ppid_core._headers.find_header()`) among the
first rows of the file: title rows and blank rows above it are passed over, and a two-row
header (a merged group cell over its sub-columns) is joined into ``"group / sub"`` names.
A candidate's score is the number of distinct register fields its names give.

Each column's field comes from the caller's choice (``columns=``, ``--map COLUMN=FIELD``),
else from the layout, by its whole name (a joined name as ``"group / sub"``). A field
chosen by the caller is not also taken from the layout, so a choice settles two columns
that would both name a field. A candidate row holding the columns the caller chose comes
first, then the one naming the most fields. Without a layout named, every bundled layout
is tried and the best score wins (a tie goes to the first of ``kpu``,
``komisi-informasi``, ``e-ppid``).

A row of column numbers right below the header ("1 2 3 ... 17", or "(1) (2) ...", as
templates print them) is part of the header, not a request: it is skipped and named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from ppid_core._headers import SCAN_ROWS, HeaderRow, find_header, fold
from ppid_core._i18n import _
from ppid_core.errors import LocatedError, UnknownNameError
from ppid_core.requests._layouts import FIELD_MEANINGS, FIELDS, REQUIRED_FIELD, Layout

__all__ = [
    "HeaderMatch",
    "column_numbers",
    "duplicate_columns",
    "header_errors",
    "match_header",
    "no_header",
    "ranges",
]

_NUMBER = re.compile(r"\(?(\d{1,3})\)?")


@attrs.frozen(kw_only=True)
class HeaderMatch:
    """The header found, the layout that named it and the field of each column.

    Attributes:
        header: Where the header stands and its names (`ppid_core._headers.HeaderRow`).
        layout: The layout used.
        names: Each column's header, blanks collapsed (how messages name it).
        fields: Each column's field; ``None`` for a column that is not a field.
        accepted: For each column, the folded names a repeated header may give it (its
            own, its parts under a two-row header, and its field's other names).
        chosen: The caller's choices that named a column: ``(column, field)``.
    """

    header: HeaderRow
    layout: Layout
    names: tuple[str, ...]
    fields: tuple[str | None, ...]
    accepted: tuple[frozenset[str], ...]
    chosen: tuple[tuple[str, str], ...] = ()

    def positions(self) -> dict[str, list[int]]:
        """Every position of each field (more than one is an error)."""
        out: dict[str, list[int]] = {}
        for i, field in enumerate(self.fields):
            if field is not None:
                out.setdefault(field, []).append(i)
        return out


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _assign(
    keys: Sequence[str], layout: Layout, chosen: Mapping[str, tuple[str, str]]
) -> list[str | None]:
    """The field of each column by its whole name, folded: the caller's choice, else the
    layout's."""
    fields: list[str | None] = []
    for key in keys:
        pick = chosen.get(key)
        fields.append(pick[0] if pick else None)
    taken = set(filter(None, fields))
    for j, key in enumerate(keys):
        if fields[j] is None:
            field = layout.field_of_folded(key)
            fields[j] = field if field not in taken else None
    return fields


def _best(
    rows: Sequence[Sequence[str]],
    layouts: Sequence[Layout],
    chosen: Mapping[str, tuple[str, str]],
) -> tuple[HeaderRow, Layout] | None:
    folded: dict[str, str] = {}

    def keys(names: Sequence[str]) -> list[str]:
        return [folded.get(n) or folded.setdefault(n, fold(n)) for n in names]

    best: tuple[int, HeaderRow, Layout] | None = None
    for layout in layouts:

        def score(names: Sequence[str], layout: Layout = layout) -> int:
            # a row holding the columns the caller chose comes first, then the most fields
            names_keys = keys(names)
            found = sum(key in names_keys for key in chosen)
            return found * len(FIELDS) + len(set(filter(None, _assign(names_keys, layout, chosen))))

        found = find_header(rows, score)
        if found is not None:
            value = score(found.names)
            if best is None or value > best[0]:
                best = (value, found, layout)
    return None if best is None else (best[1], best[2])


def match_header(
    rows: Sequence[Sequence[str]],
    layouts: Sequence[Layout],
    chosen: Mapping[str, tuple[str, str]],
    *,
    source: str = "<register>",
) -> HeaderMatch | None:
    """The header among ``rows`` (the first [`SCAN_ROWS`][SCAN_ROWS] of a file), or ``None``.

    Args:
        rows: The file's first rows, as text cells.
        layouts: The layouts to try, in the order a tie is settled.
        chosen: The caller's choices, as `ppid_core.requests._layouts.check_columns()`
            gives them.

        source: The file, for the message about a chosen column it lacks.

    Raises:
        UnknownNameError: A chosen column is not in the header found (the message lists
            the header's columns).
    """
    best = _best(rows[:SCAN_ROWS], layouts, chosen)
    if best is None:
        return None
    header, layout = best
    names = [_collapsed(n) for n in header.names]
    fields = _assign([fold(n) for n in header.names], layout, chosen)
    folded = {fold(n) for n in names}
    missing = [name for key, (_, name) in chosen.items() if key not in folded]
    if missing:
        listed = ", ".join(f'"{n}"' for n in names if n)
        what = ", ".join(f'"{m}"' for m in missing)
        such = (
            _(
                "{source}: --map {what}: no such column in the header ({header}); its columns: "
                "{listed}"
            )
            if len(missing) == 1
            else _(
                "{source}: --map {what}: no such columns in the header ({header}); its columns: "
                "{listed}"
            )
        )
        msg = such.format(source=source, what=what, header=header.describe(), listed=listed)
        raise UnknownNameError(msg)
    accepted: list[frozenset[str]] = []
    for name, field in zip(names, fields, strict=True):
        own = {fold(name), *(fold(part) for part in name.split(" / "))}
        if field is not None:
            own |= {fold(a) for a in layout.fields.get(field, ())}
            own |= {key for key, (f, _) in chosen.items() if f == field}
        accepted.append(frozenset(own - {""}))
    return HeaderMatch(
        header=header,
        layout=layout,
        names=tuple(names),
        fields=tuple(fields),
        accepted=tuple(accepted),
        chosen=tuple(
            (name, field)
            for name, field in zip(names, fields, strict=True)
            if field is not None and fold(name) in chosen
        ),
    )


def header_errors(match: HeaderMatch, source: str, row: int) -> list[LocatedError]:
    """The header's own problems: two columns for one field, no column for ``received``."""
    errors: list[LocatedError] = []
    for field, at in match.positions().items():
        if len(at) > 1:
            message = duplicate_columns(field, at, match.names)
            errors.append(LocatedError(message, source=source, row=row, field=match.names[at[0]]))
    if REQUIRED_FIELD not in match.fields:
        layout = match.layout
        names = ", ".join(f'"{n}"' for n in layout.fields.get(REQUIRED_FIELD, ()))
        errors.append(
            LocatedError(
                _(
                    "missing column: {meaning} is required (layout {layout} reads it under "
                    "{names}); or name the column that holds it: --map COLUMN={field}"
                ).format(
                    meaning=FIELD_MEANINGS[REQUIRED_FIELD],
                    layout=layout.name,
                    names=names or _("no name"),
                    field=REQUIRED_FIELD,
                ),
                source=source,
                row=row,
                field=layout.first_name(REQUIRED_FIELD) or REQUIRED_FIELD,
            )
        )
    return errors


def no_header(source: str, layouts: Sequence[Layout], scanned: int) -> LocatedError:
    """The error for a file in which no row names a register field."""
    examples = ", ".join(
        f'"{layout.first_name(REQUIRED_FIELD)}" ({layout.name})'
        for layout in layouts
        if layout.first_name(REQUIRED_FIELD)
    )
    which = (
        _("layout {name}").format(name=layouts[0].name)
        if len(layouts) == 1
        else _("any register layout")
    )
    return LocatedError(
        _(
            "no header found in the first {n} rows: no row names a column of {which}; "
            "expected a header row naming at least {meaning}, e.g. {examples}; for other "
            "names: --map COLUMN=FIELD or --layout FILE"
        ).format(
            n=min(scanned, SCAN_ROWS),
            which=which,
            meaning=FIELD_MEANINGS[REQUIRED_FIELD],
            examples=examples,
        ),
        source=source,
        row=1,
    )


def duplicate_columns(field: str, positions: Sequence[int], names: Sequence[str]) -> str:
    """The message for a field that several columns name.

    >>> message = duplicate_columns("email", [7, 9], ["No"] * 7 + ["Email", "x", "E-mail"])
    >>> for part in message.split("; "):
    ...     print(part)
    columns 8 ("Email") and 10 ("E-mail") both name the field email (the requester's e-mail address)
    expected one column per field: delete or rename one, or choose one: --map COLUMN=email
    """
    where = [f'{i + 1} ("{names[i]}")' for i in positions]
    listed = ", ".join(where[:-1]) + " and " + where[-1]
    verb = "both name" if len(where) == 2 else "all name"
    return (
        f"columns {listed} {verb} the field {field} ({FIELD_MEANINGS[field]}); expected one "
        f"column per field: delete or rename {'one' if len(where) == 2 else 'all but one'}, "
        f"or choose one: --map COLUMN={field}"
    )


def column_numbers(cells: Sequence[str]) -> bool:
    """Whether a row numbers the columns (``1 2 3 ...`` or ``(1) (2) ...``; three at least).

    >>> column_numbers(["1", "2", "3", "", "4"]), column_numbers(["1", "KPU", "4 Juni 2024"])
    (True, False)
    """
    seen = 0
    for cell in cells:
        text = cell.strip()
        if not text:
            continue
        m = _NUMBER.fullmatch(text)
        if m is None or int(m[1]) != seen + 1:
            return False
        seen += 1
    return seen >= 3


def ranges(rows: Sequence[int]) -> str:
    """``[1, 2, 3, 5]`` as ``1-3, 5``.

    >>> ranges([1, 2, 3, 5])
    '1-3, 5'
    """
    spans: list[list[int]] = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
