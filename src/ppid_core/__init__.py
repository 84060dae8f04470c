"""ppid-core: the toolkit for Indonesian public-information service (PPID) work.

Working days ([`ppid_core.calendar`][ppid_core.calendar]), information requests under UU 14/2008
([`ppid_core.requests`][ppid_core.requests]), the Indeks Kepuasan Masyarakat
([`ppid_core.ikm`][ppid_core.ikm]) and
Reformasi Birokrasi action plans ([`ppid_core.rb`][ppid_core.rb]).

Importing the package loads nothing else: the names below are resolved on first use, so
that ``import ppid_core.calendar`` in a web worker or a ``ppid`` call pays only for what
it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from ppid_core._tables import Table
    from ppid_core.calendar import WorkCalendar
    from ppid_core.masking import Masking, NameMasking, mask_email, mask_name, mask_phone

__all__ = [
    "Masking",
    "NameMasking",
    "Table",
    "WorkCalendar",
    "__version__",
    "mask_email",
    "mask_name",
    "mask_phone",
]

#: The names of [`ppid_core.masking`][ppid_core.masking], reachable here too
#: (``ppid_core.mask_name``).
_MASKING = frozenset({"Masking", "NameMasking", "mask_email", "mask_name", "mask_phone"})


def __getattr__(name: str) -> Any:
    """Resolve the package's public names lazily (PEP 562)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            value: Any = version("ppid-core")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0+unknown"
    elif name == "Table":
        from ppid_core._tables import Table  # noqa: PLC0415

        value = Table
    elif name == "WorkCalendar":
        from ppid_core.calendar import WorkCalendar  # noqa: PLC0415

        value = WorkCalendar
    elif name in _MASKING:
        from ppid_core import masking  # noqa: PLC0415

        value = getattr(masking, name)
    else:
        msg = f"module 'ppid_core' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value
