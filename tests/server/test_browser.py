"""The officers' page in Debian's headless Chromium: the deadline form submitted, the
result read from the rendered page.

Not part of ``make test`` (Chromium is large and slow to start): run
``sh tests/server/setup_browser.sh``, which installs ``chromium`` from Debian if needed
and runs this module with ``PPID_BROWSER_TESTS=1``. Chromium renders the page and dumps
its DOM (``--headless --dump-dom``); the form is a GET form, so submitting it is loading
the URL it builds (``/?received=…&zone=…``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from tests.server.test_serve import running_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and os.environ.get("PPID_BROWSER_TESTS")),
    reason="browser test: run sh tests/server/setup_browser.sh",
)


def _dump_dom(url: str, profile: Path) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_the_deadline_form_in_chromium(tmp_path: Path) -> None:
    with running_server() as base:
        page = _dump_dom(f"{base}/", tmp_path / "profile")
        assert 'id="deadline-form"' in page
        assert 'name="received"' in page
        # the form's GET submission: its fields as the query of its action
        query = urllib.parse.urlencode({"received": "2025-03-27", "zone": "WITA"})
        page = _dump_dom(f"{base}/?{query}", tmp_path / "profile")
    assert '<strong id="response-due">2025-04-22</strong>' in page
    assert '<strong id="extended-response-due">2025-05-02</strong>' in page
    assert '<option value="WITA" selected="">' in page
