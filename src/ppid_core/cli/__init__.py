"""The ``ppid`` command line.

Each part of the library adds its commands from a module ``_cmd_<part>.py`` in this
package, which defines ``register(parser)`` (it fills the parser of its command) and
``demo(out)``. [`COMMANDS`][COMMANDS] names each command with its one-line help and module, so
that ``ppid --help`` and ``ppid --version`` import no command module: a command's module,
and with it the part of the library it needs, is imported only when the command is
chosen (``ppid demo`` imports them all). The order of [`COMMANDS`][COMMANDS] is the order of
``ppid --help`` and of ``ppid demo``. Options shared by several commands are defined once,
in ``_options.py``.

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

Output never fails on a character the stream cannot encode, nor on a closed pipe or
stream (see ``_streams.py``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from ppid_core._i18n import LANGUAGES, N_, _
from ppid_core.cli._language import language_in, speaking
from ppid_core.cli._streams import Output, after_broken_pipe, say, stdout_for, tolerant

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - typing is not imported at run time (start-up)
    from collections.abc import Sequence
    from types import ModuleType
    from typing import Any, TextIO

    from ppid_core.errors import CalendarCoverageError, PpidError

__all__ = ["COMMANDS", "EXIT_INTERNAL", "Command", "build_parser", "main"]

EXIT_INTERNAL = 3
"""Exit status of an internal error (a bug), distinct from bad data (1) and usage (2)."""
DEBUG_ENV = "PPID_DEBUG"


class Command:
    """A top-level command: its name, its one-line help and the module that fills it.

    Attributes:
        name: The command (``deadline``).
        help: Its line in ``ppid --help``, in English, marked for the catalog (``N_``) and
            translated where it is shown.
        module: ``_cmd_<part>`` in this package, or ``None`` for ``ppid demo``.
    """

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, help: str, module: str | None) -> None:
        self.name = name
        self.help = help
        self.module = module

    def __repr__(self) -> str:
        return f"Command({self.name!r}, {self.help!r}, {self.module!r})"


COMMANDS: tuple[Command, ...] = (
    Command("demo", N_("run the main jobs on the embedded example data"), None),
    Command(
        "deadline",
        N_("every deadline of an information request (UU 14/2008 Pasal 22, 36-38)"),
        "_cmd_deadline",
    ),
    Command("calendar", N_("holiday data: show a year, check a file, coverage"), "_cmd_calendar"),
    Command("register", N_("request registers (register permohonan informasi)"), "_cmd_requests"),
    Command(
        "report",
        N_("the annual report, laporan layanan informasi publik (Perki 1/2021)"),
        "_cmd_report",
    ),
    Command("dip", N_("Daftar Informasi Publik: check it, print it in its layout"), "_cmd_dip"),
    Command(
        "monev",
        N_("e-Monev self-assessment (Perki 1/2022): a predicted score, items without evidence"),
        "_cmd_monev",
    ),
    Command("ikm", N_("Indeks Kepuasan Masyarakat (satisfaction survey)"), "_cmd_ikm"),
    Command("rb", N_("Reformasi Birokrasi teams, action plans, monitoring"), "_cmd_rb"),
    Command("serve", N_("the library over HTTP for other apps (the [server] extra)"), "_cmd_serve"),
)
"""Every command, in the order of ``ppid --help`` and ``ppid demo``."""


def _module(command: Command) -> ModuleType:
    """The module that fills ``command``'s parser (imported now, if it was not yet)."""
    return importlib.import_module(f"{__name__}.{command.module}")


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    for command in COMMANDS:
        if command.module is not None:
            _module(command).demo(out)
    return 0


