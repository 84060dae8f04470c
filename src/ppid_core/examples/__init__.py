"""Embedded example data used by ``ppid demo`` and the docs: one subpackage per capability.

- [`ppid_core.examples.requests`][ppid_core.examples.requests]: the 2024 request register of KPU
  Provinsi NTT
  (``load_kpu_ntt_2024()``);
- [`ppid_core.examples.ikm`][ppid_core.examples.ikm]: a synthetic survey that reproduces the
  office's published
  2024 IKM table (``read_seed_survey()``);
- [`ppid_core.examples.rb`][ppid_core.examples.rb]: the office's 2022 RB team decree and action
  plan, with
  illustrative realisation records (``load_kpu_ntt_2022_plan()``, ``example_path(name)``).

The examples import the capability packages, never the other way round.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

__all__ = ["EXAMPLE_FILES", "copy_examples"]

EXAMPLE_FILES = {
    "register-2024.csv": ("ppid_core.examples.requests", "kpu_ntt_2024.csv"),
    "skm-2024.csv": ("ppid_core.examples.ikm", "kpu_ntt_2024_skm.csv"),
    "kpu-ntt-2022-tim.yaml": ("ppid_core.examples.rb", "kpu-ntt-2022-tim.yaml"),
    "kpu-ntt-2022-rencana-aksi.yaml": ("ppid_core.examples.rb", "kpu-ntt-2022-rencana-aksi.yaml"),
    "kpu-ntt-2022-realisasi.yaml": ("ppid_core.examples.rb", "kpu-ntt-2022-realisasi.yaml"),
}
"""The example files an officer copies to try the commands (name in the folder: package and
file), as the quick-start (Panduan singkat) names them."""


def copy_examples(folder: str | Path) -> list[Path]:
    """Copy the example files into ``folder`` (created if missing), to try the commands on.

    Existing files of the same names are left as they are, never overwritten.

    Returns:
        The files written.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (package, file) in EXAMPLE_FILES.items():
        path = target / name
        if path.exists():
            continue
        with resources.as_file(resources.files(package) / file) as source:
            shutil.copyfile(source, path)
        written.append(path)
    return written
