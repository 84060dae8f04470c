"""``ppid ikm``: score a satisfaction survey (IKM) and size its sample.

``ppid ikm score`` prints ``--format md`` (the default), ``csv`` or ``json`` (``--json``:
the result's ``to_dict()``, with the breakdown's under ``by``); ``--format markdown``
still works for one release, with a note on stderr. ``--regime`` is the IKM regime.
``ppid ikm sample-size`` prints ``--format text`` or ``json``. ``ppid ikm score FILE...``
reads several files (in worker processes with ``--jobs N``) and merges them
([`Survey.merge`][ppid_core.ikm.Survey.merge]) into exactly the result of their
concatenation; every file's errors are reported.

References:
    Permenpan RB 14/2017 Pasal 1 and Lampiran (SKM: unsur, NRR, bobot, konversi x 25,
    tabel interval; besaran sampel menurut tabel Krejcie dan Morgan).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ppid_core._tables import dumps_json
from ppid_core.cli._jobs import add_jobs_option, file_errors, run_each
from ppid_core.cli._options import add_output_options, output_format
from ppid_core.cli._output import add_score_options, check_file_options, write_score
from ppid_core.errors import UnknownNameError
from ppid_core.ikm import (
    MissingPolicy,
    Regime,
    ScoringPolicy,
    Survey,
    krejcie_morgan,
    load_regime,
    read_survey,
)

_PLACES = 10  # the most decimals a legacy rounding option takes


def _whole_number(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number within bounds; anything else is bad usage (exit 2)."""
    span = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"

    def parse(text: str) -> int:
        value: int | None
        try:
            value = int(text.strip()) if text.strip().lstrip("+-").isdigit() else None
        except ValueError:  # more digits than Python reads
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            shown = text if len(text) <= 20 else text[:20] + "..."
            msg = f"expected a whole number {span}, got {shown!r}"
            raise argparse.ArgumentTypeError(msg)
        return value

    parse.__name__ = "whole number"  # argparse names the type in its own messages
    return parse


def _usage(args: argparse.Namespace, message: str) -> NoReturn:
    """Bad usage: the message under the command's usage line, exit status 2."""
    parser: argparse.ArgumentParser = args.parser
    parser.error(message)


