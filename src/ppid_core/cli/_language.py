"""``ppid --lang id|en``: the language of the command line, chosen before anything is said.

Help texts are written when the parser is built, so the global ``--lang`` is read from the
arguments before the parser exists (argparse then checks it again, and shows it in
``ppid --help``). Without ``--lang``, ``$PPID_LANG`` (``id`` or ``en``: an office sets it
once), else the locale decides (``LANG=id_ID.UTF-8`` gives Indonesian; see
[`ppid_core._i18n`][ppid_core._i18n]), else English.

argparse's own texts ("usage:", "the following arguments are required") come from the
standard library's gettext call in the ``argparse`` module, for which Python ships no
Indonesian catalog. They are listed below, translated in ppid-core's catalog, and
argparse is pointed at that catalog only while [`main()`][ppid_core.cli.main] runs
(restored afterwards, so a program embedding ``ppid`` keeps its own argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import os

from ppid_core import _i18n
from ppid_core._i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - typing is not imported at run time (start-up)
    from collections.abc import Iterator, Sequence

__all__ = ["ARGPARSE_MESSAGES", "LANG_VARIABLE", "language_in", "speaking"]

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""The texts of the standard library's argparse that a user can see, as it words them."""


def language_in(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given before the command, if it names a language offered.

    >>> language_in(["--lang", "id", "deadline", "2025-03-27"])
    'id'
    >>> language_in(["--lang=en", "demo"])
    'en'
    >>> language_in(["deadline", "--lang", "id"]) is None  # after the command: not global
    True
    """
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg.startswith("-"):
            continue
        else:
            return None  # the command: global options end here
        return value if value in _i18n.LANGUAGES else None
    return None


LANG_VARIABLE = "PPID_LANG"
"""The variable that keeps an office's choice of language for every ``ppid`` command."""


def _variable() -> str | None:
    value = os.environ.get(LANG_VARIABLE, "").strip().lower()
    return value if value in _i18n.LANGUAGES else None


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Messages in ``lang`` (or the environment's language) while the block runs.

    Yields:
        The language in use.
    """
    before = _i18n.chosen_language()
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    chosen = lang or _variable() or _i18n.language_from_environment()
    _i18n.set_language(chosen)
    if chosen != "en":
        argparse._ = _i18n._  # type: ignore[attr-defined]
        argparse.ngettext = _i18n.ngettext  # type: ignore[attr-defined]
    try:
        yield chosen
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        _i18n.set_language(before)
