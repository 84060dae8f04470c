"""The typed register record: readers fill RegisterColumns by name; Register is built by name."""

from __future__ import annotations

import datetime as dt
import typing

import attrs

from ppid_core.requests import Register, RegisterEntry
from ppid_core.requests._register_model import COLUMN_FIELDS
from ppid_core.requests._register_record import RegisterColumns


def test_the_record_has_one_list_per_column_of_the_register_by_name_and_type() -> None:
    register = typing.get_type_hints(Register)
    record = typing.get_type_hints(RegisterColumns)
    names = [f.name for f in attrs.fields(Register)]
    per_row = names[names.index("rows") : names.index("sengketa_on") + 1]
    assert list(COLUMN_FIELDS) == per_row == list(record)
    for name in COLUMN_FIELDS:
        (item,) = typing.get_args(record[name])  # list[X]
        assert typing.get_origin(record[name]) is list, name
        assert register[name] == tuple[item, ...], name  # type: ignore[valid-type]


def test_append_and_extend_fill_every_column_alike() -> None:
    one = RegisterColumns()
    one.append(
        row=2,
        number="1",
        unit="PPID",
        service="Informasi",
        information="Data DPT",
        received=dt.date(2024, 6, 4),
        received_time=dt.time(9, 30),
        name="Ani",
        phone="0812",
        email="",
        responded=None,
        extended_on=None,
        decision=None,
        refusal_reason="",
        keberatan_on=None,
        sengketa_on=dt.date(2024, 9, 2),
    )
    many = RegisterColumns()
    many.extend(
        rows=[2],
        numbers=["1"],
        units=["PPID"],
        services=["Informasi"],
        information=["Data DPT"],
        received=[dt.date(2024, 6, 4)],
        received_times=[dt.time(9, 30)],
        names=["Ani"],
        phones=["0812"],
        emails=[""],
        responded=[None],
        extended_on=[None],
        decisions=[None],
        refusal_reasons=[""],
        keberatan_on=[None],
        sengketa_on=[dt.date(2024, 9, 2)],
    )
    assert one == many
    register = one.register(
        source="r.csv",
        columns=frozenset(),
        header_rows=[],
        blank_rows=[],
        repairs=[],
        ignored_columns=["Catatan"],
    )
    assert register.ignored_columns == ("Catatan",)
    (entry,) = register.entries
    assert entry == RegisterEntry(
        row=2,
        number="1",
        unit="PPID",
        service="Informasi",
        information="Data DPT",
        received=dt.date(2024, 6, 4),
        received_time=dt.time(9, 30),
        requester=entry.requester,
        sengketa_on=dt.date(2024, 9, 2),
    )
    assert (entry.requester.name, entry.requester.phone) == ("Ani", "0812")


def test_a_register_says_which_fields_it_has_and_where() -> None:
    from ppid_core.requests import Column, Register

    reg = Register.from_rows(
        [["REGISTER"], ["No", "TGL", "Keputusan"], ["1", "3 Juni 2024", "Ditolak"]],
        source="r.csv",
    )
    assert reg.fields == {"number", "received", "decision"}
    assert all(reg.has(name) for name in ("decision", Column.DECISION, "Keputusan"))
    assert not any(reg.has(name) for name in ("responded", Column.RESPONDED))
    assert (reg.column("received"), reg.column("unit")) == ("TGL", None)
    (read,) = reg.provenance
    assert read.to_dict() == {
        "source": "r.csv",
        "layout": "komisi-informasi",
        "header": "row 2",
        "columns": {"number": "No", "received": "TGL", "decision": "Keputusan"},
        "encoding": None,
        "requests": 1,
    }


def test_a_register_built_by_hand_names_its_fields_by_the_kpu_columns() -> None:
    one = RegisterColumns()
    register = one.register(
        source="r",
        columns=frozenset({"Tanggal/Bulan/Tahun Mengurus Layanan", "Keputusan"}),
        header_rows=[],
        blank_rows=[],
        repairs=[],
        ignored_columns=[],
    )
    assert register.fields == {"received", "decision"}


def test_registers_merged_keep_only_the_fields_every_file_has() -> None:
    from ppid_core.requests import Register
    from ppid_core.requests._register_merge import merge_registers

    a = Register.from_rows([["Tgl", "Keputusan", "Unit"], ["3 Juni 2024", "x", "PPID"]],
                           source="a.csv", columns={"Unit": "unit"})  # fmt: skip
    b = Register.from_rows([["Tgl", "Bidang"], ["4 Juni 2024", "Umum"]], source="b.csv",
                           columns={"Bidang": "unit"})  # fmt: skip
    both = merge_registers([a, b])
    assert (both.fields, both.units, both.decisions) == (
        frozenset({"received", "unit"}),
        ("PPID", "Umum"),
        (None, None),
    )
    assert both.warnings == ()  # a's unreadable decision is in a column not used
    assert [p.source for p in both.provenance] == ["a.csv", "b.csv"]
    assert (
        both.notes[-1] == 'a.csv: column "Keputusan" (decision) not used: b.csv has no such column'
    )
