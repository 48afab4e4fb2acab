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
    # the capstone's result comes from the meeting played in the simulator, not a question, and
    # journals and practice logs are the trainee's own experience, marked by the trainer
    graded = {i.grade_id for i in module.items if not i.personal} - {"m6_capstone"}
    found = {item.id for item in items}
    # reply items are keyed by their graded_replies entry, which is their grade id
    assert found == graded, (module.id, graded ^ found)
    keys = _hidden_keys(REPO / "solutions" / module.id / "01-exercise.ipynb")
    for item in items:
        if isinstance(item, ChoiceItem):
            assert item.correct == keys[item.id]
            assert len(item.options) == 4 and item.stem
        if isinstance(item, WrittenItem):
            assert item.scheme and "MARK SCHEME" not in item.task and item.points >= 2


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
    assert "Compare." in written.feedback.value and "fc-scheme" in written.feedback.value
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


def test_a_choice_item_shows_the_same_why_as_the_trainee_feedback(course, tmp_path):
    """One source: the reason is graded_explanations.yaml's, for a right and a wrong answer."""
    from facilitator_course.grading.item_text import explanations
    from facilitator_course.htmlsafe import escape

    check = SelfCheck(MI, store=ProgressStore(tmp_path / "p.json"), course=course)
    first, second = check.items[0], check.items[1]
    for view in (first, second):
        assert view.item.why and view.item.why == explanations()[view.item.id]
    first.control.value = first.item.correct
    first.check_button.click()
    assert "Right." in first.feedback.value
    assert "Why:" in first.feedback.value and escape(first.item.why) in first.feedback.value
    second.control.value = next(x for x, _ in second.item.options if x != second.item.correct)
    second.check_button.click()
    assert "Not right." in second.feedback.value
    assert escape(second.item.why) in second.feedback.value


def test_every_choice_item_of_every_module_has_its_why(course):
    for module in course.modules:
        for item in module_items(course, module):
            if isinstance(item, ChoiceItem):
                assert item.why, (module.id, item.id)


def _keep_the_key(course):
    from dataclasses import replace

    from facilitator_course.course import SelfCheckSettings

    return replace(course, self_check=SelfCheckSettings(reveal_answers=False))


def test_a_cohort_that_keeps_the_key_records_answers_without_marking(course, tmp_path):
    kept = _keep_the_key(course)
    store = ProgressStore(tmp_path / "p.json")
    check = SelfCheck(MI, store=store, course=kept)
    assert any(
        "keeps the right answers" in str(getattr(c, "value", "")) for c in check.widget.children
    )
    choice, reply, written = check.items[0], check.items[5], check.items[-1]
    assert isinstance(reply.item, ReplyItem) and written.mark is None
    choice.control.value = "A"
    choice.check_button.click()
    reply.control.value = "You should stop betting, it is costing your family a lot."
    reply.check_button.click()
    written.control.value = "word " * 50
    written.check_button.click()
    for view in (choice, reply, written):
        value = view.feedback.value
        assert "Answer recorded." in value and "trainer's feedback will show the right" in value
        for giveaway in (
            "Right.",
            "Not right.",
            "best answer",
            "Why:",
            "Meets",
            "rule",
            "One point",
        ):
            assert giveaway not in value, (view.item.id, giveaway)
    assert "3 of 9 questions answered" in check.score.value and "points" not in check.score.value

    again = SelfCheck(MI, store=store, course=kept)
    assert (
        again.items[0].control.value == "A" and "Answer recorded." in again.items[0].feedback.value
    )
    mi = course_progress(kept, store.load())[1]
    assert mi.self_check is not None and mi.self_check.detail == "3 of 9 questions answered"


def test_a_cohort_that_keeps_the_key_never_loads_it(course, tmp_path):
    """The items come from the learner's released copy: no key, no explanation, no scheme; the
    instructor notebook is not even needed."""
    from dataclasses import replace

    for module in course.modules:
        items = module_items(_keep_the_key(course), module)
        revealed = module_items(course, module)
        assert [(i.id, i.title, type(i)) for i in items] == [
            (i.id, i.title, type(i)) for i in revealed
        ]
        for item in items:
            if isinstance(item, ChoiceItem):
                assert item.correct == "" and item.why == "" and len(item.options) == 4
            if isinstance(item, WrittenItem):
                assert item.scheme == ""
    (tmp_path / "modules").symlink_to(REPO / "modules")
    elsewhere = _keep_the_key(replace(course, root=tmp_path))  # no solutions/ here
    assert len(module_items(elsewhere, course.modules[1])) == 9


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("self_check: {reveal_answers: maybe}", "should be true (show the right answers) or false"),
        ("self_check: {reveal_answers: 1}", "should be true"),
        ("self_check: {reveal: false}", "is not a self-check setting"),
        ("self_check: false", "should be a mapping"),
    ],
)
def test_a_bad_self_check_setting_is_refused_plainly(tmp_path, setting, words):
    from facilitator_course.content import ContentError
    from facilitator_course.course import load_course

    text = (REPO / "course" / "course.yml").read_text(encoding="utf-8")
    (tmp_path / "course").mkdir()
    bad = re_sub_setting(text, setting)
    (tmp_path / "course" / "course.yml").write_text(bad, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_course(tmp_path)
    assert words in str(caught.value) and "self_check" in str(caught.value)


def re_sub_setting(text: str, setting: str) -> str:
    replaced = re.sub(r"^self_check:\n  reveal_answers: true\n", setting + "\n", text, flags=re.M)
    assert replaced != text
    return replaced


def test_the_shipped_course_reveals_answers_for_self_study(course):
    assert course.self_check.reveal_answers is True
