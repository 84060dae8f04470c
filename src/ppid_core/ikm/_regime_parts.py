"""The parts of a regime: unsur, bands, and the rules that header and label text follow.

Shared by [`Regime`][ppid_core.ikm.Regime] and its YAML reader, so that neither imports
the other's module back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = [
    "CONVERSION_LIMIT",
    "SCALE_LIMIT",
    "Band",
    "Unsur",
    "label_key",
    "label_problems",
    "normalize_header",
]

#: Bounds of the answer scale and of the conversion factor. Real guidelines use 1-4 (or a
#: Likert 1-5/1-7/1-10) and x25; the bounds keep a mistyped regime from building an answer
#: table of millions of scores, and keep every band bound a small decimal.
SCALE_LIMIT = 99
CONVERSION_LIMIT = 1000


def normalize_header(text: str) -> str:
    """Fold a column header or alias for matching: case, blanks and a trailing dot.

    >>> normalize_header("  Sarana  dan Prasarana. ")
    'sarana dan prasarana'
    """
    return " ".join(text.split()).rstrip(".:").strip().casefold()


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def label_key(label: str) -> str:
    """An answer label folded as the readers fold a cell: blanks collapsed, case ignored."""
    return " ".join(label.split()).casefold()


def label_problems(answers: Sequence[str], minimum: int, maximum: int) -> list[tuple[int, str]]:
    """(position, message) for each answer label a reader could not tell from another answer.

    A cell is read as a score (its digits) or as an answer label. A label that reads as the
    digits of another score (``"4"`` labelling score 1) or as another score's label would
    make one cell mean two scores, so such a regime is refused. A label equal to its own
    score's digits is harmless.

    >>> for position, message in label_problems(["4", "2", "Baik", "baik"], 1, 4):
    ...     print(position, message)
    0 answer label '4' (score 1) reads as score 4; a label that is a number must be its own score
    3 answer label 'baik' (score 4) is also the label of score 3 ('Baik'); each answer needs
    its own label
    """
    digits = {str(t): t for t in range(minimum, maximum + 1)}
    problems: list[tuple[int, str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for pos, label in enumerate(answers):
        score, key = minimum + pos, label_key(label)
        if not key:
            problems.append((pos, f"the answer label of score {score} is blank; give it a text"))
        elif digits.get(key, score) != score:
            problems.append(
                (
                    pos,
                    f"answer label {label!r} (score {score}) reads as score {digits[key]}; "
                    "a label that is a number must be its own score",
                )
            )
        elif key in seen:
            other, first = seen[key]
            problems.append(
                (
                    pos,
                    f"answer label {label!r} (score {score}) is also the label of score {other} "
                    f"({first!r}); each answer needs its own label",
                )
            )
        else:
            seen[key] = (score, label)
    return problems


@attrs.frozen(kw_only=True)
class Unsur:
    """Unsur (element): one dimension of the satisfaction survey.

    Attributes:
        key: Stable identifier (``persyaratan``); never a position.
        name: The name the regulation uses.
        aliases: Other headers accepted for its column (the short names reports use).
        question: The default question text.
        question_number: The position of the question in the standard questionnaire.
        answers: Labels of the answers 1..4 (empty when the guideline gives none).
        weight: Its weight in the index (the weights of a regime sum to exactly 1).

    References:
        Permenpan RB 14/2017, Lampiran (ruang lingkup, 9 unsur).
    """

    key: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    question: str = ""
    question_number: int | None = None
    answers: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    weight: Fraction

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header that names this unsur: the key, the name and the aliases."""
        return (self.key, self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class Band:
    """One row of the interval table: a range of converted values and its grade.

    Attributes:
        mutu: Service quality grade (A-D).
        kinerja: Performance label (Sangat Baik ... Tidak Baik).
        perception: The "nilai persepsi" 1-4 of the row.
        lower: Lowest converted value (NIK) of the row, inclusive, 2 decimals.
        upper: Highest converted value (NIK) of the row, inclusive, 2 decimals.
    """

    mutu: str
    kinerja: str
    perception: int
    lower: Decimal
    upper: Decimal

    def contains(self, value: Decimal) -> bool:
        """True when the (already rounded) converted value lies in this row."""
        return self.lower <= value <= self.upper
