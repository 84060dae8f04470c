"""The JSON bodies of ``ppid serve``, built with the library calls the commands use.

Nothing here knows HTTP: each function takes the request's values (an uploaded file as
bytes with its name) and returns the object the matching command prints with ``--json``,
or raises [`InputError`][InputError] (bad input, HTTP 422) or
[`LimitError`][LimitError] (too big, HTTP 413). The JSON assembly the command line does
itself is shared with it (``score_dict`` of ``ppid ikm score``), not copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ppid_core.errors import (
    CalendarCoverageError,
    DataFileError,
    IllegalTransitionError,
    InvalidArgumentError,
    PpidError,
)

if TYPE_CHECKING:
    from ppid_core.ikm import Survey

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_MAX_UPLOAD_BYTES",
    "InputError",
    "LimitError",
    "Limits",
    "calendar_body",
    "deadline_body",
    "ikm_score_body",
    "rb_check_body",
    "read_upload_survey",
    "register_report_body",
]

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""The largest upload accepted: 10 MiB, the limit of every file reader of ppid-core."""
DEFAULT_MAX_ROWS = 100_000
"""The most data rows (respondents, requests) an uploaded file may hold."""


class InputError(InvalidArgumentError):
    """Bad input to a route (HTTP 422): every problem, as the command line prints it."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


class LimitError(InvalidArgumentError):
    """An upload over a limit (HTTP 413); the message names the limit and what to do."""


class Limits:
    """The limits of a server: upload size in bytes and data rows per file.

    Attributes:
        max_upload_bytes: The largest request body accepted (default 10 MiB).
        max_rows: The most respondents or requests a file may hold (default 100,000).
    """

    __slots__ = ("max_rows", "max_upload_bytes")

    def __init__(
        self, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, max_rows: int = DEFAULT_MAX_ROWS
    ) -> None:
        self.max_upload_bytes = max_upload_bytes
        self.max_rows = max_rows

    def __repr__(self) -> str:
        return f"Limits(max_upload_bytes={self.max_upload_bytes}, max_rows={self.max_rows})"

    def check_rows(self, rows: int, what: str) -> None:
        """Raise ``LimitError`` (HTTP 413) when ``rows`` is over the row limit."""
        if rows > self.max_rows:
            msg = (
                f"the file has {rows} {what}, more than this server's limit of "
                f"{self.max_rows}; split the file, or score it with the ppid command"
            )
            raise LimitError(msg)


def _messages(exc: BaseException) -> list[str]:
    """The messages of an error as the command line prints them, one per located error."""
    if isinstance(exc, DataFileError):
        out: list[str] = []
        for e in exc.exceptions:
            out += _messages(e)
        return out
    if isinstance(exc, BaseExceptionGroup):
        return [m for e in exc.exceptions for m in _messages(e)]
    return [str(exc)]


def _coverage(exc: CalendarCoverageError) -> InputError:
    """A coverage error in the server's terms (the library's message speaks Python)."""
    from ppid_core.calendar import ESTIMATE_LIMIT  # noqa: PLC0415

    if exc.subject is None or exc.first_day is None or exc.last_day is None:
        return InputError([str(exc)])
    return InputError(
        [
            f"{exc.subject} is outside the holiday data ({exc.first_day} to {exc.last_day}); "
            f"years after the decreed data are estimated, at most {ESTIMATE_LIMIT} years "
            "ahead; the server's own holiday files go in $PPID_HOLIDAYS_DIR where it runs"
        ]
    )


def _calendar(zone: str | None, through: int) -> Any:
    """The calendar the command line builds with its default options (estimating)."""
    from ppid_core.cli._options import calendar_from_args  # noqa: PLC0415 - the same call

    options = argparse.Namespace(
        zone=zone, local=None, no_cuti_bersama=False, holidays=[], no_estimate=False
    )
    return calendar_from_args(options, through=through)


def _zone(text: str | None) -> str | None:
    from ppid_core.cli._options import zone_option  # noqa: PLC0415

    if text is None:
        return None
    try:
        return zone_option(text)
    except argparse.ArgumentTypeError as exc:
        raise InputError([f"zone: {exc}"]) from None


def deadline_body(received: str, zone: str | None = None) -> dict[str, Any]:
    """``ppid deadline RECEIVED [--zone Z] --json``.

    Raises:
        InputError: A date that is not a whole ISO date or datetime, an unknown zone, or
            a date outside the holiday data.
    """
    from ppid_core.calendar import zone_info  # noqa: PLC0415
    from ppid_core.cli._cmd_deadline import parse_received  # noqa: PLC0415
    from ppid_core.requests import deadline_chain  # noqa: PLC0415

    office = _zone(zone) or "Asia/Jakarta"
    try:
        day = parse_received(received, office)
    except argparse.ArgumentTypeError as exc:
        raise InputError([f"received: {exc}"]) from None
    local = day.astimezone(zone_info(office)) if isinstance(day, dt.datetime) else day
    try:
        chain = deadline_chain(day, _calendar(office, local.year + 1), "uu_14_2008")
    except CalendarCoverageError as exc:
        raise _coverage(exc) from None
    except IllegalTransitionError as exc:
        raise InputError([str(exc)]) from None
    if chain.response.due is None:
        raise InputError([f"the response deadline cannot be computed ({chain.response.reason})"])
    return chain.to_dict()


def calendar_body(year: str) -> dict[str, Any]:
    """``ppid calendar show YEAR --json``.

    Raises:
        InputError: A year that is not a whole number from 1900 to 2200, or outside the
            holiday data and its estimates.
    """
    from ppid_core.calendar import year_overview  # noqa: PLC0415

    number = int(year) if year.isascii() and year.isdigit() and len(year) == 4 else 0
    if not 1900 <= number <= 2200:
        raise InputError([f"year: expected a year such as 2027, got {year[:20]!r}"])
    try:
        return year_overview(_calendar(None, number), number).to_dict()
    except CalendarCoverageError as exc:
        raise _coverage(exc) from None


def read_upload_survey(data: bytes, name: str, limits: Limits) -> Survey:
    """An uploaded survey file, read as ``ppid ikm score FILE`` reads it (default options).

    Raises:
        InputError: Every located error of the file.
        LimitError: More respondents than ``limits.max_rows``.
    """
    from ppid_core.cli._cmd_ikm import read_one  # noqa: PLC0415 - the command's own reading
    from ppid_core.ikm import MissingPolicy, Regime, Survey  # noqa: PLC0415

    options = {
        "regime": Regime.bundled("permenpan_14_2017"),
        "columns": {},
        "missing": MissingPolicy.REFUSE,
        "by": [],
        "layout": None,
        "sheet": None,
        "include_hidden": False,
        "engine": "python",
        "source_name": name,
    }
    try:
        survey = Survey.merge([read_one(data, options)])
    except (PpidError, ExceptionGroup) as exc:
        raise InputError(_messages(exc)) from None
    limits.check_rows(survey.respondents, "respondents")
    return survey


def ikm_score_body(data: bytes, name: str, limits: Limits) -> dict[str, Any]:
    """``ppid ikm score FILE --json`` for an uploaded CSV or XLSX file.

    Raises:
        InputError: Every located error of the file.
        LimitError: More respondents than ``limits.max_rows``.
    """
    from ppid_core.cli._output import score_dict  # noqa: PLC0415 - the command's own JSON

    survey = read_upload_survey(data, name, limits)
    try:
        result = survey.score()
    except PpidError as exc:
        raise InputError(_messages(exc)) from None
    return score_dict(survey, result)


def register_report_body(data: bytes, name: str, limits: Limits) -> dict[str, Any]:
    """``ppid register report FILE --json`` for an uploaded CSV or XLSX register.

    Personal data is masked (initials), as the command's default.

    Raises:
        InputError: Every located error of the file.
        LimitError: More requests than ``limits.max_rows``.
    """
    from ppid_core.requests import (  # noqa: PLC0415
        Masking,
        NameMasking,
        ServiceReport,
        ServiceSummary,
        load_register,
        service_summary,
    )

    this_year = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).year
    cal = _calendar(None, this_year + 1)
    try:
        register = load_register(data, source=name, calendar=cal)
    except (PpidError, ExceptionGroup) as exc:
        raise InputError(_messages(exc)) from None
    limits.check_rows(len(register), "requests")
    summary = service_summary(
        register,
        calendar=cal,
        rules="uu_14_2008",
        year=None,
        as_of=dt.datetime.now(ZoneInfo(cal.zone)).date(),
        masking=Masking(names=NameMasking.INITIALS),
        topics=None,
    )
    return ServiceReport.from_summary(ServiceSummary.merge([summary])).to_dict()


def rb_check_body(data: bytes, name: str) -> dict[str, Any]:
    """``ppid rb check FILE`` for an uploaded RB YAML file (team, plan or framework).

    A realisation file names its plan by path, which an upload cannot reach: it is
    refused at its ``plan:`` (check it with the command line).

    Returns:
        ``{"file": name, "valid": true, "summary": ..., "warnings": [...]}``.

    Raises:
        InputError: Every located error of the file.
    """
    from ppid_core.cli._cmd_rb import check_one  # noqa: PLC0415 - the command's own check

    try:
        summary, warnings = check_one(data, source=name)
    except (PpidError, ExceptionGroup) as exc:
        raise InputError(_messages(exc)) from None
    return {"file": name, "valid": True, "summary": summary, "warnings": warnings}
