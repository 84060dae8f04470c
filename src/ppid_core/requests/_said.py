"""A note or warning of a request report, in the language in use.

The notes and warnings of the request reports are data: ``to_dict()`` keeps them in
English, so the JSON is the same in every language. They are made from English templates
marked for the catalog (``N_("{source}: {n} requests outside {year} not counted")``) and
shown translated in the Markdown, text and workbook views by [`said()`][said]: the note
is matched against the catalog's templates, and the translation of the template that
matches (the one with the most words of its own, when several do) is filled with the
same values. A value that is itself a note is translated too, and so is a note after a
name that locates it (``kpu.csv: ...``, ``kpu.csv: row 3, column "Tanggal": ...``: the
name stays as written, as the prefixes of located errors do). A text that no template
matches is shown as it is. The few reasons the data keeps in Indonesian
(``"di luar data kalender: data ends 2027-12-31"``) are shown in the language in use.

    >>> said("3 requests outside 2023 not counted")  # English (the default): as it is
    '3 requests outside 2023 not counted'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ppid_core import _i18n
from ppid_core._i18n import N_, _, language

__all__ = ["said"]

_DATA_WORDS = (
    (
        re.compile(r"di luar data kalender: data starts (?P<day>\S+)"),
        N_("outside the calendar's data: its data starts on {day}"),
    ),
    (
        re.compile(r"di luar data kalender: data ends (?P<day>\S+)"),
        N_("outside the calendar's data: its data ends on {day}"),
    ),
    (re.compile(r"tanggal tanggapan tidak terbaca"), N_("response date unreadable")),
    (re.compile(r"tanggal perpanjangan tidak terbaca"), N_("extension date unreadable")),
)
"""Reasons the data keeps in Indonesian (``to_dict()`` and the JSON never change), and
their words in English, translated where shown."""

_FRAGMENT = 12
"""Templates with fewer characters of their own are fragments of a note."""
_LOCATED = re.compile(
    r'(?P<where>(?:.*?: )?rows? [0-9][^:"]*(?:, column "[^"]*")?): (?P<rest>.+)', re.S
)
"""A located message: where (file, row, column) and what; the place is never translated."""

_FIELD = re.compile(r"\{\{|\}\}|\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


def _pattern(template: str) -> tuple[re.Pattern[str], int] | None:
    """A regular expression matching what ``template`` formats to, and how many
    characters of its own it has; ``None`` for a template without a placeholder."""
    parts: list[str] = []
    seen: set[str] = set()
    literal = 0
    last = 0
    for m in _FIELD.finditer(template):
        text = template[last : m.start()]
        parts.append(re.escape(text))
        literal += len(text.strip())
        last = m.end()
        if m.group(0) in {"{{", "}}"}:
            parts.append(re.escape(m.group(0)[0]))
            continue
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{{value}})")
        seen.add(name)
    tail = template[last:]
    parts.append(re.escape(tail))
    literal += len(tail.strip())
    if not seen or literal < 3:  # a template of placeholders alone says nothing
        return None
    # a short template ("row {rows}", "{n} requests") is a fragment: its values hold no
    # sentence of their own (no ": "), so it never swallows a located message
    value = ".+?" if literal >= _FRAGMENT else "(?:(?!: ).)+?"
    pattern = "".join(parts).replace("{value}", value)
    return re.compile(pattern, re.DOTALL), literal


@cache
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], int, str], ...]:
    """The templates of ``lang``'s catalog with placeholders, longest literal first."""
    import gettext  # noqa: PLC0415 - only when a note is shown in another language

    catalog = gettext.translation(
        _i18n.DOMAIN, localedir=_i18n.LOCALE_DIR, languages=[lang], fallback=True
    )
    messages = getattr(catalog, "_catalog", {})  # the msgids: gettext offers no other view
    found = []
    for key in messages:
        if not isinstance(key, str) or "{" not in key:
            continue
        made = _pattern(key)
        if made is not None:
            found.append((made[0], made[1], key))
    return tuple(sorted(found, key=lambda p: -p[1]))


def _plain(template: str) -> str:
    """``template`` with its placeholders bare (``{x!r}``, ``{x:.1f}`` → ``{x}``): the
    values are filled in as they were written in the note."""
    return _FIELD.sub(
        lambda m: m.group(0) if m.group(1) is None else "{" + m.group(1) + "}", template
    )


def _matched(text: str, patterns: Iterable[tuple[re.Pattern[str], int, str]]) -> str | None:
    """``text`` translated by the first template that matches it whole, else ``None``."""
    for pattern, _size, template in patterns:
        m = pattern.fullmatch(text)
        if m is not None:
            values = {k: said(v) for k, v in m.groupdict().items()}
            return _plain(_(template)).format(**values)
    return None


def said(text: str) -> str:
    """``text``, an English note or warning, in the language in use (itself in English,
    or when no template of the catalog matches it)."""
    for data, words in _DATA_WORDS:
        if m := data.fullmatch(text):
            return _(words).format(**m.groupdict())
    lang = language()
    if lang == "en" or not text:
        return text
    whole = _(text)
    if whole != text:
        return whole
    patterns = _patterns(lang)
    sentences = [p for p in patterns if p[1] >= _FRAGMENT]
    fragments = [p for p in patterns if p[1] < _FRAGMENT]
    if (shown := _matched(text, sentences)) is not None:
        return shown
    if (located := _LOCATED.fullmatch(text)) is not None:
        rest = located["rest"]
        if (shown := said(rest)) != rest:
            return f"{located['where']}: {shown}"
    if (shown := _matched(text, fragments)) is not None:
        return shown
    where, sep, rest = text.partition(": ")
    if sep and rest and (shown := said(rest)) != rest:  # a file's or a cell's name first
        return f"{where}{sep}{shown}"
    return text
