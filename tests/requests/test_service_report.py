"""The service report: figures, unknowns, renderings."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.requests import Masking, NameMasking, Register, load_register, service_report


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The national calendar, cuti bersama non-working, office in Kupang (WITA)."""
    return WorkCalendar.indonesia(cuti_bersama=True, zone="WITA")


HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email,"
    "Tanggal Tanggapan,Keputusan,Alasan Penolakan,Tanggal Keberatan,Tanggal Sengketa"
)
ROWS = [
    # received Thu 2025-03-27; answered on its 10th working day (cuti bersama counted off)
    "1,KPU,Konsultasi,Data DPT,2025-03-27,Ana Kolin,085339672120,,2025-04-22,"
    "diterima seluruhnya,,,",
    # answered after 11 working days, refused, keberatan and sengketa
    "2,KPU,Konsultasi,Data SK,2025-03-27,Budi,081338341242,,2025-04-23,ditolak,"
    "Pasal 17 huruf h,2025-04-25,2025-06-30",
    # answered on a Saturday, the day it was received: 0 working days
    "3,KPU,Permohonan,Hasil Pemilu,2025-04-12,Citra,,,2025-04-12,diterima sebagian,"
    "Pasal 17 huruf h,,",
    # never answered
    "4,KPU,Permohonan,Data TPS,2025-04-14,Drs. Dedi Lado,,,,,,,",
]


def report_for(tmp_path: Path, cal: WorkCalendar, **kw: object) -> dict[str, object]:
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    rep = service_report(load_register(path, calendar=cal), cal, as_of=dt.date(2025, 6, 2), **kw)  # type: ignore[arg-type]
    return rep.to_dict()


def test_figures(tmp_path: Path, cal: WorkCalendar) -> None:
    data = report_for(tmp_path, cal)
    assert data["total"] == 4
    assert data["by_month"] == {"2025-03": 2, "2025-04": 2}
    assert data["response_times"] == {
        "recorded": 3,
        "missing": 1,
        "mean": 7.0,
        "median": 10.0,
        "max": 11,
        "within_10_percent": 66.67,
        "within_17_percent": 100.0,
    }
    assert data["decisions"] == {
        "diterima seluruhnya": 1,
        "ditolak": 1,
        "diterima sebagian": 1,
        "tidak dicatat": 1,
    }
    assert data["refusal_reasons"] == {"Pasal 17 huruf h": 2}
    assert data["keberatan"] == 1
    assert data["sengketa"] == 1
    overdue_list = data["overdue"]
    assert isinstance(overdue_list, list)
    (overdue,) = overdue_list
    assert overdue["number"] == "4"
    assert overdue["requester"] == "D. L."
    # no extension recorded: the response period of Pasal 22 ayat (7) applies, not 10 + 7
    assert overdue["due"] == cal.add_working_days(dt.date(2025, 4, 14), 10).isoformat()
    assert overdue["limit"] == 10
    assert overdue["extended_on"] is None
    assert overdue["citation"] == "UU 14/2008 Pasal 22 ayat (7)"


def test_unmasked_names_on_request(tmp_path: Path, cal: WorkCalendar) -> None:
    data = report_for(tmp_path, cal, masking=Masking(names=NameMasking.NONE))
    assert data["overdue"][0]["requester"] == "Drs. Dedi Lado"  # type: ignore[index]


def test_exact_mean(tmp_path: Path, cal: WorkCalendar) -> None:
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    rep = service_report(load_register(path), cal, as_of=dt.date(2025, 6, 2))
    assert rep.response_times is not None
    assert rep.response_times.mean == Fraction(21, 3)
    assert rep.response_times.within == (Fraction(2, 3), Fraction(1))


def test_renderings(tmp_path: Path, cal: WorkCalendar) -> None:
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    rep = service_report(load_register(path), cal, year=2025, as_of=dt.date(2025, 6, 2))
    md = rep.to_markdown()
    assert md.startswith("# Public information service report — year 2025\n")
    assert "| 2025-04 | 2 |" in md
    assert "085339672120" not in md
    assert "Ana Kolin" not in md
    csv_text = rep.to_csv()
    assert csv_text.startswith("section,item,value\ntotal,total,4\n")
    assert "Requests per month,2025-12,0" in csv_text
    assert json.loads(rep.to_json())["by_month"]["2025-12"] == 0


def test_unknown_without_columns(tmp_path: Path, cal: WorkCalendar) -> None:
    header = ",".join(HEADER.split(",")[:8])
    rows = [",".join(r.split(",")[:8]) for r in ROWS]
    path = tmp_path / "r.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    data = service_report(load_register(path), cal, as_of=dt.date(2025, 6, 2)).to_dict()
    for key in ("response_times", "decisions", "refusal_reasons", "keberatan", "sengketa",
                "overdue"):  # fmt: skip
        assert data[key] is None, key


