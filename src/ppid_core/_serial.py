"""Strict reading of the serialised forms of mergeable summaries (``to_dict()`` output).

Shared by every package whose summaries merge (the IKM tallies, the service summary of
a request register): one reader, so every published form is checked the same way.

A published tally, breakdown, profile or service summary comes back through
``from_dict()``: a mapping as ``json.load`` gives it, checked field by field. Every
problem is collected with its path (``$.groups[2].tally.totals[3]``) and raised together
as one [`DataFileError`][ppid_core.errors.DataFileError]; nothing is coerced (``4.0`` or
``"4"`` where a count belongs is refused, as ``true`` is).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from ppid_core._i18n import _
from ppid_core.errors import DataFileError, LocatedError

__all__ = ["VERSION", "DictReader", "kind_of"]

#: The version of every serialised form this release writes and reads.
VERSION = 1

T = TypeVar("T")


def kind_of(value: object) -> str:
    """What a JSON value is, in words, for a message (never the value itself).

    >>> kind_of(4.0), kind_of("4"), kind_of(True), kind_of(None), kind_of([])
    ('a number with a fraction part (4.0)', 'a text', 'true/false', 'null', 'a list')
    """
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return _("the number {value}").format(value=value)
    if isinstance(value, float):
        return _("a number with a fraction part ({value!r})").format(value=value)
    if isinstance(value, str):
        return _("a text")
    if isinstance(value, Mapping):
        return _("an object")
    if isinstance(value, Sequence):
        return _("a list")
    return type(value).__name__


class DictReader:
    """Collects the located problems of one serialised form (see the module docstring).

    Args:
        source: The name used in the errors (a file name, ``"<dict>"``).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[LocatedError] = []

    def error(self, path: str, message: str) -> None:
        """Record a problem at ``path``."""
        self.errors.append(LocatedError(message, source=self.source, path=path))

    def raise_errors(self) -> None:
        """Raise every problem recorded, together.

        Raises:
            DataFileError: At least one problem was recorded.
        """
        if self.errors:
            raise DataFileError.from_errors(self.source, self.errors)

    def header(
        self, value: object, path: str, *, kind: str, fields: Sequence[str]
    ) -> Mapping[str, object] | None:
        """The object at ``path`` if it is one of ``kind`` in [`VERSION`][VERSION], with no
        unknown key; every key of ``fields`` must be there (``format`` and ``version``
        are checked here and must not be in ``fields``)."""
        if not isinstance(value, Mapping):
            text = _("expected an object ({format} version {version}), got {kind}")
            self.error(path, text.format(format=kind, version=VERSION, kind=kind_of(value)))
            return None
        known = ("format", "version", *fields)
        for key in value:
            if key not in known:
                text = _("unknown key {key!r}; expected {keys}")
                self.error(path, text.format(key=key, keys=", ".join(known)))
        for key in known:
            if key not in value:
                self.error(path, _("missing key {key!r}").format(key=key))
        if "format" in value and value["format"] != kind:
            text = _("expected {format!r}, got {kind}")
            self.error(f"{path}.format", text.format(format=kind, kind=kind_of(value["format"])))
        version = value.get("version", VERSION)
        if isinstance(version, bool) or version != VERSION:
            self.error(
                f"{path}.version",
                _("unsupported version ({kind}); this release reads version {version}").format(
                    kind=kind_of(version), version=VERSION
                ),
            )
            return None
        return value

    def field(
        self,
        data: Mapping[str, object],
        key: str,
        path: str,
        read: Callable[[object, str], T | None],
    ) -> T | None:
        """``read`` applied to ``data[key]`` at ``path.key``; ``None`` when it is missing
        (already reported by [`header()`][header]) or bad."""
        if key not in data:
            return None
        return read(data[key], f"{path}.{key}")

    def obj(self, value: object, path: str, keys: tuple[str, ...]) -> Mapping[str, object] | None:
        """An object with exactly ``keys``."""
        if not isinstance(value, Mapping):
            self.error(path, f"expected an object, got {kind_of(value)}")
            return None
        ok = True
        for key in value:
            if key not in keys:
                ok = False
                self.error(path, f"unknown key {key!r}; expected {', '.join(keys)}")
        for key in keys:
            if key not in value:
                ok = False
                self.error(path, f"missing key {key!r}")
        return value if ok else None

    def integer(self, value: object, path: str) -> int | None:
        """A whole number >= 0 (an ``int``, not ``true``, ``4.0`` or ``"4"``)."""
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(
                path, _("expected a whole number >= 0, got {kind}").format(kind=kind_of(value))
            )
            return None
        return value

    def text(self, value: object, path: str) -> str | None:
        """A text."""
        if not isinstance(value, str):
            self.error(path, _("expected a text, got {kind}").format(kind=kind_of(value)))
            return None
        return value

    def items(self, value: object, path: str) -> list[object] | None:
        """A list (a JSON array)."""
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            self.error(path, _("expected a list, got {kind}").format(kind=kind_of(value)))
            return None
        return list(value)

    def each(
        self, value: object, path: str, read: Callable[[object, str], T | None]
    ) -> list[T] | None:
        """A list with ``read`` applied to each item (at ``path[i]``); ``None`` if any is bad."""
        items = self.items(value, path)
        if items is None:
            return None
        out = [read(item, f"{path}[{i}]") for i, item in enumerate(items)]
        return None if any(v is None for v in out) else [v for v in out if v is not None]

    def unique_texts(self, value: object, path: str) -> tuple[str, ...] | None:
        """A list of distinct texts."""
        texts = self.each(value, path, self.text)
        if texts is None:
            return None
        seen: set[str] = set()
        for i, text in enumerate(texts):
            if text in seen:
                self.error(f"{path}[{i}]", _("{text!r} is given twice").format(text=text))
                return None
            seen.add(text)
        return tuple(texts)
