"""The notes of a reading: English data (the JSON's ``reading.notes``), shown translated."""

from __future__ import annotations

import pickle

from ppid_core import _i18n
from ppid_core.cli._language import speaking
from ppid_core.ikm import Note, read_survey, shown_note

CODES = ",".join(f"U{i}" for i in range(1, 10))
TEXT = f"Layanan,{CODES}\nA,4,4,4,4,4,4,4,3,1\n"


def test_a_note_is_its_english_text_and_remembers_its_message() -> None:
    survey = read_survey(TEXT.encode(), source_name="skm.csv")
    note = next(n for n in survey.notes if n.startswith("U8"))
    assert note == "U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)"
    assert isinstance(note, Note)
    assert note.message == "{shown} → {name} (question {number} of {questionnaire})"
    assert shown_note(note) == note  # English: the text itself
    assert pickle.loads(pickle.dumps(note)).shown() == note.shown()  # --jobs workers
    assert pickle.loads(pickle.dumps(note)) == note


def test_a_note_is_shown_in_the_language_in_use() -> None:
    survey = read_survey(TEXT.encode(), source_name="skm.csv")
    note = next(n for n in survey.notes if n.startswith("U8"))
    with speaking("id"):
        shown = shown_note(note)
        translated = _i18n._("{shown} → {name} (question {number} of {questionnaire})")
        questionnaire = _i18n._("the standard questionnaire")
    assert shown == translated.format(
        shown="U8", name="Sarana dan Prasarana", number=8, questionnaire=questionnaire
    )
    assert str(note) == "U8 → Sarana dan Prasarana (question 8 of the standard questionnaire)"


def test_a_plain_note_goes_through_the_catalog() -> None:
    assert shown_note("") == ""
    assert shown_note("not a message of the catalog") == "not a message of the catalog"
