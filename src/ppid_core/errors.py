"""The whole exception hierarchy of ppid-core.

Every class ends in ``Error``, derives from [`PpidError`][PpidError] and from the closest
built-in (``ValueError``, ``LookupError``), so callers can catch either the domain
class or the built-in they already expect.

Data errors carry a location. For YAML files the location reads
``<file>:<line>:<column> (<path>): <message>``; for tables (CSV, XLSX)
``<file>: row <n>, column "<name>": <message>``. A file's errors are raised together
as one [`DataFileError`][DataFileError] (an `ExceptionGroup` of [`LocatedError`][LocatedError]),
never only the first.

Every error pickles whole (its message, location fields and notes; a
[`DataFileError`][DataFileError] with each of its located errors), so the errors of a
partition read in a worker process (a process pool, Dask, Spark) come back as raised.

Examples:
    >>> err = LocatedError(
    ...     "month must be 1-12, got 13",
    ...     source="plan.yaml",
    ...     line=4,
    ...     column=12,
    ...     path="$.areas[0].kegiatan[1].months[2]",
    ... )
    >>> str(err)
    'plan.yaml:4:12 ($.areas[0].kegiatan[1].months[2]): month must be 1-12, got 13'
    >>> str(LocatedError("not a date", source="register.csv", row=7, field="Tanggal"))
    'register.csv: row 7, column "Tanggal": not a date'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ppid_core._i18n import ngettext

__all__ = [
    "CalendarCoverageError",
    "DataFileError",
    "IllegalTransitionError",
    "InvalidArgumentError",
    "InvalidTallyError",
    "LocatedError",
    "MissingExtraError",
    "NaiveDatetimeError",
    "PpidError",
    "UnknownDeadlineError",
    "UnknownNameError",
    "UnknownZoneError",
]


class PpidError(Exception):
    """Base class of every error raised by ppid-core."""


class LocatedError(PpidError, ValueError):
    """One problem in a data file, with where it is and what was expected.

    Args:
        message: What is wrong and what was expected.
        source: The file name (or ``"<string>"`` for text given in memory).
        line: 1-based line, for text formats.
        column: 1-based column, for text formats.
        path: The data path, e.g. ``$.holidays[3].date``.
        row: 1-based row number as a spreadsheet shows it, for tables.
        field: The column name as written in the file's header, for tables.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<string>",
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path
        self.row = row
        self.field = field
        super().__init__(self.__str__())

    @property
    def location(self) -> str:
        """The location part of the message, without the message itself."""
        if self.row is not None:
            loc = f"{self.source}: row {self.row}"
            if self.field is not None:
                loc += f', column "{self.field}"'
            return loc
        loc = self.source
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        if self.path is not None:
            loc += f" ({self.path})"
        return loc

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the constructor's arguments (its ``args``, ``str()`` and location come
        back as they were) and the instance's other attributes (``__notes__``), so that a
        located error crosses a process boundary (a process pool, Dask, Spark) whole."""
        where = {
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "row": self.row,
            "field": self.field,
        }
        return (_rebuild_located, (type(self), self.message, where), dict(self.__dict__))


def _rebuild_located(
    cls: type[LocatedError], message: str, where: dict[str, object]
) -> LocatedError:
    return cls(message, **where)  # type: ignore[arg-type]  # the keywords __reduce__ gave


class DataFileError(ExceptionGroup[LocatedError], PpidError):
    """All the problems found in one data file, raised together.

    ``str()`` gives a one-line summary; [`report()`][report] gives every located error,
    one per line, in file order.

    Examples:
        >>> e = DataFileError.from_errors(
        ...     "a.yaml",
        ...     [
        ...         LocatedError(
        ...             "duplicate key 'year'", source="a.yaml", line=3, column=1, path="$"
        ...         ),
        ...         LocatedError(
        ...             "unknown category 'x'",
        ...             source="a.yaml",
        ...             line=9,
        ...             column=15,
        ...             path="$.holidays[1].category",
        ...         ),
        ...     ],
        ... )
        >>> print(e.report())
        a.yaml:3:1 ($): duplicate key 'year'
        a.yaml:9:15 ($.holidays[1].category): unknown category 'x'
        >>> str(e)
        'a.yaml: 2 errors'
    """

    def __new__(cls, message: str, errors: Sequence[LocatedError]) -> DataFileError:
        return super().__new__(cls, message, list(errors))

    @classmethod
    def from_errors(cls, source: str, errors: Sequence[LocatedError]) -> DataFileError:
        """Build the group, sorted by position, with a count in its message (in the
        language in use: ``a.yaml: 2 errors``, ``a.yaml: 2 galat``)."""
        ordered = sorted(
            errors, key=lambda e: (e.row or 0, e.line or 0, e.column or 0, e.path or "")
        )
        n = len(ordered)
        summary = ngettext("{source}: {n} error", "{source}: {n} errors", n)
        return cls(summary.format(source=source, n=n), ordered)

    def report(self) -> str:
        """Every error on its own line, in file order."""
        return "\n".join(str(e) for e in self.exceptions)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the message and the located errors (each pickled whole), and the
        group's other attributes (``__notes__``)."""
        return (DataFileError, (str(self.message), list(self.exceptions)), dict(self.__dict__))

    def derive(self, excs: Sequence[LocatedError]) -> DataFileError:  # type: ignore[override]
        """Keep the class when the group is split (``except*``)."""
        return DataFileError(self.message, excs)


