"""``ppid ikm score`` and ``ppid ikm sample-size``: output, JSON keys, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ppid_core.cli import main
from ppid_core.examples.ikm import SEED_FILE, seed_survey_text


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / SEED_FILE
    path.write_text(seed_survey_text(), encoding="utf-8")
    return path


def test_score_json(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--json", "--by", "Layanan")
    assert code == 0
    data = json.loads(text)
    assert (data["respondents"], data["ikm"], data["mutu"], data["kinerja"]) == (
        150,
        90.67,
        "A",
        "Sangat Baik",
    )
    assert [(u["name"], u["nrr"]) for u in data["unsur"]][:3] == [
        ("Persyaratan", 3.66),
        ("Sistem, Mekanisme, dan Prosedur", 3.7),
        ("Waktu Penyelesaian", 3.49),
    ]
    assert [g["value"] for g in data["by"]["groups"]] == [
        "Konsultasi/ Mediasi",
        "Permohonan Informasi",
    ]


def test_score_markdown_and_csv(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed))  # the seed's order by default
    assert code == 0
    assert "| 8 | Sarana dan Prasarana | 3.49 | 87.17 | Baik |" in text
    assert text == _run("ikm", "score", str(seed), "--order", "questionnaire")[1]
    code, text = _run("ikm", "score", str(seed), "--order", "regime")
    assert "| 8 | Penanganan Pengaduan, Saran dan Masukan | 3.58 | 89.50 | Sangat Baik |" in text
    code, text = _run("ikm", "score", str(seed), "--format", "csv")
    assert text.splitlines()[-1] == ",IKM (weighted NRR),3.63,90.67,Sangat Baik"


def test_legacy_weight_is_flagged(seed: Path) -> None:
    code, text = _run("ikm", "score", str(seed), "--legacy-weight", "0.111")
    assert code == 0
    assert text.rstrip().endswith("WARNING: legacy spreadsheet (NOT compliant): weight 0.111")


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("abc", "expected a weight like '0.111' or '1/9', got 'abc'"),
        (
            "0.5",
            "legacy weight 0.5 x 9 unsur = 4.5, not within 0.01 of 1; a legacy weight is a "
            "rounded 1/9 for regime permenpan_14_2017 (e.g. 0.11 or 0.111)",
        ),
        (
            "0",
            "a legacy weight is a rounded 1/k (0.11 or 0.111 for 9 unsur, 0.071 for 14), so it "
            "lies strictly between 0 and 1; got '0'",
        ),
    ],
)
def test_bad_legacy_weight_is_bad_usage(
    seed: Path, capsys: pytest.CaptureFixture[str], weight: str, message: str
) -> None:
    code, text = _run("ikm", "score", str(seed), "--legacy-weight", weight)
    assert (code, text) == (2, "")
    assert capsys.readouterr().err.endswith(f"ppid ikm score: error: {message}\n")


def test_legacy_rounding_options(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--legacy-weight", "1/9", "--legacy-round-nrr", "2", "--legacy-round-index", "2"]
    code, text = _run("ikm", "score", str(seed), *argv, "--json")
    assert code == 0
    data = json.loads(text)
    assert (data["ikm"], data["compliant"]) == (90.75, False)
    assert data["policy"] == (
        "legacy spreadsheet (NOT compliant): weight 0.111111, NRR rounded to 2 dp, "
        "index rounded to 2 dp"
    )
    code, text = _run("ikm", "score", str(seed), "--legacy-round-nrr", "2")
    assert code == 0
    assert text.rstrip().endswith(
        "WARNING: legacy spreadsheet (NOT compliant): NRR rounded to 2 dp"
    )
    assert _run("ikm", "score", str(seed), "--legacy-round-index", "-1")[0] == 2
    assert capsys.readouterr().err.endswith(
        "ppid ikm score: error: argument --legacy-round-index: expected a whole number from 0 "
        "to 10, got '-1'\n"
    )


HEADER = "Layanan,Persyaratan,Prosedur,Waktu,Biaya,Produk,Kompetensi,Perilaku,Sarana,Pengaduan\n"


def test_legacy_value_off_the_table_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ones.csv"
    path.write_text(HEADER + "A,1,1,1,1,1,1,1,1,1\n", encoding="utf-8")
    assert _run("ikm", "score", str(path), "--legacy-weight", "0.11")[0] == 1
    assert capsys.readouterr().err == (
        "ppid: unit (pooled respondents), IKM: converted value 24.75 is outside the interval "
        "table of permenpan_14_2017 (25.00-100.00) under legacy spreadsheet (NOT compliant): "
        "weight 0.11; it cannot be classified\n"
    )


def test_group_with_an_unanswered_unsur_is_reported_undefined(tmp_path: Path) -> None:
    path = tmp_path / "skm.csv"
    path.write_text(
        HEADER + "A,4,4,4,4,4,4,4,4,4\nB,,3,3,3,3,3,3,3,3\nA,3,3,3,3,3,3,3,3,3\n",
        encoding="utf-8",
    )
    argv = ["ikm", "score", str(path), "--missing", "per_unsur", "--by", "Layanan"]
    code, text = _run(*argv)
    assert code == 0
    assert "| B | 1 | - | - | undefined: nobody answered persyaratan |" in text
    assert "| A | 2 | 87.50 | B | Baik |" in text
    data = json.loads(_run(*argv, "--json")[1])
    assert data["by"]["undefined"] == [
        {"value": "B", "respondents": 1, "unanswered": ["persyaratan"]}
    ]
    assert [g["value"] for g in data["by"]["groups"]] == ["A"]
    assert data["by"]["averaged_ikm_not_unit"] == 87.5


def test_population_warning_goes_to_stderr(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run("ikm", "score", str(seed), "--population", "1000", "--json")
    assert code == 0
    assert json.loads(text)["sample"] == {"population": 1000, "required": 278, "adequate": False}
    assert capsys.readouterr().err == (
        "ppid: warning: 150 respondents for a population of 1000; "
        "Krejcie & Morgan require 278 (128 short)\n"
    )


def test_bad_data_exits_1_with_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,5\n", encoding="utf-8")
    mapping = [
        "--map",
        "U1=persyaratan",
        "--map",
        "U2=prosedur",
        "--map",
        "U3=waktu",
        "--map",
        "U4=biaya",
        "--map",
        "U5=produk",
        "--map",
        "U6=kompetensi",
        "--map",
        "U7=perilaku",
        "--map",
        "U8=sarana",
        "--map",
        "U9=pengaduan",
    ]
    code, _ = _run("ikm", "score", str(path), *mapping)
    assert code == 1
    assert capsys.readouterr().err.startswith(
        f"{path}: row 2, column \"U9\": '5' is not an answer; expected a score 1-4"
    )


def test_bad_usage_exits_2(seed: Path) -> None:
    assert _run("ikm", "score", str(seed), "--map", "U1")[0] == 2
    assert _run("ikm", "score", str(seed), "--missing", "guess")[0] == 2
    assert _run("ikm", "sample-size", "0")[0] == 2


def test_unknown_regime_is_bad_usage(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("ikm", "score", str(seed), "--regime", "nope")[0] == 2
    assert capsys.readouterr().err.endswith(
        "ppid ikm score: error: --regime: unknown regime 'nope'; use one of kepmenpan_25_2004, "
        "permenpan_14_2017 or the path of a .yaml file\n"
    )


def test_a_broken_regime_file_is_bad_data(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regime = tmp_path / "r.yaml"
    regime.write_text(
        "key: r\ntitle: R\nunsur:\n  - {key: a, name: Persyaratan, answers: ['4', b, c, d]}\n"
        "bands:\n  - {mutu: A, kinerja: Baik, perception: 4, lower: '25.00', "
        "upper: '1" + "0" * 28 + "'}\n",
        encoding="utf-8",
    )
    assert _run("ikm", "score", str(seed), "--regime", str(regime))[0] == 1
    assert capsys.readouterr().err == (
        f"{regime}:4:43 ($.unsur[0].answers[0]): answer label '4' (score 1) reads as score 4; "
        "a label that is a number must be its own score\n"
        f"{regime}:6:68 ($.bands[0].upper): expected a decimal number of at most 20 digits, "
        "got 29 digits\n"
    )


def test_sample_size() -> None:
    assert json.loads(_run("ikm", "sample-size", "1000", "--json")[1])["sample_size"] == 278
    assert _run("ikm", "sample-size", "125", "--method", "formula")[1] == (
        "Population 125: survey at least 94 respondents (Krejcie & Morgan 1970, formula).\n"
    )


def test_demo_prints_the_seed_table() -> None:
    from ppid_core.cli._cmd_ikm import demo

    out = io.StringIO()
    demo(out)
    text = out.getvalue()
    assert "|  | IKM (weighted NRR) | 3.63 | 90.67 | Sangat Baik |" in text
    assert "| unit (pooled) | 150 | 90.67 | A | Sangat Baik |" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("ikm", "score", "x.csv", "--map", "U8"),
            "--map expects HEADER=UNSUR (e.g. U8=sarana), got 'U8'",
        ),
        (("ikm", "sample-size", "0"), "argument N: expected a whole number >= 1, got '0'"),
        (
            ("ikm", "score", "x.csv", "--population", "0"),
            "argument --population: expected a whole number >= 1, got '0'",
        ),
        (
            ("ikm", "score", "x.csv", "--population", "-5"),
            "argument --population: expected a whole number >= 1, got '-5'",
        ),
        (
            ("ikm", "score", "x.csv", "--population", "1.5"),
            "argument --population: expected a whole number >= 1, got '1.5'",
        ),
        (
            ("ikm", "score", "x.csv", "--population", "9" * 5000),
            "argument --population: expected a whole number >= 1, got '99999999999999999999...'",
        ),
        (
            ("ikm", "score", "x.csv", "--legacy-round-nrr", "11"),
            "argument --legacy-round-nrr: expected a whole number from 0 to 10, got '11'",
        ),
        (
            ("ikm", "sample-size", "many"),
            "argument N: expected a whole number >= 1, got 'many'",
        ),
    ],
)
def test_usage_errors_exit_2(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _run(*argv)
    assert code == 2
    assert capsys.readouterr().err.rstrip().endswith(f"error: {message}")


def test_population_zero_is_bad_usage_not_a_traceback(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("ikm", "score", str(seed), "--population", "0") == (2, "")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.endswith(
        "ppid ikm score: error: argument --population: expected a whole number >= 1, got '0'\n"
    )


def test_unknown_by_column_is_bad_usage(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("ikm", "score", str(seed), "--by", "Kota") == (2, "")
    assert capsys.readouterr().err.endswith(
        f"ppid ikm score: error: no column 'Kota' in {seed} to break down by; columns: No, "
        "Layanan, Jenis Kelamin, Pendidikan, Pekerjaan, Usia, Persyaratan, Prosedur, Waktu, "
        "Biaya, Produk, Kompetensi, Perilaku, Sarana dan Prasarana, Penanganan Pengaduan\n"
    )


def test_by_finds_a_header_with_a_trailing_dot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The reader matched --by Layanan to "Layanan." while the breakdown looked for
    # "Layanan" and told the user to "read the survey with by=['Layanan']".
    path = tmp_path / "dot.csv"
    path.write_text(seed_survey_text().replace("Layanan", "Layanan.", 1), encoding="utf-8")
    code, text = _run("ikm", "score", str(path), "--by", "Layanan", "--json")
    assert code == 0, capsys.readouterr().err
    data = json.loads(text)
    assert data["by"]["column"] == "Layanan."
    assert [g["respondents"] for g in data["by"]["groups"]] == [60, 90]
    assert "by=" not in capsys.readouterr().err


def test_by_a_personal_column_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nama.csv"
    path.write_text(HEADER.rstrip("\n") + ",Nama\nA,4,4,4,4,4,4,4,4,4,Budi\n", encoding="utf-8")
    assert _run("ikm", "score", str(path), "--by", "Nama") == (2, "")
    err = capsys.readouterr().err
    assert "Budi" not in err
    assert err.endswith(
        f"ppid ikm score: error: column 'Nama' of {path} holds personal data; a breakdown by "
        "it would print it for every group: choose a column such as Layanan\n"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"PK\x03\x04rest",
            "1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name",
        ),
        (
            HEADER.encode()
            + "A,4,4,4,4,4,4,4,4,Andr\u00e9\n".encode()
            + b"B,4,4,4,4,4,4,4,4,Jos\xe9\n",
            "3:22: byte 0xE9 is not UTF-8; save the file as CSV UTF-8",
        ),
        (
            HEADER.encode() + b'A,4,4,4,4,4,4,4,4,"' + b"4" * 131_073 + b'"\n',
            " row 2: a cell of more than 131,072 characters, the most a CSV cell may hold (is a "
            "quote left open?); the rest of the file was not read",
        ),
    ],
)
def test_unreadable_files_exit_1_with_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    assert _run("ikm", "score", str(path)) == (1, "")
    assert capsys.readouterr().err == f"{path}:{message}\n"


def test_by_twice_scores_the_combinations(seed: Path) -> None:
    code, text = _run(
        "ikm", "score", str(seed), "--json", "--by", "Layanan", "--by", "jenis kelamin"
    )
    assert code == 0
    by = json.loads(text)["by"]
    assert by["column"] == "Layanan × Jenis Kelamin"
    assert [(g["value"], g["respondents"]) for g in by["groups"]] == [
        ("Konsultasi/ Mediasi × Laki-laki", 30),
        ("Konsultasi/ Mediasi × Perempuan", 30),
        ("Permohonan Informasi × Laki-laki", 60),
        ("Permohonan Informasi × Perempuan", 30),
    ]


def test_an_xlsx_file_without_its_suffix_is_read_by_its_content(tmp_path: Path, seed: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for line in seed_survey_text().splitlines():
        wb.active.append([int(c) if c.isdigit() else c for c in line.split(",")])
    book = tmp_path / "download"
    wb.save(book)
    code, text = _run("ikm", "score", str(book), "--json")
    assert code == 0
    assert json.loads(text)["ikm"] == 90.67


def test_a_regime_file_that_is_missing_is_bad_usage(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("ikm", "score", str(seed), "--regime", "unit.yaml")[0] == 2
    assert capsys.readouterr().err.endswith(
        "ppid ikm score: error: --regime: cannot read 'unit.yaml' (No such file or directory)\n"
    )


def test_the_json_keys_stay(seed: Path) -> None:
    data = json.loads(_run("ikm", "score", str(seed), "--json")[1])
    assert {"respondents", "ikm", "mutu", "kinerja", "unsur"} <= set(data)
    assert {"name", "nrr"} <= set(data["unsur"][0])


def test_sheet_options_on_a_csv_file_are_bad_usage(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for flag in (["--sheet", "SKM"], ["--include-hidden"]):
        assert _run("ikm", "score", str(seed), *flag)[0] == 2
        assert (
            "error: --sheet and --include-hidden apply to .xlsx workbooks only"
            in capsys.readouterr().err
        )


def test_the_sheet_read_is_named_and_hidden_rows_are_read_when_asked(
    tmp_path: Path, seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Lama"
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("SKM 2024")
    for row in csv.reader(seed.read_text(encoding="utf-8").splitlines()):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "survey.xlsx"
    book.save(path)
    assert _run("ikm", "score", str(path), "--json")[0] == 1
    assert capsys.readouterr().err == (
        f'{path}, sheet "SKM 2024": row 3: hidden row with data; unhide and check it (or '
        "delete it), or ask to include hidden rows\n"
    )
    code, text = _run("ikm", "score", str(path), "--include-hidden", "--json")
    assert code == 0
    assert capsys.readouterr().err == f'ppid: read {path}, sheet "SKM 2024"\n'
    assert json.loads(text)["respondents"] == 150
