"""Areas of change (area perubahan) of a Reformasi Birokrasi road map, read from data.

The list of areas and their names is data (``rb/data/<framework>.yaml``), not code: a
later road map is a new data file with its citation, and an office's own road map (a
provincial or a KPU road map) is a file it writes and loads with
[`load_framework()`][ppid_core.rb.load_framework] (``--framework FILE`` on the command line).
Offices and regulations name the same area in several ways ("Penguatan Kelembagaan",
"Penataan dan Penguatan Organisasi"), so each area has a canonical key and a set of
accepted aliases.

    >>> fw = Framework.bundled()
    >>> fw.key
    'rb-2020-2024'
    >>> [a.key for a in fw.areas][:3]
    ['manajemen_perubahan', 'deregulasi_kebijakan', 'organisasi']
    >>> fw.resolve("Tim Penguatan Kelembagaan").key
    'organisasi'
    >>> fw.resolve("penataan  tatalaksana").name
    'Penataan Tata Laksana'
    >>> tematik = Framework.bundled("rb-general-tematik-2023")
    >>> [t.key for t in tematik.themes][:2]
    ['pengentasan_kemiskinan', 'peningkatan_investasi']
    >>> tematik.area_required, tematik.themes[0].confidence
    (False, 'UNVERIFIED')

References:
    Permen PANRB 25/2020 (Road Map RB 2020-2024); Permen PANRB 26/2020 (PMPRB, order of
    the eight areas); Permen PANRB 90/2021 Lampiran I Tabel 3 (ZI area names); Permen
    PANRB 3/2023 (RB General and RB Tematik).
"""

from __future__ import annotations

import functools
import re

import attrs

from ppid_core._source import bundled_names, bundled_text, deprecated
from ppid_core.errors import UnknownNameError

__all__ = [
    "CONFIDENCE",
    "DEFAULT_FRAMEWORK",
    "Area",
    "Framework",
    "find_framework",
    "normalise_name",
]

DEFAULT_FRAMEWORK = "rb-2020-2024"
#: Confidence tags of a framework entry, as the reference notes write them: read in the
#: regulation (``REG``), a secondary source (``SEC``), practice of public code (``CODE``),
#: or not confirmed (``UNVERIFIED``).
CONFIDENCE = ("REG", "SEC", "CODE", "UNVERIFIED")
_PACKAGE, _FOLDER = "ppid_core.rb", "data"
_BLANKS = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """The form names are matched in: case-folded, single blanks, no leading ``Tim``.

    >>> normalise_name("  Tim Penguatan   KELEMBAGAAN ")
    'penguatan kelembagaan'
    """
    name = _BLANKS.sub(" ", text).strip().casefold()
    name = name.replace(" / ", "/").replace("- ", "-").replace(" -", "-")
    return name.removeprefix("tim ")


