"""Answer checks: friendly while learning, strict (and still readable) under nbgrader."""

from __future__ import annotations

import pytest

from conftest import grading_mode
from facilitator_course import answer_messages
from facilitator_course.answers import (
    AnswerNotAccepted,
    check_choice,
    check_sentence,
    check_true_false,
    normalise_choice,
    review_written,
    word_count,
)


@pytest.fixture
def shown(monkeypatch):
    """Capture what a check would display to the learner."""
    seen: list[str] = []
    monkeypatch.setattr(answer_messages, "show", seen.append)
    return seen


@pytest.mark.parametrize(
    "typed", ["B", "b", " b ", "B.", "(b)", "b)", "Option B", "answer: b", '"B"', "'b'"]
)
def test_choice_normalisation(typed):
    assert normalise_choice(typed) == "B"


def test_blank_choice_asks_for_an_answer_without_raising(shown):
    assert check_choice("   ") is False
    assert "Not answered yet" in shown[0]


def test_invalid_choice_is_named_and_escaped(shown):
    assert check_choice("<script>alert(1)</script>") is False
    assert "<script>" not in shown[0]
    assert "&lt;script&gt;" in shown[0]


def test_valid_choice_is_recorded_without_revealing_correctness(shown):
    assert check_choice("c") is True
    assert "Answer recorded: C" in shown[0]


def test_hidden_check_compares_with_the_expected_letter(shown):
    assert check_choice("c", correct="C") is True
    assert check_choice("a", correct="C") is False
    assert "not the best choice" in shown[-1]


def test_under_nbgrader_a_wrong_or_blank_answer_raises_a_readable_error(monkeypatch, shown):
    grading_mode(monkeypatch)
    with pytest.raises(AnswerNotAccepted, match="Not answered yet"):
        check_choice("")
    with pytest.raises(AnswerNotAccepted, match="not the best choice"):
        check_choice("A", correct="B")
    with pytest.raises(AssertionError):  # nbgrader counts AssertionError as a failed test
        check_choice("Z")
    assert check_choice("B", correct="B") is True
    assert shown == []  # nothing is displayed while grading


def test_under_nbgrader_the_message_is_plain_text_without_html_entities(monkeypatch, shown):
    grading_mode(monkeypatch)
    with pytest.raises(AnswerNotAccepted) as raised:
        check_choice("<b>A</b> & B")
    message = str(raised.value)  # what nbgrader's feedback shows: the text the learner typed
    assert "“<b>A</b> & B” is not one of the options" in message
    assert "&lt;" not in message and "&amp;" not in message and "&gt;" not in message
    with pytest.raises(AnswerNotAccepted) as raised:
        check_true_false('"maybe" <or> not')
    assert str(raised.value).startswith('“"maybe" <or> not” is neither True nor False')
    grading_mode(monkeypatch, on=False)  # while learning, the same text stays escaped HTML
    assert check_choice("<b>A</b> & B") is False
    assert "&lt;b&gt;A&lt;/b&gt; &amp; B" in shown[-1] and "<b>A</b>" not in shown[-1]


@pytest.mark.parametrize(
    ("typed", "value"), [("true", True), ("T", True), ("yes", True), ("False", False), ("n", False)]
)
def test_true_false(typed, value, shown):
    assert check_true_false(typed, correct=value) is True


def test_sentence_length_and_ideas(shown):
    assert check_sentence("Too short", min_words=5) is False
    assert check_sentence("A peer facilitator is not a therapist at all.", min_words=5) is True
    assert (
        check_sentence(
            "A peer facilitator keeps the meeting on track.",
            min_words=5,
            must_mention=[["therapist", "counsellor"]],
        )
        is False
    )


def test_written_answer_that_mentions_distress_shows_crisis_resources(shown):
    review_written("Honestly some days I think about suicide myself and I just keep going.")
    assert "988" in shown[0]
    assert "fc-crisis" in shown[0]


def test_review_written_never_raises_even_when_grading(monkeypatch, shown):
    grading_mode(monkeypatch)
    review_written("")
    review_written(None)
    assert shown == []


def test_web_app_shows_one_notice_instead_of_answer_boxes(monkeypatch, shown):
    monkeypatch.setenv("VOILA_KERNEL_ID", "x")
    monkeypatch.setattr(answer_messages, "_notice_shown", False)
    check_choice("")
    check_choice("B")
    review_written("")
    assert len(shown) == 1
    assert "cannot be typed" in shown[0]


def test_word_count_handles_contractions_and_punctuation():
    assert word_count("I'm a peer—not a therapist, OK?") == 7
    assert word_count("") == 0
    assert word_count(None) == 0


@pytest.mark.parametrize(
    ("typed", "letter"),
    [
        ("D - because the others give advice", "D"),
        ("I think B", "B"),
        ("C because a facilitator is a peer", "C"),
        ("(b)", "B"),
        ("b.", "B"),
        ("The answer is D.", "D"),
        ("D - because B and C are wrong", "D"),
    ],
)
def test_choice_is_read_as_a_person_would(typed, letter, monkeypatch, shown):
    from facilitator_course.answers import read_choice

    assert read_choice(typed).letter == letter
    grading_mode(monkeypatch)
    assert check_choice(typed, correct=letter) is True


@pytest.mark.parametrize("typed", ["A or B", "A and C", "a/b", "B, no C", "I think A or B"])
def test_an_answer_naming_two_options_goes_to_the_trainer(typed, monkeypatch, shown):
    from facilitator_course.answers import LeftForTrainer, read_choice

    assert read_choice(typed).letter is None and len(read_choice(typed).ambiguous) == 2
    assert check_choice(typed) is False  # while learning: asked for one letter
    assert "names more than one option" in shown[-1]
    grading_mode(monkeypatch)
    assert check_choice(typed) is True  # the visible check leaves it to the hidden test...
    with pytest.raises(LeftForTrainer, match="left for your trainer"):
        check_choice(typed, correct="A")  # ...which leaves it to the trainer, not a 0


def test_a_sentence_starting_with_a_lowercase_a_is_not_read_as_option_a(shown):
    from facilitator_course.answers import read_choice

    assert read_choice("a peer, not a therapist").letter is None
    assert check_choice("a peer, not a therapist") is False
