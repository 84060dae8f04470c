"""The streams of ``ppid``: output that never fails on a character, nor on a closed pipe.

Output never fails on a character the stream cannot encode (cp1252 on a Windows
redirect): on stdout it becomes ``?`` and one line on stderr says how many were replaced
([`Output`][Output]); on stderr it becomes a ``\\u2713`` escape ([`tolerant()`][tolerant]), so a
diagnostic keeps every detail. A closed stdout or stderr (``ppid ... >&-``) is treated as
``/dev/null``.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - typing is not imported at run time (start-up)
    from collections.abc import Iterator
    from typing import TextIO

__all__ = ["Output", "after_broken_pipe", "is_terminal", "say", "stdout_for", "tolerant"]


def tolerant(stream: TextIO | None, errors: str) -> None:
    """Let ``stream`` replace what its encoding cannot write, instead of raising."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(stream, io.TextIOWrapper) or not encoding:
        return
    try:
        if codecs.lookup(encoding).name.startswith("utf"):
            return  # every character encodes
        if stream.errors == "strict":
            stream.reconfigure(errors=errors)
    except (LookupError, ValueError, OSError):  # an odd or closed stream: leave it be
        return


def is_terminal(stream: object) -> bool:
    """Whether a person is watching ``stream`` (a terminal); ``False`` for ``None``, a
    pipe, a file, or a closed or odd stream."""
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


class Output(io.TextIOBase):
    """The command's output: what its encoding cannot write becomes ``?``, and is counted.

    A Windows console or redirect is often cp1252; a name in another script must end in
    neither a traceback nor a silent loss, so [`main()`][main] says how many characters were
    replaced. ``encoding`` and ``errors`` are the stream's own, so a command can choose
    what to print (``v`` for ``✓``) by them.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.lost = 0

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)  # a text stream encodes all, or writes nothing
        except UnicodeEncodeError:
            encoding = self.encoding
            self.lost += sum(1 for ch in text if not _encodable(ch, encoding))
            self.stream.write(text.encode(encoding, "replace").decode(encoding))
            return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return is_terminal(self.stream)

    def fileno(self) -> int:
        return self.stream.fileno()

    def warn(self) -> None:
        """Say how many characters were replaced, if any."""
        if self.lost:
            from ppid_core._i18n import _  # noqa: PLC0415 - only when one was lost

            text = _(
                "ppid: {n} character(s) cannot be written in {encoding} and are shown as '?'; "
                "set PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) to keep them"
            )
            say(text.format(n=self.lost, encoding=self.encoding))


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def say(text: str) -> None:
    """A line on stderr, if there is a stderr to write to."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError):  # stderr closed or gone: nothing else to tell
        print(text, file=sys.stderr)


@contextlib.contextmanager
def stdout_for(out: TextIO | None) -> Iterator[TextIO]:
    """The stream to print to: ``out``, else stdout (``/dev/null`` when stdout is closed)."""
    if out is not None:
        yield out
        return
    if sys.stdout is not None:
        yield sys.stdout
        return
    from pathlib import Path  # noqa: PLC0415 - rare: stdout closed

    with Path(os.devnull).open("w", encoding="utf-8") as devnull:
        yield devnull


def after_broken_pipe(stream: TextIO) -> None:
    """Point stdout at ``/dev/null`` so that flushing at exit fails no more (Python docs,
    "Note on SIGPIPE"), when ``stream`` is the process's stdout."""
    if stream is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
