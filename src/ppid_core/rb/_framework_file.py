"""Reading a framework file: a bundled road map, or the office's own (``--framework FILE``).

A framework file has the layout of the bundled ones (``rb/data/rb-2020-2024.yaml``):

.. code-block:: yaml

    framework: rb-kpu-2025          # its key; a plan names it in ``framework:``
    title: Road Map RB KPU 2025-2029
    source: Keputusan KPU ... (the instrument that sets it)
    confidence: REG                 # optional: REG, SEC, CODE or UNVERIFIED
    area_required: true             # optional (default true): may a row have no area?
    areas:
      - key: manajemen_perubahan    # lower case, digits and _
        name: Manajemen Perubahan
        aliases: [Tim Manajemen Perubahan]
        source: ...                 # optional, per entry, like confidence and note
    components: [...]               # optional: entries like areas (RB General, Tematik)
    themes: [...]                   # optional: entries like areas (RB Tematik themes)

It is read as strictly as any ppid-core file: unknown or missing fields, a key used
twice and a name that would point at two entries are located errors, all reported
together. An office's file may not reuse a bundled key.

    >>> from ppid_core.errors import DataFileError
    >>> text = '''
    ... framework: rb-kpu-2025
    ... title: Road Map RB KPU
    ... source: Keputusan KPU (illustrative)
    ... areas:
    ...   - {key: organisasi, name: Penataan Organisasi}
    ...   - {key: organisasi, name: Penguatan Kelembagaan}
    ... '''
    >>> try:
    ...     parse_framework(text, source="fw.yaml")
    ... except DataFileError as exc:
    ...     print(exc.report())
    fw.yaml:7:11 ($.areas[1].key): area key 'organisasi' is already used at line 6;
    each area needs its own key

References:
    Permen PANRB 25/2020 (each instansi draws up its own road map); Permen PANRB 3/2023.
"""

from __future__ import annotations

import re

import yaml

from ppid_core._source import FileInput
from ppid_core._yaml import Document, build
from ppid_core.rb._framework import CONFIDENCE, Area, Framework, normalise_name
from ppid_core.rb._source import check_text_size, read_rb_source

__all__ = ["framework_from_document", "load_framework", "parse_framework", "read_bundled"]

_KEY = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_ENTRY_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")
_OPTIONAL = ("aliases", "source", "confidence", "note")


def _entries(doc: Document, top: dict[str, yaml.Node], group: str) -> tuple[Area, ...]:
    """Read one list of entries (areas, components or themes), refusing clashes."""
    what = {"areas": "area", "components": "component", "themes": "theme"}[group]
    keys: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    out: list[Area] = []
    for i, node, path in doc.items(top.get(group), f"$.{group}"):
        f = doc.mapping(node, path, required=("key", "name"), optional=_OPTIONAL)
        key = doc.required(f, "key", path, lambda n, p: doc.string(n, p, one_line=True))
        name = doc.required(f, "name", path, lambda n, p: doc.string(n, p, one_line=True))
        if key is not None and not _ENTRY_KEY.fullmatch(key):
            msg = (
                "expected a key of lower-case letters, digits and _ (such as 'organisasi'), "
                f"got {key!r}"
            )
            doc.error(f["key"], f"{path}.key", msg)
            key = None
        if key is not None:
            line = f["key"].start_mark.line + 1
            if key in keys:
                msg = (
                    f"{what} key {key!r} is already used at line {keys[key]}; "
                    f"each {what} needs its own key"
                )
                doc.error(f["key"], f"{path}.key", msg)
                key = None
            else:
                keys[key] = line
        aliases = tuple(
            s
            for _, n, p in doc.items(f.get("aliases"), f"{path}.aliases")
            if (s := doc.string(n, p, one_line=True)) is not None
        )
        confidence = doc.optional(f, "confidence", path, lambda n, p: doc.choice(n, p, CONFIDENCE))
        if key is None or name is None:
            continue
        entry = Area(
            key=key,
            number=i + 1,
            name=name,
            aliases=aliases,
            source=doc.optional(f, "source", path, doc.string),
            confidence=confidence,
            note=doc.optional(f, "note", path, doc.string),
        )
        for written in entry.names():
            norm = normalise_name(written)
            owner = names.get(norm)
            if owner is not None and owner[0] != key:
                msg = (
                    f"the name {written!r} already names {what} {owner[0]} (line {owner[1]}); "
                    f"a name may belong to one {what} only"
                )
                doc.error(node, path, msg)
            names.setdefault(norm, (key, node.start_mark.line + 1))
        out.append(entry)
    return tuple(out)


def framework_from_document(doc: Document, *, bundled: bool = False) -> Framework | None:
    """Read a framework from a composed document; errors are recorded on ``doc``.

    Args:
        doc: The document.
        bundled: True for a file shipped with ppid-core (it may use a bundled key).
    """
    top = doc.mapping(
        doc.root,
        "$",
        required=("framework", "title", "source", "areas"),
        optional=("confidence", "note", "area_required", "components", "themes"),
    )
    key = doc.required(top, "framework", "$", lambda n, p: doc.string(n, p, one_line=True))
    if key is not None and not _KEY.fullmatch(key):
        msg = (
            "expected a framework key of lower-case letters, digits, '.', '_' and '-' "
            f"(such as 'rb-kpu-2025'), got {key!r}"
        )
        doc.error(top["framework"], "$.framework", msg)
        key = None
    elif key is not None and not bundled and key in Framework.bundled_names():
        msg = (
            f"the key {key!r} is a framework bundled with ppid-core; "
            f"give the office's framework its own key (such as '{key}-kpu')"
        )
        doc.error(top["framework"], "$.framework", msg)
        key = None
    title = doc.required(top, "title", "$", doc.string)
    source = doc.required(top, "source", "$", doc.string)
    required = doc.optional(top, "area_required", "$", doc.boolean)
    areas = _entries(doc, top, "areas")
    if isinstance(top.get("areas"), yaml.SequenceNode) and not top["areas"].value:
        doc.error(top["areas"], "$.areas", "expected at least one area")
    framework = Framework(
        key=key or "",
        title=title or "",
        source=source or "",
        areas=areas,
        confidence=doc.optional(top, "confidence", "$", lambda n, p: doc.choice(n, p, CONFIDENCE)),
        note=doc.optional(top, "note", "$", doc.string),
        area_required=True if required is None else required,
        components=_entries(doc, top, "components"),
        themes=_entries(doc, top, "themes"),
        origin=None if bundled else doc.source,
        key_at=(
            (top["framework"].start_mark.line + 1, top["framework"].start_mark.column + 1)
            if "framework" in top
            else None
        ),
    )
    return None if doc.errors else framework


def read_bundled(text: str, source: str) -> Framework:
    """Read a bundled framework's text (its errors raise, located in the package file)."""
    return build(text, source, lambda doc: framework_from_document(doc, bundled=True))


def parse_framework(text: str, *, source: str = "<string>") -> Framework:
    """Parse an office's framework from YAML text (see the module for the layout).

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
    """
    check_text_size(text, source)
    return build(text, source, framework_from_document)


def load_framework(file: FileInput, /, *, source: str | None = None) -> Framework:
    """Load an office's framework file (a path, bytes or a binary file object; at most 10 MiB).

    Give the result to the plan readers (``frameworks=[...]``) so that a plan naming its
    key is checked against it.

    Raises:
        DataFileError: Every problem of the file, each located.
        OSError: The path cannot be read.
    """
    text, name = read_rb_source(file, source=source)
    return parse_framework(text, source=name)
