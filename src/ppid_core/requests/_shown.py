"""How an error message shows a cell's text: masked, as the reports mask personal data.

A cell that a message is about may hold anyone's personal data even outside the name,
phone and e-mail columns: a comma in ``Budi Santoso, S.T.`` shifts the rest of its row, a
phone number is typed into a date column. So a message never quotes such a cell as
written. What it shows is masked by what the text looks like (the rules of
[`ppid_core.masking`][ppid_core.masking]):

- text with an ``@``: an e-mail address (``b***@example.org``);
- text with six digits or more: a phone number (``********2120``);
- other text with letters: a name, as initials (``B. S.``);
- anything else (a short number, punctuation) is shown as written.

Masked text is marked ``(masked)``; the row and column of the message locate the cell.

    >>> shown("085339672120")
    "'********2120' (masked)"
    >>> shown("budi@example.org")
    "'b***@example.org' (masked)"
    >>> shown("Budi Santoso, S.T.")
    "'B. S.' (masked)"
    >>> shown("45292")
    "'45292'"

References:
    UU 14/2008 Pasal 17 huruf h; UU 27/2022 (Pelindungan Data Pribadi).
"""

from __future__ import annotations

from ppid_core._masking import mask_email, mask_name, mask_phone

__all__ = ["masked", "shown"]

_LONGEST = 40  # characters of masked text shown; the location finds the rest


def masked(text: str) -> str:
    """``text`` masked by what it looks like (e-mail, phone number, name), else as is."""
    t = text.strip()
    if "@" in t:
        out = mask_email(t)
    elif sum(map(str.isdigit, t)) >= 6:
        out = mask_phone(t)
    elif any(map(str.isalpha, t)):
        out = mask_name(t)
    else:
        out = t
    return out if len(out) <= _LONGEST else out[: _LONGEST - 1] + "…"


def shown(text: str) -> str:
    """``text`` quoted for a message: masked and marked so, or as written when harmless."""
    t = text.strip()
    out = masked(t)
    return repr(out) if out == t else f"{out!r} (masked)"