@attrs.frozen(kw_only=True)
class Area:
    """One entry of a framework: an area perubahan, a component or an RB Tematik theme.

    Attributes:
        key: Canonical key, e.g. ``"organisasi"``.
        number: Position in its list, from 1.
        name: The long name, e.g. ``"Penataan dan Penguatan Organisasi"``.
        aliases: Other accepted names.
        source: The regulation (Pasal, Lampiran) or other source it comes from.
        confidence: One of `CONFIDENCE`, as the reference notes tag it.
        note: What a reviewer should know (what is verified, what is not).
    """

    key: str
    number: int
    name: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    confidence: str | None = None
    note: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every name the entry answers to: key, key with blanks, name and aliases."""
        return (self.key, self.key.replace("_", " "), self.name, *self.aliases)


def _index(entries: tuple[Area, ...]) -> dict[str, Area]:
    return {normalise_name(name): e for e in entries for name in e.names()}


@attrs.frozen(kw_only=True)
class Framework:
    """A road map's areas (and, from 2023, its components and RB Tematik themes).

    Attributes:
        key: The framework key, e.g. ``"rb-2020-2024"``.
        title: Its title.
        source: The regulation it comes from.
        areas: The areas, in the framework's order.
        confidence: One of `CONFIDENCE` for the framework as a whole, if stated.
        note: What a reviewer should know.
        area_required: Whether every plan row belongs to an area (``False``: an area is
            optional, as in an RB General plan).
        components: The framework's components (RB General, RB Tematik), if it has any.
        themes: The RB Tematik themes, if it has any.
        origin: The file it was read from, for a framework that is not bundled.
        key_at: The line and column of its ``framework:`` key in that file.
    """

    key: str
    title: str
    source: str
    areas: tuple[Area, ...]
    confidence: str | None = None
    note: str | None = None
    area_required: bool = True
    components: tuple[Area, ...] = ()
    themes: tuple[Area, ...] = ()
    origin: str | None = attrs.field(default=None, eq=False)
    key_at: tuple[int, int] | None = attrs.field(default=None, eq=False, repr=False)
    _indexes: tuple[dict[str, Area], ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        indexes = (_index(self.areas), _index(self.components), _index(self.themes))
        object.__setattr__(self, "_indexes", indexes)

    @classmethod
    def bundled(cls, key: str = DEFAULT_FRAMEWORK) -> Framework:
        """A framework shipped with ppid-core, by key (read once, then shared).

        The default, `DEFAULT_FRAMEWORK`, is the one a file that names none uses.

        Raises:
            UnknownNameError: No data file of that name; the message lists the keys.
        """
        return _bundled(key)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The keys of the frameworks shipped with ppid-core.

        >>> Framework.bundled_names()
        ('rb-2020-2024', 'rb-general-tematik-2023')
        """
        return tuple(n for n in bundled_names(_PACKAGE, _FOLDER) if n.startswith("rb-"))

    @classmethod
    def default(cls) -> Framework:
        """Deprecated: use ``Framework.bundled()``."""
        deprecated("Framework.default()", "Framework.bundled()")
        return _bundled(DEFAULT_FRAMEWORK)

    @classmethod
    def named(cls, key: str) -> Framework:
        """Deprecated: use ``Framework.bundled(key)``."""
        deprecated("Framework.named(key)", "Framework.bundled(key)")
        return _bundled(key)

    def get(self, name: str) -> Area | None:
        """The area with this key, name or alias, or ``None``."""
        return self._indexes[0].get(normalise_name(name))

    def component(self, name: str) -> Area | None:
        """The component (``general``, ``tematik``) with this key, name or alias, or ``None``."""
        return self._indexes[1].get(normalise_name(name))

    def theme(self, name: str) -> Area | None:
        """The RB Tematik theme with this key, name or alias, or ``None``."""
        return self._indexes[2].get(normalise_name(name))

    def resolve(self, name: str) -> Area:
        """The area with this key, name or alias.

        Raises:
            UnknownNameError: The name is not one of the framework's.
        """
        area = self.get(name)
        if area is None:
            raise UnknownNameError(self.unknown_message(name))
        return area

    def area(self, key: str) -> Area:
        """The area with this canonical key (a ``KeyError``-like lookup)."""
        for area in self.areas:
            if area.key == key:
                return area
        raise UnknownNameError(self.unknown_message(key))

    def unknown_message(self, name: str, what: str = "area") -> str:
        """The error text for a name that is not an area (or theme, component) of this framework."""
        entries = {"area": self.areas, "theme": self.themes, "component": self.components}[what]
        keys = ", ".join(a.key for a in entries)
        if not keys:
            return f"framework {self.key} has no {what}s; remove {name!r} or name another framework"
        return (
            f"unknown {what} {name!r} in framework {self.key}; "
            f"expected a key, name or alias of: {keys}"
        )


@functools.cache
def _bundled(key: str) -> Framework:
    if key not in Framework.bundled_names():
        names = ", ".join(Framework.bundled_names())
        msg = f"unknown framework {key!r}; bundled: {names}"
        raise UnknownNameError(msg)
    text, source = bundled_text(_PACKAGE, _FOLDER, key, what="framework")
    from ppid_core.rb._framework_file import read_bundled  # noqa: PLC0415 - the reader needs these models

    return read_bundled(text, source)


def find_framework(key: str, frameworks: tuple[Framework, ...] = ()) -> Framework:
    """The framework with this key: one of ``frameworks`` (an office's own), else a bundled one.

    Raises:
        UnknownNameError: Neither; the message lists the keys that are known.
    """
    for fw in frameworks:
        if fw.key == key:
            return fw
    if key in Framework.bundled_names():
        return _bundled(key)
    known = [*Framework.bundled_names(), *(f.key for f in frameworks)]
    msg = (
        f"unknown framework {key!r}; expected one of: {', '.join(known)}, "
        "or the key of the office's own framework file (--framework FILE)"
    )
    raise UnknownNameError(msg)
