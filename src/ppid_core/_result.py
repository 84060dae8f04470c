"""The one result protocol: every result renders the same ways (private; see the guide).

A result class implements three things:

- ``to_dict()``: JSON-ready data that ``json.dumps`` accepts (build it with
  `jsonable()`); the command line's ``--json`` prints exactly this;
- ``tables()``: the result as a list of `Table`;
- ``_summary()``: a few words for ``repr`` (``"kpu.csv: 37 requests, 2024"``), and
  ``_heading()`` for the Markdown and HTML views.

[`ResultMixin`][ResultMixin] derives the rest from them: [`to_json()`][ResultMixin.to_json],
[`to_markdown()`][ResultMixin.to_markdown], `_repr_html_()` (bounded, so a
notebook never receives a huge page), [`to_frame()`][ResultMixin.to_frame] and a one-line
``repr``. Result classes are attrs classes declared with ``repr=False``, so that the
mixin's short ``repr`` is the one used.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING, Any

from ppid_core._i18n import _, ngettext
from ppid_core._tables import HTML_MAX_ROWS, Table, dumps_json, markdown_text
from ppid_core.errors import UnknownNameError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HTML_MAX_CHARS", "REPR_MAX_CHARS", "ResultMixin"]

#: The most characters a result's HTML view has, about (a notebook stays responsive).
HTML_MAX_CHARS = 40_000
#: The most characters of a result's ``repr``.
REPR_MAX_CHARS = 120


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ResultMixin(abc.ABC):
    """What every result of ppid-core offers, derived from ``to_dict`` and ``tables``."""

    __slots__ = ()

    @abc.abstractmethod
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: ``json.dumps`` accepts it, and ``--json`` prints it."""

    @abc.abstractmethod
    def tables(self) -> list[Table]:
        """The result as tables (titles and headers in the language in use: English, or
        Indonesian as offices publish them after ``set_language("id")``)."""

    @abc.abstractmethod
    def _summary(self) -> str:
        """A few words for ``repr``: what the result is about and its key figure."""

    def _heading(self) -> str:
        """The heading of the Markdown and HTML views (default: the class and summary)."""
        return f"{type(self).__name__}: {self._summary()}"

    def to_json(self) -> str:
        """Pretty, UTF-8 JSON of [`to_dict()`][to_dict] (what ``--json`` prints)."""
        return dumps_json(self.to_dict())

    def to_markdown(self) -> str:
        """A Markdown heading, then every table of [`tables()`][tables]."""
        parts = [f"# {markdown_text(self._heading())}"]
        parts += [t.to_markdown() for t in self.tables()]
        return "\n\n".join(parts) + "\n"

    def to_text(self) -> str:
        """Plain text for a terminal: the heading, then every table aligned (no Markdown)."""
        parts = [self._heading()]
        parts += [t.to_text() for t in self.tables()]
        return "\n\n".join(parts) + "\n"

    def to_frame(self, table: int | str = 0) -> pd.DataFrame:
        """One table of [`tables()`][tables] as a pandas DataFrame (needs ``ppid-core[pandas]``).

        Args:
            table: Its position in [`tables()`][tables], or its title.

        Raises:
            MissingExtraError: pandas is not installed.
            UnknownNameError: No table has that position or title.
        """
        tables = self.tables()
        if isinstance(table, int):
            if not -len(tables) <= table < len(tables):
                text = ngettext(
                    "table {table} does not exist; this result has {n} table",
                    "table {table} does not exist; this result has {n} tables",
                    len(tables),
                )
                msg = text.format(table=table, n=len(tables))
                raise UnknownNameError(msg)
            return tables[table].to_frame()
        for t in tables:
            if t.title == table:
                return t.to_frame()
        titles = ", ".join(repr(t.title) for t in tables if t.title) or _("none")
        msg = _("no table titled {table!r}; the titles are: {titles}").format(
            table=table, titles=titles
        )
        raise UnknownNameError(msg)

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the heading and each table, bounded in rows and characters.

        Each table shows at most `HTML_MAX_ROWS` rows, then says
        how many more there are; the whole view stays near [`HTML_MAX_CHARS`][HTML_MAX_CHARS].
        """
        import html  # noqa: PLC0415 - only notebooks render HTML

        parts = [f"<div class='ppid-result'><p><b>{html.escape(self._heading())}</b></p>"]
        size = len(parts[0])
        tables = self.tables()
        for i, t in enumerate(tables):
            budget = HTML_MAX_CHARS - size
            if budget <= 0:
                left = len(tables) - i
                more = ngettext("… {n} more table", "… {n} more tables", left).format(n=left)
                parts.append(f"<p><i>{html.escape(more)}</i></p>")
                break
            part = t.to_html(max_rows=HTML_MAX_ROWS, max_chars=budget)
            parts.append(part)
            size += len(part)
        parts.append("</div>")
        return "".join(parts)

    def __repr__(self) -> str:
        """One short line: ``<ServiceReport kpu.csv: 37 requests, 2024>``."""
        name = type(self).__name__
        return f"<{name} {_one_line(self._summary(), REPR_MAX_CHARS - len(name) - 3)}>"