def _mapping(items: list[str] | None, parser: argparse.ArgumentParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        header, sep, unsur = item.partition("=")
        if not sep or not header.strip() or not unsur.strip():
            parser.error(f"--map expects HEADER=UNSUR (e.g. U8=sarana), got {item!r}")
        out[header.strip()] = unsur.strip()
    return out


def read_one(path: str, options: dict[str, Any]) -> Survey:
    """Read one FILE with the reading options (run in a worker process with ``--jobs``)."""
    return read_survey(Path(path), **options)


def _read(args: argparse.Namespace, regime: Regime) -> Survey:
    """Read every FILE (CSV or XLSX), in worker processes with ``--jobs N`` (N > 1), and
    merge them in the order given: the survey of their concatenation. A ``--by`` column or
    ``--sheet`` a file does not have is bad usage. The ``--by`` columns are named when
    reading, so that they are checked before the file is read and kept whatever their
    number of values. What the reading assumed (the header row when it is not row 1, a
    long layout, each question code read by its question number) is said on stderr.
    Every file's errors are reported, together."""
    paths = [Path(f) for f in args.files]
    if (args.sheet is not None or args.include_hidden) and not all(map(_is_workbook, paths)):
        _usage(args, "--sheet and --include-hidden apply to .xlsx workbooks only")
    options: dict[str, Any] = {
        "regime": regime,
        "columns": _mapping(args.map, args.parser),
        "missing": MissingPolicy(args.missing),
        "by": args.by or [],
        "layout": args.layout,
        "sheet": args.sheet,
        "include_hidden": args.include_hidden,
        "engine": args.engine,
    }
    outcomes = run_each(read_one, [str(p) for p in paths], options, jobs=args.jobs)
    for outcome in outcomes:
        if isinstance(outcome, UnknownNameError):
            _usage(args, str(outcome))
    if (error := file_errors([str(p) for p in paths], outcomes)) is not None:
        raise error  # in file order, each error naming its file
    surveys = [o for o in outcomes if isinstance(o, Survey)]
    for path, survey in zip(paths, surveys, strict=True):
        _say_reading(survey, workbook=_is_workbook(path))
    return Survey.merge(surveys)


def _say_reading(survey: Survey, *, workbook: bool) -> None:
    """On stderr: the sheet read (a workbook), the header when it is not row 1, a long
    layout, and each note of the reading."""
    said = []
    if survey.header_row not in {"", "row 1"}:
        said.append(f"header in {survey.header_row}")
    if survey.layout == "long":
        said.append("long layout (one row per answer)")
    if workbook or said:
        print(f"ppid: read {survey.source}{': ' if said else ''}{', '.join(said)}", file=sys.stderr)
    for note in survey.notes:
        print(f"ppid: note: {note}", file=sys.stderr)


def _is_workbook(path: Path) -> bool:
    """Whether FILE is an XLSX workbook (by its name, else by its zip signature)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # the reader reports the file itself


def _regime(args: argparse.Namespace) -> Regime:
    """The ``--regime``: a shipped key or a YAML file; any other name is bad usage."""
    name: str = args.regime
    if name in Regime.bundled_names():
        return Regime.bundled(name)
    if not Path(name).suffix and not Path(name).exists():
        known = ", ".join(Regime.bundled_names())
        _usage(
            args,
            f"--regime: unknown regime {name!r}; use one of {known} or the path of a .yaml file",
        )
    try:
        return load_regime(name)
    except OSError as exc:
        _usage(args, f"--regime: cannot read {name!r} ({exc.strerror or exc})")


def _policy(args: argparse.Namespace, regime: Regime) -> ScoringPolicy | None:
    """The legacy policy the options ask for; a bad weight or place count is bad usage."""
    legacy = (args.legacy_weight, args.legacy_round_nrr, args.legacy_round_index)
    if all(v is None for v in legacy):
        return None
    try:
        policy = ScoringPolicy.legacy_spreadsheet(
            weight=args.legacy_weight,
            nrr_places=args.legacy_round_nrr,
            index_places=args.legacy_round_index,
        )
        policy.check(regime)
    except ValueError as exc:  # InvalidTallyError: a weight that is not a rounded 1/k
        _usage(args, str(exc))
    return policy


def _score(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args)
    check_file_options(args, fmt)
    regime = _regime(args)
    policy = _policy(args, regime)
    survey = _read(args, regime)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = survey.score(policy=policy, population=args.population)
    for w in caught:
        print(f"ppid: warning: {w.message}", file=sys.stderr)
    breakdown = survey.score(by=args.by, policy=policy) if args.by else None
    return write_score(
        args, out, fmt, survey=survey, result=result, breakdown=breakdown, policy=policy
    )


def _sample_size(args: argparse.Namespace, out: TextIO) -> int:
    size = krejcie_morgan(args.population, method=args.method)
    if output_format(args) == "json":
        print(
            dumps_json(
                {
                    "population": args.population,
                    "sample_size": size,
                    "method": f"Krejcie & Morgan (1970), {args.method}",
                }
            ),
            file=out,
        )
    else:
        print(
            f"Population {args.population}: survey at least {size} respondents "
            f"(Krejcie & Morgan 1970, {args.method}).",
            file=out,
        )
    return 0


def register(ikm: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid ikm`` with ``score`` and ``sample-size``."""
    sub = ikm.add_subparsers(dest="ikm_command", required=True, metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help="score a respondents file (CSV or XLSX)",
        description="Score a satisfaction survey: one row per questionnaire, one column per "
        "unsur (by name or alias, by question code U1..U9 read by the regime's question "
        "numbers, or by question text as Google Forms exports it), or one row per answer "
        "(--layout long). The header may stand below title rows, over two rows. Exact "
        "arithmetic; values half-up to 2 decimals for display only.",
    )
    score.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="CSV (, ; or tab) or XLSX file; several files (same columns) are merged into "
        "exactly the result of their concatenation",
    )
    add_jobs_option(score)
    score.add_argument(
        "--regime",
        default="permenpan_14_2017",
        help=f"regime key ({', '.join(Regime.bundled_names())}) or a YAML file",
    )
    score.add_argument(
        "--by",
        action="append",
        metavar="COLUMN",
        help="also score each value of COLUMN (matched as headers are: case, blanks and a "
        "trailing dot ignored); repeat it for the combinations of several columns; a column "
        "with personal data (name, phone, e-mail, address, NIK) is refused",
    )
    score.add_argument(
        "--map",
        action="append",
        metavar="HEADER=UNSUR",
        help="map a column to an unsur, e.g. --map U8=pengaduan for an app that numbers "
        "pengaduan 8th (repeatable); also to a profile field, to date, or in a long layout "
        "to respondent, question or score, or a question cell to an unsur (--map 8=pengaduan)",
    )
    score.add_argument(
        "--layout",
        choices=["wide", "long"],
        help="wide: one row per questionnaire; long: one row per answer (respondent, "
        "question, score); default: told from the header",
    )
    score.add_argument(
        "--long",
        dest="layout",
        action="store_const",
        const="long",
        help="the same as --layout long",
    )
    score.add_argument(
        "--missing",
        choices=[p.value for p in MissingPolicy],
        default="refuse",
        help="blank answers: refuse (error, default), per_unsur "
        "(NRR over questionnaires that answered), drop (leave the row out)",
    )
    score.add_argument(
        "--population",
        type=_whole_number(1),
        metavar="N",
        help="service population: warn when respondents fall short of Krejcie & Morgan",
    )
    score.add_argument("--sheet", help="XLSX sheet name (default: the first visible sheet)")
    score.add_argument(
        "--engine",
        choices=["python", "polars"],
        default="python",
        help="CSV reader: the pure-Python one (default), or polars for big files (the "
        "[polars] extra; the same results and errors)",
    )
    score.add_argument(
        "--include-hidden",
        action="store_true",
        help="read hidden rows of an XLSX sheet (refused by default: they are easy to miss)",
    )
    score.add_argument(
        "--order",
        choices=["questionnaire", "regime"],
        default="questionnaire",
        help="row order of the report: by question number, as the seed's table "
        "(default), or the regime file's listing order",
    )
    score.add_argument(
        "--legacy-weight",
        metavar="W",
        help="NON-COMPLIANT: reproduce an old spreadsheet's weight, a rounded 1/k "
        "(0.11 or 0.111 for 9 unsur, 0.071 for 14)",
    )
    score.add_argument(
        "--legacy-round-nrr",
        type=_whole_number(0, _PLACES),
        metavar="N",
        help="NON-COMPLIANT: round each NRR half-up to N decimals before weighting",
    )
    score.add_argument(
        "--legacy-round-index",
        type=_whole_number(0, _PLACES),
        metavar="N",
        help="NON-COMPLIANT: round the weighted index half-up to N decimals before x 25",
    )
    add_output_options(
        score, ("md", "csv", "json", "xlsx"), default="md", aliases={"markdown": "md"}
    )
    add_score_options(score)
    score.set_defaults(handler=_score, parser=score)
    size = sub.add_parser(
        "sample-size",
        help="respondents needed for a population",
        description="Sample size after Krejcie & Morgan (1970).",
    )
    size.add_argument(
        "population", type=_whole_number(1), metavar="N", help="service population (>= 1)"
    )
    size.add_argument(
        "--method",
        choices=["table", "formula"],
        default="table",
        help="table: Table 1 of Krejcie & Morgan (1970), the default; formula: their "
        "formula, evaluated exactly",
    )
    add_output_options(size, ("text", "json"), default="text")
    size.set_defaults(handler=_sample_size, parser=size)


def demo(out: TextIO) -> None:
    """Score the synthetic respondents that reproduce KPU NTT's published 2024 table."""
    from ppid_core.examples.ikm import SEED_FILE, read_seed_survey  # noqa: PLC0415 - demo only

    survey = read_seed_survey()
    result = survey.score()
    print(f"== IKM: {SEED_FILE} (synthetic respondents reproducing KPU NTT 2024) ==", file=out)
    print(file=out)
    print(result.to_markdown(), file=out)
    print(file=out)
    print(survey.score(by="Layanan").to_markdown(), file=out)
    print(file=out)
