"""Survey headers and cells as messages may show them (never personal data), the profile
columns, and the columns a survey keeps for breakdowns.

Which unsur a header names is `ppid_core.ikm._questions`; what every column holds,
`ppid_core.ikm._plan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from ppid_core._headers import fold
from ppid_core._i18n import _
from ppid_core._masking import mask_email, mask_name, mask_phone
from ppid_core.errors import UnknownNameError

__all__ = [
    "DEMOGRAPHIC_COLUMNS",
    "by_columns",
    "kept_columns",
    "personal_mask",
    "shown_cell",
    "shown_headers",
]

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
# (case, punctuation and blanks ignored). Exact names only: "Nama Layanan" is a
# service, not a person.
_NAMES = ("nama", "nama responden", "nama lengkap", "nama pemohon", "responden")
_PHONES = (
    "hp", "no hp", "nomor hp", "telp", "no telp", "telepon", "no telepon", "nomor telepon",
    "ponsel", "no ponsel", "wa", "no wa", "nomor wa", "whatsapp", "no whatsapp",
    "nomor whatsapp", "no hp wa", "nomor hp wa", "no wa hp", "no telp hp", "phone",
    "phone number", "nomor telepon hp",
)  # fmt: skip
_EMAILS = (
    "email", "e mail", "alamat email", "alamat e mail", "surel", "email address",
    "e mail address", "alamat surel",
)  # fmt: skip
_OTHER = ("alamat", "nik", "no ktp", "nomor ktp")
_PERSONAL: Mapping[str, Callable[[str], str]] = {
    **dict.fromkeys(_NAMES, mask_name),
    **dict.fromkeys(_PHONES, mask_phone),
    **dict.fromkeys(_EMAILS, mask_email),
    **dict.fromkeys(_OTHER, lambda value: "***" if value.strip() else ""),
}
_SHOWN = 40  # characters of a cell echoed in a message


def personal_mask(header: str) -> Callable[[str], str] | None:
    """How to mask the cells of a column with personal data, or ``None`` for other columns.

    >>> personal_mask("No. HP")("085339672120"), personal_mask("Layanan") is None
    ('********2120', True)
    """
    return _PERSONAL.get(fold(header))


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


def by_columns(header: Sequence[str], by: Sequence[str], source: str) -> list[int]:
    """Positions of the ``by`` columns, matched as the readers match headers (folded: case,
    punctuation and blanks ignored; the first of two columns that fold alike).

    Raises:
        UnknownNameError: A column is not in the header, or holds personal data (a
            breakdown by it would print a name, phone number or e-mail per group).
    """
    norm = [fold(h) for h in header]
    out = []
    for name in by:
        wanted = fold(name)
        if wanted not in norm:
            msg = _("no column {name!r} in {source} to break down by; columns: ").format(
                name=name, source=source
            )
            msg += shown_headers(header)
            raise UnknownNameError(msg)
        i = norm.index(wanted)
        if personal_mask(header[i]) is not None:
            msg = _(
                "column {value!r} of {source} holds personal data; a breakdown by it would print "
                "it for every group: choose a column such as Layanan"
            ).format(value=header[i].strip(), source=source)
            raise UnknownNameError(msg)
        out.append(i)
    return out


def kept_columns(
    header: Sequence[str], idx: Iterable[int], by_idx: Iterable[int]
) -> dict[int, bool]:
    """The columns a survey keeps for breakdowns, each with whether it is kept whatever its
    number of values (named in ``by``, or the date column): every column but those in
    ``idx`` (the unsur, a long layout's question and score), those with personal data and
    those without a header."""
    skip = set(idx)
    keep = {
        i: False
        for i, h in enumerate(header)
        if i not in skip and h.strip() and personal_mask(h) is None
    }
    keep.update(dict.fromkeys(by_idx, True))
    return dict(sorted(keep.items()))
