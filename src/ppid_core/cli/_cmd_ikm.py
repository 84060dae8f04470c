"""``ppid ikm``: score a satisfaction survey (IKM) and size its sample.

``ppid ikm score`` prints ``--format text`` (aligned tables; the default on a terminal),
``md`` (the default in a pipe, a file or with ``--output``), ``csv`` or ``json`` (``--json``:
the result's ``to_dict()``, with the breakdown's under ``by``); ``--format markdown``
still works for one release, with a note on stderr. ``--regime`` is the IKM regime.
``ppid ikm sample-size`` prints ``--format text`` or ``json``. ``ppid ikm score FILE...``
reads several files (in worker processes with ``--jobs N``) and merges them
([`Survey.merge`][ppid_core.ikm.Survey.merge]) into exactly the result of their
concatenation; every file's errors are reported, and a progress bar on stderr (a terminal
only) counts the files read.

Help texts, messages and the text output are English, marked for the catalog and shown in
the language chosen (``ppid --lang id``); JSON is the same in every language.

References:
    Permenpan RB 14/2017 Pasal 1 and Lampiran (SKM: unsur, NRR, bobot, konversi x 25,
    tabel interval; besaran sampel menurut tabel Krejcie dan Morgan).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ppid_core._i18n import _
from ppid_core._tables import dumps_json
from ppid_core.cli._ikm_options import add_score_arguments, whole_number
from ppid_core.cli._jobs import file_errors, run_each
from ppid_core.cli._options import add_output_options, output_format, report_format
from ppid_core.cli._output import add_score_options, check_file_options, write_score
from ppid_core.cli._progress import progress
from ppid_core.errors import UnknownNameError
from ppid_core.ikm import (
    MissingPolicy,
    Regime,
    ScoringPolicy,
    Survey,
    krejcie_morgan,
    load_regime,
    read_survey,
    shown_note,
)


def _usage(args: argparse.Namespace, message: str) -> NoReturn:
    """Bad usage: the message under the command's usage line, exit status 2."""
    parser: argparse.ArgumentParser = args.parser
    parser.error(message)


def _mapping(items: list[str] | None, parser: argparse.ArgumentParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        header, sep, unsur = item.partition("=")
        if not sep or not header.strip() or not unsur.strip():
            parser.error(
                _("--map expects HEADER=UNSUR (e.g. U8=sarana), got {item!r}").format(item=item)
            )
        out[header.strip()] = unsur.strip()
    return out


def read_one(path: str | bytes, options: dict[str, Any]) -> Survey:
    """Read one FILE with the reading options (run in a worker process with ``--jobs``);
    ``ppid serve`` gives an upload's bytes, with its name as ``source_name``."""
    return read_survey(Path(path) if isinstance(path, str) else path, **options)


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
        _usage(args, _("--sheet and --include-hidden apply to .xlsx workbooks only"))
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
    names = [str(p) for p in paths]
    if args.jobs > 1 and len(names) > 1:
        outcomes = run_each(read_one, names, options, jobs=args.jobs)
    else:  # one file at a time: the bar counts the files read
        steps = progress(names, total=len(names), what=_("Reading surveys"), unit=_("files"))
        outcomes = [o for name in steps for o in run_each(read_one, [name], options)]
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
        said.append(_("header in {row}").format(row=_header_rows(survey.header_row)))
    if survey.layout == "long":
        said.append(_("long layout (one row per answer)"))
    if said:
        line = _("ppid: read {source}: {what}").format(source=survey.source, what=", ".join(said))
        print(line, file=sys.stderr)
    elif workbook:
        print(_("ppid: read {source}").format(source=survey.source), file=sys.stderr)
    for note in survey.notes:  # data (the JSON's reading.notes) in English, shown translated
        print(_("ppid: note: {note}").format(note=shown_note(note)), file=sys.stderr)


def _header_rows(described: str) -> str:
    """The header's rows (``HeaderRow.describe()``: English data) in the language in use."""
    one = re.fullmatch(r"row (\d+)", described)
    if one:
        return _("row {number}").format(number=one[1])
    two = re.fullmatch(r"rows (\d+)-(\d+) \(two header rows joined\)", described)
    if two:
        return _("rows {first}-{last} (two header rows joined)").format(first=two[1], last=two[2])
    return described


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
            _(
                "--regime: unknown regime {name!r}; use one of {known} or the path of a .yaml file"
            ).format(name=name, known=known),
        )
    try:
        return load_regime(name)
    except OSError as exc:
        _usage(
            args,
            _("--regime: cannot read {name!r} ({reason})").format(
                name=name, reason=exc.strerror or exc
            ),
        )


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
    fmt = report_format(args, out)
    check_file_options(args, fmt)
    regime = _regime(args)
    policy = _policy(args, regime)
    survey = _read(args, regime)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = survey.score(policy=policy, population=args.population)
    for w in caught:
        print(_("ppid: warning: {message}").format(message=w.message), file=sys.stderr)
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
        text = _(
            "Population {population}: survey at least {size} respondents "
            "(Krejcie & Morgan 1970, {method})."
        )
        method = _("table") if args.method == "table" else _("formula")
        print(text.format(population=args.population, size=size, method=method), file=out)
    return 0


def register(ikm: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid ikm`` with ``score`` and ``sample-size``."""
    sub = ikm.add_subparsers(dest="ikm_command", required=True, metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help=_("score a respondents file (CSV or XLSX)"),
        description=_(
            "Score a satisfaction survey: one row per questionnaire, one column per unsur "
            "(by name or alias, by question code U1..U9 read by the regime's question "
            "numbers, or by question text as Google Forms exports it), or one row per answer "
            "(--layout long). The header may stand below title rows, over two rows. Exact "
            "arithmetic; values half-up to 2 decimals for display only."
        )
        + " "
        + _(
            "Without --format, the output is text (aligned tables) when printed to a terminal "
            "and md (Markdown) in a pipe, a file or with --output."
        ),
    )
    add_score_arguments(score)
    add_output_options(
        score, ("text", "md", "csv", "json", "xlsx"), default="md", aliases={"markdown": "md"}
    )
    add_score_options(score)
    score.set_defaults(handler=_score, parser=score)
    size = sub.add_parser(
        "sample-size",
        help=_("respondents needed for a population"),
        description=_("Sample size after Krejcie & Morgan (1970)."),
    )
    size.add_argument(
        "population", type=whole_number(1), metavar="N", help=_("service population (>= 1)")
    )
    size.add_argument(
        "--method",
        choices=["table", "formula"],
        default="table",
        help=_(
            "table: Table 1 of Krejcie & Morgan (1970), the default; formula: their formula, "
            "evaluated exactly"
        ),
    )
    add_output_options(size, ("text", "json"), default="text")
    size.set_defaults(handler=_sample_size, parser=size)


def demo(out: TextIO) -> None:
    """Score the synthetic respondents that reproduce KPU NTT's published 2024 table."""
    from ppid_core.examples.ikm import SEED_FILE, read_seed_survey  # noqa: PLC0415 - demo only

    survey = read_seed_survey()
    result = survey.score()
    title = _("IKM: {file} (synthetic respondents reproducing KPU NTT 2024)").format(file=SEED_FILE)
    print(f"== {title} ==", file=out)
    print(file=out)
    print(result.to_markdown(), file=out)
    print(file=out)
    print(survey.score(by="Layanan").to_markdown(), file=out)
    print(file=out)
