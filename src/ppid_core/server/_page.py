"""The HTML of ``ppid serve``: the officers' page at ``/`` and the API page at ``/docs``.

Server-rendered, one self-contained page each: no build step, no script, no external
stylesheet or font. Every value that comes from a request or a file is escaped
(``html.escape``) before it is written.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

__all__ = ["api_page", "error_page", "officer_page"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
form { border: 1px solid #ccc; padding: 1rem; border-radius: .4rem; }
label { display: inline-block; min-width: 9rem; }
table { border-collapse: collapse; margin-top: 1rem; }
td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
.error { color: #a00000; } .note { color: #555; font-size: .9rem; }
code { background: #f3f3f3; padding: 0 .2rem; }
"""

_ZONES = (
    ("WIB", "WIB (Asia/Jakarta)"),
    ("WITA", "WITA (Asia/Makassar)"),
    ("WIT", "WIT (Asia/Jayapura)"),
)

_STEPS = {
    "response": "Jawaban PPID (response due)",
    "extended_response": "Perpanjangan (extended response due)",
    "keberatan_filing": "Batas pengajuan keberatan",
    "atasan_answer": "Tanggapan atasan PPID",
    "sengketa_filing": "Batas pengajuan sengketa",
    "ki_start": "Komisi Informasi mulai",
    "ki_finish": "Komisi Informasi selesai",
}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


def _deadline_result(result: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{_e(_STEPS.get(s['step'], s['step']))}</td>"
        f'<td class="due" data-step="{_e(s["step"])}">{_e(s["due"] or "unknown")}'
        f"{' *' if s['provisional'] else ''}</td><td>{_e(s['citation'])}</td></tr>"
        for s in result["steps"]
    )
    note = (
        '<p class="note">* provisional: the count crosses a holiday that is not yet decreed.</p>'
        if result["provisional"]
        else ""
    )
    return (
        f'<section id="deadline-result"><p>Diterima <strong>{_e(result["received"])}</strong> '
        f'({_e(result["zone"])}), dihitung sejak <strong id="receipt-date">'
        f"{_e(result['receipt_date'])}</strong>.</p>"
        f'<p>Batas jawaban: <strong id="response-due">{_e(result["response_due"])}</strong>; '
        f'dengan perpanjangan: <strong id="extended-response-due">'
        f"{_e(result['extended_response_due'])}</strong>.</p>"
        f"<table><tr><th>Tahap</th><th>Batas</th><th>Dasar</th></tr>{rows}</table>{note}"
        "</section>"
    )


def officer_page(
    *,
    received: str = "",
    zone: str = "WIB",
    result: Mapping[str, Any] | None = None,
    errors: list[str] | None = None,
    max_upload_bytes: int,
) -> str:
    """The page at ``/``: a deadline calculator (a GET form) and an IKM upload.

    Args:
        received: The date typed in, shown again in the form.
        zone: The zone chosen.
        result: The deadline body to show (``deadline_body``), if any.
        errors: The located errors of the input, shown instead of a result.
        max_upload_bytes: The upload limit, said next to the upload field.
    """
    options = "".join(
        f'<option value="{_e(key)}"{" selected" if key == zone else ""}>{_e(label)}</option>'
        for key, label in _ZONES
    )
    shown = ""
    if errors:
        items = "".join(f"<li>{_e(m)}</li>" for m in errors)
        shown = f'<ul class="error" id="deadline-errors">{items}</ul>'
    elif result is not None:
        shown = _deadline_result(result)
    mib = max_upload_bytes / (1024 * 1024)
    body = f"""<h1>ppid-core: layanan informasi publik</h1>
<h2>Kalkulator batas waktu permohonan informasi</h2>
<p class="note">UU 14/2008 Pasal 22 ayat (7)-(8), Pasal 36-38; hari kerja menurut SKB libur
nasional dan cuti bersama.</p>
<form method="get" action="/" id="deadline-form">
<p><label for="received">Tanggal diterima</label>
<input id="received" name="received" value="{_e(received)}" placeholder="2025-03-27" required>
<span class="note">tanggal (2025-03-27) atau waktu (2025-03-27T15:30)</span></p>
<p><label for="zone">Zona waktu</label> <select id="zone" name="zone">{options}</select></p>
<p><button type="submit">Hitung</button></p>
</form>
{shown}
<h2>Lembar kerja IKM</h2>
<form method="post" action="/ikm/worksheet" enctype="multipart/form-data" id="ikm-form">
<p><label for="file">Berkas survei</label>
<input type="file" id="file" name="file" accept=".csv,.xlsx" required>
<span class="note">CSV atau XLSX, paling besar {mib:g} MiB</span></p>
<p><button type="submit">Tampilkan lembar kerja</button></p>
</form>
<p class="note">Data pribadi disamarkan. Server ini tidak menyimpan apa pun.
API: <a href="/docs">/docs</a>.</p>"""
    return _page("ppid-core", body)


def error_page(title: str, errors: list[str]) -> str:
    """A page listing the errors of an upload (escaped)."""
    items = "".join(f"<li>{_e(m)}</li>" for m in errors)
    body = f'<h1>{_e(title)}</h1><ul class="error">{items}</ul><p><a href="/">Kembali</a></p>'
    return _page(title, body)


def api_page(schema: Mapping[str, Any]) -> str:
    """``/docs``: every route of the OpenAPI schema, its parameters and responses."""
    parts = [
        f"<h1>{_e(schema['info']['title'])} {_e(schema['info']['version'])}</h1>",
        '<p>The OpenAPI schema: <a href="/openapi.json">/openapi.json</a>. Each JSON body '
        "equals the <code>--json</code> output of the matching <code>ppid</code> command.</p>",
    ]
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in sorted(methods.items()):
            parts.append(f"<h2><code>{_e(method.upper())} {_e(path)}</code></h2>")
            parts.append(f"<p>{_e(op.get('summary', ''))}</p>")
            if op.get("description"):
                parts.append(f"<p>{_e(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                rows = "".join(
                    f"<tr><td><code>{_e(p['name'])}</code></td><td>{_e(p.get('in', ''))}</td>"
                    f"<td>{'yes' if p.get('required') else 'no'}</td>"
                    f"<td>{_e(p.get('description', ''))}</td></tr>"
                    for p in params
                )
                parts.append(
                    "<table><tr><th>Parameter</th><th>In</th><th>Required</th>"
                    f"<th>Description</th></tr>{rows}</table>"
                )
            responses = op.get("responses", {})
            if responses:
                rows = "".join(
                    f"<tr><td>{_e(code)}</td><td>{_e(r.get('description', ''))}</td></tr>"
                    for code, r in sorted(responses.items())
                )
                parts.append(f"<table><tr><th>Status</th><th>Meaning</th></tr>{rows}</table>")
    return _page("ppid serve API", "\n".join(parts))
