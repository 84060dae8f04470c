"""The IKM per quarter (triwulan) or semester, from one survey with a date column.

Units run the SKM per triwulan, per semester or per year, and the Zona Integritas
evaluation scores how often (at least four times a year is best); an office reads one
file of a year's answers and wants the IKM of each period with the change from the one
before. [`by_period()`][by_period] scores each period from its own respondents, exactly
as the unit IKM is scored from all of them.

Dates are the survey's date column (``Timestamp`` of Google Forms, ``Tanggal``; see
`Survey.date_column`), read as written:

- ``2024-06-04``, ``2024/06/04``, ``04/06/2024`` or ``04-06-2024`` (day first, as
  Indonesian documents write; ``day_first=False`` for a sheet that writes month first),
  ``4 Juni 2024`` and ``Selasa, 4 Juni 2024``, each with or without a time after it
  (``10:15``, ``10:15:23 AM``, ``T10:15:23Z``, ``GMT+7``);
- a time with an offset or a zone (``Z``, ``+07:00``, ``GMT+7``, ``UTC``) is moved to
  the office's zone (``zone``, default ``Asia/Jakarta``) before its date is taken, so a
  UTC timestamp of 31 March 20:00 counts in April in WIB; a time without one is the
  office's own;
- a blank date puts the respondent in a row of its own, **tanpa tanggal** (still in the
  unit IKM; never dropped, never guessed);
- any other text is an error located at its row: every such row together.

Every period from the first to the last is listed, those without respondents too (their
IKM is unknown), so a gap shows. The change is the IKM minus that of the period just
before, exact; shown half-up to 2 decimals it may differ by 0.01 from the difference of
the two IKMs as shown, which are rounded apart.

References:
    Permenpan RB 14/2017 Pasal 1 ayat (1) (SKM at least once a year); Permenpan RB
    90/2021, Lampiran (LKE): frequency of the SKM, four or more times a year scored
    highest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from ppid_core._i18n import N_, _
from ppid_core._numbers import half_up
from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable
from ppid_core.errors import DataFileError, LocatedError, UnknownNameError
from ppid_core.ikm._policy import ScoringPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._result import IkmResult, unit_figures
from ppid_core.ikm._scoring import score
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._survey_dates import SurveyDates, read_date, shown_date
from ppid_core.ikm._tally import Tally

__all__ = [
    "COLUMNS",
    "PERIODS",
    "UNDATED",
    "PeriodScore",
    "PeriodSeries",
    "by_period",
    "read_date",
]

#: The periods, each with its months and its name in reports.
PERIODS: Mapping[str, tuple[int, str]] = {"quarter": (3, "Triwulan"), "semester": (6, "Semester")}
#: The columns of the series table (English msgids, translated where the table is built:
#: "Periode", "Dari", "Sampai", "Responden", "IKM", "Mutu", "Kinerja", "Perubahan").
COLUMNS = (
    N_("Period"),
    N_("From"),
    N_("To"),
    N_("Respondents"),
    "IKM",
    "Mutu",
    "Kinerja",
    N_("Change"),
)
#: The row of respondents without a date.
UNDATED = "tanpa tanggal"
#: The undated row as a report shows it (``tanpa tanggal`` in Indonesian; the key and
#: label of the data stay [`UNDATED`][UNDATED]).
UNDATED_SHOWN = N_("no date")
_ROMAN = ("I", "II", "III", "IV")
_BAD = "\x00"  # the group of an unreadable date (reported, never scored)


@attrs.frozen(kw_only=True)
class PeriodScore:
    """The IKM of one period (or of the respondents without a date).

    Attributes:
        key: ``"2024-T1"`` (triwulan) or ``"2024-S1"`` (semester); ``"tanpa tanggal"``.
        label: ``"Triwulan I 2024"``, ``"Semester II 2024"``, ``"tanpa tanggal"``.
        start: Its first day (``None`` for the undated row).
        end: Its last day (``None`` for the undated row).
        respondents: Questionnaires of the period.
        result: Its IKM; ``None`` when it has no respondents or an unsur nobody answered.
        unanswered: The unsur keys nobody of the period answered (its IKM is undefined).
        change: Its IKM minus the previous period's, exact; ``None`` when either is unknown.
    """

    key: str
    label: str
    start: dt.date | None
    end: dt.date | None
    respondents: int
    result: IkmResult | None
    unanswered: tuple[str, ...] = ()
    change: Fraction | None = None


@attrs.frozen(kw_only=True, repr=False)
class PeriodSeries(ResultMixin):
    """The IKM per period of one survey, each with the change from the period before.

    A result (``to_dict``, ``to_json``, ``to_markdown``, ``tables``, ``to_frame``):
    ``to_dict()`` is the ``periods`` object of ``ppid ikm score --period ... --json``.

    Attributes:
        period: ``"quarter"`` or ``"semester"``.
        source: Where the answers came from.
        column: The date column.
        periods: Every period from the first to the last, in order.
        undated: The respondents without a date, if there are any.
        pooled: The unit IKM from every respondent.
    """

    period: str
    source: str
    column: str
    periods: tuple[PeriodScore, ...]
    undated: PeriodScore | None
    pooled: IkmResult

    def to_table(self) -> Table:
        """One row per period, the undated row, then the unit (IKM half-up, change signed)."""
        rows: list[tuple[object, ...]] = [
            _row(p) for p in (*self.periods, *((self.undated,) if self.undated else ()))
        ]
        p = self.pooled
        first = self.periods[0].start if self.periods else None
        last = self.periods[-1].end if self.periods else None
        unit = _("unit (all respondents)")
        rows.append((unit, first, last, p.respondents, p.ikm_display, p.mutu, p.kinerja, None))
        name = PERIODS[self.period][1].lower()
        return Table(
            columns=tuple(_(c) for c in COLUMNS),
            rows=rows,
            title=_("IKM per {period} (date column: {column})").format(
                period=name, column=self.column
            ),
        )

    def tables(self) -> list[Table]:
        """The series table ([`to_table()`][to_table])."""
        return [self.to_table()]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: ``periods`` (``ikm`` and ``change`` half-up to 2 decimals, each
        with its exact fraction), ``undated`` and the ``pooled`` unit figures."""
        data: dict[str, Any] = jsonable(
            {
                "period": self.period,
                "column": self.column,
                "periods": [_entry(s) for s in self.periods],
                "undated": None if self.undated is None else _entry(self.undated),
                "pooled": unit_figures(self.pooled),
            }
        )
        return data

    def _summary(self) -> str:
        known = [s.result for s in self.periods if s.result is not None]
        span = f", IKM {known[0].ikm_display} → {known[-1].ikm_display}" if known else ""
        name = PERIODS[self.period][1].lower()
        return f"{self.source}: {len(self.periods)} × {name}{span}"


