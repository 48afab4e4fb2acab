"""The practice library in Voilà, in Debian's Chromium: listed, picked, opened and played.

The notebook is written to a temporary folder and served on its own, like the lesson cell.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir
from facilitator_course.roleplay import load_scenario
from facilitator_course.roleplay.library import module_library

pytestmark = pytest.mark.browser

MODULE = "01-motivational-interviewing"


@pytest.fixture(scope="module")
def library_url(notebook_server):
    return notebook_server.widget_page(
        "library",
        "# Practice library",
        f"from facilitator_course.widgets import PracticeLibrary\nPracticeLibrary({MODULE!r})",
    )


def test_the_library_lists_a_modules_role_plays_and_opens_one(page, library_url):
    entries = module_library(MODULE)
    page.set_viewport_size({"width": 1200, "height": 2400})
    page.goto(library_url)
    open_button = page.get_by_role("button", name="Open this role-play")
    open_button.wait_for(state="visible", timeout=60_000)
    listing = page.locator(".fc-library-list")
    for entry in entries:
        expect(listing).to_contain_text(entry.title)
    assert "Traceback" not in page.locator("body").inner_text()

    open_button.click()  # nothing chosen yet
    expect(page.locator(".fc-message").first).to_contain_text("Choose a role-play")

    chosen = next(e for e in entries if not e.typed)
    page.get_by_role("combobox", name="Role-play:").select_option(label=chosen.title)
    open_button.click()
    reply = page.get_by_role("button", name="Reply", exact=True)
    reply.wait_for(state="visible", timeout=60_000)
    scenario = load_scenario(chosen.id)
    first = scenario.node(scenario.start).choices[0].reply
    page.get_by_role("radio", name=first).click()
    reply.click()
    expect(page.locator(".fc-turn")).to_have_count(1)
    page.screenshot(path=str(screenshot_dir() / "practice-library.png"), full_page=True)
