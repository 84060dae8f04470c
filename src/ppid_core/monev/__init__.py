"""The e-Monev self-assessment of the Komisi Informasi (Perki 1/2022): a *prediction*.

Once a year a public body fills the Komisi Informasi's self-assessment questionnaire
(SAQ), one PDF of evidence (data dukung) per item, and is graded from *Informatif* to
*Tidak Informatif* after verification and a visitasi. ppid-core predicts that grade from
the office's answers, so that the PPID sees early which items still lack evidence and
what each would add. A prediction is never the commission's result, and every rendering
says so.

- [`Instrument`][Instrument]: the indicators, weights, items, bands and the SAQ/visitasi
  split, as versioned data ([`Instrument.bundled()`][Instrument.bundled], or a
  commission's own file with [`load_instrument()`][load_instrument]);
- [`load_answers()`][load_answers] / [`parse_answers()`][parse_answers]: the office's answers
  in YAML, read strictly;
- [`Fact`][Fact] and its builders: what ppid-core already knows (the register, the IKM
  survey, the annual report, the DIP) answers items by itself, says from what, and which
  PDF the office still uploads for it ([`UPLOADS`][UPLOADS]);
- [`score_monev()`][score_monev]: the [`MonevScore`][MonevScore] result.

References:
    Perki 1/2022 tentang Monitoring dan Evaluasi Keterbukaan Informasi Publik [secondary];
    Perki 1/2021 Pasal 56 (laporan layanan informasi publik, mandatory data dukung)
    [secondary].
"""

from ppid_core.monev._answers import Answer, Answers, load_answers, parse_answers
from ppid_core.monev._derived import (
    UPLOADS,
    Fact,
    annual_report_fact,
    dip_fact,
    merge_facts,
    register_fact,
    survey_fact,
)
from ppid_core.monev._instrument import Instrument, load_instrument, parse_instrument
from ppid_core.monev._instrument_parts import (
    AGGREGATIONS,
    ANSWER_TYPES,
    CONFIDENCES,
    DEFAULT_INSTRUMENT,
    DERIVATIONS,
    Band,
    Indicator,
    Item,
)
from ppid_core.monev._score import NOTICE, IndicatorScore, ItemScore, MonevScore
from ppid_core.monev._scoring import score_monev

__all__ = [
    "AGGREGATIONS",
    "ANSWER_TYPES",
    "CONFIDENCES",
    "DEFAULT_INSTRUMENT",
    "DERIVATIONS",
    "NOTICE",
    "UPLOADS",
    "Answer",
    "Answers",
    "Band",
    "Fact",
    "Indicator",
    "IndicatorScore",
    "Instrument",
    "Item",
    "ItemScore",
    "MonevScore",
    "annual_report_fact",
    "dip_fact",
    "load_answers",
    "load_instrument",
    "merge_facts",
    "parse_answers",
    "parse_instrument",
    "register_fact",
    "score_monev",
    "survey_fact",
]
