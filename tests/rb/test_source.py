"""Reading RB files: the size limit, and a realisation's ``plan:`` kept inside its folder.

Each refusal is pinned to its exact message, and no message may show anything of the
refused file.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.rb import (
    check_file,
    load_any,
    load_monitoring,
    load_plan,
    load_realisation,
    load_team,
    parse_plan,
    parse_realisation,
    parse_team,
)
from ppid_core.rb._source import MAX_FILE_BYTES

PLAN = (
    "kind: plan\nyear: 2022\nunit: U\nareas:\n  - area: organisasi\n    kegiatan:\n"
    "      - name: K\n        sub_kegiatan:\n          - {name: S, months: [Feb]}\n"
)
RECORDS = "records:\n  - {code: 1.1.1, sub_kegiatan: S, month: Feb, status: done}\n"
SECRET = "root:x:0:0:SECRET-LINE"
RULE = "'plan' must name a file in this file's folder (or a folder below it), after following links"
LIMIT = "an RB file may be at most 10 MiB (10,485,760 bytes)"
needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def realisation(folder: Path, plan_value: str) -> Path:
    real = folder / "real.yaml"
    real.write_text(f"kind: realisation\nplan: {plan_value}\n{RECORDS}", encoding="utf-8")
    return real


def refusal(real: Path) -> str:
    with pytest.raises(DataFileError) as info:
        load_monitoring(real)
    text = info.value.report()
    assert SECRET not in text
    return text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A realisation folder beside a secret file one level up."""
    (tmp_path / "secret.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    inner = tmp_path / "rb"
    inner.mkdir()
    (inner / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return inner


def test_a_plan_beside_or_below_the_file_loads(folder: Path) -> None:
    assert load_monitoring(realisation(folder, "plan.yaml"))[0].year == 2022
    (folder / "plans").mkdir()
    (folder / "plans" / "2022.yaml").write_text(PLAN, encoding="utf-8")
    assert load_monitoring(realisation(folder, "plans/2022.yaml"))[0].year == 2022
    # '..' that comes back into the folder stays inside it
    assert load_monitoring(realisation(folder, "plans/../plan.yaml"))[0].year == 2022


def test_an_absolute_plan_path_is_refused_unread(folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    real = realisation(folder, str(secret))
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): 'plan' must be relative to this file's folder, got the absolute "
        f"path {str(secret)!r}; put the plan in this file's folder and give its file name"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it(folder: Path) -> None:
    real = realisation(folder, "/dev/zero")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): 'plan' must be relative to this file's folder, got the absolute "
        "path '/dev/zero'; put the plan in this file's folder and give its file name"
    )


def test_a_plan_up_the_tree_is_refused_unread(folder: Path) -> None:
    real = realisation(folder, "../secret.yaml")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan '../secret.yaml' leaves this file's folder; {RULE}"
    )


@needs_links
def test_a_link_out_of_the_folder_is_refused_unread(folder: Path) -> None:
    (folder / "link.yaml").symlink_to(folder.parent / "secret.yaml")
    (folder / "sub").symlink_to(folder.parent, target_is_directory=True)
    real = realisation(folder, "link.yaml")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan 'link.yaml' is a link out of this file's folder; {RULE}"
    )
    real = realisation(folder, "sub/secret.yaml")
    assert refusal(real).startswith(
        f"{real}:2:7 ($.plan): the plan 'sub/secret.yaml' is a link out"
    )


@needs_links
def test_a_link_inside_the_folder_is_followed(folder: Path) -> None:
    (folder / "current.yaml").symlink_to(folder / "plan.yaml")
    assert load_monitoring(realisation(folder, "current.yaml"))[0].year == 2022


@needs_links
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_a_device_is_refused(folder: Path) -> None:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    real = realisation(folder, "zero.yaml")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan 'zero.yaml' is a link out of this file's folder; {RULE}"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_in_the_folder_is_refused_without_blocking(folder: Path) -> None:
    os.mkfifo(folder / "pipe.yaml")
    real = realisation(folder, "pipe.yaml")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan 'pipe.yaml' is not a regular file; "
        "name the plan's YAML file"
    )


def test_a_nul_in_the_plan_name_is_located(folder: Path) -> None:
    real = folder / "real.yaml"
    real.write_text(f'kind: realisation\nplan: "a\\0b.yaml"\n{RECORDS}', encoding="utf-8")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan's file name contains a NUL character (\\0); "
        "'plan' names a YAML file in this file's folder"
    )


