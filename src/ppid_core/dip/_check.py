"""Checking a DIP: completeness, staleness, addresses, consequence tests.

    >>> import datetime as dt
    >>> from ppid_core.examples.dip import load_example_dip
    >>> check = check_dip(load_example_dip(), on=dt.date(2025, 1, 15))
    >>> check.current, check.complete, len(check.findings)
    (False, True, 3)
    >>> print(check.findings[0].message)  # doctest: +NORMALIZE_WHITESPACE
    item 3: berkala information last updated 2024-06-28; an update was due by 2024-12-28
    (every 6 months, UU 14/2008 Pasal 9 ayat (3))

What is checked, item by item and then over the list:

- **staleness**: an item of the rule's category (berkala) whose ``updated`` is more than
  ``months`` calendar months before ``on`` (the day after the same day of the month; the
  last day of a shorter month stands for a missing day: 31 August + 6 months is
  28 February); one without ``updated``; one updated after ``on``;
- **no URL**: an item that is not excepted and has no ``url``;
- **no uji konsekuensi**: an excepted item without ``uji_konsekuensi``;
- **wajib**: an entry of another category than the item's. A key the required list lacks
  is no finding but an error of the file (``DataFileError``, located at the key), raised
  before anything is checked: a typo would otherwise leave the entry it meant "missing";
- **completeness**: every entry that always applies is named by at least one item's
  ``wajib``. Matching is explicit: the text of an item is never guessed at.

References:
    UU 14/2008 Pasal 9 (berkala; six months: ayat (3), cited as ayat (4) in the project's
    notes [U]), Pasal 10, Pasal 11, Pasal 17 and 19 (uji konsekuensi).
"""

from __future__ import annotations

import calendar
import datetime as dt

from ppid_core._i18n import N_
from ppid_core.dip._model import Category, Dip, DipItem
from ppid_core.dip._required import RequiredList, unknown_key
from ppid_core.dip._result import Coverage, DipCheck, Finding, FindingKind, UrlResult
from ppid_core.dip._urls import DEFAULT_TIMEOUT, DEFAULT_WORKERS, Fetch
from ppid_core.dip._urls import check_urls as ask_urls
from ppid_core.errors import DataFileError, InvalidArgumentError, LocatedError

__all__ = ["add_months", "check_dip", "due_date"]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months; a missing day becomes the month's last.

    >>> add_months(dt.date(2024, 8, 31), 6), add_months(dt.date(2024, 1, 15), 6)
    (datetime.date(2025, 2, 28), datetime.date(2024, 7, 15))
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_date(updated: dt.date, required: RequiredList) -> dt.date:
    """The last day an item updated on ``updated`` is still current under ``required``."""
    return add_months(updated, required.staleness.months)


def _finding(
    kind: FindingKind,
    template: str,
    *,
    number: str | None = None,
    key: str | None = None,
    citation: str | None = None,
    **params: object,
) -> Finding:
    """A finding whose message is ``template`` (English, marked ``N_``) filled in; the
    template and values are kept so that the tables show it in the language in use.
    ``citation`` and ``key`` fill their placeholders too."""
    named = {"citation": citation, "key": key, **params}
    values = tuple(
        (name, str(value)) for name, value in named.items() if "{" + name + "}" in template
    )
    return Finding(
        kind=kind,
        message=template.format(**dict(values)),
        number=number,
        key=key,
        citation=citation,
        template=template,
        params=values,
    )


def _item_findings(item: DipItem, on: dt.date, required: RequiredList) -> list[Finding]:
    out: list[Finding] = []
    n = item.number
    rule = required.staleness
    if item.updated is not None and item.updated > on:
        msg = N_("item {n}: last updated {updated}, after the day checked ({on})")
        out.append(
            _finding(FindingKind.FUTURE_UPDATE, msg, number=n, n=n, updated=item.updated, on=on)
        )
    elif item.category is rule.category and item.updated is None:
        msg = N_(
            "item {n}: {category} information without a date of last update; "
            "give updated: YYYY-MM-DD"
        )
        out.append(
            _finding(
                FindingKind.NO_UPDATE_DATE,
                msg,
                number=n,
                citation=rule.citation,
                n=n,
                category=rule.category.value,
            )
        )
    elif item.category is rule.category and item.updated is not None:
        due = due_date(item.updated, required)
        if on > due:
            msg = N_(
                "item {n}: {category} information last updated {updated}; "
                "an update was due by {due} (every {months} months, {citation})"
            )
            out.append(
                _finding(
                    FindingKind.STALE,
                    msg,
                    number=n,
                    citation=rule.citation,
                    n=n,
                    category=rule.category.value,
                    updated=item.updated,
                    due=due,
                    months=rule.months,
                )
            )
    if item.category is Category.DIKECUALIKAN:
        if item.uji_konsekuensi is None:
            msg = N_(
                "item {n}: dikecualikan without uji_konsekuensi; name the decree or minutes "
                "of its consequence test"
            )
            out.append(
                _finding(
                    FindingKind.NO_UJI_KONSEKUENSI,
                    msg,
                    number=n,
                    citation="UU 14/2008 Pasal 19",
                    n=n,
                )
            )
    elif item.url is None:
        msg = N_("item {n}: no url where the information is published")
        out.append(_finding(FindingKind.NO_URL, msg, number=n, n=n))
    for key in item.wajib:
        entry = required.entry(key)
        if entry is not None and entry.category is not item.category:
            msg = N_("item {n}: is {category}, but {citation} is {required} information")
            out.append(
                _finding(
                    FindingKind.CATEGORY_MISMATCH,
                    msg,
                    number=n,
                    key=key,
                    citation=entry.citation,
                    n=n,
                    category=item.category.value,
                    required=entry.category.value,
                )
            )
    return out


