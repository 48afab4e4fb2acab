"""REBT analysis: belief types with spans, negation, non-dogmatic must/should/need, disputes, ABC."""

from __future__ import annotations

import pytest

from facilitator_course.coding import analyse_belief, check_abc, classify_dispute


def types(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    result = analyse_belief(text)
    return result.irrational, result.rational


@pytest.mark.parametrize(
    ("text", "irrational"),
    [
        ("I must never drink again.", "demandingness"),
        ("People should treat me with respect.", "demandingness"),
        ("I have to be perfect at this.", "demandingness"),
        ("It would be awful if my family found out.", "awfulizing"),
        ("Losing my licence is the end of the world.", "awfulizing"),
        ("I can't stand these cravings.", "low_frustration_tolerance"),
        ("The withdrawal is unbearable.", "low_frustration_tolerance"),
        ("I'm a total failure.", "global_rating"),
        ("He's a complete idiot.", "global_rating"),
    ],
)
def test_irrational_types(text, irrational):
    found, rational = types(text)
    assert found == (irrational,)
    assert rational == ()


@pytest.mark.parametrize(
    ("text", "rational"),
    [
        ("I'd like to stay sober, but I don't have to be perfect.", "preference"),
        ("It's not the end of the world if I miss a meeting.", "anti_awfulizing"),
        ("It's bad, but it isn't awful.", "anti_awfulizing"),
        ("The urge is uncomfortable, but I can stand it.", "high_frustration_tolerance"),
        ("It's hard but not unbearable.", "high_frustration_tolerance"),
        ("I made a mistake, but that doesn't make me a failure.", "acceptance"),
        ("I'm not a failure, I'm a person who is struggling.", "acceptance"),
    ],
)
def test_rational_types_including_negated_irrational_words(text, rational):
    irrational, found = types(text)
    assert rational in found
    assert irrational == ()


@pytest.mark.parametrize(
    "text",
    [
        "You should see the view from the top.",
        "I need to buy milk on the way home.",
        "The meeting should finish around eight.",
        "I have to pick my son up at three.",
        "You must be new here.",
        "I must have left my keys at home.",
        "Should I bring the worksheet next week?",
        "I feel awful today.",
        "I had a terrible headache.",
        "I'd like a coffee.",
        "I don't need a drink to relax.",
    ],
)
def test_non_dogmatic_should_need_must_and_plain_statements_are_not_beliefs(text):
    assert types(text) == ((), ())


def test_practical_uses_are_explained():
    result = analyse_belief("I need to buy milk.")
    assert "practical" in result.explanation


def test_spans_point_into_the_original_text():
    text = "I MUST win tonight, and losing would be a total disaster."
    result = analyse_belief(text)
    assert result.irrational == ("demandingness", "awfulizing")
    for span in result.spans:
        assert text[span.start : span.end] == span.text
    assert {s.type for s in result.spans} == {"demandingness", "awfulizing"}
    as_dict = result.spans[0].to_dict()
    assert set(as_dict) == {"start", "end", "type", "text"}


def test_mixed_beliefs_and_curly_apostrophes():
    irrational, rational = types(
        "I can\u2019t bear this, but it doesn\u2019t make me a bad person."
    )
    assert irrational == ("low_frustration_tolerance",)
    assert rational == ("acceptance",)


def test_explanation_offers_the_rational_alternative():
    result = analyse_belief("I must stay clean or I'm worthless.")
    assert "preference" in result.explanation and "acceptance" in result.explanation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Where is the evidence that you must never make a mistake?", "empirical"),
        ("Is it really true that you can't stand it? You've stood it before.", "empirical"),
        ("Just because you made a mistake, does that make you a failure?", "logical"),
        ("Does it follow that because you want it, you must have it?", "logical"),
        ("Is believing that helping you reach your goals?", "pragmatic"),
        ("What does holding on to that thought cost you?", "pragmatic"),
        ("How was your week?", "none"),
        ("Let's write the belief on the whiteboard.", "none"),
    ],
)
def test_dispute_kinds(text, kind):
    result = classify_dispute(text)
    assert result.kind == kind
    assert result.explanation


def test_abc_check_accepts_a_well_formed_worksheet():
    result = check_abc(
        "My boss criticised my report in a meeting.",
        "I must never look stupid at work; it's awful.",
        "I felt ashamed and went to the pub.",
        "I'd prefer not to look foolish, but I don't have to be perfect.",
    )
    assert result.a.ok and result.b.ok and result.c.ok
    assert result.e is not None and result.e.ok
    assert result.all_ok


def test_abc_check_catches_parts_in_the_wrong_place():
    result = check_abc("My boss is an idiot.", "I felt angry.", "I must have a drink.")
    assert not result.a.ok and "B" in result.a.message  # a belief belongs in B
    assert not result.b.ok and "C" in result.b.message  # a feeling belongs in C
    assert not result.c.ok and "B" in result.c.message
    assert not result.all_ok


def test_abc_check_e_must_be_a_rational_alternative_and_d_a_dispute():
    result = check_abc(
        "I lapsed on Saturday.",
        "I must never lapse.",
        "I felt guilty.",
        "Where's the evidence that I must never lapse?",
        "I must never lapse again.",
    )
    assert result.d is not None and result.d.ok and "empirical" in result.d.message
    assert result.e is not None and not result.e.ok
    keyword = check_abc(
        "I lapsed.",
        "I must never lapse.",
        "I felt guilty.",
        e="I'd prefer not to lapse, but I don't have to be perfect.",
    )
    assert keyword.e is not None and keyword.e.ok and keyword.d is None


def test_abc_check_empty_parts_say_what_to_write():
    result = check_abc("", "", "")
    assert not result.a.ok and "empty" in result.a.message
    assert not result.all_ok
