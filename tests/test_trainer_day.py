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
            if item.manual or item.grade_id == "m6_capstone":
                continue  # marked by a person, or (the capstone) scored from the meeting played
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


def test_trainee_record_shows_questions_answers_and_escapes_everything(course):
    from facilitator_course.grading.cohort_report import report_from_data
    from facilitator_course.grading.demo import demo_cohort
    from facilitator_course.grading.trainee_record import (
        UnknownTrainee,
        record_html,
        record_text,
        trainee_record,
    )

    data = demo_cohort(course)
    trainee = data.trainees[0]
    hostile = "<script>alert(1)</script> B"
    mask = (data.answers["trainee"] == trainee) & (data.answers["item"] == "q1_role")
    data.answers.loc[mask, "answer"] = hostile
    report = report_from_data(data)
    record = trainee_record(report, trainee)
    q1 = next(i for i in record.items if i.item == "q1_role")
    assert q1.question.startswith("Question 1: After a meeting a participant asks")
    assert q1.answer == hostile
    page = record_html(record)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; B" in page
    assert "m4_rp1_newcomer" not in page  # items by their question, not by grade id
    assert "Role-play 1: It is a newcomer" in page
    text = record_text(record)
    assert "Certification:" in text and "Late policy:" in text
    try:
        trainee_record(report, "t99-nobody")
    except UnknownTrainee as exc:
        assert trainee in str(exc)
    else:
        raise AssertionError("an unknown trainee must be refused")


def test_written_answer_shows_its_length_against_the_tasks_range(course):
    from facilitator_course.grading.rubric import WRITTEN, ManualItem

    texts = module_items(course.solutions_dir / "04-running-a-meeting")
    opening = texts["m4_written_opening"]
    assert opening.word_range == (60, 200)  # from the learner's own length check
    assert "stays here" in (opening.right or "") or opening.right  # the anchor: the model answer

    def item(answer: str) -> ManualItem:
        return ManualItem(
            "04-running-a-meeting",
            "01-exercise",
            "t01",
            "m4_written_opening",
            3,
            WRITTEN,
            answer,
            "scheme",
            None,
            None,
            True,
            word_range=opening.word_range,
        )

    assert item("word " * 80).length_note() == "80 words (the task asks for 60-200)"
    assert item("too short").length_note().endswith("- outside the range")


def test_late_policy_grace_and_what_late_means(tmp_path):
    from facilitator_course.content import ContentError
    from facilitator_course.grading.late_policy import NOT_COUNTED, late_policy

    (tmp_path / "course").mkdir()
    yml = tmp_path / "course" / "course.yml"
    yml.write_text("late_policy:\n  grace_days: 1\n  for_certification: not counted\n")
    policy = late_policy(tmp_path)
    assert policy.for_certification == NOT_COUNTED
    assert not policy.is_late(20 * 3600)  # within the day of grace
    assert policy.is_late(30 * 3600) and policy.late_days(30 * 3600) == 1.2
    assert "does not count" in policy.describe()
    yml.write_text("late_policy:\n  grace_days: soon\n")
    try:
        late_policy(tmp_path)
    except ContentError as exc:
        assert "grace_days" in str(exc)
    else:
        raise AssertionError("a bad grace period must be reported")


def test_release_refuses_a_due_date_already_past_unless_confirmed(tmp_path):
    from conftest import run_cli

    folder = tmp_path / "cohort"
    past = ["release", "00-orientation", "--course-dir", str(folder), "--due", "2020-01-01 10:00"]
    code, _, err = run_cli(past)
    assert code == 1 and "already past" in err and "--yes" in err
    assert not folder.exists()  # nothing was changed
    code, out, err = run_cli([*past, "--yes"])
    assert code == 0, err
    assert "Due date 2020-01-01 10:00 UTC recorded" in out and "Late policy:" in out


def test_late_work_not_counted_is_a_certification_reason(course, tmp_path):
    from dataclasses import replace

    from facilitator_course.grading.cohort_report import report_from_data
    from facilitator_course.grading.demo import demo_cohort

    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "course.yml").write_text(
        "late_policy:\n  grace_days: 0\n  for_certification: not counted\n"
    )
    (tmp_path / "solutions").symlink_to(course.solutions_dir)
    strict = replace(course, root=tmp_path)
    data = demo_cohort(strict)
    late = data.submissions[data.submissions["late"]].iloc[0]
    reasons = report_from_data(data).certification.loc[late["trainee"], "reasons"]
    assert any(
        r.startswith(f"{late['module']}: handed in") and "late work does not count" in r
        for r in reasons
    ), reasons


def test_every_command_documents_its_exit_status(capsys):
    import pytest

    from facilitator_course import cli

    for command in cli.COMMANDS:
        with pytest.raises(SystemExit) as stopped:
            cli.main([command, "--help"])
        assert stopped.value.code == 0
        shown = " ".join(capsys.readouterr().out.split())
        assert "Exit status: 0 " in shown and "130 when interrupted" in shown, command
    assert "1 when any was refused" in cli.exit_status_help("collect")


def test_lms_rows_in_moodle_and_canvas_layouts_with_rounded_points(course):
    from facilitator_course.grading.cohort_report import report_from_data
    from facilitator_course.grading.demo import demo_cohort
    from facilitator_course.grading.lms_export import CANVAS, MOODLE, lms_rows

    report = report_from_data(demo_cohort(course))
    trainees = sorted(report.data.trainees)
    moodle = lms_rows(report, MOODLE, None)
    assert moodle[0] == ["ID number", *report.data.module_ids]
    assert [row[0] for row in moodle[1:]] == trainees
    for row in moodle[1:]:
        for cell in row[1:]:
            assert cell == "" or len(cell.partition(".")[2]) <= 2, cell  # rounded
    ids = {t: str(9000 + n) for n, t in enumerate(trainees)}
    canvas = lms_rows(report, CANVAS, ids)
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert canvas[1][0] == "Points Possible"
    assert [(row[0], row[1], row[2]) for row in canvas[2:]] == [("", ids[t], t) for t in trainees]