def test_a_file_that_is_not_a_plan_is_not_shown(folder: Path) -> None:
    (folder / "notes.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "team.yaml").write_text(f"kind: team\nunit: {SECRET}\n", encoding="utf-8")
    real = realisation(folder, "notes.txt")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the file 'notes.txt' is not an RB plan (a YAML mapping with "
        "'kind: plan'); name the plan's YAML file"
    )
    real = realisation(folder, "team.yaml")
    assert refusal(real).startswith(f"{real}:2:7 ($.plan): the file 'team.yaml' is not an RB plan")


def test_a_plan_over_the_size_limit_is_refused_unread(folder: Path) -> None:
    with (folder / "big.yaml").open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing may be read
    real = realisation(folder, "big.yaml")
    assert refusal(real) == (
        f"{real}:2:7 ($.plan): the plan file 'big.yaml' is 10,485,761 bytes; {LIMIT}"
    )


def test_every_rb_file_is_refused_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # the 100 MB plan: refused before reading
    expected = f"{big}:1:1: the file is 104,857,600 bytes; {LIMIT}"
    for load in (load_plan, load_team, load_realisation, load_monitoring, load_any, check_file):
        with pytest.raises(DataFileError) as info:
            load(big)
        assert info.value.report() == expected, load


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    at = tmp_path / "at.yaml"
    at.write_bytes(PLAN.encode() + b"#" * (MAX_FILE_BYTES - len(PLAN)))
    assert load_plan(at).year == 2022


def test_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    text = PLAN + "#" * (MAX_FILE_BYTES - len(PLAN) + 1)
    expected = f"big.yaml:1:1: the text is 10,485,761 bytes; {LIMIT}"
    for loads in (parse_plan, parse_team, parse_realisation):
        with pytest.raises(DataFileError) as info:
            loads(text, source="big.yaml")
        assert info.value.report() == expected
    # counted in UTF-8 bytes: 3,500,000 three-byte characters are over the limit
    wide = PLAN + "#" + "€" * 3_500_000
    with pytest.raises(DataFileError) as info:
        parse_plan(wide, source="wide.yaml")
    assert info.value.report() == f"wide.yaml:1:1: the text is 10,500,148 bytes; {LIMIT}"


@needs_links
def test_a_link_loop_is_located(folder: Path) -> None:
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    real = realisation(folder, "loop.yaml")
    assert refusal(real).startswith(f"{real}:2:7 ($.plan): cannot ")


# -- bytes and file objects (issue 11): no folder, so the plan is passed ---------------------


def test_bytes_and_file_objects_over_the_size_limit_are_refused() -> None:
    big = PLAN.encode() + b"#" * (MAX_FILE_BYTES - len(PLAN) + 1)
    with pytest.raises(DataFileError) as info:
        load_plan(big, source="upload.yaml")
    assert info.value.report() == f"upload.yaml:1:1: the file is 10,485,761 bytes; {LIMIT}"
    with pytest.raises(DataFileError) as info:
        load_team(io.BytesIO(big), source="upload.yaml")  # read one byte past the limit only
    assert info.value.report() == f"upload.yaml:1:1: the file is over 10 MiB; {LIMIT}"


def test_a_realisation_from_bytes_needs_its_plan(folder: Path) -> None:
    data = realisation(folder, "plan.yaml").read_bytes()
    plan = load_plan(folder / "plan.yaml")
    assert load_realisation(data, plan=plan).records[0].code == "1.1.1"
    assert load_monitoring(io.BytesIO(data), plan=plan) == (plan, load_realisation(data, plan=plan))
    for call in (load_realisation, load_monitoring):
        with pytest.raises(InvalidArgumentError) as info:
            call(data)
        assert str(info.value) == (
            "<bytes>: a realisation given as bytes or a file object has no folder in which to "
            "find the plan its 'plan:' names; pass the plan: "
            "load_realisation(data, plan=load_plan(...))"
        )


def test_a_realisation_checked_from_bytes_says_its_plan_cannot_be_read(folder: Path) -> None:
    data = realisation(folder, "plan.yaml").read_bytes()
    with pytest.raises(DataFileError) as info:
        check_file(data, source="real.yaml")
    assert info.value.report() == (
        "real.yaml:2:7 ($.plan): the plan 'plan.yaml' cannot be read: this file was given "
        "without its folder (as bytes or a file object); check it together with its plan"
    )


def test_a_realisation_path_without_plan_is_checked_against_the_plan_it_names(
    folder: Path,
) -> None:
    real = folder / "real.yaml"
    real.write_text(
        "kind: realisation\nplan: plan.yaml\nrecords:\n"
        "  - {code: 1.1.1, sub_kegiatan: S, month: Mar, status: done}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_realisation(real)
    assert info.value.report() == (
        f"{real}:4:43 ($.records[0].month): Mar is not a planned month of 1.1.1 (planned: Feb)"
    )
    assert parse_realisation(real.read_text(encoding="utf-8")).records[0].month == 3  # unchecked