def test_overdue_section_always_in_markdown(tmp_path: Path, cal: WorkCalendar) -> None:
    header = ",".join(HEADER.split(",")[:8])
    rows = [",".join(r.split(",")[:8]) for r in ROWS]
    path = tmp_path / "r.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    md = service_report(load_register(path), cal, as_of=dt.date(2025, 6, 2)).to_markdown()
    assert "Overdue on 2025-06-02" in md
    assert "| Overdue | unknown: the register does not record response dates |" in md


def test_overdue_says_which_deadline_applied(tmp_path: Path, cal: WorkCalendar) -> None:
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    rep = service_report(load_register(path), cal, as_of=dt.date(2025, 6, 2))
    (overdue,) = rep.overdue or ()
    assert overdue.deadline == "10 working days; UU 14/2008 Pasal 22 ayat (7)"
    md = rep.to_markdown()
    assert "| 4 | 2025-04-14 | 2025-04-29 |" in md
    assert "10 working days; UU 14/2008 Pasal 22 ayat (7) |" in md
    assert (
        '- the register has no column "Tanggal Perpanjangan": no extension is presumed, '
        "every open request is held to 10 working days"
    ) in md


def test_extension_after_the_response_period_does_not_extend(
    tmp_path: Path, cal: WorkCalendar
) -> None:
    # received 2025-11-03, response period ends 2025-11-17; an extension notified on
    # 2025-11-18 is too late (UU 14/2008 Pasal 22 ayat (8): within the period)
    header = ",".join(HEADER.split(",")[:9]) + ",Tanggal Perpanjangan"
    late = "1,KPU,Permohonan,Data TPS,2025-11-03,Dedi,,,,2025-11-18"
    on_time = "2,KPU,Permohonan,Data TPS,2025-11-03,Eka,,,,17/11/2025"
    path = tmp_path / "r.csv"
    path.write_text("\n".join([header, late, on_time]) + "\n", encoding="utf-8")
    rep = service_report(load_register(path), cal, as_of=dt.date(2025, 11, 27))
    assert [(o.number, o.due, o.limit, o.extended_on) for o in rep.overdue or ()] == [
        ("1", dt.date(2025, 11, 17), 10, None),
        ("2", dt.date(2025, 11, 26), 17, dt.date(2025, 11, 17)),
    ]
    assert rep.overdue is not None
    assert rep.overdue[1].deadline == (
        "17 working days (extended on 2025-11-17); UU 14/2008 Pasal 22 ayat (8)"
    )


def test_deadline_past_the_data_is_listed_unknown_with_its_row(tmp_path: Path) -> None:
    strict = WorkCalendar.indonesia(zone="WITA", holidays_dir=None)
    rows = [
        "1,KPU,Permohonan,Data TPS,2027-11-01,Ana,,,,,,,",  # due 2027-11-15: overdue
        "2,KPU,Permohonan,Data DPT,2027-12-20,Budi,,,,,,,",  # due in January 2028: unknown
    ]
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    report = service_report(
        load_register(path, calendar=strict), strict, as_of=dt.date(2027, 12, 31)
    )
    data = report.to_dict()
    assert [o["number"] for o in data["overdue"]] == ["1"]
    assert data["overdue_unknown"] == [
        {
            "number": "2",
            "row": 3,
            "received": "2027-12-20",
            "reason": "di luar data kalender: data ends 2027-12-31",
        }
    ]
    assert (
        "1 open requests cannot be judged overdue (a deadline past the calendar's holiday "
        "data, or a response or extension date that could not be read); they are listed with "
        "their rows"
    ) in data["notes"]
    assert "| 2 | 3 | 2027-12-20 | outside the calendar's data: its data ends on 2027-12-31 |" in (
        report.to_markdown()
    )


def test_provisional_overdue_deadline_is_marked(tmp_path: Path) -> None:
    estimating = WorkCalendar.indonesia(zone="WITA", holidays_dir=None, estimate_until=2028)
    path = tmp_path / "r.csv"
    path.write_text(
        HEADER + "\n1,KPU,Permohonan,Data DPT,2027-12-20,Budi,,,,,,,\n", encoding="utf-8"
    )
    report = service_report(
        load_register(path, calendar=estimating), estimating, as_of=dt.date(2028, 1, 10)
    )
    (late,) = report.overdue or ()
    assert late.due == dt.date(2028, 1, 4)
    assert late.provisional
    assert "2028-01-04 (provisional)" in report.to_markdown()
    assert report.overdue_unknown == ()


