"""Two typed role-plays in Voilà, in Debian's Chromium: a good, a harmful and a nonsense reply.

What a learner sees is what this checks: a reply that cannot be judged is answered with why and
what to try, and the conversation does not move; advice is called advice and the participant
pushes back; a reflection that picks up the change side is rewarded and the feedback says what it
picked up. Screenshots are saved for a person to look at (see conftest.screenshot_dir).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir, widget_notebook
from facilitator_course.roleplay import load_scenario

pytestmark = pytest.mark.browser

SCENARIOS = ("after-a-lapse", "gambling-ambivalent")
PLAYS = {
    "after-a-lapse": [
        # nonsense in a sentence's shape: real small words around invented ones
        ("Those three months went all skrindaful and the vorbish took over.", "not English words"),
        ("You should go to a meeting every day this week.", "advice without permission"),
        (
            "You're furious with yourself, because those three months really mattered.",
            "You picked up",
        ),
    ],
    "gambling-ambivalent": [
        ("What's your favourite film?", "I can't judge this reply"),
        ("You're a gambling addict.", "identity label"),
        (
            "The machines give you a break from the worry, and you also know they cost you more "
            "than you win.",
            "both sides",
        ),
    ],
}


@pytest.fixture(scope="module")
def voila_base(notebook_server):
    notebooks = {
        f"{scenario}.ipynb": widget_notebook(
            f"# Role-play: {scenario}",
            f"from facilitator_course.widgets import RolePlay\nRolePlay.from_scenario({scenario!r})",
        )
        for scenario in SCENARIOS
    }
    pages, _ = notebook_server.add("typed-roleplay", notebooks)
    return pages


def _open(page, url: str):
    """The role-play page, ready to type into: (reply box, Reply button, transcript turns)."""
    page.set_viewport_size({"width": 1100, "height": 1800})
    page.goto(url)
    box = page.get_by_role("textbox", name="Your reply:")
    box.wait_for(state="visible", timeout=60_000)
    return box, page.get_by_role("button", name="Reply", exact=True), page.locator(".fc-turn")


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_typed_replies_good_harmful_and_nonsense(page, voila_base, scenario_id):
    scenario = load_scenario(scenario_id)
    box, send, transcript = _open(page, f"{voila_base}/{scenario_id}.ipynb")
    nonsense, harmful, good = PLAYS[scenario_id]

    box.fill(nonsense[0])
    send.click()
    expect(page.locator(".fc-message").last).to_contain_text(nonsense[1])
    expect(transcript).to_have_count(0)  # nothing recorded, the participant did not react
    expect(box).to_have_value(nonsense[0])  # and the learner's words are still there
    page.screenshot(path=str(screenshot_dir() / f"typed-{scenario_id}-1-nonsense.png"))

    box.fill(harmful[0])
    send.click()
    expect(transcript).to_have_count(1)
    expect(transcript.first).to_contain_text(harmful[1])
    after_harm = scenario.node(scenario.start).next_for("persuade")
    expect(page.locator("body")).to_contain_text(scenario.node(after_harm).says[:40])
    page.screenshot(path=str(screenshot_dir() / f"typed-{scenario_id}-2-harmful.png"))

    page.get_by_role("button", name="Start again").click()
    expect(transcript).to_have_count(0)
    box.fill(good[0])
    send.click()
    expect(transcript).to_have_count(1)
    expect(transcript.first).to_contain_text(good[1])
    expect(transcript.first).to_contain_text("MI-consistent")
    assert "Traceback" not in page.locator("body").inner_text()
    page.screenshot(path=str(screenshot_dir() / f"typed-{scenario_id}-3-good.png"), full_page=True)


def test_a_closed_question_gets_a_short_answer_and_another_turn(page, voila_base):
    """A closed question where the talk would have gone flat gets a short answer instead."""
    scenario = load_scenario("after-a-lapse")
    first = scenario.node(scenario.start).next_for("question_closed")
    answered = scenario.node(scenario.node(first).next_for("question_closed"))
    assert answered.id.endswith("~answered")
    box, send, transcript = _open(page, f"{voila_base}/after-a-lapse.ipynb")
    for number, question in enumerate(("Did you drink on Saturday?", "Was it a party?"), 1):
        box.fill(question)
        send.click()
        expect(transcript).to_have_count(number)
    expect(transcript.last).to_contain_text("short answer")
    expect(page.locator("body")).to_contain_text(answered.says)
    expect(box).to_be_visible()  # the conversation goes on
    page.screenshot(path=str(screenshot_dir() / "typed-after-a-lapse-4-closed.png"), full_page=True)
