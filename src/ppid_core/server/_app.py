"""The ASGI application of ``ppid serve`` (Starlette, the ``[server]`` extra).

Routes, versioned under ``/v1``; each JSON body equals the ``--json`` output of the
matching command (the bodies are built in ``_bodies.py`` with the commands' own calls):

- ``GET /v1/health``;
- ``GET /v1/deadline?received=…&zone=…`` — ``ppid deadline RECEIVED --zone Z --json``;
- ``GET /v1/calendar/{year}`` — ``ppid calendar show YEAR --json``;
- ``POST /v1/ikm/score`` — multipart ``file``, ``ppid ikm score FILE --json``;
- ``POST /v1/register/report`` — multipart ``file``, ``ppid register report FILE --json``;
- ``POST /v1/rb/check`` — a YAML file (multipart ``file``, or the body itself);
- ``/openapi.json`` and ``/docs`` (the schema as a page), ``/`` the officers' page.

Bad input is HTTP 422 with ``{"error": ..., "errors": [...]}``, every located error as
the command line prints it (personal data masked, never a traceback); an upload over
the size limit or a file over the row limit is 413; an unknown path 404, a wrong method
405, both as JSON. Nothing is stored and no file is written: an upload is read into
memory (at most the size limit plus one chunk) and parsed there.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ppid_core.server._bodies import (
    InputError,
    LimitError,
    Limits,
    calendar_body,
    deadline_body,
    ikm_score_body,
    rb_check_body,
    register_report_body,
)
from ppid_core.server._page import api_page, error_page, officer_page
from ppid_core.server._schema import openapi_schema

__all__ = ["create_app"]

_NAME_CHARS = 100


def _version() -> str:
    from ppid_core.cli._version import installed_version  # noqa: PLC0415 - as ppid --version

    return installed_version()


def _json(body: object, status: int = 200) -> Response:
    from ppid_core._tables import dumps_json  # noqa: PLC0415 - the commands' JSON writer

    return Response(dumps_json(body) + "\n", status_code=status, media_type="application/json")


def _problem(status: int, error: str, errors: list[str]) -> Response:
    return _json({"error": error, "errors": errors}, status)


def _file_name(raw: str | None, default: str) -> str:
    """The uploaded file's own name (no folder, no control character), for messages."""
    if not raw:
        return default
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = "".join(c for c in name if c.isprintable()).strip()[:_NAME_CHARS]
    return name or default


async def _body(request: Request, limits: Limits) -> bytes:
    """The request body, refused (413) as soon as it is over the limit."""
    limit = limits.max_upload_bytes
    too_big = f"the upload is over this server's limit of {limit} bytes; send a smaller file"
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise LimitError(too_big)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise LimitError(too_big)
    return bytes(body)


async def _upload(request: Request, limits: Limits, *, raw: str | None = None) -> tuple[bytes, str]:
    """The uploaded file's bytes and name: the multipart part ``file``, held in memory.

    With ``raw`` (a default name), a body that is not multipart is the file itself.
    """
    body = await _body(request, limits)
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        if raw is not None:
            return body, raw
        raise InputError(
            ["expected a multipart/form-data upload with the file in the part named 'file'"]
        )

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(request.headers, stream(), max_files=1, max_fields=10)
    parser.spool_max_size = limits.max_upload_bytes + 1  # never rolled over to a disk file
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise InputError([f"not a readable multipart upload ({exc.message})"]) from None
    try:
        part = form.get("file")
        if not isinstance(part, UploadFile):
            raise InputError(["no file: send it in the multipart part named 'file'"])
        data = await part.read()
        return data, _file_name(part.filename, "upload")
    finally:
        await form.close()


