"""Running a guide's console lines as written (the guide tests of the CLI share this)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

GUIDES = Path(__file__).parents[2] / "docs" / "guides"


def console_lines(guide: str, heading: str, next_heading: str) -> list[str]:
    """The lines of the first ``console`` block between ``heading`` and ``next_heading``."""
    text = (GUIDES / guide).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split(next_heading, 1)[0]
    block = section.split("```console\n", 1)[1].split("```", 1)[0]
    return [line.removeprefix("$ ") for line in block.splitlines()]


def run_words(words: list[str], run: Callable[..., tuple[int, str]]) -> int:
    """Run ``ppid WORDS`` through ``run``; ``> FILE`` writes its output there, as a shell does."""
    assert words[0] == "ppid", words
    target = None
    if ">" in words:
        words, target = words[: words.index(">")], words[words.index(">") + 1]
    code, out = run(*words[1:])
    if target is not None:
        Path(target).write_text(out, encoding="utf-8")
    return code
