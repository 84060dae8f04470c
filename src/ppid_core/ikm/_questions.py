"""Which unsur a header names: its name, a question code (``U8``), or a question's text.

Headers are compared folded ([`fold()`][ppid_core._headers.fold]: case, punctuation and
blanks do not count). A header names an unsur by, in this order:

1. its key, name or an alias (``Sarana dan Prasarana``, ``SARPRAS``);
2. a question code, read by the regime's question numbers: ``U8``, ``Q8``, ``P8``,
   ``Unsur 8``, ``Pertanyaan 8``, ``Soal 8`` (any case, with or without a blank, dot,
   dash or underscore) is question 8, which the standard questionnaire asks about
   *Sarana dan Prasarana*. Most listings of Permenpan RB 14/2017 put *Penanganan
   Pengaduan* 8th, so each such reading is reported in a note;
3. a code or a number followed by a name or a question text (``U8 Sarpras``,
   ``1. Bagaimana pendapat Saudara tentang ...``): the name or text decides, and a number
   that is another question's is reported in a note. A code followed by other words
   (``P1. Syarat layanan``) is read by the code, and the note says so;
4. a question's text, as forms export it: with or without its number, any case, with or
   without the closing ``?``, or shortened to at least three of its words (all of them
   words of that question only);
5. the same, for the text in square brackets (``Penilaian [Kualitas sarana dan prasarana]``,
   a Google Forms grid).

In a long layout the question column's cells are read the same way, and a bare number
(``8``) is a question number there.

References:
    Permenpan RB 14/2017, Lampiran (ruang lingkup: 9 unsur; kuesioner: one question per
    unsur, numbered); reference notes ikm.md §1.2 on the order of sarana and pengaduan.
"""

from __future__ import annotations

import re

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import N_
from ppid_core.ikm._notes import Note
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._regime_parts import Unsur

__all__ = ["Match", "Questions", "shown_header"]

_CODE = re.compile(
    r"(?:u|q|p|unsur|soal|pertanyaan|no soal|no pertanyaan|nomor pertanyaan) ?(\d{1,3})"
)
_NUMBERED = re.compile(r"(?P<code>(?:u|q|p|unsur|soal|pertanyaan) ?)?(?P<n>\d{1,3}) (?P<rest>.+)")
_LEAD = re.compile(
    r"bagaimana (?:pendapat|pemahaman|penilaian|tanggapan) (?:saudara|anda|bapak ibu saudara|"
    r"bapak ibu) (?:tentang|terhadap|mengenai) "
)
_BRACKET = re.compile(r"\[([^\[\]]+)\]")
_SHOWN = 40
_MIN_WORDS = 3
_EXTRA_WORDS = 2


