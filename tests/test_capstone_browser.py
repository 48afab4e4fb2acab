"""The capstone exercise in Voilà, in Debian's Chromium, played by typing as a volunteer would.

The released exercise page (modules/06-capstone/01-exercise.ipynb, served from a copy so the
moves are written into a temporary folder): a move that cannot be judged changes nothing; the
first move typed and sent with the keyboard alone; the clock and who is speaking are shown;
the crisis resources appear when the disclosure comes; the skilled meeting ends with a passing
report; the typed moves are saved beside the notebook as owner-only JSON. Screenshots are saved
for a person to look at (see conftest.screenshot_dir).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from playwright.sync_api import expect

from capstone_scripts import SKILLED
from conftest import screenshot_dir
from test_accessibility import _axe_problems, _unnamed_controls, _weak_focus_rings

pytestmark = pytest.mark.browser
EXERCISE = Path(__file__).resolve().parents[1] / "modules" / "06-capstone" / "01-exercise.ipynb"


@pytest.fixture(scope="module")
def served(notebook_server):
    return notebook_server.add("capstone-page", {EXERCISE.name: EXERCISE})


def test_the_capstone_played_in_voila(page, served):
    base, folder = served
    page.set_viewport_size({"width": 1100, "height": 1600})
    page.goto(f"{base}/{EXERCISE.name}")
    box = page.get_by_role("textbox", name="Your move:")
    box.wait_for(state="visible", timeout=90_000)
    say = page.get_by_role("button", name="Say it", exact=True)
    clock = page.locator(".fc-clock")
    expect(clock).to_contain_text("Clock: 0 of 90 minutes")
    problems = _axe_problems(page) + _unnamed_controls(page) + _weak_focus_rings(page)
    assert not problems, "\n".join(problems)  # the same accessibility checks as the lessons

    box.fill("asdf qwer zxcv")
    say.click()
    expect(page.locator(".fc-message").first).to_contain_text("I can't judge this")
    expect(clock).to_contain_text("Clock: 0 of 90 minutes")  # nothing moved
    expect(box).to_have_value("asdf qwer zxcv")  # the words are kept to be reworded
    page.screenshot(path=str(screenshot_dir() / "capstone-1-unjudged.png"))

    box.fill(SKILLED[0])  # the keyboard alone: Tab from the box to "Say it", then Enter
    box.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".fc-turn")).to_have_count(2)
    expect(page.locator("body")).to_contain_text("Rob comes in late")
    expect(page.get_by_text("Speaking now:")).to_contain_text("Rob")
    page.screenshot(path=str(screenshot_dir() / "capstone-2-opening.png"))

    expect(page.locator(".fc-group-meeting .fc-crisis")).to_have_count(0)
    disclosure_at = next(n for n, m in enumerate(SKILLED) if "ending your life" in m)
    for move in SKILLED[1:disclosure_at]:
        box.fill(move)
        say.click()
        expect(page.locator(".fc-turn").last).to_contain_text(move[:40])
    crisis = page.locator(".fc-group-meeting .fc-crisis")
    expect(crisis).to_be_visible()  # distress came up: the resources are shown in the meeting
    page.screenshot(path=str(screenshot_dir() / "capstone-3-disclosure.png"))

    for move in SKILLED[disclosure_at:]:
        box.fill(move)
        say.click()
        expect(page.locator(".fc-turn").last).to_contain_text(move[:40])
    report = page.locator(".fc-capstone-report")
    expect(report).to_contain_text("Passed")
    expect(report).to_contain_text("Dale et al. 2021")
    expect(report).to_contain_text("does not authorise anyone to run SMART Recovery meetings")
    assert "Traceback" not in page.locator("body").inner_text()
    page.screenshot(path=str(screenshot_dir() / "capstone-4-end.png"))
    report.screenshot(path=str(screenshot_dir() / "capstone-5-report.png"))
    expect(box).to_be_disabled()  # the meeting is closed; "Start again" is still there

    saved = folder / "capstone-transcript.json"
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["moves"] == ["asdf qwer zxcv", *SKILLED]
    assert "status" not in data  # the learner's side saves moves, never a score
