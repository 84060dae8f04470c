"""Register layouts as data: the header names under which a register writes each field.

A request register is the same record everywhere (UU 14/2008 Pasal 22 ayat (4): every
request is registered), but offices and apps name its columns their own way. A
[`Layout`][Layout] lists, for each **field** of the register, the header names that hold it.
The fields are fixed (English, as the [`Register`][ppid_core.requests.Register] names them):

=================== ===========================================================
Field               What the column holds
=================== ===========================================================
``number``          the register number (optional: absent, the row number is used)
``received``        the date (and time) the request was received — **required**
``unit``            the unit handling it
``service``         the kind of service
``information``     the information asked for
``requester``       the requester's name
``phone``           the requester's phone number
``email``           the requester's e-mail address
``responded``       the date of the written notice (Pasal 22 ayat (7))
``extended``        the date of the written extension notice (Pasal 22 ayat (8))
``decision``        the decision, in the words of the decision table
``refusal_reason``  the reason for a refusal
``keberatan``       the date a keberatan was filed (Pasal 35)
``sengketa``        the date a sengketa was filed (Pasal 37)
=================== ===========================================================

ppid-core ships three layouts ([`Layout.bundled()`][Layout.bundled]): ``kpu`` (the register KPU
offices publish), ``komisi-informasi`` (the Perki 1/2010 register template) and ``e-ppid``
(names common in e-PPID app exports, a composite, not a standard); each file says what
it rests on. An office writes its own in the same form and passes it by path
([`load_layout()`][load_layout]):

    >>> mine = parse_layout(
    ...     "name: kantor\\nfields:\\n  received: [Tgl Masuk]\\n  information: [Perihal]\\n"
    ... )
    >>> mine.field_of("TGL. MASUK"), mine.field_of("Nama")
    ('received', None)
    >>> Layout.bundled("komisi-informasi").field_of("Hari dan Tanggal / Pemberitahuan Tertulis")
    'responded'

Names are compared as `ppid_core._headers.fold()` compares them: case, punctuation and
repeated blanks do not count. A name may stand for one field only.

References:
    UU 14/2008 Pasal 12, Pasal 22 ayat (4), (7), (8), Pasal 35, Pasal 37; Perki 1/2010
    Lampiran (register template).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ppid_core._headers import fold
from ppid_core._i18n import _
from ppid_core._source import FileInput, bundled_names, bundled_text
from ppid_core._yaml import Document, node_path
from ppid_core.errors import InvalidArgumentError

if TYPE_CHECKING:
    import yaml

__all__ = [
    "FIELDS",
    "FIELD_MEANINGS",
    "LAYOUT_ORDER",
    "REQUIRED_FIELD",
    "Layout",
    "LayoutInput",
    "check_columns",
    "load_layout",
    "parse_layout",
    "resolve_layout",
]

FIELD_MEANINGS: dict[str, str] = {
    "number": "the register number",
    "received": "the date each request was received",
    "unit": "the unit handling it",
    "service": "the kind of service",
    "information": "the information asked for",
    "requester": "the requester's name",
    "phone": "the requester's phone number",
    "email": "the requester's e-mail address",
    "responded": "the date of the written notice",
    "extended": "the date of the written extension notice",
    "decision": "the decision",
    "refusal_reason": "the reason for a refusal",
    "keberatan": "the date a keberatan was filed",
    "sengketa": "the date a sengketa was filed",
}
"""Each field of a register and what its column holds (the words of the messages)."""
FIELDS: tuple[str, ...] = tuple(FIELD_MEANINGS)
"""The fields of a register, in the order a report lists them."""
REQUIRED_FIELD = "received"
"""The one field a register cannot do without: every figure counts from it."""
LAYOUT_ORDER = ("kpu", "komisi-informasi", "e-ppid")
"""The bundled layouts in the order a tie between them is settled (the first wins)."""

_PACKAGE, _FOLDER = "ppid_core.requests", "data/layouts"
_KEYS = ("name", "title", "source", "note", "fields")


def _fields(value: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {field: tuple(names) for field, names in value.items()}


def _index(fields: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded name to field; an unknown field, an empty name or a name of two fields raises."""
    problems: list[str] = []
    out: dict[str, str] = {}
    for field, names in fields.items():
        if field not in FIELD_MEANINGS:
            problems.append(f"unknown field {field!r}; expected one of: {', '.join(FIELDS)}")
            continue
        for name in names:
            key = fold(name)
            if not key:
                problems.append(f"{field}: {name!r} has no letters or digits")
            elif out.setdefault(key, field) != field:
                problems.append(f"{name!r} names both {out[key]} and {field}")
    if problems:
        raise InvalidArgumentError("; ".join(problems) + "; a header name names one field")
    return out


