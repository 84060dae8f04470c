"""Command-line options shared by several commands (one definition, one help text).

- [`add_output_options()`][add_output_options]: ``--format`` with the formats the command really
  produces,
  and ``--json``, shorthand for ``--format json`` on every reporting command;
- [`add_unmask_option()`][add_unmask_option]: ``--unmask``, the one way to show personal data as
  written;
- [`add_rules_option()`][add_rules_option]: ``--rules``, the deadline rule set (``--regime`` is the
  IKM
  regime of ``ppid ikm score`` only);
- [`add_calendar_options()`][add_calendar_options]: the office's calendar (zone, cuti bersama, extra
  data).

A renamed flag ([`DeprecatedFlag`][DeprecatedFlag]) or choice ([`ChoiceAction`][ChoiceAction]) keeps
working
for one release, with one line on stderr that names its replacement
([`deprecation_note()`][deprecation_note]); the reference page lists them all.

Help texts and messages are English, marked for the catalog and translated when the
parser is built or the message is said (the language is chosen by then: ``ppid --lang``);
module-level texts ([`FORMAT_HELP`][FORMAT_HELP], [`UNMASK_HELP`][UNMASK_HELP]) are marked
with ``N_`` and translated where they are used.

This module imports nothing heavy at import time: the calendar is imported by the
functions that need it, so ``ppid rb`` does not load it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ppid_core._i18n import N_, _
from ppid_core.cli._streams import is_terminal

if TYPE_CHECKING:
    from typing import TextIO

    from ppid_core.calendar import WorkCalendar

__all__ = [
    "FORMATS",
    "TEXT_DEFAULT_HELP",
    "UNMASK_HELP",
    "ChoiceAction",
    "DeprecatedFlag",
    "add_calendar_options",
    "add_output_options",
    "add_rules_option",
    "add_unmask_option",
    "calendar_from_args",
    "deprecation_note",
    "output_format",
    "report_format",
    "zone_from_args",
    "zone_option",
]

FORMATS = ("text", "md", "html", "csv", "json", "xlsx")
"""Every output format a command may offer; each command lists those it can produce."""

FORMAT_HELP = {
    "text": N_("text for the terminal"),
    "md": N_("Markdown"),
    "html": N_("an HTML page to print"),
    "csv": N_("CSV (UTF-8; formulas neutralised)"),
    "json": N_("one JSON object"),
    "xlsx": N_("an Excel workbook"),
}
"""What each format is, in English (translate with ``_()`` where shown)."""

UNMASK_HELP = N_(
    "show personal data (names, phone numbers, e-mail addresses) as written; masked by default"
)
"""The help of ``--unmask``, the same wherever it appears (English; ``_(UNMASK_HELP)``
where it is shown)."""

RULES_HELP = N_("deadline rule set (default uu_14_2008; perki_1_2019 for election information)")


def deprecation_note(parser: argparse.ArgumentParser, old: str, new: str) -> None:
    """Say on stderr that ``old`` is deprecated, and what to write instead.

    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     deprecation_note(argparse.ArgumentParser(prog="ppid x"), "--csv", "--format csv")
    >>> print(err.getvalue(), end="")
    ppid x: warning: --csv is deprecated and will be removed in the next release; use --format csv
    """
    text = _(
        "{prog}: warning: {old} is deprecated and will be removed in the next release; use {new}"
    )
    print(text.format(prog=parser.prog, old=old, new=new), file=sys.stderr)


class DeprecatedFlag(argparse.Action):
    """An old flag that still works for one release: it stores ``const`` (a flag without
    a value) or its value into ``dest``, after a [`deprecation_note()`][deprecation_note].

    Its help is hidden; ``replacement`` is what the note tells the user to write, with
    ``{value}`` standing for the value given.
    """

    def __init__(
        self, option_strings: Sequence[str], dest: str, *, replacement: str, **kwargs: Any
    ) -> None:
        self.replacement = replacement
        kwargs.setdefault("help", argparse.SUPPRESS)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        value = self.const if self.nargs == 0 else values
        old = option_string or self.option_strings[0]
        new = self.replacement.format(value=value)
        deprecation_note(parser, old if self.nargs == 0 else f"{old} {value}", new)
        setattr(namespace, self.dest, value)


class _Choices(tuple[str, ...]):
    """Choices that also accept deprecated ones, which help and errors do not list."""

    hidden: frozenset[str]

    def __new__(cls, choices: Iterable[str], hidden: Iterable[str]) -> _Choices:
        self = super().__new__(cls, choices)
        self.hidden = frozenset(hidden)
        return self

    def __contains__(self, value: object) -> bool:
        return value in self.hidden or super().__contains__(value)


class ChoiceAction(argparse.Action):
    """Store one of ``choices``; a ``deprecated`` choice still works for one release.

    ``deprecated`` maps each old choice to the value stored for it and to what the user
    should write instead, which a [`deprecation_note()`][deprecation_note] says; help and usage
    errors
    list only the current choices.
    """

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str,
        *,
        choices: Iterable[str],
        deprecated: Mapping[str, tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        self.deprecated = dict(deprecated)
        super().__init__(option_strings, dest, choices=_Choices(choices, deprecated), **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        value = str(values)
        if value in self.deprecated:
            value, instead = self.deprecated[value]
            deprecation_note(parser, f"{option_string or self.option_strings[0]} {values}", instead)
        setattr(namespace, self.dest, value)


def add_output_options(
    parser: argparse.ArgumentParser,
    formats: Sequence[str],
    *,
    default: str,
    aliases: Mapping[str, str] | None = None,
    legacy_flags: Mapping[str, str] | None = None,
) -> None:
    """``--format`` with the command's ``formats``, and ``--json`` if JSON is one of them.

    Args:
        parser: The command's parser.
        formats: The formats the command can produce, in the order of [`FORMATS`][FORMATS].
        default: The format without options.
        aliases: Old names of formats that still work for one release (``markdown``).
        legacy_flags: Old flags that still work for one release, each with its format
            (``{"--csv": "csv"}``).

    The chosen format is [`output_format()`][output_format] of the parsed arguments.
    """
    unknown = [f for f in (*formats, default) if f not in FORMATS]
    if unknown or default not in formats:
        from ppid_core.errors import InvalidArgumentError  # noqa: PLC0415 - a bug, rare

        msg = f"formats {list(formats)} (default {default!r}) are not among {FORMATS}"
        raise InvalidArgumentError(msg)
    group = parser.add_argument_group(_("output"))
    listed = "; ".join(f"{f}: {_(FORMAT_HELP[f])}" for f in formats)
    group.add_argument(
        "--format",
        action=ChoiceAction,
        choices=formats,
        deprecated={old: (new, f"--format {new}") for old, new in (aliases or {}).items()},
        default=None,
        help=_("output format (default {default}) — {listed}").format(
            default=default, listed=listed
        ),
    )
    if "json" in formats:
        group.add_argument(
            "--json",
            action="store_true",
            help=_("print one JSON object (same as --format json)"),
        )
    for flag, fmt in (legacy_flags or {}).items():
        group.add_argument(
            flag,
            action=DeprecatedFlag,
            dest="format",
            nargs=0,
            const=fmt,
            replacement=f"--format {fmt}",
        )
    parser.set_defaults(default_format=default, format_parser=parser)


def output_format(args: argparse.Namespace) -> str:
    """The format asked for: ``--format``, else ``json`` for ``--json``, else the default.

    ``--json`` with another format is bad usage (exit 2).
    """
    chosen: str | None = args.format
    json_flag = bool(getattr(args, "json", False))
    if json_flag and chosen not in {None, "json"}:
        parser: argparse.ArgumentParser = args.format_parser
        parser.error(
            _("--json means --format json; it cannot be combined with --format {chosen}").format(
                chosen=chosen
            )
        )
    if json_flag:
        return "json"
    return chosen or str(args.default_format)


def add_unmask_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--unmask``: show personal data as written (every report masks it by default)."""
    parser.add_argument("--unmask", action="store_true", help=_(UNMASK_HELP))


