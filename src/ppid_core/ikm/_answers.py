"""Answer cells as survey apps and forms write them: scores, labels, and decorated labels.

A cell is an answer when it is one of the scale's scores (``"3"``) or the unsur's answer
label (``"Sesuai"``, any case, blanks and punctuation ignored), and also when the label
carries a decoration that forms add to their options:

- a score: ``"Sesuai (3)"``, ``"3 - Sesuai"``, ``"3. Sesuai"``, ``"(3) Sesuai"``,
  ``"3) Sesuai"``. The number must be the label's own score: ``"Sesuai (2)"`` is refused,
  naming both, never read as 2 or as 3;
- an option letter: ``"a. Tidak sesuai"``, ``"b) Kurang sesuai"``, ``"(c) Sesuai"``. A
  form lists its options worst first (a = 1, b = 2, ...) or best first (a = the top
  score), so a letter agrees with its label when it is the label's position in either
  order; another letter is refused, naming both. A letter alone (``"a."``, ``"b)"``,
  ``"(c)"``) is its position worst first: a form that lists the best answer first must
  write its labels. A bare letter without a dot or a bracket (``"A"``) is not an answer,
  since it reads as a mutu grade (A is the best) as much as the first option.

Each unsur has its own labels (``"Tidak mudah"`` is an answer to *Prosedur* only), so a
cell is read against the labels of its own unsur.

References:
    Permenpan RB 14/2017, Lampiran (kuesioner: four answers a-d per question, scored 1-4).
"""

from __future__ import annotations

import re

import attrs

from ppid_core._headers import fold
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._regime_parts import label_key

__all__ = ["Answers", "Decoded", "decode"]

# A decoration before the label: a score ("3.", "3)", "(3)", "3 -", "3:") or an option
# letter ("a.", "a)", "(a)"); after it: a score in brackets ("(3)").
_BEFORE = re.compile(
    r"(?:\(\s*(?P<n1>\d{1,2})\s*\)|(?P<n2>\d{1,2})\s*[.):\-\u2013]"
    r"|\(\s*(?P<l1>[A-Za-z])\s*\)|(?P<l2>[A-Za-z])\s*[.)])\s*(?P<rest>.*)",
    re.DOTALL,
)
_AFTER = re.compile(r"(?P<rest>.*?)\s*\(\s*(?P<n>\d{1,2})\s*\)", re.DOTALL)


@attrs.frozen(kw_only=True)
class Decoded:
    """What a decorated cell says: its label's score, its number and its option letter.

    Attributes:
        label: The label as the regime writes it, or ``None`` when the cell has none.
        score: The label's score, or ``None`` when the cell has no label.
        numbers: The scores its decorations state.
        letter: Its option letter (lower case), or ``""``.
    """

    label: str | None
    score: int | None
    numbers: tuple[int, ...] = ()
    letter: str = ""


def decode(text: str, labels: dict[str, tuple[int, str]]) -> Decoded | None:
    """Split a decorated answer into its label and decorations; ``None`` when ``text`` is
    not a decorated label (a plain label or a score is looked up, not decoded).

    Args:
        text: The cell, stripped.
        labels: Folded label -> (score, label as written) of one unsur.

    >>> labels = {"sesuai": (3, "Sesuai"), "tidak sesuai": (1, "Tidak sesuai")}
    >>> decode("Sesuai (2)", labels)
    Decoded(label='Sesuai', score=3, numbers=(2,), letter='')
    >>> decode("a. Tidak sesuai", labels).letter, decode("Bagus", labels) is None
    ('a', True)
    """
    numbers: list[int] = []
    letter = ""
    rest = text
    before = _BEFORE.fullmatch(rest)
    if before is not None:
        number = before["n1"] or before["n2"]
        if number:
            numbers.append(int(number))
        letter = (before["l1"] or before["l2"] or "").lower()
        rest = before["rest"]
    after = _AFTER.fullmatch(rest)
    if after is not None and after["rest"].strip():
        numbers.append(int(after["n"]))
        rest = after["rest"]
    if before is None and after is None:
        return None
    rest = rest.strip()
    if not rest:
        # a letter alone is an answer; a number alone is not a decorated label
        return Decoded(label=None, score=None, letter=letter) if letter and not numbers else None
    found = labels.get(fold(rest))
    if found is None:
        return None
    return Decoded(label=found[1], score=found[0], numbers=tuple(numbers), letter=letter)


