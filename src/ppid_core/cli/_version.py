"""The installed version of ppid-core, found without importing `importlib.metadata`.

``ppid --version`` is called from scripts, and importing `importlib.metadata`
(``email``, ``zipfile``, ``csv``, ...) costs more than the rest of the command together.
[`installed_version()`][installed_version] reads what `importlib.metadata.version()` reads: the
``Version:`` field of the first ``ppid_core-*.dist-info/METADATA`` on ``sys.path``, in
path order; anything else (an egg, a zip, no metadata) falls back to
[`ppid_core.__version__`][ppid_core.__version__]. A test checks that both give the same version.
"""

from __future__ import annotations

import os
import sys

__all__ = ["installed_version"]

_NAME = "ppid_core"  # the distribution's name, normalised as in a .dist-info folder


def _normalised(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _from_metadata(folder: str) -> str | None:
    # os, not pathlib: pathlib is an import that ``ppid --version`` need not pay for
    path = os.path.join(folder, "METADATA")  # noqa: PTH118
    try:
        with open(path, encoding="utf-8") as fh:  # noqa: PTH123
            for line in fh:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
                if not line.strip():  # the end of the headers
                    return None
    except OSError:
        return None
    return None


def installed_version() -> str:
    """The version of the installed ppid-core distribution, as ``importlib.metadata`` says."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208 - os, not pathlib: see above
        except OSError:  # a zip, a missing folder
            continue
        for name in names:
            stem, _, suffix = name.rpartition(".")
            if suffix == "dist-info" and _normalised(stem.rpartition("-")[0]) == _NAME:
                found = _from_metadata(os.path.join(entry or ".", name))  # noqa: PTH118
                if found is not None:
                    return found
    from ppid_core import __version__  # noqa: PLC0415 - the slow, general way

    return str(__version__)
