"""How messages show a cell's text: masked by what it looks like (issue 9)."""

from __future__ import annotations

import pytest

from ppid_core.requests._shown import masked, shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("budi@example.org", "'b***@example.org' (masked)"),
        ("0853-3967-2120", "'********2120' (masked)"),
        ("+62 812 3456 7890", "'*********7890' (masked)"),
        ("Budi Santoso, S.T.", "'B. S.' (masked)"),
        ("Drs. Falentinus Bhalu", "'F. B.' (masked)"),
        ("kemarin", "'K.' (masked)"),
        ("45292", "'45292'"),
        ("-", "'-'"),
        ("  ?  ", "'?'"),
    ],
)
def test_shown(text: str, expected: str) -> None:
    assert shown(text) == expected


def test_long_masked_text_is_cut() -> None:
    out = masked(" ".join(["Nama"] * 100))
    assert len(out) == 40
    assert out.endswith("…")


def test_masking_is_idempotent_for_phones_and_emails() -> None:
    for text in ("085339672120", "ana@example.org"):
        assert masked(masked(text)) == masked(text)
