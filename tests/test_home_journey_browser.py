"""A self-study learner's journey in the web app, in Debian's Chromium against a real Voilà
server with its own progress folder: fresh home, a module lesson by its name, a choice and a
typed role-play reply, a worksheet, the module's self-check, back home to see the progress, a
reload and a server restart that keep it all, and "continue where you left off". Then the same
with the keyboard alone (one role-play to its debrief, one self-check question)."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir, start_voila, stop_process
from facilitator_course.self_check import module_items

pytestmark = pytest.mark.browser

MODULE1 = "Module 1 · Motivational interviewing: listening that helps people change"
MODULE2 = "Module 2 · Thoughts, feelings and the ABC model"
ROLEPLAY_TITLE = "Weekends are for unwinding"
TYPED_TITLE = "The only time I stop worrying"  # Module 1's typed role-play
TYPED_REPLY = "Betting gives you a break from everything, and it is costing you more than money."
WORKSHEET_TEXT = "Felt ashamed, 8 out of 10, and stayed in bed all Sunday."


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


def test_learner_journey_keeps_progress_across_reload_and_restart(page, server, course):
    shots = screenshot_dir()
    page.set_viewport_size({"width": 1200, "height": 1400})
    open_home(page, server.url)
    board = page.locator(".fc-home")
    expect(board).to_contain_text("How this course works")
    expect(page.locator("details.fc-how")).to_have_attribute("open", "")
    expect(board).to_contain_text("Start here")
    expect(board).to_contain_text("Practice done across the course: 0 of")
    assert page.title() == "Peer Facilitator Training: home"
    page.screenshot(path=str(shots / "home-fresh.png"), full_page=True)

    # to the module by its name, in the same tab: a choice role-play and a typed one
    page.get_by_role("link", name=MODULE1, exact=True).click()
    box = roleplay_box(page)
    box.wait_for(state="visible", timeout=90_000)
    assert page.title() == f"{MODULE1} (lesson)"
    page.locator(".fc-nav").first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "lesson-navigation.png"))
    expect(page.get_by_role("navigation", name="Course navigation").first).to_contain_text(
        "Course home"
    )
    expect(page.locator("summary", has_text="Crisis resources").first).to_be_visible()
    radio = box.get_by_role("radio").first
    radio.scroll_into_view_if_needed()
    radio.check()
    box.get_by_role("button", name="Reply").click()
    expect(box).to_contain_text("Turn 1.")
    typed = page.locator(".fc-roleplay", has_text=TYPED_TITLE).first
    typed.get_by_role("textbox", name="Your reply:").fill(TYPED_REPLY)
    typed.get_by_role("button", name="Reply", exact=True).click()
    expect(typed).to_contain_text("Turn 1.")
    expect(typed.locator(".fc-live").first).to_have_attribute("aria-live", "polite")

    # next module: a worksheet, then its self-check from the navigation
    page.get_by_role("link", name=f"Next: {MODULE2}").first.click()
    field = page.get_by_role("textbox", name="C: Consequences (step 1: start here)")
    field.wait_for(state="visible", timeout=90_000)
    field.fill(WORKSHEET_TEXT)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".fc-abc")).to_contain_text("Draft saved")
    page.get_by_role("link", name="Self-check: Module 2 · Thoughts, feelings").first.click()
    question = page.get_by_role("radiogroup", name="Your answer to question 1:")
    question.wait_for(state="visible", timeout=90_000)
    assert page.title() == f"{MODULE2} (self-check)"
    item = next(i for i in module_items(course, course.modules[2]))
    question.get_by_role("radio", name=f"{item.correct}. ", exact=False).first.check()
    page.get_by_role("button", name="Check question 1").click()
    feedback = page.locator(".fc-selfcheck-item").first.locator(".fc-live")
    expect(feedback).to_contain_text("Right.")
    expect(page.locator(".fc-selfcheck")).to_contain_text("1 of 8 points, 1 of 6 questions")
    expect(page.get_by_role("link", name="the graded exercise for Module 2")).to_be_visible()
    page.screenshot(path=str(shots / "self-check.png"), full_page=True)

    # back home: the progress is there, and where to continue
    page.get_by_role("link", name="Course home").first.click()
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=90_000)
    expect(board).to_contain_text(f"Continue where you left off: {MODULE2}")
    expect(board).to_contain_text(
        f"◐ Started: Role-play: {ROLEPLAY_TITLE} (in progress (1 step(s)))"
    )
    expect(board).to_contain_text("draft saved, 1 field(s) filled")
    expect(board).to_contain_text("Self-check: 1 of 8 points, 1 of 6 questions checked")
    page.screenshot(path=str(shots / "home-progress.png"), full_page=True)
    export = page.get_by_role("button", name="Export my progress")
    export.scroll_into_view_if_needed()
    page.get_by_role("button", name="Reset my progress…").click()
    expect(page.get_by_role("button", name="Yes, reset my progress")).to_be_visible()
    page.screenshot(path=str(shots / "home-controls.png"))
    page.get_by_role("button", name="Cancel").click()
    expect(board).to_contain_text("Nothing was changed.")

    # a reload keeps it
    page.reload()
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=90_000)
    expect(board).to_contain_text(f"Continue where you left off: {MODULE2}")

    # a server restart keeps it; "continue" leads back to the worksheet as it was left
    server.stop()
    server.start()
    open_home(page, server.url)
    expect(board).to_contain_text(f"{ROLEPLAY_TITLE} (in progress (1 step(s)))")
    expect(board).to_contain_text("Self-check: 1 of 8 points")
    expect(page.locator("details.fc-how")).not_to_have_attribute("open", "")
    page.locator(".fc-continue").get_by_role("link").click()
    field = page.get_by_role("textbox", name="C: Consequences (step 1: start here)")
    field.wait_for(state="visible", timeout=90_000)
    expect(field).to_have_value(WORKSHEET_TEXT)
    page.get_by_role("link", name=f"← Previous: {MODULE1}").first.click()
    box = roleplay_box(page)
    box.wait_for(state="visible", timeout=90_000)
    expect(box).to_contain_text("Turn 1.")
    expect(page.locator(".fc-roleplay", has_text=TYPED_TITLE).first).to_contain_text(
        TYPED_REPLY[:30]
    )

    # a phone-sized window: nothing is cut off sideways (Module 3's worksheets included)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{server.url}/voila/render/03-smart-tools/00-lesson.ipynb")
    page.locator(".fc-cba").first.wait_for(state="visible", timeout=90_000)
    page.locator(".fc-cba textarea").last.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # the widgets' layout settles after they render
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('#rendered_cells *')]"
        # a wide table scrolls inside itself (its own box must fit)
        ".filter(e => e.offsetParent !== null && !e.parentElement.closest('table'))"
        ".filter(e => e.getBoundingClientRect().right > 376)"
        ".map(e => e.className.toString().slice(0, 60)).slice(0, 5)"
    )
    page.locator(".fc-cba").first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "phone-375-cba.png"))
    assert not overflow, f"cut off at 375 px: {overflow}"


def _tab_until(page, test: str, limit: int = 120) -> None:
    """Press Tab until `test` (JS over document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({test}); }}"):
            return
    raise AssertionError(f"Tab never reached: {test}")


