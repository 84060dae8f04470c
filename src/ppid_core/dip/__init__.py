"""The Daftar Informasi Publik (DIP) and its monitoring (monitoring ketersediaan informasi).

A DIP is read from YAML ([`load_dip()`][load_dip], [`parse_dip()`][parse_dip]) in the columns
the Komisi Informasi prescribes, plus the category, the uji konsekuensi of an excepted item,
the published address and the date of the last update. [`check_dip()`][check_dip] checks it on
a day against a required list ([`RequiredList`][RequiredList], bundled: UU 14/2008 Pasal 9-11):
missing entries, stale berkala information, items without an address, excepted items
without a consequence test, and (only when asked) addresses that do not answer.
[`Dip.table()`][Dip.table] renders the DIP in the regulation's layout.

    >>> import datetime as dt
    >>> from ppid_core.dip import check_dip, load_dip
    >>> from ppid_core.examples.dip import example_path
    >>> dip = load_dip(example_path())
    >>> check = check_dip(dip, on=dt.date(2024, 12, 1))
    >>> check.current, check.complete, [f.kind.value for f in check.findings]
    (True, True, ['no_url', 'no_uji_konsekuensi'])

The seeds name this duty "Monitoring Ketersediaan Informasi Publik": making sure the
information an office must announce is available and easy to reach.

References:
    UU 14/2008 Pasal 9-11, 17 and 19; Perki 1/2021 (Standar Layanan Informasi Publik, the
    DIP and its columns; article not read [U]); seeds 001 and 004 (strategi dan metode
    pembinaan, pengawasan, evaluasi, dan monitoring, section IV).
"""

from ppid_core.dip._check import add_months, check_dip
from ppid_core.dip._model import COLUMNS, Category, Dip, DipItem, DipTable, Form
from ppid_core.dip._read import load_dip, parse_dip
from ppid_core.dip._required import (
    DEFAULT_REQUIRED,
    RequiredEntry,
    RequiredList,
    Staleness,
    load_required,
)
from ppid_core.dip._result import Coverage, DipCheck, Finding, FindingKind, UrlResult
from ppid_core.dip._urls import DEFAULT_TIMEOUT, DEFAULT_WORKERS, Fetch, check_urls, urllib_fetch

__all__ = [
    "COLUMNS",
    "DEFAULT_REQUIRED",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WORKERS",
    "Category",
    "Coverage",
    "Dip",
    "DipCheck",
    "DipItem",
    "DipTable",
    "Fetch",
    "Finding",
    "FindingKind",
    "Form",
    "RequiredEntry",
    "RequiredList",
    "Staleness",
    "UrlResult",
    "add_months",
    "check_dip",
    "check_urls",
    "load_dip",
    "load_required",
    "parse_dip",
    "urllib_fetch",
]
