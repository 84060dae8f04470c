"""Models of an information request, its decision, a keberatan and a sengketa.

Models are frozen, keyword-only attrs classes. Personal data of the requester is
masked in ``repr`` (phone ``********2120``, e-mail ``a***@example.org``, name as
initials); the values themselves are kept as given.

    >>> import datetime as dt
    >>> wita = dt.timezone(dt.timedelta(hours=8))
    >>> req = InformationRequest(
    ...     number="001/PPID/VI/2024",
    ...     received_at=dt.datetime(2024, 6, 4, 9, 30, tzinfo=wita),
    ...     channel=Channel.IN_PERSON,
    ...     requester=Requester(name="Arieston Dappa, S.T.", phone="085339672120"),
    ...     information="Pemetaan Perolehan Parpol di Kabupaten/Kota",
    ... )
    >>> req.requester
    Requester(name='A. D.', phone='********2120', email='')

References:
    UU 14/2008 Pasal 22 ayat (1)–(4) (request, registration), Pasal 22 ayat (7) (the
    written notice's contents), Pasal 17 (exceptions), Pasal 35 ayat (1) (grounds for
    keberatan), Pasal 37 (sengketa).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from ppid_core._masking import mask_email, mask_name, mask_phone
from ppid_core.errors import InvalidArgumentError, NaiveDatetimeError

__all__ = [
    "Channel",
    "ClockStart",
    "Decision",
    "DecisionKind",
    "InformationRequest",
    "Keberatan",
    "KeberatanGround",
    "Requester",
    "Sengketa",
]


class Channel(enum.Enum):
    """How a request reached the office (UU 14/2008 Pasal 22 ayat (1): written or not)."""

    IN_PERSON = "in_person"
    EMAIL = "email"
    POST = "post"
    WEBSITE = "website"
    PHONE = "phone"
    WHATSAPP = "whatsapp"
    OTHER = "other"


class ClockStart(enum.Enum):
    """Which moment starts the response clock — an explicit setting of the office.

    UU 14/2008 Pasal 22 ayat (7) counts "sejak diterimanya permintaan" (receipt, the
    default); some agencies count from registration in the register, or from the day an
    incomplete request was completed.
    """

    RECEIPT = "receipt"
    REGISTRATION = "registration"
    COMPLETION = "completion"


def _aware(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, dt.datetime) and value.utcoffset() is None:
        msg = f"{attribute.name} must be timezone-aware (got naive {value.isoformat()})"
        raise NaiveDatetimeError(msg)


@attrs.frozen(kw_only=True)
class Requester:
    """The person or body asking (pemohon informasi); masked in ``repr``.

    Attributes:
        name: Name as written.
        phone: Phone number as written (may be empty).
        email: E-mail address as written (may be empty).
    """

    name: str = attrs.field(repr=lambda v: repr(mask_name(v)))
    phone: str = attrs.field(default="", repr=lambda v: repr(mask_phone(v)))
    email: str = attrs.field(default="", repr=lambda v: repr(mask_email(v)))


@attrs.frozen(kw_only=True)
class InformationRequest:
    """A request for public information (permohonan informasi publik).

    Attributes:
        number: Register number (nomor pendaftaran), UU 14/2008 Pasal 22 ayat (4).
        received_at: When the office received it; timezone-aware, converted to the
            office's zone by the calendar.
        channel: How it arrived.
        requester: Who asks.
        information: The information asked for.
        purpose: What it will be used for (tujuan penggunaan).
        unit: The office unit handling it.
        service: Kind of service, as the register names it (e.g. "Layanan Konsultasi/
            Mediasi").
        registered_at: When it was entered in the register, if that differs.
        completed_at: When an incomplete request was completed, if it was incomplete.

    Raises:
        NaiveDatetimeError: A datetime without a time zone.
    """

    number: str
    received_at: dt.datetime = attrs.field(validator=_aware)
    channel: Channel = Channel.OTHER
    requester: Requester
    information: str
    purpose: str = ""
    unit: str = ""
    service: str = ""
    registered_at: dt.datetime | None = attrs.field(default=None, validator=_aware)
    completed_at: dt.datetime | None = attrs.field(default=None, validator=_aware)

    def clock_start(self, setting: ClockStart = ClockStart.RECEIPT) -> dt.datetime:
        """The moment the response clock starts under ``setting``.

        Falls back to `received_at` when the chosen moment was not recorded.
        """
        if setting is ClockStart.REGISTRATION and self.registered_at is not None:
            return self.registered_at
        if setting is ClockStart.COMPLETION and self.completed_at is not None:
            return self.completed_at
        return self.received_at


class DecisionKind(enum.Enum):
    """What the written notice decides (UU 14/2008 Pasal 22 ayat (7))."""

    GRANTED = "granted"
    """Diterima seluruhnya: the information is given in full."""
    PARTIALLY_GRANTED = "partially_granted"
    """Diterima sebagian: part is withheld under a Pasal 17 exception."""
    REFUSED = "refused"
    """Ditolak: refused under a Pasal 17 exception."""
    NOT_HELD = "not_held"
    """Tidak dikuasai: not held; the notice names the body that holds it, if known."""
    NOT_DOCUMENTED = "not_documented"
    """Belum didokumentasikan: not yet documented."""

    @property
    def label(self) -> str:
        """The Indonesian label used in registers and reports."""
        return _DECISION_LABELS[self]


_DECISION_LABELS = {
    DecisionKind.GRANTED: "diterima seluruhnya",
    DecisionKind.PARTIALLY_GRANTED: "diterima sebagian",
    DecisionKind.REFUSED: "ditolak",
    DecisionKind.NOT_HELD: "tidak dikuasai",
    DecisionKind.NOT_DOCUMENTED: "belum didokumentasikan",
}


def _check_decision(inst: Decision, _attr: attrs.Attribute[Any], _value: object) -> None:
    if inst.kind in (DecisionKind.REFUSED, DecisionKind.PARTIALLY_GRANTED) and not inst.exception:
        msg = f"a {inst.kind.label} decision needs the Pasal 17 exception it rests on"
        raise InvalidArgumentError(msg)
    if inst.holder is not None and inst.kind is not DecisionKind.NOT_HELD:
        msg = "holder is given only when the information is not held (tidak dikuasai)"
        raise InvalidArgumentError(msg)


@attrs.frozen(kw_only=True)
class Decision:
    """The decision a written notice communicates.

    Attributes:
        kind: What was decided.
        exception: The Pasal 17 exception relied on, as cited (e.g. "Pasal 17 huruf h");
            required when refused or granted in part.
        reason: Further reasons, as written.
        holder: The public body that holds the information, when it is not held here.

    Raises:
        InvalidArgumentError: A refusal (in whole or in part) without its exception, or a
            holder named for information that is held.

    Examples:
        >>> Decision(kind=DecisionKind.REFUSED)
        Traceback (most recent call last):
        ...
        ppid_core.errors.InvalidArgumentError: a ditolak decision needs the Pasal 17 exception ...

    References:
        UU 14/2008 Pasal 17; Pasal 22 ayat (7) huruf b.
    """

    kind: DecisionKind
    exception: str | None = None
    reason: str = ""
    holder: str | None = attrs.field(default=None, validator=_check_decision)


class KeberatanGround(enum.Enum):
    """A ground for keberatan (UU 14/2008 Pasal 35 ayat (1) huruf a–g)."""

    A = "a"
    """Refusal on an exception ground of Pasal 17."""
    B = "b"
    """Periodic information (Pasal 9) not provided."""
    C = "c"
    """The request was not responded to."""
    D = "d"
    """The request was answered other than as asked."""
    E = "e"
    """The request was not fulfilled."""
    F = "f"
    """Unreasonable fees."""
    G = "g"
    """Information delivered later than the Act allows."""


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
    if not value:
        msg = f"{attribute.name} must name at least one ground of Pasal 35 ayat (1)"
        raise InvalidArgumentError(msg)


_GROUNDS = {g.value: g for g in KeberatanGround}
_LETTERS = ", ".join(_GROUNDS)


def _grounds(values: Iterable[KeberatanGround | str]) -> frozenset[KeberatanGround]:
    out = []
    for v in values:
        ground = v if isinstance(v, KeberatanGround) else _GROUNDS.get(v)
        if ground is None:
            msg = f"unknown ground {v!r}; expected a letter of Pasal 35 ayat (1): {_LETTERS}"
            raise InvalidArgumentError(msg)
        out.append(ground)
    return frozenset(out)


@attrs.frozen(kw_only=True)
class Keberatan:
    """Keberatan (objection) to the atasan PPID under UU 14/2008 Pasal 35–36.

    Attributes:
        filed_on: The day the written keberatan was received.
        grounds: One or more grounds of Pasal 35 ayat (1) (members or their letters).
        number: Its register number, if any.

    Raises:
        InvalidArgumentError: No ground, or a letter that names none.
    """

    filed_on: dt.date
    grounds: frozenset[KeberatanGround] = attrs.field(converter=_grounds, validator=_non_empty)
    number: str = ""


@attrs.frozen(kw_only=True)
class Sengketa:
    """Sengketa (information dispute) before the Komisi Informasi, UU 14/2008 Pasal 37–38.

    Attributes:
        filed_on: The day the Komisi Informasi received the application.
        number: The Komisi Informasi's register number, if known.
    """

    filed_on: dt.date
    number: str = ""
