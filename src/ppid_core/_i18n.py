"""The language of the command line and of report texts: gettext catalogs built by Babel.

Messages are written in English in the code, marked ``_("...")``, and translated through
the gettext catalog ``ppid_core`` in ``ppid_core/locale/<lang>/LC_MESSAGES``. The
catalogs are data kept beside the code, as python-holidays keeps its holiday names: the
``.po`` file is the reviewed source, the ``.mo`` file is compiled from it by Babel when the
package is built (``hatch_build.py``), never committed.

Two languages are offered, English (``en``) and Bahasa Indonesia (``id``). The legal terms
of the glossary (*keberatan*, *sengketa*, *atasan PPID*, *mutu*, *kinerja*, ...) are
Indonesian in both. JSON keys and the prefixes of located errors
(``file:line:column (path):``) are never translated.

Which language:

- The library speaks English until [`set_language()`][set_language] chooses: a program
  embedding ppid-core gets the same report text on every machine.
- The command line chooses for the user: ``ppid --lang id|en``, else the environment as
  gettext reads it ([`language_from_environment()`][language_from_environment]: the first
  of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set;
  ``id``/``id_ID...``, and the old code ``in``, give Indonesian), else English. An officer
  whose computer is set to Indonesian gets Indonesian without asking; a CI job whose locale
  says nothing (``C``, ``POSIX``, unset) keeps the stable English output.

    >>> set_language("id")
    >>> _("Response due")
    'Batas waktu jawaban'
    >>> set_language("en")
    >>> _("Response due")
    'Response due'
    >>> set_language(None)
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - typing is not imported at run time (start-up)
    import gettext as _gettext
    from collections.abc import Mapping

__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "catalog_installed",
    "chosen_language",
    "language",
    "language_from_environment",
    "ngettext",
    "set_language",
]

DOMAIN = "ppid_core"
"""The gettext domain: ``ppid_core.po`` / ``ppid_core.mo``."""
LANGUAGES = ("en", "id")
"""The languages offered: English and Bahasa Indonesia."""
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")  # noqa: PTH118, PTH120 - no pathlib at start-up
"""Where the catalogs are: ``<lang>/LC_MESSAGES/ppid_core.mo``."""

_chosen: str | None = None
_catalogs: dict[str, _gettext.NullTranslations] = {}


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, read as gettext reads it.

    Args:
        environ: The variables (default ``os.environ``).

    Returns:
        ``"id"`` when the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that
        is set names Indonesian (``id``, ``id_ID.UTF-8``, ``in_ID``; in ``LANGUAGE``, a
        colon-separated list, the first entry that is ``id`` or ``en``), else ``"en"``.

    >>> language_from_environment({"LANG": "id_ID.UTF-8"})
    'id'
    >>> language_from_environment({"LANG": "id_ID.UTF-8", "LC_ALL": "C"})
    'en'
    >>> language_from_environment({"LANGUAGE": "jv:id:en", "LANG": "C"})
    'id'
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        for entry in value.split(":") if name == "LANGUAGE" else [value]:
            code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in ("id", "in"):
                return "id"
            if code == "en" or name != "LANGUAGE":
                return "en"
    return "en"


def set_language(lang: str | None) -> None:
    """Choose the language of messages and report texts for this process.

    Args:
        lang: ``"en"``, ``"id"``, or ``None`` for the default (English).

    Raises:
        InvalidArgumentError: Another language (a ``ValueError``).
    """
    global _chosen  # noqa: PLW0603 - one process-wide choice, as gettext's own
    if lang is not None and lang not in LANGUAGES:
        from ppid_core.errors import InvalidArgumentError  # noqa: PLC0415 - a caller's mistake

        msg = f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}"
        raise InvalidArgumentError(msg)
    _chosen = lang


def chosen_language() -> str | None:
    """The language [`set_language()`][set_language] chose, or ``None`` (the environment's)."""
    return _chosen


def language() -> str:
    """The language in use: the one chosen, else English."""
    return _chosen if _chosen is not None else "en"


def _catalog(lang: str) -> _gettext.NullTranslations:
    found = _catalogs.get(lang)
    if found is None:
        import gettext  # noqa: PLC0415 - only once a message is translated (start-up)

        if lang == "en":  # the messages are written in English
            found = gettext.NullTranslations()
        else:
            found = gettext.translation(
                DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
            )
        _catalogs[lang] = found
    return found


def catalog_installed(lang: str) -> bool:
    """Whether the compiled catalog of ``lang`` is installed (English always is)."""
    mo = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")  # noqa: PTH118
    return lang == "en" or os.path.isfile(mo)  # noqa: PTH113


def _(message: str) -> str:
    """``message`` in the language in use (gettext's ``_``)."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the language in use."""
    return _catalog(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a marked, untranslated text
    """Mark ``message`` for the catalog without translating it yet (translate on use)."""
    return message