def test_time_of_day_after_closing_counts_from_the_next_working_day(
    tmp_path: Path, cal: WorkCalendar
) -> None:
    # issue 9: a date cell's time (an XLSX date with a time) decides the receipt date under
    # office hours. Mon 2025-11-03 23:30 counts as received Tue 11-04: due 11-18, not 11-17;
    # a notice on 11-04 took 0 working days, not 1.
    header = ",".join(HEADER.split(",")[:9])
    lines = [
        header,
        "1,KPU,Permohonan,Data TPS,2025-11-03 23:30,Ana,,,",
        "2,KPU,Permohonan,Data TPS,2025-11-03 10:00,Budi,,,",
        "3,KPU,Permohonan,Data DPT,2025-11-03 23:30,Citra,,,2025-11-04",
    ]
    path = tmp_path / "r.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rep = service_report(load_register(path), cal, as_of=dt.date(2025, 11, 20))
    assert [(o.number, o.due) for o in rep.overdue or ()] == [
        ("1", dt.date(2025, 11, 18)),
        ("2", dt.date(2025, 11, 17)),
    ]
    assert rep.response_times is not None
    assert rep.response_times.max == 0


def test_markdown_notes_quote_the_file_without_raw_html(tmp_path: Path, cal: WorkCalendar) -> None:
    # issue 9: Markdown passed raw HTML through; the notes quote column names and cells
    header = ",".join(HEADER.split(",")[:8]) + ",<script>alert(1)</script>"
    path = tmp_path / "<b>r.csv"
    path.write_text(header + "\n1,KPU,Permohonan,Data TPS,2025-11-03,Ana,,,x\n", encoding="utf-8")
    md = service_report(load_register(path), cal, as_of=dt.date(2025, 11, 20)).to_markdown()
    assert "<script>" not in md
    assert "<b>" not in md
    assert "- columns not in the layout, not used: &lt;script>alert(1)&lt;/script>" in md
    assert "Source: &lt;b>r.csv; as of 2025-11-20" in md


# -- issue 10: a figure whose column is missing is unknown, never zero ------------------------


def test_every_figure_by_a_missing_column_is_unknown(cal: WorkCalendar) -> None:
    reg = Register.from_rows([["Tgl"], ["3 Juni 2024"], ["4 Juni 2024"]], calendar=cal)
    rep = service_report(reg, cal, year=2024, as_of=dt.date(2024, 7, 1))
    data = rep.to_dict()
    assert (data["total"], data["by_month"]["2024-06"]) == (2, 2)
    unknown = ("by_service", "by_topic", "by_unit", "response_times", "decisions",
               "refusal_reasons", "keberatan", "sengketa", "overdue",
               "overdue_unknown")  # fmt: skip
    for key in unknown:
        assert data[key] is None, key
    md = rep.to_markdown()
    for what in (
        "the kind of service",
        "the information requested",
        "the unit",
        "the decision",
        "the reason for refusal",
    ):
        assert f"| unknown: the register does not record {what} | unknown |" in md
    assert "| Keberatan | unknown |" in md
    assert (
        "the register has no column for: unit, service, information, requester (unknown in "
        "this report, not zero)"
    ) in data["notes"]
    assert "total,total,2" in rep.to_csv()


def test_empty_cells_count_as_not_recorded(cal: WorkCalendar) -> None:
    head = ["No", "Unit Kerja Tempat Mengurus Layanan Publik", "Jenis Layanan",
            "Nama Layanan yang diterima", "Tanggal/Bulan/Tahun Mengurus Layanan",
            "Keputusan"]  # fmt: skip
    rows = [
        ["1", "PPID", "Permohonan", "Data DPT", "3 Juni 2024", "Diterima"],
        ["2", "", "", "", "4 Juni 2024", ""],
    ]
    data = service_report(
        Register.from_rows([head, *rows], calendar=cal), cal, as_of=dt.date(2024, 7, 1)
    ).to_dict()
    assert data["by_unit"] == {"PPID": 1, "tidak dicatat": 1}
    assert data["by_service"] == {"Permohonan": 1, "tidak dicatat": 1}
    assert data["by_topic"] == {"Data dan statistik": 1, "tidak dicatat": 1}
    assert data["decisions"] == {"diterima seluruhnya": 1, "tidak dicatat": 1}


