"""Laws of merging service reports (issue 15).

- [`ServiceSummary`][ppid_core.requests.ServiceSummary] is a commutative monoid: ``+`` is
  associative and commutative, ``ServiceSummary()`` is its identity, ``sum()`` and
  ``merge([])`` work.
- Merging the summaries of several registers, in file order, gives exactly the report of
  one pass over the concatenated register (the same JSON), also when the registers lack
  different columns.
- ``to_dict()`` round-trips through JSON.
- The histogram's median and shares after merging are those of all the times.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import WorkCalendar
from ppid_core.errors import DataFileError, LocatedError
from ppid_core.requests import (
    DayHistogram,
    Register,
    ServiceReport,
    ServiceSummary,
    parse_register,
    service_report,
    service_summary,
)
from ppid_core.requests._register_merge import merge_registers
from tests.property.strategies import budget, request_dates

pytestmark = pytest.mark.property

CAL = WorkCalendar.indonesia(zone="NTT")
AS_OF = dt.date(2024, 7, 31)
#: Every column of the KPU layout a figure uses; a register keeps a random subset.
COLUMNS = {
    "number": "No",
    "unit": "Unit Kerja Tempat Mengurus Layanan Publik",
    "service": "Jenis Layanan",
    "information": "Nama Layanan yang diterima",
    "received": "Tanggal/Bulan/Tahun Mengurus Layanan",
    "requester": "Nama Pengguna Layanan",
    "responded": "Tanggal Tanggapan",
    "extended": "Tanggal Perpanjangan",
    "decision": "Keputusan",
    "refusal_reason": "Alasan Penolakan",
    "keberatan": "Tanggal Keberatan",
}
OPTIONAL = [f for f in COLUMNS if f not in {"received", "number"}]

#: One request: unit, service, topic text, day received, days to answer (None: open),
#: extension after (None: none), decision cell, refusal reason, keberatan.
requests = st.tuples(
    st.sampled_from(["KPU Kota Kupang", "KPU Kabupaten Alor", ""]),
    st.sampled_from(["Informasi", "Konsultasi", ""]),
    st.sampled_from(["Data DPT", "Hasil Pemilu 2024", "Anggaran", ""]),
    request_dates,
    st.one_of(st.none(), st.integers(-2, 30)),
    st.one_of(st.none(), st.integers(0, 12)),
    st.sampled_from(["Disetujui", "Ditolak", "", "selesai", "??"]),
    st.sampled_from(["", "Dikecualikan"]),
    st.booleans(),
)
registers = st.tuples(
    st.lists(requests, max_size=8), st.sets(st.sampled_from(OPTIONAL)).map(sorted)
)


def make(rows: list[tuple[object, ...]], fields: list[str], source: str) -> Register:
    keep = ["number", "received", *fields]
    head = [COLUMNS[f] for f in keep]
    cells = []
    for i, (unit, service, info, day, wait, ext, decision, reason, kb) in enumerate(rows):
        assert isinstance(day, dt.date)
        assert wait is None or isinstance(wait, int)
        assert ext is None or isinstance(ext, int)
        value = {
            "number": str(i + 1),
            "unit": unit,
            "service": service,
            "information": info,
            "received": day.isoformat(),
            "requester": "Budi Santoso" if i % 2 else "",
            "responded": "" if wait is None else (day + dt.timedelta(days=wait)).isoformat(),
            "extended": "" if ext is None else (day + dt.timedelta(days=ext)).isoformat(),
            "decision": decision,
            "refusal_reason": reason,
            "keberatan": (day + dt.timedelta(days=40)).isoformat() if kb else "",
        }
        cells.append([str(value[f]) for f in keep])
    return Register.from_rows([head, *cells], source=source, calendar=CAL)


def summaries(parts: list[tuple[list[tuple[object, ...]], list[str]]]) -> list[ServiceSummary]:
    regs = [make(rows, fields, f"r{i}.csv") for i, (rows, fields) in enumerate(parts)]
    return [service_summary(r, CAL, as_of=AS_OF) for r in regs]


@budget(0.3)
@given(st.lists(registers, min_size=1, max_size=3), st.sampled_from([None, 2023, 2024]))
def test_merged_summaries_report_as_one_pass_over_the_concatenated_register(
    parts: list[tuple[list[tuple[object, ...]], list[str]]], year: int | None
) -> None:
    regs = [make(rows, fields, f"r{i}.csv") for i, (rows, fields) in enumerate(parts)]
    merged = sum(service_summary(r, CAL, as_of=AS_OF, year=year) for r in regs)
    assert isinstance(merged, ServiceSummary)
    whole = service_report(merge_registers(regs), CAL, as_of=AS_OF, year=year)
    assert ServiceReport.from_summary(merged).to_json() == whole.to_json()


@budget(0.2)
@given(registers, registers, registers)
def test_service_summaries_form_a_commutative_monoid(
    a: tuple[list[tuple[object, ...]], list[str]],
    b: tuple[list[tuple[object, ...]], list[str]],
    c: tuple[list[tuple[object, ...]], list[str]],
) -> None:
    x, y, z = summaries([a, b, c])
    identity = ServiceSummary()
    assert (x + y) + z == x + (y + z)
    assert x + y == y + x
    assert x + identity == identity + x == x
    assert sum([x, y, z]) == x + y + z == ServiceSummary.merge([x, y, z])
    assert ServiceSummary.merge([]) == identity
    # grouping never changes the report either
    left, right = ServiceReport.from_summary((x + y) + z), ServiceReport.from_summary(x + (y + z))
    assert left.to_json() == right.to_json()


@budget(0.2)
@given(st.lists(registers, max_size=3))
def test_to_dict_round_trips_through_json(
    parts: list[tuple[list[tuple[object, ...]], list[str]]],
) -> None:
    merged = ServiceSummary.merge(summaries(parts))
    back = ServiceSummary.from_dict(json.loads(json.dumps(merged.to_dict())))
    assert back == merged
    assert back.to_dict() == merged.to_dict()  # the order of every count kept too
    if merged.parts:
        assert ServiceReport.from_summary(back).to_json() == (
            ServiceReport.from_summary(merged).to_json()
        )


histograms = st.lists(st.integers(0, 40), max_size=10).map(DayHistogram.of)


@given(st.lists(histograms, max_size=5))
def test_the_merged_histogram_gives_the_figures_of_all_the_times(
    parts: list[DayHistogram],
) -> None:
    merged = sum(parts, DayHistogram())
    times = sorted(d for p in parts for d, n in p for _ in range(n))
    assert merged == DayHistogram.merge(parts) == DayHistogram.of(times)
    assert merged.count == len(times)
    if not times:
        assert merged.median is None
        assert merged.mean is None
        assert merged.max is None
        return
    mid = len(times) // 2
    median = Fraction(times[mid]) if len(times) % 2 else Fraction(times[mid - 1] + times[mid], 2)
    assert merged.median == median
    assert merged.mean == Fraction(sum(times), len(times))
    assert merged.share_within(10) == Fraction(sum(t <= 10 for t in times), len(times))


#: Register rows, a few with a date that cannot be read or a decision the table lacks.
_RECEIVED = st.sampled_from(["4 Juni 2024", "31 Juni 2024", "2024-06-05", "kemarin", ""])
_DECISION = st.sampled_from(["Disetujui", "Ditolak", "??", ""])
cells = st.lists(st.tuples(_RECEIVED, _DECISION), min_size=1, max_size=12)
cuts = st.lists(st.integers(0, 12), max_size=3)
HEAD = ["No", COLUMNS["received"], COLUMNS["decision"]]


def _csv(rows: list[tuple[str, str]], first: int) -> str:
    lines = [",".join(HEAD)]
    lines += [f"{first + i},{received},{decision}" for i, (received, decision) in enumerate(rows)]
    return "\n".join(lines) + "\n"


@budget(0.2)
@given(cells, cuts)
def test_partitions_with_row_offsets_read_as_the_whole_file(
    rows: list[tuple[str, str]], cut_at: list[int]
) -> None:
    points = sorted({0, len(rows), *(c % (len(rows) + 1) for c in cut_at)})
    errors: list[LocatedError] = []
    parts: list[Register] = []
    for a, b in itertools.pairwise(points):
        try:
            parts.append(parse_register(_csv(rows[a:b], a + 1), source="whole.csv", row_offset=a))
        except DataFileError as exc:
            errors += [e for e in exc.exceptions if isinstance(e, LocatedError)]
    if errors:
        with pytest.raises(DataFileError) as raised:
            parse_register(_csv(rows, 1), source="whole.csv")
        assert DataFileError.from_errors("whole.csv", errors).report() == raised.value.report()
        return
    whole = parse_register(_csv(rows, 1), source="whole.csv")
    assert [r for p in parts for r in p.rows] == list(whole.rows)
    assert [str(w) for p in parts for w in p.warnings] == [str(w) for w in whole.warnings]