NEXT_TURN_OR_DEBRIEF = f"""() => {{
  const box = [...document.querySelectorAll('.fc-roleplay')]
    .find(b => b.textContent.includes({ROLEPLAY_TITLE!r}));
  if ([...box.querySelectorAll('h4')].some(h => h.textContent.includes('Debrief'))) return true;
  const radios = [...box.querySelectorAll('input[type=radio]')];
  return radios.length > 0 && radios.every(r => !r.checked);
}}"""


def test_keyboard_only_role_play_and_self_check(page, voila_url):
    """Only keys: one Tab stop per radio group, arrows to choose, Enter to send; at the end of
    the role-play the focus is moved to the debrief, not dropped to the page."""
    page.set_viewport_size({"width": 1200, "height": 1400})
    page.goto(f"{voila_url}/voila/render/01-motivational-interviewing/00-lesson.ipynb")
    box = roleplay_box(page)
    box.wait_for(state="visible", timeout=90_000)
    in_roleplay = "e.closest('.fc-roleplay') && e.type === 'radio'"
    _tab_until(page, in_roleplay)
    for turn in range(1, 12):
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # one stop for the whole group: the next is Reply
        assert page.evaluate("() => document.activeElement.textContent") == "Reply"
        page.keyboard.press("Enter")
        expect(box).to_contain_text(f"Turn {turn}.")
        # wait for the next turn's replies (none chosen yet) or the debrief
        page.wait_for_function(NEXT_TURN_OR_DEBRIEF, timeout=60_000)
        if box.locator("h4", has_text="Debrief").count():
            break
        page.keyboard.press("Shift+Tab")  # back to the (new) replies
        assert page.evaluate("() => document.activeElement.type") == "radio", (
            page.evaluate("() => document.activeElement.outerHTML.slice(0, 300)"),
            box.inner_text()[-500:],
        )
    expect(box.locator("h4", has_text="Debrief")).to_be_visible()
    focused = page.evaluate("() => document.activeElement.textContent.slice(0, 200)")
    assert "Debrief" in focused, focused

    page.goto(f"{voila_url}/voila/render/00-orientation/02-self-check.ipynb")
    page.get_by_role("button", name="Check question 1").wait_for(timeout=90_000)
    _tab_until(page, "e.type === 'radio'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    verdict = page.locator(".fc-selfcheck-item").first.locator(".fc-live")
    expect(verdict).to_have_attribute("aria-live", "polite")
    expect(verdict).to_contain_text(re.compile(r"^(✔|✘)?\s*(Right|Not right)\."))
    page.keyboard.press("Tab")  # the next stop is question 2's whole group
    assert page.evaluate("() => document.activeElement.type") == "radio"
    expect(page.locator(".fc-selfcheck")).to_contain_text("of 6 questions checked")


def test_a_self_check_answer_shows_why_in_the_browser(page, voila_url, course):
    """The served self-check page shows the graded feedback's explanation with the verdict."""
    from facilitator_course.grading.item_text import explanations

    page.goto(f"{voila_url}/voila/render/00-orientation/02-self-check.ipynb")
    first = page.locator(".fc-selfcheck-item").first
    first.get_by_role("radio").nth(1).wait_for(timeout=90_000)
    first.get_by_role("radio").nth(1).check()
    page.get_by_role("button", name="Check question 1").click()
    verdict = first.locator(".fc-live")
    expect(verdict).to_contain_text(re.compile(r"(Right|Not right)\."))
    expect(verdict).to_contain_text("Why:")
    expect(verdict).to_contain_text(explanations()["q1_role"][:60])
