"""Register.from_records: typed records in, the file readers' register and located errors out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownZoneError
from ppid_core.requests import DecisionKind, Register

FIELDS = {
    "id": "number",
    "tanggal_permohonan": "received",
    "nama_pemohon": "requester",
    "no_hp": "phone",
    "tanggal_tanggapan": "responded",
    "status": "decision",
}


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": 123,
        "tanggal_permohonan": dt.datetime(2024, 6, 4, 9, 0),  # noqa: DTZ001 - naive, as the app's database stores it
        "nama_pemohon": "Siti Aminah",
        "no_hp": "081234567890",
        "tanggal_tanggapan": dt.date(2024, 6, 10),
        "status": "Diberikan seluruhnya",
        "kolom_lain": object(),  # not read: not in fields
    }
    record.update(changes)
    return record


def _errors(records: list[Any], **options: Any) -> list[str]:
    with pytest.raises(DataFileError) as info:
        Register.from_records(records, fields=FIELDS, source="permohonan", **options)
    return info.value.report().splitlines()


def test_typed_values_become_the_register() -> None:
    reg = Register.from_records([_record()], fields=FIELDS, source="permohonan")
    assert reg.numbers == ("123",)
    assert reg.received == (dt.date(2024, 6, 4),)
    assert reg.received_times == (dt.time(9, 0),)
    assert reg.names == ("Siti Aminah",)
    assert reg.responded == (dt.date(2024, 6, 10),)
    assert reg.decisions == (DecisionKind.GRANTED,)
    assert reg.rows == (1,)
    assert reg.layout == "records"
    assert reg.column("received") == "tanggal_permohonan"
    assert reg.fields == frozenset(FIELDS.values())


def test_utc_is_moved_to_the_office_zone_at_wib_midnight() -> None:
    records = [
        _record(tanggal_permohonan=dt.datetime(2024, 6, 4, 16, 59, 59)),  # noqa: DTZ001 - naive, as the app's database stores it
        _record(tanggal_permohonan=dt.datetime(2024, 6, 4, 17, 0)),  # noqa: DTZ001 - naive, as the app's database stores it
        _record(tanggal_permohonan=dt.datetime(2024, 6, 4, 17, 0, tzinfo=dt.UTC)),
        _record(tanggal_permohonan="2024-06-04 17:00:00"),
    ]
    reg = Register.from_records(records, fields=FIELDS, source_zone="UTC")
    assert reg.received == (
        dt.date(2024, 6, 4),
        dt.date(2024, 6, 5),
        dt.date(2024, 6, 5),
        dt.date(2024, 6, 5),
    )
    assert reg.received_times[1] == dt.time(0, 0)
    assert reg.notes[-1] == (
        "times written with a zone or stored as UTC were moved to the office's zone "
        "(Asia/Jakarta) before their date was taken"
    )


def test_aware_datetimes_are_converted_and_naive_ones_read_in_the_office_zone() -> None:
    wita = WorkCalendar.indonesia(zone="Asia/Makassar")
    utc = dt.datetime(2024, 6, 4, 16, 30, tzinfo=dt.UTC)
    naive = dt.datetime(2024, 6, 4, 23, 30)  # noqa: DTZ001 - naive, as the app's database stores it
    reg = Register.from_records(
        [_record(tanggal_permohonan=utc), _record(tanggal_permohonan=naive)],
        fields=FIELDS,
        calendar=wita,
    )
    assert reg.received == (dt.date(2024, 6, 5), dt.date(2024, 6, 4))
    assert reg.received_times == (dt.time(0, 30), dt.time(23, 30))


def test_every_error_at_once_located_by_record_and_key_without_personal_data() -> None:
    records = [
        _record(),
        _record(id=124, tanggal_permohonan=45447.5),
        _record(id=125, tanggal_permohonan=None, nama_pemohon=628123),
        _record(id=126, no_hp=81234567890, tanggal_tanggapan=45450),
        {"id": 127, "tanggal_permohonan": dt.date(2024, 6, 4)},
        ["not", "a", "mapping"],
        _record(id=128, tanggal_permohonan="31 Juni 2024"),
    ]
    lines = _errors(records, key="id")
    assert lines == [
        'permohonan: row 2, column "tanggal_permohonan": got float; expected a date, a '
        "datetime or text (record id=124)",
        'permohonan: row 3, column "tanggal_permohonan": empty; expected a date (record id=125)',
        'permohonan: row 3, column "nama_pemohon": got int; expected text (record id=125)',
        'permohonan: row 4, column "no_hp": got int; expected text (record id=126)',
        'permohonan: row 4, column "tanggal_tanggapan": got int; expected a date, a datetime '
        "or text (record id=126)",
        'permohonan: row 5, column "nama_pemohon": missing; the record has no such key '
        "(record id=127)",
        'permohonan: row 5, column "no_hp": missing; the record has no such key (record id=127)',
        'permohonan: row 5, column "tanggal_tanggapan": missing; the record has no such key '
        "(record id=127)",
        'permohonan: row 5, column "status": missing; the record has no such key (record id=127)',
        "permohonan: row 6: got list; expected a mapping of key -> value",
        "permohonan: row 7, column \"tanggal_permohonan\": '31 Juni 2024' is not a valid date "
        "(day is out of range for month) (record id=128)",
    ]
    text = "\n".join(lines)
    assert "Siti" not in text
    assert "628123" not in text
    assert "81234567890" not in text


def test_without_a_key_records_are_named_by_their_row() -> None:
    lines = _errors([_record(tanggal_permohonan=True)])
    assert lines == [
        'permohonan: row 1, column "tanggal_permohonan": got bool; expected a date, a '
        "datetime or text"
    ]


def test_unreadable_optional_cells_are_warnings_as_in_a_file() -> None:
    records = [
        _record(tanggal_tanggapan=dt.date(2024, 6, 1), status="entah"),
        _record(id=9, tanggal_tanggapan="kemarin"),
    ]
    reg = Register.from_records(records, fields=FIELDS, key="id", source="permohonan")
    assert [str(w) for w in reg.warnings] == [
        'permohonan: row 1, column "tanggal_tanggapan": 2024-06-01 is before the request was '
        "received (2024-06-04) (record id=123); read as unknown",
        "permohonan: row 1, column \"status\": unknown decision 'E.' (masked); expected a word "
        "of the decision table, e.g. diterima seluruhnya, diterima sebagian, ditolak, tidak "
        "dikuasai, belum didokumentasikan, or selesai (answered, decision not stated) "
        "(record id=123); read as unknown",
        "permohonan: row 2, column \"tanggal_tanggapan\": unknown date format 'K.' (masked); "
        "expected e.g. '4 Juni 2024', '03-Sep-24', '2024-06-04' or '04/06/2024' "
        "(record id=9); read as unknown",
    ]
    assert reg.responded == (None, None)
    assert reg.decisions == (None, DecisionKind.GRANTED)
    assert len(reg.warnings) == 3


def test_calendar_coverage_is_checked() -> None:
    cal = WorkCalendar.indonesia()
    far = dt.datetime(1990, 1, 2, 9, 0)  # noqa: DTZ001 - naive, as the app's database stores it
    with pytest.raises(DataFileError) as info:
        Register.from_records([_record(tanggal_permohonan=far)], fields=FIELDS, calendar=cal)
    assert info.value.report().startswith(
        '<records>: row 1, column "tanggal_permohonan": 1990-01-02: outside the calendar\'s '
        "coverage ("
    )


def test_default_fields_are_the_records_keys_named_as_fields() -> None:
    reg = Register.from_records([{"received": dt.date(2024, 6, 4), "unit": "PPID", "catatan": "x"}])
    assert reg.units == ("PPID",)
    assert reg.fields == frozenset({"received", "unit"})
    assert reg.numbers == ("1",)
    assert Register.from_records([]).rows == ()


def test_bad_fields_and_zones_are_the_callers_errors() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Register.from_records([], fields={"tgl": "tanggal", "a": "unit", "b": "unit"})
    assert str(info.value) == (
        "fields: 'tgl': unknown field 'tanggal'; expected one of: number, received, unit, "
        "service, information, requester, phone, email, responded, extended, decision, "
        "refusal_reason, keberatan, sengketa; 'a' and 'b' are both mapped to 'unit'"
    )
    with pytest.raises(InvalidArgumentError) as info:
        Register.from_records([], fields={"isi": "information"})
    assert str(info.value) == (
        "fields: no key is mapped to 'received' (the date received is required)"
    )
    with pytest.raises(UnknownZoneError):
        Register.from_records([], fields=FIELDS, source_zone="Mars/Olympus")


def test_a_generator_is_read_once() -> None:
    records = (_record(id=i) for i in range(1, 4))
    reg = Register.from_records(records, fields=FIELDS)
    assert reg.numbers == ("1", "2", "3")
