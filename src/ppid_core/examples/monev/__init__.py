"""The embedded e-Monev example: illustrative answers of KPU Provinsi NTT for 2025.

[`ANSWERS`][ANSWERS], ``kpu-ntt-2025-jawaban.yaml``, is written for the demo and the docs,
not taken from the office's real submission. Scored with the embedded register, two
items more are answered by ppid-core itself:

    >>> from ppid_core.examples.requests import load_kpu_ntt_2024
    >>> from ppid_core.monev import register_fact, score_monev
    >>> result = score_monev(load_example_answers(), derived=[register_fact(load_kpu_ntt_2024())])
    >>> [s.item.key for s in result.missing]
    ['dip_mutakhir', 'laporan_layanan_informasi', 'jadwal_pelayanan']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ppid_core.monev import Answers, parse_answers

__all__ = ["ANSWERS", "example_answers_text", "example_path", "load_example_answers"]

ANSWERS = "kpu-ntt-2025-jawaban.yaml"
"""File name of the illustrative answers."""


def example_path() -> Path:
    """The path of the embedded answers file (for ``ppid monev score``).

    >>> example_path().name
    'kpu-ntt-2025-jawaban.yaml'
    """
    return Path(__file__).parent / ANSWERS


def example_answers_text() -> str:
    """The embedded answers file as YAML text."""
    return (resources.files(__name__) / ANSWERS).read_text(encoding="utf-8")


def load_example_answers() -> Answers:
    """The embedded answers, read against the bundled instrument they name."""
    return parse_answers(example_answers_text(), source=ANSWERS)