def test_decision_words_stating_none_and_unreadable_ones_are_counted_apart(
    cal: WorkCalendar,
) -> None:
    head = ["Tgl", "Keputusan"]
    words = ["Diterima", "Selesai", "Dalam proses", "Disetujui", "", "DITOLAK"]
    reg = Register.from_rows([head, *(["3 Juni 2024", w] for w in words)], calendar=cal)
    rep = service_report(reg, cal, as_of=dt.date(2024, 7, 1))
    assert rep.decisions == {
        "diterima seluruhnya": 1,
        "dijawab, keputusan tidak disebut": 1,
        "dalam proses": 1,
        "tidak dicatat": 1,
        "tidak terbaca": 1,
        "ditolak": 1,
    }
    assert rep.warnings == (
        "<register>: row 5, column \"Keputusan\": unknown decision 'D.' (masked); expected a "
        "word of the decision table, e.g. diterima seluruhnya, diterima sebagian, ditolak, "
        "tidak dikuasai, belum didokumentasikan, or selesai (answered, decision not stated); "
        "read as unknown",
    )
    assert (
        '1 cells of column "Keputusan" could not be used and count as unknown (rows 5; see '
        "the warnings)"
    ) in rep.notes
    md = rep.to_markdown()
    assert "**Warnings**" in md
    # an office's own word, added to the bundled table, is read
    from ppid_core.requests import DecisionTable, parse_decisions

    ours = parse_decisions("decisions:\n  granted: [Disetujui]\n", extends=DecisionTable.bundled())
    reg = Register.from_rows(
        [head, *(["3 Juni 2024", w] for w in words)], calendar=cal, decisions=ours
    )
    assert reg.warnings == ()
    assert service_report(reg, cal, as_of=dt.date(2024, 7, 1)).decisions == {
        "diterima seluruhnya": 2,
        "dijawab, keputusan tidak disebut": 1,
        "dalam proses": 1,
        "tidak dicatat": 1,
        "ditolak": 1,
    }


def test_an_unreadable_response_date_is_not_judged_overdue(cal: WorkCalendar) -> None:
    head = ["No", "Tgl", "Tanggal Tanggapan", "Tanggal Perpanjangan"]
    rows = [
        ["1", "2 Juni 2025", "kemarin", ""],  # answered, its date unreadable
        ["2", "2 Juni 2025", "", "31 Juni 2025"],  # an extension date that does not exist
        ["3", "2 Juni 2025", "", ""],  # open: overdue
    ]
    reg = Register.from_rows([head, *rows], calendar=cal, layout="kpu",
                             columns={"Tgl": "received"})  # fmt: skip
    rep = service_report(reg, cal, as_of=dt.date(2025, 7, 1))
    assert [o.number for o in rep.overdue or ()] == ["3"]
    assert [(u.number, u.row, u.reason) for u in rep.overdue_unknown or ()] == [
        ("1", 2, "tanggal tanggapan tidak terbaca"),
        ("2", 3, "tanggal perpanjangan tidak terbaca"),
    ]
    assert rep.response_times is None  # no response date could be read: unknown


def test_the_report_says_how_its_file_was_read(tmp_path: Path, cal: WorkCalendar) -> None:
    path = tmp_path / "r.csv"
    path.write_text("REGISTER 2024\n\n" + "\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    data = service_report(
        load_register(path, calendar=cal), cal, as_of=dt.date(2025, 6, 2)
    ).to_dict()
    (read,) = data["provenance"]
    assert read == {
        "source": "r.csv",
        "layout": "kpu",
        "header": "row 3",
        "columns": {
            "number": "No",
            "received": "Tanggal/Bulan/Tahun Mengurus Layanan",
            "unit": "Unit Kerja Tempat Mengurus Layanan Publik",
            "service": "Jenis Layanan",
            "information": "Nama Layanan yang diterima",
            "requester": "Nama Pengguna Layanan",
            "phone": "No. HP (WA)",
            "email": "Email",
            "responded": "Tanggal Tanggapan",
            "decision": "Keputusan",
            "refusal_reason": "Alasan Penolakan",
            "keberatan": "Tanggal Keberatan",
            "sengketa": "Tanggal Sengketa",
        },
        "encoding": "utf-8",
        "requests": 4,
    }
    assert data["notes"][:2] == [
        "r.csv: read with layout kpu; header: row 3",
        "row above the header not read (a title, notes): 1",
    ]
    assert data["warnings"] == []


def test_a_merged_registers_unreadable_cells_stay_with_their_file(cal: WorkCalendar) -> None:
    from ppid_core.requests._register_merge import merge_registers

    head = ["Tgl", "Keputusan"]
    a = Register.from_rows([head, ["3 Juni 2024", "Disetujui"]], source="a.csv", calendar=cal)
    b = Register.from_rows([head, ["4 Juni 2024", ""]], source="b.csv", calendar=cal)
    both = service_report(merge_registers([a, b]), cal, as_of=dt.date(2024, 7, 1))
    # row 2 of a.csv could not be read; row 2 of b.csv is empty
    assert both.decisions == {"tidak dicatat": 1, "tidak terbaca": 1}
    assert [p.requests for p in both.provenance] == [1, 1]
