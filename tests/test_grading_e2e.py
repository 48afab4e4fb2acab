"""Module 0 graded end to end through nbgrader's real API on a throwaway course folder."""

from __future__ import annotations

import nbformat
import pytest

from facilitator_course.grading.autograde import (
    GRADED,
    GRADED_WITH_WARNINGS,
    NOT_GRADED,
    autograde_cohort,
)
from facilitator_course.grading.coursedir import CourseDirError, prepare_course_dir
from submissions import fill, folder_digest, hand_in

pytestmark = pytest.mark.slow

MODULE = "00-orientation"
EXERCISE = "01-exercise.ipynb"
CORRECT = {
    "q1_role_answer": "B",
    "q2_four_points_answer": "C",
    "q3_other_paths_answer": "D",
    "q4_verification_answer": "C",
    "q5_privacy_answer": "A",
}
WRITTEN = (
    "I am a volunteer and a peer, not a therapist, so I will not diagnose anyone or tell "
    "you what to do. I read the guidelines, keep check-in brief and we use a tool together. "
    "What is said here stays here and we keep no records of who attends."
)


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    root = tmp_path_factory.mktemp("cohort") / "course"
    config = prepare_course_dir(course, root, [MODULE])
    # What trainees receive: the course folder's release (modules/ may lag behind solutions/).
    learner = nbformat.read(root / "release" / MODULE / EXERCISE, as_version=4)

    complete = fill(learner, {**CORRECT, "written_role_answer": WRITTEN})
    half = fill(
        learner,
        {
            "q1_role_answer": "b",
            "q2_four_points_answer": " C. ",
            "q3_other_paths_answer": "A",
            "q4_verification_answer": "D",
            "q5_privacy_answer": "(c)",
        },
    )
    tampered = fill(learner, {**CORRECT, "q1_role_answer": "A"})
    for cell in tampered.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q1_role":
            cell.source = "# I made this pass\npass"
    deleted = fill(learner, CORRECT)
    deleted.cells = [
        c for c in deleted.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "q5_privacy"
    ]

    hand_in(root, "t01-complete", MODULE, {EXERCISE: complete})
    hand_in(root, "t02-blank", MODULE, {EXERCISE: learner})
    hand_in(root, "t03-half", MODULE, {EXERCISE: half})
    hand_in(root, "t04-tampered", MODULE, {EXERCISE: tampered})
    hand_in(root, "t05-broken", MODULE, {EXERCISE: '{"cells": [ this is not json'})
    hand_in(root, "t06-deleted", MODULE, {EXERCISE: deleted})
    before = folder_digest(root / "submitted")
    progress = []
    results = autograde_cohort(config, MODULE, on_progress=lambda i, n, r: progress.append((i, n)))
    return {r.student_id: r for r in results}, root, before, progress


def test_every_submission_gets_a_result_in_order(graded):
    results, _, _, progress = graded
    assert sorted(results) == [
        "t01-complete",
        "t02-blank",
        "t03-half",
        "t04-tampered",
        "t05-broken",
        "t06-deleted",
    ]
    assert progress == [(i, 6) for i in range(1, 7)]


def test_scores(graded):
    results, *_ = graded
    assert results["t01-complete"].status == GRADED
    assert results["t01-complete"].score == 5.0
    # 5 autograded + 3 for the written answer + 2 for the reflective journal
    assert results["t01-complete"].max_score == 10.0
    assert results["t01-complete"].needs_manual_grade
    assert results["t02-blank"].score == 0.0
    assert results["t03-half"].score == 2.0  # q1 and q2 right despite loose formatting


def test_edited_locked_cell_is_restored_and_reported(graded):
    results, *_ = graded
    tampered = results["t04-tampered"]
    assert tampered.status == GRADED_WITH_WARNINGS
    assert tampered.score == 4.0  # the real q1 test ran on the wrong answer "A"
    assert any("locked cell 'q1_role' was edited" in p for p in tampered.problems)


def test_deleted_test_cell_is_reported(graded):
    results, *_ = graded
    deleted = results["t06-deleted"]
    assert deleted.status == GRADED_WITH_WARNINGS
    assert any("'q5_privacy' was deleted" in p for p in deleted.problems)
    assert deleted.score == 4.0


def test_invalid_notebook_gets_a_clear_message_and_does_not_stop_others(graded):
    results, *_ = graded
    broken = results["t05-broken"]
    assert broken.status == NOT_GRADED
    assert broken.score is None
    assert broken.problems == [
        "01-exercise.ipynb is not a valid notebook: its JSON is broken at line 1, column 13."
    ]
    assert results["t06-deleted"].score is not None  # graded after the broken one


def test_submissions_are_never_modified(graded):
    _, root, before, _ = graded
    assert folder_digest(root / "submitted") == before


def test_course_folder_inside_the_repository_is_refused(course):
    with pytest.raises(CourseDirError, match="outside the repository"):
        prepare_course_dir(course, course.root / "cohort")
