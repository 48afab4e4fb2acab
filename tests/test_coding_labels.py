"""The response coder labels clear examples of every code the way a trained MI coder would."""

from __future__ import annotations

import pytest

from facilitator_course.coding import (
    CONFIDENCE_CEILING,
    LABELS,
    LOW_CONFIDENCE,
    CodedResponse,
    code_response,
)

CLEAR = {
    "question_open": [
        ("What brings you here tonight?", None),
        ("How did the weekend go for you?", None),
        ("Tell me more about what happened after the party.", None),
    ],
    "question_closed": [
        ("Are you still drinking every night?", None),
        ("How many days has it been since your last bet?", None),
        ("Did you go to the pub on Friday?", None),
    ],
    "reflection_simple": [
        ("You've cut down to weekends.", "I've cut down to weekends now."),
        ("You're not sure you want to stop.", "I don't know if I want to stop."),
    ],
    "reflection_complex": [
        (
            "It sounds like part of you wants to stop and part of you is scared of what "
            "that would mean.",
            "I want to quit but I don't know who I'd be without it.",
        ),
        (
            "You're worried that your kids are starting to notice.",
            "My daughter asked me why I was slurring.",
        ),
    ],
    "summary": [
        (
            "Let me see if I've got this: you've cut down at work, you still drink at weekends, "
            "and your partner is worried, and you want to feel more in control.",
            None,
        ),
        (
            "So to sum up what you've told us: the cravings hit after work, the urge log helped, "
            "and Fridays are the hardest.",
            None,
        ),
    ],
    "affirm": [
        ("Coming tonight took real courage.", None),
        ("You've worked really hard to get through this week.", None),
    ],
    "giving_information": [
        ("Urges usually peak and fade within about twenty minutes.", None),
        ("In SMART meetings we don't use labels, and the meeting lasts ninety minutes.", None),
    ],
    "persuade": [
        ("You should just pour it all down the sink.", None),
        ("Have you tried going to the gym instead?", None),
        ("You need to stop seeing those friends.", None),
    ],
    "persuade_with_permission": [
        (
            "Since you asked, some people find it helps to ring someone when an urge hits; "
            "see what fits for you.",
            "What do other people do when the urge hits?",
        ),
        (
            "One idea, and it's up to you, is to keep no alcohol in the house.",
            "Any tips for the evenings?",
        ),
    ],
    "seeking_collaboration": [
        ("Would it be okay if I shared some information about how urges work?", None),
        ("What would you like to focus on tonight?", None),
    ],
    "emphasizing_autonomy": [
        ("It's completely up to you whether you try it.", None),
        ("You're the one who decides what your goal is.", None),
    ],
    "confront": [
        ("You're kidding yourself and you know it.", None),
        ("Come on, that's just an excuse.", None),
    ],
    "other": [
        ("Welcome everyone, let's get started.", None),
        ("Okay.", None),
        ("We've got ten minutes left, so let's move on to the next person.", None),
    ],
}


def test_every_label_has_examples_here():
    assert set(CLEAR) == set(LABELS)


@pytest.mark.parametrize(
    ("label", "text", "context"),
    [(label, text, ctx) for label, examples in CLEAR.items() for text, ctx in examples],
)
def test_clear_examples_get_their_label(label, text, context):
    coded = code_response(text, context)
    assert coded.code == label, coded.explanation
    assert coded.error is None
    assert coded.cue and coded.explanation
    if not coded.judged:  # a bare filler is "other" but not a move anyone can judge
        assert label == "other" and coded.reason == "filler" and coded.confidence == 0
        return
    assert 0.0 < coded.confidence <= CONFIDENCE_CEILING[label]


def test_result_is_a_frozen_dataclass_with_the_documented_fields():
    coded = code_response("What brings you here?")
    assert isinstance(coded, CodedResponse)
    for name in (
        "code",
        "confidence",
        "cue",
        "explanation",
        "labeling",
        "disguised_advice",
        "rewrite",
        "error",
        "question_type",
    ):
        assert hasattr(coded, name)
    with pytest.raises(AttributeError):
        coded.code = "other"  # type: ignore[misc]
    assert coded.question_type == "open"
    assert code_response("Are you still using?").question_type == "closed"
    assert code_response("Coming here took courage.").question_type is None


def test_confidence_never_exceeds_the_human_ceiling_for_any_label():
    texts = [text for examples in CLEAR.values() for text, _ in examples]
    for text in texts:
        coded = code_response(text)
        assert coded.confidence <= CONFIDENCE_CEILING[coded.code]
    # Simple vs complex reflection is where human coders agree least (kappa about 0.5).
    assert (
        max(CONFIDENCE_CEILING["reflection_simple"], CONFIDENCE_CEILING["reflection_complex"]) < 0.8
    )


def test_low_confidence_is_worded_as_a_guess_and_high_confidence_is_not():
    low = [
        code_response(t)
        for t in (
            "hmm so the drink thing then",
            "maybe weekends",
            "You should stop drinking.",
            "right so the pub",
        )
    ]
    guesses = [c for c in low if c.judged and c.confidence < LOW_CONFIDENCE]
    unsure = [c for c in low if not c.judged]
    assert guesses or unsure, "expected vague replies to be a guess or not judged"
    for coded in unsure:
        assert coded.reason and coded.explanation.startswith("I can't judge this reply.")
    for coded in guesses:
        assert coded.explanation.startswith("This looks like")
        assert "because" in coded.explanation and "not sure" in coded.explanation
    sure = code_response("Are you still drinking every night?")
    assert sure.confidence >= LOW_CONFIDENCE
    assert sure.explanation.startswith("This reads as")


def test_explanations_never_apply_identity_labels_to_people():
    for examples in CLEAR.values():
        for text, ctx in examples:
            explanation = code_response(text, ctx).explanation.lower()
            assert "addict" not in explanation and "alcoholic" not in explanation
