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
    code, out, err = run_cli([*argv[:-2], "--list"])  # every trainee's capstone in one line each
    assert "t02-weak: pass, the capstone cell's score set by the trainer" in out


# --- the trainer's view of the capstone, and overrides of single ratings -----------------------


def _grade(*extra: str) -> tuple[int, str, str]:
    from conftest import run_cli

    root, _ = COURSE_ROOT[-1]
    return run_cli(["grade", MODULE, "--course-dir", str(root), *extra])


def _module_reasons(course, trainee: str) -> list[str]:
    """Every certification reason about the capstone module (its cell, pass mark, safety item)."""
    from facilitator_course.grading.cohort_report import build_report

    root, _ = COURSE_ROOT[-1]
    reasons = build_report(course, root).certification["reasons"].to_dict()[trainee]
    return [r for r in reasons if MODULE in r]


def _capstone_reasons(course, trainee: str) -> list[str]:
    return [r for r in _module_reasons(course, trainee) if r.startswith(f"{MODULE}: capstone")]


def test_grade_shows_the_capstone_ratings_and_moves(graded):
    code, out, err = _grade("--trainee", "t01-skilled", "--list")
    assert code == 0, out + err
    assert "Capstone 06-capstone (t01-skilled)" in out and "Status: pass" in out
    assert "Meeting checklist: 100 % adherence" in out
    assert "everyone checked in" in out and "done" in out
    assert "Time management" in out and "fully" in out
    assert "MI profile: fair" in out and "reflections per question" in out
    assert f"Transcript ({len(SKILLED)} moves; code [group moves])" in out
    assert "open question" in out  # each move with the code the engine gave it
    code, out, _ = _grade("--trainee", "t03-harmful", "--list")
    assert "Status: blocked (potentially harmful)" in out and "potentially harmful" in out
    code, out, _ = _grade("--list")  # no --trainee: one line per trainee
    assert "t01-skilled: pass; checklist 100 %" in out
    assert "t04-malformed: could not be scored (" in out


def test_report_trainee_shows_the_capstone_in_text_and_html(graded, tmp_path):
    from conftest import run_cli

    root, _ = COURSE_ROOT[-1]
    page = tmp_path / "t03.html"
    argv = ["report", "--course-dir", str(root), "--trainee", "t03-harmful", "--html", str(page)]
    code, out, err = run_cli(argv)
    assert code == 0, out + err
    assert "Capstone 06-capstone (t03-harmful)" in out and "Meeting checklist:" in out
    html = page.read_text(encoding="utf-8")
    assert "<h2>Capstone meeting (06-capstone)</h2>" in html
    assert "Meeting checklist: " in html and "Competency levels" in html
    assert "Transcript: 13 typed moves" in html and "blocked (potentially harmful)" in html


def test_an_override_without_a_reason_is_refused(graded):
    root, _ = COURSE_ROOT[-1]
    for reason in ([], ["--reason", "   "]):
        code, out, err = _grade(
            "--trainee", "t01-skilled", "--capstone-rating", "time management", "--level",
            "partly", *reason,
        )  # fmt: skip
        assert code == 1, out + err
        assert "needs a reason" in err and "--reason" in err and "Traceback" not in err
    assert not (root / "capstone-overrides.json").exists()


def test_an_unknown_rating_or_level_lists_the_valid_ones(graded):
    code, _, err = _grade(
        "--trainee", "t01-skilled", "--capstone-rating", "timekeeping", "--level", "partly",
        "--reason", "x",
    )  # fmt: skip
    assert code == 1
    assert 'No capstone rating "timekeeping"' in err
    for name in ("Time management", "everyone checked in", "MI profile", "overall result"):
        assert f'"{name}"' in err
    code, _, err = _grade(
        "--trainee", "t01-skilled", "--capstone-rating", "Time management", "--level", "great",
        "--reason", "x",
    )  # fmt: skip
    assert code == 1
    assert '"great" is not a level of "Time management"' in err
    assert '"potentially harmful", "not yet shown", "partly", "fully"' in err


REASON = "Shamed Mike for running over <script>alert('x')</script> & ignored him"


def test_a_rating_lowered_to_harmful_blocks_and_survives_autograde(graded, course):
    import stat

    root, config = COURSE_ROOT[-1]
    assert _capstone_reasons(course, "t01-skilled") == []
    code, out, err = _grade(
        "--trainee", "t01-skilled", "--capstone-rating", "time", "--level", "harmful",
        "--reason", REASON,
    )  # fmt: skip
    assert code == 0, out + err
    assert "Capstone status now: blocked (potentially harmful)" in out
    stored = root / "capstone-overrides.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    expected = (
        f"{MODULE}: capstone blocked (potentially harmful): Time management: potentially "
        f"harmful: overridden by trainer: {REASON}"
    )
    assert _capstone_reasons(course, "t01-skilled") == [expected]
    again = {r.student_id: r for r in autograde_cohort(config, MODULE, student_ids=["t01-skilled"])}
    assert again["t01-skilled"].score == 10  # the engine's cell score is unchanged...
    assert _capstone_reasons(course, "t01-skilled") == [expected]  # ...and the override stands
    code, out, _ = _grade("--trainee", "t01-skilled", "--list")
    assert "Time management: potentially harmful (engine: fully), overridden by trainer:" in out
    assert "Status: blocked (potentially harmful)" in out