def shown_header(text: str) -> str:
    """A header as a note or a message shows it: stripped, cut after 40 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[:_SHOWN] + "..."


@attrs.frozen(kw_only=True)
class Match:
    """How a header (or a question cell) was read.

    Attributes:
        key: The unsur's key.
        how: ``"name"``, ``"code"`` (a question code or number) or ``"question"`` (a
            question's text).
        number: The question number the text states, if any.
        note: What the reading assumed, for the survey's notes (``""`` when nothing).
    """

    key: str
    how: str
    number: int | None = None
    note: str = ""


def _few(extra: frozenset[str]) -> frozenset[str]:
    """``extra`` when it is at most two words, else nothing (the header says more)."""
    return extra if len(extra) <= _EXTRA_WORDS else frozenset()


def _core(text: str) -> str:
    """A folded question text without its lead-in ("bagaimana pendapat saudara tentang")."""
    return _LEAD.sub("", text, count=1).strip()


class Questions:
    """Reads headers and question cells against one regime (each text read once)."""

    def __init__(self, regime: Regime) -> None:
        self.regime = regime
        self.names: dict[str, set[str]] = {}
        for u in regime.unsur:
            for h in u.headers:
                self.names.setdefault(fold(h), set()).add(u.key)
        self.numbers: dict[int, list[Unsur]] = {}
        for u in regime.unsur:
            if u.question_number is not None:
                self.numbers.setdefault(u.question_number, []).append(u)
        self._cores = [
            (u, core, frozenset(core.split()))
            for u in regime.unsur
            if (core := _core(fold(u.question)))
        ]
        self._cache: dict[tuple[str, bool], Match | str | None] = {}
        self.questionnaire = (
            Note(N_("the standard questionnaire"))
            if regime.key in Regime.bundled_names() and Regime.bundled(regime.key) == regime
            else Note(N_("the questionnaire of regime {key}"), key=regime.key)
        )

    def unsur(self, key: str) -> Unsur:
        """The unsur of a key."""
        return next(u for u in self.regime.unsur if u.key == key)

    def match(self, text: str, *, numbers: bool = False) -> Match | str | None:
        """The unsur ``text`` names, a message when it is a code of no question, or ``None``.

        Args:
            text: A header, or a question cell of a long layout.
            numbers: Read a bare number as a question number (question cells; a header
                ``1`` stays unmatched, since a data row of scores would read as codes).
        """
        cache_key = (text, numbers)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._match(text, numbers=numbers)
        return self._cache[cache_key]

    def _match(self, text: str, *, numbers: bool) -> Match | str | None:
        folded = fold(text)
        if not folded:
            return None
        shown = shown_header(text)
        keys = self.names.get(folded, set())
        if len(keys) == 1:
            return Match(key=next(iter(keys)), how="name")
        code = _CODE.fullmatch(folded)
        if code is None and numbers and folded.isdigit():
            code = re.fullmatch(r"(\d{1,3})", folded)
        if code is not None:
            return self._by_number(int(code[1]), shown)
        numbered = _NUMBERED.fullmatch(folded)
        if numbered is not None:
            found = self._named(numbered["rest"])
            if found is not None:
                return self._checked(found, int(numbered["n"]), shown)
            if numbered["code"]:  # a code with words it does not explain: the code decides
                coded = self._by_number(int(numbered["n"]), shown)
                if isinstance(coded, Match):
                    note = Note(
                        N_(
                            "{shown} → {name} (question {number} of {questionnaire}; the rest "
                            "of the header is not its name or question text)"
                        ),
                        **_values(coded.note),
                    )
                    return attrs.evolve(coded, note=note)
                return coded
        found = self._named(folded)
        if found is not None:
            return attrs.evolve(found, note=self._note(shown, found))
        for inner in _BRACKET.findall(text):
            bracketed = self._match(inner, numbers=False)
            if isinstance(bracketed, Match):
                inner_note = bracketed.note or self._note(shown, bracketed)
                return attrs.evolve(bracketed, note=inner_note)
        return None

    def _named(self, folded: str) -> Match | None:
        """The unsur a folded name or question text names (without a number)."""
        keys = self.names.get(folded, set())
        if len(keys) == 1:
            return Match(key=next(iter(keys)), how="name")
        key = self._question(folded)
        return None if key is None else Match(key=key, how="question")

    def _question(self, folded: str) -> str | None:
        core = _core(folded)
        words = frozenset(core.split())
        hits = {u.key for u, text, _ in self._cores if core == text}
        if not hits and len(words) >= _MIN_WORDS:
            hits = {u.key for u, _, own in self._cores if words <= own}
        if not hits:  # the whole question, and a word or two more ("wajib diisi")
            hits = {u.key for u, _, own in self._cores if own <= words <= own | _few(words - own)}
        return next(iter(hits)) if len(hits) == 1 else None

    def _by_number(self, number: int, shown: str) -> Match | str:
        found = self.numbers.get(number, [])
        if len(found) == 1:
            u = found[0]
            note = Note(
                N_("{shown} → {name} (question {number} of {questionnaire})"),
                shown=shown,
                name=u.name,
                number=number,
                questionnaire=self.questionnaire,
            )
            return Match(key=u.key, how="code", number=number, note=note)
        if found:
            names = ", ".join(u.name for u in found)
            return (
                f"{shown!r} is question {number}, which regime {self.regime.key} gives to "
                f"several unsur ({names})"
            )
        known = sorted(self.numbers)
        span = f"has questions {known[0]}-{known[-1]}" if known else "numbers no questions"
        return f"{shown!r} is question {number}, but regime {self.regime.key} {span}"

    def _checked(self, found: Match, number: int, shown: str) -> Match:
        """A name or text with a number: the name or text decides; a number that is
        another question's is noted."""
        u = self.unsur(found.key)
        if u.question_number == number:
            note = self._note(shown, found) if found.how == "question" else ""
            return attrs.evolve(found, number=number, note=note)
        others = self.numbers.get(number, [])
        other = (
            Note(
                N_("question {number} of {questionnaire} asks about {name}"),
                number=number,
                questionnaire=self.questionnaire,
                name=others[0].name,
            )
            if len(others) == 1
            else Note(
                N_("{questionnaire} has no question {number}"),
                questionnaire=self.questionnaire,
                number=number,
            )
        )
        note = Note(
            N_("{shown} → {name} by its name, although {other}")
            if found.how == "name"
            else N_("{shown} → {name} by its text, although {other}"),
            shown=shown,
            name=u.name,
            other=other,
        )
        return attrs.evolve(found, number=number, note=note)

    def _note(self, shown: str, found: Match) -> str:
        u = self.unsur(found.key)
        if found.how != "question":
            return ""
        if u.question_number is None:
            return Note(N_("{shown} → {name} (its question text)"), shown=shown, name=u.name)
        return Note(
            N_("{shown} → {name} (the text of question {number} of {questionnaire})"),
            shown=shown,
            name=u.name,
            number=u.question_number,
            questionnaire=self.questionnaire,
        )


def _values(note: str) -> dict[str, object]:
    """The values of a code's note (``shown``, ``name``, ``number``, ``questionnaire``)."""
    return note.values if isinstance(note, Note) else {}
