"""Reading RB files: bounded in size, and a realisation's plan kept inside its folder.

Every RB file (team, plan, realisation) may be at most [`MAX_FILE_BYTES`][MAX_FILE_BYTES] (10 MiB),
whether it comes as a path, bytes or a binary file object: the seed plan of a province is
35 kB and a plan of 5,000 sub kegiatan about 1.2 MB, while a 100 MB file would take minutes
and gigabytes to check. A larger file is refused before it is read, with a located error
that names the limit:

    >>> import tempfile
    >>> from ppid_core.errors import DataFileError
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     big = Path(tmp) / "big.yaml"
    ...     with big.open("wb") as f:
    ...         _ = f.truncate(MAX_FILE_BYTES + 1)
    ...     try:
    ...         read_rb_source(big, source="big.yaml")
    ...     except DataFileError as exc:
    ...         print(exc.report())
    big.yaml:1:1: the file is 10,485,761 bytes; an RB file may be at most 10 MiB (10,485,760 bytes)

A realisation file names its plan (``plan: rencana-aksi.yaml``); [`resolve_plan()`][resolve_plan]
accepts only a file inside the realisation file's own folder (or below it), after
following links, so a realisation file cannot make ppid-core read ``/etc/passwd``,
``../../secret.yaml`` or ``/dev/zero``.
"""

from __future__ import annotations

import stat
from pathlib import Path

import attrs

from ppid_core._source import MAX_FILE_BYTES, FileInput, read_bounded, read_source_text
from ppid_core._textio import bad_byte_error
from ppid_core.errors import DataFileError, LocatedError

__all__ = [
    "MAX_FILE_BYTES",
    "PlanTarget",
    "check_text_size",
    "read_rb_source",
    "resolve_plan",
    "size_message",
]

_LIMIT = f"an RB file may be at most 10 MiB ({MAX_FILE_BYTES:,} bytes)"


def size_message(size: int | None, *, what: str = "the file") -> str:
    """The message for a file over the limit; ``size`` ``None`` when it is not known.

    >>> size_message(104_857_600)
    'the file is 104,857,600 bytes; an RB file may be at most 10 MiB (10,485,760 bytes)'
    """
    if size is None:
        return f"{what} is over 10 MiB; {_LIMIT}"
    return f"{what} is {size:,} bytes; {_LIMIT}"


def _too_large(source: str, size: int | None, what: str = "the file") -> DataFileError:
    err = LocatedError(size_message(size, what=what), source=source, line=1, column=1)
    return DataFileError.from_errors(source, [err])


def read_rb_source(file: FileInput, *, source: str | None = None) -> tuple[str, str]:
    """The text of an RB file (a path, bytes or a binary file object) and its name.

    Decoded as UTF-8, refused when over [`MAX_FILE_BYTES`][MAX_FILE_BYTES]; the name is ``source``,
    else the path, else the file object's name, else ``"<bytes>"``.

    Raises:
        DataFileError: The file is too large, or its bytes are not UTF-8 (located).
        OSError: The path cannot be read.
    """
    return read_source_text(file, source=source, too_large=size_message)


def check_text_size(text: str, source: str) -> None:
    """Refuse YAML text whose UTF-8 form is over [`MAX_FILE_BYTES`][MAX_FILE_BYTES].

    Raises:
        DataFileError: The text is too large (located at its first character).
    """
    if len(text) <= MAX_FILE_BYTES // 4:  # at most 4 bytes a character: cannot be over
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise _too_large(source, size, "the text")


@attrs.frozen
class PlanTarget:
    """Where a realisation's ``plan:`` leads: a readable file's text, or why not.

    Attributes:
        shown: The plan's path as messages show it (the folder joined with the name as
            written, links not followed).
        text: The plan file's text, when it could be read.
        problem: What is wrong with the ``plan:`` value, when the text could not be read.
    """

    shown: str
    text: str | None = attrs.field(default=None, kw_only=True)
    problem: str | None = attrs.field(default=None, kw_only=True)


def resolve_plan(name: str, folder: Path) -> PlanTarget:
    """Find and read the plan named ``name`` in a realisation file's ``folder``.

    The name is taken relative to ``folder``; after following every link, the file must
    still be inside ``folder`` (or a folder below it), be a regular file and be at most
    [`MAX_FILE_BYTES`][MAX_FILE_BYTES]. Nothing of a refused file is read, so its content is never
    shown. Bytes that are not UTF-8 raise the plan file's own located error.

    Raises:
        DataFileError: The plan file's bytes are not UTF-8.
    """
    shown = str(folder / name)
    if "\0" in name:
        return PlanTarget(
            shown,
            problem="the plan's file name contains a NUL character (\\0); "
            "'plan' names a YAML file in this file's folder",
        )
    if Path(name).is_absolute() or Path(name).drive:
        return PlanTarget(
            shown,
            problem=f"'plan' must be relative to this file's folder, got the absolute path "
            f"{name!r}; put the plan in this file's folder and give its file name",
        )
    try:
        base = folder.resolve()
        target = (base / name).resolve()
    except (OSError, RuntimeError) as exc:  # a link loop (RuntimeError before Python 3.13)
        return PlanTarget(shown, problem=f"cannot follow the plan file name {name!r}: {exc}")
    if not target.is_relative_to(base):
        how = (
            "leaves this file's folder"
            if ".." in Path(name).parts
            else "is a link out of this file's folder"
        )
        return PlanTarget(
            shown,
            problem=f"the plan {name!r} {how}; 'plan' must name a file in this file's folder "
            "(or a folder below it), after following links",
        )
    try:
        st = target.stat()
    except FileNotFoundError:
        return PlanTarget(
            shown,
            problem=f"the plan file {shown!r} does not exist; 'plan' is relative to this file",
        )
    except OSError as exc:
        return PlanTarget(
            shown, problem=f"cannot read the plan file {shown!r}: {exc.strerror or exc}"
        )
    if stat.S_ISDIR(st.st_mode):
        return PlanTarget(
            shown, problem=f"the plan {shown!r} is a directory; name the plan's YAML file"
        )
    if not stat.S_ISREG(st.st_mode):
        return PlanTarget(
            shown, problem=f"the plan {name!r} is not a regular file; name the plan's YAML file"
        )
    if st.st_size > MAX_FILE_BYTES:
        return PlanTarget(shown, problem=size_message(st.st_size, what=f"the plan file {name!r}"))
    try:
        data, size = read_bounded(target, MAX_FILE_BYTES)
    except OSError as exc:
        return PlanTarget(
            shown, problem=f"cannot read the plan file {shown!r}: {exc.strerror or exc}"
        )
    if data is None:  # it grew since it was looked at
        return PlanTarget(shown, problem=size_message(size, what=f"the plan file {name!r}"))
    error = bad_byte_error(data, shown)
    if error is not None:
        raise error
    return PlanTarget(shown, text=data.decode("utf-8-sig"))