def _row(s: PeriodScore) -> tuple[object, ...]:
    r = s.result
    label = _(UNDATED_SHOWN) if s.key == UNDATED else s.label
    if r is None:
        why = (
            _("undefined: {names} without answers").format(names=", ".join(s.unanswered))
            if s.unanswered
            else None
        )
        return (label, s.start, s.end, s.respondents, None, None, why, None)
    change = None if s.change is None else half_up(s.change, 2)
    return (label, s.start, s.end, s.respondents, r.ikm_display, r.mutu, r.kinerja, change)


def _entry(s: PeriodScore) -> dict[str, object]:
    r = s.result
    return {
        "period": s.key,
        "label": s.label,
        "start": s.start,
        "end": s.end,
        "respondents": s.respondents,
        "ikm": None if r is None else r.ikm_display,
        "ikm_exact": None if r is None else str(r.ikm),
        "mutu": None if r is None else r.mutu,
        "kinerja": None if r is None else r.kinerja,
        "unanswered": list(s.unanswered),
        "change": None if s.change is None else half_up(s.change, 2),
        "change_exact": None if s.change is None else str(s.change),
    }


def _bounds(year: int, index: int, months: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, (index - 1) * months + 1, 1)
    end_month = index * months
    after = dt.date(year + 1, 1, 1) if end_month == 12 else dt.date(year, end_month + 1, 1)
    return first, after - dt.timedelta(days=1)


