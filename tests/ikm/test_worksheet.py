"""The IKM worksheet: the grid, every step of the sum, the legend, the profile; XLSX and HTML."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ppid_core.errors import InvalidArgumentError
from ppid_core.examples.ikm import read_seed_survey
from ppid_core.ikm import IkmWorksheet, ScoringPolicy, read_survey
from ppid_core.ikm import _worksheet as worksheet_module
from ppid_core.ikm import _worksheet_xlsx as worksheet_xlsx
from tests.ikm._codes import UNSUR_CODES as CODES

HEADER: list[object] = ["No", "Nama", "Jenis Kelamin", *CODES]
ROWS: list[list[object]] = [
    [7, "Arieston Dappa, S.T.", "L", 4, 4, 3, 4, 3, 4, 4, 3, 3],
    [8, "Maria Goreti", "P", 3, 3, 3, 2, 3, 3, 3, 4, 4],
    [9, "Drs. Falentinus Bhalu", "L", 4, 3, "", 4, 4, 4, 4, 4, 2],
]
NAMES = [str(r[1]) for r in ROWS]


def _small() -> IkmWorksheet:
    survey = read_survey([HEADER, *ROWS], missing="per_unsur", source_name="skm.csv")
    return IkmWorksheet.from_survey(survey, names=NAMES)


@pytest.fixture(scope="module")
def seed() -> IkmWorksheet:
    return IkmWorksheet.from_survey(read_seed_survey())


# -- the figures -----------------------------------------------------------------------------


def test_processing_rows_follow_the_official_worksheet(seed: IkmWorksheet) -> None:
    table = seed.processing_table()
    assert table.columns == ("Keterangan", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Unsur"][7:] == ("Sarana dan Prasarana", "Penanganan Pengaduan, Saran dan Masukan")
    assert rows["Σ nilai per unsur"] == (549, 555, 523, 600, 503, 553, 553, 523, 537)
    assert rows["Kuesioner terisi"] == (150,) * 9
    assert rows["NRR = Σ nilai / kuesioner terisi"][:3] == (
        Decimal("3.66"),
        Decimal("3.70"),
        Decimal("3.49"),
    )
    assert rows["NRR, nilai eksak"][:3] == ("183/50", "37/10", "523/150")
    assert rows["Bobot (eksak)"] == ("1/9",) * 9
    # 549/150 x 1/9 = 0.406666... -> 0.4067; 600/150 x 1/9 = 0.4444...
    assert rows["NRR tertimbang = NRR × bobot"][0] == Decimal("0.4067")
    assert rows["NRR tertimbang = NRR × bobot"][3] == Decimal("0.4444")
    assert rows["NRR tertimbang, nilai eksak"][:2] == ("61/150", "37/90")
    assert rows["NRR × 25 (nilai interval konversi)"][2] == Decimal("87.17")
    assert rows["Mutu per unsur"] == ("A", "A", "B", "A", "B", "A", "A", "B", "A")


def test_result_and_legend(seed: IkmWorksheet) -> None:
    assert seed.result_table().rows == (
        ("Jumlah responden", 150, None),
        ("Σ NRR tertimbang (nilai indeks)", Decimal("3.63"), "272/75"),
        ("IKM = Σ NRR tertimbang × 25", Decimal("90.67"), "272/3"),
        ("Mutu pelayanan", "A", None),
        ("Kinerja unit pelayanan", "Sangat Baik", None),
    )
    assert seed.legend_table().rows == (
        (
            1,
            Decimal("1.00"),
            Decimal("2.5996"),
            Decimal("25.00"),
            Decimal("64.99"),
            "D",
            "Tidak Baik",
        ),
        (
            2,
            Decimal("2.60"),
            Decimal("3.064"),
            Decimal("65.00"),
            Decimal("76.60"),
            "C",
            "Kurang Baik",
        ),
        (3, Decimal("3.0644"), Decimal("3.532"), Decimal("76.61"), Decimal("88.30"), "B", "Baik"),
        (
            4,
            Decimal("3.5324"),
            Decimal("4.00"),
            Decimal("88.31"),
            Decimal("100.00"),
            "A",
            "Sangat Baik",
        ),
    )


def test_the_weight_note_names_the_printed_roundings(seed: IkmWorksheet) -> None:
    assert seed.notes()[0] == (
        "Bobot tiap unsur 1/9 dihitung eksak (0,1111…); pedoman dan lembar kerja mencetaknya "
        "dibulatkan (0,11 atau 0,111), dan dengan bobot yang dibulatkan jumlah bobot tidak lagi 1."
    )


def test_a_legacy_policy_is_flagged() -> None:
    sheet = IkmWorksheet.from_survey(
        read_seed_survey(), policy=ScoringPolicy.legacy_spreadsheet(weight="0.111")
    )
    assert sheet.notes()[0] == "PERHATIAN: legacy spreadsheet (NOT compliant): weight 0.111"
    assert sheet.processing_table().rows[5][1:] == ("111/1000",) * 9


def test_profile_counts_and_shares(seed: IkmWorksheet) -> None:
    tables = {t.columns[0]: t for t in seed.profile_tables()}
    assert list(tables) == ["Jenis Layanan", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Usia"]
    assert tables["Jenis Kelamin"].rows == (
        ("Laki-laki", 90, Decimal("60.00")),
        ("Perempuan", 60, Decimal("40.00")),
        ("Jumlah", 150, Decimal("100.00")),
    )
    assert tables["Pekerjaan"].rows[0] == ("Jurnalis", 25, Decimal("16.67"))
    assert [r[0] for r in tables["Usia"].rows] == [
        "< 20", "20-29", "30-39", "40-49", "50-59", ">= 60", "Jumlah",
    ]  # fmt: skip


def test_the_grid_keeps_the_files_numbers_blanks_and_masks_names() -> None:
    sheet = _small()
    assert sheet.grid_columns() == ("No", "Nama", *CODES)
    assert list(sheet.grid_rows()) == [
        (7, "A. D.", 4, 4, 3, 4, 3, 4, 4, 3, 3),
        (8, "M. G.", 3, 3, 3, 2, 3, 3, 3, 4, 4),
        (9, "F. B.", 4, 3, None, 4, 4, 4, 4, 4, 2),
    ]
    assert list(sheet.grid_rows(1, start=2)) == [(9, "F. B.", 4, 3, None, 4, 4, 4, 4, 4, 2)]
    footer = sheet.grid_footer()
    assert footer[0] == ("Σ nilai per unsur", None, 11, 10, 6, 10, 10, 11, 11, 11, 9)
    assert footer[1][4] == 2  # U3: two questionnaires answered it
    assert footer[2][4] == Decimal("3.00")


def test_names_can_be_shown_as_written() -> None:
    survey = read_survey([HEADER, *ROWS], missing="per_unsur")
    sheet = IkmWorksheet.from_survey(survey, names=NAMES, unmask=True)
    assert [r[1] for r in sheet.grid_rows()] == NAMES


def test_names_must_match_the_respondents() -> None:
    survey = read_survey([HEADER, *ROWS], missing="per_unsur")
    with pytest.raises(
        InvalidArgumentError,
        match=r"^names: 2 names for 3 respondents; give one per respondent$",
    ):
        IkmWorksheet.from_survey(survey, names=NAMES[:2])


def test_the_protocol(seed: IkmWorksheet) -> None:
    assert repr(seed) == "<IkmWorksheet kpu_ntt_2024_skm.csv: IKM 90.67 (A), 150 responden>"
    data = seed.to_dict()
    assert (data["ikm"], data["ikm_exact"], data["index"], data["index_exact"]) == (
        90.67,
        "272/3",
        3.6267,
        "272/75",
    )
    assert data["unsur"][7] == {
        "code": "U8",
        "key": "sarana",
        "name": "Sarana dan Prasarana",
        "total": 523,
        "answered": 150,
        "nrr": 3.49,
        "nrr_exact": "523/150",
        "weight": "1/9",
        "weighted": 0.3874,
        "weighted_exact": "523/1350",
        "converted": 87.17,
        "mutu": "B",
    }
    assert data["grid"] == {"rows": 150, "names": None}
    assert data["profile"]["Jenis Kelamin"][0] == {"value": "Laki-laki", "respondents": 90}
    grid = seed.tables()[-1]
    assert grid.title == "Data per responden"
    assert len(grid.rows) == 150


def test_the_grid_in_tables_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worksheet_module, "GRID_TABLE_ROWS", 2)
    sheet = IkmWorksheet.from_survey(read_seed_survey())
    assert sheet.grid_table(2).title == "Data per responden (2 pertama dari 150)"
    assert len(sheet.grid_table(2).rows) == 2


def test_a_survey_without_answers_per_respondent_says_so() -> None:
    # only unsur columns: the reader keeps no answers per respondent
    survey = read_survey([HEADER[3:], *(r[3:] for r in ROWS)], missing="per_unsur")
    sheet = IkmWorksheet.from_survey(survey)
    if sheet.has_grid:
        pytest.skip("the survey reader keeps every respondent's answers now")
    assert sheet.grid_table().title == (
        "Data per responden (tidak tersedia: jawaban per responden tidak disimpan)"
    )
    assert sheet.notes()[-1].startswith("Jawaban per responden tidak tersedia")


# -- the workbook ----------------------------------------------------------------------------


def _workbook(sheet: IkmWorksheet) -> Any:
    openpyxl = pytest.importorskip("openpyxl")
    buf = io.BytesIO()
    sheet.to_xlsx(buf)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue()))


def test_the_workbook_holds_values_read_back_exactly(seed: IkmWorksheet) -> None:
    book = _workbook(seed)
    assert book.sheetnames == ["Pengolahan", "Hasil", "Profil responden"]
    grid = book["Pengolahan"]
    assert grid.freeze_panes == "A4"
    assert grid.page_setup.orientation == "landscape"
    assert [c.value for c in grid[3]] == ["No", *CODES]
    assert grid["A3"].font.b
    assert [c.value for c in grid[4]] == [1, 4, 4, 4, 4, 3, 4, 4, 3, 3]
    assert [c.value for c in grid[153]] == [150, 3, 4, 4, 4, 3, 4, 4, 3, 3]
    assert all(c.data_type == "n" for c in grid[153])
    assert [c.value for c in grid[154]] == [
        "Σ nilai per unsur",
        549,
        555,
        523,
        600,
        503,
        553,
        553,
        523,
        537,
    ]
    assert [c.value for c in grid[156]][:4] == ["NRR per unsur", 3.66, 3.7, 3.49]
    assert grid["B156"].number_format == "0.00"
    assert [c.value for c in grid[157]][:2] == ["NRR tertimbang", 0.4067]
    assert grid["B157"].number_format == "0.0000"
    assert [c.value for c in grid[158]][:2] == ["Σ NRR tertimbang", 3.6267]
    assert [c.value for c in grid[159]][:2] == ["IKM (× 25)", 90.67]
    assert grid.max_row == 159
    hasil = {row[0]: row[1:] for row in book["Hasil"].iter_rows(values_only=True) if row[0]}
    assert hasil["IKM = Σ NRR tertimbang × 25"][:2] == (90.67, "272/3")
    assert hasil["Mutu pelayanan"][0] == "A"
    assert hasil["Nilai Persepsi"][:3] == ("NI dari", "NI sampai", "NIK dari")
    assert hasil[4][:6] == (3.5324, 4, 88.31, 100, "A", "Sangat Baik")
    profile = list(book["Profil responden"].iter_rows(values_only=True))
    assert ("Laki-laki", 90, 60) in profile


def test_the_workbook_masks_names() -> None:
    grid = _workbook(_small())["Pengolahan"]
    assert [c.value for c in grid[4]][:3] == [7, "A. D.", 4]
    assert grid["E6"].value is None  # U3 of respondent 9 left blank


def test_a_long_grid_goes_over_several_sheets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worksheet_xlsx, "GRID_SHEET_ROWS", 60)
    book = _workbook(IkmWorksheet.from_survey(read_seed_survey()))
    assert book.sheetnames[:3] == ["Pengolahan 1", "Pengolahan 2", "Pengolahan 3"]
    assert [book[f"Pengolahan {i}"]["A4"].value for i in (1, 2, 3)] == [1, 61, 121]
    assert book["Pengolahan 3"]["A33"].value == 150
    assert book["Pengolahan 3"]["A34"].value == "Σ nilai per unsur"
    assert book["Pengolahan 1"].max_row == 63


# -- the page --------------------------------------------------------------------------------


def test_the_page_has_the_legend_the_figures_and_masked_names() -> None:
    page = _small().to_html()
    assert page.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "@page { size: A4 landscape; margin: 12mm; }" in page
    assert "Tabel nilai persepsi, interval (NI), interval konversi (NIK), mutu dan kinerja" in page
    assert "<td class='n'>88,31</td><td class='n'>100,00</td><td>A</td><td>Sangat Baik</td>" in page
    assert "<td class='n'>2,5996</td>" in page
    assert "<td>A. D.</td>" in page
    assert "<td>M. G.</td>" in page
    assert "Arieston" not in page
    assert "Goreti" not in page
    assert "<script" not in page
    assert "http" not in page  # nothing fetched
    assert page.count("<section") == 3


def test_the_page_lists_at_most_n_respondents(seed: IkmWorksheet) -> None:
    page = seed.to_html(max_rows=2)
    grid = page[page.index("<section id='data'>") :]
    assert grid.count("<tr><td class='n'>") == 2  # two respondents, then the sums
    assert (
        "Ditampilkan 2 dari 150 responden; lembar kerja Excel (--output X.xlsx) memuat semuanya."
        in page
    )
    assert "<td>Σ nilai per unsur</td>" in page


def test_text_from_the_file_is_escaped() -> None:
    survey = read_survey([HEADER, *ROWS], missing="per_unsur", source_name="<b>skm</b>.csv")
    page = IkmWorksheet.from_survey(survey).to_html()
    assert "&lt;b&gt;skm&lt;/b&gt;.csv" in page
    assert "<b>skm" not in page


CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_worksheet_html.py"


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (apt-get install -y chromium); this optional "
    "check prints the page to PDF in a real browser",
)
def test_the_page_prints_in_chromium(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--keep", str(tmp_path), "--chromium", str(CHROMIUM)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "ok"
    assert (tmp_path / "worksheet.pdf").read_bytes().startswith(b"%PDF")
