"""Where a loader's input comes from: a path, bytes or a binary file object.

Every ``load_*`` function of ppid-core takes its file in one of three forms, so that a web
app holding an upload in memory passes it as it is:

- a path (``str`` or `os.PathLike`, e.g. `pathlib.Path`);
- `bytes` (also ``bytearray`` or ``memoryview``): the file's content, never a path;
- a binary file object: anything whose ``read()`` returns bytes (``open(path, "rb")``,
  `io.BytesIO`, a framework's uploaded file). It is read from where it stands to its
  end, and is not closed.

Error messages name the file by ``source=`` when it is given, else by the path, else by the
file object's ``name`` (when that is text), else ``"<bytes>"`` or ``"<file>"``
([`source_name()`][source_name]). The limits and the located decoding errors are the same whatever
the form ([`read_source_text()`][read_source_text]):

    >>> read_source_text(b"year: 2027\\n")
    ('year: 2027\\n', '<bytes>')
    >>> import io
    >>> text, name = read_source_text(io.BytesIO("a: \\xe9\\n".encode("latin-1")), source="x.yaml")
    Traceback (most recent call last):
    ...
    ppid_core.errors.DataFileError: x.yaml: 1 error

Bundled data (holiday years, rule sets, topic tables, RB frameworks) is package YAML reached
by name ([`bundled_names()`][bundled_names], [`bundled_text()`][bundled_text]); the old loader names
warn through
[`deprecated()`][deprecated].
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, BinaryIO, Protocol, TextIO, TypeAlias

from ppid_core._i18n import N_, _
from ppid_core._textio import bad_byte_error, csv_text
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "MAX_FILE_BYTES",
    "BinaryReadable",
    "FileInput",
    "bundled_names",
    "bundled_text",
    "deprecated",
    "is_path",
    "open_csv_source",
    "read_bounded",
    "read_source",
    "read_source_text",
    "source_name",
]

MAX_FILE_BYTES = 10 * 1024 * 1024
"""The largest YAML data file read (10 MiB): composing takes about a second per MiB and
several times the file's size in memory, so a larger file is refused, not read slowly."""

_CHUNK = 1024 * 1024
# What the bundled data files are, as the readers name them in bundled_text(what=...):
# marked for the catalog here, translated where the message is made.
_BUNDLED_KINDS = (
    N_("decision table"),
    N_("e-Monev instrument"),
    N_("framework"),
    N_("holiday year"),
    N_("register layout"),
    N_("regime"),
    N_("required list"),
    N_("rule set"),
    N_("table"),
    N_("topic table"),
    N_("zone table"),
)


class BinaryReadable(Protocol):
    """A binary file object: ``read(size)`` gives at most ``size`` bytes, ``b""`` at the end."""

    def read(self, size: int = -1, /) -> bytes:  # pragma: no cover - a protocol
        """At most ``size`` bytes (all that is left when ``size`` is negative)."""
        ...


FileInput: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryReadable"
"""What a ``load_*`` function reads: a path, the file's bytes, or a binary file object."""


def is_path(file: object) -> bool:
    """Whether ``file`` is a path (``str`` or `os.PathLike`), not content.

    >>> is_path("2027.yaml"), is_path(b"year: 2027"), is_path(io.BytesIO())
    (True, False, False)
    """
    return isinstance(file, str | os.PathLike)


def source_name(file: object, source: str | None = None) -> str:
    """The name error messages give ``file``: ``source`` when given, else the path, else
    the file object's ``name`` (when it is text), else ``"<bytes>"`` or ``"<file>"``.

    >>> source_name("data/2027.yaml"), source_name(b"..."), source_name(io.BytesIO())
    ('data/2027.yaml', '<bytes>', '<file>')
    >>> source_name(b"...", "upload.yaml")
    'upload.yaml'
    """
    if source is not None:
        return source
    if isinstance(file, str | os.PathLike):
        return str(os.fspath(file))
    if isinstance(file, bytes | bytearray | memoryview):
        return "<bytes>"
    name = getattr(file, "name", None)  # a temporary file's name may be its descriptor
    return name if isinstance(name, str) and name else "<file>"


def _size(n: int) -> str:
    """``10485760`` as ``10 MiB``; other sizes in bytes."""
    mib = 1024 * 1024
    return f"{n // mib} MiB" if n % mib == 0 and n >= mib else _("{n:,} bytes").format(n=n)


def _too_large(
    name: str, size: int | None, max_bytes: int, message: Callable[[int | None], str] | None
) -> DataFileError:
    """The located error for content over ``max_bytes`` (``size`` when it is known)."""
    text = (
        message(size)
        if message is not None
        else _(
            "the file is larger than {limit}, the limit for a data file; "
            "split it (for example one file per year)"
        ).format(limit=_size(max_bytes))
    )
    return DataFileError.from_errors(name, [LocatedError(text, source=name, line=1, column=1)])


