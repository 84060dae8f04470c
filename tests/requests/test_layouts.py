"""Register layouts as data: the bundled ones, an office's own file, chosen columns (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppid_core._headers import fold
from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.requests import FIELDS, Layout, load_layout, load_register, parse_layout
from ppid_core.requests._layouts import check_columns, resolve_layout

KPU_HEADER = (
    "No,Unit Kerja Tempat Mengurus Layanan Publik,Jenis Layanan,Nama Layanan yang diterima,"
    "Tanggal/Bulan/Tahun Mengurus Layanan,Nama Pengguna Layanan,No. HP (WA),Email"
)


def test_the_fields_are_the_design_contract() -> None:
    # DESIGN.md: the register's fields, in English, and `number` for the register number
    assert FIELDS == (
        "number", "received", "unit", "service", "information", "requester", "phone",
        "email", "responded", "extended", "decision", "refusal_reason", "keberatan", "sengketa",
    )  # fmt: skip


def test_bundled_layouts_in_the_order_a_tie_is_settled() -> None:
    assert Layout.bundled_names() == ("kpu", "komisi-informasi", "e-ppid")
    for name in Layout.bundled_names():
        layout = Layout.bundled(name)
        assert layout.name == name
        assert "received" in layout.fields
        assert layout.source, name  # each says what it rests on


def test_the_kpu_layout_is_the_seed_registers_header() -> None:
    # source: ../shared/seeds/000_9f58199ed1254750.txt, the header row of the register
    kpu = Layout.bundled("kpu")
    assert [kpu.field_of(name) for name in KPU_HEADER.split(",")] == [
        "number", "unit", "service", "information", "received", "requester", "phone", "email",
    ]  # fmt: skip
    assert kpu.field_of("Unit Kerja Tempat Mengurus Layanan") == "unit"  # split at a page break
    assert kpu.field_of("TGL. PERPANJANGAN") == "extended"


def test_the_komisi_informasi_template() -> None:
    # source: Perki 1/2010 Lampiran (register permohonan), as monev.md §5 lists its columns
    ki = Layout.bundled("komisi-informasi")
    template = {
        "No": "number",
        "Tgl": "received",
        "Nama": "requester",
        "Alamat": None,
        "Nomor Kontak": "phone",
        "Pekerjaan": None,
        "Informasi Yang Diminta": "information",
        "Tujuan Penggunaan": None,
        "Status Informasi / Ya": None,
        "Bentuk Informasi Yang Dikuasai / Soft copy": None,
        "Jenis Permohonan / Meminta Salinan": None,
        "Keputusan": "decision",
        "Alasan Penolakan": "refusal_reason",
        "Hari dan Tanggal / Pemberitahuan Tertulis": "responded",
        "Hari dan Tanggal / Pemberian Informasi": None,
        "Biaya & Cara Pembayaran / Biaya": None,
    }
    assert {name: ki.field_of(name) for name in template} == template


def test_e_ppid_exports() -> None:
    eppid = Layout.bundled("e-ppid")
    assert eppid.field_of("tanggal_permohonan") == "received"
    assert eppid.field_of("Tanggal Permohonan") == "received"  # the label folds the same
    assert eppid.field_of("opd_yang_dituju") == "unit"
    assert eppid.field_of("informasi_yang_dibutuhkan") == "information"
    assert eppid.field_of("nama_pemohon") == eppid.field_of("nama_pengguna") == "requester"


LAYOUT = """\
name: kantor
title: Buku register PPID Kantor X
fields:
  received: [Tgl Masuk, Tanggal Masuk]
  information: [Perihal]
  unit: [Bidang]
