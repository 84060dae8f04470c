"""Oversight: what is counted, and that nothing is counted, dropped or presumed silently.

The register's located warnings are passed on; ``on`` is an "as of" date; a repeated
path, a unit fed by several files and rows copied between its files are each said; an
unknown timing is ``None``, never 0; hidden and lock files in a folder are named. Exact
messages are pinned. source: hand-made registers in each test; the zone example is
``ppid_core/examples/requests/oversight/zoned/`` (fictitious), worked by hand.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ppid_core.calendar import WorkCalendar
from ppid_core.examples.requests.oversight import (
    example_folder,
    zone_map_file,
    zoned_folder,
)
from ppid_core.requests import UnitSummary, load_zone_map, oversight

CAL = WorkCalendar.indonesia(zone="NTT")
ON = dt.date(2024, 12, 31)
HEAD = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Tanggal/Bulan/Tahun Mengurus Layanan,"
    "Nama Pengguna Layanan,Tanggal Tanggapan"
)
PROV = (
    f"{HEAD}\n"
    "1,KPU Kota Kupang,2 September 2024,Budi Santoso,4 September 2024\n"
    "2,KPU Kota Kupang,3 September 2024,Ani,\n"
    "3,KPU Kab. Alor,5 September 2024,Ani,1 September 2024\n"
)


def test_register_warnings_are_passed_on_located(tmp_path: Path) -> None:
    (tmp_path / "prov.csv").write_text(PROV, "utf-8")
    t = oversight(tmp_path, on=ON, calendar=CAL)
    assert t.warnings == (
        'prov.csv: row 4, column "Tanggal Tanggapan": 2024-09-01 is before the request was '
        "received (2024-09-05); read as unknown",
    )
    assert (
        'prov.csv: 1 cell of column "Tanggal Tanggapan" could not be read (row 4; see the '
        'warnings); those requests count as not answered, under "Batas waktu tidak dapat '
        'dihitung"'
    ) in t.notes
    alor = next(u.summary for u in t.units if u.unit == "KPU Kab. Alor")
    assert (alor.answered, alor.overdue, alor.overdue_unknown) == (0, 0, 1)  # as the note says
    assert t.to_dict()["warnings"] == list(t.warnings)
    md = t.to_markdown()
    assert "**Warnings**\n\n- prov.csv: row 4, column" in md
    assert "Budi" not in md


def test_on_is_an_as_of_date(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        f"{HEAD}\n"
        "1,KPU A,2 September 2024,X,20 September 2024\n"  # answered after the 10th: open then
        "2,KPU A,3 September 2024,X,4 September 2024\n"
        "3,KPU A,16 September 2024,X,17 September 2024\n",  # received after the 10th
        "utf-8",
    )
    t = oversight(tmp_path, on=dt.date(2024, 9, 10), calendar=CAL)
    s = t.units[0].summary
    assert (s.requests, s.answered, s.open, s.overdue) == (2, 1, 1, 0)
    assert (
        "a.csv: 1 request received after 2024-09-10 (the oversight's date) not counted (row 4)"
        in t.notes
    )
    assert (
        "a.csv: a response dated after 2024-09-10 (the oversight's date) is read as not yet "
        "made on that day (row 2)"
    ) in t.notes
    later = oversight(tmp_path, on=dt.date(2024, 9, 30), calendar=CAL).units[0].summary
    # 2 Sep + 10 working days = 16 Sep; unanswered on 30 Sep it would be overdue, but the
    # response of 20 Sep is known by then.
    assert (later.requests, later.answered, later.overdue) == (3, 3, 0)


def test_a_repeated_path_is_read_once_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f"{HEAD}\n1,KPU A,2 September 2024,X,4 September 2024\n")
    t = oversight([tmp_path / "a.csv", tmp_path, tmp_path / "." / "a.csv"], on=ON, calendar=CAL)
    assert t.total.requests == 1
    assert f"{tmp_path / 'a.csv'}: given 3 times (directly or through a folder); read once" in (
        t.notes
    )


def test_copied_rows_in_two_files_of_one_unit_are_warned(tmp_path: Path) -> None:
    text = f"{HEAD}\n1,KPU A,2 September 2024,X,4 September 2024\n2,KPU A,3 September 2024,Y,\n"
    (tmp_path / "a.csv").write_text(text, "utf-8")
    (tmp_path / "a_salinan.csv").write_text(text.replace(",Y,", ",Z,"), "utf-8")
    t = oversight(tmp_path, on=ON, calendar=CAL)
    assert t.total.requests == 4  # each counted: never silently dropped
    assert t.warnings == (
        'unit "KPU A": identical rows in different files, each counted (check for a copy): '
        "a.csv row 2; a_salinan.csv row 2",
    )
    assert 'unit "KPU A": requests from 2 files, added together: a.csv, a_salinan.csv' in t.notes
    assert "X" not in " ".join(t.warnings)


def test_unknown_timing_is_none_never_zero() -> None:
    t = oversight(example_folder(), on=ON, calendar=CAL)
    alor = next(u.summary for u in t.units if u.unit == "KPU Kabupaten Alor")
    assert (alor.requests, alor.known, alor.within(10), alor.within(17)) == (3, False, None, None)
    assert (UnitSummary().known, UnitSummary().within(10)) == (True, 0)
    assert t.total.known
    assert t.total.within(10) == 4


def test_within_exact_is_always_a_string_fraction() -> None:
    units = oversight(example_folder(), on=ON, calendar=CAL).to_dict()["units"]
    exact = {u["unit"]: (u["within_10_exact"], u["within_17_exact"]) for u in units}
    assert exact == {
        "KPU Kabupaten Alor": (None, None),
        "KPU Kabupaten Kupang": ("2/3", "1"),
        "kpu_kabupaten_lembata": (None, None),
        "KPU Kota Kupang": ("2/3", "2/3"),
    }


def test_hidden_and_lock_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "registers"
    shutil.copytree(example_folder(), folder)
    (folder / "~$kpu_kota_kupang.xlsx").write_bytes(b"\x00lock")
    (folder / ".kpu_lama.csv").write_text(f"{HEAD}\n1,KPU A,2 September 2024,X,\n", "utf-8")
    t = oversight(folder, on=ON, calendar=CAL)
    assert t.total.requests == 12
    assert (
        "registers: not read (hidden files, or Excel lock files ~$...): .kpu_lama.csv, "
        "~$kpu_kota_kupang.xlsx"
    ) in t.notes


def test_each_unit_keeps_its_own_zone_in_the_example() -> None:
    # 08:30 UTC on Friday 4 October 2024 is 15:30 in Jakarta (received that day), 16:30 in
    # Kupang and 17:30 in Jayapura (after closing: received Monday 7 October); answered 18
    # October: 10 working days, or 9. 16:30 UTC on Thursday 31 October is 23:30 in Jakarta
    # (October) but 1 November in Kupang and Jayapura; answered 15 November: 10 days.
    t = oversight(
        zoned_folder(),
        on=ON,
        calendar=CAL,
        by="month",
        source_zone="UTC",
        zones=load_zone_map(zone_map_file()),
    )
    assert [(u.unit, u.zones, u.summary.response_days.pairs) for u in t.units] == [
        ("KPU Provinsi DKI Jakarta", ("Asia/Jakarta",), ((10, 2),)),
        ("KPU Provinsi Nusa Tenggara Timur", ("Asia/Makassar",), ((9, 1), (10, 1))),
        ("KPU Provinsi Papua", ("Asia/Jayapura",), ((9, 1), (10, 1))),
    ]
    assert [(m.month, m.unit[13:]) for m in t.months or () if m.summary.requests] == [
        ("2024-10", "DKI Jakarta"),
        ("2024-10", "Nusa Tenggara Timur"),
        ("2024-10", "Papua"),
        ("2024-11", "Nusa Tenggara Timur"),
        ("2024-11", "Papua"),
    ]