@attrs.frozen(kw_only=True)
class Layout:
    """The header names of a register's fields, as one kind of file writes them.

    Attributes:
        name: The layout's name (``kpu``; a file's own name when it gives none).
        title: What kind of register it describes.
        source: What the names rest on (a regulation's template, a published register).
        note: Anything else a reader should know.
        fields: For each field, its header names as written.

    Raises:
        InvalidArgumentError: An unknown field, a name without letters or digits, or one
            name (as folded) under two fields.
    """

    name: str
    title: str = ""
    source: str = ""
    note: str = ""
    fields: Mapping[str, tuple[str, ...]] = attrs.field(converter=_fields)
    _index: dict[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _index(self.fields))

    @classmethod
    def bundled(cls, name: str) -> Layout:
        """A layout shipped with ppid-core, by name (read once, then shared).

        Raises:
            UnknownNameError: No such layout; the message lists the bundled names.
        """
        return _bundled(name)

    @classmethod
    def bundled_names(cls) -> tuple[str, ...]:
        """The bundled layouts, in the order a tie between them is settled.

        >>> Layout.bundled_names()
        ('kpu', 'komisi-informasi', 'e-ppid')
        """
        names = bundled_names(_PACKAGE, _FOLDER)
        return tuple(sorted(names, key=lambda n: (n not in LAYOUT_ORDER, _rank(n), n)))

    def field_of(self, header: str) -> str | None:
        """The field a header names under this layout, or ``None``."""
        return self._index.get(fold(header))

    def field_of_folded(self, key: str) -> str | None:
        """The field of a header already folded (`ppid_core._headers.fold()`), or ``None``."""
        return self._index.get(key)

    def first_name(self, field: str) -> str | None:
        """The first header name of ``field`` (how a message names a missing column)."""
        names = self.fields.get(field, ())
        return names[0] if names else None


def _rank(name: str) -> int:
    return LAYOUT_ORDER.index(name) if name in LAYOUT_ORDER else len(LAYOUT_ORDER)


def _names(doc: Document, node: yaml.Node, path: str) -> list[tuple[str, yaml.Node, str]]:
    """The header names of one field: each name, its node and its path."""
    before = len(doc.errors)
    items = doc.items(node, path)
    if not items and len(doc.errors) == before:
        doc.error(node, path, _("expected at least one header name"))
    out: list[tuple[str, yaml.Node, str]] = []
    for _i, item, item_path in items:
        name = doc.string(item, item_path, one_line=True)
        if name is not None:
            out.append((name, item, item_path))
    return out


def _read(doc: Document, default_name: str) -> Layout:
    top = doc.mapping(doc.root, "$", required=("fields",), optional=_KEYS)
    text = {
        key: doc.string(top[key], f"$.{key}", one_line=key in {"name", "title"})
        for key in ("name", "title", "source", "note")
        if key in top
    }
    fields_node = top.get("fields")
    nodes = doc.mapping(fields_node, "$.fields", optional=FIELDS)
    if fields_node is not None and not nodes and not doc.errors:
        doc.error(
            fields_node,
            "$.fields",
            _("expected at least one of: {fields}").format(fields=", ".join(FIELDS)),
        )
    seen: dict[str, tuple[str, str]] = {}  # folded name -> (field, name as written)
    fields: dict[str, list[str]] = {}
    for field, node in nodes.items():
        path = node_path("$.fields", field)
        kept: list[str] = []
        for name, where, where_path in _names(doc, node, path):
            key = fold(name)
            if not key:
                doc.error(
                    where, where_path, _("{name!r} has no letters or digits").format(name=name)
                )
            elif key in seen:
                other, written = seen[key]
                doc.error(
                    where,
                    where_path,
                    _(
                        "{name!r} is the same name as {written!r} ({other}) once case, "
                        "punctuation and blanks are set aside; a header name names one field"
                    ).format(name=name, written=written, other=other),
                )
            else:
                seen[key] = (field, name)
                kept.append(name)
        fields[field] = kept
    if "received" not in nodes and fields_node is not None and nodes:
        doc.error(
            fields_node,
            "$.fields",
            _("missing field 'received': every register needs the date each request was received"),
        )
    doc.raise_errors()
    return Layout(
        name=text.get("name") or default_name,
        title=text.get("title") or "",
        source=text.get("source") or "",
        note=text.get("note") or "",
        fields=fields,
    )


