"""Checking a DIP: staleness, addresses, consequence tests, wajib keys, completeness."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from ppid_core.dip import (
    Category,
    DipCheck,
    FindingKind,
    RequiredList,
    add_months,
    check_dip,
    parse_dip,
)
from ppid_core.errors import DataFileError, InvalidArgumentError, UnknownNameError
from ppid_core.examples.dip import load_example_dip

ITEM = """\
  - number: {n}
    summary: Informasi {n}
    holder: Sub Bagian Umum
    responsible: Sekretaris
    created: 2024, Kota Contoh
    form: elektronik
    retention: 5 tahun
    category: {category}
"""


def dip_of(*items: str) -> str:
    return "unit: KPU Kota Contoh\nitems:\n" + "".join(items)


def item(n: int, category: str = "berkala", **extra: str) -> str:
    text = ITEM.format(n=n, category=category)
    return text + "".join(f"    {k}: {v}\n" for k, v in extra.items())


def kinds(check: DipCheck) -> list[tuple[str, str | None]]:
    return [(f.kind.value, f.number or f.key) for f in check.findings]


def test_example_on_two_days() -> None:
    dip = load_example_dip()
    early = check_dip(dip, on=dt.date(2024, 12, 28))
    assert (early.current, early.complete) == (True, True)
    assert kinds(early) == [("no_url", "9"), ("no_uji_konsekuensi", "13")]
    late = check_dip(dip, on=dt.date(2024, 12, 29))
    assert (late.current, late.complete, late.ok) == (False, True, False)
    assert kinds(late) == [("stale", "3"), ("no_url", "9"), ("no_uji_konsekuensi", "13")]
    assert [f.message for f in late.findings] == [
        "item 3: berkala information last updated 2024-06-28; an update was due by "
        "2024-12-28 (every 6 months, UU 14/2008 Pasal 9 ayat (3))",
        "item 9: no url where the information is published",
        "item 13: dikecualikan without uji_konsekuensi; name the decree or minutes of its "
        "consequence test",
    ]
    assert late.findings[2].citation == "UU 14/2008 Pasal 19"


def test_missing_entries_name_the_article_and_the_key() -> None:
    one = dip_of(item(1, wajib="pasal-9-2-a", url="https://example.org/1", updated="2024-07-01"))
    check = check_dip(parse_dip(one), on=dt.date(2024, 8, 1))
    missing = check.of_kind(FindingKind.MISSING)
    assert [f.key for f in missing] == [
        "pasal-9-2-b",
        "pasal-9-2-c",
        "pasal-11-1-a",
        "pasal-11-1-b",
        "pasal-11-1-c",
        "pasal-11-1-d",
        "pasal-11-1-e",
        "pasal-11-1-f",
        "pasal-11-1-g",
        "pasal-11-1-h",
    ]  # Pasal 10 (serta merta) only applies when such information exists
    assert missing[0].message == (
        "no item fulfils UU 14/2008 Pasal 9 ayat (2) huruf b (informasi mengenai kegiatan dan "
        "kinerja Badan Publik terkait); add one with wajib: pasal-9-2-b"
    )
    assert (check.complete, check.current) == (False, True)
    status = {c.entry.key: c.status for c in check.coverage}
    assert status["pasal-9-2-a"] == "ada"
    assert status["pasal-9-2-b"] == "tidak ada"
    assert status["pasal-10-1"] == "bila ada"


UNKNOWN = (
    "is not an entry of the required list uu_14_2008; expected one of: pasal-9-2-a, "
    "pasal-9-2-b, pasal-9-2-c, pasal-10-1, pasal-11-1-a, pasal-11-1-b, pasal-11-1-c, "
    "pasal-11-1-d, pasal-11-1-e, pasal-11-1-f, pasal-11-1-g, pasal-11-1-h"
)


def located(text: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        check_dip(parse_dip(text, source="dip.yaml"), on=dt.date(2025, 1, 1))
    return [str(e) for e in info.value.exceptions]


def test_an_unknown_wajib_key_is_a_located_error_not_a_finding() -> None:
    text = dip_of(
        item(1, url="https://example.org/1", wajib="pasal-99"),
        item(3, "setiap_saat", url="https://example.org/3", wajib="[pasal-11-1-a, pasal-9-2-x]"),
    )
    expected = [
        f"dip.yaml:12:12 ($.items[0].wajib): 'pasal-99' {UNKNOWN}",
        f"dip.yaml:22:27 ($.items[1].wajib[1]): 'pasal-9-2-x' {UNKNOWN}",
    ]
    # check_dip refuses them, located where the file names them ...
    assert located(text) == expected
    # ... and load_dip/parse_dip with required= refuses them with the file's other errors
    bad = text.replace("category: setiap_saat", "category: rahasia")
    with pytest.raises(DataFileError) as info:
        parse_dip(bad, source="dip.yaml", required="uu_14_2008")
    assert [str(e) for e in info.value.exceptions] == [
        expected[0],
        "dip.yaml:20:15 ($.items[1].category): unknown value 'rahasia'; expected one of: "
        "berkala, dikecualikan, serta_merta, setiap_saat",
        expected[1],
    ]


def test_an_unknown_wajib_key_of_a_dip_built_in_code_names_its_path() -> None:
    dip = load_example_dip()
    typo = attrs.evolve(dip.items[1], number="77", wajib=("pasal-9-2-z",))
    with pytest.raises(DataFileError) as info:
        check_dip(attrs.evolve(dip, items=(dip.items[0], typo)), on=dt.date(2025, 1, 1))
    source = dip.source
    assert [str(e) for e in info.value.exceptions] == [
        f"{source} ($.items[1].wajib): 'pasal-9-2-z' {UNKNOWN}"
    ]
    empty = attrs.evolve(RequiredList.bundled(), key="own", entries=())
    with pytest.raises(DataFileError) as info:
        check_dip(dip, on=dt.date(2025, 1, 1), required=empty)
    assert str(info.value.exceptions[0]).endswith(
        "($.items[0].wajib): 'pasal-9-2-a' is not an entry of the required list own, "
        "which has no entries"
    )


def test_undated_future_and_category_mismatch() -> None:
    text = dip_of(
        item(1, url="https://example.org/1"),
        item(2, url="https://example.org/2", updated="2025-02-01"),
        item(3, "setiap_saat", url="https://example.org/3", wajib="[pasal-9-2-a]"),
        item(4, "serta_merta", url="https://example.org/4"),
    )
    check = check_dip(parse_dip(text), on=dt.date(2025, 1, 1), required=RequiredList.bundled())
    found = [f for f in check.findings if f.kind is not FindingKind.MISSING]
    assert [f.message for f in found] == [
        "item 1: berkala information without a date of last update; give updated: YYYY-MM-DD",
        "item 2: last updated 2025-02-01, after the day checked (2025-01-01)",
        "item 3: is setiap_saat, but UU 14/2008 Pasal 9 ayat (2) huruf a is berkala information",
    ]
    assert not check.current
    # serta merta and setiap saat are not berkala: no staleness without a date
    assert all(f.number != "4" for f in check.findings)


def test_excepted_items_need_no_url() -> None:
    text = dip_of(item(1, "dikecualikan", uji_konsekuensi="SK PPID 1/2024"))
    check = check_dip(parse_dip(text), on=dt.date(2025, 1, 1))
    assert [f.kind for f in check.findings if f.number == "1"] == []


def test_add_months_clamps_to_the_last_day() -> None:
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 12, 15), 1) == dt.date(2025, 1, 15)
    assert add_months(dt.date(2024, 1, 31), 0) == dt.date(2024, 1, 31)


def test_bad_arguments() -> None:
    dip = load_example_dip()
    with pytest.raises(InvalidArgumentError, match=r"on must be a datetime\.date, got datetime"):
        check_dip(dip, on=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(UnknownNameError, match="unknown required list 'kpu'; bundled: uu_14_2008"):
        check_dip(dip, on=dt.date(2025, 1, 1), required="kpu")


def test_an_own_list_with_another_rule() -> None:
    uu = RequiredList.bundled()
    three = attrs.evolve(uu, staleness=attrs.evolve(uu.staleness, months=3))
    check = check_dip(load_example_dip(), on=dt.date(2024, 11, 16), required=three)
    assert kinds(check)[:2] == [("stale", "2"), ("stale", "3")]


def test_result_protocol() -> None:
    check = check_dip(load_example_dip(), on=dt.date(2025, 1, 15))
    data = check.to_dict()
    assert data["on"] == "2025-01-15"
    assert (data["current"], data["complete"], data["items"]) == (False, True, 14)
    assert data["urls"] == {"checked": False, "results": []}
    assert data["coverage"][0] == {
        "key": "pasal-9-2-a",
        "citation": "UU 14/2008 Pasal 9 ayat (2) huruf a",
        "category": "berkala",
        "confidence": "S",
        "numbers": ["1"],
        "status": "ada",
    }
    assert check.tables()[0].title == "Findings: 3"
    assert repr(check) == (
        "<DipCheck KPU Provinsi Nusa Tenggara Timur: 14 items, 3 findings, not current>"
    )
    assert check.to_markdown().startswith(
        "# DIP monitoring of KPU Provinsi Nusa Tenggara Timur on 2025-01-15\n"
    )
    assert Category.SERTA_MERTA.label == "Serta Merta"
