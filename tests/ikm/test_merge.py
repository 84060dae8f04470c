"""Read surveys merge (``+``, ``sum``, ``Survey.merge``), and partitions keep their place."""

from __future__ import annotations

import attrs
import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError, InvalidTallyError
from ppid_core.examples.ikm import read_seed_survey, seed_survey_text
from ppid_core.ikm import Regime, Survey, read_survey

TEXT = seed_survey_text()
HEAD, *ROWS = TEXT.splitlines(keepends=True)


def _part(a: int, b: int) -> Survey:
    return read_survey((HEAD + "".join(ROWS[a:b])).encode(), source_name="skm.csv", row_offset=a)


def test_halves_merge_to_the_whole() -> None:
    whole = read_survey(TEXT.encode(), source_name="skm.csv")
    halves = [_part(0, 70), _part(70, len(ROWS))]
    merged = sum(halves)
    assert isinstance(merged, Survey)
    assert merged == whole == Survey.merge(halves)
    assert merged.source == "skm.csv"
    assert merged.score(by="Layanan").to_dict() == whole.score(by="Layanan").to_dict()
    assert merged.profile_table().to_csv() == whole.profile_table().to_csv()


def test_merging_no_survey_is_refused() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Survey.merge([])
    assert str(info.value) == (
        "Survey.merge needs at least one survey; Tally.merge([]) works without"
    )


def test_surveys_of_other_regimes_or_columns_do_not_merge() -> None:
    seed = read_seed_survey()
    custom = attrs.evolve(Regime.bundled(), key="custom")
    old = read_survey(TEXT.encode(), regime=custom)
    with pytest.raises(InvalidTallyError, match="cannot merge surveys read under different"):
        seed + old
    other = read_survey(TEXT.replace("Pekerjaan", "Kota").encode(), source_name="b.csv")
    with pytest.raises(InvalidTallyError) as info:
        seed + other
    assert str(info.value) == (
        "cannot merge surveys with different columns: Pekerjaan only in "
        f"{seed.source}; Kota only in b.csv"
    )


def test_an_error_in_a_partition_names_the_file_and_its_real_row() -> None:
    bad = ROWS[1234 % len(ROWS)].split(",")
    bad[6] = "x"
    text = HEAD + ",".join(bad)
    with pytest.raises(DataFileError) as info:
        read_survey(text.encode(), source_name="skm.csv", row_offset=1233)
    assert [getattr(e, "location", None) for e in info.value.exceptions] == [
        'skm.csv: row 1235, column "Persyaratan"'
    ]


def test_a_negative_row_offset_is_refused() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        read_survey(TEXT.encode(), row_offset=-1)
    assert str(info.value) == "row_offset must be a whole number >= 0, got -1"


def test_a_dataframe_partition_keeps_its_place() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(__import__("io").StringIO(TEXT), dtype=str, keep_default_na=False)
    frame.iloc[5, 6] = "x"
    part = frame.iloc[4:8].reset_index(drop=True)
    with pytest.raises(DataFileError) as info:
        read_survey(part, source_name="skm.csv", row_offset=4)
    assert [getattr(e, "location", None) for e in info.value.exceptions] == [
        'skm.csv: row 7, column "Persyaratan"'
    ]
