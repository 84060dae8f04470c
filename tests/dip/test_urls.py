"""The optional URL check: injected fetchers, bounds, and urllib against 127.0.0.1 only."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
import urllib.error
from collections.abc import Iterator

import pytest

from ppid_core.dip import FindingKind, check_dip, check_urls, urllib_fetch
from ppid_core.errors import InvalidArgumentError
from ppid_core.examples.dip import load_example_dip


def test_off_by_default() -> None:
    def never(url: str, timeout: float) -> int:
        raise AssertionError(url)

    check = check_dip(load_example_dip(), on=dt.date(2024, 12, 1), fetch=never)
    assert (check.urls_checked, check.urls) == (False, ())


def test_answers_become_findings() -> None:
    def fetch(url: str, timeout: float) -> int:
        assert timeout == 2.5
        if url.endswith("/profil"):
            raise urllib.error.URLError("connection refused")
        if url.endswith("/dip"):
            raise TimeoutError
        return 404 if url.endswith("/sop") else 200

    check = check_dip(
        load_example_dip(), on=dt.date(2024, 12, 1), check_urls=True, fetch=fetch, timeout=2.5
    )
    assert check.urls_checked
    assert len(check.urls) == 11  # 11 items have an address, none shared
    assert [f.message for f in check.of_kind(FindingKind.URL_UNREACHABLE)] == [
        "item 1: https://ppid.example.org/profil did not answer with success "
        "(no answer (connection refused))",
        "item 4: https://ppid.example.org/dip did not answer with success (no answer within 2.5 s)",
        "item 10: https://ppid.example.org/sop did not answer with success (HTTP 404)",
    ]
    assert check.to_dict()["urls"]["results"][1] == {
        "url": "https://ppid.example.org/lkjip-2023",
        "numbers": ["2"],
        "status": 200,
        "error": None,
        "ok": True,
    }
    assert check.tables()[-1].title == "Addresses"


def test_each_address_once_and_bounded_concurrency() -> None:
    lock = threading.Lock()
    running = peak = calls = 0

    def fetch(url: str, timeout: float) -> int:
        nonlocal running, peak, calls
        with lock:
            running += 1
            calls += 1
            peak = max(peak, running)
        time.sleep(0.01)
        with lock:
            running -= 1
        return 200

    targets = [(str(n), f"https://example.org/{n % 10}") for n in range(40)]
    results = check_urls(targets, fetch=fetch, workers=3)
    assert calls == 10
    assert peak <= 3
    assert results[0].numbers == ("0", "10", "20", "30")


def test_bounds() -> None:
    with pytest.raises(InvalidArgumentError, match="workers must be from 1 to 16, got 0"):
        check_urls([], workers=0)
    with pytest.raises(InvalidArgumentError, match="timeout must be more than 0 and at most 120"):
        check_urls([], timeout=0)
    assert check_urls([]) == ()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_urllib_against_a_local_server(local_server: str) -> None:
    assert urllib_fetch(f"{local_server}/ok", 5) == 200
    assert urllib_fetch(f"{local_server}/gone", 5) == 404
    assert urllib_fetch(f"{local_server}/no-head", 5) == 200  # GET after 405
