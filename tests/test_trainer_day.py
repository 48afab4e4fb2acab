"""The trainer's day, piece by piece and fast: item texts, teaching feedback, the trainee record,
the late policy, exports and exit codes. The cohort end to end is in test_trainer_workflow.py."""

from __future__ import annotations

import nbformat

from facilitator_course.grading.feedback_teach import TeachMissedItems, teaching_box
from facilitator_course.grading.item_text import explanations, module_items


def test_every_choice_item_has_its_right_answer_and_one_explanation(course):
    whys = explanations()
    for module in course.modules:
        items = module_items(course.solutions_dir / module.id)
        for item in module.items:
            text = items[item.grade_id]
            assert text.title and text.prompt, item.grade_id  # a question, not a grade id
            if item.manual:
                continue
            assert text.right, item.grade_id
            assert text.why, item.grade_id  # choice: the data file; role-play: its rule
            if text.options:
                assert text.right in text.options and item.grade_id in whys, item.grade_id
    assert set(whys) <= {i.grade_id for m in course.modules for i in m.items}


def test_a_missed_item_shows_the_answer_and_why_and_no_error_name(course):
    item = module_items(course.solutions_dir / "00-orientation")["q2_four_points"]
    box = teaching_box("A is not the best choice.", item, missed=True)
    assert "The right answer:</strong> C. Building motivation" in box
    assert "Why:</strong> The 4-Point Program" in box
    cell = nbformat.v4.new_code_cell("check_choice(answer_q2_four_points)")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "q2_four_points",
        "score": 0,
        "points": 1,
    }
    cell.outputs = [
        nbformat.v4.new_output(
            "error",
            ename="AnswerNotAccepted",
            evalue="<b>A</b> is not the best choice.",
            traceback=["Traceback ...", "AnswerNotAccepted: A is not the best choice."],
        )
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    teach = TeachMissedItems(course_root=str(course.solutions_dir.parent / "nowhere"))
    nb, _ = teach.preprocess(nb, {"nbgrader": {"assignment": "00-orientation"}})
    shown = str(nb.cells[0].outputs)
    assert "AnswerNotAccepted" not in shown and "Traceback" not in shown
    assert "&lt;b&gt;A&lt;/b&gt; is not the best choice." in shown  # escaped, never markup
