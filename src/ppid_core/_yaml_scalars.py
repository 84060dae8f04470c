"""The typing rules of the strict YAML reader: a scalar's text to a value, or a problem.

The schema, not YAML 1.1 guessing, types a scalar: ``no`` stays text, ``010`` is no
octal 8, ``1:30`` is no sexagesimal 90, ``yes`` is no boolean. Each function here takes
the scalar's raw text and returns the value, or a [`Problem`][Problem] whose message
`Document` records at the node's location. Nothing here needs
PyYAML.

>>> integer_value("010", None, None)
Problem("expected a whole number, got '010'")
>>> date_value("2024-02-29")
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ppid_core._i18n import N_, _

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "MAX_DIGITS",
    "Problem",
    "boolean_value",
    "choice_value",
    "date_value",
    "decimal_value",
    "integer_value",
    "show",
    "text_value",
]

T = TypeVar("T")

MAX_DIGITS: Final = 20
"""The most digits a number in a data file may have (Python refuses ints of over 4,300
digits, and ``decimal`` arithmetic works to 28); no regulation needs more."""

_INT_RE = re.compile(r"[+-]?(0|[1-9][0-9]*)")
_DECIMAL_RE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# Control characters only a double-quoted escape can put in a scalar ("\0", "\e", "\x07"):
# C0 but tab, line feed and carriage return; DEL; C1 (NEL included).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile("[\t\n\r\x85\u2028\u2029]")
# Python's reasons for a date that does not exist, translated where they are shown
_DATE_REASONS = (N_("day is out of range for month"), N_("month must be in 1..12"))


class Problem:
    """Why a scalar's text is not a value of the type asked for (recorded, located, later)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Problem({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and other.message == self.message

    def __hash__(self) -> int:
        return hash(self.message)


def show(value: object) -> str:
    """A value as quoted in a message, cut to 60 characters.

    >>> show("no"), show("x" * 70)[-8:]
    ("'no'", "xxxx...'")
    """
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def text_value(
    raw: str, *, null: bool, allow_empty: bool, control: bool, one_line: bool
) -> str | Problem:
    """Text as written (``no`` stays ``'no'``), without surrounding blanks.

    Args:
        raw: The scalar's text.
        null: Whether the scalar is an unquoted null (``~``, ``null``, or nothing).
        allow_empty: Accept empty (or blank) text.
        control: Accept control characters (only an escape in double quotes writes one).
        one_line: Refuse control characters, tabs and line breaks.
    """
    if raw and null:  # ~ or null; an empty value gets the message below
        text = _("expected text, got null ({raw!r}); quote it to mean the text")
        return Problem(text.format(raw=raw))
    if not raw.strip() and not allow_empty:
        return Problem(_("expected non-empty text"))
    text = raw.strip()
    if (one_line or not control) and (m := _CONTROL.search(text)):
        return Problem(
            _(
                "control character U+{code} in the text (written as an escape in quotes); remove it"
            ).format(code=f"{ord(m[0]):04X}")
        )
    if one_line and (m := _LINE_BREAK.search(text)):
        text = _("expected one line of text, found U+{code} (a tab or line break)")
        return Problem(text.format(code=f"{ord(m[0]):04X}"))
    return text


def _too_many_digits(raw: str, what: str) -> Problem | None:
    """A number of more than [`MAX_DIGITS`][MAX_DIGITS] digits is refused (``None`` when fine)."""
    digits = sum(c.isdigit() for c in raw)
    if digits <= MAX_DIGITS:
        return None
    text = _("expected {what} of at most {most} digits, got {digits} digits")
    return Problem(text.format(what=_(what), most=MAX_DIGITS, digits=digits))


def integer_value(raw: str, minimum: int | None, maximum: int | None) -> int | Problem:
    """A decimal integer (no octal, no sexagesimal), optionally within bounds."""
    if not _INT_RE.fullmatch(raw.strip()):
        return Problem(_("expected a whole number, got {value}").format(value=show(raw)))
    problem = _too_many_digits(raw, N_("a whole number"))
    if problem is not None:
        return problem
    value = int(raw)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        text = _("expected a whole number {bounds}, got {value}")
        return Problem(text.format(bounds=_bounds(minimum, maximum), value=value))
    return value


def _bounds(minimum: int | None, maximum: int | None) -> str:
    """The range of [`integer_value()`][integer_value] in words (either end may be open).

    >>> _bounds(1, 12), _bounds(0, None), _bounds(None, 9)
    ('from 1 to 12', '>= 0', '<= 9')
    """
    if minimum is not None and maximum is not None:
        return _("from {minimum} to {maximum}").format(minimum=minimum, maximum=maximum)
    return f">= {minimum}" if minimum is not None else f"<= {maximum}"


def decimal_value(raw: str) -> Decimal | Problem:
    """A decimal number, read exactly (``0.1`` is ``Decimal('0.1')``)."""
    from decimal import Decimal, InvalidOperation  # noqa: PLC0415 - only numbers need it

    if not _DECIMAL_RE.fullmatch(raw.strip()):
        return Problem(_("expected a decimal number, got {value}").format(value=show(raw)))
    problem = _too_many_digits(raw, N_("a decimal number"))
    if problem is not None:
        return problem
    try:
        return Decimal(raw.strip())
    except InvalidOperation:  # pragma: no cover - the regex already guards
        return Problem(_("expected a decimal number, got {value}").format(value=show(raw)))


def boolean_value(raw: str) -> bool | Problem:
    """``true`` or ``false`` only (``yes``/``no``/``on``/``off`` are refused)."""
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    return Problem(_("expected true or false, got {value}").format(value=show(raw)))


def date_value(raw: str) -> dt.date | Problem:
    """An ISO calendar date ``YYYY-MM-DD`` that exists (2022-02-30 is refused)."""
    m = _DATE_RE.fullmatch(raw.strip())
    if not m:
        return Problem(_("expected a date as YYYY-MM-DD, got {value}").format(value=show(raw)))
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        text = _("{date} is not a valid date ({reason})")
        return Problem(text.format(date=raw.strip(), reason=_(str(exc))))


def choice_value(raw: str, choices: Mapping[str, T] | Sequence[str]) -> Any:
    """One of a closed set of words; a mapping translates aliases to values."""
    table: Mapping[str, Any] = choices if isinstance(choices, Mapping) else {c: c for c in choices}
    if raw in table:
        return table[raw]
    allowed = ", ".join(sorted({str(k) for k in table}))
    return Problem(
        _("unknown value {value!r}; expected one of: {allowed}").format(value=raw, allowed=allowed)
    )
