"""Files for offices: ``--output FILE``, ``--format xlsx``, ``--excel-id``, and the IKM's
``--worksheet`` and ``--period``.

- ``--output FILE`` writes the command's output to FILE instead of stdout, whatever the
  format (``--format xlsx`` needs it: a workbook is no text). The file is written whole
  or not at all: first to a temporary file beside it, then moved into place; one line on
  stderr says what was written.
- ``--excel-id`` makes every ``--format csv`` output a CSV for Excel on a Windows set to
  Indonesian: ``;`` between cells, a decimal comma, UTF-8 with a byte-order mark (see
  `Table.to_csv`). On stdout it is written as UTF-8 whatever the console's encoding, so
  that a redirect (``> laporan.csv``) gives the file Excel expects.
- ``ppid ikm score FILE --worksheet X.xlsx|X.html`` also writes the IKM worksheet
  (`IkmWorksheet`): every respondent's answers, the sums, NRR, weighted NRR, IKM, the
  legend and the respondent profile; the HTML page prints to PDF (A4 landscape).
- ``ppid ikm score FILE --period quarter|semester`` adds the IKM of each period of the
  survey's date column, with the change from the period before (`by_period`).

Usage mistakes are exit 2, before the file is read: ``--format xlsx`` without
``--output``, an ``--output`` or ``--worksheet`` name whose suffix does not say what it
will hold, ``--excel-id`` with another format than CSV.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from ppid_core._i18n import _
from ppid_core._tables import Table, dumps_json

if TYPE_CHECKING:
    from ppid_core.ikm import Breakdown, IkmResult, PeriodSeries, ScoringPolicy, Survey

__all__ = [
    "add_file_options",
    "add_score_options",
    "check_file_options",
    "dialect_of",
    "emit_text",
    "render",
    "score_dict",
    "write_result",
    "write_score",
]

_WORKSHEET_SUFFIXES = (".xlsx", ".html", ".htm")


def add_file_options(parser: argparse.ArgumentParser, *, output: bool = True) -> None:
    """``--output FILE`` (unless ``output=False``) and ``--excel-id``, with the command's
    ``--format``; write the text with [`emit_text()`][emit_text]."""
    group = parser.add_argument_group(_("files"))
    if output:
        group.add_argument(
            "--output",
            metavar="FILE",
            help=_(
                "write the output to FILE instead of stdout (needed by --format xlsx, "
                "whose FILE must end in .xlsx); written whole or not at all"
            ),
        )
    group.add_argument(
        "--excel-id",
        action="store_true",
        help=_(
            "with --format csv: a CSV for Excel on an Indonesian Windows — ';' between "
            "cells, decimal comma, UTF-8 with a byte-order mark"
        ),
    )


def add_score_options(parser: argparse.ArgumentParser) -> None:
    """The files and series of ``ppid ikm score``: ``--worksheet``, ``--period``, ..."""
    add_file_options(parser)
    group = parser.add_argument_group(_("worksheet and periods"))
    group.add_argument(
        "--worksheet",
        metavar="FILE",
        help=_(
            "also write the IKM worksheet (every respondent's answers, Σ, NRR, NRR "
            "tertimbang, IKM, the interval legend, the respondent profile) to FILE: .xlsx, "
            "or .html to print to PDF"
        ),
    )
    group.add_argument(
        "--worksheet-rows",
        type=_rows,
        default=1000,
        metavar="N",
        help=_(
            "respondents the .html worksheet lists at most (default 1000; the .xlsx lists them all)"
        ),
    )
    group.add_argument(
        "--period",
        choices=["quarter", "semester"],
        help=_(
            "also score each quarter (triwulan) or semester of the date column "
            "(Timestamp, Tanggal; or --map COLUMN=date), with the change from the period "
            "before; a blank date counts as 'tanpa tanggal'"
        ),
    )
    group.add_argument(
        "--month-first",
        action="store_true",
        help=_("with --period: dates such as 06/04/2024 are month first (default: day first)"),
    )


def _rows(text: str) -> int:
    """An argparse type: a whole number of rows, 1 to 1,000,000."""
    value = int(text) if text.strip().isdigit() else 0
    if not 1 <= value <= 1_000_000:
        shown = text if len(text) <= 20 else text[:20] + "..."
        msg = _("expected a whole number from 1 to 1000000, got {text!r}").format(text=shown)
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser(args: argparse.Namespace) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = getattr(args, "parser", None) or args.format_parser
    return parser


def check_file_options(args: argparse.Namespace, fmt: str) -> None:
    """Refuse (exit 2) a combination of ``--format``, ``--output``, ``--excel-id`` and
    ``--worksheet`` that cannot be written."""
    parser = _parser(args)
    output: str | None = getattr(args, "output", None)
    if fmt == "xlsx" and not output:
        parser.error(_("--format xlsx writes a workbook: name it with --output FILE.xlsx"))
    if fmt == "xlsx" and output and Path(output).suffix.lower() != ".xlsx":
        parser.error(
            _(
                "--output: a workbook's name ends in .xlsx (Excel opens no other), got {name!r}"
            ).format(name=output)
        )
    if output is not None and not output.strip():
        parser.error(_("--output: empty; expected a file name"))
    if args.excel_id and fmt != "csv":
        parser.error(
            _("--excel-id applies to --format csv, not --format {format}").format(format=fmt)
        )
    worksheet: str | None = getattr(args, "worksheet", None)
    if worksheet is not None and Path(worksheet).suffix.lower() not in _WORKSHEET_SUFFIXES:
        parser.error(
            _("--worksheet: expected a name ending in .xlsx or .html, got {name!r}").format(
                name=worksheet
            )
        )
    if worksheet is not None and output is not None and Path(worksheet) == Path(output):
        parser.error(_("--worksheet and --output name the same file; give each its own"))
    if getattr(args, "month_first", False) and not getattr(args, "period", None):
        parser.error(_("--month-first applies to --period"))


def dialect_of(args: argparse.Namespace) -> str:
    """The CSV dialect ``--excel-id`` asks for."""
    return "excel-id" if args.excel_id else "excel"


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``path`` when the block ends without an error.

    It is made beside ``path`` (so that moving it is one rename on the same disk), with
    the permissions any new file of the user gets.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with temp.open("xb") as fh:
            yield fh
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_file(path: str, write: Callable[[IO[bytes]], None], what: str) -> None:
    """Write a file whole (or not at all), then say so on stderr.

    ``what`` names the file's content in the language in use (``_("the workbook")``).
    """
    target = Path(path)
    with _replacing(target) as fh:
        write(fh)
    print(_("ppid: wrote {what} to {file}").format(what=what, file=target), file=sys.stderr)


def _writer(data: bytes) -> Callable[[IO[bytes]], None]:
    def write(fh: IO[bytes]) -> None:
        fh.write(data)

    return write


def _print(out: TextIO, text: str, *, utf8: bool) -> None:
    """Print ``text``; with ``utf8``, as UTF-8 bytes when the stream encodes otherwise."""
    stream = getattr(out, "stream", out)
    buffer = getattr(stream, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "utf-8").replace("_", "-").lower()
    if utf8 and buffer is not None and encoding not in {"utf-8", "utf8"}:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    out.write(text)


def emit_text(args: argparse.Namespace, out: TextIO, text: str, fmt: str) -> None:
    """Text output: to ``--output`` (UTF-8) if the command has it and it is given, else to
    ``out`` (``--excel-id`` CSV as UTF-8 whatever the stream's encoding)."""
    if getattr(args, "output", None):
        what = _("the {format} output").format(format=fmt)
        write_file(args.output, _writer(text.encode("utf-8")), what)
        return
    _print(out, text, utf8=fmt == "csv" and args.excel_id)


def _csv(tables: list[Table], dialect: str) -> str:
    """Tables as CSV, one after the other with a blank line between (one byte-order mark)."""
    parts = [t.to_csv(dialect=dialect).rstrip("\n") for t in tables]
    return "\n\n".join([parts[0], *(p.removeprefix("\ufeff") for p in parts[1:])]) + "\n"


def _xlsx(args: argparse.Namespace, tables: list[Table]) -> None:
    from ppid_core._export import write_xlsx  # noqa: PLC0415 - only for --format xlsx

    write_file(args.output, lambda fh: write_xlsx(tables, fh), _("the workbook"))


# -- every result --------------------------------------------------------------------------


def render(result: Any, fmt: str, args: argparse.Namespace) -> str:
    """``result`` (a result or a ``Table``) as the text of ``fmt``, ending in one line
    break: ``json`` its ``to_json()``, ``csv`` its ``to_csv()`` in the ``--excel-id``
    dialect, ``html`` its ``to_html()``, ``text`` its ``to_text()`` (aligned tables for a
    terminal), anything else its ``to_markdown()``."""
    text: str
    if fmt == "json":
        text = result.to_json()
    elif fmt == "csv":
        text = result.to_csv(dialect=dialect_of(args))
    elif fmt == "html":
        text = result.to_html()
    elif fmt == "text":
        text = result.to_text()
    else:
        text = result.to_markdown()
    return text if text.endswith("\n") else text + "\n"


def write_result(args: argparse.Namespace, out: TextIO, fmt: str, result: Any) -> int:
    """Print ``result`` in ``fmt``, or write it to ``--output`` (``xlsx``: its
    ``to_xlsx()`` workbook); the one way every reporting command writes its result."""
    if fmt == "xlsx":
        write_file(args.output, result.to_xlsx, _("the workbook"))
    else:
        emit_text(args, out, render(result, fmt, args), fmt)
    return 0


# -- ppid ikm score ---------------------------------------------------------------------------


def write_score(
    args: argparse.Namespace,
    out: TextIO,
    fmt: str,
    *,
    survey: Survey,
    result: IkmResult,
    breakdown: Breakdown | None,
    policy: ScoringPolicy | None,
) -> int:
    """Print or write the IKM (and its breakdown and periods), and the worksheet."""
    from ppid_core.errors import UnknownNameError  # noqa: PLC0415 - loaded by the command
    from ppid_core.ikm import by_period  # noqa: PLC0415

    series = None
    if args.period and survey.date_column is None:
        _parser(args).error(
            _(
                "--period: {source} has no date column (a header such as Timestamp or "
                "Tanggal); name yours with --map COLUMN=date"
            ).format(source=survey.source)
        )
    if args.period:
        try:
            series = by_period(survey, args.period, day_first=not args.month_first, policy=policy)
        except UnknownNameError as exc:
            _parser(args).error(f"--period: {exc}")
    if args.worksheet:
        _worksheet(args, survey, policy)
    if fmt == "json":
        data = score_dict(survey, result, breakdown=breakdown, series=series)
        emit_text(args, out, dumps_json(data) + "\n", fmt)
        return 0
    tables = [result.to_table(order=args.order)]
    tables += [t.to_table() for t in (breakdown, series) if t is not None]
    if fmt == "xlsx":
        _xlsx(args, tables)
        return 0
    if fmt == "csv":
        text = _csv(tables, dialect_of(args))
    elif fmt == "text":  # aligned tables for a terminal
        text = "\n\n".join(t.to_text().rstrip("\n") for t in tables) + "\n"
    else:
        text = "\n\n".join(t.to_markdown() for t in tables) + "\n"
    if not result.policy.compliant:
        text += "\n" + _("WARNING: {policy}").format(policy=result.policy.describe()) + "\n"
    emit_text(args, out, text, fmt)
    return 0


def score_dict(
    survey: Survey,
    result: IkmResult,
    *,
    breakdown: Breakdown | None = None,
    series: PeriodSeries | None = None,
) -> dict[str, Any]:
    """The JSON object of ``ppid ikm score --json`` (and of ``POST /v1/ikm/score``): the
    result's ``to_dict()``, the breakdown under ``by``, the periods under ``periods`` and
    what the reading assumed under ``reading``."""
    data = result.to_dict()
    if breakdown is not None:
        data["by"] = breakdown.to_dict()
    if series is not None:
        data["periods"] = series.to_dict()
    data["reading"] = {
        "header": survey.header_row,
        "layout": survey.layout,
        "notes": list(survey.notes),
    }
    return data


def _worksheet(args: argparse.Namespace, survey: Survey, policy: ScoringPolicy | None) -> None:
    from ppid_core.ikm import IkmWorksheet  # noqa: PLC0415 - only for --worksheet

    sheet = IkmWorksheet.from_survey(survey, policy=policy)
    path: str = args.worksheet
    if Path(path).suffix.lower() == ".xlsx":
        write_file(path, sheet.to_xlsx, _("the IKM worksheet"))
        return
    page = sheet.to_html(max_rows=args.worksheet_rows).encode("utf-8")
    write_file(path, _writer(page), _("the IKM worksheet"))
