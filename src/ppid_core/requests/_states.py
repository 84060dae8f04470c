"""Where a request stands ([`State`][State]), and how against its deadline
([`CaseStatus`][CaseStatus]).

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 35–38.
"""

from __future__ import annotations

import enum
from typing import Final

from ppid_core.requests._rules import Step

__all__ = ["CLOSING", "OPEN_OBLIGATION", "CaseStatus", "State"]


class State(enum.Enum):
    """Where a request stands."""

    RECEIVED = "received"
    EXTENDED = "extended"
    DECIDED = "decided"
    KEBERATAN_FILED = "keberatan_filed"
    KEBERATAN_ANSWERED = "keberatan_answered"
    SENGKETA_FILED = "sengketa_filed"
    SENGKETA_SETTLED = "sengketa_settled"


class CaseStatus(enum.Enum):
    """How a case stands against its current deadline on a given day (``Case.status_on``)."""

    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    UNKNOWN = "unknown"
    """The rule set has no number for the current step."""


#: The states that can end a case (each comes with a decision).
CLOSING: Final = frozenset({State.DECIDED, State.KEBERATAN_ANSWERED, State.SENGKETA_SETTLED})
#: The step whose deadline the body (or the Komisi Informasi) must meet, by state.
OPEN_OBLIGATION: Final = {
    State.RECEIVED: Step.RESPONSE,
    State.EXTENDED: Step.EXTENDED_RESPONSE,
    State.KEBERATAN_FILED: Step.ATASAN_ANSWER,
    State.SENGKETA_FILED: Step.KI_FINISH,
}
