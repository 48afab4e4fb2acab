"""The web app's self-check: built from each exercise's own items, judged by the graded rules,
saved in progress and shown on home (the browser side is in test_learner_journey_browser.py)."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import REPO
from facilitator_course.learner_progress import course_progress
from facilitator_course.progress import ProgressStore
from facilitator_course.self_check import (
    ChoiceItem,
    ReplyItem,
    WrittenItem,
    check_typed_reply,
    module_items,
)
from facilitator_course.widgets.home import dashboard_html
from facilitator_course.widgets.self_check import SelfCheck

MI = "01-motivational-interviewing"


def _hidden_keys(path) -> dict[str, str]:
    """The answer key as nbgrader holds it: grade id -> the letter in the hidden test."""
    keys = {}
    for cell in nbformat.read(path, as_version=4).cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if found := re.search(r'correct="([A-D])"', cell.source):
            keys[grade_id] = found.group(1)
    return keys


@pytest.mark.parametrize("module_index", range(6))
def test_every_graded_item_of_the_exercise_is_in_the_self_check(course, module_index):
    module = course.modules[module_index]
    items = module_items(course, module)
    graded = {item.grade_id for item in module.items}
    found = {item.id for item in items}
    # reply items are keyed by their graded_replies entry, which is their grade id
    assert found == graded, (module.id, graded ^ found)
    keys = _hidden_keys(REPO / "solutions" / module.id / "01-exercise.ipynb")
    for item in items:
        if isinstance(item, ChoiceItem):
            assert item.correct == keys[item.id]
            assert len(item.options) == 4 and item.stem
        if isinstance(item, WrittenItem):
            assert item.scheme and "MARK SCHEME" not in item.task and item.points == 3


def test_an_exercise_edit_is_the_self_check_at_once(course, tmp_path):
    """One source: the items are read from the exercise file, not from a copy."""
    from dataclasses import replace

    module = course.modules[0]
    source = REPO / "solutions" / module.id / "01-exercise.ipynb"
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace('correct="B"', 'correct="D"')
    (tmp_path / "solutions" / module.id).mkdir(parents=True)
    nbformat.write(nb, tmp_path / "solutions" / module.id / "01-exercise.ipynb")
    edited = replace(course, root=tmp_path)
    first = module_items(edited, module)[0]
    assert first.id == "q1_role" and first.correct == "D"


def test_typed_replies_use_the_graded_rule_and_never_reward_harm(course):
    item = next(i for i in module_items(course, course.modules[1]) if isinstance(i, ReplyItem))
    good = check_typed_reply(
        item, "Betting is the one place you feel like yourself, and you can see what it costs."
    )
    assert good.meets is True and good.verdict == "Meets the rule"
    advice = check_typed_reply(item, "You should stop betting, it is costing your family a lot.")
    assert advice.meets is False and advice.harmful and advice.points == 0
    label = check_typed_reply(item, "You're a gambling addict and it is costing your family.")
    assert label.points == 0


def test_answers_and_score_are_saved_restored_and_shown_on_home(course, tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    check = SelfCheck(MI, store=store, course=course)
    first, second = check.items[0], check.items[1]
    first.control.value = first.item.correct
    first.check_button.click()
    assert "Right." in first.feedback.value
    wrong = next(letter for letter, _ in second.item.options if letter != second.item.correct)
    second.control.value = wrong
    second.check_button.click()
    assert "Not right." in second.feedback.value
    assert f"The best answer is {second.item.correct}." in second.feedback.value
    written = check.items[-1]
    written.control.value = "word " * 50
    written.check_button.click()
    assert "Compare." in written.feedback.value and "One point for each" in written.feedback.value
    written.mark.value = 2
    assert "3 of 11 points" in check.score.value

    again = SelfCheck(MI, store=store, course=course)
    assert again.items[0].control.value == first.item.correct
    assert "Right." in again.items[0].feedback.value
    assert again.items[-1].mark.value == 2 and "3 of 11 points" in again.score.value

    progress = store.load()
    mi = course_progress(course, progress)[1]
    assert mi.self_check is not None and mi.self_check.detail == (
        "3 of 11 points, 3 of 9 questions checked"
    )
    html = dashboard_html(course, progress, web_app=True)
    assert "Self-check: 3 of 11 points" in html
    assert f'href="{MI}/02-self-check.ipynb">Self-check: Module 1 · Motivational' in html


def test_a_copy_without_solutions_says_so_plainly(course, tmp_path):
    from dataclasses import replace

    elsewhere = replace(course, root=tmp_path)
    check = SelfCheck(MI, store=ProgressStore(tmp_path / "p.json"), course=elsewhere)
    assert check.items == []
    assert "Ask your trainer" in str(check.widget.children[-1].value)
