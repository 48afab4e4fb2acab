"""Module 0 graded end to end through nbgrader's real API on a throwaway course folder."""

from __future__ import annotations

import itertools
import os
import secrets
import subprocess
import sys

import nbformat
import pytest

from conftest import free_port, screenshot_dir, stop_process, wait_for_http
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


# --- what the trainer reads in the Formgrader, and what never reaches a trainee -----------------


def _autograded(root, trainee: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "autograded" / trainee / MODULE / EXERCISE, as_version=4)


def _grades(course, root) -> dict[tuple[str, str], tuple]:
    """{(trainee, item): (auto score, manual score, needs manual grade)} from the gradebook."""
    from facilitator_course.grading.backup import open_gradebook
    from facilitator_course.grading.coursedir import folder_config

    found = {}
    with open_gradebook(folder_config(course, root)) as gb:
        for submission in gb.find_assignment(MODULE).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    found[(submission.student.id, grade.name)] = (
                        grade.auto_score,
                        grade.manual_score,
                        grade.needs_manual_grade,
                    )
    return found


def test_each_written_answer_is_followed_by_the_trainers_note(graded):
    from facilitator_course.answers import word_count
    from facilitator_course.grading.trainer_view import NOTE_HEADING, is_trainer_note

    _, root, _, _ = graded
    cells = _autograded(root, "t01-complete").cells
    notes = {
        cells[i - 1].metadata["nbgrader"]["grade_id"]: cell.source
        for i, cell in enumerate(cells)
        if is_trainer_note(cell)
    }
    assert sorted(notes) == ["m0_journal_answer", "written_role_answer"]
    written = notes["written_role_answer"]
    assert NOTE_HEADING in written
    assert f"{word_count(WRITTEN)} words (the task asks for 40-200)</p>" in written
    assert (
        "Anchor answer (the model answer, full marks):</strong> I&#x27;m a trained volunteer"
        in (written)
    )
    # the journal was left blank
    assert "0 words (the task asks for 80-300) - outside the range" in notes["m0_journal_answer"]
    # read-only in Jupyter, and nothing nbgrader would take for a graded or locked cell
    note = next(c for c in cells if is_trainer_note(c))
    assert note.metadata["editable"] is False and "nbgrader" not in note.metadata


def test_a_failed_check_shows_one_sentence_not_a_traceback(graded):
    _, root, _, _ = graded
    errors = {}
    for trainee in ("t01-complete", "t02-blank", "t03-half", "t04-tampered", "t06-deleted"):
        for cell in _autograded(root, trainee).cells:
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    errors[(trainee, cell.metadata["nbgrader"]["grade_id"])] = output
    assert len(errors) == 9  # t02: all five; t03: three; t04: q1
    for output in errors.values():
        assert len(output.traceback) == 1  # one sentence, its lines cut to fit the page
        shown = " ".join(output.traceback[0].split())
        for python in ("Traceback", "File ", "line ", "check_choice", "\x1b[", "-----"):
            assert python not in shown, shown
        # nbgrader's and the course's readers still find the error's name and message
        assert output.ename == "AnswerNotAccepted" and output.evalue
    q3 = errors[("t03-half", "q3_other_paths")]
    assert " ".join(q3.traceback[0].split()).startswith(
        f"Not passed: {q3.evalue.rstrip('.')}. Expected: D. \"You're welcome."
    )
    assert max(len(line) for line in q3.traceback[0].splitlines()) <= 110


def test_feedback_holds_no_anchor_and_no_trainers_note(graded, course):
    from facilitator_course.grading.coursedir import folder_config
    from facilitator_course.grading.feedback import (
        GENERATED,
        _loose,
        generate_feedback,
        module_anchors,
        visible_text,
    )
    from facilitator_course.grading.trainer_view import NOTE_CLASS, NOTE_HEADING

    _, root, _, _ = graded
    config = folder_config(course, root)
    anchors = module_anchors(root, MODULE)
    assert len(anchors) >= 6  # the model answers of the written answer and the journal
    outcomes = generate_feedback(config, [MODULE], include_ungraded=True)
    made = [o for o in outcomes if o.status == GENERATED]
    assert {o.trainee for o in made} >= {"t01-complete", "t03-half"}
    for outcome in made:
        for path in outcome.files:
            page = path.read_text(encoding="utf-8")
            assert NOTE_CLASS not in page and NOTE_HEADING not in page, path
            shown = _loose(visible_text(page))
            leaked = [a for a in anchors if _loose(a) in shown]
            assert not leaked, f"{path} shows the model answer: {leaked[:1]}"
            assert "Not passed:" not in page and "Expected:" not in page  # the trainer's words


