"""The catalogs: every message of the code translated, placeholders kept, both languages.

The template (``locale/ppid_core.pot``) must list exactly the messages the code marks
(``_()``, ``N_()``, ``ngettext()``), the Indonesian catalog must translate each of them
(no empty or fuzzy entry), keep every placeholder, and the compiled catalog the package
reads must be the one built from that ``.po``. ``make catalogs`` brings them up to date.
"""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import ppid_core
from ppid_core import _i18n
from ppid_core.cli._language import language_in, speaking

SRC = Path(ppid_core.__file__).parent
LOCALE = SRC / "locale"
PO = LOCALE / "id" / "LC_MESSAGES" / "ppid_core.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="id")


def _ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    if message.string is None:
        return ("",)
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def _extracted() -> set[str]:
    found = extract_from_dir(str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return {m if isinstance(m, str) else m[0] for _file, _line, m, _comments, _ctx in found}


def test_template_lists_exactly_the_messages_of_the_code() -> None:
    template = {_ids(m)[0] for m in _catalog(LOCALE / "ppid_core.pot") if m.id}
    code = _extracted()
    assert sorted(code - template) == [], "new messages: run `make catalogs` and translate"
    assert sorted(template - code) == [], "stale messages: run `make catalogs`"


def test_every_message_is_translated_into_indonesian() -> None:
    template = {_ids(m)[0] for m in _catalog(LOCALE / "ppid_core.pot") if m.id}
    catalog = _catalog(PO)
    translated = {_ids(m)[0] for m in catalog if m.id and all(_strings(m)) and not m.fuzzy}
    assert sorted(template - translated) == []
    assert sorted({_ids(m)[0] for m in catalog if m.id} - template) == []


def _placeholders(text: str) -> set[str]:
    braces = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
    percents = set(re.findall(r"%\([a-z_]+\)[rsd]|%[rsd]", text))
    return braces | percents


@pytest.mark.parametrize(
    "message", [m for m in _catalog(PO) if m.id], ids=lambda m: _ids(m)[0][:40]
)
def test_translation_keeps_every_placeholder(message: Message) -> None:
    for text in _strings(message):
        assert _placeholders(text) == _placeholders(_ids(message)[0])


def _render(text: str) -> str:
    """``text`` with every placeholder filled, as the code fills it (a number where the
    placeholder's format asks for one: ``{n:,}``)."""
    fields = [(n, spec) for _l, n, spec, _c in string.Formatter().parse(text) if n]
    if fields:
        return text.format(**{n: 1 if spec else "X" for n, spec in fields})
    if re.search(r"%\([a-z_]+\)[rsd]", text):  # argparse's texts
        keys = re.findall(r"%\(([a-z_]+)\)", text)
        return text % dict.fromkeys(keys, "X")
    if re.search(r"%[rsd]", text):
        return text % (("X",) * len(re.findall(r"%[rsd]", text)))
    return text  # a literal % (80%) is text


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_message_renders_in_both_languages(lang: str) -> None:
    with speaking(lang):
        for message in _catalog(LOCALE / "ppid_core.pot"):
            if not message.id:
                continue
            ids = _ids(message)
            shown = (
                [_i18n._(ids[0])]
                if len(ids) == 1
                else [_i18n.ngettext(ids[0], ids[1], n) for n in (1, 2)]
            )
            for text in shown:
                assert _render(text).strip(), ids[0]


def test_installed_catalog_is_built_from_the_po_file() -> None:
    mo = PO.with_suffix(".mo")
    assert mo.is_file(), "the build compiles the catalog (hatch_build.py): reinstall"
    built = io.BytesIO()
    write_mo(built, _catalog(PO))
    assert mo.read_bytes() == built.getvalue(), "the .mo is stale: run `make catalogs`"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "in_ID"}, "id"),
        ({"LANG": "id_ID.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB", "LC_MESSAGES": "id_ID"}, "id"),
        ({"LANGUAGE": "jv:id", "LANG": "C"}, "id"),
        ({"LANGUAGE": "fr:de", "LANG": "id_ID"}, "id"),
        ({"LANGUAGE": "en:id", "LANG": "id_ID"}, "en"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert _i18n.language_from_environment(environ) == expected


def test_library_speaks_english_until_told() -> None:
    assert _i18n.chosen_language() is None
    assert _i18n._("Response due") == "Response due"
    with speaking("id"):
        assert _i18n._("Response due") == "Batas waktu jawaban"
    assert _i18n.chosen_language() is None


def test_set_language_refuses_another_language() -> None:
    with pytest.raises(ValueError, match=r"^language must be one of en, id, got 'jv'$"):
        _i18n.set_language("jv")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "id", "deadline"], "id"),
        (["--lang=en", "demo"], "en"),
        (["--version", "--lang", "id"], "id"),
        (["deadline", "--lang", "id"], None),
        (["--lang", "jv", "deadline"], None),
        (["--lang"], None),
    ],
)
def test_language_in_arguments(argv: list[str], expected: str | None) -> None:
    assert language_in(argv) == expected
