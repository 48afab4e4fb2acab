"""Crisis resources follow the configured country; distress in learner text is noticed."""

from __future__ import annotations

import pytest

from facilitator_course.safety import (
    crisis_banner_html,
    crisis_resources,
    mentions_distress,
    mentions_own_distress,
)


def test_us_defaults_are_988_and_911():
    r = crisis_resources()
    assert "988" in r.crisis_contact
    assert r.emergency_contact == "911"


def test_country_can_be_configured(monkeypatch):
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "gb")
    r = crisis_resources()
    assert r.country == "GB"
    assert "116 123" in r.crisis_contact
    assert r.emergency_contact == "999"


def test_unknown_country_falls_back_to_a_local_number_message():
    r = crisis_resources("ZZ")
    assert r.country == "OTHER"
    assert "local emergency number" in r.emergency_contact


@pytest.mark.parametrize(
    "text",
    [
        "I've been thinking about suicide",
        "sometimes i want to die",
        "I might kill myself",
        "he talked about ending it all",
        "she's been self-harming again",
        "I took an overdose last year",
        "no reason to live anymore",
    ],
)
def test_distress_is_noticed(text):
    assert mentions_distress(text)


@pytest.mark.parametrize(
    "text",
    ["I felt down after the weekend", "The urge was strong but I rode it out", "", None, 42],
)
def test_ordinary_text_is_not_flagged(text):
    assert not mentions_distress(text)


def test_banner_escapes_its_lead_text():
    html = crisis_banner_html(lead="<b>hi</b>")
    assert "<b>hi</b>" not in html
    assert 'role="alert"' in html


# --- the writer's own distress (first person), as opposed to talking about it ------------------

FACILITATOR_VOICE = [
    "I would ask them directly whether they are thinking of suicide.",
    "I'd say calmly: are you thinking about suicide? Then I would share the crisis line.",
    "I would ask: are you having thoughts of killing yourself?",
    "It sounds like you've been thinking about ending your life.",
    "If someone says they want to die, I stay calm and listen.",
    "I ask about suicide directly, because asking does not put the idea in anyone's head.",
]


@pytest.mark.parametrize(
    "text",
    [
        "I want to die",
        "sometimes i really want to die",
        "I've been thinking of killing myself",
        "I\u2019ve been thinking about suicide since March",
        "ive been thinking about ending my life",
        "I'm suicidal",
        "I have been feeling suicidal lately",
        "I wish I was dead",
        "I took an overdose last year",
        "I don't want to live any more",
        "Everyone would be better off without me.",
        "I've been self-harming again",
        "I keep thinking about dying",
        "Honestly I have no reason to live",
        "I'm going to end it all",
    ],
)
def test_own_distress_is_noticed(text):
    assert mentions_own_distress(text)
    assert mentions_own_distress(text.upper())


@pytest.mark.parametrize(
    "text",
    [
        *FACILITATOR_VOICE,
        "I felt down after the weekend",
        "I've been cutting back on drinking",
        "I could die of embarrassment",
        "I'm going to die of boredom in this meeting",
        "AA saved my life",
        "I don't want to be here, my probation officer made me come",
        "",
        None,
    ],
)
def test_talking_about_suicide_is_not_own_distress(text):
    assert not mentions_own_distress(text)


def test_facilitator_voice_still_mentions_distress():
    # The learner-facing check is unchanged: any of these still shows crisis resources.
    assert all(mentions_distress(text) for text in FACILITATOR_VOICE[:2])


def test_learner_facing_check_also_catches_first_person_wishes_to_die():
    """Learner widgets use mentions_distress; the trainer-only phrases must reach learners too."""
    from facilitator_course.safety import mentions_distress

    assert mentions_distress("some nights I wish I was dead")
    assert mentions_distress("honestly everyone would be better off without me")
    assert not mentions_distress("I wish I was better at keeping my urge log")


# --- indirect wording: what people often say instead of "suicide" ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it would be easier if I just wasn't around",
        "Honestly it'd be easier for everyone if I wasn't here anymore.",
        "better for my kids if I was not around, and I mean it",
        "sometimes I want to go to sleep and never wake up",
        "i just wanna disappear forever",
        "I wish I could stop existing",
        "i want to not be here anymore",
        "I'm such a burden on my family",
        "I feel like a burden to everyone",
        "thinking of unaliving myself",
        "whats the point of living",
        "I thought about jumping off the bridge",
    ],
)
def test_indirect_wording_is_noticed(text):
    assert mentions_own_distress(text)
    assert mentions_distress(text)


@pytest.mark.parametrize(
    "text",
    [
        "It would be easier if I wasn't around people who drink",
        "It was easier when I wasn't around the bar",
        "better if I wasn't here on Fridays",
        "I want to disappear for the weekend",
        "I wanted to not be around alcohol",
        "I want to go to sleep early",
        "what's the point of the urge log",
    ],
)
def test_ordinary_uses_of_the_same_words_are_not_flagged(text):
    assert not mentions_own_distress(text)
    assert not mentions_distress(text)
