"""Rewrite the outputs of docs/panduan-singkat.md from the commands it shows (review the diff).

.venv/bin/python scripts/panduan_outputs.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.test_panduan import BLOCK, PANDUAN, run

from ppid_core.examples import copy_examples


def main() -> None:
    text = PANDUAN.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        copy_examples(tmp)

        def fill(match: re.Match[str]) -> str:
            output = run(match["command"], Path(tmp))
            return f"<!-- panduan:run -->\n```console\n$ {match['command']}\n{output}```"

        text = BLOCK.sub(fill, text)
    PANDUAN.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
