"""The embedded example DIP: public information of a KPU provincial office (illustrative).

``kpu-ntt-dip.yaml`` lists 14 items of the kinds a KPU office publishes, one for every
entry of the UU 14/2008 list, with two things left for the check to find (an item without
an address, an excepted item without its uji konsekuensi). It is written for the demo and
the docs, not transcribed from a decreed DIP; its addresses are on ``example.org``.

    >>> load_example_dip().unit, len(load_example_dip().items)
    ('KPU Provinsi Nusa Tenggara Timur', 14)
"""

from __future__ import annotations

from pathlib import Path

from ppid_core.dip import Dip, load_dip

__all__ = ["EXAMPLE", "example_path", "load_example_dip", "required_path"]

EXAMPLE = "kpu-ntt-dip.yaml"
"""File name of the example DIP."""


def example_path() -> Path:
    """The path of the example DIP file."""
    return Path(__file__).parent / EXAMPLE


def load_example_dip() -> Dip:
    """The example DIP, read with [`load_dip()`][ppid_core.dip.load_dip]."""
    return load_dip(example_path())


def required_path() -> Path:
    """The path of the bundled required list ``uu_14_2008.yaml``: the layout of an
    office's own list (copy it, then edit the copy; ``ppid dip check --required FILE``).

    >>> required_path().name
    'uu_14_2008.yaml'
    """
    import ppid_core.dip  # noqa: PLC0415 - its folder holds the bundled lists

    return Path(ppid_core.dip.__file__).parent / "data" / "required" / "uu_14_2008.yaml"
