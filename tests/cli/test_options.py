"""One spelling per option across commands: ``--format``/``--json``, ``--unmask``, ``--rules``.

The spellings these replace still work for one release, each with one pinned line on
stderr that names its replacement.
"""

from __future__ import annotations

import argparse
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from ppid_core.cli import build_parser, main
from ppid_core.cli._options import FORMATS, UNMASK_HELP
from ppid_core.examples.dip import example_path as dip_example_path
from ppid_core.examples.ikm import SEED_FILE
from ppid_core.examples.rb import example_path
from ppid_core.examples.requests import kpu_ntt_2024_text

PLAN = str(example_path("kpu-ntt-2022-rencana-aksi.yaml"))
TEAM = str(example_path("kpu-ntt-2022-tim.yaml"))
REAL = str(example_path("kpu-ntt-2022-realisasi.yaml"))
DIP = str(dip_example_path())
LKE = str(resources.files("ppid_core.examples.rb") / "lke-example.yaml")
MONEV = str(resources.files("ppid_core.examples.monev") / "kpu-ntt-2025-jawaban.yaml")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def leaves(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every command that runs, by its name after ``ppid``."""
    out: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                out |= leaves(child) or {child.prog.removeprefix("ppid "): child}
    return out


COMMANDS = leaves(build_parser(complete=True))


def option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)


# -- --format and --json ----------------------------------------------------------------------

EXPECTED_FORMATS = {
    "demo": None,
    "deadline": ["text", "md", "json"],
    "calendar show": ["text", "md", "json"],
    "calendar check": ["text", "json"],
    "calendar coverage": ["text", "md", "json"],
    "register report": ["text", "md", "csv", "json", "xlsx"],
    "register oversight": ["text", "md", "csv", "json", "xlsx"],
    "report annual": ["text", "md", "html", "json"],
    "dip check": ["text", "md", "json"],
    "dip table": ["text", "md", "html", "csv", "json", "xlsx"],
    "monev score": ["text", "md", "json"],
    "ikm score": ["text", "md", "csv", "json", "xlsx"],
    "ikm sample-size": ["text", "json"],
    "rb check": None,
    "rb status": ["text", "md", "json"],
    "rb table": ["text", "md", "csv"],
    "rb frameworks": ["text", "md", "json"],
    "rb lke score": ["text", "md", "json"],
    "serve": None,  # a server, not a report: its routes' bodies are the commands' --json
}


def test_every_command_is_listed_here() -> None:
    assert sorted(COMMANDS) == sorted(EXPECTED_FORMATS)


@pytest.mark.parametrize("command", sorted(EXPECTED_FORMATS))
def test_each_command_offers_the_formats_it_can_produce(command: str) -> None:
    fmt = option(COMMANDS[command], "--format")
    expected = EXPECTED_FORMATS[command]
    assert (list(fmt.choices or ()) if fmt else None) == expected
    assert set(expected or ()) <= set(FORMATS)
    # --json is there exactly where JSON is (DESIGN: on every reporting command)
    has_json = option(COMMANDS[command], "--json") is not None
    assert has_json == ("json" in (expected or ()))


@pytest.fixture
def register_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kpu_ntt_2024.csv"
    path.write_text(kpu_ntt_2024_text(), encoding="utf-8")
    return path


@pytest.fixture
def survey_csv(tmp_path: Path) -> Path:
    from importlib import resources

    path = tmp_path / SEED_FILE
    text = (resources.files("ppid_core.examples.ikm") / SEED_FILE).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


def argv_for(command: str, register_csv: Path, survey_csv: Path) -> list[str]:
    """A command line that runs ``command`` on example data."""
    return {
        "deadline": ["deadline", "2025-03-27"],
        "calendar show": ["calendar", "show", "2025"],
        "calendar check": ["calendar", "check", str(register_csv.with_name("none.yaml"))],
        "calendar coverage": ["calendar", "coverage"],
        "register report": ["register", "report", str(register_csv), "--as-of", "2025-01-06"],
        "ikm score": ["ikm", "score", str(survey_csv)],
        "ikm sample-size": ["ikm", "sample-size", "1000"],
        "rb status": ["rb", "status", REAL, "--month", "2022-04"],
        "register oversight": ["register", "oversight", str(register_csv), "--on", "2025-01-06"],
        "report annual": ["report", "annual", "--year", "2024", "--register", str(register_csv)],
        "dip check": ["dip", "check", DIP, "--on", "2025-01-15"],
        "dip table": ["dip", "table", DIP],
        "monev score": ["monev", "score", MONEV],
        "rb frameworks": ["rb", "frameworks"],
        "rb lke score": ["rb", "lke", "score", LKE],
    }[command]


JSON_COMMANDS = sorted(c for c, f in EXPECTED_FORMATS.items() if f and "json" in f)


@pytest.mark.parametrize("command", JSON_COMMANDS)
def test_json_is_the_format_json(command: str, register_csv: Path, survey_csv: Path) -> None:
    argv = argv_for(command, register_csv, survey_csv)
    short, long = run(*argv, "--json"), run(*argv, "--format", "json")
    assert short == long
    assert isinstance(json.loads(short[1]), dict)


@pytest.mark.parametrize("command", JSON_COMMANDS)
def test_json_with_another_format_is_bad_usage(
    command: str, register_csv: Path, survey_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = next(f for f in EXPECTED_FORMATS[command] or () if f != "json")
    argv = argv_for(command, register_csv, survey_csv)
    assert run(*argv, "--json", "--format", other) == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"ppid {command}: error: --json means --format json; it cannot be combined with "
        f"--format {other}"
    )


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (["rb", "table", PLAN, "--format", "json"], "json"),
        (["deadline", "2025-03-27", "--format", "csv"], "csv"),
        (["rb", "table", PLAN, "--format", "xlsx"], "xlsx"),
    ],
)
def test_a_format_a_command_cannot_produce_is_bad_usage(
    argv: list[str], bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*argv) == (2, "")
    assert f"argument --format: invalid choice: '{bad}' (choose from " in capsys.readouterr().err


def test_md_prints_the_results_markdown() -> None:
    code, text = run("deadline", "2025-03-27", "--format", "md")
    assert code == 0
    assert text.startswith("# Deadlines of the request received on 2025-03-27\n")
    code, text = run("calendar", "coverage", "--format", "md")
    assert code == 0
    assert text.startswith("# Calendar coverage ")


# -- deprecated spellings: still working, with one line on stderr ------------------------------


def note(command: str, old: str, new: str) -> str:
    return (
        f"ppid {command}: warning: {old} is deprecated and will be removed in the next "
        f"release; use {new}\n"
    )


def test_register_report_csv(register_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["register", "report", str(register_csv), "--as-of", "2025-01-06"]
    new = run(*argv, "--format", "csv")
    assert capsys.readouterr().err == ""
    assert run(*argv, "--csv") == new
    assert capsys.readouterr().err == note("register report", "--csv", "--format csv")


def test_rb_table_csv(capsys: pytest.CaptureFixture[str]) -> None:
    new = run("rb", "table", PLAN, "--format", "csv")
    assert capsys.readouterr().err == ""
    assert run("rb", "table", PLAN, "--csv") == new
    assert capsys.readouterr().err == note("rb table", "--csv", "--format csv")


def test_ikm_score_format_markdown(survey_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = run("ikm", "score", str(survey_csv), "--format", "md")
    assert new == run("ikm", "score", str(survey_csv))
    assert capsys.readouterr().err == ""
    assert run("ikm", "score", str(survey_csv), "--format", "markdown") == new
    assert capsys.readouterr().err == note("ikm score", "--format markdown", "--format md")


def test_markdown_is_not_offered_any_more(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("ikm", "score", "x.csv", "--format", "html") == (2, "")
    err = capsys.readouterr().err.splitlines()[-1]
    assert err == (
        "ppid ikm score: error: argument --format: invalid choice: 'html' "
        "(choose from 'text', 'md', 'csv', 'json', 'xlsx')"
    )


@pytest.mark.parametrize(
    ("argv", "key"),
    [
        (["deadline", "2024-10-07", "--json"], "regime"),  # the JSON key stays
        (["register", "report", "{register}", "--as-of", "2025-01-06", "--json"], "rule_set"),
    ],
)
def test_rules_and_its_old_name_regime(
    argv: list[str], key: str, register_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{register}", str(register_csv)) for a in argv]
    command = " ".join(argv[:2]) if argv[0] == "register" else argv[0]
    code, text = run(*argv, "--rules", "perki_1_2019")
    assert code == 0
    assert capsys.readouterr().err == ""
    data = json.loads(text)
    assert data[key] == "perki_1_2019"
    assert run(*argv, "--regime", "perki_1_2019") == (code, text)
    assert capsys.readouterr().err == note(command, "--regime perki_1_2019", "--rules perki_1_2019")
    assert run(*argv, "--regime", "nope")[0] == 2
    assert "argument --regime: invalid choice: 'nope'" in capsys.readouterr().err


def test_regime_stays_the_ikm_regime(survey_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("ikm", "score", str(survey_csv), "--regime", "permenpan_14_2017", "--json")
    assert code == 0
    assert capsys.readouterr().err == ""
    assert option(COMMANDS["ikm score"], "--rules") is None


# -- --unmask ------------------------------------------------------------------------------------

REGISTER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email,"
    "Tanggal Tanggapan\n"
    "1,KPU,Permohonan,Data DPT,2025-06-02,Ana Waha Kolin,0853 3967 2120,ana@example.org,\n"
)


@pytest.fixture
def late_request(tmp_path: Path) -> list[str]:
    path = tmp_path / "r.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return ["register", "report", str(path), "--as-of", "2025-07-31", "--json"]


def requester(text: str) -> str:
    (late,) = json.loads(text)["overdue"]
    return str(late["requester"])


def test_unmask_on_register_report(
    late_request: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert requester(run(*late_request)[1]) == "A. W. K."
    assert requester(run(*late_request, "--names", "first_name")[1]) == "Ana W. K."
    unmasked = run(*late_request, "--unmask")
    assert requester(unmasked[1]) == "Ana Waha Kolin"
    assert capsys.readouterr().err == ""
    assert run(*late_request, "--names", "none") == unmasked
    assert capsys.readouterr().err == note("register report", "--names none", "--unmask")


def test_unmask_with_another_masking_is_bad_usage(
    late_request: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*late_request, "--unmask", "--names", "hidden") == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "ppid register report: error: --unmask shows names as written; it cannot be combined "
        "with --names hidden"
    )


def test_names_none_is_not_advertised() -> None:
    names = option(COMMANDS["register report"], "--names")
    assert names is not None
    assert list(names.choices or ()) == ["initials", "first_name", "hidden"]


def test_unmask_on_rb_table() -> None:
    assert "| 1 | T. D. | Ketua KPU |" in run("rb", "table", TEAM)[1]
    unmasked = run("rb", "table", TEAM, "--unmask")[1]
    assert "T. D." not in unmasked


def test_unmask_has_one_help_everywhere() -> None:
    found = {
        name: action.help
        for name, parser in COMMANDS.items()
        if (action := option(parser, "--unmask")) is not None
    }
    assert sorted(found) == ["rb table", "register report", "report annual"]
    assert set(found.values()) == {UNMASK_HELP}
