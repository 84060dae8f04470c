"""Reading a DIP from YAML, strictly: every problem located, all of them at once.

    >>> dip = parse_dip(
    ...     '''
    ... unit: KPU Kota Contoh
    ... items:
    ...   - number: 1
    ...     summary: Profil KPU Kota Contoh
    ...     holder: Sub Bagian Umum
    ...     responsible: Sekretaris
    ...     created: 2024, Kota Contoh
    ...     form: [tercetak, elektronik]
    ...     retention: 5 tahun
    ...     category: berkala
    ...     wajib: pasal-9-2-a
    ...     url: https://example.org/profil
    ...     updated: 2024-07-01
    ... ''',
    ...     source="dip.yaml",
    ... )
    >>> dip.items[0].number, dip.items[0].category.value, dip.items[0].wajib
    ('1', 'berkala', ('pasal-9-2-a',))

The layout, key by key, is in the guide ("The DIP and its monitoring"). An excepted item
without ``uji_konsekuensi`` loads: it is a finding of the check, not a load error. A
``number`` is a positive whole number or a dotted code (``1``, ``2.3``, ``1.2.3``): at most
five parts, each from 1 to 99999. Given ``required=``, every ``wajib`` key is checked
against that list while the file is read, with the other errors; without it,
[`check_dip()`][ppid_core.dip.check_dip] refuses an unknown key with the same located error.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import TYPE_CHECKING

from ppid_core._i18n import _
from ppid_core._source import MAX_FILE_BYTES, FileInput, read_source_text
from ppid_core._yaml import Document, build, node_path
from ppid_core._yaml_scalars import show
from ppid_core.dip._model import Category, Dip, DipItem, Form, WajibAt
from ppid_core.dip._required import RequiredList, unknown_key
from ppid_core.errors import DataFileError, LocatedError

if TYPE_CHECKING:
    import yaml

__all__ = ["dip_from_document", "load_dip", "parse_dip"]

_ITEM_REQUIRED = (
    "number",
    "summary",
    "holder",
    "responsible",
    "created",
    "form",
    "retention",
    "category",
)
_ITEM_OPTIONAL = ("uji_konsekuensi", "url", "updated", "wajib")
_CATEGORIES = {c.value: c for c in Category}
_FORMS = {f.value: f for f in Form}
#: A DIP number: a positive whole number, or up to five of them joined by dots.
_NUMBER = re.compile(r"[1-9][0-9]{0,4}(?:\.[1-9][0-9]{0,4}){0,4}")


def _words(doc: Document, node: yaml.Node | None, path: str) -> list[tuple[str, yaml.Node, str]]:
    """One word or a list of words (one line each), with their nodes and paths."""
    import yaml  # noqa: PLC0415 - loaded with the document

    if isinstance(node, yaml.SequenceNode):
        pairs = [(n, p) for _, n, p in doc.items(node, path)]
        if not pairs:
            doc.error(node, path, _("expected at least one value"))
    else:
        pairs = [] if node is None else [(node, path)]
    out: list[tuple[str, yaml.Node, str]] = []
    seen: set[str] = set()
    for n, p in pairs:
        word = doc.string(n, p, one_line=True)
        if word is None:
            continue
        if word in seen:
            doc.error(n, p, _("{word} is listed twice").format(word=repr(word)))
            continue
        seen.add(word)
        out.append((word, n, p))
    return out


def _url(doc: Document, node: yaml.Node, path: str) -> str | None:
    text = doc.string(node, path, one_line=True)
    if text is None:
        return None
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        msg = _("expected an http:// or https:// address, got {text}").format(text=show(text))
        doc.error(node, path, msg)
        return None
    return text


def _number(doc: Document, node: yaml.Node, path: str) -> str | None:
    text = doc.string(node, path, one_line=True)
    if text is None or _NUMBER.fullmatch(text):
        return text
    doc.error(
        node,
        path,
        _(
            "expected a positive whole number or a dotted code such as 1.2.3 (at most five "
            "parts, each from 1 to 99999), got {text}"
        ).format(text=show(text)),
    )
    return None


_Read = tuple[DipItem | None, str | None, "yaml.Node | None"]


def _wajib(
    doc: Document, node: yaml.Node, path: str, required: RequiredList | None
) -> list[tuple[str, tuple[str, int, int]]]:
    """The keys of ``wajib`` with where each is written; unknown keys of ``required``
    are recorded as errors."""
    out = []
    for word, n, p in _words(doc, node, path):
        if required is not None and required.entry(word) is None:
            doc.error(n, p, unknown_key(word, required))
            continue
        out.append((word, (p, n.start_mark.line + 1, n.start_mark.column + 1)))
    return out


def _item(
    doc: Document, node: yaml.Node, path: str, required: RequiredList | None, at: WajibAt
) -> _Read:
    """The item (``None`` if it has a problem), its number and the number's node; where
    its ``wajib`` keys are written goes into ``at``."""
    f = doc.mapping(node, path, required=_ITEM_REQUIRED, optional=_ITEM_OPTIONAL)
    if not f:
        return None, None, None
    number = doc.required(f, "number", path, lambda n, p: _number(doc, n, p))
    texts = {k: doc.required(f, k, path, doc.string) for k in _ITEM_REQUIRED[1:5]}
    retention = doc.required(f, "retention", path, doc.string)
    category: Category | None = doc.required(
        f, "category", path, lambda n, p: doc.choice(n, p, _CATEGORIES)
    )
    form_path = node_path(path, "form")
    forms = []
    for word, n, p in _words(doc, f.get("form"), form_path):
        if word in _FORMS:
            forms.append(_FORMS[word])
        else:
            msg = _("unknown value {word}; expected one of: elektronik, tercetak")
            doc.error(n, p, msg.format(word=repr(word)))
    uji = doc.optional(f, "uji_konsekuensi", path, doc.string)
    if uji is not None and category is not None and category is not Category.DIKECUALIKAN:
        doc.error(
            f["uji_konsekuensi"],
            node_path(path, "uji_konsekuensi"),
            _(
                "uji_konsekuensi applies to category dikecualikan only; this item is {category}"
            ).format(category=category.value),
        )
    url = doc.optional(f, "url", path, lambda n, p: _url(doc, n, p))
    updated: dt.date | None = doc.optional(f, "updated", path, doc.date)
    wajib_node = f.get("wajib")
    keys = [] if wajib_node is None or doc.is_null(wajib_node) else (
        _wajib(doc, wajib_node, node_path(path, "wajib"), required)
    )  # fmt: skip
    wajib = tuple(k for k, _ in keys)
    if number is not None:
        at.update({(number, k): where for k, where in keys})
    values = (number, *texts.values(), retention, category)
    if category is None or any(v is None for v in values) or not forms:
        return None, number, f.get("number")
    item = DipItem(
        number=number or "",
        summary=texts["summary"] or "",
        holder=texts["holder"] or "",
        responsible=texts["responsible"] or "",
        created=texts["created"] or "",
        form=tuple(forms),
        retention=retention or "",
        category=category,
        uji_konsekuensi=uji,
        url=url,
        updated=updated,
        wajib=wajib,
    )
    return item, number, f.get("number")


def dip_from_document(doc: Document, required: RequiredList | None = None) -> Dip | None:
    """Read a DIP from a composed document; problems are recorded on ``doc``.

    With ``required``, a ``wajib`` key that is not an entry of it is one of them.
    """
    top = doc.mapping(doc.root, "$", required=("unit", "items"), optional=("established",))
    unit = doc.required(top, "unit", "$", lambda n, p: doc.string(n, p, one_line=True))
    established = doc.optional(top, "established", "$", doc.date)
    import yaml  # noqa: PLC0415 - loaded with the document

    entries = doc.items(top.get("items"), "$.items")
    if isinstance(top.get("items"), yaml.SequenceNode) and not entries:
        doc.error(top["items"], "$.items", "expected at least one item")
    items: list[DipItem] = []
    first: dict[str, int] = {}
    at: WajibAt = {}
    for _index, node, path in entries:
        item, number, num = _item(doc, node, path, required, at)
        if number is None or num is None:
            continue
        if number in first:
            doc.error(
                num,
                node_path(path, "number"),
                _("duplicate number {number} (first at line {line})").format(
                    number=repr(number), line=first[number]
                ),
            )
            continue
        first[number] = num.start_mark.line + 1
        if item is not None:
            items.append(item)
    if doc.errors or unit is None:
        return None
    return Dip(
        unit=unit,
        items=tuple(items),
        established=established,
        source=doc.source,
        wajib_at=at,
    )


def _list(required: RequiredList | str | None) -> RequiredList | None:
    if required is None or isinstance(required, RequiredList):
        return required
    return RequiredList.bundled(required)


def parse_dip(
    text: str, *, source: str = "<string>", required: RequiredList | str | None = None
) -> Dip:
    """Parse a DIP from YAML text.

    Args:
        text: The YAML text.
        source: The name used in error messages.
        required: A [`RequiredList`][ppid_core.dip.RequiredList] or the key of a bundled
            one: every ``wajib`` key must be one of its entries (checked with the other
            errors). ``None`` (the default): checked by
            [`check_dip()`][ppid_core.dip.check_dip], against the list it is given.

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
        UnknownNameError: ``required`` names no bundled list.
    """
    rules = _list(required)
    if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8")) > MAX_FILE_BYTES:
        msg = _("the text is over 10 MiB; a DIP file may be at most {limit} bytes").format(
            limit=f"{MAX_FILE_BYTES:,}"
        )
        err = LocatedError(msg, source=source, line=1, column=1)
        raise DataFileError.from_errors(source, [err])
    return build(text, source, lambda doc: dip_from_document(doc, rules))


def load_dip(
    file: FileInput,
    /,
    *,
    source: str | None = None,
    required: RequiredList | str | None = None,
) -> Dip:
    """Load a DIP from its UTF-8 YAML file (at most 10 MiB): a path, bytes or a file object.

    Args:
        file: The YAML file.
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        required: As for [`parse_dip()`][ppid_core.dip.parse_dip]: check every ``wajib``
            key against this list while reading.

    Raises:
        DataFileError: Every problem of the file, each located.
        OSError: The path cannot be read.
        UnknownNameError: ``required`` names no bundled list.
    """
    text, name = read_source_text(file, source=source)
    return parse_dip(text, source=name, required=required)
