"""Tallies: per-unsur sums and counts that merge exactly across partitions."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

import attrs

from ppid_core._i18n import _
from ppid_core._serial import VERSION, DictReader
from ppid_core.errors import InvalidTallyError, UnknownNameError
from ppid_core.ikm._regime import Regime

__all__ = ["TALLY_FORMAT", "Tally", "parse_tally"]

#: The ``format`` of a serialised tally ([`Tally.to_dict()`][Tally.to_dict]).
TALLY_FORMAT = "ppid-core/ikm-tally"
_FIELDS = ("keys", "totals", "answered", "respondents", "dropped")


def whole(value: object, what: str) -> int:
    """A count or a sum of scores as an ``int``; anything that is not a whole number is refused.

    ``int`` and integer scalars (numpy) are taken as they are; a float, ``Decimal`` or
    ``Fraction`` only when it is whole (``549.0`` from a spreadsheet is 549, ``4.9`` is
    refused, never cut to 4). ``True`` is not a number here.

    >>> whole(549.0, "total"), whole(Fraction(8, 2), "total")
    (549, 4)
    >>> whole(4.9, "unsur 'biaya': total")
    Traceback (most recent call last):
    ...
    ppid_core.errors.InvalidTallyError: unsur 'biaya': total must be a whole number, got 4.9
    """
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, Fraction) and value.denominator == 1:
            return value.numerator
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            return int(value)
    msg = _("{what} must be a whole number, got {value!r}").format(what=what, value=value)
    raise InvalidTallyError(msg)


def _ints(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(whole(v, "a tally's totals and answers") for v in value)


def _count(value: int) -> int:
    return whole(value, "respondents and dropped")


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Tally:
    """The sufficient statistics of a survey: per unsur, the sum of scores and the count.

    A tally per partition (a month, a service, a file, a worker) merges with ``+`` into the
    tally of the whole, exactly: merging is associative and commutative, and scoring the
    merged tally equals scoring the union of the respondents. Tallies form a commutative
    monoid: ``sum(tallies)`` works (``0 + t`` is ``t``), and the neutral tally
    ([`Tally.neutral()`][Tally.neutral], no unsur and nobody counted) adopts the unsur of
    whatever it is merged with, so [`Tally.merge([])`][Tally.merge] has an answer without a
    regime. [`Tally.empty(regime)`][Tally.empty] is the neutral element of one regime.
    Tallies of different unsur (another questionnaire) are refused. A tally keeps no
    regime: merge tallies read under the same regime, and score them under it.

    [`to_dict()`][Tally.to_dict] and [`from_dict()`][Tally.from_dict] give it a stable,
    versioned form, so that an office can publish its tally and a province merge the
    published tallies without the raw answers.

    Attributes:
        keys: The unsur keys, in the regime's order.
        totals: Per unsur, the sum of the scores ("jumlah nilai per unsur").
        answered: Per unsur, the questionnaires that answered it ("kuesioner yang terisi").
        respondents: Questionnaires counted.
        dropped: Incomplete questionnaires left out under the ``drop`` policy.

    References:
        Permenpan RB 14/2017, Lampiran: NRR per unsur = jumlah nilai per unsur / jumlah
        kuesioner yang terisi.

    Examples:
        >>> from ppid_core.ikm import Regime
        >>> r = Regime.bundled()
        >>> a = Tally.from_totals(r, [4, 4, 4, 4, 4, 4, 4, 4, 4], respondents=1)
        >>> b = Tally.from_totals(r, [2, 2, 2, 2, 2, 2, 2, 2, 2], respondents=1)
        >>> (a + b).nrr("biaya")
        Fraction(3, 1)
        >>> sum([a, b]) == a + b == Tally.merge([b, a])
        True
        >>> Tally.merge([]) == Tally.neutral() and Tally.neutral() + a == a
        True
    """

    keys: tuple[str, ...] = attrs.field(converter=_strs)
    totals: tuple[int, ...] = attrs.field(converter=_ints)
    answered: tuple[int, ...] = attrs.field(converter=_ints)
    respondents: int = attrs.field(converter=_count)
    dropped: int = attrs.field(default=0, converter=_count)

    def __attrs_post_init__(self) -> None:
        n = len(self.keys)
        if n == 0 and (self.respondents or self.dropped):
            msg = _("a tally without unsur is the neutral tally: nobody can be counted in it")
            raise InvalidTallyError(msg)
        if len(self.totals) != n or len(self.answered) != n:
            msg = _("a tally needs one total and one count per unsur ({n})").format(n=n)
            raise InvalidTallyError(msg)
        if self.respondents < 0 or self.dropped < 0:
            msg = _("respondents and dropped cannot be negative")
            raise InvalidTallyError(msg)
        for key, total, count in zip(self.keys, self.totals, self.answered, strict=True):
            if not 0 <= count <= self.respondents:
                msg = _("unsur {key!r}: {count} answers for {respondents} respondents").format(
                    key=key, count=count, respondents=self.respondents
                )
                raise InvalidTallyError(msg)
            if total < 0 or total < count or (count == 0 and total != 0):
                msg = _(
                    "unsur {key!r}: a total of {total} is impossible for {count} answers"
                ).format(key=key, total=total, count=count)
                raise InvalidTallyError(msg)

    @classmethod
    def empty(cls, regime: Regime) -> Tally:
        """The neutral element of ``+`` for a regime: its unsur, nobody counted."""
        n = len(regime.unsur)
        return cls(keys=regime.keys, totals=(0,) * n, answered=(0,) * n, respondents=0)

    @classmethod
    def neutral(cls) -> Tally:
        """The neutral element of ``+`` for every regime: no unsur, nobody counted.

        Merged with any tally it gives that tally, so it adopts the other's unsur;
        [`merge()`][merge] of no tallies returns it. Scoring it is refused (it has no
        unsur); merge it with a regime's [`empty()`][empty] tally first if a score of
        nobody is wanted.
        """
        return cls(keys=(), totals=(), answered=(), respondents=0)

    @classmethod
    def from_totals(
        cls,
        regime: Regime,
        totals: Mapping[str, int] | Sequence[int],
        *,
        respondents: int,
        answered: Mapping[str, int] | Sequence[int] | None = None,
    ) -> Tally:
        """A tally from published aggregates ("jumlah nilai per unsur").

        Args:
            regime: The regime whose unsur the totals belong to.
            totals: Sum of scores per unsur: a mapping by unsur key, name or alias, or a
                sequence in the regime's listing order.
            respondents: Number of questionnaires.
            answered: Answers per unsur; by default every respondent answered every unsur.

        Raises:
            InvalidTallyError: A total or count is not a whole number (``4.9`` is refused,
                never cut to 4), a total is outside what the scale allows, or unsur are
                missing.
            UnknownNameError: A mapping key names no unsur.
        """
        respondents = whole(respondents, "respondents")
        tot = _by_key(regime, totals, "totals")
        ans = (
            _by_key(regime, answered, "answered")
            if answered is not None
            else (respondents,) * len(regime.unsur)
        )
        for u, t, a in zip(regime.unsur, tot, ans, strict=True):
            low, high = a * regime.scale_minimum, a * regime.scale_maximum
            if not low <= t <= high:
                msg = _(
                    "unsur {key!r}: total {t} is impossible for {a} answers scored "
                    "{scale_minimum}-{scale_maximum} (allowed {low}-{high})"
                ).format(
                    key=u.key,
                    t=t,
                    a=a,
                    scale_minimum=regime.scale_minimum,
                    scale_maximum=regime.scale_maximum,
                    low=low,
                    high=high,
                )
                raise InvalidTallyError(msg)
        return cls(keys=regime.keys, totals=tot, answered=ans, respondents=respondents)

    def __add__(self, other: object) -> Tally:
        """Merge two tallies of the same unsur (``0`` and the neutral tally change nothing).

        Raises:
            InvalidTallyError: The tallies have different unsur.
        """
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, Tally):
            return NotImplemented
        if not other.keys:
            return self
        if not self.keys:
            return other
        if other.keys != self.keys:
            msg = _("cannot merge tallies of different unsur: {keys} and {keys2}").format(
                keys=self.keys, keys2=other.keys
            )
            raise InvalidTallyError(msg)
        return Tally(
            keys=self.keys,
            totals=[a + b for a, b in zip(self.totals, other.totals, strict=True)],
            answered=[a + b for a, b in zip(self.answered, other.answered, strict=True)],
            respondents=self.respondents + other.respondents,
            dropped=self.dropped + other.dropped,
        )

    def __radd__(self, other: object) -> Tally:
        """``0 + tally`` is the tally, so that ``sum(tallies)`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, tallies: Iterable[Tally], *, regime: Regime | None = None) -> Tally:
        """Merge many tallies, in any order and grouping (the result is the same).

        Args:
            tallies: The tallies; none at all gives the neutral tally.
            regime: When given, the result has its unsur even if ``tallies`` is empty
                ([`empty()`][empty]), and tallies of other unsur are refused.

        Raises:
            InvalidTallyError: Their unsur differ.
        """
        out = cls.neutral() if regime is None else cls.empty(regime)
        for t in tallies:
            out = out + t
        return out

    def to_dict(self) -> dict[str, Any]:
        """The stable serialised form (version 1), plain JSON types only.

        ``{"format": "ppid-core/ikm-tally", "version": 1, "keys": [...], "totals":
        [...], "answered": [...], "respondents": N, "dropped": N}``: ``totals`` and
        ``answered`` are in the order of ``keys``. [`from_dict()`][from_dict] reads it back.

        >>> from ppid_core.ikm import Regime
        >>> t = Tally.from_totals(Regime.bundled(), [4] * 9, respondents=1)
        >>> t.to_dict()["totals"], Tally.from_dict(t.to_dict()) == t
        ([4, 4, 4, 4, 4, 4, 4, 4, 4], True)
        """
        return {
            "format": TALLY_FORMAT,
            "version": VERSION,
            "keys": list(self.keys),
            "totals": list(self.totals),
            "answered": list(self.answered),
            "respondents": self.respondents,
            "dropped": self.dropped,
        }

    @classmethod
    def from_dict(cls, data: object, *, source: str = "<dict>") -> Tally:
        """A tally from its serialised form ([`to_dict()`][to_dict]), checked strictly.

        Args:
            data: The mapping (as ``json.load`` gives it).
            source: The name errors use (the file it was read from).

        Raises:
            DataFileError: Every problem, each at its path (``<dict> ($.totals[3]):
                expected a whole number >= 0, got a text``): a missing or unknown key,
                another format or version, a count that is not a whole number, lists of
                the wrong length, figures no questionnaires can give.
        """
        reader = DictReader(source)
        tally = parse_tally(reader, data, "$")
        reader.raise_errors()
        return cast("Tally", tally)  # None only with an error recorded, raised above

    @property
    def unanswered(self) -> tuple[str, ...]:
        """Keys of the unsur nobody answered: their NRR, and so the IKM, are undefined.

        >>> from ppid_core.ikm import Regime
        >>> r = Regime.bundled()
        >>> Tally.from_totals(r, [4] * 8 + [0], respondents=1, answered=[1] * 8 + [0]).unanswered
        ('sarana',)
        """
        return tuple(k for k, n in zip(self.keys, self.answered, strict=True) if n == 0)

    def nrr(self, key: str) -> Fraction:
        """Nilai rata-rata of one unsur: total / answered, exact.

        Raises:
            InvalidTallyError: Nobody answered the unsur.
            UnknownNameError: No such key.
        """
        i = _index(self.keys, key)
        if self.answered[i] == 0:
            msg = _("unsur {key!r} has no answers; its NRR is undefined").format(key=key)
            raise InvalidTallyError(msg)
        return Fraction(self.totals[i], self.answered[i])


def _index(keys: tuple[str, ...], key: str) -> int:
    try:
        return keys.index(key)
    except ValueError:
        msg = _("no unsur {key!r} in this tally; known: {names}").format(
            key=key, names=", ".join(keys)
        )
        raise UnknownNameError(msg) from None


def _by_key(
    regime: Regime, values: Mapping[str, int] | Sequence[int], what: str
) -> tuple[int, ...]:
    if isinstance(values, Mapping):
        found: dict[str, int] = {}
        names: dict[str, str] = {}
        for name, v in values.items():
            key = regime[name].key
            if key in names:
                msg = _("{what}: unsur {key!r} is given twice ({names!r} and {name!r})").format(
                    what=what, key=key, names=names[key], name=name
                )
                raise InvalidTallyError(msg)
            names[key] = name
            found[key] = whole(v, f"{what}: unsur {key!r}")
        missing = [k for k in regime.keys if k not in found]
        if missing:
            msg = _("{what}: missing unsur {names}").format(what=what, names=", ".join(missing))
            raise InvalidTallyError(msg)
        return tuple(found[k] for k in regime.keys)
    seq = tuple(values)
    if len(seq) != len(regime.unsur):
        msg = _("{what}: expected {count} values in regime order, got {count2}").format(
            what=what, count=len(regime.unsur), count2=len(seq)
        )
        raise InvalidTallyError(msg)
    return tuple(
        whole(v, f"{what}: unsur {u.key!r}") for u, v in zip(regime.unsur, seq, strict=True)
    )


def parse_tally(reader: DictReader, value: object, path: str) -> Tally | None:
    """The tally serialised at ``path``, or ``None`` with its problems in ``reader``."""
    data = reader.header(value, path, kind=TALLY_FORMAT, fields=_FIELDS)
    if data is None:
        return None
    keys = reader.field(data, "keys", path, reader.unique_texts)
    totals = reader.field(data, "totals", path, lambda v, p: reader.each(v, p, reader.integer))
    answered = reader.field(data, "answered", path, lambda v, p: reader.each(v, p, reader.integer))
    respondents = reader.field(data, "respondents", path, reader.integer)
    dropped = reader.field(data, "dropped", path, reader.integer)
    if keys is None or totals is None or answered is None:
        return None
    ok = True
    for name, values in (("totals", totals), ("answered", answered)):
        if len(values) != len(keys):
            ok = False
            reader.error(
                f"{path}.{name}",
                _("expected {count} values, one per key, got {count2}").format(
                    count=len(keys), count2=len(values)
                ),
            )
    if not ok or respondents is None or dropped is None:
        return None
    for i, (key, total, count) in enumerate(zip(keys, totals, answered, strict=True)):
        if count > respondents:
            ok = False
            reader.error(
                f"{path}.answered[{i}]",
                _("unsur {key!r}: {count} answers for {respondents} respondents").format(
                    key=key, count=count, respondents=respondents
                ),
            )
        elif total < count or (count == 0 and total != 0):
            ok = False
            reader.error(
                f"{path}.totals[{i}]",
                _("unsur {key!r}: a total of {total} is impossible for {count} answers").format(
                    key=key, total=total, count=count
                ),
            )
    if not ok:
        return None
    try:
        return Tally(
            keys=keys, totals=totals, answered=answered, respondents=respondents, dropped=dropped
        )
    except InvalidTallyError as exc:
        reader.error(path, str(exc))
        return None
