"""Flags (labeling, disguised advice) and the MI-consistent rewrite for persuade and confront."""

from __future__ import annotations

import pytest

from facilitator_course.coding import code_response


@pytest.mark.parametrize(
    "text",
    [
        "You're an alcoholic, and until you admit it nothing will change.",
        "Addicts like you always say that.",
        "Once an addict, always an addict.",
        "Well, you are a junkie, let's be honest.",
    ],
)
def test_applying_an_identity_label_is_flagged(text):
    coded = code_response(text)
    assert coded.labeling is True
    assert coded.labeling_phrase


@pytest.mark.parametrize(
    "text",
    [
        "In SMART we avoid labels like 'addict' or 'alcoholic'.",
        "You don't like being called an addict.",
        "Some people here describe themselves as alcoholics, and that's their choice.",
        "Alcoholic drinks are everywhere at Christmas.",
    ],
)
def test_merely_mentioning_a_label_is_not_labeling(text):
    assert code_response(text).labeling is False


def test_labeling_is_coded_as_confrontation_and_gets_a_rewrite():
    coded = code_response("You're just a drunk and you know it.")
    assert coded.labeling is True
    assert coded.code == "confront"
    assert coded.rewrite and "behaviour" in coded.rewrite


@pytest.mark.parametrize(
    "text",
    [
        "Have you tried going for a run when the urge hits?",
        "Why don't you just stay home on Fridays?",
        "Have you thought about deleting the betting app?",
    ],
)
def test_a_suggestion_phrased_as_a_question_is_disguised_advice(text):
    coded = code_response(text)
    assert coded.disguised_advice is True
    assert coded.code == "persuade"


@pytest.mark.parametrize(
    "text",
    [
        "Have you tried anything that helped before?",
        "What have you tried so far?",
        "How did you feel after the meeting?",
    ],
)
def test_genuine_questions_are_not_disguised_advice(text):
    assert code_response(text).disguised_advice is False


def test_disguised_advice_after_being_asked_for_ideas_is_advice_with_permission():
    coded = code_response("Have you tried the urge log?", "Does anyone have any ideas for me?")
    assert coded.disguised_advice is True
    assert coded.code == "persuade_with_permission"


def test_persuade_gets_an_ask_offer_ask_rewrite_built_on_the_learners_idea():
    coded = code_response("You should throw out every bottle in the house.")
    assert coded.code == "persuade"
    assert coded.rewrite is not None
    assert "Would it be okay" in coded.rewrite
    assert "throw out every bottle" in coded.rewrite


def test_confront_gets_a_reflective_rewrite_using_the_participants_words():
    participant = "I only drink at weekends, it's not a problem."
    coded = code_response("That's just denial, come on.", participant)
    assert coded.code == "confront"
    assert coded.rewrite is not None
    assert "only drink at weekends" in coded.rewrite
    assert "you only drink" in coded.rewrite  # I -> you


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("What brings you here tonight?", None),
        ("It sounds like the weekends are the hardest part.", "Weekends are hard."),
        ("Coming tonight took real courage.", None),
    ],
)
def test_no_rewrite_for_mi_consistent_replies(text, context):
    assert code_response(text, context).rewrite is None
