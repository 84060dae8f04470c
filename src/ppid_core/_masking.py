"""Masking of personal data (names, phone numbers, e-mail addresses).

Every report, export and ``repr`` of ppid-core masks personal data by default; showing
it is an explicit choice ([`NameMasking.NONE`][NameMasking.NONE], ``Masking(unmasked=True)``).

- Phone numbers keep only their last four digits, and their length: ``085339672120``
  becomes ``********2120`` (the tail an officer uses to find a record). Numbers of eight
  digits or fewer keep only their last two digits.
- E-mail addresses keep the first character of the local part and the whole domain:
  ``arieston@example.org`` becomes ``a***@example.org``.
- Names follow the office's choice ([`NameMasking`][NameMasking]); the default is initials,
  without academic degrees (after the first comma) or honorific prefixes
  (``Drs.``, ``Dr.``, ``Ir.``, ``H.``, ``Hj.``, ``Prof.``):
  ``Drs. Falentinus Bhalu`` becomes ``F. B.``.

    >>> mask_phone("085339672120")
    '********2120'
    >>> mask_email("arieston@example.org")
    'a***@example.org'
    >>> mask_name("Arieston Dappa, S.T.")
    'A. D.'
    >>> mask_name("Arieston Dappa, S.T.", NameMasking.FIRST_NAME)
    'Arieston D.'

References:
    UU 14/2008 Pasal 17 huruf h (personal data is excepted information); UU 27/2022
    (Pelindungan Data Pribadi).
"""

from __future__ import annotations

import enum
import re

import attrs

__all__ = ["Masking", "NameMasking", "mask_email", "mask_name", "mask_phone"]

_HONORIFICS = frozenset({"dr", "drs", "dra", "ir", "h", "hj", "prof", "kh"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class NameMasking(enum.Enum):
    """How requester names appear in reports and exports."""

    INITIALS = "initials"
    """``Arieston Dappa, S.T.`` → ``A. D.`` (the default)."""
    FIRST_NAME = "first_name"
    """``Arieston Dappa, S.T.`` → ``Arieston D.``."""
    HIDDEN = "hidden"
    """Every name becomes ``***``."""
    NONE = "none"
    """Names as written (an explicit unmasking)."""


def mask_phone(phone: str) -> str:
    """Mask a phone number, keeping only its last four digits (and its length).

    Blanks, dashes and a leading ``+`` are dropped first; an empty value stays empty.
    A ``*`` counts as a hidden digit, so masking is idempotent and a number masked by an
    older, looser rule (``0853****2120``) is masked again.

    Examples:
        >>> mask_phone("0877444027856")
        '*********7856'
        >>> mask_phone("+62 812-3456-7890")
        '*********7890'
        >>> mask_phone("12345")
        '***45'
        >>> mask_phone("0853****2120")
        '********2120'
    """
    slots = [ch for ch in phone if ch.isdigit() or ch == "*"]
    if not slots:
        return ""
    keep = 4 if len(slots) > 8 else 2
    return "*" * max(len(slots) - keep, 0) + "".join(slots[-keep:])


def mask_email(email: str) -> str:
    """Mask an e-mail address: first character of the local part, then ``***``.

    Text without an ``@`` is masked whole (``***``); an empty value stays empty.

    Examples:
        >>> mask_email("ppid.ntt@kpu.go.id")
        'p***@kpu.go.id'
        >>> mask_email("not an address")
        '***'
    """
    text = email.strip()
    if not text or "***@" in text:
        return text
    local, at, domain = text.rpartition("@")
    if not at or not local:
        return "***"
    return f"{local[0]}***@{domain}"


def mask_name(name: str, policy: NameMasking = NameMasking.INITIALS) -> str:
    """Mask a person's name by the office's policy.

    Examples:
        >>> mask_name("Drs. Falentinus Bhalu")
        'F. B.'
        >>> mask_name("Yohanes G. Meo")
        'Y. G. M.'
        >>> mask_name("Ulvi", NameMasking.HIDDEN)
        '***'
        >>> mask_name("Ulvi", NameMasking.NONE)
        'Ulvi'
    """
    if policy is NameMasking.NONE:
        return name
    text = name.strip()
    if not text:
        return ""
    if policy is NameMasking.HIDDEN:
        return "***"
    words = _WORD.findall(text.split(",", 1)[0])
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words = words[1:]
    if not words:
        return "***"
    if policy is NameMasking.FIRST_NAME:
        return " ".join([words[0], *(f"{w[0].upper()}." for w in words[1:])])
    return " ".join(f"{w[0].upper()}." for w in words)


@attrs.frozen(kw_only=True)
class Masking:
    """The office's masking choices, passed to reports and exports.

    Attributes:
        names: How names appear (initials by default).
        unmasked: Show phone numbers and e-mail addresses as written (explicit opt-in).

    Examples:
        >>> Masking().phone("085339672120")
        '********2120'
        >>> Masking(unmasked=True, names=NameMasking.NONE).name("Ana Waha Kolin")
        'Ana Waha Kolin'
    """

    names: NameMasking = NameMasking.INITIALS
    unmasked: bool = False

    def name(self, value: str) -> str:
        """A name under this policy."""
        return mask_name(value, self.names)

    def phone(self, value: str) -> str:
        """A phone number under this policy."""
        return value if self.unmasked else mask_phone(value)

    def email(self, value: str) -> str:
        """An e-mail address under this policy."""
        return value if self.unmasked else mask_email(value)
