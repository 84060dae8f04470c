"""Scoring: NRR per unsur, the weighted index, the x25 conversion and the grades.

The arithmetic is exact (``Fraction``); how it is done is a [`ScoringPolicy`][ScoringPolicy], and
the result an [`IkmResult`][ppid_core.ikm.IkmResult] (``ikm/_result.py`` renders it).
"""

from __future__ import annotations

from fractions import Fraction

from ppid_core._i18n import _
from ppid_core._numbers import half_up
from ppid_core.errors import InvalidTallyError
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._regime import Band, Regime
from ppid_core.ikm._result import IkmResult, UnsurScore
from ppid_core.ikm._sample import krejcie_morgan
from ppid_core.ikm._tally import Tally

__all__ = ["score"]


def _classify(regime: Regime, value: Fraction, policy: ScoringPolicy, what: str) -> Band:
    """The band of a converted value; a value off the table is an error, never clamped."""
    try:
        return regime.classify(value)
    except InvalidTallyError:
        low, high = regime.bands[0].lower, regime.bands[-1].upper
        msg = _(
            "{what}: converted value {value} is outside the interval table of {key} "
            "({low}-{high}) under {value2}; it cannot be classified"
        ).format(
            what=what,
            value=half_up(value, 2),
            key=regime.key,
            low=low,
            high=high,
            value2=policy.describe(),
        )
        raise InvalidTallyError(msg) from None


def score(
    tally: Tally,
    regime: Regime | None = None,
    *,
    policy: ScoringPolicy | None = None,
    scope: str = "unit (pooled respondents)",
    population: int | None = None,
) -> IkmResult:
    """Score a tally: NRR per unsur, the weighted index and its conversion.

    Args:
        tally: Sums and counts per unsur.
        regime: The regime (default: Permenpan RB 14/2017).
        policy: The arithmetic (default: exact).
        scope: A label saying what was scored.
        population: Service population, to check the sample size against.

    Returns:
        The result, exact, with grades.

    Raises:
        InvalidTallyError: The tally's unsur differ from the regime's, an unsur has no
            answers (the message starts with ``scope``), or a legacy policy's value falls
            outside the interval table (e.g. 24.75 with weight 0.11): it is never clamped;
            or the policy's weight does not fit the regime
            ([`ScoringPolicy.check()`][ScoringPolicy.check]), or
            ``population`` is not a whole number >= 1.

    References:
        Permenpan RB 14/2017, Lampiran.

    Examples:
        The KPU NTT 2024 table: 150 respondents.

        >>> from ppid_core.ikm import Regime, Tally
        >>> r = Regime.bundled()
        >>> t = Tally.from_totals(r, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150)
        >>> res = score(t, r)
        >>> res.ikm, res.ikm_display, res.mutu, res.kinerja
        (Fraction(272, 3), Decimal('90.67'), 'A', 'Sangat Baik')
    """
    regime = regime or Regime.bundled()
    policy = policy or ScoringPolicy()
    policy.check(regime)
    if population is not None:
        krejcie_morgan(population)  # refuses a population that is not a whole number >= 1
    if tally.keys != regime.keys:
        msg = _("the tally's unsur {keys} are not those of regime {key}").format(
            keys=tally.keys, key=regime.key
        )
        raise InvalidTallyError(msg)
    scores = []
    index = Fraction(0)
    for u, total, answered in zip(regime.unsur, tally.totals, tally.answered, strict=True):
        if answered == 0:
            msg = _("{scope}: unsur {key!r} has no answers; its NRR is undefined").format(
                scope=scope, key=u.key
            )
            raise InvalidTallyError(msg)
        nrr = Fraction(total, answered)
        if policy.nrr_places is not None:
            nrr = Fraction(half_up(nrr, policy.nrr_places))
        weight = policy.weight if policy.weight is not None else u.weight
        index += weight * nrr
        converted = nrr * regime.conversion
        scores.append(
            UnsurScore(
                unsur=u,
                total=total,
                answered=answered,
                nrr=nrr,
                weight=weight,
                converted=converted,
                band=_classify(regime, converted, policy, f"{scope}, unsur {u.key!r}"),
            )
        )
    if policy.index_places is not None:
        index = Fraction(half_up(index, policy.index_places))
    ikm = index * regime.conversion
    return IkmResult(
        regime=regime,
        policy=policy,
        scope=scope,
        respondents=tally.respondents,
        dropped=tally.dropped,
        unsur=tuple(scores),
        index=index,
        ikm=ikm,
        band=_classify(regime, ikm, policy, f"{scope}, IKM"),
        population=population,
    )
