"""Masking of personal data: one rule, one public home (``ppid_core.masking``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ppid_core
import ppid_core.masking
from ppid_core import _masking
from ppid_core.masking import Masking, NameMasking, mask_email, mask_name, mask_phone


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("085339672120", "********2120"),
        ("08133702993", "*******2993"),
        ("0877444027856", "*********7856"),
        ("+62 812-3456-7890", "*********7890"),
        ("12345678", "******78"),
        ("", ""),
        # idempotent, and a number masked by the older rule is masked again
        ("********2120", "********2120"),
        ("0853****2120", "********2120"),
    ],
)
def test_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_email() -> None:
    assert mask_email("arieston@example.org") == "a***@example.org"
    assert mask_email("a***@example.org") == "a***@example.org"
    assert mask_email("") == ""


@pytest.mark.parametrize(
    ("name", "policy", "masked"),
    [
        ("Arieston Dappa, S.T.", NameMasking.INITIALS, "A. D."),
        ("Drs. Falentinus Bhalu", NameMasking.INITIALS, "F. B."),
        ("Yanuarius Armanius D. Mando", NameMasking.INITIALS, "Y. A. D. M."),
        ("Drs. Falentinus Bhalu", NameMasking.FIRST_NAME, "Falentinus B."),
        ("Ulvi", NameMasking.HIDDEN, "***"),
        ("Ulvi", NameMasking.NONE, "Ulvi"),
        ("", NameMasking.INITIALS, ""),
    ],
)
def test_name(name: str, policy: NameMasking, masked: str) -> None:
    assert mask_name(name, policy) == masked


def test_unmasking_is_explicit() -> None:
    assert Masking().email("ana@example.org") == "a***@example.org"
    assert Masking(unmasked=True).email("ana@example.org") == "ana@example.org"
    assert Masking(unmasked=True).phone("085339672120") == "085339672120"


def test_one_public_home() -> None:
    assert ppid_core.masking.__all__ == [
        "Masking",
        "NameMasking",
        "mask_email",
        "mask_name",
        "mask_phone",
    ]
    for name in ppid_core.masking.__all__:
        value = getattr(ppid_core.masking, name)
        assert value is getattr(_masking, name)
        assert getattr(ppid_core, name) is value  # reachable lazily from the top level
        assert name in ppid_core.__all__


def test_importing_the_package_does_not_load_masking() -> None:
    code = (
        "import sys, ppid_core; assert 'ppid_core.masking' not in sys.modules; "
        "ppid_core.mask_name; assert 'ppid_core.masking' in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
