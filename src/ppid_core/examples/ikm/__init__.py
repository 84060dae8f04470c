"""Example IKM data: a synthetic respondents file reproducing KPU NTT's published 2024 table.

KPU Provinsi NTT published per-unsur averages for 150 respondents (seed document
``000_9f58199ed1254750.txt``): Persyaratan 3,66 -> 91,50 ... IKM 90,67 (Sangat Baik). The
individual questionnaires are not public. ``kpu_ntt_2024_skm.csv`` is **synthetic**: 150 rows
built deterministically by [`build_seed_survey_csv()`][build_seed_survey_csv] so that each unsur's
total is the
one the published table implies (549, 555, 523, 600, 503, 553, 553, 523, 537), hence it
scores to exactly the published figures. Its profile columns (layanan, jenis kelamin,
pendidikan, pekerjaan, usia) are invented patterns, not KPU data.

Examples:
    >>> survey = read_seed_survey()
    >>> print(survey.score())
    IKM 90.67 (A, Sangat Baik); 150 responden
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Any

from ppid_core.ikm import Survey, read_survey

__all__ = [
    "SEED_FILE",
    "SEED_RESPONDENTS",
    "SEED_TOTALS",
    "build_seed_survey_csv",
    "read_seed_survey",
    "seed_survey_text",
]

SEED_FILE = "kpu_ntt_2024_skm.csv"
SEED_RESPONDENTS = 150
#: Unsur totals in the seed table's order (questionnaire order: sarana 8th, pengaduan 9th).
SEED_TOTALS: dict[str, int] = {
    "Persyaratan": 549,
    "Prosedur": 555,
    "Waktu": 523,
    "Biaya": 600,
    "Produk": 503,
    "Kompetensi": 553,
    "Perilaku": 553,
    "Sarana dan Prasarana": 523,
    "Penanganan Pengaduan": 537,
}
_SERVICES = ("Permohonan Informasi", "Konsultasi/ Mediasi")
_EDUCATION = ("SMA", "D3", "S1", "S1", "S2")
_WORK = ("Mahasiswa", "Wiraswasta", "PNS", "Swasta", "Jurnalis", "Lainnya")


def build_seed_survey_csv() -> str:
    """Build the synthetic respondents CSV (deterministic; no randomness).

    Rule: every total T lies between 3 x 150 and 4 x 150, so T - 450 respondents answer 4
    and the others 3. Which respondents answer 4 rotates per unsur: respondent r (0-based)
    answers 4 on the j-th unsur when ``(r + 17 * j) % 150 < T - 450``.

    >>> text = build_seed_survey_csv()
    >>> text.splitlines()[0].split(",")[:3]
    ['No', 'Layanan', 'Jenis Kelamin']
    """
    n = SEED_RESPONDENTS
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        ["No", "Layanan", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Usia", *SEED_TOTALS]
    )
    for r in range(n):
        answers = [
            4 if (r + 17 * j) % n < total - 3 * n else 3
            for j, total in enumerate(SEED_TOTALS.values())
        ]
        writer.writerow(
            [
                r + 1,
                _SERVICES[0] if (r * 7) % 10 < 6 else _SERVICES[1],
                "Laki-laki" if (r * 3) % 5 < 3 else "Perempuan",
                _EDUCATION[r % len(_EDUCATION)],
                _WORK[(r * 5) % len(_WORK)],
                18 + (r * 13) % 45,
                *answers,
            ]
        )
    return buf.getvalue()


def seed_survey_text() -> str:
    """The shipped CSV file's text."""
    return (resources.files(__name__) / SEED_FILE).read_text(encoding="utf-8")


def read_seed_survey(**kwargs: Any) -> Survey:
    """Read the shipped example with [`ppid_core.ikm.read_survey()`][ppid_core.ikm.read_survey]
    (keywords passed on)."""
    return read_survey(seed_survey_text().encode(), source_name=SEED_FILE, **kwargs)