def read_bounded(path: str | os.PathLike[str], max_bytes: int) -> tuple[bytes | None, int | None]:
    """At most ``max_bytes`` of the file at ``path``; ``(None, size)`` when it holds more.

    The size of a regular file is checked before anything is read; a pipe or a device
    (``/dev/zero``) is read up to one byte past the limit, never further. ``size`` is
    ``None`` when it is not known (a device).

    Raises:
        OSError: The file cannot be read.
    """
    with open(path, "rb") as f:  # noqa: PTH123 - a str or PathLike, as given
        st = os.fstat(f.fileno())
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            return None, st.st_size
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        return None, st.st_size if stat.S_ISREG(st.st_mode) else None
    return data, len(data)


def _read_object(file: BinaryReadable, name: str, max_bytes: int | None) -> bytes:
    """What is left of a file object, at most ``max_bytes + 1`` bytes when bounded."""
    parts: list[bytes] = []
    total = 0
    while max_bytes is None or total <= max_bytes:
        want = _CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - total)
        part = file.read(want)
        if not isinstance(part, bytes | bytearray):
            msg = (
                f"{name}: the file object gave {type(part).__name__}, not bytes; open the "
                "file in binary mode (open(path, 'rb')) or pass its bytes"
            )
            raise TypeError(msg)
        if not part:
            break
        parts.append(bytes(part))
        total += len(part)
    return b"".join(parts)


def read_source(
    file: FileInput,
    *,
    source: str | None = None,
    max_bytes: int | None = MAX_FILE_BYTES,
    too_large: Callable[[int | None], str] | None = None,
) -> tuple[bytes, str]:
    """The bytes of ``file`` (a path, bytes or a binary file object) and its display name.

    Args:
        file: A path, the content as bytes, or a binary file object (read to its end).
        source: The name used in error messages (default: see [`source_name()`][source_name]).
        max_bytes: The largest content read; more is refused after reading
            ``max_bytes + 1`` bytes at most (a regular file's size is checked before it is
            read). ``None``: no limit (for streamed tables, whose rows have their own).
        too_large: The message for content over the limit, given its size when known
            (default: the message of the YAML data files).

    Raises:
        DataFileError: The content is larger than ``max_bytes`` (located at 1:1).
        TypeError: ``file`` is none of the three forms, or a file object opened as text.
        OSError: The path cannot be read.
    """
    name = source_name(file, source)
    if isinstance(file, str | os.PathLike):
        if max_bytes is None:
            with open(file, "rb") as f:  # noqa: PTH123 - a str or PathLike, as given
                return f.read(), name
        found, size = read_bounded(file, max_bytes)
        if found is None:
            raise _too_large(name, size, max_bytes, too_large)
        return found, name
    if isinstance(file, bytes | bytearray | memoryview):
        data = bytes(file)
        size = len(data)
    elif callable(getattr(file, "read", None)):
        data = _read_object(file, name, max_bytes)
        size = None  # over a limit, read one byte past it only: the whole size is not known
    else:
        msg = (
            f"expected a path, bytes or a binary file object, got {type(file).__name__}; "
            "to read text, use the matching parse_* function"
        )
        raise TypeError(msg)
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(name, size, max_bytes, too_large)
    return data, name


def read_source_text(
    file: FileInput,
    *,
    source: str | None = None,
    max_bytes: int | None = MAX_FILE_BYTES,
    too_large: Callable[[int | None], str] | None = None,
) -> tuple[str, str]:
    """The text of ``file`` decoded as UTF-8 (a byte-order mark is dropped), and its name.

    Same arguments as [`read_source()`][read_source].

    Raises:
        DataFileError: The content is over the limit, or its bytes are not UTF-8 (the
            error names the line and column of the first bad byte and what to do).
        TypeError: ``file`` is none of the three forms, or a file object opened as text.
        OSError: The path cannot be read.
    """
    data, name = read_source(file, source=source, max_bytes=max_bytes, too_large=too_large)
    error = bad_byte_error(data, name)
    if error is not None:
        raise error
    return data.decode("utf-8-sig"), name


