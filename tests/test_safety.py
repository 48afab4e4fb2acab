"""Crisis resources follow the configured country; distress in learner text is noticed."""

from __future__ import annotations

import pytest

from facilitator_course.safety import crisis_banner_html, crisis_resources, mentions_distress


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