def add_rules_option(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """``--rules R``, the deadline rule set, and its deprecated alias ``--regime``."""
    parser.add_argument("--rules", choices=names, default="uu_14_2008", help=_(RULES_HELP))
    parser.add_argument(
        "--regime",
        action=DeprecatedFlag,
        dest="rules",
        choices=names,
        replacement="--rules {value}",
    )


# -- the calendar ---------------------------------------------------------------------------


def zone_option(text: str) -> str:
    """An argparse type for ``--zone``: the IANA name of an Indonesian zone, or bad usage.

    An empty value is refused rather than taken for the default (Asia/Jakarta).

    >>> zone_option(" WITA ")
    'Asia/Makassar'
    """
    from ppid_core.calendar import resolve_zone  # noqa: PLC0415 - only commands with a calendar
    from ppid_core.errors import UnknownZoneError  # noqa: PLC0415

    if not text.strip():
        msg = _("empty; expected an Indonesian IANA zone, WIB, WITA, WIT or a province name")
        raise argparse.ArgumentTypeError(msg)
    try:
        return resolve_zone(text)
    except UnknownZoneError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """The office's calendar: zone, cuti bersama, extra data, estimation."""
    from ppid_core.calendar import HOLIDAYS_DIR_ENV  # noqa: PLC0415 - see the module docstring

    group = parser.add_argument_group(
        _("calendar"),
        _(
            "Holiday data: the bundled decrees, the files in ${variable} (a folder) and "
            "--holidays. Years after the decreed data are estimated (fixed-date holidays by "
            "Keppres, movable ones by python-holidays, no cuti bersama) and every result that "
            "rests on them is marked provisional; --no-estimate refuses them instead."
        ).format(variable=HOLIDAYS_DIR_ENV),
    )
    group.add_argument(
        "--zone",
        type=zone_option,
        default=None,
        help=_(
            "IANA zone, WIB/WITA/WIT or province (default: the --local file's, else "
            "Asia/Jakarta); an unknown or empty zone is bad usage"
        ),
    )
    group.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help=_("count cuti bersama as working days (default: non-working, as for ASN offices)"),
    )
    group.add_argument(
        "--holidays",
        action="append",
        default=[],
        metavar="FILE",
        help=_(
            "a holiday file for one year, e.g. a revised SKB (repeatable, one file per "
            "year); it replaces the bundled year, whose every day it must keep or list under "
            "'removed:'"
        ),
    )
    group.add_argument(
        "--local",
        metavar="FILE",
        help=_("the office's local calendar: closures, extra working days, zone, office hours"),
    )
    group.add_argument(
        "--no-estimate",
        action="store_true",
        help=_("refuse dates after the decreed holiday data instead of estimating them"),
    )


