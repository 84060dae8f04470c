"""``ppid serve`` itself: the command, its options and a real server process over HTTP."""

from __future__ import annotations

import contextlib
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from ppid_core.cli import main
from ppid_core.cli._cmd_serve import is_loopback
from ppid_core.examples.ikm import seed_survey_text
from tests.server._client import cli_json, multipart


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def running_server(*options: str) -> Iterator[str]:
    """A ``ppid serve`` process on a free loopback port; its base URL; stopped after."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ppid_core", "serve", "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/v1/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
        assert out == b""
        assert b"Traceback" not in err


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, json.load(exc)


def test_a_real_server_answers_over_http() -> None:
    with running_server() as url:
        assert _get(f"{url}/v1/health")[1]["status"] == "ok"
        status, body = _get(f"{url}/v1/deadline?received=2025-03-27&zone=WITA")
        assert (status, body) == (
            200,
            cli_json("deadline", "2025-03-27", "--zone", "WITA", "--json"),
        )
        status, body = _get(f"{url}/v1/deadline?received=2025-13-01")
        assert status == 422
        assert body["errors"] == [
            "received: RECEIVED must be an ISO date or datetime (2025-03-27 or "
            "2025-03-27T15:30+08:00), got '2025-13-01'"
        ]
        data, content_type = multipart("skm.csv", seed_survey_text().encode())
        request = urllib.request.Request(
            f"{url}/v1/ikm/score", data=data, headers={"Content-Type": content_type}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
        assert (body["respondents"], body["mutu"]) == (150, "A")


def test_limits_from_the_command_line() -> None:
    with running_server("--max-upload-bytes", "100") as url:
        data, content_type = multipart("skm.csv", seed_survey_text().encode())
        request = urllib.request.Request(
            f"{url}/v1/ikm/score", data=data, headers={"Content-Type": content_type}
        )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=30)
        with caught.value as error:
            assert error.code == 413
            assert json.load(error)["error"] == "too large"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.org", False),
    ],
)
def test_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_another_bind_is_announced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls == [{"host": "0.0.0.0", "port": 8123, "log_level": "warning", "access_log": False}]
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        "ppid serve: warning: listening on 0.0.0.0, not loopback: anyone who can reach this "
        "machine can use the service, which has no authentication; keep it behind your "
        "app's firewall or proxy"
    )
    assert main(["serve"]) == 0
    assert calls[-1]["host"] == "127.0.0.1"
    assert calls[-1]["port"] == 8000
    assert "warning" not in capsys.readouterr().err


def test_a_missing_extra_names_the_pip_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == 1
    assert capsys.readouterr().err == (
        "ppid: uvicorn is needed for this; install it with: pip install 'ppid-core[server]'\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "0"], "argument --port: expected a whole number from 1 to 65535, got '0'"),
        (["--port", "x"], "argument --port: expected a whole number from 1 to 65535, got 'x'"),
        (["--host", ""], "argument --host: expected a host name or IP address, got ''"),
        (
            ["--max-rows", "0"],
            "argument --max-rows: expected a whole number from 1 to 10000000, got '0'",
        ),
    ],
)
def test_bad_options_are_usage(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", *argv]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"ppid serve: error: {message}"


def test_a_bad_limit_in_the_environment_is_usage(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PPID_SERVE_MAX_ROWS", "many")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "ppid serve: error: $PPID_SERVE_MAX_ROWS: expected a whole number from 1 to "
        "10000000, got 'many'"
    )


def test_the_demo_starts_no_server() -> None:
    from ppid_core.cli import _cmd_serve

    out = io.StringIO()
    _cmd_serve.demo(out)
    assert out.getvalue() == (
        "== ppid serve: run `ppid serve` (the [server] extra) for the same results over "
        "HTTP on http://127.0.0.1:8000/ ==\n"
    )
