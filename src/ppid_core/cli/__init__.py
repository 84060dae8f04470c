"""The ``ppid`` command line.

Each part of the library adds its commands from a module ``_cmd_<part>.py`` in this
package, which defines ``ORDER`` (its place in ``ppid demo`` and in ``--help``),
``register(subparsers)`` and ``demo(out)``.

Exit status:

- 0 on success, and also when the reader of a pipe stops early (``ppid demo | head -1``):
  the reader had what it wanted, so the command ends quietly; reporting 141 (killed by
  SIGPIPE, as C tools do) would fail every ``set -o pipefail`` script that pipes into
  ``head``, for no fault of ``ppid`` or of the data;
- 1 on bad data: every error on stderr with its location;
- 2 on bad usage: the message under the command's usage line;
- 3 on an internal error (a bug in ppid-core): stderr names the exception and the line of
  code, never its message, which may quote personal data from the input; set
  ``PPID_DEBUG=1`` to see the full traceback when reporting it;
- 130 when interrupted (Ctrl-C).

Output never fails on a character the stream cannot encode (cp1252 on a Windows
redirect): on stdout it becomes ``?`` and one line on stderr says how many were replaced;
on stderr it becomes a ``\\u2713`` escape, so a diagnostic keeps every detail. A closed
stdout or stderr (``ppid ... >&-``) is treated as ``/dev/null``.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib
import io
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from ppid_core import __version__
from ppid_core.calendar import ESTIMATE_LIMIT
from ppid_core.errors import CalendarCoverageError, DataFileError, PpidError

__all__ = ["EXIT_INTERNAL", "main"]

EXIT_INTERNAL = 3
"""Exit status of an internal error (a bug), distinct from bad data (1) and usage (2)."""
DEBUG_ENV = "PPID_DEBUG"


def _parts() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("_cmd_"))
    mods = [importlib.import_module(f"{__name__}.{n}") for n in names]
    return sorted(mods, key=lambda m: int(m.ORDER))


def _coverage_advice(exc: CalendarCoverageError) -> str:
    """A coverage error in command-line terms (the library's message speaks Python)."""
    if exc.subject is None or exc.first_day is None or exc.last_day is None:
        return str(exc)
    return (
        f"{exc.subject} is outside the holiday data ({exc.first_day} to {exc.last_day}); "
        "add that year with --holidays FILE (or a folder of files in $PPID_HOLIDAYS_DIR); "
        "years after the decreed data are estimated unless --no-estimate is given, "
        f"at most {ESTIMATE_LIMIT} years ahead"
    )


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    for part in args.parts:
        part.demo(out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every part's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="ppid",
        description="Indonesian public-information service toolkit: working days, "
        "KIP request deadlines, IKM scoring, RB action plans.",
    )
    parser.add_argument("--version", action="version", version=f"ppid-core {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parts = _parts()
    demo = sub.add_parser("demo", help="run the main jobs on the embedded example data")
    demo.set_defaults(handler=_demo, parts=parts)
    for part in parts:
        part.register(sub)
    return parser


# -- streams -------------------------------------------------------------------------------


def _tolerant(stream: TextIO | None, errors: str) -> None:
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


class _Output(io.TextIOBase):
    """The command's output: what its encoding cannot write becomes ``?``, and is counted.

    A Windows console or redirect is often cp1252; a name in another script must end in
    neither a traceback nor a silent loss, so :func:`main` says how many characters were
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
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.stream.fileno()

    def warn(self) -> None:
        """Say how many characters were replaced, if any."""
        if self.lost:
            _say(
                f"ppid: {self.lost} character(s) cannot be written in {self.encoding} and are "
                "shown as '?'; set PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) to keep them"
            )


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _say(text: str) -> None:
    """A line on stderr, if there is a stderr to write to."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError):  # stderr closed or gone: nothing else to tell
        print(text, file=sys.stderr)


@contextlib.contextmanager
def _stdout(out: TextIO | None) -> Iterator[TextIO]:
    """The stream to print to: ``out``, else stdout (``/dev/null`` when stdout is closed)."""
    if out is not None:
        yield out
        return
    if sys.stdout is not None:
        yield sys.stdout
        return
    with Path(os.devnull).open("w", encoding="utf-8") as devnull:
        yield devnull


def _after_broken_pipe(stream: TextIO) -> None:
    """Point stdout at ``/dev/null`` so that flushing at exit fails no more (Python docs,
    "Note on SIGPIPE"), when ``stream`` is the process's stdout."""
    if stream is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# -- errors --------------------------------------------------------------------------------


def _leaves(group: BaseExceptionGroup[BaseException]) -> list[BaseException]:
    out: list[BaseException] = []
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup) and not isinstance(exc, DataFileError):
            out += _leaves(exc)
        else:
            out.append(exc)
    return out


def _report(exc: PpidError) -> str:
    if isinstance(exc, DataFileError):
        return exc.report()
    if isinstance(exc, CalendarCoverageError):
        return f"ppid: {_coverage_advice(exc)}"
    return f"ppid: {exc}"


def _internal(exc: BaseException) -> int:
    """Report a bug without its message (it may quote the input's personal data)."""
    if os.environ.get(DEBUG_ENV):
        _say("".join(traceback.format_exception(exc)).rstrip())
        return EXIT_INTERNAL
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "ppid_core" in Path(f.filename).parts] or frames
    where = ""
    if ours:
        last = ours[-1]
        parts = Path(last.filename).parts
        shown = "/".join(parts[parts.index("ppid_core") :]) if "ppid_core" in parts else parts[-1]
        where = f" at {shown}:{last.lineno} ({last.name})"
    _say(
        f"ppid: internal error: {type(exc).__name__}{where}. This is a bug in ppid-core; "
        "please report it with the command you ran (the message is not shown, as it may "
        f"quote your data; {DEBUG_ENV}=1 shows the whole traceback)"
    )
    return EXIT_INTERNAL


