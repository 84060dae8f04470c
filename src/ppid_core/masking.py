"""Masking of personal data: the one rule every report, export and ``repr`` applies.

Requester names, phone numbers and e-mail addresses are masked by default; showing them
is an explicit choice ([`NameMasking.NONE`][NameMasking.NONE], ``Masking(unmasked=True)``). The
functions are also reachable as ``ppid_core.mask_name`` and so on; the reports of
[`ppid_core.requests`][ppid_core.requests] take a [`Masking`][Masking] (also exported there, as the
type of
their ``masking`` argument).

    >>> from ppid_core.masking import Masking, NameMasking, mask_email, mask_name, mask_phone
    >>> mask_name("Drs. Falentinus Bhalu"), mask_phone("085339672120")
    ('F. B.', '********2120')
    >>> mask_email("arieston@example.org")
    'a***@example.org'
    >>> Masking(names=NameMasking.FIRST_NAME).name("Arieston Dappa, S.T.")
    'Arieston D.'

References:
    UU 14/2008 Pasal 17 huruf h (personal data is excepted information); UU 27/2022
    (Pelindungan Data Pribadi).
"""

from ppid_core._masking import Masking, NameMasking, mask_email, mask_name, mask_phone

__all__ = ["Masking", "NameMasking", "mask_email", "mask_name", "mask_phone"]
