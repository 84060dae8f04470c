"""The notes of a survey's reading: English data that a report shows translated.

A note ("U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)") says what
the reading assumed. It is data: `Survey.notes` and the ``reading.notes`` of the JSON keep
it in English, the same in every language. A [`Note`][Note] is that English text (a
``str``), and remembers its message and values, so that [`shown()`][shown] gives it in the
language in use (``ppid --lang id``) for stderr and reports.
"""

from __future__ import annotations

from typing import Any

from ppid_core._i18n import _

__all__ = ["Note", "shown", "shown_note"]


class Note(str):
    """A note in English, built from a catalog message and its values: ``message`` is the
    English message with named ``{placeholders}`` (marked ``N_()``), and the keyword
    arguments are the placeholders' values (texts, numbers, or other notes).

    >>> note = Note("{code} → {name} (question {number})", code="U8", name="Sarana", number=8)
    >>> note, note.shown()
    ('U8 → Sarana (question 8)', 'U8 → Sarana (question 8)')
    """

    message: str
    values: dict[str, Any]

    def __new__(cls, message: str, /, **values: Any) -> Note:
        self = super().__new__(cls, message.format(**values))
        self.message = message
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to and from --jobs workers
        return (_rebuild, (self.message, self.values))

    def shown(self) -> str:
        """The note in the language in use."""
        return _(self.message).format(**{k: shown(v) for k, v in self.values.items()})


def _rebuild(message: str, values: dict[str, Any]) -> Note:
    return Note(message, **values)


def shown(value: object) -> object:
    """A [`Note`][Note] in the language in use; any other value as it is."""
    return value.shown() if isinstance(value, Note) else value


def shown_note(note: str) -> str:
    """A note of `Survey.notes` in the language in use: a [`Note`][Note] translated, any
    other note (the encoding's, a message of the catalog) through the catalog."""
    if isinstance(note, Note):
        return note.shown()
    return _(note) if note else note