class Answers:
    """Per unsur of a regime: which cell texts are answers, and the score of each.

    A text met once is looked up in a table (scores as digits, labels, labels folded as
    the readers fold a cell); a decorated label is decoded once and then kept in that
    table, so a file of ``"Sesuai (3)"`` cells costs one decoding per distinct text.
    """

    def __init__(self, regime: Regime) -> None:
        self.regime = regime
        low, high = regime.scale_minimum, regime.scale_maximum
        self.low, self.high = low, high
        scores = range(low, high + 1)
        self.tables: list[dict[str, int]] = []
        self._labels: list[dict[str, tuple[int, str]]] = []
        for u in regime.unsur:
            table = {str(s): s for s in scores}
            folded: dict[str, tuple[int, str]] = {}
            clash: set[str] = set()
            for s, label in zip(scores, u.answers, strict=False):
                table[label] = s
                table[label_key(label)] = s
                key = fold(label)
                if key in folded and folded[key][0] != s:
                    clash.add(key)  # two labels differ only by punctuation: neither folds
                folded.setdefault(key, (s, label))
            self.tables.append(table)
            self._labels.append({k: v for k, v in folded.items() if k not in clash})

    def score(self, j: int, text: str) -> int | None:
        """The score of ``text`` as an answer to unsur ``j``, or ``None``."""
        table = self.tables[j]
        hit = table.get(text)
        if hit is None:
            hit = self._read(j, text)
            if hit is not None and len(table) < _CACHE:
                table[text] = hit
        return hit

    def _read(self, j: int, text: str) -> int | None:
        stripped = text.strip()
        hit = self.tables[j].get(label_key(stripped))
        if hit is None:
            hit = self._labels[j].get(fold(stripped), (None, ""))[0]
        if hit is not None or not stripped or len(stripped) > _LONGEST:
            return hit
        decoded = decode(stripped, self._labels[j])
        if decoded is None or self._contradiction(decoded) is not None:
            return None
        if decoded.score is None:  # a letter alone: its position, worst first
            return self._position(decoded.letter)
        return decoded.score

    def _position(self, letter: str) -> int | None:
        score = self.low + ord(letter) - ord("a")
        return score if self.low <= score <= self.high else None

    def _contradiction(self, decoded: Decoded) -> str | None:
        """Why a decorated label is refused, or ``None`` when its decorations agree."""
        if decoded.score is None:
            if self._position(decoded.letter) is None:
                return f"option {decoded.letter!r} is not one of a-{self._last_letter()}"
            return None
        for number in decoded.numbers:
            if number != decoded.score:
                return (
                    f"its label {decoded.label!r} is score {decoded.score}, but its number "
                    f"says {number}"
                )
        if decoded.letter:
            at = ord(decoded.letter) - ord("a")
            if decoded.score not in {self.low + at, self.high - at}:
                return (
                    f"its label {decoded.label!r} is score {decoded.score}, but option "
                    f"{decoded.letter!r} is score {self.low + at} (or {self.high - at} on a "
                    "form that lists the best answer first)"
                    if at <= self.high - self.low
                    else f"its label {decoded.label!r} is score {decoded.score}, but option "
                    f"{decoded.letter!r} is not one of a-{self._last_letter()}"
                )
        return None

    def _last_letter(self) -> str:
        return chr(ord("a") + min(self.high - self.low, 25))

    def problem(self, j: int, text: str) -> str | None:
        """Why ``text``, a decorated label of unsur ``j``, is refused (its decorations
        contradict its label), or ``None`` when it is not a decorated label at all."""
        if len(text.strip()) > _LONGEST:
            return None
        decoded = decode(text.strip(), self._labels[j])
        return None if decoded is None else self._contradiction(decoded)

    def choices(self, j: int) -> list[str]:
        """The answers of unsur ``j`` as a message lists them: the scores, then the labels."""
        scores = [str(s) for s in range(self.low, self.high + 1)]
        return scores + list(self.regime.unsur[j].answers)


#: The longest cell read as a decorated label (the labels of a regime are short; a longer
#: cell is no answer, and is not searched for decorations).
_LONGEST = 200
#: The most texts a table keeps (decorated answers decoded once each): a file of a few
#: answers in many spellings stays fast, a file of junk cannot grow a table without bound.
_CACHE = 4096
