"""The committed command-line reference is what the parser says (it cannot go stale)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from ppid_core.cli import _reference
from ppid_core.cli._reference import REGENERATE, render
from ppid_core.errors import UnknownNameError

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "cli.md"


def test_the_committed_page_is_up_to_date() -> None:
    expected = render()
    committed = PAGE.read_text(encoding="utf-8")
    if committed != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    "docs/reference/cli.md (committed)",
                    "render()",
                )
            )[:60]
        )
        pytest.fail(
            "docs/reference/cli.md differs from the parser; edit src/ppid_core/cli/"
            f"_reference.md or the command's options, then run `{REGENERATE}`\n{diff}"
        )


def test_every_option_of_every_command_is_on_the_page() -> None:
    page = render()
    for flag in ("--rules", "--unmask", "--format", "--no-estimate", "--legacy-round-index"):
        assert f"`{flag}" in page
    assert "| `ppid rb table` | `--csv` | `--format csv` |" in page
    assert "| `ppid ikm score` | `--format markdown` | `--format md` |" in page
    assert "| `ppid register report` | `--names none` | `--unmask` |" in page
    assert "| `ppid deadline` | `--regime RULES` | `--rules RULES` |" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("<!-- ppid:command rb table -->", ""),
            "missing: rb table; placed twice: none",
        ),
        (
            ("<!-- ppid:command rb table -->", "<!-- ppid:command deadline -->"),
            "missing: rb table; placed twice: deadline",
        ),
        (("<!-- ppid:command rb table -->", "<!-- ppid:command rb tables -->"), "'rb tables'"),
    ],
)
def test_a_template_that_misplaces_a_command_is_refused(
    change: tuple[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _reference._template()
    assert change[0] in text
    monkeypatch.setattr(_reference, "_template", lambda: text.replace(*change))
    with pytest.raises(UnknownNameError, match=message):
        render()
