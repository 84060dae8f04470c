"""Sample size after Krejcie & Morgan (1970), as the SKM guideline prescribes."""

from __future__ import annotations

import bisect
import math
from fractions import Fraction
from functools import cache
from typing import Literal

import attrs

from ppid_core._i18n import _, ngettext
from ppid_core._source import bundled_text
from ppid_core._yaml import Document
from ppid_core.errors import InvalidTallyError, UnknownNameError

__all__ = [
    "SampleCheck",
    "SmallSampleWarning",
    "check_sample",
    "krejcie_morgan",
    "krejcie_morgan_table",
]

_CHI_SQUARE = Fraction(3841, 1000)  # chi-square, 1 degree of freedom, 95 %
_P = Fraction(1, 2)
_D = Fraction(1, 20)


class SmallSampleWarning(UserWarning):
    """A survey has fewer respondents than Krejcie & Morgan require for its population."""


@cache
def krejcie_morgan_table() -> tuple[tuple[int, int], ...]:
    """Table 1 of Krejcie & Morgan (1970) as (population, sample) pairs, shipped as data.

    >>> krejcie_morgan_table()[:3], krejcie_morgan_table()[-2:]
    (((10, 10), (15, 14), (20, 19)), ((75000, 382), (1000000, 384)))
    """
    text, _size = bundled_text("ppid_core.ikm", "data", "krejcie_morgan_1970", what="table")
    doc = Document.parse(text, source="krejcie_morgan_1970.yaml")
    m = doc.mapping(doc.root, "$", required=("source", "table"))
    rows: list[tuple[int, int]] = []
    for _key, node, path in doc.items(m.get("table"), "$.table"):
        pair = [doc.integer(n, p, minimum=1) for _, n, p in doc.items(node, path)]
        if len(pair) == 2 and pair[0] is not None and pair[1] is not None:
            rows.append((pair[0], pair[1]))
        else:
            doc.error(node, path, _("expected [population, sample]"))
    doc.raise_errors()
    return tuple(rows)


def krejcie_morgan(
    population: int,
    *,
    method: Literal["table", "formula"] = "table",
    rounding: Literal["half_up", "ceiling"] = "half_up",
) -> int:
    """Respondents needed for a service population, after Krejcie & Morgan (1970).

    ``method="table"`` reads Table 1: the sample of the smallest tabulated population at
    or above ``population`` (a conservative reading between rows); 384 above 1 000 000.
    ``method="formula"`` evaluates s = X²NP(1-P) / (d²(N-1) + X²P(1-P)) with X² = 3.841,
    P = 0.5, d = 0.05, exactly; rounded half-up it reproduces every row of the table.

    Args:
        population: Service recipients in the period (N >= 1).
        method: ``"table"`` (default, what the guideline cites) or ``"formula"``.
        rounding: For the formula: ``"half_up"`` (as the table) or ``"ceiling"``.

    Returns:
        The sample size (never more than the population).

    Raises:
        InvalidTallyError: The population is not a whole number >= 1.
        UnknownNameError: ``method`` or ``rounding`` is not one of the names above.

    References:
        Permenpan RB 14/2017, Lampiran (besaran sampel: tabel Krejcie dan Morgan).

    Examples:
        >>> [krejcie_morgan(n) for n in (100, 1000, 10_000)]
        [80, 278, 370]
        >>> krejcie_morgan(125), krejcie_morgan(125, method="formula")
        (97, 94)
    """
    if isinstance(population, bool) or not isinstance(population, int) or population < 1:
        msg = _("population must be a whole number >= 1, got {population!r}").format(
            population=population
        )
        raise InvalidTallyError(msg)
    if method == "table":
        table = krejcie_morgan_table()
        if population < table[0][0]:
            return population
        i = bisect.bisect_left([n for n, _ in table], population)
        return table[min(i, len(table) - 1)][1]
    if method != "formula":
        msg = _("method must be 'table' or 'formula', got {method!r}").format(method=method)
        raise UnknownNameError(msg)
    var = _CHI_SQUARE * _P * (1 - _P)
    s = var * population / (_D * _D * (population - 1) + var)
    if rounding == "half_up":
        value = math.floor(s + Fraction(1, 2))
    elif rounding == "ceiling":
        value = math.ceil(s)
    else:
        msg = _("rounding must be 'half_up' or 'ceiling', got {rounding!r}").format(
            rounding=rounding
        )
        raise UnknownNameError(msg)
    return min(value, population)


@attrs.frozen(kw_only=True)
class SampleCheck:
    """Whether a survey reached the Krejcie & Morgan sample size for its population.

    Attributes:
        population: Service recipients in the period.
        required: Sample size from the table.
        respondents: Questionnaires scored.
    """

    population: int
    required: int
    respondents: int

    @property
    def adequate(self) -> bool:
        """True when the respondents reach the required size."""
        return self.respondents >= self.required

    @property
    def shortfall(self) -> int:
        """Respondents still missing (0 when adequate)."""
        return max(0, self.required - self.respondents)

    def message(self) -> str:
        """A one-line verdict for reports."""
        if self.adequate:
            text = ngettext(
                "{respondents} respondent for a population of {population}; "
                "Krejcie & Morgan require {required} (enough)",
                "{respondents} respondents for a population of {population}; "
                "Krejcie & Morgan require {required} (enough)",
                self.respondents,
            )
        else:
            text = ngettext(
                "{respondents} respondent for a population of {population}; "
                "Krejcie & Morgan require {required} ({shortfall} short)",
                "{respondents} respondents for a population of {population}; "
                "Krejcie & Morgan require {required} ({shortfall} short)",
                self.respondents,
            )
        return text.format(
            respondents=self.respondents,
            population=self.population,
            required=self.required,
            shortfall=self.shortfall,
        )


def check_sample(respondents: int, population: int) -> SampleCheck:
    """Compare respondents with the required sample size.

    Raises:
        InvalidTallyError: ``respondents`` is not a whole number >= 0, or ``population``
            not one >= 1.

    >>> check_sample(150, 1000).message()
    '150 respondents for a population of 1000; Krejcie & Morgan require 278 (128 short)'
    """
    if isinstance(respondents, bool) or not isinstance(respondents, int) or respondents < 0:
        msg = _("respondents must be a whole number >= 0, got {respondents!r}").format(
            respondents=respondents
        )
        raise InvalidTallyError(msg)
    return SampleCheck(
        population=population, required=krejcie_morgan(population), respondents=respondents
    )
