"""Exact numbers shared by every report: half-up rounding and exact fractions from text."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

__all__ = ["half_up", "parse_fraction"]

_FRACTION_RE = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")
_DECIMAL_RE = re.compile(r"\s*([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*")


def half_up(value: Fraction | int | Decimal, places: int = 2) -> Decimal:
    """Round an exact value half-up (away from zero at .5) to ``places`` decimals.

    Python's ``round()`` rounds half to even and floats cannot hold 87.165 exactly; the
    IKM tables are defined on a 2-decimal grid reached by ordinary (half-up) rounding.

    Args:
        value: An exact number.
        places: Decimal places to keep.

    Returns:
        The rounded value as a ``Decimal`` with exactly ``places`` decimals.

    Examples:
        >>> half_up(Fraction(17433, 200))  # 87.165
        Decimal('87.17')
        >>> half_up(Fraction(1, 8)), round(0.125, 2)  # round() goes half to even
        (Decimal('0.13'), 0.12)
        >>> half_up(Fraction(2675, 1000)), round(2.675, 2)  # and floats are inexact
        (Decimal('2.68'), 2.67)
        >>> half_up(Fraction(-1, 8), 2)
        Decimal('-0.13')
    """
    frac = Fraction(value)
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = max(28, len(str(abs(frac.numerator))) + len(str(frac.denominator)) + places + 2)
        scaled = frac * 10**places
        # exact integer part and remainder, then half-up on the remainder
        whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
        if 2 * rest >= scaled.denominator:
            whole += 1
        sign = -1 if frac < 0 else 1
        return (Decimal(sign * whole) * quantum).quantize(quantum, rounding=ROUND_HALF_UP)


def parse_fraction(text: str) -> Fraction | None:
    """Read ``"1/9"``, ``"0.25"`` or ``"1"`` exactly; ``None`` when the text is neither.

    >>> parse_fraction("1/9"), parse_fraction("0.111"), parse_fraction("one")
    (Fraction(1, 9), Fraction(111, 1000), None)
    """
    m = _FRACTION_RE.fullmatch(text)
    if m:
        den = int(m[2])
        return Fraction(int(m[1]), den) if den else None
    if _DECIMAL_RE.fullmatch(text):
        return Fraction(Decimal(text.strip()))
    return None
