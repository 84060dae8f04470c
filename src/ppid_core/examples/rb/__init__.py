"""The embedded RB examples: the KPU Provinsi NTT decree (No. 79/2022), an RB General 2025 plan.

- [`TEAM`][TEAM], ``kpu-ntt-2022-tim.yaml``: Lampiran I, the RB team;
- [`PLAN`][PLAN], ``kpu-ntt-2022-rencana-aksi.yaml``: Lampiran II, the 2022 action plan;
- [`REALISATION`][REALISATION], ``kpu-ntt-2022-realisasi.yaml``: *illustrative* realisation records
  for January to June 2022, written for the demo and the docs (not from the decree);
- [`GENERAL_2025_PLAN`][GENERAL_2025_PLAN] and
  [`GENERAL_2025_REALISATION`][GENERAL_2025_REALISATION]: a small *illustrative* RB General
  2025 plan shaped like Badan Pusat Statistik's (targets per triwulan with their satuan,
  a unit as PIC, no area perubahan) and its realisation for the whole year: invented
  figures, public activity names, no personal data.

They are files beside this module, so [`example_path()`][example_path] gives their paths (the
realisation file names its plan by a path relative to itself), and the loaders read them:

    >>> example_path(PLAN).name
    'kpu-ntt-2022-rencana-aksi.yaml'
    >>> load_kpu_ntt_2022_plan().year, load_kpu_ntt_2022_team().unit
    (2022, 'Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur')
    >>> plan, realisation = load_kpu_ntt_2022_monitoring()
    >>> len(realisation.records) > 0
    True
    >>> plan, realisation = load_rb_general_2025_monitoring()
    >>> plan.framework, plan.component, len(realisation.records)
    ('rb-general-tematik-2023', 'general', 20)

References:
    Keputusan KPU Provinsi NTT No. 79 Tahun 2022 (amending No. 56/HK.03.1/53/2022).
"""

from __future__ import annotations

from pathlib import Path

from ppid_core.errors import UnknownNameError
from ppid_core.rb import ActionPlan, Realisation, TeamDecree, load_monitoring, load_plan, load_team

__all__ = [
    "EXAMPLES",
    "GENERAL_2025_PLAN",
    "GENERAL_2025_REALISATION",
    "PLAN",
    "REALISATION",
    "TEAM",
    "example_path",
    "load_kpu_ntt_2022_monitoring",
    "load_kpu_ntt_2022_plan",
    "load_kpu_ntt_2022_team",
    "load_rb_general_2025_monitoring",
    "load_rb_general_2025_plan",
]

TEAM = "kpu-ntt-2022-tim.yaml"
"""File name of the team decree (Lampiran I)."""
PLAN = "kpu-ntt-2022-rencana-aksi.yaml"
"""File name of the 2022 action plan (Lampiran II)."""
REALISATION = "kpu-ntt-2022-realisasi.yaml"
"""File name of the illustrative realisation records (January to June 2022)."""
GENERAL_2025_PLAN = "contoh-rb-general-2025-rencana-aksi.yaml"
"""File name of the illustrative RB General 2025 plan (framework ``rb-general-tematik-2023``)."""
GENERAL_2025_REALISATION = "contoh-rb-general-2025-realisasi.yaml"
"""File name of its illustrative realisation, per triwulan, for the whole of 2025."""
EXAMPLES = (TEAM, PLAN, REALISATION, GENERAL_2025_PLAN, GENERAL_2025_REALISATION)
"""The file names of the embedded RB examples."""


def example_path(name: str) -> Path:
    """The path of an embedded RB example file.

    Raises:
        UnknownNameError: Not one of [`EXAMPLES`][EXAMPLES].
    """
    if name not in EXAMPLES:
        msg = f"unknown RB example {name!r}; expected one of: {', '.join(EXAMPLES)}"
        raise UnknownNameError(msg)
    return Path(__file__).parent / name


def load_kpu_ntt_2022_team() -> TeamDecree:
    """The embedded team decree (Lampiran I), loaded."""
    return load_team(example_path(TEAM))


def load_kpu_ntt_2022_plan() -> ActionPlan:
    """The embedded 2022 action plan (Lampiran II), loaded."""
    return load_plan(example_path(PLAN))


def load_kpu_ntt_2022_monitoring() -> tuple[ActionPlan, Realisation]:
    """The embedded plan with its illustrative realisation records, checked against it."""
    return load_monitoring(example_path(REALISATION))


def load_rb_general_2025_plan() -> ActionPlan:
    """The illustrative RB General 2025 plan, loaded."""
    return load_plan(example_path(GENERAL_2025_PLAN))


def load_rb_general_2025_monitoring() -> tuple[ActionPlan, Realisation]:
    """The illustrative RB General 2025 plan with its realisation for the whole year."""
    return load_monitoring(example_path(GENERAL_2025_REALISATION))
