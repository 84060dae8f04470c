"""Build hook: compile the gettext catalogs (``.po`` → ``.mo``) with Babel.

The ``.po`` files in ``src/ppid_core/locale`` are the reviewed source of the translations;
the ``.mo`` files gettext reads are built from them here, for the wheel and for an
editable install alike, and are never committed (``.gitignore``). A catalog that Babel
cannot read, or that has a fuzzy or empty entry, fails the build: a release never ships a
half-translated command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``locale/<lang>/LC_MESSAGES/*.po`` next to itself as ``.mo``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo  # noqa: PLC0415 - a build dependency
        from babel.messages.pofile import read_po  # noqa: PLC0415

        for po in sorted(Path(self.root, "src/ppid_core/locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as file:
                catalog = read_po(file, locale=po.parent.parent.name)
            bad = [m.id for m in catalog if m.id and (m.fuzzy or not m.string)]
            if bad:
                msg = f"{po}: {len(bad)} untranslated or fuzzy messages, the first {bad[0]!r}"
                raise ValueError(msg)
            with po.with_suffix(".mo").open("wb") as file:
                write_mo(file, catalog)
