"""Scoring: NRR per unsur, the weighted index, the x25 conversion and the grades."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._numbers import half_up, parse_fraction
from ppid_core._tables import Table, dumps_json
from ppid_core.errors import InvalidTallyError
from ppid_core.ikm._regime import Band, Regime, Unsur, load_regime
from ppid_core.ikm._report import result_dict, result_html, result_plot, result_table
from ppid_core.ikm._sample import krejcie_morgan
from ppid_core.ikm._tally import Tally

__all__ = ["LEGACY_TOLERANCE", "IkmResult", "ScoringPolicy", "UnsurScore", "score"]


#: How far a legacy weight times the number of unsur may be from 1: the rounded displays
#: of 1/k that spreadsheets used (0.11 x 9 = 0.99, 0.111 x 9 = 0.999, 0.071 x 14 = 0.994).
LEGACY_TOLERANCE = Fraction(1, 100)


_WEIGHT_TEXT_LIMIT = 100  # characters; "0.111" or "1/9" are short


def _opt_fraction(value: object) -> Fraction | None:
    if value is None:
        return None
    text = "" if isinstance(value, Fraction) else str(value)
    if isinstance(value, Fraction):
        parsed: Fraction | None = value
    elif isinstance(value, bool) or len(text) > _WEIGHT_TEXT_LIMIT:
        parsed = None
    else:
        parsed = parse_fraction(text)
    if parsed is None:
        shown = value if len(text) <= _WEIGHT_TEXT_LIMIT else text[:_WEIGHT_TEXT_LIMIT] + "..."
        msg = f"expected a weight like '0.111' or '1/9', got {shown!r}"
        raise InvalidTallyError(msg)
    if not 0 < parsed < 1:
        msg = (
            f"a legacy weight is a rounded 1/k (0.11 or 0.111 for 9 unsur, 0.071 for 14), "
            f"so it lies strictly between 0 and 1; got {value!r}"
        )
        raise InvalidTallyError(msg)
    return parsed


def _places(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
    ):
        msg = f"{attribute.name} must be a whole number 0-10, got {value!r}"
        raise InvalidTallyError(msg)


@attrs.frozen(kw_only=True)
class ScoringPolicy:
    """How the arithmetic is done: exactly (the default) or as an old spreadsheet did.

    The exact policy keeps every intermediate value as a ``Fraction`` and rounds half-up to
    2 decimals only to display and to classify. The legacy policy reproduces reports made
    with spreadsheets: a rounded weight (0.11 or 0.111 instead of 1/9) and optionally rounded
    NRR and index before the conversion. Its results are marked non-compliant.

    Attributes:
        weight: A uniform weight replacing the regime's (legacy only).
        nrr_places: Round each NRR half-up to this many decimals before weighting.
        index_places: Round the weighted index half-up before multiplying by 25.

    References:
        Permenpan RB 14/2017, Lampiran: bobot = 1/9 (printed "0,11").

    Examples:
        >>> ScoringPolicy().compliant
        True
        >>> p = ScoringPolicy.legacy_spreadsheet(weight="0.111")
        >>> p.compliant, p.describe()
        (False, 'legacy spreadsheet (NOT compliant): weight 0.111')
    """

    weight: Fraction | None = attrs.field(default=None, converter=_opt_fraction)
    nrr_places: int | None = attrs.field(default=None, validator=_places)
    index_places: int | None = attrs.field(default=None, validator=_places)

    @classmethod
    def legacy_spreadsheet(
        cls,
        *,
        weight: str | Fraction | None = "0.11",
        nrr_places: int | None = None,
        index_places: int | None = None,
    ) -> ScoringPolicy:
        """The opt-in policy that reproduces old, non-compliant spreadsheet reports.

        Args:
            weight: The uniform weight the spreadsheet used (``None``: the regime's own).
            nrr_places: Round each NRR half-up to this many decimals before weighting.
            index_places: Round the weighted index half-up before multiplying by 25.

        Raises:
            InvalidTallyError: The weight is not a number strictly between 0 and 1, or a
                number of places is not 0-10. Whether the weight fits a regime is checked by
                :meth:`check` (and by :func:`score`).
        """
        return cls(weight=weight, nrr_places=nrr_places, index_places=index_places)

    def check(self, regime: Regime) -> None:
        """Refuse a uniform weight that is not a rounded ``1/k`` for the regime's k unsur.

        Its weights must sum to within 0.01 of 1 (:data:`LEGACY_TOLERANCE`): 0.11 and
        0.111 fit the 9 unsur of Permenpan RB 14/2017, 0.071 the 14 of Kepmenpan 25/2004.

        Raises:
            InvalidTallyError: The weight does not fit the regime.

        Examples:
            >>> r = load_regime()
            >>> ScoringPolicy.legacy_spreadsheet(weight="0.111").check(r)
            >>> ScoringPolicy.legacy_spreadsheet(weight="0.5").check(r)  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            ppid_core.errors.InvalidTallyError: legacy weight 0.5 x 9 unsur = 4.5, not ...
        """
        if self.weight is None:
            return
        k = len(regime.unsur)
        total = self.weight * k
        if abs(total - 1) > LEGACY_TOLERANCE:
            w = half_up(self.weight, 6).normalize()
            shown = half_up(total, 6).normalize()
            two, three = (half_up(Fraction(1, k), p).normalize() for p in (2, 3))
            msg = (
                f"legacy weight {w} x {k} unsur = {shown}, not within "
                f"{half_up(LEGACY_TOLERANCE, 2).normalize()} of 1; a legacy weight is a rounded "
                f"1/{k} for regime {regime.key} (e.g. {two} or {three})"
            )
            raise InvalidTallyError(msg)

    @property
    def compliant(self) -> bool:
        """True for exact arithmetic with the regime's own weights."""
        return self.weight is None and self.nrr_places is None and self.index_places is None

    def describe(self) -> str:
        """A one-line label for reports."""
        if self.compliant:
            return "exact (weights of the regime, half-up to 2 decimals only for display)"
        parts = []
        if self.weight is not None:
            parts.append(f"weight {half_up(self.weight, 6).normalize()}")
        if self.nrr_places is not None:
            parts.append(f"NRR rounded to {self.nrr_places} dp")
        if self.index_places is not None:
            parts.append(f"index rounded to {self.index_places} dp")
        return "legacy spreadsheet (NOT compliant): " + ", ".join(parts)


@attrs.frozen(kw_only=True)
class UnsurScore:
    """The score of one unsur.

    Attributes:
        unsur: The unsur.
        total: Sum of its scores.
        answered: Questionnaires that answered it.
        nrr: Nilai rata-rata, exact (rounded only under a legacy policy).
        weight: The weight used.
        converted: NRR x 25 (the "nilai interval konversi"), exact.
        band: Its row of the interval table.
    """

    unsur: Unsur
    total: int
    answered: int
    nrr: Fraction
    weight: Fraction
    converted: Fraction
    band: Band

    @property
    def mutu(self) -> str:
        """Grade A-D of this unsur."""
        return self.band.mutu

    @property
    def kinerja(self) -> str:
        """Performance label of this unsur."""
        return self.band.kinerja


@attrs.frozen(kw_only=True)
class IkmResult:
    """The IKM of a unit (pooled) or of one group, with every intermediate value.

    Attributes:
        regime: The regime used.
        policy: The arithmetic used.
        scope: What was scored, e.g. ``"unit (pooled respondents)"`` or ``"Layanan = X"``.
        respondents: Questionnaires scored.
        dropped: Incomplete questionnaires left out (``drop`` policy).
        unsur: Per-unsur scores, in the regime's listing order (reports sort them by
            question number; look one up by name with ``result[name]``).
        index: The weighted index on the answer scale (NI, 1-4), exact.
        ikm: The converted index (NIK, 25-100), exact.
        band: The row of the interval table of the IKM.
        population: The service population, when known (for the sample-size check).

    References:
        Permenpan RB 14/2017, Lampiran: IKM = sum of NRR x bobot; IKM unit x 25;
        tabel nilai persepsi, interval, interval konversi, mutu dan kinerja.
    """

    regime: Regime
    policy: ScoringPolicy
    scope: str
    respondents: int
    dropped: int
    unsur: tuple[UnsurScore, ...]
    index: Fraction
    ikm: Fraction
    band: Band
    population: int | None = None

    @property
    def mutu(self) -> str:
        """Grade A-D."""
        return self.band.mutu

    @property
    def kinerja(self) -> str:
        """Performance label."""
        return self.band.kinerja

    @property
    def ikm_display(self) -> Decimal:
        """The IKM rounded half-up to 2 decimals, as published."""
        return half_up(self.ikm, 2)

    def __getitem__(self, name: str) -> UnsurScore:
        """The score of one unsur by key, name or alias."""
        key = self.regime[name].key
        return next(s for s in self.unsur if s.unsur.key == key)

    # Rendering lives in _report.py; these thin methods keep the API on the object.
    def to_table(self, *, order: str = "questionnaire") -> Table:
        """The report in the seed's layout.

        Args:
            order: ``"questionnaire"`` (the default): rows by question number, as the seed's
                table (KPU NTT 2024) prints them, sarana 8th and pengaduan 9th;
                ``"regime"``: the regime file's listing order.
        """
        return result_table(self, order=order)

    def to_markdown(self, *, order: str = "questionnaire") -> str:
        """The report as Markdown."""
        return self.to_table(order=order).to_markdown()

    def to_csv(self, *, order: str = "questionnaire") -> str:
        """The report as CSV."""
        return self.to_table(order=order).to_csv()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (keys as the ``ppid ikm score --json`` output)."""
        return result_dict(self)

    def to_json(self) -> str:
        """Pretty JSON of :meth:`to_dict`."""
        return dumps_json(self.to_dict())

    def _repr_html_(self) -> str:
        return result_html(self)

    def plot(self, ax: Any = None) -> Any:
        """A bar chart of NRR per unsur (needs ``pip install 'ppid-core[plot]'``).

        Returns:
            The matplotlib ``Axes``.
        """
        return result_plot(self, ax)

    def __str__(self) -> str:
        return f"IKM {self.ikm_display} ({self.mutu}, {self.kinerja}); {self.respondents} responden"


def _classify(regime: Regime, value: Fraction, policy: ScoringPolicy, what: str) -> Band:
    """The band of a converted value; a value off the table is an error, never clamped."""
    try:
        return regime.classify(value)
    except InvalidTallyError:
        low, high = regime.bands[0].lower, regime.bands[-1].upper
        msg = (
            f"{what}: converted value {half_up(value, 2)} is outside the interval table of "
            f"{regime.key} ({low}-{high}) under {policy.describe()}; it cannot be classified"
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
            or the policy's weight does not fit the regime (:meth:`ScoringPolicy.check`), or
            ``population`` is not a whole number >= 1.

    References:
        Permenpan RB 14/2017, Lampiran.

    Examples:
        The KPU NTT 2024 table: 150 respondents.

        >>> from ppid_core.ikm import Tally, load_regime
        >>> r = load_regime()
        >>> t = Tally.from_totals(r, [549, 555, 523, 600, 503, 553, 553, 537, 523], respondents=150)
        >>> res = score(t, r)
        >>> res.ikm, res.ikm_display, res.mutu, res.kinerja
        (Fraction(272, 3), Decimal('90.67'), 'A', 'Sangat Baik')
    """
    regime = regime or load_regime()
    policy = policy or ScoringPolicy()
    policy.check(regime)
    if population is not None:
        krejcie_morgan(population)  # refuses a population that is not a whole number >= 1
    if tally.keys != regime.keys:
        msg = f"the tally's unsur {tally.keys} are not those of regime {regime.key}"
        raise InvalidTallyError(msg)
    scores = []
    index = Fraction(0)
    for u, total, answered in zip(regime.unsur, tally.totals, tally.answered, strict=True):
        if answered == 0:
            msg = f"{scope}: unsur {u.key!r} has no answers; its NRR is undefined"
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