def parse_layout(text: str, *, source: str = "<string>") -> Layout:
    """Parse a layout from YAML text (the form of the bundled ``kpu.yaml``).

    The text is a mapping: ``fields`` (required: for each field, a list of header names;
    ``received`` among them), and the optional texts ``name`` (default: the file's name
    without its suffix), ``title``, ``source`` and ``note``.

    Raises:
        DataFileError: Every problem of the text, each located: an unknown field (the
            message lists the known ones), an empty list, a name under two fields.

    Examples:
        >>> parse_layout("fields:\\n  received: [Tgl]\\n  tanggal: [Tanggal]\\n", source="l.yaml")
        Traceback (most recent call last):
        ...
        ppid_core.errors.DataFileError: l.yaml: 1 error
    """
    return _read(Document.parse(text, source=source), _stem(source))


def load_layout(file: FileInput, /, *, source: str | None = None) -> Layout:
    """Load a layout from its YAML file: a path, its bytes or a binary file object.

    Raises:
        DataFileError: Every problem of the file, each located; a file over 10 MiB, or
            whose bytes are not UTF-8, too.
        OSError: The path cannot be read.
    """
    doc = Document.read(file, source=source)
    return _read(doc, _stem(doc.source))


def _stem(source: str) -> str:
    base = os.path.basename(source)  # noqa: PTH119 - a name, not a path to open
    stem, dot, _ = base.rpartition(".")
    return (stem if dot else base) or "layout"


LayoutInput = Layout | str | os.PathLike[str] | bytes
"""What ``layout=`` takes: a layout, a bundled name, a path to a YAML file, or its bytes."""


def resolve_layout(layout: LayoutInput) -> Layout:
    """A [`Layout`][Layout] from a layout, a bundled name, a path or the bytes of a file.

    A text that is a bundled name is that layout; any other text is a path.

    Raises:
        UnknownNameError: A text that is neither a bundled name nor an existing file
            (the message lists the bundled names).
        DataFileError: The file is not a valid layout.
        OSError: The file cannot be read.
    """
    if isinstance(layout, Layout):
        return layout
    if isinstance(layout, str) and layout in bundled_names(_PACKAGE, _FOLDER):
        return _bundled(layout)
    if isinstance(layout, str) and not os.path.isfile(layout):  # noqa: PTH113
        from ppid_core.errors import UnknownNameError  # noqa: PLC0415

        names = ", ".join(Layout.bundled_names())
        msg = _("unknown layout {layout!r}: neither a bundled layout ({names}) nor a file").format(
            layout=layout, names=names
        )
        raise UnknownNameError(msg)
    return load_layout(layout)


def check_columns(columns: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """A caller's column choices, by folded header name: ``{folded: (field, name)}``.

    Raises:
        InvalidArgumentError: A field that is not a register field, or a header name
            without letters or digits (every problem in one message).

    >>> check_columns({"Tgl Masuk": "received"})
    {'tgl masuk': ('received', 'Tgl Masuk')}
    >>> check_columns({"Tgl": "date"})
    Traceback (most recent call last):
    ...
    ppid_core.errors.InvalidArgumentError: column "Tgl": unknown field 'date'; expected one of: ...
    """
    problems: list[str] = []
    out: dict[str, tuple[str, str]] = {}
    for name, field in columns.items():
        key = fold(name)
        if field not in FIELD_MEANINGS:
            problems.append(
                f'column "{name}": unknown field {field!r}; expected one of: {", ".join(FIELDS)}'
            )
        elif not key:
            problems.append(f"column {name!r} has no letters or digits; expected a header name")
        elif key in out and out[key][0] != field:
            problems.append(
                f'column "{name}" is chosen for both {out[key][0]} and {field}; '
                "a column holds one field"
            )
        else:
            out[key] = (field, name)
    if problems:
        raise InvalidArgumentError("; ".join(problems))
    return out


@functools.cache
def _bundled(name: str) -> Layout:
    text, source = bundled_text(_PACKAGE, _FOLDER, name, what="register layout")
    return parse_layout(text, source=source)