def test_a_feedback_file_that_kept_the_note_is_withheld(graded, course):
    """The leak check on its own: nbgrader's feedback rendered without DropTrainerNotes."""
    from nbgrader.preprocessors import GetGrades

    from facilitator_course.grading.coursedir import folder_config
    from facilitator_course.grading.feedback import (
        WITHHELD,
        _feedback_for,
        feedback_config,
        module_anchors,
        module_secrets,
    )
    from facilitator_course.grading.trainer_view import DropTrainerNotes
    from facilitator_course.nbgrader_setup import make_api

    _, root, _, _ = graded
    config = feedback_config(folder_config(course, root))
    kept = [p for p in config.GenerateFeedback.preprocessors if p is not DropTrainerNotes]
    assert kept[0] is GetGrades and len(kept) == len(config.GenerateFeedback.preprocessors) - 1
    config.GenerateFeedback.preprocessors = kept
    secrets = module_secrets(root, MODULE) + module_anchors(root, MODULE)
    outcome = _feedback_for(make_api(config), root, MODULE, "t03-half", True, [], secrets)
    assert outcome.status == WITHHELD
    assert "a trainer's note and" in outcome.detail and "model-answer line(s)" in outcome.detail
    assert not list((root / "feedback" / "t03-half" / MODULE).glob("*.html"))


def test_autograde_again_adds_no_second_note_and_keeps_every_score(graded, course):
    from facilitator_course.grading.coursedir import folder_config
    from facilitator_course.grading.trainer_view import is_trainer_note

    results, root, _, _ = graded
    before = _grades(course, root)
    again = autograde_cohort(folder_config(course, root), MODULE, ["t01-complete", "t03-half"])
    assert [r.score for r in again] == [results["t01-complete"].score, results["t03-half"].score]
    assert _grades(course, root) == before
    for trainee in ("t01-complete", "t03-half"):
        cells = _autograded(root, trainee).cells
        assert sum(is_trainer_note(c) for c in cells) == 2
        assert not any(
            is_trainer_note(a) and is_trainer_note(b) for a, b in itertools.pairwise(cells)
        )


@pytest.fixture(scope="module")
def formgrader(graded, tmp_path_factory):
    """nbgrader's Formgrader for real: a Jupyter server started in the course folder, as the
    README tells a trainer (the folder's nbgrader_config.py points it at the gradebook)."""
    _, root, _, _ = graded
    folder = tmp_path_factory.mktemp("formgrader")
    token = secrets.token_hex(16)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "jupyter_server",
        f"--ServerApp.root_dir={root}",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--no-browser",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "BROWSER": "true", "JUPYTER_RUNTIME_DIR": str(folder / "runtime")}
    env.pop("NBGRADER_EXECUTION", None)
    log_path = folder / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status?token={token}", proc, log_path, deadline_s=60)
        yield base, token
    finally:
        stop_process(proc)


def _submission_page(course, root, trainee: str) -> str:
    from facilitator_course.grading.backup import open_gradebook
    from facilitator_course.grading.coursedir import folder_config

    with open_gradebook(folder_config(course, root)) as gb:
        notebook = gb.find_submission_notebook(EXERCISE.removesuffix(".ipynb"), MODULE, trainee)
        return f"/formgrader/submissions/{notebook.id}/"


@pytest.mark.browser
def test_the_formgrader_shows_the_word_count_and_plain_sentences(graded, course, formgrader, page):
    from facilitator_course.answers import word_count

    _, root, _, _ = graded
    base, token = formgrader
    page.goto(f"{base}{_submission_page(course, root, 't01-complete')}?token={token}")
    note = page.locator(".fc-trainer-note").first
    note.wait_for(timeout=30_000)
    note.scroll_into_view_if_needed()
    text = note.inner_text()
    assert f"{word_count(WRITTEN)} words (the task asks for 40-200)" in text
    assert "Anchor answer (the model answer, full marks)" in text
    page.screenshot(path=str(screenshot_dir() / "formgrader-written-answer.png"))

    page.goto(f"{base}{_submission_page(course, root, 't03-half')}?token={token}")
    page.locator(".fc-trainer-note").first.wait_for(timeout=30_000)
    body = page.locator("body").inner_text()
    assert body.count("Not passed:") == 3 and "Expected: D." in body
    for python in ("Traceback", "AnswerNotAccepted", "check_choice(answer_q3"):
        assert python not in "".join(
            page.locator(".output_error, .output_stderr").all_inner_texts()
        ), python
    failed = page.locator(".output_error").first
    failed.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir() / "formgrader-failed-check.png"))
