"""Command-line options shared by several commands (one definition, one help text)."""

from __future__ import annotations

import argparse

from ppid_core.calendar import WorkCalendar

__all__ = ["add_calendar_options", "calendar_from_args"]


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """``--zone`` and ``--no-cuti-bersama``: the office's calendar."""
    parser.add_argument(
        "--zone", default="Asia/Jakarta", help="IANA zone, WIB/WITA/WIT or province"
    )
    parser.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help="count cuti bersama as working days (default: non-working, as for ASN offices)",
    )


def calendar_from_args(args: argparse.Namespace) -> WorkCalendar:
    """The calendar the options of :func:`add_calendar_options` describe."""
    return WorkCalendar.indonesia(cuti_bersama=not args.no_cuti_bersama, zone=args.zone)