@contextlib.contextmanager
def open_csv_source(file: FileInput, *, source: str | None = None) -> Iterator[TextIO]:
    """``file`` as UTF-8 text for the ``csv`` readers, with located errors.

    A path is streamed; bytes and a file object's content are read into memory first.
    See `ppid_core._textio.csv_text()` for what is refused.

    Raises:
        DataFileError: The content is a workbook, UTF-16, binary or not UTF-8 (located).
        TypeError: ``file`` is none of the three forms.
        OSError: The path cannot be read.
    """
    name = source_name(file, source)
    raw: BinaryIO
    if isinstance(file, str | os.PathLike):
        raw = open(file, "rb")  # noqa: PTH123, SIM115 - closed below
    else:
        raw = io.BytesIO(read_source(file, source=name, max_bytes=None)[0])
    with raw, csv_text(raw, name) as fh:
        yield fh


# -- bundled data ---------------------------------------------------------------------


def _folder(package: str, folder: str) -> Traversable:
    """The data folder of a package: on the file system when the package is installed
    there (the usual case: [`pathlib`][pathlib] only), else through `importlib.resources`
    (a zip import), which costs some 40 ms more to import."""
    from pathlib import Path  # noqa: PLC0415 - only bundled data needs it

    module = sys.modules.get(package) or importlib.import_module(package)
    file = getattr(module, "__file__", None)
    if file is not None:
        local = Path(file).parent.joinpath(*folder.split("/"))
        if local.is_dir():
            return local
    return _resource_folder(package, folder)


def _resource_folder(package: str, folder: str) -> Traversable:
    from importlib import resources  # noqa: PLC0415 - a package not on the file system

    node = resources.files(package)
    for part in folder.split("/"):
        node = node / part
    return node


def bundled_names(package: str, folder: str) -> tuple[str, ...]:
    """The names of the YAML files a package ships in ``folder`` (without ``.yaml``), sorted.

    >>> bundled_names("ppid_core.requests", "data/rules")
    ('perki_1_2019', 'uu_14_2008')
    """
    return tuple(
        sorted(
            p.name.removesuffix(".yaml")
            for p in _folder(package, folder).iterdir()
            if p.name.endswith(".yaml")
        )
    )


def bundled_text(package: str, folder: str, name: str, *, what: str) -> tuple[str, str]:
    """The text of the bundled YAML file ``name`` and the source its errors would name.

    Args:
        package: The package shipping the data, e.g. ``"ppid_core.requests"``.
        folder: Its folder inside the package, e.g. ``"data/rules"``.
        name: The file's name without ``.yaml``.
        what: What the data is, for the error (``"rule set"``).

    Raises:
        UnknownNameError: No such file; the message lists the bundled names.

    >>> bundled_text("ppid_core.requests", "data/rules", "uu_14", what="rule set")
    Traceback (most recent call last):
    ...
    ppid_core.errors.UnknownNameError: unknown rule set 'uu_14'; bundled: perki_1_2019, uu_14_2008
    """
    names = bundled_names(package, folder)
    if name not in names:
        text = _("unknown {what} {name!r}; bundled: {names}")
        msg = text.format(what=_(what), name=name, names=", ".join(names))
        raise UnknownNameError(msg)
    text = (_folder(package, folder) / f"{name}.yaml").read_text(encoding="utf-8")
    return text, f"{package.replace('.', '/')}/{folder}/{name}.yaml"


# -- deprecations ---------------------------------------------------------------------


def deprecated(old: str, new: str, *, stacklevel: int = 3, guide: str = "Loading data") -> None:
    """Warn that ``old`` is deprecated in favour of ``new`` (both as the user writes them).

    The old names keep working for one release; the ``guide`` named in the message lists
    them with their new spelling (``docs/guides/loading.md`` for loaders, ``results.md``
    for the result methods).

    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     deprecated("read_rule_set(path)", "load_rule_set(path)", stacklevel=2)
    >>> print(caught[0].message)
    read_rule_set(path) is deprecated and will be removed in ppid-core 0.2; use ...
    """
    warnings.warn(
        f"{old} is deprecated and will be removed in ppid-core 0.2; use {new} "
        f"(see the guide {guide!r})",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def moved_name(
    module: str, name: str, moved: Mapping[str, tuple[str, str, str]], *, guide: str
) -> object:
    """Attribute ``name`` of package ``module`` found in its table of old names, ``moved``.

    For a package's module ``__getattr__`` (PEP 562): ``moved`` maps each old name to what
    the user should write instead and to the module and attribute it now is; using one
    warns, by [`deprecated()`][deprecated], at the code that used it. Any other name is
    an `AttributeError`, as for any module.
    """
    if name not in moved:
        msg = f"module {module!r} has no attribute {name!r}"
        raise AttributeError(msg)
    new, where, attribute = moved[name]
    deprecated(f"{module}.{name}", new, stacklevel=4, guide=guide)
    return getattr(importlib.import_module(where), attribute)
