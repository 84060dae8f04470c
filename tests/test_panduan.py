"""The Panduan singkat shows real output: every command it runs, run in Indonesian.

Each ``console`` block after a ``<!-- panduan:run -->`` mark starts with ``$ ppid ...``;
the lines after it are what the command prints. The test copies the example files into an
empty folder (as the guide tells the officer to), runs each command there and compares.
``python scripts/panduan_outputs.py`` rewrites the blocks after a deliberate change.
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples import copy_examples

PANDUAN = Path(__file__).parents[1] / "docs" / "panduan-singkat.md"
BLOCK = re.compile(
    r"<!-- panduan:run -->\n```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.S
)


def blocks() -> list[tuple[str, str]]:
    return [(m["command"], m["output"]) for m in BLOCK.finditer(PANDUAN.read_text("utf-8"))]


def run(command: str, folder: Path) -> str:
    words = shlex.split(command)
    assert words[0] == "ppid", command
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        code = main(words[1:], out=out)
    assert code == 0, command
    return out.getvalue()


def test_the_guide_runs_commands() -> None:
    assert len(blocks()) == 5


@pytest.mark.parametrize(("command", "shown"), blocks(), ids=[c for c, _ in blocks()])
def test_each_command_prints_what_the_guide_shows(command: str, shown: str, tmp_path: Path) -> None:
    copy_examples(tmp_path)
    assert run(command, tmp_path) == shown


def test_copy_examples_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "register-2024.csv").write_text("milik kantor", encoding="utf-8")
    written = copy_examples(tmp_path)
    assert (tmp_path / "register-2024.csv").read_text(encoding="utf-8") == "milik kantor"
    assert sorted(p.name for p in written) == [
        "kpu-ntt-2022-realisasi.yaml",
        "kpu-ntt-2022-rencana-aksi.yaml",
        "kpu-ntt-2022-tim.yaml",
        "skm-2024.csv",
    ]
