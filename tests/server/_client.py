"""Shared helpers of the server tests: a test client and the command line's JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from starlette.testclient import TestClient

from ppid_core.cli import main
from ppid_core.server import Limits, create_app


def client(limits: Limits | None = None) -> TestClient:
    """A test client of the application (errors become responses, as in production)."""
    return TestClient(create_app(limits), raise_server_exceptions=False)


def cli_json(*argv: str) -> Any:
    """What ``ppid ARGV`` prints, read as JSON (the command must succeed)."""
    out = io.StringIO()
    code = main(list(argv), out=out)
    assert code == 0, out.getvalue()
    return json.loads(out.getvalue())


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with one part ``file``, and its content type."""
    boundary = "ppid-core-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"
