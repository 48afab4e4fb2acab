"""A group practice in its real lesson page in Voilà, in Debian's Chromium, typed as a volunteer
would: no code is shown, a move that cannot be judged changes nothing, every move's feedback
names the focus skill, the practice ends with its debrief, and a reload brings it back.

The Module 4 lesson is served from a copy (the learner's progress goes to a temporary folder).
Screenshots are saved for a person to look at (see conftest.screenshot_dir).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir
from group_practice_scripts import SKILLED
from test_accessibility import _unnamed_controls

pytestmark = pytest.mark.browser
LESSON = (
    Path(__file__).resolve().parents[1] / "modules" / "04-running-a-meeting" / "00-lesson.ipynb"
)
PRACTICE = "m4-bringing-in-the-quiet-member"


@pytest.fixture(scope="module")
def served(notebook_server):
    pages, _ = notebook_server.add("group-practice-page", {LESSON.name: LESSON})
    return f"{pages}/{LESSON.name}"


def _practice(page):
    return page.locator(".fc-group-meeting").filter(has_text="bringing in the quiet member")


def test_a_group_practice_played_in_its_lesson_in_voila(page, served):
    page.set_viewport_size({"width": 1100, "height": 2400})
    page.goto(served)
    practice = _practice(page)
    box = practice.get_by_role("textbox", name="Your move:")
    box.wait_for(state="visible", timeout=120_000)
    body = page.locator("body").inner_text()
    assert "show_group_practice" not in body and "Traceback" not in body  # no code shown
    clock = practice.locator(".fc-clock")
    expect(clock).to_contain_text("Practice: bringing in the quiet member")
    expect(clock).to_contain_text("Moves judged: 0 of 7")
    assert not _unnamed_controls(page)
    say = practice.get_by_role("button", name="Say it", exact=True)

    box.fill("asdf qwer zxcv")
    say.click()
    expect(practice.locator(".fc-message").first).to_contain_text("I can't judge this")
    expect(clock).to_contain_text("Moves judged: 0 of 7")  # nothing moved

    moves = SKILLED[PRACTICE]
    for move in moves[:-1]:
        box.fill(move)
        say.click()
        expect(practice.locator(".fc-turn").last).to_contain_text(move[:30])
        expect(practice.locator(".fc-message").first).to_contain_text(
            "Focus skill (bringing in the quiet member)"
        )
    expect(practice.locator(".fc-message").first).to_contain_text("shown")
    practice.scroll_into_view_if_needed()
    practice.screenshot(path=str(screenshot_dir() / "group-practice-1-invited.png"))

    box.fill(moves[-1])
    say.click()
    debrief = practice.get_by_text("Debrief: Well done")
    expect(debrief).to_be_visible()
    expect(box).to_be_disabled()
    practice.screenshot(path=str(screenshot_dir() / "group-practice-2-debrief.png"))

    page.reload()  # the practice comes back where the learner left it
    practice = _practice(page)
    practice.get_by_role("textbox", name="Your move:").wait_for(state="visible", timeout=120_000)
    expect(practice).to_contain_text("Welcome back: your practice continues after 8 moves")
    expect(practice.locator(".fc-turn")).to_have_count(8)
    expect(practice.get_by_text("Debrief: Well done")).to_be_visible()
