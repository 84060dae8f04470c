"""The arguments of ``ppid ikm score``: what to read, how to score, the legacy options.

Help texts are English, marked for the catalog and shown in the language chosen
(``ppid --lang id``); they are built when the parser is built, after the language is chosen.

References:
    Permenpan RB 14/2017 Pasal 1 and Lampiran (SKM: unsur, NRR, bobot, konversi x 25);
    Krejcie dan Morgan (1970), Tabel 1 (besaran sampel).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ppid_core._i18n import _
from ppid_core.cli._jobs import add_jobs_option
from ppid_core.ikm import MissingPolicy, Regime

__all__ = ["add_score_arguments", "whole_number"]

_PLACES = 10  # the most decimals a legacy rounding option takes


def whole_number(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number within bounds; anything else is bad usage (exit 2)."""

    def parse(text: str) -> int:
        value: int | None
        try:
            value = int(text.strip()) if text.strip().lstrip("+-").isdigit() else None
        except ValueError:  # more digits than Python reads
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            shown = text if len(text) <= 20 else text[:20] + "..."
            msg = (
                _("expected a whole number >= {minimum}, got {text!r}").format(
                    minimum=minimum, text=shown
                )
                if maximum is None
                else _("expected a whole number from {minimum} to {maximum}, got {text!r}").format(
                    minimum=minimum, maximum=maximum, text=shown
                )
            )
            raise argparse.ArgumentTypeError(msg)
        return value

    parse.__name__ = "whole number"  # argparse names the type in its own messages
    return parse


def add_score_arguments(score: argparse.ArgumentParser) -> None:
    """The files, the regime, the breakdown, the reading and the legacy options of
    ``ppid ikm score`` (its output options are the command's)."""
    score.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_(
            "CSV (, ; or tab) or XLSX file; several files (same columns) are merged into "
            "exactly the result of their concatenation"
        ),
    )
    add_jobs_option(score)
    score.add_argument(
        "--regime",
        default="permenpan_14_2017",
        help=_("regime key ({names}) or a YAML file").format(
            names=", ".join(Regime.bundled_names())
        ),
    )
    score.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help=_(
            "also score each value of COLUMN (matched as headers are: case, blanks and a "
            "trailing dot ignored); repeat it for the combinations of several columns; a "
            "column with personal data (name, phone, e-mail, address, NIK) is refused"
        ),
    )
    score.add_argument(
        "--map",
        action="append",
        metavar="HEADER=UNSUR",
        help=_(
            "map a column to an unsur, e.g. --map U8=pengaduan for an app that numbers "
            "pengaduan 8th (repeatable); also to a profile field, to date, or in a long "
            "layout to respondent, question or score, or a question cell to an unsur (--map "
            "8=pengaduan)"
        ),
    )
    score.add_argument(
        "--layout",
        choices=["wide", "long"],
        help=_(
            "wide: one row per questionnaire; long: one row per answer (respondent, "
            "question, score); default: told from the header"
        ),
    )
    score.add_argument(
        "--long",
        dest="layout",
        action="store_const",
        const="long",
        help=_("the same as --layout long"),
    )
    score.add_argument(
        "--missing",
        choices=[p.value for p in MissingPolicy],
        default="refuse",
        help=_(
            "blank answers: refuse (error, default), per_unsur (NRR over questionnaires that "
            "answered), drop (leave the row out)"
        ),
    )
    score.add_argument(
        "--population",
        type=whole_number(1),
        metavar="N",
        help=_("service population: warn when respondents fall short of Krejcie & Morgan"),
    )
    score.add_argument("--sheet", help=_("XLSX sheet name (default: the first visible sheet)"))
    score.add_argument(
        "--engine",
        choices=["python", "polars"],
        default="python",
        help=_(
            "CSV reader: the pure-Python one (default), or polars for big files (the "
            "[polars] extra; the same results and errors)"
        ),
    )
    score.add_argument(
        "--include-hidden",
        action="store_true",
        help=_("read hidden rows of an XLSX sheet (refused by default: they are easy to miss)"),
    )
    score.add_argument(
        "--order",
        choices=["questionnaire", "regime"],
        default="questionnaire",
        help=_(
            "row order of the report: by question number, as the seed's table (default), or "
            "the regime file's listing order"
        ),
    )
    score.add_argument(
        "--legacy-weight",
        metavar="W",
        help=_(
            "NON-COMPLIANT: reproduce an old spreadsheet's weight, a rounded 1/k (0.11 or "
            "0.111 for 9 unsur, 0.071 for 14)"
        ),
    )
    score.add_argument(
        "--legacy-round-nrr",
        type=whole_number(0, _PLACES),
        metavar="N",
        help=_("NON-COMPLIANT: round each NRR half-up to N decimals before weighting"),
    )
    score.add_argument(
        "--legacy-round-index",
        type=whole_number(0, _PLACES),
        metavar="N",
        help=_("NON-COMPLIANT: round the weighted index half-up to N decimals before x 25"),
    )
