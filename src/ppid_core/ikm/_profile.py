"""The respondent profile as a mergeable summary: per profile field, per value, a count."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ppid_core._i18n import _
from ppid_core._serial import VERSION, DictReader

__all__ = ["PROFILE_FORMAT", "Profile", "merge_counts"]

#: The ``format`` of a serialised profile ([`Profile.to_dict()`][Profile.to_dict]).
PROFILE_FORMAT = "ppid-core/ikm-profile"


def merge_counts(
    a: Mapping[str, Mapping[str, int]], b: Mapping[str, Mapping[str, int]]
) -> dict[str, dict[str, int]]:
    """Field -> value -> count of both, added: fields in ``a``'s order then ``b``'s new
    ones, values sorted (as a reader sorts them)."""
    out = {field: dict(values) for field, values in a.items()}
    for field, values in b.items():
        into = out.setdefault(field, {})
        for value, count in values.items():
            into[value] = into.get(value, 0) + count
    return {field: dict(sorted(values.items())) for field, values in out.items()}


def _canonical(value: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    return {f: dict(sorted(value[f].items())) for f in sorted(value)}


@attrs.frozen(kw_only=True)
class Profile:
    """Respondent profile (jenis_kelamin, pendidikan, pekerjaan, usia, layanan): field ->
    value -> count, fields and values sorted.

    A commutative monoid: ``+`` adds the counts, ``sum()`` works and
    [`Profile.merge([])`][Profile.merge] is the empty profile. A survey's
    ``profile`` is one as ``Profile(counts=...)``, and
    [`profile_summary()`][ppid_core.ikm.Survey.profile_summary] gives it.

    Attributes:
        counts: Profile field -> value (stripped, ``""`` for blank) -> respondents.

    Examples:
        >>> a = Profile(counts={"jenis_kelamin": {"L": 3, "P": 2}})
        >>> b = Profile(counts={"jenis_kelamin": {"P": 1}, "usia": {"35": 1}})
        >>> sum([a, b]).counts
        {'jenis_kelamin': {'L': 3, 'P': 3}, 'usia': {'35': 1}}
    """

    counts: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict, converter=_canonical)

    def __add__(self, other: object) -> Profile:
        """Add the counts of two profiles (``0`` changes nothing)."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, Profile):
            return NotImplemented
        return Profile(counts=merge_counts(self.counts, other.counts))

    def __radd__(self, other: object) -> Profile:
        """``0 + profile`` is the profile, so that ``sum()`` works."""
        return self.__add__(other)

    @classmethod
    def merge(cls, profiles: Iterable[Profile]) -> Profile:
        """Merge many, in any order and grouping; none gives the empty profile."""
        out = cls()
        for p in profiles:
            out = out + p
        return out

    def to_dict(self) -> dict[str, Any]:
        """The stable serialised form (version 1): ``{"format": "ppid-core/ikm-profile",
        "version": 1, "counts": {field: {value: count}}}``."""
        return {
            "format": PROFILE_FORMAT,
            "version": VERSION,
            "counts": {f: dict(values) for f, values in self.counts.items()},
        }

    @classmethod
    def from_dict(cls, data: object, *, source: str = "<dict>") -> Profile:
        """A profile from its serialised form ([`to_dict()`][to_dict]), checked strictly.

        Raises:
            DataFileError: Every problem, each at its path (``$.counts.usia['35']``).
        """
        reader = DictReader(source)
        checked = reader.header(data, "$", kind=PROFILE_FORMAT, fields=("counts",))
        counts: dict[str, dict[str, int]] = {}
        given = None if checked is None else checked.get("counts")
        if checked is not None and "counts" in checked and not isinstance(given, Mapping):
            reader.error("$.counts", _("expected an object: field -> value -> count"))
        for field, values in given.items() if isinstance(given, Mapping) else ():
            path = f"$.counts.{field}"
            if not isinstance(values, Mapping):
                reader.error(path, _("expected an object: value -> count"))
                continue
            counts[str(field)] = {}
            for value, count in values.items():
                n = reader.integer(count, f"{path}[{value!r}]")
                if n is not None:
                    counts[str(field)][str(value)] = n
        reader.raise_errors()
        return cls(counts=counts)