class _Version(argparse.Action):
    """``--version``: the installed distribution's version, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", _("show the version of ppid-core and exit"))
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from ppid_core.cli._version import installed_version  # noqa: PLC0415 - on demand

        if sys.stdout is not None:  # as argparse's own version action: stdout, then exit 0
            sys.stdout.write(f"ppid-core {installed_version()}\n")
        parser.exit()


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The commands: a command's module fills its parser when the command is chosen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filled: set[str] = set()

    def fill(self, name: str) -> argparse.ArgumentParser:
        """The parser of command ``name``, filled by its module (once)."""
        parser: argparse.ArgumentParser = self._name_parser_map[name]
        if name not in self.filled:
            command = next(c for c in COMMANDS if c.name == name)
            if command.module is None:
                parser.set_defaults(handler=_demo)
            else:
                _module(command).register(parser)
            self.filled.add(name)
        return parser

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values and values[0] in self._name_parser_map:
            self.fill(values[0])  # argparse reports an unknown command itself
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, complete: bool = False) -> argparse.ArgumentParser:
    """The argument parser of ``ppid``.

    Args:
        complete: Fill every command's parser now (for the reference page and tests);
            by default a command's module fills its parser when the command is chosen.
    """
    parser = argparse.ArgumentParser(
        prog="ppid",
        description=_(
            "Indonesian public-information service toolkit: working days, "
            "KIP request deadlines, IKM scoring, RB action plans."
        ),
    )
    parser.register("action", "commands", _Commands)
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_(
            "language of messages and reports: id (Bahasa Indonesia) or en (English); "
            "default: $PPID_LANG, else the locale (LANG=id_ID... gives id), else en"
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", action="commands")
    for command in COMMANDS:
        sub.add_parser(command.name, help=_(command.help))
        if complete and isinstance(sub, _Commands):
            sub.fill(command.name)
    return parser


# -- errors --------------------------------------------------------------------------------


def _coverage_advice(exc: CalendarCoverageError) -> str:
    """A coverage error in command-line terms (the library's message speaks Python)."""
    from ppid_core.calendar import ESTIMATE_LIMIT  # noqa: PLC0415 - loaded by now anyway

    if exc.subject is None or exc.first_day is None or exc.last_day is None:
        return str(exc)
    return _(
        "{subject} is outside the holiday data ({first} to {last}); "
        "add that year with --holidays FILE (or a folder of files in $PPID_HOLIDAYS_DIR); "
        "years after the decreed data are estimated unless --no-estimate is given, "
        "at most {limit} years ahead"
    ).format(subject=exc.subject, first=exc.first_day, last=exc.last_day, limit=ESTIMATE_LIMIT)


def _leaves(group: BaseExceptionGroup[BaseException]) -> list[BaseException]:
    from ppid_core.errors import DataFileError  # noqa: PLC0415 - see the module docstring

    out: list[BaseException] = []
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup) and not isinstance(exc, DataFileError):
            out += _leaves(exc)
        else:
            out.append(exc)
    return out


def _report(exc: PpidError) -> str:
    from ppid_core.errors import CalendarCoverageError, DataFileError  # noqa: PLC0415

    if isinstance(exc, DataFileError):
        return exc.report()
    if isinstance(exc, CalendarCoverageError):
        return f"ppid: {_coverage_advice(exc)}"
    return f"ppid: {exc}"


def _internal(exc: BaseException) -> int:
    """Report a bug without its message (it may quote the input's personal data)."""
    import traceback  # noqa: PLC0415 - only for a bug
    from pathlib import Path  # noqa: PLC0415

    if os.environ.get(DEBUG_ENV):
        say("".join(traceback.format_exception(exc)).rstrip())
        return EXIT_INTERNAL
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "ppid_core" in Path(f.filename).parts] or frames
    where = ""
    if ours:
        last = ours[-1]
        parts = Path(last.filename).parts
        shown = "/".join(parts[parts.index("ppid_core") :]) if "ppid_core" in parts else parts[-1]
        where = " " + _("at {place}").format(place=f"{shown}:{last.lineno} ({last.name})")
    text = _(
        "ppid: internal error: {error}{where}. This is a bug in ppid-core; "
        "please report it with the command you ran (the message is not shown, as it may "
        "quote your data; {variable}=1 shows the whole traceback)"
    )
    say(text.format(error=type(exc).__name__, where=where, variable=DEBUG_ENV))
    return EXIT_INTERNAL


def _run(args: argparse.Namespace, stdout: TextIO) -> int:
    """Run the chosen command; every outcome becomes an exit status."""
    from ppid_core.errors import PpidError  # noqa: PLC0415 - the command imported it

    output = Output(stdout)
    try:
        code = int(args.handler(args, output))
        output.flush()
    except SystemExit as exc:  # a handler's parser.error(): bad usage
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except BrokenPipeError:  # the reader of a pipe stopped reading: a normal end
        after_broken_pipe(stdout)
        return 0
    except PpidError as exc:
        say(_report(exc))
        return 1
    except OSError as exc:
        say(f"ppid: {exc.filename or ''}: {exc.strerror or exc}")
        return 1
    except ExceptionGroup as group:  # several files' errors together
        leaves = _leaves(group)
        known = [e for e in leaves if isinstance(e, PpidError)]
        if len(known) < len(leaves):
            return _internal(group)
        for leaf in known:
            say(_report(leaf))
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
    tolerant(sys.stderr, "backslashreplace")
    try:
        with stdout_for(out) as stdout:
            words = sys.argv[1:] if argv is None else list(argv)
            with speaking(language_in(words)):
                return _parse_and_run(words, stdout)
    except KeyboardInterrupt:
        say(_("ppid: interrupted"))
        return 130


def _parse_and_run(argv: list[str], stdout: TextIO) -> int:
    """Parse ``argv`` and run the command (in the language already chosen)."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except BrokenPipeError:  # --help read by `head`
        after_broken_pipe(sys.stdout)
        return 0
    except Exception as exc:  # a bug while parsing
        return _internal(exc)
    return _run(args, stdout)
