"""A self-study learner's journey in the web app, in Debian's Chromium against a real Voilà
server with its own progress folder: fresh home, a module lesson by its name, a role-play
reply, back home to see the progress, a reload and a server restart that keep it all."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir, start_voila, stop_process

pytestmark = pytest.mark.browser

MODULE1 = "Module 1 · Motivational interviewing: listening that helps people change"
ROLEPLAY_TITLE = "Weekends are for unwinding"


class Server:
    """`facilitator-course start`'s Voilà, restartable over the same learner folder."""

    def __init__(self, course, folder) -> None:
        self.course, self.folder = course, folder
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> str:
        self.proc, self.url = start_voila(self.course.modules_dir, self.folder)
        return self.url

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)


@pytest.fixture
def server(course, tmp_path):
    s = Server(course, tmp_path)
    s.start()
    yield s
    s.stop()


def open_home(page, url: str) -> None:
    page.goto(f"{url}/voila/render/home.ipynb")
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=90_000)


def roleplay_box(page):
    return page.locator(".fc-roleplay", has_text=ROLEPLAY_TITLE)


def test_learner_journey_keeps_progress_across_reload_and_restart(page, server):
    page.set_viewport_size({"width": 1200, "height": 1400})
    open_home(page, server.url)
    board = page.locator(".fc-home")
    expect(board).to_contain_text("How this course works")
    expect(page.locator("details.fc-how")).to_have_attribute("open", "")
    expect(board).to_contain_text("Start here")
    expect(board).to_contain_text("Practice done across the course: 0 of")
    assert page.title() == "Peer Facilitator Training: home"
    page.screenshot(path=str(screenshot_dir() / "home-fresh.png"), full_page=True)

    # to the module by its name, in the same tab
    page.get_by_role("link", name=MODULE1, exact=True).click()
    box = roleplay_box(page)
    box.wait_for(state="visible", timeout=90_000)
    assert page.title() == f"{MODULE1} (lesson)"
    page.locator(".fc-nav").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir() / "lesson-navigation.png"))
    expect(page.get_by_role("navigation", name="Course navigation").first).to_contain_text(
        "Course home"
    )
    expect(page.locator("summary", has_text="Crisis resources").first).to_be_visible()
    radio = box.get_by_role("radio").first
    radio.scroll_into_view_if_needed()
    radio.check()
    box.get_by_role("button", name="Reply").click()
    expect(box).to_contain_text("Turn 1.")

    # back home: the progress is there, and where to continue
    page.get_by_role("link", name="Course home").first.click()
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=90_000)
    expect(board).to_contain_text(f"Continue where you left off: {MODULE1}")
    expect(board).to_contain_text(
        f"◐ Started: Role-play: {ROLEPLAY_TITLE} (in progress (1 step(s)))"
    )
    page.screenshot(path=str(screenshot_dir() / "home-progress.png"), full_page=True)
    export = page.get_by_role("button", name="Export my progress")
    export.scroll_into_view_if_needed()
    page.get_by_role("button", name="Reset my progress…").click()
    expect(page.get_by_role("button", name="Yes, reset my progress")).to_be_visible()
    page.screenshot(path=str(screenshot_dir() / "home-controls.png"))
    page.get_by_role("button", name="Cancel").click()
    expect(board).to_contain_text("Nothing was changed.")

    # a reload keeps it
    page.reload()
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=90_000)
    expect(board).to_contain_text(f"Continue where you left off: {MODULE1}")

    # a server restart keeps it, and the role-play is where it was left
    server.stop()
    server.start()
    open_home(page, server.url)
    expect(board).to_contain_text(f"{ROLEPLAY_TITLE} (in progress (1 step(s)))")
    expect(page.locator("details.fc-how")).not_to_have_attribute("open", "")
    page.get_by_role("link", name=f"{MODULE1}").first.click()
    box = roleplay_box(page)
    box.wait_for(state="visible", timeout=90_000)
    expect(box).to_contain_text("Turn 1.")
