"""Indeks Kepuasan Masyarakat (IKM): satisfaction-survey scoring as Permenpan RB 14/2017 prescribes.

Exact arithmetic (``Fraction``) from answers to NRR per unsur, the weighted index and its
conversion to 25-100; half-up rounding to 2 decimals only to display and to classify.
Regimes (unsur, weights, interval table) are YAML data; tallies merge exactly, so large
or distributed data can be scored in pieces.

Examples:
    >>> from ppid_core.ikm import Regime, Tally, score
    >>> r = Regime.bundled()
    >>> t = Tally.from_totals(
    ...     r,
    ...     {
    ...         "Persyaratan": 549,
    ...         "Prosedur": 555,
    ...         "Waktu": 523,
    ...         "Biaya": 600,
    ...         "Produk": 503,
    ...         "Kompetensi": 553,
    ...         "Perilaku": 553,
    ...         "Sarana dan Prasarana": 523,
    ...         "Penanganan Pengaduan": 537,
    ...     },
    ...     respondents=150,
    ... )
    >>> result = score(t, r)
    >>> print(result)
    IKM 90.67 (A, Sangat Baik); 150 responden

References:
    Permenpan RB 14/2017 Pasal 1 and Lampiran; Kepmenpan KEP/25/M.PAN/2/2004 Lampiran.
"""

from ppid_core._numbers import half_up
from ppid_core.ikm._breakdown import Breakdown
from ppid_core.ikm._dask import merge_dask
from ppid_core.ikm._deprecated import (
    from_dataframe,
    from_rows,
    read_csv,
    read_csv_pandas,
    read_records,
    read_xlsx,
)
from ppid_core.ikm._groups import GroupTallies
from ppid_core.ikm._header import DEMOGRAPHIC_COLUMNS
from ppid_core.ikm._notes import Note, shown_note
from ppid_core.ikm._periods import PeriodScore, PeriodSeries, by_period
from ppid_core.ikm._policy import LEGACY_TOLERANCE, ScoringPolicy
from ppid_core.ikm._profile import Profile
from ppid_core.ikm._read import MissingPolicy
from ppid_core.ikm._read_survey import read_survey
from ppid_core.ikm._records import read_survey_records
from ppid_core.ikm._regime import (
    DEFAULT_REGIME,
    Band,
    Regime,
    Unsur,
    available_regimes,
    load_regime,
    parse_regime,
)
from ppid_core.ikm._result import IkmResult, UnsurScore
from ppid_core.ikm._sample import (
    SampleCheck,
    SmallSampleWarning,
    check_sample,
    krejcie_morgan,
    krejcie_morgan_table,
)
from ppid_core.ikm._scoring import score
from ppid_core.ikm._sql import read_survey_sql
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._tally import Tally
from ppid_core.ikm._worksheet import IkmWorksheet

__all__ = [
    "DEFAULT_REGIME",
    "DEMOGRAPHIC_COLUMNS",
    "LEGACY_TOLERANCE",
    "Band",
    "Breakdown",
    "GroupTallies",
    "IkmResult",
    "IkmWorksheet",
    "MissingPolicy",
    "Note",
    "PeriodScore",
    "PeriodSeries",
    "Profile",
    "Regime",
    "SampleCheck",
    "ScoringPolicy",
    "SmallSampleWarning",
    "Survey",
    "Tally",
    "Unsur",
    "UnsurScore",
    "available_regimes",
    "by_period",
    "check_sample",
    "from_dataframe",
    "from_rows",
    "half_up",
    "krejcie_morgan",
    "krejcie_morgan_table",
    "load_regime",
    "merge_dask",
    "parse_regime",
    "read_csv",
    "read_csv_pandas",
    "read_records",
    "read_survey",
    "read_survey_records",
    "read_survey_sql",
    "read_xlsx",
    "score",
    "shown_note",
]
