"""The OpenAPI 3.1 schema of ``ppid serve`` (served at ``/openapi.json``, shown at ``/docs``).

Written out rather than generated: each route says which command's ``--json`` its body
equals, and which errors it gives.
"""

from __future__ import annotations

from typing import Any

__all__ = ["openapi_schema"]

_ERRORS = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["error", "errors"],
}
_JSON = {"application/json": {"schema": {"type": "object"}}}
_BAD = {
    "description": "Bad input: every located error, as the command line prints it",
    "content": {"application/json": {"schema": _ERRORS}},
}
_TOO_BIG = {
    "description": "The upload is over the size limit, or the file over the row limit",
    "content": {"application/json": {"schema": _ERRORS}},
}
_UPLOAD = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        }
    },
}


def _op(summary: str, description: str, *, upload: bool = False, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "description": description,
        "responses": {"200": {"description": "The result", "content": _JSON}, "422": _BAD},
        **extra,
    }
    if upload:
        op["requestBody"] = _UPLOAD
        op["responses"]["413"] = _TOO_BIG
    return op


def openapi_schema(version: str) -> dict[str, Any]:
    """The schema, with the installed version of ppid-core."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ppid serve",
            "version": version,
            "description": "ppid-core over HTTP: KIP request deadlines, the holiday calendar, "
            "IKM scoring, register reports and RB file checks. Stateless: nothing is stored.",
        },
        "paths": {
            "/v1/health": {
                "get": {
                    "summary": "Whether the server is up, and its version",
                    "responses": {"200": {"description": "Up", "content": _JSON}},
                }
            },
            "/v1/deadline": {
                "get": _op(
                    "Every deadline of an information request",
                    "Equals `ppid deadline RECEIVED --zone Z --json` (UU 14/2008 Pasal 22, 36-38).",
                    parameters=[
                        {
                            "name": "received",
                            "in": "query",
                            "required": True,
                            "description": "ISO date or datetime of receipt (a naive datetime "
                            "is in the office's zone)",
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "zone",
                            "in": "query",
                            "required": False,
                            "description": "IANA zone, WIB/WITA/WIT or a province "
                            "(default Asia/Jakarta)",
                            "schema": {"type": "string"},
                        },
                    ],
                )
            },
            "/v1/calendar/{year}": {
                "get": _op(
                    "Every non-working day of a year, with its decree and status",
                    "Equals `ppid calendar show YEAR --json`.",
                    parameters=[
                        {
                            "name": "year",
                            "in": "path",
                            "required": True,
                            "description": "A year from 1900 to 2200",
                            "schema": {"type": "integer"},
                        }
                    ],
                )
            },
            "/v1/ikm/score": {
                "post": _op(
                    "The IKM of a survey file (CSV or XLSX)",
                    "Equals `ppid ikm score FILE --json` (Permenpan RB 14/2017).",
                    upload=True,
                )
            },
            "/v1/register/report": {
                "post": _op(
                    "The service report of a request register (CSV or XLSX)",
                    "Equals `ppid register report FILE --json`; personal data masked.",
                    upload=True,
                )
            },
            "/v1/rb/check": {
                "post": _op(
                    "Check an RB YAML file (team, plan or framework)",
                    "What `ppid rb check FILE` prints, as JSON; a bad file gives 422 with "
                    "every located error.",
                    upload=True,
                )
            },
        },
    }
