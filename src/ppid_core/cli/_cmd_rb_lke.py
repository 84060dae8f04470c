"""``ppid rb lke score``: the Zona Integritas LKE score of a unit's answers.

``ppid rb lke score FILE [--lke KEY|FILE] [--aggregation NAME] [--survey FILE...]
[--survey-value NAME] [--skm-published HOW] [--skm-follow-up DONE/TOTAL]
[--rb-plan FILE [--rb-realisation FILE]] [--format text|md|json] [--json]``

FILE holds the unit's answers (``kind: lke-answers``). The other options give what
ppid-core derives answers from, each labelled in the report; an answer in FILE always
wins:

- ``--survey FILE`` (repeatable): the unit's SKM survey files (CSV or XLSX, as
  ``ppid ikm score`` reads them). Only respondents dated in the answers' year are used:
  their triwulan give how often the SKM was held (pemenuhan iv.a) and their pooled index
  the IPKP-style survey value under ``--survey-value ikm-index`` (the default; ``none``
  derives none). A file without a date column, and undated rows, are not used (a note says
  so on stderr);
- ``--skm-published`` and ``--skm-follow-up``: what the office recorded about publishing
  and following up the SKM results (pemenuhan iv.b and iv.c); they win over ``recorded:``
  in FILE;
- ``--rb-plan`` (a plan, or a realisation file naming its plan) and ``--rb-realisation``:
  RB monitoring at the end of the answers' year gives "kegiatan sesuai rencana"
  (Manajemen Perubahan pemenuhan iii.a). A plan of another year is refused.

The default ``--survey-value ikm-index`` is kept because filling the IPKP-style value from
the office's SKM is what the command is for; every score and Tabel 6 condition resting on a
derived answer is marked "(estimasi)" (``"estimated": true`` in JSON), so an estimate never
decides a predicate unmarked.

Without ``--format`` the score prints as aligned text to a terminal and as Markdown
elsewhere. Help, messages and headings follow ``ppid --lang``; the notes of the score are
part of its JSON data and stay English, so JSON is the same in both languages.

The RB command group adds this command with ``add_lke(subcommands)``; ``demo(out)`` scores
the embedded example.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import TextIO

from ppid_core._i18n import _
from ppid_core.cli._options import add_output_options
from ppid_core.cli._output import write_result
from ppid_core.cli._progress import progress
from ppid_core.cli._rb_options import (
    TEXT_DEFAULT_HELP,
    add_framework_option,
    load_frameworks,
    report_format,
)
from ppid_core.errors import UnknownNameError
from ppid_core.rb import (
    DEFAULT_LKE,
    DEFAULT_LKE_AGGREGATION,
    LKE_AGGREGATIONS,
    LKE_SURVEY_VALUES,
    SKM_PUBLISHED,
    ActionPlan,
    Framework,
    Lke,
    LkeEvidence,
    PlanStatus,
    bundled_lke,
    lke_names,
    load_any,
    load_lke,
    load_lke_answers,
    load_realisation,
    plan_status,
    score_lke,
)

__all__ = ["EXAMPLE", "add_lke", "demo"]

#: The embedded example answers (a fictitious, fully answered unit).
EXAMPLE = "lke-example.yaml"
_FOLLOW_UP = re.compile(r"([0-9]{1,6})/([0-9]{1,6})")


def _follow_up(text: str) -> tuple[int, int]:
    m = _FOLLOW_UP.fullmatch(text)
    if not m or int(m[1]) > int(m[2]):
        msg = _("expected DONE/TOTAL with DONE <= TOTAL (e.g. 3/4), got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg)
    return int(m[1]), int(m[2])


def _nonempty(text: str) -> str:
    if not text.strip():
        msg = _("expected a file name or key, got an empty value")
        raise argparse.ArgumentTypeError(msg)
    return text


def _lke(args: argparse.Namespace) -> Lke:
    name = args.lke
    if name in lke_names():
        return bundled_lke(name)
    if Path(name).suffix in {".yaml", ".yml"} or Path(name).exists():
        return load_lke(Path(name))
    parser: argparse.ArgumentParser = args.parser
    return parser.error(
        _("argument --lke: unknown LKE {name!r}; give a file or one of: {names}").format(
            name=name, names=", ".join(lke_names())
        )
    )


def _note(text: str) -> None:
    print(f"ppid: {text}", file=sys.stderr)


def _skm(paths: list[str], year: int) -> tuple[tuple[str, ...] | None, Fraction | None, str]:
    """The triwulan of ``year`` with respondents and the pooled index of those respondents."""
    from ppid_core.ikm import by_period, read_survey, score  # noqa: PLC0415 - only with --survey
    from ppid_core.ikm._survey_dates import SurveyDates  # noqa: PLC0415 - only with --survey

    quarters: set[str] = set()
    dated = False
    tallies = []
    for path in progress(paths, total=len(paths), what=_("Reading surveys"), unit=_("files")):
        survey = read_survey(Path(path))
        try:
            series = by_period(survey, "quarter")  # checks every date, located
        except UnknownNameError:
            _note(_("{path}: no date column; not used (its year cannot be told)").format(path=path))
            continue
        dated = True
        quarters.update(p.key for p in series.periods if p.respondents and p.key[:4] == str(year))
        if series.undated is not None:
            _note(
                _("{path}: {n} undated respondent(s) not used").format(
                    path=path, n=series.undated.respondents
                )
            )
        dates = SurveyDates(day_first=True, zone="Asia/Jakarta")

        def in_year(text: str, dates: SurveyDates = dates) -> str:
            day = dates(text) if text else None
            return "in" if isinstance(day, dt.date) and day.year == year else "out"

        mine = survey.tallies(series.column, key=in_year).get("in")
        if mine is None:
            _note(_("{path}: no respondent dated {year}; not used").format(path=path, year=year))
        else:
            tallies.append(mine)
    index = score(sum(tallies[1:], tallies[0])).index if tallies else None
    return (
        (tuple(sorted(quarters)) if dated else None),
        index,
        f"{', '.join(paths)} (respondents dated {year})",
    )


def _status(
    args: argparse.Namespace, year: int, frameworks: tuple[Framework, ...]
) -> PlanStatus | None:
    parser: argparse.ArgumentParser = args.parser
    if not args.rb_plan:
        if args.rb_realisation:
            parser.error(_("argument --rb-realisation: needs --rb-plan FILE"))
        return None
    loaded = load_any(args.rb_plan, frameworks=frameworks)
    if isinstance(loaded, tuple):
        plan, records = loaded
    elif isinstance(loaded, ActionPlan):
        plan, records = loaded, None
    else:
        parser.error(_("argument --rb-plan: a team file has no schedule; give a plan file"))
    if plan.year != year:
        parser.error(
            _(
                "argument --rb-plan: the plan is for {plan}, the answers for {year}; "
                "give the {year} plan"
            ).format(plan=plan.year, year=year)
        )
    if args.rb_realisation:
        records = load_realisation(args.rb_realisation, plan=plan)
    return plan_status(plan, records, year=year, month=12)


def _score(args: argparse.Namespace, out: TextIO) -> int:
    frameworks, failed = load_frameworks(args)
    if failed:  # each framework file's errors are printed: bad data
        return 1
    lke = _lke(args)
    answers = load_lke_answers(Path(args.file), lke=lke)
    quarters, index, source = (None, None, "SKM")
    if args.survey:
        quarters, index, source = _skm(args.survey, answers.year)
    evidence = LkeEvidence(
        skm_quarters=quarters,
        skm_source=source,
        skm_index=index,
        skm_published=args.skm_published,
        skm_follow_up=args.skm_follow_up,
        plan_status=_status(args, answers.year, frameworks),
    )
    result = score_lke(
        answers,
        aggregation=args.aggregation,
        derived=evidence,
        survey_value=args.survey_value,
    )
    return write_result(args, out, report_format(args, out), result)


def add_lke(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lke`` (with its sub-command ``score``) to the sub-commands of ``ppid rb``."""
    lke = subcommands.add_parser("lke", help=_("the Zona Integritas LKE (Permen PANRB 90/2021)"))
    sub = lke.add_subparsers(dest="lke_command", required=True, metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help=_("score a unit's LKE answers: areas, pengungkit, hasil, total, WBK/WBBM conditions"),
    )
    score.add_argument("file", metavar="FILE", help=_("the unit's answers (kind: lke-answers)"))
    score.add_argument(
        "--lke",
        type=_nonempty,
        default=DEFAULT_LKE,
        metavar="KEY|FILE",
        help=_("the LKE: a bundled key ({keys}) or an LKE YAML file (default {default})").format(
            keys=", ".join(lke_names()), default=DEFAULT_LKE
        ),
    )
    score.add_argument(
        "--aggregation",
        choices=tuple(LKE_AGGREGATIONS),
        default=DEFAULT_LKE_AGGREGATION,
        help=_(
            "how a sub-indicator averages its questions (not stated in the regulation): {ways}"
        ).format(ways="; ".join(f"{k}: {_(v)}" for k, v in LKE_AGGREGATIONS.items())),
    )
    derive = score.add_argument_group(_("derived answers (an answer in FILE always wins)"))
    derive.add_argument(
        "--survey",
        action="append",
        metavar="FILE",
        help=_(
            "an SKM survey file (CSV or XLSX; repeatable): how often the SKM was held, "
            "from its dates, and the survey value (see --survey-value)"
        ),
    )
    derive.add_argument(
        "--survey-value",
        choices=tuple(LKE_SURVEY_VALUES),
        default="ikm-index",
        help=_(
            "how the surveys give the IPKP-style 0-4 value (default ikm-index; every score "
            "resting on it is marked (estimasi)): {ways}"
        ).format(ways="; ".join(f"{k}: {_(v)}" for k, v in LKE_SURVEY_VALUES.items())),
    )
    derive.add_argument(
        "--skm-published",
        choices=tuple(SKM_PUBLISHED),
        help=_("how the SKM results were published (online_offline, offline, none)"),
    )
    derive.add_argument(
        "--skm-follow-up",
        type=_follow_up,
        metavar="DONE/TOTAL",
        help=_("SKM recommendations followed up, out of all (e.g. 3/4)"),
    )
    derive.add_argument(
        "--rb-plan",
        metavar="FILE",
        help=_("the RB action plan, or a realisation file naming it: activities run to plan"),
    )
    derive.add_argument(
        "--rb-realisation",
        metavar="FILE",
        help=_("realisation records of --rb-plan (when --rb-plan is the plan itself)"),
    )
    add_framework_option(score)
    add_output_options(score, ("text", "md", "json"), default="md")
    score.epilog = _(TEXT_DEFAULT_HELP)
    score.set_defaults(handler=_score, parser=score)


def demo(out: TextIO) -> None:
    """Score the embedded example answers (a fictitious unit) and print the summary."""
    path = resources.files("ppid_core.examples.rb") / EXAMPLE
    with resources.as_file(path) as file:
        result = score_lke(load_lke_answers(file))
    met = [p.name for p in result.predicates if p.met] or [_("none")]
    data = result.to_dict()
    title = _("RB: LKE Zona Integritas, {unit} {year} (fictitious example)").format(
        unit=result.unit, year=result.year
    )
    line = _(
        "total {total}: pengungkit {pengungkit}, hasil {hasil}; scored conditions met: {met}"
    ).format(total=data["total"], pengungkit=data["pengungkit"], hasil=data["hasil"],
             met=", ".join(met))  # fmt: skip
    out.write(f"\n== {title} ==\n{line}\n\n{result.area_table().to_markdown()}\n")
