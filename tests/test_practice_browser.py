"""A role-play in Voilà, in Debian's Chromium: played one turn by keyboard and one by clicks.

The notebook is written to a temporary folder and served on its own (not the course's modules/),
so the test does not depend on which lessons embed the widget.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir
from facilitator_course.roleplay import load_scenario

pytestmark = pytest.mark.browser

SCENARIO = "weekends-for-unwinding"


@pytest.fixture(scope="module")
def roleplay_url(notebook_server):
    return notebook_server.widget_page(
        "roleplay",
        "# Role-play",
        f"from facilitator_course.widgets import RolePlay\nRolePlay.from_scenario({SCENARIO!r})",
    )


def test_a_choice_roleplay_turn_by_keyboard_and_by_click(page, roleplay_url):
    scenario = load_scenario(SCENARIO)
    opening = scenario.node(scenario.start)
    page.set_viewport_size({"width": 1200, "height": 2400})
    page.goto(roleplay_url)
    reply = page.get_by_role("button", name="Reply", exact=True)
    reply.wait_for(state="visible", timeout=60_000)
    expect(page.locator(".fc-meter").first).to_contain_text("Readiness to change")
    assert "Traceback" not in page.locator("body").inner_text()

    # every control has an accessible name (ipywidgets has no aria trait; see hub-notes.md)
    for role in ("button", "radio", "combobox"):
        for control in page.get_by_role(role).all():
            name = control.evaluate(
                "e => e.getAttribute('aria-label') || e.labels?.[0]?.innerText || e.innerText"
            )
            assert (name or "").strip(), control.evaluate("e => e.outerHTML")

    # Turn 1, keyboard only: focus the first reply, Space selects it, Enter on the button sends it
    first = page.get_by_role("radio", name=opening.choices[0].reply)
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    reply.focus()
    page.keyboard.press("Enter")
    transcript = page.locator(".fc-turn")
    expect(transcript).to_have_count(1)
    expect(transcript.first).to_contain_text(opening.choices[0].reply)
    expect(transcript.first).to_contain_text("MI-consistent")

    # Turn 2, by clicks: a weak reply shows feedback and a better alternative
    second = scenario.node(opening.choices[0].next)
    weak = next(c for c in second.choices if c.code in ("persuade", "confront"))
    page.get_by_role("radio", name=weak.reply).click()
    reply.click()
    expect(transcript).to_have_count(2)
    expect(page.locator(".fc-message").last).to_contain_text("A better alternative")
    page.screenshot(path=str(screenshot_dir() / "roleplay-two-turns.png"), full_page=True)

    # retry from turn 2 brings the transcript back to one turn
    page.get_by_role("combobox", name="Go back to:").select_option(label=None, index=1)
    page.get_by_role("button", name="Retry from this turn").click()
    expect(transcript).to_have_count(1)
