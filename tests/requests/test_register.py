"""Register import: layout, page breaks, repairs, located errors, XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError
from ppid_core.requests import Column, DecisionKind, load_register


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")


HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email"
)
ROW1 = "1,KPU Provinsi NTT,Layanan Konsultasi/ Mediasi,Data DPT,4 Juni 2024,Ana,085339672120,"


def write(tmp_path: Path, *lines: str, name: str = "register.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_seed_layout(tmp_path: Path, cal: WorkCalendar) -> None:
    reg = load_register(write(tmp_path, HEADER, ROW1), calendar=cal)
    (entry,) = reg.entries
    assert entry.row == 2
    assert entry.received == dt.date(2024, 6, 4)
    assert entry.requester.phone == "085339672120"
    assert not reg.has(Column.RESPONDED)


def test_page_break_header_and_artefact(tmp_path: Path) -> None:
    split = HEADER.replace("Mengurus Layanan Publik", "Mengurus Layanan")
    row7 = ROW1.replace("1,KPU", "7,Publik KPU")
    reg = load_register(write(tmp_path, HEADER, ROW1, "", split, row7))
    assert reg.header_rows == (4,)
    assert reg.blank_rows == (3,)
    assert [e.unit for e in reg.entries] == ["KPU Provinsi NTT", "KPU Provinsi NTT"]
    (repair,) = reg.repairs
    assert (repair.row, repair.original, repair.value) == (
        5,
        "Publik KPU Provinsi NTT",
        "KPU Provinsi NTT",
    )


def test_publik_kept_without_split_header(tmp_path: Path) -> None:
    row = ROW1.replace("1,KPU", "2,Publik KPU")
    reg = load_register(write(tmp_path, HEADER, row))
    assert reg.entries[0].unit == "Publik KPU Provinsi NTT"
    assert reg.repairs == ()


def test_semicolon_csv_and_optional_columns(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Tanggapan,Keputusan,Alasan Penolakan,Catatan"
    row = ROW1 + ",10/06/2024,Ditolak,Pasal 17 huruf h,x"
    path = write(tmp_path, header.replace(",", ";"), row.replace(",", ";"))
    reg = load_register(path)
    (entry,) = reg.entries
    assert entry.responded == dt.date(2024, 6, 10)
    assert entry.decision is DecisionKind.REFUSED
    assert entry.refusal_reason == "Pasal 17 huruf h"
    assert reg.ignored_columns == ("Catatan",)


def test_missing_column(tmp_path: Path) -> None:
    header = HEADER.replace("Tanggal/Bulan/Tahun Mengurus Layanan,", "")
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, header))
    assert info.value.report() == (
        'register.csv: row 1, column "Tanggal/Bulan/Tahun Mengurus Layanan": missing column: '
        "the date each request was received is required (layout kpu reads it under "
        '"Tanggal/Bulan/Tahun Mengurus Layanan"); or name the column that holds it: '
        "--map COLUMN=received"
    )


def test_every_bad_row_reported_together(tmp_path: Path, cal: WorkCalendar) -> None:
    header = HEADER + ",Tanggal Tanggapan,Keputusan"
    lines = [
        header,
        ROW1.replace("4 Juni 2024", "June 4th") + ",,",
        ROW1.replace("4 Juni 2024", "2 Januari 2031") + ",,",
        ROW1.replace("4 Juni 2024", "03/09/24") + ",,",
        # issue 10: an empty name, a response before receipt and an unknown decision do
        # not stop the report (warnings, below)
        ROW1.replace(",Ana,", ",,") + ",1 Juni 2024,diterima penuh",
    ]
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, *lines), calendar=cal)
    assert str(info.value) == "register.csv: 3 errors"
    assert info.value.report().splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": unknown date '
        "format 'J. T.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or "
        "'04/06/2024'",
        'register.csv: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": 2031-01-02: '
        "outside the calendar's coverage (2016-01-01 to 2027-12-31)",
        'register.csv: row 4, column "Tanggal/Bulan/Tahun Mengurus Layanan": ambiguous date '
        "'03/09/24': a numeric date needs a four-digit year (write 03/09/2024 for "
        "day/month/year, or ISO 2024-09-03)",
    ]


def test_optional_cells_that_cannot_be_used_are_warnings(tmp_path: Path, cal: WorkCalendar) -> None:
    # issue 10: an optional cell that cannot be read is reported with its row and column
    # and counted unknown; it does not stop the report
    header = HEADER + ",Tanggal Tanggapan,Keputusan,Tanggal Keberatan"
    lines = [
        header,
        ROW1.replace(",Ana,", ",,") + ",1 Juni 2024,diterima penuh,",
        ROW1 + ",kemarin,Ditolak,2 Januari 2031",
    ]
    reg = load_register(write(tmp_path, *lines), calendar=cal)
    assert [str(w) for w in reg.warnings] == [
        'register.csv: row 2, column "Tanggal Tanggapan": 2024-06-01 is before the request '
        "was received (2024-06-04); read as unknown",
        "register.csv: row 2, column \"Keputusan\": unknown decision 'D. P.' (masked); "
        "expected a word of the decision table, e.g. diterima seluruhnya, diterima sebagian, "
        "ditolak, tidak dikuasai, belum didokumentasikan, or selesai (answered, decision not "
        "stated); read as unknown",
        "register.csv: row 3, column \"Tanggal Tanggapan\": unknown date format 'K.' (masked); "
        "expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or '04/06/2024'; read as "
        "unknown",
        'register.csv: row 3, column "Tanggal Keberatan": 2031-01-02: outside the calendar\'s '
        "coverage (2016-01-01 to 2027-12-31); read as unknown",
    ]
    assert [(w.row, w.field) for w in reg.warnings] == [
        (2, "responded"),
        (2, "decision"),
        (3, "responded"),
        (3, "keberatan"),
    ]
    assert reg.names == ("", "Ana")
    assert reg.responded == (None, None)
    assert reg.keberatan_on == (None, None)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_register(path)
    assert info.value.report() == "empty.csv: row 1: empty file; expected a header row"


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append([1, "KPU Provinsi NTT", "Layanan Konsultasi/ Mediasi", "Data DPT",
                  dt.date(2024, 9, 3), "Fidelis", "081317161339", None])  # fmt: skip
    sheet.append([2, "KPU Provinsi NTT", "Layanan Konsultasi/ Mediasi", "Data TPS",
                  "07 Oktober 2024", "Bobby", None, "b@example.org"])  # fmt: skip
    path = tmp_path / "register.xlsx"
    book.save(path)
    reg = load_register(path)
    assert [e.received for e in reg.entries] == [dt.date(2024, 9, 3), dt.date(2024, 10, 7)]
    assert reg.entries[0].number == "1"
    assert reg.entries[1].requester.email == "b@example.org"


def test_every_optional_column_checked_after_an_error(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Tanggapan,Tanggal Keberatan,Tanggal Sengketa"
    lines = [
        header,
        # an error in the date received, and a warning in this row's own Tanggal Sengketa
        ROW1.replace("4 Juni 2024", "") + ",,,kemarin",
        ROW1 + ",,,",
        # a later row: its Tanggal Keberatan is still read and reported
        ROW1 + ",,31 Juni 2024,",
    ]
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, *lines))
    assert info.value.report().splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
    ]
    # the optional cells were read all the same: without the error they are the warnings
    lines[1] = ROW1 + ",,,kemarin"
    assert [str(w) for w in load_register(write(tmp_path, *lines)).warnings] == [
        "register.csv: row 2, column \"Tanggal Sengketa\": unknown date format 'K.' (masked); "
        "expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or '04/06/2024'; read as "
        "unknown",
        "register.csv: row 4, column \"Tanggal Keberatan\": '31 Juni 2024' is not a valid "
        "date (day is out of range for month); read as unknown",
    ]


def test_errors_found_across_chunks(tmp_path: Path) -> None:
    # the first error in row 2; a bad date received 300 rows later, in a chunk that the
    # column-wise reading hands to the row-by-row one
    lines = [HEADER, ROW1.replace("4 Juni 2024", "")]
    lines += [ROW1] * 300 + [ROW1.replace("4 Juni 2024", "2024-13-01")]
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, *lines))
    assert [line.split(":")[1] for line in info.value.report().splitlines()] == [
        ' row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan"',
        ' row 303, column "Tanggal/Bulan/Tahun Mengurus Layanan"',
    ]


def test_warnings_found_across_chunks(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Keberatan"
    lines = [header, ROW1 + ",kemarin"] + [ROW1 + ","] * 300 + [ROW1 + ",2024-13-01"]
    reg = load_register(write(tmp_path, *lines))
    assert [(w.row, w.column) for w in reg.warnings] == [
        (2, "Tanggal Keberatan"),
        (303, "Tanggal Keberatan"),
    ]
    assert len(reg) == 302


def test_cells_beyond_the_header(tmp_path: Path) -> None:
    long_row = ROW1.replace(",Ana,085339672120,", ",Budi,085339672120,,EXTRA CELL")
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, HEADER, ROW1, long_row))
    assert info.value.report() == (
        "register.csv: row 3: 9 cells; the header has 8 (cell 9, 'E. C.' (masked), is under no "
        "column); a comma inside a cell (a degree after a name: 'Nama, S.T.') splits the cell "
        "and shifts the cells after it: put such a cell in double quotes"
    )


def test_trailing_empty_cells_ignored(tmp_path: Path) -> None:
    reg = load_register(write(tmp_path, HEADER, ROW1 + ",,,", ROW1.replace("1,", "2,", 1)))
    assert [e.number for e in reg.entries] == ["1", "2"]


def test_extension_before_receipt(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Perpanjangan"
    reg = load_register(write(tmp_path, header, ROW1 + ",1 Juni 2024"))
    assert [str(w) for w in reg.warnings] == [
        'register.csv: row 2, column "Tanggal Perpanjangan": 2024-06-01 is before the '
        "request was received (2024-06-04); read as unknown"
    ]
    assert reg.extended_on == (None,)


def test_empty_date_and_response_before_receipt(tmp_path: Path, cal: WorkCalendar) -> None:
    path = write(
        tmp_path,
        HEADER + ",Tanggal Tanggapan",
        "1,KPU,Konsultasi,Data,,Ana,,,",
        "2,KPU,Konsultasi,Data,4 Juni 2024,Ana,,,3 Juni 2024",
    )
    with pytest.raises(DataFileError) as exc:
        load_register(path, calendar=cal)
    assert exc.value.report().splitlines() == [
        f'{path.name}: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "empty; expected a date",
    ]


# -- issue 9: nothing silently lost -------------------------------------------------------


def test_column_named_twice_is_reported(tmp_path: Path) -> None:
    # issue 9: a second column with a known header was ignored, not checked, not listed
    header = HEADER + ",Tanggal Perpanjangan,Email,Tgl Perpanjangan"
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, header, ROW1 + ",,b@example.org,"))
    assert info.value.report().splitlines() == [
        'register.csv: row 1, column "Email": columns 8 ("Email") and 10 ("Email") both name '
        "the field email (the requester's e-mail address); expected one column per field: "
        "delete or rename one, or choose one: --map COLUMN=email",
        'register.csv: row 1, column "Tanggal Perpanjangan": columns 9 ("Tanggal '
        'Perpanjangan") and 11 ("Tgl Perpanjangan") both name the field extended (the date of '
        "the written extension notice); expected one column per field: delete or rename one, "
        "or choose one: --map COLUMN=extended",
    ]


def test_column_named_three_times_and_row_errors_reported_together(tmp_path: Path) -> None:
    header = "No," + HEADER.removeprefix("No,") + ",No,No"
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, header, ROW1.replace("4 Juni", "40 Juni") + ",1,1"))
    assert info.value.report().splitlines() == [
        'register.csv: row 1, column "No": columns 1 ("No"), 9 ("No") and 10 ("No") all name '
        "the field number (the register number); expected one column per field: delete or "
        "rename all but one, or choose one: --map COLUMN=number",
        "register.csv: row 2, column \"Tanggal/Bulan/Tahun Mengurus Layanan\": '40 Juni 2024' "
        "is not a valid date (day is out of range for month)",
    ]


def test_a_request_numbered_No_is_read_not_dropped(tmp_path: Path) -> None:
    # issue 9: a data row whose No cell reads "No" was dropped as a repeated header
    row = ROW1.replace("1,KPU", "No,KPU", 1)
    reg = load_register(write(tmp_path, HEADER, row, ROW1.replace("1,", "2,", 1)))
    assert [e.number for e in reg.entries] == ["No", "2"]
    assert reg.header_rows == ()


def test_only_a_full_repeat_of_the_header_is_a_header_row(tmp_path: Path) -> None:
    # the known cells must all name their columns; a half-written header row is a bad row
    half = "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,,,,,"
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, HEADER, ROW1, HEADER, half))
    assert info.value.report().splitlines() == [
        'register.csv: row 4, column "Tanggal/Bulan/Tahun Mengurus Layanan": empty; expected '
        "a date",
    ]


def test_repeated_header_matches_blanks_and_aliases_as_the_header_does(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Perpanjangan,Catatan"
    again = HEADER.replace("Jenis Layanan", "Jenis  Layanan ") + ",Tgl Perpanjangan,anything"
    reg = load_register(write(tmp_path, header, ROW1 + ",,", again, ROW1 + ",,x"))
    assert reg.header_rows == (3,)
    assert len(reg) == 2


def test_cell_under_an_empty_header_is_reported(tmp_path: Path) -> None:
    header = HEADER + ",,Tanggal Tanggapan"
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, header, ROW1 + ",,", ROW1 + ",085339672120,"))
    assert info.value.report() == (
        "register.csv: row 3: cell 9, '********2120' (masked), is under a column with no "
        "header; expected it empty, or a header naming its column"
    )


def test_a_row_with_cells_beyond_the_header_only_is_not_blank(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, HEADER, ROW1, ",,,,,,,,,Budi"))
    assert info.value.report().splitlines()[0] == (
        "register.csv: row 3: 10 cells; the header has 8 (cell 10, 'B.' (masked), is under no "
        "column); a comma inside a cell (a degree after a name: 'Nama, S.T.') splits the cell "
        "and shifts the cells after it: put such a cell in double quotes"
    )


# -- issue 9: personal data stays out of messages ------------------------------------------


def test_degree_after_a_comma_message_masks_the_email(tmp_path: Path) -> None:
    # issue 9: "Budi Santoso, S.T." shifts the row; the message printed the e-mail
    row = "1,KPU,Konsultasi,Data,4 Juni 2024,Budi Santoso, S.T.,085339672120,budi@example.org"
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, HEADER, row))
    assert info.value.report() == (
        "register.csv: row 2: 9 cells; the header has 8 (cell 9, 'b***@example.org' (masked), "
        "is under no column); a comma inside a cell (a degree after a name: 'Nama, S.T.') "
        "splits the cell and shifts the cells after it: put such a cell in double quotes"
    )


def test_quoted_degree_is_read_whole(tmp_path: Path) -> None:
    row = '1,KPU,Konsultasi,Data,4 Juni 2024,"Budi Santoso, S.T.",085339672120,budi@example.org'
    (entry,) = load_register(write(tmp_path, HEADER, row)).entries
    assert entry.requester.name == "Budi Santoso, S.T."


def test_phone_in_a_date_column_is_masked(tmp_path: Path) -> None:
    # issue 9: a phone number in a date column was echoed in "unknown date format"
    header = HEADER + ",Tanggal Tanggapan,Keputusan"
    lines = [header, ROW1.replace("4 Juni 2024", "085339672120") + ",ana@example.org,Ana Kolin"]
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, *lines))
    report = info.value.report()
    assert report.splitlines() == [
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": unknown date '
        "format '********2120' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'",
    ]
    lines = [header, ROW1 + ",ana@example.org,Ana Kolin"]
    warnings = "\n".join(map(str, load_register(write(tmp_path, *lines)).warnings))
    assert warnings.splitlines() == [
        'register.csv: row 2, column "Tanggal Tanggapan": unknown date format '
        "'a***@example.org' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' "
        "or '04/06/2024'; read as unknown",
        "register.csv: row 2, column \"Keputusan\": unknown decision 'A. K.' (masked); expected "
        "a word of the decision table, e.g. diterima seluruhnya, diterima sebagian, ditolak, "
        "tidak dikuasai, belum didokumentasikan, or selesai (answered, decision not stated); "
        "read as unknown",
    ]
    for secret in ("085339672120", "39672", "ana@", "Ana Kolin", "ana kolin"):
        assert secret not in report
        assert secret not in warnings


# -- issue 9: a time of day is kept ---------------------------------------------------------


def test_received_time_of_day_is_kept(tmp_path: Path) -> None:
    header = HEADER + ",Tanggal Tanggapan"
    lines = [
        header,
        ROW1.replace("4 Juni 2024", "2024-06-04 23:30") + ",2024-06-05 08:00",
        ROW1.replace("1,", "2,", 1) + ",",
    ]
    reg = load_register(write(tmp_path, *lines))
    assert reg.received == (dt.date(2024, 6, 4), dt.date(2024, 6, 4))
    assert reg.received_times == (dt.time(23, 30), None)
    assert reg.entries[0].received_time == dt.time(23, 30)
    assert reg.responded == (dt.date(2024, 6, 5), None)  # only the day counts for a notice


def test_bad_time_of_day_is_located(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_register(write(tmp_path, HEADER, ROW1.replace("4 Juni 2024", "2024-06-04 25:30")))
    assert info.value.report() == (
        'register.csv: row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "'2024-06-04 25:30': no such time of day; expected HH:MM from 00:00 to 23:59"
    )


# -- issue 9: programming errors are named as such -------------------------------------------


def test_cells_that_are_not_text_are_a_type_error() -> None:
    from ppid_core.requests import Register

    header = HEADER.split(",")
    row: list[object] = list(ROW1.split(","))
    row[0] = 1
    with pytest.raises(TypeError) as info:
        Register.from_rows([header, row], source="r")  # type: ignore[list-item]
    assert str(info.value) == (
        "r: row 2, cell 1 is int; register cells are str, as a CSV reader gives them"
    )


def test_hand_built_register_with_columns_of_different_lengths(tmp_path: Path) -> None:
    import attrs

    from ppid_core.errors import InvalidArgumentError

    reg = load_register(write(tmp_path, HEADER, ROW1))
    with pytest.raises(InvalidArgumentError) as info:
        attrs.evolve(reg, units=())
    assert str(info.value) == (
        "register.csv: units has 0 values for 1 rows; every column has one value per row"
    )


# -- XLSX: the sheet read, hidden sheets, a date cell with a time --------------------------


def _book(tmp_path: Path, *, hidden_first: bool = False) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    draft = book.active
    draft.title = "Draft"
    draft.append(HEADER.split(","))
    draft.append(["1", "KPU", "Konsultasi", "Data", "bukan tanggal", "Ana", None, None])
    if hidden_first:
        draft.sheet_state = "hidden"
    sheet = book.create_sheet("2024")
    sheet.append(HEADER.split(","))
    # a spreadsheet's datetime is naive: the office's local time
    sheet.append([1, "KPU Provinsi NTT", "Layanan Konsultasi/ Mediasi", "Data DPT",
                  dt.datetime(2024, 6, 4, 23, 30), "Fidelis", "081317161339", None])  # noqa: DTZ001 # fmt: skip
    path = tmp_path / "register.xlsx"
    book.save(path)
    return path


def test_xlsx_hidden_first_sheet_passed_over_and_named(tmp_path: Path) -> None:
    from ppid_core.requests import service_report

    reg = load_register(_book(tmp_path, hidden_first=True))
    assert reg.source == 'register.xlsx, sheet "2024"'
    assert reg.hidden_sheets == ("Draft",)
    (entry,) = reg.entries
    # issue 9: the time of an XLSX date cell was cut off; it decides the receipt date
    assert (entry.received, entry.received_time) == (dt.date(2024, 6, 4), dt.time(23, 30))
    cal = WorkCalendar.indonesia(zone="WITA")
    notes = service_report(reg, cal, as_of=dt.date(2024, 7, 1)).notes
    assert notes[0] == 'register.xlsx, sheet "2024": read with layout kpu; header: row 1'
    assert 'hidden sheets passed over: "Draft"; read: register.xlsx, sheet "2024"' in notes


def test_xlsx_sheet_named(tmp_path: Path) -> None:
    path = _book(tmp_path)
    assert load_register(path, sheet="2024").entries[0].number == "1"
    with pytest.raises(DataFileError) as info:
        load_register(path, sheet="Draft")
    assert info.value.report() == (
        'register.xlsx, sheet "Draft": row 2, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "unknown date format 'B. T.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', "
        "'2024-06-04' or '04/06/2024'"
    )


def test_sheet_asked_of_a_csv_file(tmp_path: Path) -> None:
    from ppid_core.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as info:
        load_register(write(tmp_path, HEADER, ROW1), sheet="2024")
    assert str(info.value) == (
        "register.csv: sheet '2024' asked for, but a CSV file has no sheets (only .xlsx has)"
    )


def test_xlsx_sheet_problems_and_register_errors_in_one_report(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet.append(HEADER.split(","))
    sheet.append([1, "KPU", '=A1&"x"', "Data", "4 Juni 2024", "Ana", None, None])  # no value
    sheet.append([2, "KPU", "Konsultasi", "Data", "kemarin", "Ana", None, None])
    sheet.append([3, "KPU", "Konsultasi", "Data", "4 Juni 2024", "Budi", None, None])
    sheet.row_dimensions[4].hidden = True
    path = tmp_path / "register.xlsx"
    book.save(path)
    where = 'register.xlsx, sheet "2024"'
    formula = (
        f'{where}: row 2, column "Jenis Layanan": formula without a saved value; open the file '
        "in Excel and save it"
    )
    date = (
        f'{where}: row 3, column "Tanggal/Bulan/Tahun Mengurus Layanan": unknown date format '
        "'K.' (masked); expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or '04/06/2024'"
    )
    with pytest.raises(DataFileError) as info:
        load_register(path)
    lines = info.value.report().splitlines()
    assert lines[:2] == [formula, date]
    assert lines[2].startswith(f"{where}: row 4: hidden row")  # the sheet reader's words
    assert len(lines) == 3
    with pytest.raises(DataFileError) as info:
        load_register(path, include_hidden=True)
    assert info.value.report().splitlines() == [formula, date]


# -- issue 11: a path, bytes or a file object; CSV or XLSX by name or by content -----------


def test_bytes_are_sniffed_a_name_decides_and_format_overrides(tmp_path: Path) -> None:
    import io

    workbook = _book(tmp_path, hidden_first=True).read_bytes()
    csv_data = f"{HEADER}\n{ROW1}\n".encode()
    assert load_register(workbook).source == '<bytes>, sheet "2024"'  # PK: a workbook
    assert load_register(io.BytesIO(csv_data)).numbers == ("1",)  # anything else: CSV
    assert load_register(workbook, sheet="2024", source="r.xlsx").source == 'r.xlsx, sheet "2024"'
    with pytest.raises(DataFileError) as info:  # the name says CSV: read as CSV, and refused
        load_register(workbook, source="register.csv")
    assert info.value.report() == (
        "register.csv:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its "
        ".xlsx name"
    )
    assert load_register(workbook, source="register.csv", format="xlsx", sheet="2024")
    assert load_register(write(tmp_path, HEADER, ROW1, name="r.txt")).numbers == ("1",)


def test_unknown_format_and_a_sheet_of_csv_bytes() -> None:
    from ppid_core.errors import InvalidArgumentError, UnknownNameError

    csv_data = f"{HEADER}\n{ROW1}\n".encode()
    with pytest.raises(InvalidArgumentError) as info:
        load_register(csv_data, format="xls")
    assert str(info.value) == "unknown register format 'xls'; expected one of: csv, xlsx"
    with pytest.raises(UnknownNameError) as name_info:
        load_register(csv_data, sheet="2024")
    assert str(name_info.value) == (
        "<bytes>: sheet '2024' asked for, but a CSV file has no sheets (only .xlsx has)"
    )


def test_csv_text_parses_like_the_file(tmp_path: Path, cal: WorkCalendar) -> None:
    from ppid_core.requests import parse_register

    path = write(tmp_path, HEADER, ROW1)
    text = path.read_text(encoding="utf-8")
    from_file = load_register(path, calendar=cal)
    assert parse_register(text, source="register.csv", calendar=cal) == from_file
    assert parse_register("\ufeff" + text, source="register.csv") == from_file  # a BOM
    with pytest.raises(DataFileError) as info:
        parse_register(text.replace("Tanggal/Bulan/Tahun Mengurus Layanan", "Tanggal Masuk"))
    assert info.value.report().startswith(
        '<string>: row 1, column "Tanggal/Bulan/Tahun Mengurus Layanan": missing column: '
    )


def test_format_xlsx_reads_a_workbook_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_bytes(_book(tmp_path, hidden_first=True).read_bytes())
    assert load_register(path, format="xlsx").source == 'export.dat, sheet "2024"'
