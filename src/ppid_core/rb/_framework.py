"""Areas of change (area perubahan) of a Reformasi Birokrasi road map, read from data.

The list of areas and their names is data (``rb/data/<framework>.yaml``), not code: a
later road map is a new data file with its citation. Offices and regulations name the
same area in several ways ("Penguatan Kelembagaan", "Penataan dan Penguatan Organisasi"),
so each area has a canonical key and a set of accepted aliases.

    >>> fw = Framework.bundled()
    >>> fw.key
    'rb-2020-2024'
    >>> [a.key for a in fw.areas][:3]
    ['manajemen_perubahan', 'deregulasi_kebijakan', 'organisasi']
    >>> fw.resolve("Tim Penguatan Kelembagaan").key
    'organisasi'
    >>> fw.resolve("penataan  tatalaksana").name
    'Penataan Tata Laksana'

References:
    Permen PANRB 25/2020 (Road Map RB 2020-2024); Permen PANRB 26/2020 (PMPRB, order of
    the eight areas); Permen PANRB 90/2021 Lampiran I Tabel 3 (ZI area names).
"""

from __future__ import annotations

import functools
import re

import attrs

from ppid_core._source import bundled_names, bundled_text, deprecated
from ppid_core._yaml import Document
from ppid_core.errors import UnknownNameError

__all__ = ["DEFAULT_FRAMEWORK", "Area", "Framework", "normalise_name"]

DEFAULT_FRAMEWORK = "rb-2020-2024"
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
    """One area perubahan (area of change).

    Attributes:
        key: Canonical key, e.g. ``"organisasi"``.
        number: Position in the framework, from 1.
        name: The long name, e.g. ``"Penataan dan Penguatan Organisasi"``.
        aliases: Other accepted names.
    """

    key: str
    number: int
    name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Framework:
    """A road map's list of areas, with name lookup.

    Attributes:
        key: The framework key, e.g. ``"rb-2020-2024"``.
        title: Its title.
        source: The regulation it comes from.
        areas: The areas, in the framework's order.
    """

    key: str
    title: str
    source: str
    areas: tuple[Area, ...]
    _index: dict[str, Area] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Area] = {}
        for area in self.areas:
            for name in (area.key, area.key.replace("_", " "), area.name, *area.aliases):
                index[normalise_name(name)] = area
        object.__setattr__(self, "_index", index)

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
        ('rb-2020-2024',)
        """
        return bundled_names(_PACKAGE, _FOLDER)

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
        return self._index.get(normalise_name(name))

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

    def unknown_message(self, name: str) -> str:
        """The error text for a name that is not an area of this framework."""
        keys = ", ".join(a.key for a in self.areas)
        return (
            f"unknown area {name!r} in framework {self.key}; "
            f"expected a key, name or alias of: {keys}"
        )


@functools.cache
def _bundled(key: str) -> Framework:
    text, source = bundled_text(_PACKAGE, _FOLDER, key, what="framework")
    doc = Document.parse(text, source=source)
    top = doc.mapping(doc.root, "$", required=("framework", "title", "source", "areas"))
    areas = []
    for i, node, path in doc.items(top["areas"], "$.areas") if "areas" in top else ():
        fields = doc.mapping(node, path, required=("key", "name"), optional=("aliases",))
        aliases = (
            [
                doc.string(n, p) or ""
                for _, n, p in doc.items(fields.get("aliases"), f"{path}.aliases")
            ]
            if "aliases" in fields
            else []
        )
        areas.append(
            Area(
                key=doc.required(fields, "key", path, doc.string) or "",
                number=i + 1,
                name=doc.required(fields, "name", path, doc.string) or "",
                aliases=tuple(aliases),
            )
        )
    doc.raise_errors()
    return Framework(
        key=doc.string(top["framework"], "$.framework") or key,
        title=doc.string(top["title"], "$.title") or "",
        source=doc.string(top["source"], "$.source") or "",
        areas=tuple(areas),
    )
