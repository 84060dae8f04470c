"""The Dask helper on a local scheduler with small data (skipped without the dask extra)."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError
from ppid_core.examples.ikm import read_seed_survey, seed_survey_text
from ppid_core.ikm import GroupTallies, Tally, merge_dask

HEAD, *ROWS = seed_survey_text().splitlines(keepends=True)
WHOLE = read_seed_survey()


def _files(tmp_path: Path, cuts: list[int], bad: int | None = None) -> list[str]:
    points = [0, *cuts, len(ROWS)]
    paths = []
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        rows = list(ROWS[a:b])
        if bad is not None and a <= bad < b:
            cells = rows[bad - a].split(",")
            cells[6] = "x"
            rows[bad - a] = ",".join(cells)
        path = tmp_path / f"part-{i}.csv"
        path.write_text(HEAD + "".join(rows), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_bag_of_files_merges_to_the_tally_of_the_whole(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    paths = _files(tmp_path, [10, 60, 61, 120])
    bag = db.from_sequence(paths, npartitions=3)
    tally = merge_dask(bag, scheduler="synchronous")
    assert isinstance(tally, Tally)
    assert tally == WHOLE.tally
    groups = merge_dask(bag, by="Layanan", scheduler="synchronous")
    assert groups == WHOLE.group_tallies("Layanan")
    assert isinstance(groups, GroupTallies)
    assert groups.score(WHOLE.regime).to_dict() == WHOLE.score(by="Layanan").to_dict()


def test_every_files_errors_come_back(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    paths = _files(tmp_path, [10], bad=3)
    bag = db.from_sequence(paths, npartitions=2)
    with pytest.raises(DataFileError) as info:
        merge_dask(bag, scheduler="synchronous")
    assert [getattr(e, "location", None) for e in info.value.exceptions] == [
        f'{paths[0]}: row 5, column "Persyaratan"'
    ]
    (tmp_path / "b").mkdir()
    other = _files(tmp_path / "b", [], bad=100)
    both = db.from_sequence([*paths, *other], npartitions=2)
    with pytest.raises(DataFileError) as group:
        merge_dask(both, scheduler="synchronous")
    assert str(group.value) == "2 files have errors"
    assert [getattr(e, "location", None) for e in group.value.exceptions] == [
        f'{paths[0]}: row 5, column "Persyaratan"',
        f'{other[0]}: row 102, column "Persyaratan"',
    ]


def test_a_dask_dataframe_keeps_the_rows_of_the_whole() -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(HEAD + "".join(ROWS)), dtype=str, keep_default_na=False)
    ddf = dd.from_pandas(frame, npartitions=4)
    assert merge_dask(ddf, scheduler="synchronous") == WHOLE.tally
    frame.iloc[100, 6] = "x"
    with pytest.raises(DataFileError) as info:
        merge_dask(dd.from_pandas(frame, npartitions=4), source_name="skm.csv")
    assert [getattr(e, "location", None) for e in info.value.exceptions] == [
        'skm.csv: row 102, column "Persyaratan"'
    ]
