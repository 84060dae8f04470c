"""``ppid serve``: the library over HTTP, for apps not written in Python.

A small stateless JSON service (Starlette, run by uvicorn; the ``[server]`` extra) whose
bodies equal the ``--json`` output of the matching ``ppid`` command, with a page for
officers at ``/`` and the OpenAPI schema at ``/openapi.json`` (shown at ``/docs``). Run
it with ``ppid serve`` (loopback, port 8000), or give [`create_app()`][create_app] to any
ASGI server. See the guide "Embedding ppid-core".
"""

from __future__ import annotations

from ppid_core.server._app import create_app
from ppid_core.server._bodies import DEFAULT_MAX_ROWS, DEFAULT_MAX_UPLOAD_BYTES, Limits

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_MAX_UPLOAD_BYTES", "Limits", "create_app"]
