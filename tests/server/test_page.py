"""The officers' page at ``/``: the deadline form, the IKM worksheet upload, escaping."""

from __future__ import annotations

import re

from ppid_core.examples.ikm import seed_survey_text
from tests.server._client import client


def test_the_page_has_both_forms_and_nothing_external() -> None:
    page = client().get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    assert 'id="deadline-form"' in text
    assert 'enctype="multipart/form-data"' in text
    assert "<script" not in text
    assert not re.search(r"(src|href)=\"https?:", text)
    assert "@import" not in text
    assert "@font-face" not in text


def test_the_deadline_form_shows_the_result() -> None:
    page = client().get("/?received=2025-03-27&zone=WIB")
    assert page.status_code == 200
    assert '<strong id="response-due">2025-04-22</strong>' in page.text
    assert 'value="2025-03-27"' in page.text


def test_bad_input_is_shown_escaped() -> None:
    page = client().get("/", params={"received": "<script>alert(1)</script>", "zone": "WIB"})
    assert page.status_code == 422
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert 'id="deadline-errors"' in page.text


def test_the_ikm_upload_shows_the_worksheet() -> None:
    page = client().post("/ikm/worksheet", files={"file": ("skm.csv", seed_survey_text().encode())})
    assert page.status_code == 200
    assert "Lembar kerja IKM" in page.text
    assert "<script" not in page.text


def test_a_bad_upload_is_an_escaped_error_page() -> None:
    page = client().post("/ikm/worksheet", files={"file": ("<b>x</b>.csv", b"U1,U2\n<i>,4\n")})
    assert page.status_code == 422
    assert "<b>" not in page.text
    assert "<i>" not in page.text