def zone_from_args(args: argparse.Namespace) -> str:
    """The office's zone: ``--zone``, else the local file's, else Asia/Jakarta."""
    from ppid_core.calendar import load_local_calendar  # noqa: PLC0415 - see the module docstring

    if args.zone is not None:
        return str(args.zone)  # resolved by zone_option when parsed
    if args.local is not None:
        local = load_local_calendar(args.local)
        if local.zone:
            return local.zone
    return "Asia/Jakarta"


def calendar_from_args(args: argparse.Namespace, *, through: int) -> WorkCalendar:
    """The calendar the options of [`add_calendar_options()`][add_calendar_options] describe.

    Args:
        args: The parsed options.
        through: The last year the command needs; years after the decreed data up to it
            are estimated unless ``--no-estimate`` was given.
    """
    from ppid_core.calendar import WorkCalendar, extra_holiday_years  # noqa: PLC0415

    return WorkCalendar.indonesia(
        cuti_bersama=not args.no_cuti_bersama,
        zone=zone_from_args(args),
        local=args.local,
        extra_years=extra_holiday_years(args.holidays),
        estimate_until=None if args.no_estimate else through,
    )


TEXT_DEFAULT_HELP = N_(
    "without --format: text (aligned tables) when the output is a terminal, else Markdown"
)
"""How the format is chosen without ``--format`` (English; shown with ``_()``)."""


def report_format(args: argparse.Namespace, out: TextIO) -> str:
    """The format asked for; without ``--format`` (or ``--json``) and ``--output``, ``text``
    (aligned tables) when ``out`` is a terminal, else the command's default (``md``), so a
    pipe or a script keeps its Markdown."""
    chosen = output_format(args)
    if args.format is None and chosen == "md" and not getattr(args, "output", None):
        return "text" if is_terminal(out) else chosen
    return chosen
