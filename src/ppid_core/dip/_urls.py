"""The optional URL check: does each address of a DIP answer?

Off by default: [`check_dip()`][ppid_core.dip.check_dip] reaches the network only with
``check_urls=True`` (``ppid dip check --check-urls``). Each address is asked once, however
many items share it, with a ``HEAD`` request (a ``GET`` when the server refuses ``HEAD``
with 405 or 501), a timeout per request, and at most ``workers`` requests at a time.
Only the Python standard library is used (`urllib.request`).

A test, or a program with its own HTTP client, passes ``fetch``: a function of the URL and
the timeout that returns the HTTP status, and raises `OSError` when there is no answer.

    >>> results = check_urls(
    ...     [("1", "https://example.org/a"), ("2", "https://example.org/a")],
    ...     fetch=lambda url, timeout: 200,
    ... )
    >>> [(r.url, r.numbers, r.ok) for r in results]
    [('https://example.org/a', ('1', '2'), True)]
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from ppid_core._i18n import _
from ppid_core.dip._result import UrlResult
from ppid_core.errors import InvalidArgumentError

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Fetch", "check_urls", "urllib_fetch"]

Fetch = Callable[[str, float], int]
"""A fetcher: ``fetch(url, timeout)`` returns the HTTP status or raises `OSError`."""

#: Seconds a request may take.
DEFAULT_TIMEOUT = 10.0
#: Requests at a time.
DEFAULT_WORKERS = 4
_MAX_WORKERS = 16
_MAX_TIMEOUT = 120.0
_RETRY_WITH_GET = frozenset({405, 501})


def _status(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(  # noqa: S310 - the reader admits http(s) only
        url, method=method, headers={"User-Agent": "ppid-core DIP check"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as exc:  # an answer, with an error status
        return int(exc.code)


def urllib_fetch(url: str, timeout: float) -> int:
    """The HTTP status of ``url`` by ``HEAD`` (then ``GET`` on 405 or 501), via urllib.

    Redirects are followed. Raises `OSError` (``URLError``, a timeout) when there is no
    answer.
    """
    status = _status(url, "HEAD", timeout)
    return _status(url, "GET", timeout) if status in _RETRY_WITH_GET else status


def _ask(fetch: Fetch, url: str, timeout: float) -> tuple[int | None, str | None]:
    try:
        return fetch(url, timeout), None
    except urllib.error.URLError as exc:
        return None, f"no answer ({exc.reason})"
    except TimeoutError:
        return None, f"no answer within {timeout:g} s"
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return None, f"no answer ({type(exc).__name__}: {exc})"


def check_urls(
    targets: Sequence[tuple[str, str]],
    *,
    fetch: Fetch | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
) -> tuple[UrlResult, ...]:
    """Ask each distinct address once, at most ``workers`` at a time.

    Args:
        targets: ``(item number, url)`` pairs.
        fetch: The fetcher (default [`urllib_fetch()`][urllib_fetch]).
        timeout: Seconds per request, more than 0 and at most 120.
        workers: Requests at a time, 1 to 16.

    Returns:
        One result per distinct address, in the order of first appearance.

    Raises:
        InvalidArgumentError: ``timeout`` or ``workers`` out of bounds.
    """
    if not 0 < timeout <= _MAX_TIMEOUT:
        msg = _("timeout must be more than 0 and at most {limit} seconds, got {value}").format(
            limit=f"{_MAX_TIMEOUT:g}", value=repr(timeout)
        )
        raise InvalidArgumentError(msg)
    if not 1 <= workers <= _MAX_WORKERS:
        msg = _("workers must be from 1 to {limit}, got {value}").format(
            limit=_MAX_WORKERS, value=repr(workers)
        )
        raise InvalidArgumentError(msg)
    numbers: dict[str, list[str]] = {}
    for number, url in targets:
        numbers.setdefault(url, []).append(number)
    if not numbers:
        return ()
    ask = fetch or urllib_fetch
    urls = list(numbers)
    with ThreadPoolExecutor(max_workers=min(workers, len(urls))) as pool:
        answers = list(pool.map(lambda u: _ask(ask, u, timeout), urls))
    return tuple(
        UrlResult(url=u, numbers=tuple(numbers[u]), status=s, error=e)
        for u, (s, e) in zip(urls, answers, strict=True)
    )
