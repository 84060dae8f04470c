"""Models: masking in repr, aware datetimes, decision validation."""

from __future__ import annotations

import datetime as dt

import pytest

from ppid_core.errors import InvalidArgumentError, NaiveDatetimeError
from ppid_core.requests import (
    ClockStart,
    Decision,
    DecisionKind,
    InformationRequest,
    Keberatan,
    Requester,
)

WITA = dt.timezone(dt.timedelta(hours=8))


def make(**kw: object) -> InformationRequest:
    fields: dict[str, object] = {
        "number": "1",
        "received_at": dt.datetime(2024, 6, 4, 9, 0, tzinfo=WITA),
        "requester": Requester(name="Ana Waha Kolin", phone="081339437168", email="ana@x.id"),
        "information": "Data Perolehan Suara Perempuan",
    }
    fields.update(kw)
    return InformationRequest(**fields)  # type: ignore[arg-type]


def test_repr_masks_personal_data() -> None:
    text = repr(make())
    assert "Ana Waha Kolin" not in text
    assert "081339437168" not in text
    assert "ana@x.id" not in text
    assert "Requester(name='A. W. K.', phone='********7168', email='a***@x.id')" in text


def test_values_are_kept() -> None:
    assert make().requester.phone == "081339437168"


def test_naive_datetime_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        make(received_at=dt.datetime(2024, 6, 4, 9, 0))  # noqa: DTZ001
    assert str(info.value) == "received_at must be timezone-aware (got naive 2024-06-04T09:00:00)"


def test_clock_start_setting() -> None:
    reg = dt.datetime(2024, 6, 5, 8, 0, tzinfo=WITA)
    req = make(registered_at=reg)
    assert req.clock_start() == req.received_at
    assert req.clock_start(ClockStart.REGISTRATION) == reg
    assert req.clock_start(ClockStart.COMPLETION) == req.received_at  # not recorded: receipt


def test_refusal_needs_exception() -> None:
    with pytest.raises(InvalidArgumentError) as info:  # a PpidError and a ValueError (issue 9)
        Decision(kind=DecisionKind.PARTIALLY_GRANTED)
    assert str(info.value) == (
        "a diterima sebagian decision needs the Pasal 17 exception it rests on"
    )
    assert Decision(kind=DecisionKind.REFUSED, exception="Pasal 17 huruf h").exception


def test_holder_only_when_not_held() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Decision(kind=DecisionKind.GRANTED, holder="KPU RI")
    assert str(info.value) == (
        "holder is given only when the information is not held (tidak dikuasai)"
    )
    assert Decision(kind=DecisionKind.NOT_HELD, holder="KPU RI").holder == "KPU RI"


def test_keberatan_needs_a_ground() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        Keberatan(filed_on=dt.date(2024, 7, 1), grounds=[])
    assert str(info.value) == ("grounds must name at least one ground of Pasal 35 ayat (1)")


def test_keberatan_unknown_ground() -> None:
    # issue 9: the enum's plain ValueError escaped
    with pytest.raises(InvalidArgumentError) as info:
        Keberatan(filed_on=dt.date(2024, 7, 1), grounds=["c", "z"])
    assert str(info.value) == (
        "unknown ground 'z'; expected a letter of Pasal 35 ayat (1): a, b, c, d, e, f, g"
    )
