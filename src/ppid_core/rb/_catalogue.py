"""The frameworks ppid-core knows: what ``ppid rb frameworks`` lists.

    >>> listing = list_frameworks()
    >>> list(listing.to_dict()["frameworks"])
    ['rb-2020-2024', 'rb-general-tematik-2023']
    >>> listing.to_dict()["frameworks"]["rb-general-tematik-2023"]["themes"][0]["confidence"]
    'UNVERIFIED'

References:
    Permen PANRB 25/2020 (Road Map RB 2020-2024); Permen PANRB 3/2023 (RB General and
    RB Tematik).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.errors import InvalidArgumentError
from ppid_core.rb._framework import Area, Framework

__all__ = ["FrameworkList", "list_frameworks"]


def _entry(a: Area) -> dict[str, Any]:
    return {"key": a.key, "name": a.name, "aliases": list(a.aliases), "source": a.source,
            "confidence": a.confidence, "note": a.note}  # fmt: skip


@attrs.frozen(kw_only=True, repr=False)
class FrameworkList(ResultMixin):
    """The bundled frameworks (and any the office gave), with their keys and entries.

    Attributes:
        frameworks: The frameworks, bundled ones first.
    """

    frameworks: tuple[Framework, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (``ppid rb frameworks --json``): ``frameworks``, keyed by framework key.

        Each has ``title``, ``source``, ``confidence``, ``note``, ``bundled``,
        ``area_required`` and the lists ``areas``, ``components`` and ``themes`` (objects
        with ``key``, ``name``, ``aliases``, ``source``, ``confidence``, ``note``).
        """
        out: dict[str, Any] = jsonable(
            {
                "frameworks": {
                    fw.key: {
                        "title": fw.title,
                        "source": fw.source,
                        "confidence": fw.confidence,
                        "note": fw.note,
                        "bundled": fw.origin is None,
                        "area_required": fw.area_required,
                        "areas": [_entry(a) for a in fw.areas],
                        "components": [_entry(a) for a in fw.components],
                        "themes": [_entry(a) for a in fw.themes],
                    }
                    for fw in self.frameworks
                }
            }
        )
        return out

    def tables(self) -> list[Table]:
        """The frameworks, then every entry (area, component, theme) with its confidence."""
        overview = Table(
            columns=tuple(_(c) for c in _OVERVIEW_COLUMNS),
            rows=[[fw.key, fw.title, len(fw.areas), len(fw.components), len(fw.themes),
                   _("yes") if fw.area_required else _("no"), fw.source]
                  for fw in self.frameworks],
            title=_("RB frameworks"),
        )  # fmt: skip
        rows: list[list[object]] = [
            [fw.key, _(kind), e.key, e.name, e.confidence or "", e.source or ""]
            for fw in self.frameworks
            for kind, entries in ((N_("area"), fw.areas), (N_("component"), fw.components),
                                  (N_("theme"), fw.themes))
            for e in entries
        ]  # fmt: skip
        entries = Table(
            columns=tuple(_(c) for c in _ENTRY_COLUMNS),
            rows=rows,
            title=_("Framework entries"),
        )
        return [overview, entries]

    def _summary(self) -> str:
        return f"{len(self.frameworks)} frameworks: {', '.join(f.key for f in self.frameworks)}"

    def _heading(self) -> str:
        return _("Reformasi Birokrasi frameworks")


_OVERVIEW_COLUMNS = (N_("Framework"), N_("Title"), N_("Areas"), N_("Components"), N_("Themes"),
                     N_("Area required"), N_("Source"))  # fmt: skip
_ENTRY_COLUMNS = (N_("Framework"), N_("Kind"), N_("Key"), N_("Name"), N_("Confidence"),
                  N_("Source"))  # fmt: skip


def list_frameworks(extra: Iterable[Framework] = ()) -> FrameworkList:
    """The bundled frameworks, then ``extra`` (the office's own, from their files).

    Raises:
        InvalidArgumentError: Two of ``extra`` have one key (one would hide the other).
    """
    bundled = tuple(Framework.bundled(k) for k in Framework.bundled_names())
    extra = tuple(extra)
    seen: dict[str, Framework] = {}
    for fw in extra:
        if fw.key in seen:
            msg = _(
                "framework key {key!r} is the key of both {first} and {second}; "
                "give each framework file its own key"
            ).format(key=fw.key, first=seen[fw.key].origin, second=fw.origin)
            raise InvalidArgumentError(msg)
        seen[fw.key] = fw
    return FrameworkList(frameworks=(*bundled, *extra))
