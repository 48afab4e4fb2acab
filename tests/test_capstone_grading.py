"""The capstone graded through nbgrader's real API: the typed moves travel with the submission.

The hidden test of the locked `m6_capstone` cell re-judges `capstone-transcript.json` with the
trainer's engine, so grading must carry the file into the rebuilt submission (as checked data).
A skilled meeting earns the cell's points, a weak or harmful one does not, and a malformed or
oversized transcript is a named fault, never a traceback.
"""

from __future__ import annotations

import nbformat
import pytest

from capstone_scripts import HARMFUL, SKILLED, WEAK
from facilitator_course.grading import fault_report as faults
from facilitator_course.grading.autograde import autograde_cohort
from facilitator_course.grading.coursedir import prepare_course_dir
from facilitator_course.group.transcript import MAX_FILE_BYTES, TRANSCRIPT_NAME, transcript_json
from submissions import hand_in

pytestmark = pytest.mark.slow

MODULE = "06-capstone"
EXERCISE = "01-exercise.ipynb"
MEETING = "capstone-thursday-evening"


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    root = tmp_path_factory.mktemp("capstone") / "course"
    config = prepare_course_dir(course, root, [MODULE])
    learner = nbformat.read(root / "release" / MODULE / EXERCISE, as_version=4)
    transcripts = {
        "t01-skilled": transcript_json(MEETING, SKILLED),
        "t02-weak": transcript_json(MEETING, WEAK),
        "t03-harmful": transcript_json(MEETING, HARMFUL),
        "t04-malformed": '{"format": "facilitator-course/group-meeting-transcript", "moves": [',
        "t05-oversized": transcript_json(MEETING, ["x" * 1000] * 1100),
        "t06-unknown-meeting": transcript_json("no-such-meeting", SKILLED),
        "t07-missing": None,
    }
    for trainee, text in transcripts.items():
        files: dict[str, object] = {EXERCISE: learner}
        if text is not None:
            files[TRANSCRIPT_NAME] = text
        hand_in(root, trainee, MODULE, files)
    results = autograde_cohort(config, MODULE)
    COURSE_ROOT.append((root, config))
    return {r.student_id: r for r in results}


COURSE_ROOT: list = []  # the graded fixture's (course folder, config), for later tests


def test_the_oversized_transcript_really_is_over_the_limit():
    assert len(transcript_json(MEETING, ["x" * 1000] * 1100)) > MAX_FILE_BYTES


def test_a_skilled_meeting_earns_the_capstone_points(graded):
    skilled = graded["t01-skilled"]
    assert skilled.score == 10, skilled.problems
    assert not skilled.faults


@pytest.mark.parametrize("trainee", ["t02-weak", "t03-harmful", "t07-missing"])
def test_a_weak_harmful_or_missing_meeting_earns_nothing(graded, trainee):
    assert graded[trainee].score == 0, graded[trainee].problems
    assert faults.BAD_TRANSCRIPT not in graded[trainee].faults


@pytest.mark.parametrize("trainee", ["t04-malformed", "t05-oversized"])
def test_an_unusable_transcript_is_a_named_fault_not_a_traceback(graded, trainee):
    result = graded[trainee]
    assert faults.BAD_TRANSCRIPT in result.faults
    assert result.score == 0  # graded: the capstone cell says there is no meeting to score
    text = " ".join(result.problems)
    assert TRANSCRIPT_NAME in text and "Traceback" not in text


def test_an_unknown_meeting_fails_the_capstone_cell_without_a_crash(graded):
    result = graded["t06-unknown-meeting"]
    assert result.score == 0
    assert faults.UNEXPECTED_ERROR not in result.faults


def test_certification_gives_the_capstone_reasons(graded, course):
    from facilitator_course.grading.cohort_report import build_report

    course_root, _ = COURSE_ROOT[-1]
    reasons = build_report(course, course_root).certification["reasons"].to_dict()
    capstone = {
        t: [r for r in rs if r.startswith(f"{MODULE}: capstone")] for t, rs in reasons.items()
    }
    assert capstone["t01-skilled"] == [], capstone["t01-skilled"]
    assert not any("MI profile" in r for r in reasons["t01-skilled"])
    assert capstone["t02-weak"][0].startswith(f"{MODULE}: capstone not yet: ")
    assert capstone["t03-harmful"][0].startswith(
        f"{MODULE}: capstone blocked (potentially harmful)"
    )
    assert "could not be scored" in capstone["t04-malformed"][0]


def test_a_trainer_override_of_the_capstone_counts_and_survives_autograde(graded, course):
    from conftest import run_cli
    from facilitator_course.grading.cohort_report import build_report

    root, config = COURSE_ROOT[-1]
    argv = ["grade", MODULE, "--course-dir", str(root), "--trainee", "t02-weak"]
    code, out, err = run_cli([*argv, "--item", "m6_capstone", "--score", "10"])
    assert code == 0, out + err
    again = {r.student_id: r for r in autograde_cohort(config, MODULE, student_ids=["t02-weak"])}
    assert again["t02-weak"].score == 10  # the trainer's mark is kept
    reasons = build_report(course, root).certification["reasons"].to_dict()["t02-weak"]
    assert not any(r.startswith(f"{MODULE}: capstone") for r in reasons), reasons
