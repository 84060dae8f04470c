"""Lazy imports of optional dependencies, with an error that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from ppid_core.errors import MissingExtraError

__all__ = ["import_optional"]


def import_optional(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise [`MissingExtraError`][MissingExtraError] naming ``pip install``
    extra.

    >>> import_optional("no_such_module_xyz", "plot")
    Traceback (most recent call last):
    ...
    ppid_core.errors.MissingExtraError: no_such_module_xyz is needed for this; ...[plot]'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".", 1)[0]
        msg = f"{top} is needed for this; install it with: pip install 'ppid-core[{extra}]'"
        raise MissingExtraError(msg) from None
