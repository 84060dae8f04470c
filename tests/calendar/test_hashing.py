"""A calendar is a value: equal when built from the same inputs, hashable, a cache key."""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.calendar import (
    Closure,
    ExtraWorkingDay,
    HolidayYear,
    LocalCalendar,
    OfficeHours,
    WorkCalendar,
    estimated_year,
    parse_local_calendar,
    resolve_zone,
)
from tests.property.strategies import budget

BASE = WorkCalendar.indonesia(holidays_dir=None)
LOCAL = """\
zone: NTT
closures:
  - date: 2024-11-04
    until: 2024-11-08
    name: Penutupan kantor, erupsi Gunung Lewotobi Laki-laki
"""


def test_hash_of_the_national_calendar() -> None:
    # hash(WorkCalendar.indonesia()) raised TypeError (a dict of office hours inside)
    again = WorkCalendar.indonesia(holidays_dir=None)
    assert again is not BASE
    assert again == BASE
    assert hash(again) == hash(BASE)


def test_a_calendar_keys_a_dict_and_a_cache() -> None:
    calls: list[WorkCalendar] = []

    @functools.cache
    def deadline(cal: WorkCalendar, received: dt.date) -> dt.date:
        calls.append(cal)
        return cal.add_working_days(received, 10)

    received = dt.date(2025, 3, 27)
    assert deadline(BASE, received) == dt.date(2025, 4, 22)
    assert deadline(WorkCalendar.indonesia(holidays_dir=None), received) == dt.date(2025, 4, 22)
    assert len(calls) == 1  # the second, equal calendar hit the cache
    other = WorkCalendar.indonesia(holidays_dir=None, cuti_bersama=False)
    assert deadline(other, received) == dt.date(2025, 4, 14)
    assert len(calls) == 2
    by_calendar = {BASE: "ASN", other: "swasta"}
    assert by_calendar[WorkCalendar.indonesia(holidays_dir=None)] == "ASN"


def test_the_same_inputs_spelled_differently_make_equal_calendars() -> None:
    mon_fri = {"monday": "08:00-16:00", "friday": "08:00-11:00"}
    fri_mon = {"friday": "08:00-11:00", "monday": "08:00-16:00"}
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"zone": "WITA"}, {"zone": "Asia/Makassar"}),
        ({"zone": "Nusa Tenggara Timur"}, {"zone": "NTT"}),
        ({"local": LOCAL.encode()}, {"local": parse_local_calendar(LOCAL)}),
        ({"office_hours": None}, {"office_hours": None}),
        (
            {"office_hours": OfficeHours.parse(mon_fri)},
            {"office_hours": OfficeHours.parse(fri_mon)},
        ),
        ({"estimate_until": 2028}, {"estimate_until": 2028}),
        # a closure is the same closure whether a local file or the code gives it
        ({"local": LocalCalendar(closures=(CLOSURE,))}, {"closures": [CLOSURE]}),
    ]
    for one, two in pairs:
        a = WorkCalendar.indonesia(holidays_dir=None, **one)
        b = WorkCalendar.indonesia(holidays_dir=None, **two)
        assert a == b, one
        assert hash(a) == hash(b), one


CLOSURE = Closure(start=dt.date(2025, 5, 5), end=dt.date(2025, 5, 6), name="Penutupan kantor")
EXTRA_DAY = ExtraWorkingDay(date=dt.date(2025, 3, 29), name="Hari kerja pengganti")
VARIANTS: dict[str, dict[str, Any]] = {
    "zone": {"zone": "WIT"},
    "cuti_bersama": {"cuti_bersama": False},
    "office hours": {"office_hours": None},
    "local file": {"local": LOCAL.encode()},
    "local working day": {"local": LocalCalendar(working_days=(EXTRA_DAY,), zone="WITA")},
    "closure in code": {"closures": [CLOSURE]},
    "extra working day": {"working_days": [EXTRA_DAY]},
    "extra year": {"extra_years": [estimated_year(HolidayYear.bundled_names()[-1] + 1)]},
    "estimation": {"estimate_until": HolidayYear.bundled_names()[-1] + 2},
}


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
def test_a_different_input_makes_a_different_calendar(variant: str) -> None:
    changed = WorkCalendar.indonesia(holidays_dir=None, **VARIANTS[variant])
    assert changed != BASE
    assert hash(changed) != hash(BASE)  # not promised by hashing, but true for these


def test_every_variant_is_its_own_cache_entry() -> None:
    calendars = [WorkCalendar.indonesia(holidays_dir=None, **kw) for kw in VARIANTS.values()]
    assert len({BASE, *calendars}) == len(VARIANTS) + 1


def test_changing_the_hours_given_does_not_change_the_calendar() -> None:
    hours = {0: (dt.time(8), dt.time(16))}
    cal = WorkCalendar.indonesia(holidays_dir=None, office_hours=OfficeHours(hours=hours))
    before = hash(cal)
    hours[1] = (dt.time(8), dt.time(12))  # the caller's dict, not the calendar's copy
    assert cal.office_hours is not None
    assert dict(cal.office_hours.hours) == {0: (dt.time(8), dt.time(16))}
    assert hash(cal) == before
    assert cal == WorkCalendar.indonesia(
        holidays_dir=None, office_hours=OfficeHours(hours={0: (dt.time(8), dt.time(16))})
    )


def test_a_pickled_calendar_is_equal_and_hashes_the_same() -> None:
    hash(BASE)  # the hash is cached on first use; the copy must not carry a stale one
    copy = pickle.loads(pickle.dumps(BASE))
    assert copy == BASE
    assert hash(copy) == hash(BASE)
    assert copy.add_working_days(dt.date(2025, 3, 27), 10) == dt.date(2025, 4, 22)


# -- the law ---------------------------------------------------------------------------

#: Small choices, so that two draws are often the same inputs (spelled alike or not).
ZONES = ("Asia/Jakarta", "WIB", "Asia/Makassar", "WITA", "NTT", "WIT")
HOURS = (None, OfficeHours.perpres_21_2023(), OfficeHours.parse({"monday": "08:00-16:00"}))
LAST = HolidayYear.bundled_names()[-1]
inputs = st.fixed_dictionaries(
    {
        "zone": st.sampled_from(ZONES),
        "cuti_bersama": st.booleans(),
        "office_hours": st.sampled_from(HOURS),
        "closures": st.sampled_from([(), (CLOSURE,)]),
        "working_days": st.sampled_from([(), (EXTRA_DAY,)]),
        "estimate_until": st.sampled_from([None, LAST + 1]),
    }
)


def _meaning(kw: dict[str, Any]) -> tuple[object, ...]:
    """What the inputs mean, with the zone's spelling resolved."""
    return (resolve_zone(kw["zone"]), *(kw[k] for k in sorted(kw) if k != "zone"))


@pytest.mark.property
@budget(0.2)
@given(inputs, inputs)
def test_equal_calendars_hash_equal_and_equal_inputs_give_equal_calendars(
    one: dict[str, Any], two: dict[str, Any]
) -> None:
    a = WorkCalendar.indonesia(holidays_dir=None, **one)
    b = WorkCalendar.indonesia(holidays_dir=None, **two)
    assert (a == b) == (_meaning(one) == _meaning(two))
    if a == b:
        assert hash(a) == hash(b)
    assert a == WorkCalendar.indonesia(holidays_dir=None, **one)  # reflexive across builds
