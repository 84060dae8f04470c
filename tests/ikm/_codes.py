"""Shared test data: the question codes of the nine unsur, as a header writes them."""

from __future__ import annotations

#: ``U1`` .. ``U9``, in questionnaire order.
UNSUR_CODES: tuple[str, ...] = tuple(f"U{i}" for i in range(1, 10))
