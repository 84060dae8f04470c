"""Command-line options shared by several commands (one definition, one help text)."""

from __future__ import annotations

import argparse

from ppid_core.calendar import (
    HOLIDAYS_DIR_ENV,
    WorkCalendar,
    extra_holiday_years,
    load_local_calendar,
    resolve_zone,
)
from ppid_core.errors import UnknownZoneError

__all__ = ["add_calendar_options", "calendar_from_args", "zone_from_args", "zone_option"]


def zone_option(text: str) -> str:
    """An argparse type for ``--zone``: the IANA name of an Indonesian zone, or bad usage.

    An empty value is refused rather than taken for the default (Asia/Jakarta).

    >>> zone_option(" WITA ")
    'Asia/Makassar'
    """
    if not text.strip():
        msg = "empty; expected an Indonesian IANA zone, WIB, WITA, WIT or a province name"
        raise argparse.ArgumentTypeError(msg)
    try:
        return resolve_zone(text)
    except UnknownZoneError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """The office's calendar: zone, cuti bersama, extra data, estimation."""
    group = parser.add_argument_group(
        "calendar",
        f"Holiday data: the bundled decrees, the files in ${HOLIDAYS_DIR_ENV} (a folder) and "
        "--holidays. Years after the decreed data are estimated (fixed-date holidays by "
        "Keppres, movable ones by python-holidays, no cuti bersama) and every result that "
        "rests on them is marked provisional; --no-estimate refuses them instead.",
    )
    group.add_argument(
        "--zone",
        type=zone_option,
        default=None,
        help="IANA zone, WIB/WITA/WIT or province (default: the --local file's, else Asia/Jakarta)",
    )
    group.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help="count cuti bersama as working days (default: non-working, as for ASN offices)",
    )
    group.add_argument(
        "--holidays",
        action="append",
        default=[],
        metavar="FILE",
        help="a holiday file for one year, e.g. a revised SKB (repeatable); replaces the "
        "bundled year, which it must account for",
    )
    group.add_argument(
        "--local",
        metavar="FILE",
        help="the office's local calendar: closures, extra working days, zone, office hours",
    )
    group.add_argument(
        "--no-estimate",
        action="store_true",
        help="refuse dates after the decreed holiday data instead of estimating them",
    )


def zone_from_args(args: argparse.Namespace) -> str:
    """The office's zone: ``--zone``, else the local file's, else Asia/Jakarta."""
    if args.zone is not None:
        return str(args.zone)  # resolved by zone_option when parsed
    if args.local is not None:
        local = load_local_calendar(args.local)
        if local.zone:
            return local.zone
    return "Asia/Jakarta"


def calendar_from_args(args: argparse.Namespace, *, through: int) -> WorkCalendar:
    """The calendar the options of :func:`add_calendar_options` describe.

    Args:
        args: The parsed options.
        through: The last year the command needs; years after the decreed data up to it
            are estimated unless ``--no-estimate`` was given.
    """
    return WorkCalendar.indonesia(
        cuti_bersama=not args.no_cuti_bersama,
        zone=zone_from_args(args),
        local=args.local,
        extra_years=extra_holiday_years(args.holidays),
        estimate_until=None if args.no_estimate else through,
    )
