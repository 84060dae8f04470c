"""``row_offset=``: a partition of a register file names its rows as the whole file does."""

from __future__ import annotations

import pytest

from ppid_core.errors import DataFileError, InvalidArgumentError
from ppid_core.requests import Register, load_register, parse_register

HEAD = "No,Tanggal/Bulan/Tahun Mengurus Layanan,Keputusan\n"


def test_a_partition_names_the_file_and_its_real_row() -> None:
    part = HEAD + "1234,4 Juni 2024,Disetujui\n1235,31 Juni 2024,Ditolak\n"
    with pytest.raises(DataFileError) as exc:
        load_register(part.encode(), source="register-2024.csv", row_offset=1232)
    assert exc.value.report() == (
        'register-2024.csv: row 1235, column "Tanggal/Bulan/Tahun Mengurus Layanan": '
        "'31 Juni 2024' is not a valid date (day is out of range for month)"
    )


def test_rows_and_warnings_are_shifted_but_not_the_header() -> None:
    reg = parse_register(HEAD + "7,4 Juni 2024,??\n", source="r.csv", row_offset=5)
    assert reg.rows == (7,)
    assert reg.header_row == "row 1"
    assert str(reg.warnings[0]).startswith('r.csv: row 7, column "Keputusan": ')
    rows = [HEAD.strip().split(","), ["7", "4 Juni 2024", "Ditolak"]]
    assert Register.from_rows(rows, row_offset=5).rows == (7,)


@pytest.mark.parametrize("offset", [-1, True, 1.0])
def test_a_bad_offset_is_refused(offset: object) -> None:
    with pytest.raises(InvalidArgumentError) as exc:
        parse_register(HEAD, row_offset=offset)  # type: ignore[arg-type]
    assert str(exc.value) == f"row_offset must be a whole number >= 0, got {offset!r}"
