"""The conversation engine: state transitions, branching, rewinding and scoring.

Uses a small scenario built in code and a stand-in coder, so these tests do not depend on the
feedback engine's model.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator_course.roleplay import (
    Choice,
    Conversation,
    ConversationOver,
    Effect,
    Node,
    ParticipantState,
    Persona,
    ReplyRejected,
    Scenario,
)
from facilitator_course.roleplay.state import LABEL_EFFECTS, effect_for, quality


def fake_coder(text: str, context: str | None = None) -> SimpleNamespace:
    """Keyword rules standing in for the feedback engine's coder."""
    lowered = text.lower()
    flags = {
        "labeling": "addict" in lowered,
        "disguised_advice": lowered.startswith("have you tried"),
    }
    if lowered.startswith("it sounds like"):
        code = "reflection_complex"
    elif lowered.startswith(("what", "how")):
        code = "question_open"
    elif "you should" in lowered or flags["disguised_advice"]:
        code = "persuade"
    elif "admit" in lowered:
        code = "confront"
    else:
        code = "other"
    return SimpleNamespace(
        code=code,
        confidence=0.7,
        cue=text.split()[0],
        error=None,
        explanation=f"fake explanation for {code}",
        rewrite=(
            "It sounds like part of you wants things to change."
            if code in ("persuade", "confront")
            else None
        ),
        **flags,
    )


def mini_scenario(style: str = "talkative", mode: str = "mixed") -> Scenario:
    nodes = {
        "start": Node(
            "start",
            "I only drink at weekends.",
            "sustain",
            respond="choice",
            choices=(
                Choice(
                    "It sounds like weekends are your time.", "reflection_complex", "Good.", "free"
                ),
                Choice("You should stop.", "persuade", "Righting reflex.", "end_poor"),
                Choice(
                    "Did you drink last night?",
                    "question_closed",
                    "Closed.",
                    "free",
                    effect=Effect(readiness=3, rapport=-2),
                ),
            ),
        ),
        "free": Node(
            "free",
            "Sundays are hard though.",
            "change",
            respond="free_text",
            model_reply="Sundays matter to you.",
            branches={
                "reflection": "end_good",
                "righting_reflex": "end_poor",
                "confront": "end_poor",
                "default": "end_mixed",
            },
        ),
        "end_good": Node(
            "end_good", "Maybe I'll try.", "change", outcome="good", debrief="Well done."
        ),
        "end_mixed": Node("end_mixed", "Dunno.", "neutral", outcome="mixed", debrief="Okay."),
        "end_poor": Node("end_poor", "I'm off.", "discord", outcome="poor", debrief="Oops."),
    }
    persona = Persona("Sam", "30-39", "alcohol", "contemplation", style)
    return Scenario("mini", "Mini", "A test.", mode, persona, "start", nodes)


def test_initial_state_follows_stage_unless_overridden():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    assert talk.state == ParticipantState(readiness=35, rapport=40)
    custom = mini_scenario()
    custom = Scenario(**{**custom.__dict__, "start_state": {"readiness": 70}})
    assert Conversation(custom).state.readiness == 70


def test_a_reflection_raises_both_meters_and_moves_on():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    turn = talk.choose(0)
    readiness, rapport = LABEL_EFFECTS["reflection_complex"]
    assert (turn.readiness_change, turn.rapport_change) == (readiness, rapport)
    assert talk.state == turn.after
    assert talk.node.id == "free" and talk.expects == "free_text"
    assert turn.quality == "good" and turn.better is None and not turn.weak


def test_righting_reflex_lowers_meters_and_offers_a_better_alternative():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    turn = talk.choose(1)
    assert turn.readiness_change < 0 and turn.rapport_change < 0
    assert turn.weak and turn.better == "It sounds like weekends are your time."
    assert talk.finished and talk.outcome().ending.outcome == "poor"


def test_an_explicit_effect_overrides_the_label_table():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    turn = talk.choose(2)
    assert (turn.readiness_change, turn.rapport_change) == (3, -2)
    assert turn.quality == "neutral"


def test_free_text_branches_on_the_coders_label():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    turn = talk.reply("  It sounds like Sundays matter.  ")
    assert (
        turn.code == "reflection_complex"
        and turn.typed
        and turn.reply == ("It sounds like Sundays matter.")
    )
    assert "This looks like" in turn.feedback and turn.cue == "It"
    assert talk.node.id == "end_good"


@pytest.mark.parametrize(
    ("reply", "ending"),
    [
        ("You should just stop drinking.", "end_poor"),
        ("Have you tried drinking water?", "end_poor"),  # disguised advice counts as advice
        ("Okay then.", "end_mixed"),  # default branch
    ],
)
def test_free_text_default_and_righting_reflex_branches(reply, ending):
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    turn = talk.reply(reply)
    assert talk.node.id == ending
    if ending == "end_poor":
        assert turn.weak and turn.better  # the coder's rewrite


