"""Cell values of Excel workbooks (private; see `ppid_core._export`).

What openpyxl writes for each value of a table ([`xlsx_cell()`][xlsx_cell]): real
numbers, dates and times with their number formats, and text made safe to open
([`cell_text()`][cell_text]: formula-safe, XML-safe, within Excel's cell limit).

References:
    OWASP, "CSV Injection"; Microsoft, "Excel specifications and limits" (32,767
    characters a cell, 15 digits of precision).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from decimal import Decimal, localcontext
from fractions import Fraction

from ppid_core._i18n import N_, _
from ppid_core._tables import formula_safe

__all__ = ["EXCEL_DIGITS", "EXCEL_MAX_CELL", "cell_text", "xlsx_cell", "xml_escape"]

#: Characters of one cell (Excel's limit).
EXCEL_MAX_CELL = 32_767
#: Significant digits Excel keeps of a number.
EXCEL_DIGITS = 15
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CUT_NOTE = N_(" … (cut: {n:,} characters; an Excel cell holds 32,767)")


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (what ``xml.sax.saxutils.escape`` does).

    Written here because importing :mod:`xml.sax.saxutils` loads ``urllib.request``,
    ``http.client`` and ``ssl``: tens of milliseconds on every start of a command that
    only might write a workbook.

    >>> xml_escape("a < b & c > d")
    'a &lt; b &amp; c &gt; d'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match[0]):02x}"


def cell_text(value: str) -> str:
    """A text cell: formula-safe, XML-safe, within Excel's cell limit."""
    text = _ILLEGAL.sub(_escape, formula_safe(value))
    if len(text) > EXCEL_MAX_CELL:
        note = _(_CUT_NOTE).format(n=len(text))
        text = text[: EXCEL_MAX_CELL - len(note)] + note
    return text


def _decimal_cell(value: Decimal) -> tuple[object, str | None]:
    """A decimal as a number cell when Excel keeps every digit, else as its text."""
    if not value.is_finite():
        return cell_text(str(value)), None
    digits = len(value.as_tuple().digits)
    if digits > EXCEL_DIGITS or Decimal(repr(float(value))) != value:
        return cell_text(str(value)), None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return float(value), ("0." + "0" * places) if places else "0"


def _fraction_cell(value: Fraction) -> tuple[object, str | None]:
    """A fraction as its exact decimal when it has one Excel keeps, else the nearest number."""
    with localcontext() as ctx:
        ctx.prec = 4 * EXCEL_DIGITS
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(exact) == value and len(exact.as_tuple().digits) <= EXCEL_DIGITS:
        return _decimal_cell(exact)
    return float(value), None


def xlsx_cell(value: object) -> tuple[object, str | None]:
    """The value openpyxl writes for a table cell, and its number format (or ``None``).

    >>> xlsx_cell(Decimal("90.60")), xlsx_cell(dt.date(2024, 6, 4))
    ((90.6, '0.00'), (datetime.date(2024, 6, 4), 'yyyy-mm-dd'))
    >>> xlsx_cell("=1+1"), xlsx_cell(True), xlsx_cell(10**16)
    (("'=1+1", None), ('yes', None), ('10000000000000000', None))
    """
    if value is None:
        return None, None
    if isinstance(value, bool):
        return (_("yes") if value else _("no")), None
    if isinstance(value, enum.Enum):
        return xlsx_cell(value.value)
    if isinstance(value, int):
        return (value, None) if abs(value) < 10**EXCEL_DIGITS else (cell_text(str(value)), None)
    if isinstance(value, float):
        return (value, None) if math.isfinite(value) else (str(value), None)
    if isinstance(value, Decimal):
        return _decimal_cell(value)
    if isinstance(value, Fraction):
        return _fraction_cell(value)
    if isinstance(value, dt.datetime):
        wall = value.replace(tzinfo=None)
        return wall, "yyyy-mm-dd hh:mm:ss" if wall.second else "yyyy-mm-dd hh:mm"
    if isinstance(value, dt.date):
        return value, "yyyy-mm-dd"
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None), "hh:mm"
    return cell_text(str(value)), None
