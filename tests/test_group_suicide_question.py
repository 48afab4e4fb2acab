"""A question about suicide asked in front of the group: the right question in the wrong place.

The course's escalation rule (safety.ESCALATION_RULE) says talk privately and ask directly. A
reply that asks "Are you thinking of killing yourself?" in the circle, with no private word
offered, used to count as acting on the disclosure whenever it also named crisis help (two of
private / ask / refer). These tests play the capstone meeting through the real engine and judge.
"""

from __future__ import annotations

import re

import pytest

from capstone_scripts import SKILLED
from facilitator_course.coding.suicide_talk import asks_about_suicide
from facilitator_course.group.engine import BEST, play_moves
from facilitator_course.group.moves import private_word, public_suicide_question, recognise
from facilitator_course.group.records import HANDLED, MISSED
from facilitator_course.group.schema import load_group_meeting
from facilitator_course.group.scoring import BLOCKED, FULLY, NOT_YET, PARTLY, score_session
from facilitator_course.group.wording import ASKED_PUBLICLY

MEETING = "capstone-thursday-evening"
AT = next(n for n, move in enumerate(SKILLED) if "thinking of ending your life" in move)
NAMES = ("Jess", "Mike")

IN_THE_CIRCLE = "Jess, are you thinking of killing yourself?"
IN_THE_CIRCLE_WITH_HELP = (
    "Jess, thank you for telling us. Are you thinking of ending your life? Please call the "
    "crisis line tonight."
)
PRIVATE_WORD = "Jess, can we talk at the break, just the two of us?"


@pytest.fixture(scope="module")
def meeting():
    return load_group_meeting(MEETING)


def with_disclosure_moves(*moves: str) -> list[str]:
    """The skilled script, with these moves in place of its answer to Jess's disclosure."""
    return [*SKILLED[:AT], *moves, *SKILLED[AT + 1 :]]


def disclosure(session):
    return next(s for s in session.incidents if s.incident.safety)


@pytest.mark.parametrize(
    "text",
    [
        IN_THE_CIRCLE,
        IN_THE_CIRCLE_WITH_HELP,
        "Jess, do you want to die? Please call 988.",  # words the coder's rule knows
    ],
)
def test_a_question_about_suicide_with_no_private_word_is_public(text):
    assert asks_about_suicide(text)  # the coder's one rule says it asks about suicide...
    assert public_suicide_question(text)  # ...and the group engine uses the same rule
    assert "safety_check" not in recognise(text, NAMES, (), "cba")


@pytest.mark.parametrize(
    "text",
    [
        SKILLED[AT],
        "Jess, can we step outside, just us? Are you having thoughts of suicide?",
        "Jess, I'd like a quiet word in private. Are you thinking of killing yourself? "
        "We can call 988 together.",
    ],
)
def test_the_same_question_with_a_private_word_acts_on_the_disclosure(text):
    assert public_suicide_question(text) is None
    assert "safety_check" in recognise(text, NAMES, (), "cba")


def test_the_wording_the_feedback_suggests_is_taken_as_the_private_word():
    suggested = re.search(r"“([^”]+)”", ASKED_PUBLICLY.format(words="x", who="Jess"))
    assert suggested and private_word(suggested.group(1))
    assert private_word("Can we talk at the break?") and private_word("just us, after the meeting")


@pytest.mark.parametrize("move", [IN_THE_CIRCLE, IN_THE_CIRCLE_WITH_HELP])
def test_asking_in_the_circle_is_not_handling_the_disclosure(meeting, move):
    session = play_moves(meeting, with_disclosure_moves(move))
    record = session.records[AT]
    feedback = " ".join(record.feedback)
    assert "belongs in a private word, offered now" in feedback
    assert "Jess, can we talk at the break, just the two of us?" in feedback
    assert not record.has("safety_check") and not record.incidents
    assert record.replies[0].who == "Jess"  # she backs off: "Forget it."
    # the skilled script moves on to the group without the private word: not acted on
    state = disclosure(session)
    assert state.asked_publicly and state.outcome == MISSED
    result = score_session(session)
    assert result.status == BLOCKED
    assert any("in front of the group and no private word followed" in r for r in result.reasons)


@pytest.mark.parametrize("move", [IN_THE_CIRCLE, IN_THE_CIRCLE_WITH_HELP])
def test_the_private_word_offered_next_handles_it_but_not_for_full_credit(meeting, move):
    session = play_moves(meeting, with_disclosure_moves(move, PRIVATE_WORD))
    state = disclosure(session)
    assert state.outcome == HANDLED and state.settled_at == AT + 2
    assert "handled well" in " ".join(session.records[AT + 1].feedback)
    result = score_session(session)
    safety = next(c for c in result.competencies if c.key == "safety")
    assert safety.level == PARTLY
    assert safety.reasons == (
        "not yet: ask about suicide in a private word, not in front of the group",
    )
    assert result.status == NOT_YET and result.ending != BEST


def test_asking_with_the_private_word_keeps_full_credit(meeting):
    session = play_moves(meeting, SKILLED)
    assert not disclosure(session).asked_publicly
    result = score_session(session)
    assert next(c for c in result.competencies if c.key == "safety").level == FULLY