def test_an_identity_label_counts_as_confrontation():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    turn = talk.reply("Okay, but you're an addict.")
    assert turn.flags == ("labeling",) and turn.weak
    assert talk.node.id == "end_poor"
    assert "identity label" in turn.feedback


@pytest.mark.parametrize("text", ["", "   ", "word " * 120, "x" * 700])
def test_empty_or_very_long_replies_are_rejected_with_a_message(text):
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    with pytest.raises(ReplyRejected) as info:
        talk.reply(text)
    assert "reply" in str(info.value).lower()
    assert talk.node.id == "free" and len(talk.transcript) == 1  # nothing changed


@pytest.mark.parametrize(
    "text", ["honestly it would be easier for everyone if I just wasn't around", "I want to die"]
)
def test_the_learners_own_distress_is_not_coded_as_a_reply(text):
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    with pytest.raises(ReplyRejected, match="may be about you"):
        talk.reply(text)
    assert talk.node.id == "free" and len(talk.transcript) == 1  # nothing changed


def test_a_reply_about_the_participants_distress_is_still_coded():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    talk.choose(0)
    turn = talk.reply("It sounds like you have been thinking about ending your life.")
    assert turn.typed and len(talk.transcript) == 2


def test_coder_errors_are_shown_not_raised_as_crashes():
    def broken(text, context=None):
        return SimpleNamespace(code="other", error="The coder could not read this reply.")

    talk = Conversation(mini_scenario(), coder=broken)
    talk.choose(0)
    with pytest.raises(ReplyRejected, match="could not read"):
        talk.reply("Something")


def test_wrong_kind_of_reply_and_replies_after_the_end():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    with pytest.raises(ValueError):
        talk.reply("It sounds like...")  # the first node is a choice node
    with pytest.raises(IndexError):
        talk.choose(5)
    talk.choose(1)
    with pytest.raises(ConversationOver):
        talk.choose(0)


def test_rewind_restores_the_node_the_meters_and_the_transcript():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    first = talk.choose(0)
    talk.reply("You should stop.")
    assert talk.finished and len(talk.transcript) == 2
    talk.rewind(2)
    assert talk.node.id == "free" and talk.state == first.after and len(talk.transcript) == 1
    talk.reply("It sounds like Sundays matter.")
    assert talk.outcome().ending.outcome == "good"
    talk.rewind(1)
    assert talk.node.id == "start" and talk.state == talk.initial_state and not talk.transcript
    with pytest.raises(IndexError):
        talk.rewind(1)


def test_restart_and_score():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    assert talk.score() == 0 and talk.outcome() is None
    talk.choose(2)  # neutral: half a point
    talk.reply("It sounds like Sundays matter.")  # good: a full point
    assert talk.score() == 75
    outcome = talk.outcome()
    assert outcome.score == 75 and outcome.turns == 2 and outcome.state == talk.state
    talk.restart()
    assert talk.node.id == "start" and not talk.transcript


def test_persona_style_scales_gains_and_losses():
    assert effect_for("persuade", "talkative") == Effect(*LABEL_EFFECTS["persuade"])
    sceptical = effect_for("persuade", "sceptical")
    assert sceptical.rapport < LABEL_EFFECTS["persuade"][1]  # loses more
    mandated = effect_for("reflection_complex", "mandated")
    assert 0 < mandated.readiness < LABEL_EFFECTS["reflection_complex"][0]  # gains less
    labelled = effect_for("other", "talkative", labeling=True)
    assert labelled.rapport < 0
    assert effect_for("question_closed", "talkative", disguised_advice=True) == effect_for(
        "persuade", "talkative"
    )


def test_meters_stay_between_0_and_100():
    state = ParticipantState(5, 95)
    assert state.apply(Effect(-30, 30)) == ParticipantState(0, 100)


def test_quality_table_covers_every_label_and_flags_make_a_reply_weak():
    from facilitator_course.roleplay.state import LABEL_QUALITY

    assert set(LABEL_QUALITY) == set(LABEL_EFFECTS)
    assert quality("reflection_simple") == "good"
    assert quality("reflection_simple", labeling=True) == "weak"
    assert quality("question_open", disguised_advice=True) == "weak"


def test_turns_serialise_for_saving():
    talk = Conversation(mini_scenario(), coder=fake_coder)
    data = talk.choose(0).to_dict()
    assert data["code"] == "reflection_complex" and data["before"]["readiness"] == 35
