"""A progress indicator on stderr for long work, only when a person is watching.

The bar is tqdm's (a well-kept library), imported only when stderr is a terminal: a pipe,
a file, a CI log or a program embedding ``ppid`` sees nothing and pays no import. tqdm
shows the bar only once the work has run for [`DELAY`][DELAY] seconds, so a quick command
never flickers one, and removes it when the work ends, so the result is not interleaved
with it.
"""

from __future__ import annotations

import sys

from ppid_core.cli._streams import is_terminal

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - typing is not imported at run time (start-up)
    from collections.abc import Iterable, Iterator
    from typing import TextIO, TypeVar

    T = TypeVar("T")

__all__ = ["DELAY", "progress"]

DELAY = 1.5
"""Seconds of work before the bar appears."""


def progress(
    items: Iterable[T],
    *,
    total: int | None,
    what: str,
    unit: str,
    stream: TextIO | None = None,
) -> Iterator[T]:
    """``items``, with a bar on ``stream`` (default stderr) when it is a terminal.

    Args:
        items: The work, one item at a time.
        total: How many items, if known.
        what: The words before the bar ("Membaca register"), in the language in use.
        unit: One item's name ("berkas").
        stream: Where the bar goes.
    """
    out = sys.stderr if stream is None else stream
    if not is_terminal(out):
        yield from items
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal, see the module docstring

    yield from tqdm(
        items, total=total, desc=what, unit=" " + unit, file=out, delay=DELAY, leave=False
    )