def _unknown_keys(dip: Dip, required: RequiredList) -> None:
    """Raise every ``wajib`` key that is not an entry of ``required``, located in the file."""
    errors = []
    for index, item in enumerate(dip.items):
        for key in item.wajib:
            if required.entry(key) is not None:
                continue
            path, line, column = dip.wajib_at.get(
                (item.number, key), (f"$.items[{index}].wajib", None, None)
            )
            errors.append(
                LocatedError(
                    unknown_key(key, required),
                    source=dip.source,
                    line=line,
                    column=column,
                    path=path,
                )
            )
    if errors:
        raise DataFileError.from_errors(dip.source, errors)


def check_dip(
    dip: Dip,
    *,
    on: dt.date,
    required: RequiredList | str | None = None,
    check_urls: bool = False,
    fetch: Fetch | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
) -> DipCheck:
    """Check a DIP on a day against a required list.

    Args:
        dip: The DIP.
        on: The day of the check (staleness is counted to it).
        required: A [`RequiredList`][ppid_core.dip.RequiredList], the key of a bundled one,
            or ``None`` for ``uu_14_2008``.
        check_urls: Ask each address whether it answers (network; off by default).
        fetch: With ``check_urls``: the fetcher to use instead of urllib (tests, own client).
        timeout: With ``check_urls``: seconds per request.
        workers: With ``check_urls``: requests at a time (1 to 16).

    Returns:
        The findings, the coverage of the list and the URL answers.

    Raises:
        DataFileError: An item's ``wajib`` names a key that is not an entry of the
            required list: every such key, located in the DIP's file (``file:line:col
            ($.items[i].wajib)``) when it was read from one.
        InvalidArgumentError: ``on`` is not a date, or a URL-check bound is out of range.
        UnknownNameError: ``required`` names no bundled list.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        msg = f"on must be a datetime.date, got {type(on).__name__}"
        raise InvalidArgumentError(msg)
    rules = (
        required
        if isinstance(required, RequiredList)
        else RequiredList.bundled(required or "uu_14_2008")
    )
    _unknown_keys(dip, rules)
    findings: list[Finding] = []
    for item in dip.items:
        findings += _item_findings(item, on, rules)
    named: dict[str, list[str]] = {}
    for item in dip.items:
        for key in item.wajib:
            named.setdefault(key, []).append(item.number)
    coverage = tuple(Coverage(entry=e, numbers=tuple(named.get(e.key, ()))) for e in rules.entries)
    for c in coverage:
        if c.status == "tidak ada":
            msg = N_("no item fulfils {citation} ({text}); add one with wajib: {key}")
            findings.append(
                _finding(
                    FindingKind.MISSING,
                    msg,
                    key=c.entry.key,
                    citation=c.entry.citation,
                    text=c.entry.text,
                )
            )
    urls: tuple[UrlResult, ...] = ()
    if check_urls:
        targets = [(i.number, i.url) for i in dip.items if i.url is not None]
        urls = ask_urls(targets, fetch=fetch, timeout=timeout, workers=workers)
        for u in urls:
            if not u.ok:
                why = u.error or f"HTTP {u.status}"
                for n in u.numbers:
                    msg = N_("item {n}: {url} did not answer with success ({why})")
                    findings.append(
                        _finding(
                            FindingKind.URL_UNREACHABLE, msg, number=n, n=n, url=u.url, why=why
                        )
                    )
    return DipCheck(
        source=dip.source,
        unit=dip.unit,
        on=on,
        required=rules,
        items=len(dip.items),
        findings=tuple(findings),
        coverage=coverage,
        urls=urls,
        urls_checked=check_urls,
    )
