"""The hardest meeting simulation in Voilà, in Debian's Chromium, played with the worst options.

A learner who handles everything badly must see an honest debrief: not passed, the safety incident
named with a safe response, the crisis resources, and time and climate as they really ended. The
notebook is served on its own, so the test does not depend on which lesson embeds the widget.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir
from facilitator_course.meeting import load_meeting
from facilitator_course.meeting.model import HANDLING_POINTS

pytestmark = pytest.mark.browser

MEETING = "saturday-morning-library"


@pytest.fixture(scope="module")
def meeting_url(notebook_server):
    return notebook_server.widget_page(
        "meeting",
        f"from facilitator_course.widgets import MeetingSimulator\nMeetingSimulator.from_name({MEETING!r})",
    )


def test_the_worst_options_get_an_honest_debrief(page, meeting_url):
    meeting = load_meeting(MEETING)
    page.set_viewport_size({"width": 1100, "height": 2600})
    page.goto(meeting_url)
    respond = page.get_by_role("button", name="Respond", exact=True)
    respond.wait_for(state="visible", timeout=90_000)
    expect(page.locator(".fc-meeting-level")).to_contain_text("Level 3. What makes this one harder")
    for event in meeting.events:
        worst = min(event.choices, key=lambda c: HANDLING_POINTS[c.handling])
        page.get_by_role("radio", name=worst.action, exact=True).click()
        respond.click()
        expect(page.locator("body")).to_contain_text(worst.feedback[:60])
    expect(respond).to_be_hidden()
    body = page.locator("body")
    expect(body).to_contain_text("not passed")
    expect(body).to_contain_text(
        "Not passed: a choice put someone's safety or the group's confidentiality at risk."
    )
    expect(body).to_contain_text("also scored")
    expect(body).to_contain_text("A disclosure that a child or someone else may be at risk:")
    expect(body).to_contain_text("A safe response:")
    expect(body).to_contain_text("outside budget")
    expect(page.locator(".fc-crisis").first).to_be_visible()
    assert "Traceback" not in body.inner_text()
    page.screenshot(path=str(screenshot_dir() / "meeting-level3-worst.png"), full_page=True)
