"""``ppid serve``: the library over HTTP (the ``[server]`` extra: Starlette and uvicorn).

``ppid serve [--host 127.0.0.1] [--port 8000]`` serves [`ppid_core.server`][ppid_core.server]
until Ctrl-C. It binds to loopback by default: any other address must be given with
``--host`` and is announced by a warning on stderr, since the service has no
authentication. ``--max-upload-bytes`` and ``--max-rows`` (or ``$PPID_SERVE_MAX_UPLOAD_BYTES``
and ``$PPID_SERVE_MAX_ROWS``) set the limits, 10 MiB and 100,000 rows by default. Without
the extra the command exits 1 with the ``pip install`` line to run.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Callable
from typing import TextIO

from ppid_core._i18n import _
from ppid_core._optional import import_optional

__all__ = ["MAX_ROWS_ENV", "MAX_UPLOAD_ENV", "demo", "register"]

MAX_UPLOAD_ENV = "PPID_SERVE_MAX_UPLOAD_BYTES"
"""The environment variable that sets ``--max-upload-bytes``."""
MAX_ROWS_ENV = "PPID_SERVE_MAX_ROWS"
"""The environment variable that sets ``--max-rows``."""

_DEFAULT_UPLOAD = 10 * 1024 * 1024  # ppid_core.server.DEFAULT_MAX_UPLOAD_BYTES (no import:
_DEFAULT_ROWS = 100_000  # ppid_core.server.DEFAULT_MAX_ROWS     the extra may be missing)


def _bounded(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text.strip()) if text.strip().isdigit() and len(text.strip()) <= 12 else None
        if value is None or not low <= value <= high:
            shown = text if len(text) <= 20 else text[:20] + "..."
            msg = _("expected a whole number from {low} to {high}, got {shown!r}").format(
                low=low, high=high, shown=shown
            )
            raise argparse.ArgumentTypeError(msg)
        return value

    parse.__name__ = "whole number"
    return parse


_port = _bounded(1, 65535)
_bytes = _bounded(1, 1024**3)
_rows = _bounded(1, 10_000_000)


def _host(text: str) -> str:
    if not text.strip() or any(c.isspace() or not c.isprintable() for c in text):
        msg = _("expected a host name or IP address, got {text!r}").format(text=text)
        raise argparse.ArgumentTypeError(msg)
    return text


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _from_env(
    parser: argparse.ArgumentParser, name: str, parse: Callable[[str], int], default: int
) -> int:
    """A limit from the environment variable ``name``; a bad value is bad usage (exit 2)."""
    text = os.environ.get(name)
    if text is None:
        return default
    try:
        return parse(text)
    except argparse.ArgumentTypeError as exc:
        parser.error(f"${name}: {exc}")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    del out  # the server logs on stderr; stdout stays empty
    parser: argparse.ArgumentParser = args.parser
    max_upload = args.max_upload_bytes or _from_env(parser, MAX_UPLOAD_ENV, _bytes, _DEFAULT_UPLOAD)
    max_rows = args.max_rows or _from_env(parser, MAX_ROWS_ENV, _rows, _DEFAULT_ROWS)
    import_optional("starlette", "server")
    import_optional("python_multipart", "server")
    uvicorn = import_optional("uvicorn", "server")
    from ppid_core.server import Limits, create_app  # noqa: PLC0415 - the extra is there

    app = create_app(Limits(max_upload_bytes=max_upload, max_rows=max_rows))
    if not is_loopback(args.host):
        warning = _(
            "ppid serve: warning: listening on {host}, not loopback: anyone who can "
            "reach this machine can use the service, which has no authentication; keep it "
            "behind your app's firewall or proxy"
        )
        print(warning.format(host=args.host), file=sys.stderr)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    started = _(
        "ppid serve: http://{host}:{port}/ (API under /v1, schema at /docs; limits "
        "{max_upload} bytes, {max_rows} rows); Ctrl-C stops"
    )
    print(
        started.format(host=shown, port=args.port, max_upload=max_upload, max_rows=max_rows),
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def register(p: argparse.ArgumentParser) -> None:
    """Fill the parser of ``ppid serve``."""
    p.description = _(
        "Serve the library over HTTP for apps not written in Python: GET /v1/deadline, "
        "GET /v1/calendar/YEAR, POST /v1/ikm/score, POST /v1/register/report, POST "
        "/v1/rb/check, GET /v1/health; each JSON body equals the matching command's --json. "
        "A page for officers at /, the OpenAPI schema at /docs. Stateless: nothing is "
        "stored, no file is written. Needs the [server] extra."
    )
    p.add_argument(
        "--host",
        type=_host,
        default="127.0.0.1",
        help=_(
            "address to listen on (default 127.0.0.1, loopback only; any other is "
            "announced by a warning: the service has no authentication)"
        ),
    )
    p.add_argument("--port", type=_port, default=8000, help=_("port (default 8000)"))
    p.add_argument(
        "--max-upload-bytes",
        type=_bytes,
        metavar="N",
        help=_(
            "largest upload accepted, else HTTP 413 (default ${variable}, else {default}: 10 MiB)"
        ).format(variable=MAX_UPLOAD_ENV, default=_DEFAULT_UPLOAD),
    )
    p.add_argument(
        "--max-rows",
        type=_rows,
        metavar="N",
        help=_(
            "most respondents or requests in an uploaded file, else HTTP 413 (default "
            "${variable}, else {default})"
        ).format(variable=MAX_ROWS_ENV, default=_DEFAULT_ROWS),
    )
    p.set_defaults(handler=_run, parser=p)


def demo(out: TextIO) -> None:
    """One line about the command: the demo starts no server."""
    line = _(
        "== ppid serve: run `ppid serve` (the [server] extra) for the same results over "
        "HTTP on http://127.0.0.1:8000/ =="
    )
    print(line, file=out)
