"""How IKM arithmetic is done: exactly (the default), or as an old spreadsheet did."""

from __future__ import annotations

from fractions import Fraction

import attrs

from ppid_core._i18n import _
from ppid_core._numbers import half_up, parse_fraction
from ppid_core.errors import InvalidTallyError
from ppid_core.ikm._regime import Regime

__all__ = ["LEGACY_TOLERANCE", "ScoringPolicy"]


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
        msg = _("expected a weight like '0.111' or '1/9', got {shown!r}").format(shown=shown)
        raise InvalidTallyError(msg)
    if not 0 < parsed < 1:
        msg = _(
            "a legacy weight is a rounded 1/k (0.11 or 0.111 for 9 unsur, 0.071 for 14), so "
            "it lies strictly between 0 and 1; got {value!r}"
        ).format(value=value)
        raise InvalidTallyError(msg)
    return parsed


def _places(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
    ):
        msg = _("{name} must be a whole number 0-10, got {value!r}").format(
            name=attribute.name, value=value
        )
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
                [`check()`][check] (and by [`score()`][score]).
        """
        return cls(weight=weight, nrr_places=nrr_places, index_places=index_places)

    def check(self, regime: Regime) -> None:
        """Refuse a uniform weight that is not a rounded ``1/k`` for the regime's k unsur.

        Its weights must sum to within 0.01 of 1 (`LEGACY_TOLERANCE`): 0.11 and
        0.111 fit the 9 unsur of Permenpan RB 14/2017, 0.071 the 14 of Kepmenpan 25/2004.

        Raises:
            InvalidTallyError: The weight does not fit the regime.

        Examples:
            >>> from ppid_core.ikm import Regime
            >>> r = Regime.bundled()
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
            msg = _(
                "legacy weight {w} x {k} unsur = {shown}, not within {value} of 1; a legacy "
                "weight is a rounded 1/{k} for regime {key} (e.g. {two} or {three})"
            ).format(
                w=w,
                k=k,
                shown=shown,
                value=half_up(LEGACY_TOLERANCE, 2).normalize(),
                key=regime.key,
                two=two,
                three=three,
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

    def shown(self) -> str:
        """[`describe()`][describe] in the language in use, for report headings and warnings
        (``describe()`` itself is data: the ``policy`` of the JSON, English in every language).
        """
        if self.compliant:
            return _("exact (weights of the regime, half-up to 2 decimals only for display)")
        parts = []
        if self.weight is not None:
            parts.append(_("weight {weight}").format(weight=half_up(self.weight, 6).normalize()))
        if self.nrr_places is not None:
            parts.append(_("NRR rounded to {places} dp").format(places=self.nrr_places))
        if self.index_places is not None:
            parts.append(_("index rounded to {places} dp").format(places=self.index_places))
        return _("legacy spreadsheet (NOT compliant): {parts}").format(parts=", ".join(parts))