"""


def test_an_offices_layout_file(tmp_path: Path) -> None:
    path = tmp_path / "kantor.yaml"
    path.write_text(LAYOUT, encoding="utf-8")
    layout = load_layout(path)
    assert (layout.name, layout.field_of("tgl  masuk"), layout.field_of("No")) == (
        "kantor",
        "received",
        None,
    )
    register = tmp_path / "r.csv"
    register.write_text("Bidang,Tgl Masuk,Perihal\nUmum,4 Juni 2024,Data DPT\n", encoding="utf-8")
    for given in (path, str(path), path.read_bytes(), layout):
        reg = load_register(register, layout=given)
        assert (reg.layout, reg.units, reg.fields) == (
            "kantor",
            ("Umum",),
            frozenset({"unit", "received", "information"}),
        )
    with pytest.raises(DataFileError) as info:  # no bundled layout knows these names
        load_register(register)
    assert info.value.report() == (
        "r.csv: row 1: no header found in the first 2 rows: no row names a column of any "
        "register layout; expected a header row naming at least the date each request was "
        'received, e.g. "Tanggal/Bulan/Tahun Mengurus Layanan" (kpu), "Tgl" '
        '(komisi-informasi), "tanggal_permohonan" (e-ppid); for other names: --map '
        "COLUMN=FIELD or --layout FILE"
    )


def test_a_layout_without_a_name_is_named_by_its_file(tmp_path: Path) -> None:
    path = tmp_path / "buku-register.yaml"
    path.write_text("fields:\n  received: [Tgl]\n", encoding="utf-8")
    assert load_layout(path).name == "buku-register"


def test_a_layout_file_is_read_strictly() -> None:
    text = """\
name: kantor
colour: blue
fields:
  received: [Tgl]
  tanggal: [Tanggal]
  unit: []
  information: [Perihal, PERIHAL.]
  requester: [Tgl]
"""
    with pytest.raises(DataFileError) as info:
        parse_layout(text, source="kantor.yaml")
    assert info.value.report().splitlines() == [
        "kantor.yaml:2:1 ($.colour): unknown field 'colour'; expected one of: fields, name, "
        "note, source, title",
        "kantor.yaml:5:3 ($.fields.tanggal): unknown field 'tanggal'; expected one of: "
        "decision, email, extended, information, keberatan, number, phone, received, "
        "refusal_reason, requester, responded, sengketa, service, unit",
        "kantor.yaml:6:9 ($.fields.unit): expected at least one header name",
        "kantor.yaml:7:26 ($.fields.information[1]): 'PERIHAL.' is the same name as 'Perihal' "
        "(information) once case, punctuation and blanks are set aside; a header name names "
        "one field",
        "kantor.yaml:8:15 ($.fields.requester[0]): 'Tgl' is the same name as 'Tgl' (received) "
        "once case, punctuation and blanks are set aside; a header name names one field",
    ]


def test_a_layout_needs_the_date_received() -> None:
    with pytest.raises(DataFileError) as info:
        parse_layout("fields:\n  unit: [Bidang]\n", source="l.yaml")
    assert info.value.report() == (
        "l.yaml:2:3 ($.fields): missing field 'received': every register needs the date each "
        "request was received"
    )


def test_a_layout_built_in_code_is_checked() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Layout(name="x", fields={"received": ["Tgl"], "date": ["Tanggal"], "unit": ["TGL."]})
    assert str(info.value) == (
        "unknown field 'date'; expected one of: number, received, unit, service, information, "
        "requester, phone, email, responded, extended, decision, refusal_reason, keberatan, "
        "sengketa; 'TGL.' names both received and unit; a header name names one field"
    )


def test_an_unknown_layout_name() -> None:
    with pytest.raises(UnknownNameError) as info:
        resolve_layout("kpu-ntt")
    assert str(info.value) == (
        "unknown layout 'kpu-ntt': neither a bundled layout (kpu, komisi-informasi, e-ppid) "
        "nor a file"
    )


def test_chosen_columns_are_checked_before_a_file_is_read() -> None:
    assert check_columns({"Tgl. Masuk": "received"}) == {"tgl masuk": ("received", "Tgl. Masuk")}
    with pytest.raises(InvalidArgumentError) as info:
        check_columns({"Tgl": "tanggal", "!!": "unit", "Perihal": "information", "PERIHAL": "unit"})
    assert str(info.value) == (
        "column \"Tgl\": unknown field 'tanggal'; expected one of: number, received, unit, "
        "service, information, requester, phone, email, responded, extended, decision, "
        "refusal_reason, keberatan, sengketa; column '!!' has no letters or digits; expected a "
        'header name; column "PERIHAL" is chosen for both information and unit; a column '
        "holds one field"
    )


def test_every_bundled_name_folds_to_itself_once() -> None:
    for name in Layout.bundled_names():
        folded = [fold(n) for names in Layout.bundled(name).fields.values() for n in names]
        assert len(folded) == len(set(folded)), name