def _run(args: argparse.Namespace, stdout: TextIO) -> int:
    """Run the chosen command; every outcome becomes an exit status."""
    output = _Output(stdout)
    try:
        code = int(args.handler(args, output))
        output.flush()
    except SystemExit as exc:  # a handler's parser.error(): bad usage
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except BrokenPipeError:  # the reader of a pipe stopped reading: a normal end
        _after_broken_pipe(stdout)
        return 0
    except PpidError as exc:
        _say(_report(exc))
        return 1
    except OSError as exc:
        _say(f"ppid: {exc.filename or ''}: {exc.strerror or exc}")
        return 1
    except ExceptionGroup as group:  # several files' errors together
        leaves = _leaves(group)
        if not all(isinstance(e, PpidError) for e in leaves):
            return _internal(group)
        for leaf in leaves:
            assert isinstance(leaf, PpidError)
            _say(_report(leaf))
        return 1
    except Exception as exc:  # a bug: reported without personal data
        return _internal(exc)
    finally:
        output.warn()
    return code


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run ``ppid``; returns the exit status instead of exiting (the script wrapper exits).

    Args:
        argv: The arguments (default ``sys.argv[1:]``).
        out: Where the command prints its result (default stdout).
    """
    _tolerant(sys.stderr, "backslashreplace")
    try:
        with _stdout(out) as stdout:
            try:
                parser = build_parser()
                args = parser.parse_args(argv)
            except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
                return int(exc.code or 0) if not isinstance(exc.code, str) else 2
            except BrokenPipeError:  # --help read by `head`
                _after_broken_pipe(sys.stdout)
                return 0
            except Exception as exc:  # a bug while parsing
                return _internal(exc)
            return _run(args, stdout)
    except KeyboardInterrupt:
        _say("ppid: interrupted")
        return 130
