"""The embedded examples: the seed decree of KPU Provinsi NTT (No. 79/2022).

- ``kpu-ntt-2022-tim.yaml``: Lampiran I, the RB team;
- ``kpu-ntt-2022-rencana-aksi.yaml``: Lampiran II, the 2022 action plan;
- ``kpu-ntt-2022-realisasi.yaml``: *illustrative* realisation records for January to
  June 2022, written for the demo and the docs (not from the decree).

    >>> example_path("kpu-ntt-2022-tim.yaml").name
    'kpu-ntt-2022-tim.yaml'

References:
    Keputusan KPU Provinsi NTT No. 79 Tahun 2022 (amending No. 56/HK.03.1/53/2022).
"""

from __future__ import annotations

from pathlib import Path

from ppid_core.errors import UnknownNameError

__all__ = ["EXAMPLES", "example_path"]

EXAMPLES = (
    "kpu-ntt-2022-tim.yaml",
    "kpu-ntt-2022-rencana-aksi.yaml",
    "kpu-ntt-2022-realisasi.yaml",
)


def example_path(name: str) -> Path:
    """The path of an embedded RB example file.

    Raises:
        UnknownNameError: Not one of :data:`EXAMPLES`.
    """
    if name not in EXAMPLES:
        msg = f"unknown RB example {name!r}; expected one of: {', '.join(EXAMPLES)}"
        raise UnknownNameError(msg)
    import ppid_core.examples.rb as package  # noqa: PLC0415 - data package, loaded on demand

    return Path(package.__file__).parent / name
