"""Nonsense in sentence shape is not judged; rare, compound, field and misspelt words are.

The replies here were written for this test, not taken from any labelled set.
"""

from __future__ import annotations

import pytest

from facilitator_course.coding import code_response
from facilitator_course.coding.invented import invented_words, nonsense_words

LINE = "Evenings are the worst. I get home, the flat is quiet, and the bottle is right there."

NONSENSE = [
    "It sounds like the evenings squandle your brontish a bit.",
    "so the quiet gets all skrindaful and the bottle vorbles at you",
    "You feel the flat is gribnotious when you get in.",
    "What makes the trevulosity so quonk for you?",
    "I wonder if the quiet skwendles your vorbish.",
]
REAL = [
    # compounds, prefixes and suffixes the word list lacks
    "The flat feels emptier in the evenings, and the tiredness makes the bottle easier.",
    "So weeknights are the hard part, the quiet flat and the bottle within reach.",
    "It sounds like the helpline wasn't much use at that hour.",
    # the course's field and texting forms
    "Have you talked about the evenings with your GP, or is naloxone not relevant here?",
    "ur evenings r rough and the flat is too quiet, the bottle is rite there",
    "Evenins are the worst bit for you, just you and the quiet.",
    # names: the participant's and ones typed with a capital letter
    "Femi, the evenings sound lonely.",
    "the quiet flat sounds hard. does Shireen come round at all?",
]


@pytest.mark.parametrize("text", NONSENSE)
def test_sentences_built_on_invented_words_are_not_judged(text):
    coded = code_response(text, LINE)
    assert not coded.judged and coded.reason == "gibberish", (coded.code, coded.explanation)
    assert "not English words" in coded.explanation


@pytest.mark.parametrize("text", REAL)
def test_real_words_the_list_lacks_are_never_called_invented(text):
    assert nonsense_words(text, LINE) == [], invented_words(text, LINE)
    assert code_response(text, LINE).judged


def test_one_odd_word_in_a_long_reply_is_not_enough():
    text = "So the evenings are the hard part: home from work, the flat quiet, the bottle blorping."
    assert invented_words(text, LINE) == ["blorping"]
    assert nonsense_words(text, LINE) == []


def test_the_participants_own_words_never_count_as_invented():
    line = "My sponsor calls it the skrindles, those Sunday afternoons."
    assert nonsense_words("so the skrindles hit on sundays", line) == []
    assert nonsense_words("so the skrindles hit on sundays", LINE) == ["skrindles"]


def test_a_made_up_word_one_letter_from_a_real_one_passes_as_a_typo():
    # the known limit: 'wumps' may be 'bumps' mistyped, and a typo must never be refused
    assert invented_words("the bottle wumps at you", LINE) == []


def test_a_label_the_word_list_lacks_is_still_judged_as_a_label():
    coded = code_response("Honestly you're a pisshead, mate.", LINE)
    assert coded.judged and coded.code == "confront" and coded.labeling
