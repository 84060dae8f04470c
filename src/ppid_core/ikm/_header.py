"""Matching a header row to a regime: unsur columns by name or alias, profile columns,
and question codes refused until they are mapped explicitly."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ppid_core.errors import LocatedError, UnknownNameError
from ppid_core.ikm._regime import Regime, normalize_header

__all__ = ["DEMOGRAPHIC_COLUMNS", "resolve_header"]

_CODE_RE = re.compile(r"(u|q|p|unsur|soal|pertanyaan)\s*[-_.]?\s*[0-9]+", re.IGNORECASE)

#: Headers read as respondent profile (breakdowns); matched case- and blank-insensitively.
DEMOGRAPHIC_COLUMNS: Mapping[str, str] = {
    "jenis kelamin": "jenis_kelamin",
    "gender": "jenis_kelamin",
    "pendidikan": "pendidikan",
    "pendidikan terakhir": "pendidikan",
    "pekerjaan": "pekerjaan",
    "usia": "usia",
    "umur": "usia",
    "layanan": "layanan",
    "jenis layanan": "layanan",
}


def resolve_header(
    header: Sequence[str], regime: Regime, columns: Mapping[str, str] | None, source: str
) -> tuple[list[int], dict[str, int], list[LocatedError]]:
    """Unsur column indexes (regime order), profile columns, and header errors."""
    errors: list[LocatedError] = []
    names = {normalize_header(h): u.key for u in regime.unsur for h in u.headers}
    explicit = {normalize_header(k): v for k, v in (columns or {}).items()}
    found: dict[str, int] = {}
    profile: dict[str, int] = {}
    for i, raw in enumerate(header):
        norm = normalize_header(raw)
        key: str | None = None
        if norm in explicit:
            try:
                key = regime[explicit[norm]].key
            except UnknownNameError as exc:
                errors.append(LocatedError(str(exc), source=source, row=1, field=raw))
                continue
        elif norm in names:
            key = names[norm]
        elif _CODE_RE.fullmatch(norm):
            errors.append(
                LocatedError(
                    f"{raw.strip()!r} looks like a question code; map it to an unsur explicitly "
                    f"(e.g. columns={{{raw.strip()!r}: 'persyaratan'}} or --map "
                    f"{raw.strip()}=persyaratan): questionnaires put sarana 8th and "
                    "pengaduan 9th, while most listings of the regulation swap them",
                    source=source,
                    row=1,
                    field=raw,
                )
            )
            continue
        if key is None:
            if norm in DEMOGRAPHIC_COLUMNS:
                profile[DEMOGRAPHIC_COLUMNS[norm]] = i
            continue
        if key in found:
            errors.append(
                LocatedError(
                    f"a second column for unsur {key!r} (the first is "
                    f"{header[found[key]].strip()!r})",
                    source=source,
                    row=1,
                    field=raw,
                )
            )
            continue
        found[key] = i
    for u in regime.unsur:
        if u.key not in found:
            accepted = ", ".join(repr(h) for h in u.headers)
            errors.append(
                LocatedError(
                    f"no column for unsur {u.key!r}; accepted headers: {accepted}",
                    source=source,
                    row=1,
                )
            )
    return [found.get(k, -1) for k in regime.keys], profile, errors