def create_app(limits: Limits | None = None) -> Starlette:
    """The ASGI application; give it to any ASGI server (``ppid serve`` runs uvicorn).

    Args:
        limits: Upload size and row limits (default [`Limits()`][ppid_core.server.Limits]:
            10 MiB and 100,000 rows).
    """
    limits = limits or Limits()

    async def health(request: Request) -> Response:
        return _json({"status": "ok", "version": _version()})

    async def deadline(request: Request) -> Response:
        received = request.query_params.get("received")
        if not received:
            raise InputError(["received: missing; give ?received=2025-03-27"])
        zone = request.query_params.get("zone")
        return _json(await run_in_threadpool(deadline_body, received, zone))

    async def calendar(request: Request) -> Response:
        return _json(await run_in_threadpool(calendar_body, request.path_params["year"]))

    async def ikm_score(request: Request) -> Response:
        data, name = await _upload(request, limits)
        return _json(await run_in_threadpool(ikm_score_body, data, name, limits))

    async def register_report(request: Request) -> Response:
        data, name = await _upload(request, limits)
        return _json(await run_in_threadpool(register_report_body, data, name, limits))

    async def rb_check(request: Request) -> Response:
        data, name = await _upload(request, limits, raw="upload.yaml")
        return _json(await run_in_threadpool(rb_check_body, data, name))

    async def openapi(request: Request) -> Response:
        return _json(openapi_schema(_version()))

    async def docs(request: Request) -> Response:
        return HTMLResponse(api_page(openapi_schema(_version())))

    async def home(request: Request) -> Response:
        received = request.query_params.get("received", "")
        zone = request.query_params.get("zone", "WIB")
        result: dict[str, Any] | None = None
        errors: list[str] | None = None
        status = 200
        if received:
            try:
                result = await run_in_threadpool(deadline_body, received, zone)
            except InputError as exc:
                errors, status = exc.errors, 422
        page = officer_page(
            received=received,
            zone=zone,
            result=result,
            errors=errors,
            max_upload_bytes=limits.max_upload_bytes,
        )
        return HTMLResponse(page, status_code=status)

    async def worksheet(request: Request) -> Response:
        try:
            data, name = await _upload(request, limits)
            html = await run_in_threadpool(_worksheet_html, data, name, limits)
        except InputError as exc:
            return HTMLResponse(error_page("Berkas tidak dapat dibaca", exc.errors), 422)
        except LimitError as exc:
            return HTMLResponse(error_page("Berkas terlalu besar", [str(exc)]), 413)
        return HTMLResponse(html)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/ikm/worksheet", worksheet, methods=["POST"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/deadline", deadline, methods=["GET"]),
        Route("/v1/calendar/{year}", calendar, methods=["GET"]),
        Route("/v1/ikm/score", ikm_score, methods=["POST"]),
        Route("/v1/register/report", register_report, methods=["POST"]),
        Route("/v1/rb/check", rb_check, methods=["POST"]),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        InputError: _input_error,
        LimitError: _limit_error,
        HTTPException: _http_error,
        Exception: _internal_error,
    }
    return Starlette(routes=routes, exception_handlers=handlers)


def _worksheet_html(data: bytes, name: str, limits: Limits) -> str:
    """The IKM worksheet page of an upload (``ppid ikm score FILE --worksheet X.html``)."""
    from ppid_core.ikm import IkmWorksheet, Survey  # noqa: PLC0415
    from ppid_core.server._bodies import read_upload_survey  # noqa: PLC0415

    survey: Survey = read_upload_survey(data, name, limits)
    return IkmWorksheet.from_survey(survey).to_html()


async def _input_error(request: Request, exc: Exception) -> Response:
    errors = exc.errors if isinstance(exc, InputError) else [str(exc)]
    return _problem(422, "bad input", errors)


async def _limit_error(request: Request, exc: Exception) -> Response:
    return _problem(413, "too large", [str(exc)])


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    error = {404: "not found", 405: "method not allowed"}.get(status, "http error")
    detail = f"{request.method} {request.url.path}: {error}"
    response = _problem(status, error, [detail])
    if isinstance(exc, HTTPException) and exc.headers:
        response.headers.update(exc.headers)
    return response


async def _internal_error(request: Request, exc: Exception) -> Response:
    """A bug: 500 naming the exception's type only (its message may quote the input)."""
    return _problem(
        500, "internal error", [f"{type(exc).__name__}: a bug in ppid-core; please report it"]
    )
