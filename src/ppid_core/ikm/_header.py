"""Matching a header row to a regime: unsur columns by name or alias, profile columns,
and question codes refused until they are mapped explicitly."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ppid_core._masking import mask_email, mask_name, mask_phone
from ppid_core.errors import LocatedError, UnknownNameError
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._regime_parts import normalize_header

__all__ = [
    "DEMOGRAPHIC_COLUMNS",
    "by_columns",
    "kept_columns",
    "personal_mask",
    "resolve_header",
    "shown_cell",
    "shown_headers",
]

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


# Headers of columns with personal data that survey forms carry next to the answers, folded
# by _fold (case, punctuation and blanks ignored). Exact names only: "Nama Layanan" is a
# service, not a person.
_NAMES = ("nama", "nama responden", "nama lengkap", "nama pemohon", "responden")
_PHONES = (
    "hp", "no hp", "nomor hp", "telp", "no telp", "telepon", "no telepon", "nomor telepon",
    "ponsel", "no ponsel", "wa", "no wa", "nomor wa", "whatsapp", "no whatsapp",
)  # fmt: skip
_EMAILS = ("email", "e mail", "alamat email", "alamat e mail", "surel")
_OTHER = ("alamat", "nik", "no ktp", "nomor ktp")
_PERSONAL: Mapping[str, Callable[[str], str]] = {
    **dict.fromkeys(_NAMES, mask_name),
    **dict.fromkeys(_PHONES, mask_phone),
    **dict.fromkeys(_EMAILS, mask_email),
    **dict.fromkeys(_OTHER, lambda value: "***" if value.strip() else ""),
}
_SHOWN = 40  # characters of a cell echoed in a message


def _fold(header: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", header.casefold()).split())


def personal_mask(header: str) -> Callable[[str], str] | None:
    """How to mask the cells of a column with personal data, or ``None`` for other columns.

    >>> personal_mask("No. HP")("085339672120"), personal_mask("Layanan") is None
    ('********2120', True)
    """
    return _PERSONAL.get(_fold(header))


def _shape_mask(text: str) -> Callable[[str], str] | None:
    """The mask for text shaped like an e-mail address or a phone number, else ``None``."""
    if "@" in text:
        return mask_email
    if sum(map(str.isdigit, text)) >= 6:
        return mask_phone
    return None


def shown_cell(value: str, header: str) -> str:
    """A cell as an error message may show it, never with personal data in it.

    In a column with personal data ([`personal_mask()`][personal_mask]) the cell is masked by the
    column's kind. Elsewhere text shaped like an e-mail address (an ``@``) or a phone
    number (six digits or more) is masked as one, since a shifted row can put anything
    anywhere; other text is shown as written (a wrong answer label must stay readable),
    cut after 40 characters.

    >>> shown_cell("Arieston Dappa, S.T.", "Nama"), shown_cell("085339672120", "Biaya")
    ("'A. D.' (masked)", "'********2120' (masked)")
    >>> shown_cell("Sangat baik sekali", "Biaya"), shown_cell("x" * 50, "Biaya")
    ("'Sangat baik sekali'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (50 characters)")
    """
    text = value[: _SHOWN * 10]
    mask = personal_mask(header) or _shape_mask(text)
    if mask is not None:
        return f"{mask(text)[:_SHOWN]!r} (masked)"
    if len(value) > _SHOWN:
        return f"{value[:_SHOWN] + '...'!r} ({len(value):,} characters)"
    return repr(value)


def shown_headers(header: Sequence[str]) -> str:
    """The headers of a file, listed for a message: a file without a header row has data in
    its first row, so what looks like an e-mail or a phone number is masked, and long text
    is cut.

    >>> shown_headers(["No", " Layanan ", "085339672120"])
    'No, Layanan, ********2120'
    """
    out = []
    for h in header:
        text = h.strip()[: _SHOWN * 10]
        mask = _shape_mask(text)
        shown = mask(text) if mask is not None else text
        out.append(shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "...")
    return ", ".join(out)


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


def by_columns(header: Sequence[str], by: Sequence[str], source: str) -> list[int]:
    """Positions of the ``by`` columns, matched as the readers match headers.

    Raises:
        UnknownNameError: A column is not in the header, or holds personal data (a
            breakdown by it would print a name, phone number or e-mail per group).
    """
    norm = [normalize_header(h) for h in header]
    out = []
    for name in by:
        wanted = normalize_header(name)
        if wanted not in norm:
            msg = f"no column {name!r} in {source} to break down by; columns: "
            msg += shown_headers(header)
            raise UnknownNameError(msg)
        i = norm.index(wanted)
        if personal_mask(header[i]) is not None:
            msg = (
                f"column {header[i].strip()!r} of {source} holds personal data; a breakdown "
                "by it would print it for every group: choose a column such as Layanan"
            )
            raise UnknownNameError(msg)
        out.append(i)
    return out


def kept_columns(
    header: Sequence[str], idx: Sequence[int], by_idx: Sequence[int]
) -> dict[int, bool]:
    """The columns a survey keeps for breakdowns, each with whether it was named in ``by``
    (kept whatever its number of values): every column but the unsur, those with personal
    data and those without a header."""
    unsur = set(idx)
    keep = {
        i: False
        for i, h in enumerate(header)
        if i not in unsur and h.strip() and personal_mask(h) is None
    }
    keep.update(dict.fromkeys(by_idx, True))
    return dict(sorted(keep.items()))