def test_the_record_page_escapes_the_reason(graded, course):
    from facilitator_course.grading.cohort_report import build_report
    from facilitator_course.grading.trainee_record import record_html, trainee_record

    root, _ = COURSE_ROOT[-1]
    html = record_html(trainee_record(build_report(course, root), "t01-skilled"))
    assert "<script>alert" not in html
    assert "overridden by trainer: Shamed Mike for running over &lt;script&gt;alert(" in html
    assert "(engine: fully)" in html


def test_a_harmful_rating_overridden_no_longer_blocks_and_the_overall_result_counts(graded, course):
    harmful = _capstone_reasons(course, "t03-harmful")
    assert harmful and "blocked (potentially harmful)" in harmful[0]
    from facilitator_course.grading.capstone_results import capstone_for
    from facilitator_course.grading.cohort import load_cohort

    root, _ = COURSE_ROOT[-1]
    capstone = capstone_for(load_cohort(course, root), "t03-harmful", MODULE)
    names = [c.name for c in capstone.engine.competencies if c.level == "potentially harmful"]
    assert names
    for name in names:
        code, out, err = _grade(
            "--trainee", "t03-harmful", "--capstone-rating", name, "--level", "not yet shown",
            "--reason", "Read again: firm, not shaming.",
        )  # fmt: skip
        assert code == 0, out + err
    reasons = _capstone_reasons(course, "t03-harmful")
    assert reasons[0].startswith(f"{MODULE}: capstone not yet: "), reasons
    assert not any("potentially harmful" in r for r in reasons)
    code, out, err = _grade(
        "--trainee", "t03-harmful", "--item", "m6_written_capstone", "--score", "3"
    )
    assert code == 0, out + err  # the module's percentage now counts (nothing waits for a grade)
    code, out, err = _grade(
        "--trainee", "t03-harmful", "--capstone-rating", "overall result", "--level", "pass",
        "--reason", "Passed at the observed practice meeting instead.",
    )  # fmt: skip
    assert code == 0, out + err
    assert "Capstone status now: pass" in out
    assert _module_reasons(course, "t03-harmful") == []  # the cell, pass mark and safety item too
    code, out, err = _grade("--trainee", "t03-harmful", "--capstone-rating", "overall", "--clear")
    assert code == 0, out + err
    assert "blocked" not in out and "Capstone status now: not yet" in out


def test_the_dashboards_trainee_record_shows_the_capstone_in_chromium(graded, page, tmp_path):
    """The real page: Voilà serves the dashboard on this course folder; pick a trainee."""
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    from playwright.sync_api import expect

    from conftest import free_port, screenshot_dir, stop_process, wait_for_http

    root, _ = COURSE_ROOT[-1]
    reason = "Priya passed <img src=x onerror=alert(1)> & that is her right"
    code, out, err = _grade(
        "--trainee", "t02-weak", "--capstone-rating", "everyone checked in", "--level", "done",
        "--reason", reason,
    )  # fmt: skip
    assert code == 0, out + err
    dashboard = Path(__file__).resolve().parents[1] / "course" / "dashboard.ipynb"
    port = free_port()
    log_path = tmp_path / "voila.log"
    env = {**os.environ, "FACILITATOR_COURSE_DIR": str(root)}
    env.pop("NBGRADER_EXECUTION", None)
    argv = [sys.executable, "-m", "voila", str(dashboard), "--no-browser", f"--port={port}"]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [*argv, "--Voila.ip=127.0.0.1"], stdout=log, stderr=subprocess.STDOUT, env=env,
            cwd=tmp_path,
        )  # fmt: skip
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", proc, log_path)
        page.set_viewport_size({"width": 1300, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/", timeout=240_000)  # runs the whole notebook
        picker = page.get_by_role("combobox", name=re.compile("Trainee"))
        picker.wait_for(state="visible", timeout=120_000)
        picker.select_option("t02-weak")
        section = page.locator("section.fc-capstone")
        section.wait_for(state="visible", timeout=60_000)
        expect(section).to_contain_text("Meeting checklist: ")
        expect(section).to_contain_text(f"overridden by trainer: {reason}")
        expect(section).to_contain_text("(engine: not done)")
        expect(section).to_contain_text(f"Transcript: {len(WEAK)} typed moves")
        assert section.locator("img").count() == 0 and not dialogs
        page.set_viewport_size({"width": 1300, "height": 4200})  # all of it painted at once
        section.scroll_into_view_if_needed()
        section.screenshot(path=str(screenshot_dir() / "capstone-trainee-record.png"))
    finally:
        stop_process(proc)


def test_an_override_lapses_when_a_new_transcript_is_handed_in(graded, course):
    """A judgement of one meeting must not unblock another: overrides name their transcript."""
    from facilitator_course.grading.capstone_results import capstone_for
    from facilitator_course.grading.cohort import load_cohort

    root, _ = COURSE_ROOT[-1]
    trainee = "t06-unknown-meeting"
    code, out, err = _grade(
        "--trainee", trainee, "--capstone-rating", "overall result", "--level", "pass",
        "--reason", "Ran the meeting well at the workshop; the file named an old meeting id.",
    )  # fmt: skip
    assert code == 0, out + err
    assert "Capstone status now: pass" in out
    assert _capstone_reasons(course, trainee) == []
    transcript = root / "submitted" / trainee / MODULE / TRANSCRIPT_NAME
    transcript.write_text(transcript_json("no-such-meeting", WEAK), encoding="utf-8")
    capstone = capstone_for(load_cohort(course, root), trainee, MODULE)
    assert capstone.status != "pass" and list(capstone.stale) == ["overall"]
    assert "could not be scored" in _capstone_reasons(course, trainee)[0]
    code, out, _ = _grade("--trainee", trainee, "--list")
    assert "Made on an earlier copy of the transcript, so no longer applied" in out
