"""Strict, location-aware YAML loading shared by every data file of ppid-core.

PyYAML on its own keeps the last of two duplicate keys, and types scalars by YAML 1.1
guessing (``no`` becomes ``False``, ``010`` becomes 8, ``1:30`` becomes 90). Here the
document is only *composed* into nodes (with the C parser when available); every
scalar stays text until the schema — the code reading it — asks for a type. Each
problem is recorded with ``file:line:column (path)`` and all of them are raised together
as one [`DataFileError`][ppid_core.errors.DataFileError].

A reader for a small schema looks like this:

    >>> doc = Document.parse("year: 2024\\nname: no\\nyear: 2025\\n", source="x.yaml")
    >>> m = doc.mapping(doc.root, "$", required=("year", "name"))
    >>> doc.string(m["name"], "$.name")
    'no'
    >>> doc.raise_errors()
    Traceback (most recent call last):
    ...
    ppid_core.errors.DataFileError: x.yaml: 1 error
    >>> print(doc.errors[0])
    x.yaml:3:1 ($.year): duplicate key 'year' (first at line 1)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ppid_core._i18n import N_, _
from ppid_core._source import MAX_FILE_BYTES, FileInput, read_source_text
from ppid_core._yaml_dump import dump
from ppid_core._yaml_scalars import (
    MAX_DIGITS,
    Problem,
    boolean_value,
    choice_value,
    date_value,
    decimal_value,
    integer_value,
    show,
    text_value,
)
from ppid_core.errors import DataFileError, LocatedError

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

    import yaml

__all__ = [
    "DISALLOWED",
    "MAX_DIGITS",
    "MAX_FILE_BYTES",
    "Document",
    "build",
    "dump",
    "node_path",
]

T = TypeVar("T")

_STR_TAG = "tag:yaml.org,2002:str"
# The characters PyYAML's reader refuses: the complement of yaml.reader.Reader.NON_PRINTABLE's
# allowed set (tab, line feed, carriage return, printable ASCII, NEL, U+00A0-U+D7FF,
# U+E000-U+FFFD, the astral planes), written as the small set it leaves out: the negated
# form takes some 10 ms to compile, this one 1 ms (tests/test_yaml.py checks they agree).
DISALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NULL_VALUES = frozenset({"", "~", "null", "Null", "NULL"})


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """PyYAML's C loader when it was built with libyaml, else the pure-Python one.

    PyYAML is imported here, on the first file read: importing ppid-core does not pay
    for it.
    """
    import yaml  # noqa: PLC0415 - imported when the first file is read

    try:  # pragma: no branch - depends on how PyYAML was built
        return yaml.CSafeLoader  # type: ignore[return-value]
    except AttributeError:  # pragma: no cover
        return yaml.SafeLoader


def node_path(parent: str, key: str | int) -> str:
    """Extend a data path: ``node_path("$", "a")`` is ``$.a``, with an int ``$[0]``.

    >>> node_path(node_path("$.areas", 2), "kegiatan")
    '$.areas[2].kegiatan'
    """
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}"


def _kind(node: yaml.Node) -> str:
    import yaml  # noqa: PLC0415 - loaded with the document (see _loader)

    if isinstance(node, yaml.MappingNode):
        return _("a mapping")
    if isinstance(node, yaml.SequenceNode):
        return _("a list")
    return show(node.value)


class Document:
    """A composed YAML document and the errors found while reading it.

    Readers call the typed accessors ([`mapping()`][mapping], [`string()`][string],
    [`integer()`][integer],
    [`date()`][date], ...) with the node and its data path. A failed accessor records a
    located error and returns ``None``, so reading continues and every problem of the
    file is found in one pass. Call [`raise_errors()`][raise_errors] at the end.

    Args:
        root: The root node.
        source: File name used in every error message.
    """

    def __init__(self, root: yaml.Node, source: str) -> None:
        self.root = root
        self.source = source
        self.errors: list[LocatedError] = []

    # -- construction -------------------------------------------------------------
    @classmethod
    def parse(cls, text: str, *, source: str = "<string>") -> Document:
        """Compose ``text`` into nodes; a syntax error raises at once, located.

        Raises:
            DataFileError: The text is not well-formed YAML, holds several documents, has a
                character YAML does not allow, or is empty.
        """
        bad = [
            LocatedError(
                _("character U+{code} is not allowed in YAML; remove it or retype the text").format(
                    code=f"{ord(m[0]):04X}"
                ),
                source=source,
                line=text.count("\n", 0, m.start()) + 1,
                column=m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1,
            )
            for m in DISALLOWED.finditer(text)
        ]
        if bad:  # every one at once (PyYAML's reader stops at the first, without a line)
            raise DataFileError.from_errors(source, bad)
        loader = _loader()
        import yaml  # noqa: PLC0415 - imported by _loader() above

        try:
            root = yaml.compose(text, Loader=loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or _("invalid YAML")
            err = LocatedError(
                _("YAML syntax error: {problem}").format(problem=problem),
                source=source,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
            raise DataFileError.from_errors(source, [err]) from None
        except yaml.YAMLError as exc:  # pragma: no cover - other reader failures
            text = _("YAML syntax error: {problem}").format(problem=exc)
            err = LocatedError(text, source=source, line=1, column=1)
            raise DataFileError.from_errors(source, [err]) from None
        if root is None:
            text = _("the file is empty; expected a mapping")
            err = LocatedError(text, source=source, line=1, column=1)
            raise DataFileError.from_errors(source, [err])
        return cls(root, source)

    @classmethod
    def read(cls, file: FileInput, *, source: str | None = None) -> Document:
        """Read and compose a UTF-8 file: a path, bytes or a binary file object.

        Its name (``source``, else the path, see `ppid_core._source.source_name()`)
        becomes the error source; the file may be at most [`MAX_FILE_BYTES`][MAX_FILE_BYTES].
        """
        text, name = read_source_text(file, source=source)
        return cls.parse(text, source=name)

    # -- errors -----------------------------------------------------------------
    def error(self, node: yaml.Node | None, path: str, message: str) -> None:
        """Record a located error at ``node``."""
        line = column = None
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.errors.append(
            LocatedError(message, source=self.source, line=line, column=column, path=path)
        )

    def raise_errors(self) -> None:
        """Raise every recorded error together, if there is any."""
        if self.errors:
            raise DataFileError.from_errors(self.source, self.errors)

    def _take(self, node: yaml.Node | None, path: str, value: T | Problem) -> T | None:
        """``value``, or ``None`` after recording its problem at ``node``."""
        if isinstance(value, Problem):
            self.error(node, path, value.message)
            return None
        return value

    # -- containers -------------------------------------------------------------
    def mapping(
        self,
        node: yaml.Node | None,
        path: str,
        *,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
        open_keys: bool = False,
    ) -> dict[str, yaml.Node]:
        """Read a mapping with text keys; refuse duplicates, unknown and missing keys.

        Args:
            node: The node to read.
            path: Its data path.
            required: Keys that must be present.
            optional: Keys that may be present.
            open_keys: Accept any other key too (for mappings keyed by data, e.g. months).

        Returns:
            Key to value node; empty when the node is not a mapping (an error is recorded).
        """
        import yaml  # noqa: PLC0415 - loaded with the document (see _loader)

        if node is None:  # absent: the enclosing mapping reported it
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, _("expected a mapping, got {kind}").format(kind=_kind(node)))
            return {}
        req = tuple(required)
        allowed = set(req) | set(optional)
        out: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, path, _("expected a text key, got a nested key"))
                continue
            key = str(key_node.value)
            kpath = node_path(path, key)
            if key in out:
                text = _("duplicate key {key!r} (first at line {line})")
                self.error(key_node, kpath, text.format(key=key, line=first_line[key]))
                continue
            if not open_keys and key not in allowed:
                expected = ", ".join(sorted(allowed)) or _("no keys")
                text = _("unknown field {key!r}; expected one of: {expected}")
                self.error(key_node, kpath, text.format(key=key, expected=expected))
                continue
            out[key] = value_node
            first_line[key] = key_node.start_mark.line + 1
        for key in req:
            if key not in out:
                self.error(node, path, _("missing required field {key!r}").format(key=key))
        return out

    def sequence(self, node: yaml.Node | None, path: str) -> list[yaml.Node]:
        """Read a list; a non-list records an error and gives ``[]``."""
        import yaml  # noqa: PLC0415 - loaded with the document (see _loader)

        if node is None:  # absent: the enclosing mapping reported it
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, path, _("expected a list, got {kind}").format(kind=_kind(node)))
            return []
        return list(node.value)

    def items(self, node: yaml.Node | None, path: str) -> list[tuple[int, yaml.Node, str]]:
        """A list's items with their index and data path."""
        return [(i, n, node_path(path, i)) for i, n in enumerate(self.sequence(node, path))]

    # -- scalars ----------------------------------------------------------------
    def scalar(self, node: yaml.Node | None, path: str, what: str) -> str | None:
        """The raw text of a scalar node; ``None`` (with an error) for a container.

        An absent node (``None``) gives ``None`` without a second error: the enclosing
        [`mapping()`][mapping] already reported the missing field with its location.
        """
        import yaml  # noqa: PLC0415 - loaded with the document (see _loader)

        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            text = _("expected {what}, got {kind}")
            self.error(node, path, text.format(what=_(what), kind=_kind(node)))
            return None
        return str(node.value)

    @staticmethod
    def is_null(node: yaml.Node | None) -> bool:
        """True for an unquoted empty, ``~`` or ``null`` scalar."""
        import yaml  # noqa: PLC0415 - loaded with the document (see _loader)

        return (
            isinstance(node, yaml.ScalarNode)
            and not node.style  # plain: None with the pure-Python parser, "" with libyaml
            and node.tag != _STR_TAG
            and node.value in _NULL_VALUES
        )

    def string(
        self,
        node: yaml.Node | None,
        path: str,
        *,
        allow_empty: bool = False,
        control: bool = True,
        one_line: bool = False,
    ) -> str | None:
        """Text as written (``no`` stays ``'no'``), without surrounding blanks.

        Args:
            node: The node to read.
            path: Its data path.
            allow_empty: Accept empty (or blank) text.
            control: Accept control characters. Only an escape in double quotes can
                write one (``"a\\0b.yaml"``: a NUL); ``control=False`` refuses them (C0
                other than tab, line feed and carriage return; DEL; C1).
            one_line: Refuse control characters, tabs and line breaks: for names, ids and
                file paths.
        """
        raw = self.scalar(node, path, N_("text"))
        if raw is None:
            return None
        value = text_value(
            raw,
            null=self.is_null(node),
            allow_empty=allow_empty,
            control=control,
            one_line=one_line,
        )
        return self._take(node, path, value)

    def integer(
        self,
        node: yaml.Node | None,
        path: str,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        """A decimal integer (no octal, no sexagesimal), optionally within bounds."""
        raw = self.scalar(node, path, N_("a whole number"))
        return None if raw is None else self._take(node, path, integer_value(raw, minimum, maximum))

    def decimal(self, node: yaml.Node | None, path: str) -> Decimal | None:
        """A decimal number, read exactly (``0.1`` is ``Decimal('0.1')``)."""
        raw = self.scalar(node, path, N_("a number"))
        return None if raw is None else self._take(node, path, decimal_value(raw))

    def boolean(self, node: yaml.Node | None, path: str) -> bool | None:
        """``true`` or ``false`` only (``yes``/``no``/``on``/``off`` are refused)."""
        raw = self.scalar(node, path, N_("true or false"))
        return None if raw is None else self._take(node, path, boolean_value(raw))

    def date(self, node: yaml.Node | None, path: str) -> dt.date | None:
        """An ISO calendar date ``YYYY-MM-DD`` that exists (2022-02-30 is refused)."""
        raw = self.scalar(node, path, N_("a date (YYYY-MM-DD)"))
        return None if raw is None else self._take(node, path, date_value(raw))

    def choice(
        self, node: yaml.Node | None, path: str, choices: Mapping[str, T] | Sequence[str]
    ) -> Any:
        """One of a closed set of words; a mapping translates aliases to values."""
        raw = self.string(node, path)
        return None if raw is None else self._take(node, path, choice_value(raw, choices))

    def optional(
        self,
        fields: Mapping[str, yaml.Node],
        key: str,
        path: str,
        read: Callable[[yaml.Node, str], T | None],
    ) -> T | None:
        """Read ``fields[key]`` with ``read`` when present and not null, else ``None``."""
        node = fields.get(key)
        if node is None or self.is_null(node):
            return None
        return read(node, node_path(path, key))

    def required(
        self,
        fields: Mapping[str, yaml.Node],
        key: str,
        path: str,
        read: Callable[[yaml.Node, str], T | None],
    ) -> T | None:
        """Read ``fields[key]`` with ``read``; ``None`` when absent.

        [`mapping()`][mapping] already recorded a missing required field at its mapping, so an
        absent key is not reported twice, and ``read`` never sees ``None``.
        """
        node = fields.get(key)
        return None if node is None else read(node, node_path(path, key))


def build(text: str, source: str, reader: Callable[[Document], T | None]) -> T:
    """Parse ``text``, read it with ``reader`` and return the value, or raise every error.

    ``reader`` records problems on the document and returns ``None`` when it could not
    build a value; a value comes back only from a file without any error.

    Raises:
        DataFileError: Every problem of the text, each located.
    """
    doc = Document.parse(text, source=source)
    value = reader(doc)
    doc.raise_errors()
    if value is None:  # pragma: no cover - a reader returns None only after recording why
        msg = f"{source}: nothing could be read"
        raise AssertionError(msg)
    return value
