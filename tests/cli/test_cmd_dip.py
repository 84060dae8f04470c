"""``ppid dip check|table`` and the demo."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.dip import example_path, required_path
from tests.cli._guide import console_lines, run_words

DIP = str(example_path())


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_check_json_is_the_results_dict() -> None:
    code, out = run("dip", "check", DIP, "--on", "2025-01-15", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["current"], data["complete"], data["items"]) == (False, True, 14)
    assert [f["kind"] for f in data["findings"]] == ["stale", "no_url", "no_uji_konsekuensi"]
    assert data["urls"] == {"checked": False, "results": []}


def test_check_markdown_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("dip", "check", DIP, "--on", "2024-12-01")
    assert code == 0
    assert out.startswith("# DIP monitoring of KPU Provinsi Nusa Tenggara Timur on 2024-12-01\n")
    assert "**Findings: 2**" in out
    code, _ = run("dip", "check", DIP, "--on", "2024-12-01", "--strict")
    assert code == 1
    assert capsys.readouterr().err == "ppid: 2 findings (--strict)\n"


def test_strict_without_findings_is_zero(tmp_path: Path) -> None:
    text = example_path().read_text(encoding="utf-8")
    text = text.replace(
        "    wajib: pasal-11-1-f\n", "    wajib: pasal-11-1-f\n    url: https://x.org/9\n"
    )
    text = text.replace(
        "    category: dikecualikan\n", "    category: dikecualikan\n    uji_konsekuensi: SK 1\n", 1
    )
    path = tmp_path / "dip.yaml"
    path.write_text(text, encoding="utf-8")
    assert run("dip", "check", str(path), "--on", "2024-12-01", "--strict")[0] == 0


def test_bad_file_exits_1_with_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dip.yaml"
    path.write_text("unit: X\nunit: Y\nitems: []\n", encoding="utf-8")
    code, out = run("dip", "check", str(path))
    assert (code, out) == (1, "")
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:2:1 ($.unit): duplicate key 'unit' (first at line 1)",
        f"{path}:3:8 ($.items): expected at least one item",
    ]
    assert run("dip", "table", str(tmp_path / "none.yaml"))[0] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--on", "2025-02-30"],
            "argument --on: expected an ISO date (2025-01-15), got '2025-02-30'",
        ),
        (["--on", "1800-01-01"], "argument --on: expected a date in the years 1900 to 2200"),
        (["--required", "kpu"], "--required: unknown required list 'kpu'; bundled: uu_14_2008"),
        (["--timeout", "0"], "argument --timeout: expected a number of seconds from 0 to 120"),
        (["--workers", "17"], "argument --workers: expected a whole number from 1 to 16"),
        (["--json", "--format", "md"], "--json means --format json"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("dip", "check", DIP, *argv)[0] == 2
    assert message in capsys.readouterr().err


def test_own_required_list(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    text = required_path().read_text(encoding="utf-8").replace("key: uu_14_2008", "key: own")
    own.write_text(text.replace("months: 6", "months: 1"), encoding="utf-8")
    code, out = run("dip", "check", DIP, "--on", "2024-12-01", "--required", str(own), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["required"] == "own"
    assert [f["number"] for f in data["findings"] if f["kind"] == "stale"] == ["1", "2", "3"]


def test_table_formats(tmp_path: Path) -> None:
    code, out = run("dip", "table", DIP)
    assert code == 0
    assert out.startswith("# Daftar Informasi Publik KPU Provinsi Nusa Tenggara Timur\n")
    code, out = run("dip", "table", DIP, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert (code, len(rows), rows[0][0], rows[12][0]) == (0, 18, "No", "12")
    assert rows[13:16] == [[], ["Daftar informasi yang dikecualikan"], rows[0]]
    assert [rows[16][0], rows[17][0]] == ["13", "14"]
    code, out = run("dip", "table", DIP, "--json")
    data = json.loads(out)
    assert (len(data["items"]), data["dikecualikan"][0]["category"]) == (12, "dikecualikan")
    target = tmp_path / "dip.xlsx"
    assert run("dip", "table", DIP, "--format", "xlsx", "--output", str(target))[0] == 0
    assert target.read_bytes()[:2] == b"PK"


def test_table_html() -> None:
    code, out = run("dip", "table", DIP, "--format", "html")
    assert code == 0
    assert out.count("<tr>") == 16
    assert "<caption>Daftar informasi yang dikecualikan</caption>" in out


def test_demo_section() -> None:
    from ppid_core.cli._cmd_dip import demo

    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert "== DIP: KPU Provinsi Nusa Tenggara Timur, checked on 2025-01-15" in text
    assert "14 items; not current, complete; 3 findings" in text


def test_an_unknown_wajib_key_exits_1_located_with_the_other_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example_path().read_text(encoding="utf-8")
    text = text.replace("wajib: pasal-9-2-a", "wajib: pasal-99").replace(
        "category: serta_merta", "category: rahasia"
    )
    path = tmp_path / "dip.yaml"
    path.write_text(text, encoding="utf-8")
    assert run("dip", "check", str(path), "--on", "2025-01-15") == (1, "")
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{path}:17:12 ($.items[0].wajib): 'pasal-99' is not an entry of the required list "
        "uu_14_2008; expected one of: pasal-9-2-a, pasal-9-2-b, pasal-9-2-c, pasal-10-1, "
        "pasal-11-1-a, pasal-11-1-b, pasal-11-1-c, pasal-11-1-d, pasal-11-1-e, pasal-11-1-f, "
        "pasal-11-1-g, pasal-11-1-h"
    )
    assert err[1] == (
        f"{path}:135:15 ($.items[11].category): unknown value 'rahasia'; expected one of: "
        "berkala, dikecualikan, serta_merta, setiap_saat"
    )


def test_the_markdown_report_labels_findings_in_the_language_chosen() -> None:
    _, out = run("dip", "check", DIP, "--on", "2025-01-15")
    kinds = [line.split(" | ")[0].removeprefix("| ") for line in out.splitlines()[6:9]]
    assert kinds == ["not current", "no address", "no uji konsekuensi"]
    _, out = run("--lang", "id", "dip", "check", DIP, "--on", "2025-01-15")
    kinds = [line.split(" | ")[0].removeprefix("| ") for line in out.splitlines()[6:9]]
    assert kinds == ["tidak mutakhir", "tanpa tautan", "tanpa uji konsekuensi"]
    _, out = run("dip", "check", DIP, "--on", "2025-01-15", "--json")
    assert [f["kind"] for f in json.loads(out)["findings"]] == [
        "stale",
        "no_url",
        "no_uji_konsekuensi",
    ]  # the JSON keeps the English keys


def test_today_is_the_office_zone_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from ppid_core.cli import _cmd_dip

    instant = dt.datetime(2025, 1, 14, 16, 30, tzinfo=dt.UTC)  # 23:30 WIB, 01:30 WIT
    monkeypatch.setattr(_cmd_dip, "_clock", instant.astimezone)
    days = {}
    for zone in ([], ["--zone", "WIB"], ["--zone", "WIT"], ["--zone", "Papua"]):
        days[" ".join(zone)] = json.loads(run("dip", "check", DIP, "--json", *zone)[1])["on"]
    assert days == {
        "": "2025-01-14",
        "--zone WIB": "2025-01-14",
        "--zone WIT": "2025-01-15",
        "--zone Papua": "2025-01-15",
    }


def test_check_help_offers_only_its_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("dip", "check", "--help")
    text = " ".join((out + capsys.readouterr().out).split())
    assert (code, text.startswith("usage: ppid dip check")) == (0, True)
    assert "--output FILE write the report to FILE instead of stdout; written whole or not" in (
        text
    )
    assert "xlsx" not in text
    assert "--excel-id" not in text
    assert "csv" not in text
    assert run("dip", "check", DIP, "--excel-id")[0] == 2
    assert "unrecognized arguments: --excel-id" in capsys.readouterr().err


def test_check_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "dip.json"
    assert run("dip", "check", DIP, "--on", "2025-01-15", "--json", "--output", str(target)) == (
        0,
        "",
    )
    assert json.loads(target.read_text(encoding="utf-8"))["on"] == "2025-01-15"
    assert capsys.readouterr().err == f"ppid: wrote the json output to {target}\n"


def _guide_lines() -> list[str]:
    return console_lines("ppid-year.md", "## 3. The DIP and its monitoring", "\n## 4.")


def test_the_guides_command_lines_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The lines run in an empty folder; the URL check asks a stand-in, not the network.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("ppid_core.dip._urls.urllib_fetch", lambda url, timeout: 200)
    names = {"example_path": str(example_path()), "required_path": str(required_path())}
    codes = []
    for line in _guide_lines():
        if line.startswith("EX="):
            assert "example_path()" in line
            continue
        if line.startswith("cp "):  # cp "$(python -c "... required_path() ...")" NAME
            assert "required_path()" in line
            shutil.copy(names["required_path"], line.rsplit(" ", 1)[1])
            continue
        words = shlex.split(line, comments=True)
        words = [names["example_path"] if w == "$EX" else w for w in words]
        codes.append(run_words(words, run))
    assert codes == [0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dip.csv",
        "dip.xlsx",
        "own-list.yaml",
        "pemantauan-dip.md",
    ]
    capsys.readouterr()


# -- issue 14: the officer's language, text for a terminal ---------------------------------


def test_check_in_indonesian() -> None:
    # source: issue 14 ("Speak the officer's language")
    code, out = run("--lang", "id", "dip", "check", DIP, "--on", "2025-01-15")
    assert code == 0
    assert out.startswith("# Pemantauan DIP KPU Provinsi Nusa Tenggara Timur per 2025-01-15\n")
    assert "**Temuan: 3**" in out
    assert "| Temuan | No | Dasar | Keterangan |" in out
    assert (
        "| tanpa tautan | 9 |  | informasi 9: tidak ada url tempat informasi diumumkan |"
    ) in out
    assert "| Dasar | Informasi | Kategori | Keyakinan | No | Status |" in out


def test_check_in_english() -> None:
    code, out = run("--lang", "en", "dip", "check", DIP, "--on", "2025-01-15")
    assert code == 0
    assert out.startswith("# DIP monitoring of KPU Provinsi Nusa Tenggara Timur on 2025-01-15\n")
    assert "| Finding | No | Basis | Description |" in out
    assert "| no address | 9 |  | item 9: no url where the information is published |" in out
    assert "| Basis | Information | Category | Confidence | No | Status |" in out


def test_check_json_is_the_same_in_both_languages() -> None:
    _, english = run("--lang", "en", "dip", "check", DIP, "--on", "2025-01-15", "--json")
    _, indonesian = run("--lang", "id", "dip", "check", DIP, "--on", "2025-01-15", "--json")
    assert english == indonesian
    assert '"message": "item 9: no url where the information is published"' in english


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_aligned_text_by_default() -> None:
    out = _Terminal()
    assert main(["--lang", "en", "dip", "check", DIP, "--on", "2025-01-15"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "DIP monitoring of KPU Provinsi Nusa Tenggara Timur on 2025-01-15"
    assert lines[4].split() == ["Finding", "No", "Basis", "Description"]
    assert "|" not in out.getvalue()
    out = _Terminal()
    assert main(["dip", "check", DIP, "--on", "2025-01-15", "--format", "md"], out=out) == 0
    assert out.getvalue().startswith("# DIP monitoring")


def test_strict_note_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--lang", "id", "dip", "check", DIP, "--on", "2024-12-01", "--strict")
    assert code == 1
    assert capsys.readouterr().err == "ppid: 2 temuan (--strict)\n"
