"""Example data for the oversight of the PPID Pelaksana (``ppid register oversight``).

**Fictitious example data**, made for ppid-core's demo, docs and tests: four registers of
KPU kabupaten/kota in Nusa Tenggara Timur (all in WITA), as a provincial PPID receives
them, and the list of the 22 kabupaten/kota expected to report. Requester names are
made-up initials and phone numbers are masked in the files themselves; the requests are
not real.

- ``registers/kpu_kabupaten_kupang.csv``: 5 requests, with response and extension dates;
- ``registers/kpu_kota_kupang.csv``: 4 requests, with response dates (one answered late,
  one overdue at the end of 2024);
- ``registers/kpu_kabupaten_alor.csv``: 3 requests, without a response-date column (their
  timing is unknown);
- ``registers/kpu_kabupaten_lembata.csv``: an empty register (the header alone);
- ``units.yaml``: the 22 KPU kabupaten/kota of NTT;
- ``zoned/``: the multi-zone case, for a body whose units lie in several zones: two
  requests each of three KPU provinsi (DKI Jakarta in WIB, NTT in WITA, Papua in WIT),
  exported by one app that stores every time in UTC (``--source-zone UTC``);
- ``zones.yaml``: their zone map (``--zone-map FILE``): each register is read in its own
  unit's zone, so the same stored moment, 08:30 UTC on Friday 4 October 2024, is received
  that Friday in Jakarta (15:30) but after closing time in Kupang and Jayapura (received
  Monday 7 October), and 16:30 UTC on Thursday 31 October falls in October in Jakarta
  (23:30) but on 1 November in Kupang and Jayapura.

    >>> sorted(p.name for p in example_register_files())[:2]
    ['kpu_kabupaten_alor.csv', 'kpu_kabupaten_kupang.csv']
    >>> len(example_units())
    22
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ppid_core.requests import load_expected_units

__all__ = [
    "example_folder",
    "example_register_files",
    "example_units",
    "units_file",
    "zone_map_file",
    "zoned_folder",
]


def example_folder() -> Path:
    """The folder of the example registers (one file per unit)."""
    return Path(str(resources.files(__name__) / "registers"))


def example_register_files() -> list[Path]:
    """The example register files, in name order."""
    return sorted(example_folder().glob("*.csv"))


def units_file() -> Path:
    """The YAML list of the 22 KPU kabupaten/kota of NTT (``--units FILE``)."""
    return Path(str(resources.files(__name__) / "units.yaml"))


def example_units() -> tuple[str, ...]:
    """The 22 KPU kabupaten/kota of NTT, as the example expects them."""
    return load_expected_units(units_file())


def zoned_folder() -> Path:
    """The folder of the multi-zone example: three KPU provinsi in WIB, WITA and WIT."""
    return Path(str(resources.files(__name__) / "zoned"))


def zone_map_file() -> Path:
    """The zone map of the multi-zone example (``--zone-map FILE``)."""
    return Path(str(resources.files(__name__) / "zones.yaml"))
