"""The checks a [`Case`][ppid_core.requests.Case] makes before each transition.

Each refuses with [`IllegalTransitionError`][ppid_core.errors.IllegalTransitionError]: the current
state
must allow the move, a move that can end the case needs a
[`Decision`][ppid_core.requests.Decision], dates run forward, and a statutory window must
still be open on the day of the move.

    >>> import datetime as dt
    >>> not_before("decide", dt.date(2025, 4, 1), dt.date(2025, 4, 2))
    Traceback (most recent call last):
    ...
    ppid_core.errors.IllegalTransitionError: cannot decide on 2025-04-01, before 2025-04-02

References:
    UU 14/2008 Pasal 22 ayat (7)–(8), Pasal 35–38.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from ppid_core.errors import IllegalTransitionError
from ppid_core.requests._chain import Deadline
from ppid_core.requests._models import Decision
from ppid_core.requests._states import State

__all__ = ["in_state", "not_before", "recorded", "require_decision", "within_window"]

T = TypeVar("T")


def in_state(state: State, action: str, *allowed: State) -> None:
    """Refuse ``action`` unless the case is in one of the ``allowed`` states."""
    if state not in allowed:
        names = ", ".join(s.value for s in allowed)
        msg = f"cannot {action} a request in state {state.value!r} (only from: {names})"
        raise IllegalTransitionError(msg)


def require_decision(action: str, decision: object) -> None:
    """Refuse ``action`` without a [`Decision`][ppid_core.requests.Decision] (``None`` too)."""
    if not isinstance(decision, Decision):
        msg = f"cannot {action} without a Decision (got {decision!r})"
        raise IllegalTransitionError(msg)


def not_before(action: str, day: dt.date, earlier: dt.date | None) -> None:
    """Refuse ``action`` on ``day`` when it comes before ``earlier`` (if known)."""
    if earlier is not None and day < earlier:
        msg = f"cannot {action} on {day.isoformat()}, before {earlier.isoformat()}"
        raise IllegalTransitionError(msg)


def within_window(action: str, window: Deadline, day: dt.date) -> None:
    """Refuse ``action`` on ``day`` when the statutory ``window`` has closed."""
    if window.due is not None and day > window.due:
        msg = (
            f"cannot {action} on {day.isoformat()}: the window closed on "
            f"{window.due.isoformat()} ({window.rule.citation})"
        )
        raise IllegalTransitionError(msg)


def recorded(value: T | None, what: str, state: State) -> T:
    """The ``what`` a state implies (the keberatan of ``keberatan_filed``), else refuse.

    Only a case built by hand, not through the transitions, can be in such a state
    without it.
    """
    if value is None:
        msg = (
            f"a request in state {state.value!r} has no {what}; "
            "build cases with Case.open and the transitions"
        )
        raise IllegalTransitionError(msg)
    return value
