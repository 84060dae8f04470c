"""``ppid ikm score FILE... [--jobs N]``: several files give exactly the result of their
concatenation, and every file's errors are reported."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.ikm import seed_survey_text

HEAD, *ROWS = seed_survey_text().splitlines(keepends=True)


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _files(tmp_path: Path, cuts: list[int]) -> list[str]:
    points = [0, *cuts, len(ROWS)]
    paths = []
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        path = tmp_path / f"part-{i}.csv"
        path.write_text(HEAD + "".join(ROWS[a:b]), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_several_files_score_as_their_concatenation(tmp_path: Path, jobs: str) -> None:
    whole = tmp_path / "whole.csv"
    whole.write_text(HEAD + "".join(ROWS), encoding="utf-8")
    parts = _files(tmp_path, [40, 41, 100])
    options = ["--json", "--by", "Layanan", "--by", "Jenis Kelamin"]
    code, expected = _run("ikm", "score", str(whole), *options)
    assert code == 0
    code, merged = _run("ikm", "score", *parts, "--jobs", jobs, *options)
    assert code == 0
    assert json.loads(merged) == json.loads(expected)
    assert merged == expected


def test_every_files_errors_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = _files(tmp_path, [10])
    for path in parts:
        text = Path(path).read_text(encoding="utf-8").replace(",4,4,4,", ",4,x,4,", 1)
        Path(path).write_text(text, encoding="utf-8")
    missing = str(tmp_path / "missing.csv")
    code, out = _run("ikm", "score", *parts, missing, "--json")
    assert (code, out) == (1, "")
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in err] == [*parts, missing]
    assert err[2] == f"{missing}: No such file or directory"


def test_jobs_must_be_a_whole_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run("ikm", "score", *_files(tmp_path, []), "--jobs", "0")
    assert code == 2
    assert "--jobs: expected a whole number from 1 to 64, got '0'" in capsys.readouterr().err
