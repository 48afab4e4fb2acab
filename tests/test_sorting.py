"""The Module 0 sorting practice: engine scoring, content validation and the widget."""

from __future__ import annotations

import pytest

from facilitator_course.content import ContentError
from facilitator_course.practice.sorting import load_sorting_exercise
from facilitator_course.widgets.sorting import SortingWidget


def test_every_shipped_item_has_an_explanation():
    exercise = load_sorting_exercise("orientation-role")
    assert len(exercise.items) >= 6
    assert {item.answer for item in exercise.items} == set(exercise.choices)
    assert all(len(item.why.split()) >= 8 for item in exercise.items)


def test_scoring_counts_right_wrong_and_unanswered():
    exercise = load_sorting_exercise("orientation-role")
    first, second, *_ = exercise.items
    wrong = next(k for k in exercise.choices if k != second.answer)
    result = exercise.score({first.id: first.answer, second.id: wrong})
    assert (result.score, result.total) == (1, len(exercise.items))
    assert result.unanswered == len(exercise.items) - 2
    assert not result.complete


def test_widget_is_driven_by_clicks():
    widget = SortingWidget.from_name("orientation-role")
    for item in widget.exercise.items:
        widget.toggles[item.id].value = item.answer
    widget.check_button.click()
    assert widget.last_result.score == len(widget.exercise.items)
    assert "You sorted 8 of 8 statements correctly" in widget.result.value
    widget.reset_button.click()
    assert widget.result.value == ""
    assert all(t.value is None for t in widget.toggles.values())


def test_every_choice_button_names_its_statement():
    """The tooltip becomes each button's accessible name in the web app (the course template
    copies it to aria-label): the statement itself, then the answer the button gives."""
    widget = SortingWidget.from_name("orientation-role")
    for number, item in enumerate(widget.shown, start=1):
        toggle = widget.toggles[item.id]
        labels = [label for label, _ in toggle.options]
        assert list(toggle.tooltips) == [
            f"Statement {number}, “{item.text}”: {lab}" for lab in labels
        ]


BROKEN = """\
id: demo
title: Demo
choices: {does: Does, does_not: Does not}
items:
  - id: one
    text: Something
    answer: maybe
    why: Because.
  - id: two
    text: Other
    answer: does
"""


def test_a_broken_file_names_the_line_and_field(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(BROKEN)
    with pytest.raises(ContentError) as info:
        load_sorting_exercise(path)
    error = info.value
    assert error.line == 7
    assert error.field == "items.0.answer"
    assert "should be one of: does, does_not" in str(error)


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: [unclosed\n")
    with pytest.raises(ContentError, match="not valid YAML"):
        load_sorting_exercise(path)
