"""The course in Voilà, driven in Debian's Chromium: it renders, hides code, and is clickable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir
from facilitator_course.practice.sorting import load_sorting_exercise
from facilitator_course.widgets.sorting import _quoted

pytestmark = pytest.mark.browser

CODE_MARKERS = ("from facilitator_course", "import ", "show_course_map(", "show_sorting(")


def _assert_clean(page) -> None:
    text = page.locator("body").inner_text()
    assert "Traceback" not in text
    assert not re.search(r"\b\w+Error\b", text), text[:2000]
    for marker in CODE_MARKERS:
        assert marker not in text, f"source code visible: {marker}"


def _shown_number(page, statement: str) -> int:
    """The number a sorting statement is shown with ("3. Reads the meeting's ...")."""
    text = page.locator(".fc-sort p", has_text=statement).inner_text()
    return int(text.split(".", 1)[0])


def test_home_page(page, voila_url):
    page.set_viewport_size({"width": 1200, "height": 2000})
    page.goto(f"{voila_url}/voila/render/home.ipynb")
    table = page.locator("table.fc-course-map")
    table.wait_for(state="visible", timeout=60_000)
    expect(page.get_by_role("heading", name="Peer Facilitator Training")).to_be_visible()
    expect(table).to_contain_text("Orientation: the facilitator's role")
    expect(table).to_contain_text("Graded exercise: in JupyterLab")
    expect(page.get_by_role("link", name="Self-check: Module 0 · Orientation")).to_be_visible()
    expect(page.locator(".fc-crisis").last).to_contain_text("988")
    expect(page.locator("body")).to_contain_text("not produced, approved or endorsed")
    _assert_clean(page)
    page.screenshot(path=str(screenshot_dir() / "home.png"), full_page=True)


def test_module0_practice_can_be_completed_with_clicks_and_keyboard(page, voila_url):
    page.goto(f"{voila_url}/voila/render/home.ipynb")
    page.locator("table.fc-course-map").wait_for(state="visible", timeout=60_000)
    # the dashboard (a widget) opens the lesson in the same tab, by the module's name
    page.get_by_role("link", name="Module 0 · Orientation: the facilitator's role").first.click()
    page.set_viewport_size({"width": 1200, "height": 4000})
    check = page.get_by_role("button", name="Check my answers")
    check.wait_for(state="visible", timeout=60_000)
    _assert_clean(page)

    exercise = load_sorting_exercise("orientation-role")
    labels = exercise.choices
    # statements are shown in this learner's own order: read each one's number off the page
    shown = sorted(exercise.items, key=lambda item: _shown_number(page, item.text))
    for number, item in enumerate(shown, start=1):
        assert _shown_number(page, item.text) == number
        # the first statement is answered wrongly on purpose, the second with the keyboard
        answer = item.answer if number != 1 else next(k for k in labels if k != item.answer)
        # the button's name is the statement and the answer (the template's aria-label)
        name = f"Statement {number}, {_quoted(item.text)}: {labels[answer]}"
        button = page.get_by_role("button", name=name, exact=True)
        if number == 2:
            button.focus()
            page.keyboard.press("Space")
        else:
            button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
    check.focus()
    page.keyboard.press("Enter")
    feedback = page.locator(".fc-feedback")
    expect(feedback).to_contain_text(
        f"You sorted {len(exercise.items) - 1} of {len(exercise.items)} statements correctly"
    )
    expect(feedback).to_contain_text("Not quite")
    expect(feedback).to_contain_text(shown[0].why[:40])
    page.screenshot(path=str(screenshot_dir() / "module0-lesson.png"), full_page=True)

    page.get_by_role("button", name="Start again").click()
    expect(feedback).to_have_count(0)


def test_every_button_has_an_accessible_name(page, voila_url):
    page.goto(f"{voila_url}/voila/render/00-orientation/00-lesson.ipynb")
    page.get_by_role("button", name="Check my answers").wait_for(timeout=60_000)
    buttons = page.get_by_role("button").all()
    assert len(buttons) > 10
    for button in buttons:
        name = (button.get_attribute("aria-label") or button.inner_text()).strip()
        assert name, button.evaluate("b => b.outerHTML")


def test_exercise_page_explains_where_to_answer(page, voila_url):
    page.goto(f"{voila_url}/voila/render/00-orientation/01-exercise.ipynb")
    notice = page.locator(".fc-check", has_text="cannot be typed")
    notice.wait_for(timeout=60_000)
    expect(page.locator(".fc-check")).to_have_count(1)  # one notice, not one per question
    _assert_clean(page)
