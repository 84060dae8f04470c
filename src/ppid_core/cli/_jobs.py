"""Reading several files, in worker processes with ``--jobs N``: one helper for every command.

``ppid ikm score FILE...`` and ``ppid register report FILE...`` read each file on its own
(one after the other, or in ``N`` spawned worker processes) and merge the per-file results
in the order the files were given, so ``--jobs`` never changes the result. Every file's
errors are gathered and reported together, each naming its file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ppid_core._i18n import _
from ppid_core.errors import DataFileError, LocatedError, PpidError

__all__ = ["MAX_JOBS", "add_jobs_option", "file_errors", "run_each"]

T = TypeVar("T")

MAX_JOBS = 64
"""The most worker processes ``--jobs`` starts."""


def _jobs(text: str) -> int:
    """An argparse type: a whole number of worker processes from 1 to [`MAX_JOBS`][MAX_JOBS]."""
    digits = text.strip()
    value = int(digits) if digits.lstrip("+-").isdigit() and len(digits) <= 20 else None
    if value is None or not 1 <= value <= MAX_JOBS:
        shown = text if len(text) <= 20 else text[:20] + "..."
        msg = _("expected a whole number from 1 to {most}, got {text!r}").format(
            most=MAX_JOBS, text=shown
        )
        raise argparse.ArgumentTypeError(msg)
    return value


_jobs.__name__ = "whole number"  # argparse names the type in its own messages


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``: read the files in N worker processes (default 1)."""
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=_(
            "read the files in N worker processes (default 1: one after the other); the "
            "result is the same"
        ),
    )


def run_each(
    work: Callable[[str, dict[str, Any]], T],
    paths: Sequence[str],
    options: dict[str, Any],
    *,
    jobs: int = 1,
) -> list[T | BaseException]:
    """``work(path, options)`` for every path, in order: its result or the exception it
    raised. With ``jobs`` > 1 and several paths, in that many spawned worker processes
    (the same on every platform); ``work`` and ``options`` must then be picklable.
    One after the other, only a [`PpidError`][ppid_core.errors.PpidError] or an
    ``OSError`` is kept as an outcome (anything else is a bug, and raised)."""
    if jobs > 1 and len(paths) > 1:
        import multiprocessing  # noqa: PLC0415 - only with --jobs
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=context) as pool:
            futures = [pool.submit(work, p, options) for p in paths]
            return [f.exception() or f.result() for f in futures]
    outcomes: list[T | BaseException] = []
    for p in paths:
        try:
            outcomes.append(work(p, options))
        except (PpidError, OSError) as exc:
            outcomes.append(exc)
    return outcomes


def file_errors(paths: Sequence[str], outcomes: Sequence[object]) -> BaseException | None:
    """The error to raise for the files that failed, or ``None`` if none did: a single
    file's own error, else one [`DataFileError`][ppid_core.errors.DataFileError] ("2 of 5
    files have errors") holding every file's located errors in file order."""
    failed = [(p, o) for p, o in zip(paths, outcomes, strict=True) if isinstance(o, BaseException)]
    if not failed:
        return None
    if len(paths) == 1:
        return failed[0][1]
    located = [e for p, o in failed for e in _located(_as_ppid(o, p))]
    summary = _("{failed} of {total} files have errors").format(
        failed=len(failed), total=len(paths)
    )
    return DataFileError(summary, located)


def _as_ppid(error: BaseException, path: str) -> PpidError:
    """A file's error as a PpidError (a file that cannot be opened, located at it)."""
    if isinstance(error, PpidError):
        return error
    reason = getattr(error, "strerror", None) or str(error)
    return DataFileError.from_errors(path, [LocatedError(reason, source=path)])


def _located(error: PpidError) -> list[LocatedError]:
    """The located errors of a file's error (one located at the file if it has none)."""
    if isinstance(error, DataFileError):
        return [e for e in error.exceptions if isinstance(e, LocatedError)]
    if isinstance(error, LocatedError):
        return [error]
    return [LocatedError(str(error))]