class CalendarCoverageError(PpidError, LookupError):
    """A date falls outside the years for which holiday data is shipped or loaded.

    Args:
        message: What fell outside, and how to add data (in Python terms).
        subject: What fell outside, e.g. ``"30 working days after 2027-12-29"``, so that
            a command line can give its own advice.
        first_day: The first day the calendar covers, when the error is about a date.
        last_day: The last day the calendar covers, likewise (reports print
            "di luar data kalender: data ends LAST_DAY").
    """

    def __init__(
        self,
        message: str,
        *,
        subject: str | None = None,
        first_day: dt.date | None = None,
        last_day: dt.date | None = None,
    ) -> None:
        super().__init__(message)
        self.subject = subject
        self.first_day = first_day
        self.last_day = last_day

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the subject and the covered days (and ``__notes__``)."""
        state = dict(self.__dict__)
        return (
            _rebuild_coverage,
            (str(self), self.subject, self.first_day, self.last_day),
            state,
        )


def _rebuild_coverage(
    message: str, subject: str | None, first_day: dt.date | None, last_day: dt.date | None
) -> CalendarCoverageError:
    return CalendarCoverageError(message, subject=subject, first_day=first_day, last_day=last_day)


class NaiveDatetimeError(PpidError, ValueError):
    """A datetime without a time zone was given where an instant is needed."""


class UnknownZoneError(PpidError, LookupError):
    """A time zone name, abbreviation (WIB/WITA/WIT) or province is not known."""


class UnknownNameError(PpidError, LookupError):
    """A name (unsur, area, rule set, regime, column) is not one of the known ones."""


class IllegalTransitionError(PpidError, ValueError):
    """A lifecycle step that the law does not allow from the current state."""


class UnknownDeadlineError(PpidError, LookupError):
    """A rule set has no number for a step, so its deadline is unknown (never guessed)."""


class InvalidArgumentError(PpidError, ValueError):
    """A value given in code is outside what the function or class accepts.

    For values that come from a file, the readers raise located errors instead; this one
    is for arguments (office hours given as a mapping, a closure that ends before it
    starts, table rows of the wrong width). The message says what was expected.
    """


class InvalidTallyError(PpidError, ValueError):
    """IKM aggregates that no set of questionnaires can produce, or that cannot be merged."""


class MissingExtraError(PpidError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""