def by_period(
    survey: Survey,
    period: str = "quarter",
    *,
    day_first: bool = True,
    zone: str = "Asia/Jakarta",
    policy: ScoringPolicy | None = None,
) -> PeriodSeries:
    """The IKM of each quarter (triwulan) or semester of a survey, with the change.

    Args:
        survey: A survey read with a date column (`Survey.date_column`: found by its
            header, or mapped with ``columns={"Diisi pada": "date"}``).
        period: ``"quarter"`` or ``"semester"``.
        day_first: Read ``04/06/2024`` as 4 June (the default), or as April 6.
        zone: The office's IANA zone, for times written with an offset.
        policy: The arithmetic (default exact).

    Raises:
        UnknownNameError: ``period`` is neither, or the survey has no date column.
        DataFileError: Every date cell that is not a date, located at its row.

    Examples:
        >>> from ppid_core.ikm import read_survey
        >>> survey = read_survey(
        ...     [
        ...         ["Tanggal", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"],
        ...         ["04/02/2024", 4, 4, 4, 4, 4, 4, 4, 4, 4],
        ...         ["28/06/2024", 3, 3, 3, 3, 3, 3, 3, 3, 3],
        ...     ]
        ... )
        >>> series = by_period(survey, "quarter")
        >>> [(p.label, str(p.result.ikm_display), p.change) for p in series.periods]
        [('Triwulan I 2024', '100.00', None), ('Triwulan II 2024', '75.00', Fraction(-25, 1))]
    """
    if period not in PERIODS:
        msg = _("unknown period {period!r}; use one of {names}").format(
            period=period, names=", ".join(PERIODS)
        )
        raise UnknownNameError(msg)
    column = survey.date_column
    if column is None:
        msg = _(
            "{source} has no date column (a header such as Timestamp or Tanggal); map one "
            "when reading, e.g. columns={{'Diisi pada': 'date'}} (--map 'Diisi pada=date')"
        ).format(source=survey.source)
        raise UnknownNameError(msg)
    months, name = PERIODS[period]
    bad: dict[str, str] = {}
    dates = SurveyDates(day_first=day_first, zone=zone)

    def key(text: str) -> str:
        if not text:
            return UNDATED
        day = dates(text)
        if isinstance(day, str):
            bad[text] = day
            return _BAD
        return f"{day.year:04d}-{name[0]}{(day.month - 1) // months + 1}"

    tallies = survey.tallies(column, key=key)
    if bad:
        errors = [
            LocatedError(
                _("{value} is not a date: {bad}").format(
                    value=shown_date(text, column), bad=bad[text]
                ),
                source=survey.source,
                row=row,
                field=column,
            )
            for row, text in survey.dates()
            if text in bad
        ]
        raise DataFileError.from_errors(survey.source, errors)
    regime = survey.regime
    scores: list[PeriodScore] = []
    keys = sorted(k for k in tallies if k != UNDATED)
    if keys:
        year, index = int(keys[0][:4]), int(keys[0][6:])
        last = (int(keys[-1][:4]), int(keys[-1][6:]))
        count = 12 // months
        previous: IkmResult | None = None
        while (year, index) <= last:
            key_text = f"{year:04d}-{name[0]}{index}"
            label = f"{name} {_ROMAN[index - 1]} {year}"
            start, end = _bounds(year, index, months)
            made = _scored(
                tallies.get(key_text),
                key=key_text,
                label=label,
                start=start,
                end=end,
                regime=regime,
                policy=policy,
            )
            change = None
            if made.result is not None and previous is not None:
                change = made.result.ikm - previous.ikm
            scores.append(attrs.evolve(made, change=change))
            previous = made.result
            year, index = (year + 1, 1) if index == count else (year, index + 1)
    undated = None
    if UNDATED in tallies:
        undated = _scored(
            tallies[UNDATED],
            key=UNDATED,
            label=UNDATED,
            start=None,
            end=None,
            regime=regime,
            policy=policy,
        )
    return PeriodSeries(
        period=period,
        source=survey.source,
        column=column,
        periods=tuple(scores),
        undated=undated,
        pooled=survey.score(policy=policy),
    )


def _scored(
    tally: Tally | None,
    *,
    key: str,
    label: str,
    start: dt.date | None,
    end: dt.date | None,
    regime: Regime,
    policy: ScoringPolicy | None,
) -> PeriodScore:
    if tally is None:
        return PeriodScore(key=key, label=label, start=start, end=end, respondents=0, result=None)
    if tally.unanswered:
        return PeriodScore(
            key=key,
            label=label,
            start=start,
            end=end,
            respondents=tally.respondents,
            result=None,
            unanswered=tally.unanswered,
        )
    result = score(tally, regime, policy=policy, scope=label)
    return PeriodScore(
        key=key, label=label, start=start, end=end, respondents=tally.respondents, result=result
    )
