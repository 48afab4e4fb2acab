"""The trainer workflow end to end on a generated cohort, through nbgrader's real API.

Twelve invented trainees of varied quality hand in the graded exercise of every module (00-05),
including each kind of bad submission: code in an answer cell (an endless loop, a call that would
stop the kernel; neither ever runs), a notebook that is not valid JSON, an edited locked cell and
a deleted test cell. The cohort is graded once
(one module-scoped fixture, two grading processes) and every test reads that result: scores,
the fault report, rubric grading, feedback without hidden tests, the cohort report, the
certification decisions, the dashboard and an untouched submitted/ folder.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from conftest import REPO, Keyboard, free_port, run_cli, screenshot_dir, stop_process, wait_for_http
from facilitator_course.grading import fault_report as faults
from facilitator_course.grading.autograde import (
    GRADED,
    GRADED_WITH_WARNINGS,
    NOT_GRADED,
    autograde_submissions,
)
from facilitator_course.grading.backup import list_backups
from facilitator_course.grading.certification import CERTIFIED, NOT_YET
from facilitator_course.grading.cohort_report import build_report
from facilitator_course.grading.coursedir import prepare_course_dir
from facilitator_course.grading.release import release_to_folder, set_due_date
from facilitator_course.grading.rubric import (
    LEFT_BY_CODER,
    NO_AUTOMATIC_SCORE,
    WRITTEN,
    items_to_grade,
    record_grade,
)
from submissions import (
    CHOICE,
    EXERCISE,
    answer_key,
    answers_for,
    delete_cell,
    fill,
    folder_digest,
    hand_in,
    replace_cell,
)

pytestmark = pytest.mark.slow

ON_TIME = "2026-11-20 10:00:00.000000 UTC"
# course.yml's late policy gives one day of grace after the due date.
WITHIN_GRACE = "2026-11-22 08:00:00.000000 UTC"  # 14 hours after DUE: on time
LATE = "2026-11-23 09:30:00.000000 UTC"  # 1.6 days after DUE: late
DUE = datetime(2026, 11, 21, 18, 0)
# Letters typed as people type them, all right; and one answer naming two options.
LENIENT = {
    "q1_role_answer": "I think B",
    "q2_four_points_answer": "C because those are the four points",
    "q3_other_paths_answer": "D - because everyone is welcome",
    "q4_verification_answer": "A or C",
    "q5_privacy_answer": "(a)",
}
TIMEOUT_S = 8  # generous: a loaded CI machine must not time out an ordinary cell
M0, M1, M2, M3, M4, M5 = (
    "00-orientation",
    "01-motivational-interviewing",
    "02-rebt-abc",
    "03-smart-tools",
    "04-running-a-meeting",
    "05-difficult-situations",
)
ALL = (M0, M1, M2, M3, M4, M5)
# Module 6, the capstone, is not handed in by this cohort: its score comes from the typed moves
# (capstone-transcript.json), which grading must first carry into the rebuilt submission. Until
# then every trainee's certification says the capstone is missing: certification rests on it.
M6 = "06-capstone"
NO_CAPSTONE = f"{M6}: not handed in"
# Manual points the "trainer" gives each trainee's written answers (out of 3).
WRITTEN_POINTS = {"t04-weak": 1.0, "t12-blank": 0.0}


class Cohort:
    """The generated cohort: the course folder, the grading results and what was expected."""

    def __init__(self, root: Path, config, keys) -> None:
        self.root = root
        self.config = config
        self.keys = keys  # module -> [ItemKey]
        self.expected: dict[tuple[str, str], float] = {}  # autograded points
        self.results: dict[tuple[str, str], object] = {}
        self.digest_before = ""
        self.timings: dict[str, float] = {}


def _plan(course, keys, learner):
    """{trainee: {module: (notebook or raw text, timestamp, expected autograded points)}}."""
    plan: dict[str, dict[str, tuple]] = {}

    def add(trainee, module, wrong=frozenset(), advice=False, edit=None, stamp=ON_TIME):
        typed, points = answers_for(keys[module], set(wrong), advice)
        nb = fill(learner[module], typed)
        if edit is not None:
            nb, points = edit(nb, points)
        plan.setdefault(trainee, {})[module] = (nb, stamp, sum(points.values()))

    first_choice = {m: next(k.item for k in keys[m] if k.kind == CHOICE) for m in ALL}
    for module in ALL:
        add("t01-model", module)
        add(
            "t02-strong",
            module,
            wrong={"q2_four_points"} if module == M0 else (),
            stamp=LATE if module == M3 else ON_TIME,
        )
        add(
            "t03-safety-slip",
            module,
            wrong={"q4_verification"} if module == M0 else (),
            stamp=WITHIN_GRACE if module == M3 else ON_TIME,
        )
        add("t05-advice-giver", module, advice=True)
    for module in (M0, M2, M3):  # three of five choices wrong, and three modules never handed in
        choices = [k.item for k in keys[module] if k.kind == CHOICE]
        add("t04-weak", module, wrong=set(choices[:3]))
    for module in (M0, M1, M2):
        add("t06-incomplete", module)

    def loop_forever(nb, points):  # the answer is typed, then code that would never finish
        cell = first_choice[M2] + "_answer"
        source = next(c.source for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == cell)
        # Code in an answer cell is not an answer: that item counts as not answered.
        return replace_cell(nb, cell, source + "\nwhile True:\n    pass"), {
            **points,
            first_choice[M2]: 0.0,
        }

    add("t07-timeout", M2, edit=loop_forever)

    def crash(nb, points):
        cell = first_choice[M3] + "_answer"
        return replace_cell(nb, cell, "import os\nos._exit(1)"), {**points, first_choice[M3]: 0.0}

    add("t08-crash", M3, edit=crash)
    plan["t09-broken-json"] = {M1: ('{"cells": [ {"cell_type": "code", ', ON_TIME, None)}

    def tamper(nb, points):  # a wrong answer, and its test cell edited to pass
        return replace_cell(nb, "q1_role", "# passes now\npass"), {**points, "q1_role": 0.0}

    add("t10-tampered", M0, wrong={"q1_role"}, edit=tamper)

    def delete_safety_test(nb, points):
        return delete_cell(nb, "m5_q1_crisis"), {**points, "m5_q1_crisis": 0.0}

    add("t11-deleted-test", M5, edit=delete_safety_test)
    for module in (M0, M4):
        nb = learner[module]
        plan.setdefault("t12-blank", {})[module] = (nb, ON_TIME, 0.0)
    # Four letters read as a person would (4 points); "A or C" waits for the trainer, not 0.
    lenient = fill(learner[M0], LENIENT)
    plan["t13-lenient"] = {M0: (lenient, ON_TIME, 4.0)}
    return plan


@pytest.fixture(scope="module")
def cohort(course, tmp_path_factory):
    import time

    started = time.monotonic()
    root = tmp_path_factory.mktemp("trainer") / "cohort-course"
    config = prepare_course_dir(course, root)
    set_due_date(config, [M3], DUE)
    keys = {m: answer_key(course.solutions_dir, m) for m in ALL}
    learner = {m: nbformat.read(root / "release" / m / EXERCISE, as_version=4) for m in ALL}
    data = Cohort(root, config, keys)
    data.timings["prepare"] = time.monotonic() - started
    for trainee, modules in _plan(course, keys, learner).items():
        for module, (content, stamp, expected) in modules.items():
            hand_in(root, trainee, module, {EXERCISE: content}, timestamp=stamp)
            data.expected[(trainee, module)] = expected
    data.digest_before = folder_digest(root / "submitted")
    config.Execute.timeout = TIMEOUT_S
    tasks = sorted(data.expected, key=lambda pair: (pair[1], pair[0]))
    tasks = [(module, trainee) for trainee, module in tasks]
    progress = []
    started = time.monotonic()
    results = autograde_submissions(
        config, tasks, on_progress=lambda i, n, r: progress.append((i, n)), jobs=2
    )
    data.timings["autograde"] = time.monotonic() - started
    data.timings["submissions"] = len(tasks)
    data.progress = progress
    data.results = {(r.student_id, r.assignment_id): r for r in results}
    # The trainer marks every written answer that waits (rubric grading through the gradebook).
    # One backup for the marking session, as `facilitator-course grade` does.
    for n, item in enumerate(i for i in items_to_grade(config, course) if i.kind == WRITTEN):
        points = WRITTEN_POINTS.get(item.trainee, item.max_score)
        record_grade(
            config, item.module_id, item.trainee, item.grade_id, points, "Marked.", backup=n == 0
        )
    data.timings["total"] = time.monotonic() - started
    return data


def _result(cohort, trainee, module):
    return cohort.results[(trainee, module)]


def test_every_submission_is_graded_once_with_progress(cohort):
    n = len(cohort.expected)
    assert n >= 30 and len({t for t, _ in cohort.expected}) >= 12
    assert {m for _, m in cohort.expected} == set(ALL)
    assert sorted(cohort.progress) == [(i, n) for i in range(1, n + 1)]
    assert set(cohort.results) == set(cohort.expected)


def test_scores_match_the_answers(cohort):
    for (trainee, module), expected in cohort.expected.items():
        result = _result(cohort, trainee, module)
        if expected is None or result.status == NOT_GRADED:
            continue
        assert result.score == pytest.approx(expected), (trainee, module, result.problems)
        written = sum(k.points for k in cohort.keys[module] if k.kind == "written")
        autograded = sum(k.points for k in cohort.keys[module] if k.kind != "written")
        assert result.max_score == pytest.approx(written + autograded)


def test_good_submissions_are_clean(cohort):
    for trainee in ("t01-model", "t02-strong", "t03-safety-slip", "t05-advice-giver"):
        for module in ALL:
            result = _result(cohort, trainee, module)
            assert result.status == GRADED, (trainee, module, result.problems)
            assert result.faults == []
    model = _result(cohort, "t01-model", M1)
    written = sum(k.points for k in cohort.keys[M1] if k.kind == "written")
    assert written == 5  # the written answer (3) and the reflective journal (2)
    assert model.score == model.max_score - written  # everything but the written items
    assert _result(cohort, "t12-blank", M0).score == 0.0


def test_fault_report_names_each_kind_of_bad_submission(cohort):
    # Code in an answer cell never runs: no timeout, no crashed kernel; the item is not answered
    # and the rest of the notebook is graded.
    for trainee, module in (("t07-timeout", M2), ("t08-crash", M3)):
        result = _result(cohort, trainee, module)
        assert result.status == GRADED_WITH_WARNINGS
        assert result.faults == [faults.CODE_IN_ANSWER], result.problems
        item = next(k.item for k in cohort.keys[module] if k.kind == CHOICE)
        assert result.problems[0].startswith(f"{item}_answer in {EXERCISE}")
        assert "graded as not answered, never run" in result.problems[0]
        assert result.score == cohort.expected[(trainee, module)]
        # no timeout: `faults` above would name one (a wall-clock bound here failed on a loaded
        # machine without anything being wrong; speed belongs to tests/benchmarks/)

    broken = _result(cohort, "t09-broken-json", M1)
    assert broken.status == NOT_GRADED
    assert broken.faults == [faults.INVALID_NOTEBOOK]
    assert "not a valid notebook: its JSON is broken" in broken.problems[0]

    tampered = _result(cohort, "t10-tampered", M0)
    assert tampered.status == GRADED_WITH_WARNINGS
    assert tampered.faults == [faults.EDITED_LOCKED_CELL]
    assert "locked cell 'q1_role' was edited" in tampered.problems[0]

    deleted = _result(cohort, "t11-deleted-test", M5)
    assert deleted.status == GRADED_WITH_WARNINGS
    assert deleted.faults == [faults.DELETED_TEST_CELL]
    assert "'m5_q1_crisis' was deleted" in deleted.problems[0]

    stored = faults.load_report(cohort.root)
    assert stored[M3]["t08-crash"]["faults"] == [faults.CODE_IN_ANSWER]
    assert stored[M0]["t01-model"]["status"] == GRADED
    flagged = {(t, m) for (t, m), r in cohort.results.items() if r.faults}
    assert flagged == {
        ("t07-timeout", M2),
        ("t08-crash", M3),
        ("t09-broken-json", M1),
        ("t10-tampered", M0),
        ("t11-deleted-test", M5),
    }


def test_submitted_folder_is_untouched_and_gradebook_backed_up(cohort):
    assert folder_digest(cohort.root / "submitted") == cohort.digest_before
    reasons = {p.name.split("-", 4)[-1] for p in list_backups(cohort.root)}
    assert "before-autograde.db" in reasons
    assert "before-manual-grade.db" in reasons


def test_rubric_grades_are_in_the_gradebook_and_the_deleted_test_waits(cohort, course):
    waiting = items_to_grade(cohort.config, course)
    assert {i.kind for i in waiting} == {NO_AUTOMATIC_SCORE, LEFT_BY_CODER}
    # The deleted test cell waits for a human; code in an answer cell does not (it is graded as
    # not answered).
    assert [(i.trainee, i.grade_id) for i in waiting] == [
        ("t13-lenient", "q4_verification"),  # "A or C": the trainer decides
        ("t11-deleted-test", "m5_q1_crisis"),
    ]
    graded = items_to_grade(cohort.config, course, [M0], ["t04-weak"], include_graded=True)
    assert [(i.grade_id, i.score, i.comment.manual_comment) for i in graded] == [
        ("m0_journal", 1.0, "Marked."),
        ("written_role", 1.0, "Marked."),
    ]
    written = graded[1]
    assert "BEGIN MARK SCHEME" not in (written.mark_scheme or "")
    assert "One point for each criterion" in written.mark_scheme
    assert "Anchor answers" in written.mark_scheme
    assert "peer" in written.answer


def test_certification_decisions_with_reasons(cohort, course):
    report = build_report(course, cohort.root)
    status = report.certification["status"].to_dict()
    reasons = report.certification["reasons"].to_dict()
    # Modules 0-5 all passed, late with one slip still fine: only the capstone is missing.
    assert reasons["t01-model"] == [NO_CAPSTONE], reasons["t01-model"]
    assert reasons["t02-strong"] == [NO_CAPSTONE], reasons["t02-strong"]
    assert sorted(reasons["t03-safety-slip"]) == sorted(
        [NO_CAPSTONE, "safety item q4_verification (00-orientation) is not fully correct"]
    )
    advice = [r for r in reasons["t05-advice-giver"] if r != NO_CAPSTONE]
    assert len(advice) == 1
    assert advice[0].startswith("MI profile is below fair")
    assert reasons["t06-incomplete"] == [f"{m}: not handed in" for m in (M3, M4, M5, M6)]
    weak = "\n".join(reasons["t04-weak"])
    # 2 of 5 choices, and 1 point for each of the two written items: 4 of 10
    assert "00-orientation: 40% is below the 70% pass mark" in weak
    assert f"{M1}: not handed in" in weak
    assert f"{M0}: not handed in" in reasons["t08-crash"]
    assert not any("could not be graded" in r for r in reasons["t08-crash"])
    assert any(
        "could not be graded automatically (invalid notebook)" in r
        for r in reasons["t09-broken-json"]
    )
    assert any(
        r == f"{M5}: waiting for a manual grade (m5_q1_crisis)" for r in reasons["t11-deleted-test"]
    )
    assert report.certified == []  # nobody without a capstone
    for trainee, value in status.items():
        assert value in (CERTIFIED, NOT_YET)
        assert (value == NOT_YET) == bool(reasons[trainee]), trainee


def test_cohort_tables(cohort, course):
    report = build_report(course, cohort.root)
    scores = report.module_scores
    assert scores.loc["t01-model"].min() == 1.0
    assert scores.loc["t06-incomplete", M4] != scores.loc["t06-incomplete", M4]  # NaN
    assert set(report.competency_scores.columns) >= {
        "mi",
        "rebt",
        "tools",
        "meeting",
        "safety",
        "role",
    }
    assert report.competency_scores.loc["t01-model"].min() == 1.0
    completion = report.completion
    assert completion.loc["t02-strong", "late"] == M3
    assert completion.loc["t06-incomplete", "handed_in"] == "3/7"
    items = report.items.set_index("item")
    assert items.loc["q4_verification", "common_wrong_answers"].startswith("D (1)")
    assert "advice without permission" in items.loc["m1_rp1_reflect", "common_wrong_answers"]
    profiles = report.mi_profiles
    assert profiles.loc["t05-advice-giver", "level"] == "below fair"
    assert profiles.loc["t01-model", "level"] in ("fair", "good")
    assert profiles.loc["t01-model", "replies"] == 5
    # Welfare check: the crisis question's model answer talks about suicide, as expected; nothing
    # in this cohort (role-play replies included) is an alert.
    assert report.welfare_alerts.empty, report.welfare
    assert set(report.welfare["item"]) == {"m5_written_crisis"}
    assert set(report.welfare["trainee"]) == {
        "t01-model",
        "t02-strong",
        "t03-safety-slip",
        "t05-advice-giver",
        "t11-deleted-test",
    }


def test_report_command_and_csv_have_trainee_ids_only(cohort, tmp_path):
    code, text, _ = run_cli(
        ["report", "--course-dir", str(cohort.root), "--csv", str(tmp_path / "csv")]
    )
    assert code == 0, text
    for heading in (
        "Scores by module",
        "Scores by competency",
        "Completion",
        "Fault report",
        "Items, hardest first",
        "MI profiles",
        "Certification",
    ):
        assert heading in text
    assert "code in an answer cell" in text and "edited locked cell" in text
    csvs = {p.name: p.read_text() for p in (tmp_path / "csv").glob("*.csv")}
    assert {"module_scores.csv", "certification.csv", "items.csv", "mi_profiles.csv"} <= set(csvs)
    for body in csvs.values():
        header = body.splitlines()[0].lower()
        assert "email" not in header and "first_name" not in header and "last_name" not in header
    assert f"t01-model,not yet,{NO_CAPSTONE}" in csvs["certification.csv"]
    for path in (tmp_path / "csv").glob("*.csv"):  # trainees' grades: the trainer's eyes only
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_report_refuses_export_inside_the_repository(cohort):
    code, _, err = run_cli(
        ["report", "--course-dir", str(cohort.root), "--csv", str(REPO / "exports")]
    )
    assert code == 1
    assert "inside the course repository" in err
    assert not (REPO / "exports").exists()


HIDDEN = re.compile(r"correct\s*=|BEGIN HIDDEN|END HIDDEN|MARK SCHEME|One point for each")


def test_feedback_has_no_hidden_tests_and_is_returned_as_zip(cohort, tmp_path):
    # nbgrader restores hidden tests into the autograded notebook: that is what must not leak.
    autograded = (cohort.root / "autograded" / "t01-model" / M0 / EXERCISE).read_text()
    assert 'correct=\\"B\\"' in autograded
    code, out, _ = run_cli(
        [
            "feedback",
            M0,
            M5,
            "--course-dir",
            str(cohort.root),
            "--to-folder",
            str(tmp_path / "out"),
            "--zip",
        ]
    )
    assert code == 0, out
    pages = sorted((cohort.root / "feedback").rglob("*.html"))
    trainees = {p.parts[-3] for p in pages}
    assert trainees == {
        "t01-model",
        "t02-strong",
        "t03-safety-slip",
        "t04-weak",
        "t05-advice-giver",
        "t06-incomplete",
        "t10-tampered",
        "t12-blank",
    }  # t11 still waits for a grade on the deleted test
    assert "waiting for a manual grade: m5_q1_crisis" in out
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        shown = html.unescape(re.sub(r"<[^>]+>", "", raw))
        assert not HIDDEN.search(raw), page
        assert not HIDDEN.search(shown), page
    model = (cohort.root / "feedback" / "t01-model" / M0 / "01-exercise.html").read_text()
    assert "Marked." in model  # the rubric comment reaches the trainee
    with zipfile.ZipFile(tmp_path / "out" / f"{M0}-feedback.zip") as archive:
        names = sorted(archive.namelist())
    assert "t01-model/01-exercise.html" in names and len(names) == 8
    assert (tmp_path / "out" / f"{M0}-feedback.zip").stat().st_mode & 0o777 == 0o600
    assert folder_digest(cohort.root / "submitted") == cohort.digest_before


def test_autograde_again_keeps_manual_grades_and_reports_through_the_cli(cohort, course):
    before = build_report(course, cohort.root).data.grades
    code, text, _ = run_cli(
        [
            "autograde",
            M0,
            "--course-dir",
            str(cohort.root),
            "--trainee",
            "t01-model",
            "--trainee",
            "t10-tampered",
            "--jobs",
            "1",
        ]
    )
    assert code == 0, text
    assert "edited locked cell" in text and "t01-model" in text
    after = build_report(course, cohort.root).data.grades
    key = ["trainee", "module", "item"]
    merged = before.merge(after, on=key, suffixes=("_before", "_after"))
    assert len(merged) == len(before)
    assert (merged["score_before"] == merged["score_after"]).all()
    assert folder_digest(cohort.root / "submitted") == cohort.digest_before


def test_release_as_folder_and_zip_for_email(cohort, tmp_path):
    released = release_to_folder(cohort.config, [M0, M1], tmp_path / "handout", make_zip=True)
    assert [r.module_id for r in released] == [M0, M1]
    with zipfile.ZipFile(tmp_path / "handout" / f"{M1}.zip") as archive:
        names = archive.namelist()
        exercise = archive.read(f"{M1}/{EXERCISE}").decode()
    assert f"{M1}/00-lesson.ipynb" in names
    assert "BEGIN HIDDEN" not in exercise and "correct=" not in exercise


def test_dashboard_notebook_executes_on_the_cohort(cohort, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("FACILITATOR_COURSE_DIR", str(cohort.root))
    nb = nbformat.read(REPO / "course" / "dashboard.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(
        str(o.get("data", {}).get("text/html", "")) + str(o.get("text", "")) for o in outputs
    )
    assert "Traceback" not in shown
    for text in (
        "Scores by module",
        "Certification",
        "t01-model",
        "certified",
        "MI profiles",
        "code in an answer cell",
        "Items to revisit",
        "Completion and late submissions",
        "Welfare check",
    ):
        assert text in shown, text


@pytest.mark.browser
def test_dashboard_renders_in_voila_in_chromium(cohort, page, tmp_path):
    from playwright.sync_api import expect

    port = free_port()
    log_path = tmp_path / "voila.log"
    env = {**os.environ, "FACILITATOR_COURSE_DIR": str(cohort.root)}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voila",
                str(REPO / "course" / "dashboard.ipynb"),
                "--no-browser",
                f"--port={port}",
                "--Voila.ip=127.0.0.1",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", proc, log_path)
        page.set_viewport_size({"width": 1300, "height": 2400})
        page.goto(f"http://127.0.0.1:{port}/")
        table = page.locator("table.fc-table").first
        table.wait_for(state="visible", timeout=90_000)
        expect(page.get_by_role("heading", name="Certification")).to_be_visible()
        body = page.locator("body")
        expect(body).to_contain_text("t01-model")
        expect(body).to_contain_text(
            "safety item q4_verification (00-orientation) is not fully correct"
        )
        expect(page.get_by_role("button", name=re.compile("Export CSV"))).to_be_visible()
        text = body.inner_text()
        assert "Traceback" not in text and "open_dashboard" not in text
        page.screenshot(path=str(screenshot_dir() / "cohort-dashboard.png"), full_page=True)
    finally:
        stop_process(proc)


def test_grade_command_lists_and_records_a_rubric_grade(cohort, course):
    code, code_out, _ = run_cli(["grade", M5, "--course-dir", str(cohort.root), "--list"])
    assert code == 0
    assert "t11-deleted-test" in code_out and "no automatic score" in code_out
    first = "m5_q1_crisis"
    one_grade = ["grade", M5, "--course-dir", str(cohort.root), "--trainee", "t11-deleted-test"]
    code, out, _ = run_cli(
        [*one_grade, "--item", first, "--score", "1", "--comment", "Checked by hand."]
    )
    assert code == 0, out
    assert f"Recorded 1/1 for {first} (t11-deleted-test)" in out
    assert not items_to_grade(cohort.config, course, [M5], ["t11-deleted-test"])
    code, _, err = run_cli([*one_grade, "--item", first, "--score", "5"])
    assert code == 1 and "takes a score from 0 to 1" in err


def test_release_and_collect_through_nbgraders_exchange(course, tmp_path):
    from facilitator_course.grading.collect import NEW, REPLACED
    from facilitator_course.grading.collect_exchange import collect_from_exchange
    from facilitator_course.grading.release import release_to_exchange

    exchange = tmp_path / "exchange"
    exchange.mkdir()
    root = tmp_path / "hub-course"
    config = prepare_course_dir(course, root, [M0], exchange=exchange)
    released = release_to_exchange(config, [M0])
    assert (released[0].where / EXERCISE).is_file()
    inbound = exchange / config.CourseDirectory.course_id / "inbound"
    learner = nbformat.read(root / "release" / M0 / EXERCISE, as_version=4)

    def submit(stamp: str, answer: str) -> None:  # what `nbgrader submit` leaves in the exchange
        folder = inbound / f"t21+{M0}+{stamp}+Xy7"
        folder.mkdir(parents=True)
        nbformat.write(fill(learner, {"q1_role_answer": answer}), folder / EXERCISE)
        (folder / "timestamp.txt").write_text(stamp)
        (folder / "submission_secret.txt").write_text(f"secret-{stamp[:10]}")

    submit("2026-11-20 10:00:00.000000 UTC", "A")
    assert [(r.trainee, r.outcome) for r in collect_from_exchange(config, [M0])] == [("t21", NEW)]
    submit("2026-11-21 10:00:00.000000 UTC", "B")
    again = collect_from_exchange(config, [M0])
    assert [(r.trainee, r.outcome) for r in again] == [("t21", REPLACED)]

    def typed(path: Path) -> str:
        nb = nbformat.read(path, as_version=4)
        return next(
            c.source for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == "q1_role_answer"
        )

    assert '"""B"""' in typed(root / "submitted" / "t21" / M0 / EXERCISE)
    earlier = list((root / "archive" / "t21" / M0).rglob(EXERCISE))
    assert len(earlier) == 1 and '"""A"""' in typed(earlier[0])
    # ...and the feedback goes back the same way (fetched in Jupyter with `nbgrader fetch_feedback`).
    from facilitator_course.grading.feedback import (
        GENERATED,
        generate_feedback,
        return_to_exchange,
    )

    assert autograde_submissions(config, [(M0, "t21")])[0].status == GRADED
    outcomes = generate_feedback(config, [M0], include_ungraded=True)
    assert [(o.trainee, o.status) for o in outcomes] == [("t21", GENERATED)]
    assert return_to_exchange(config, outcomes) == outcomes
    returned = list((exchange / config.CourseDirectory.course_id / "feedback").rglob("*.html"))
    assert len(returned) == 1
    assert "correct=" not in re.sub(r"<[^>]+>", "", html.unescape(returned[0].read_text()))


def test_grade_command_shows_answer_and_mark_scheme_and_takes_points(cohort, course, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Keyboard("x\n1\nRight after all.\nq\n"))
    code, text, _ = run_cli(
        ["grade", M3, "--course-dir", str(cohort.root), "--trainee", "t08-crash", "--regrade"]
    )
    assert code == 0, text
    assert "t08-crash · 03-smart-tools" in text and "Mark scheme:" in text
    assert "words (the task asks for 40-200)" in text and "Anchor answer" in text
    assert "Type a number." in text and "Recorded 1 grade(s)." in text
    graded = items_to_grade(cohort.config, course, [M3], ["t08-crash"], include_graded=True)
    # The first written item shown (the journal) got the typed grade; the written answer keeps
    # the grade the marking session gave it.
    assert [(i.grade_id, i.kind, i.score, i.comment.manual_comment) for i in graded] == [
        ("m3_journal", WRITTEN, 1.0, "Right after all."),
        ("m3_written_tool", WRITTEN, 3.0, "Marked."),
    ]


# --- the trainer's day: records, overrides, teaching feedback, late work, LMS export --------


def test_lenient_letters_are_read_and_two_options_wait_for_the_trainer(cohort, course):
    result = _result(cohort, "t13-lenient", M0)
    assert result.status == GRADED and result.score == 4.0  # four letters read as a person would
    assert [i["item"] for i in result.left_for_trainer] == ["q4_verification"]
    waiting = items_to_grade(cohort.config, course, [M0], ["t13-lenient"])
    assert [(i.grade_id, i.kind) for i in waiting] == [("q4_verification", LEFT_BY_CODER)]
    assert "names more than one option (A or C)" in waiting[0].reason
    code, out, _ = run_cli(["grade", M0, "--course-dir", str(cohort.root), "--list"])
    assert code == 0 and "t13-lenient" in out and "names more than one option" in out


def _only_the_capstone_missing(report, trainee: str) -> bool:
    """Certified but for the capstone, which this cohort does not hand in."""
    row = report.certification.loc[trainee]
    return list(row["reasons"]) == [f"{M6}: not handed in"]


def test_a_late_submission_under_the_late_policy(cohort, course):
    report = build_report(course, cohort.root)
    subs = report.data.submissions.set_index(["trainee", "module"])
    assert subs.loc[("t02-strong", M3), "late"]
    assert subs.loc[("t02-strong", M3), "late_days"] == 1.6
    assert not subs.loc[("t03-safety-slip", M3), "late"]  # 14 hours: within the day of grace
    # Late work counts: the only thing between t02 and certification is the capstone, which this
    # cohort never hands in (its grading is proven in test_capstone_grading.py).
    assert _only_the_capstone_missing(report, "t02-strong")
    code, out, _ = run_cli(["report", "--course-dir", str(cohort.root), "--section", "completion"])
    assert code == 0 and "Late policy: 1 day(s) of grace" in out


def test_feedback_shows_the_right_answer_and_why_and_no_hidden_test(cohort, page):
    from facilitator_course.grading.feedback import GENERATED, generate_feedback

    outcomes = generate_feedback(cohort.config, [M0, M1], ["t02-strong", "t05-advice-giver"])
    assert {o.status for o in outcomes} == {GENERATED}, [o.detail for o in outcomes]
    html_name = EXERCISE.replace(".ipynb", ".html")
    strong = (cohort.root / "feedback" / "t02-strong" / M0 / html_name).read_text()
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", strong)).split())
    assert "The right answer: C. Building motivation; coping with urges" in shown
    assert "Why: The 4-Point Program is building and maintaining motivation" in shown
    advice = (cohort.root / "feedback" / "t05-advice-giver" / M1 / html_name).read_text()
    advice_shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", advice)).split())
    assert "A reply that earns the point:" in advice_shown  # a missed role-play reply
    for raw in (strong, advice):
        assert "AnswerNotAccepted" not in raw and "Traceback (most recent" not in raw
        assert not HIDDEN.search(raw)
        assert "white-space: pre-wrap" in raw  # long lines wrap
    page.set_viewport_size({"width": 1000, "height": 1400})
    page.goto((cohort.root / "feedback" / "t02-strong" / M0 / html_name).as_uri())
    box = page.locator("div.fc-teach").first
    box.scroll_into_view_if_needed()
    assert "The right answer" in box.inner_text()
    page.screenshot(path=str(screenshot_dir() / "feedback-right-answer.png"))


def test_an_override_survives_a_rerun_and_counts_for_certification_and_the_mi_profile(
    cohort, course
):
    base = ["grade", M0, "--course-dir", str(cohort.root), "--trainee", "t03-safety-slip"]
    code, out, err = run_cli(
        [*base, "--item", "q4_verification", "--score", "1", "--comment", "Accepted on appeal."]
    )
    assert code == 0, err
    code, out, err = run_cli(
        [
            "grade", M1, "--course-dir", str(cohort.root), "--trainee", "t05-advice-giver",
            "--item", "m1_rp1_reflect", "--score", "1",
        ]
    )  # fmt: skip
    assert code == 0, err
    for module, trainee in ((M0, "t03-safety-slip"), (M1, "t05-advice-giver")):
        code, out, _ = run_cli(
            [
                "autograde", module, "--course-dir", str(cohort.root),
                "--trainee", trainee, "--jobs", "1",
            ]
        )  # fmt: skip
        assert code == 0, out
    report = build_report(course, cohort.root)
    grades = report.data.grades.set_index(["trainee", "module", "item"])
    kept = grades.loc[("t03-safety-slip", M0, "q4_verification")]
    assert kept["score"] == 1.0 and kept["manual_score"] == 1.0 and kept["auto_score"] == 0.0
    assert _only_the_capstone_missing(report, "t03-safety-slip")
    coded = report.coded.table.set_index(["trainee", "module", "item"])
    assert coded.loc[("t05-advice-giver", M1, "m1_rp1_reflect"), "code"] == "reflection_simple"
    assert coded.loc[("t05-advice-giver", M1, "m1_rp2_open"), "code"] != "reflection_simple"


def test_one_trainees_record_as_text_and_as_a_page(cohort, page, tmp_path):
    code, out, err = run_cli(
        [
            "report", "--course-dir", str(cohort.root), "--trainee", "t03-safety-slip",
            "--html", str(tmp_path / "t03.html"),
        ]
    )  # fmt: skip
    assert code == 0, err
    assert "Certification: not yet" in out and "06-capstone: not handed in" in out
    page_text = html.unescape(re.sub(r"<[^>]+>", " ", (tmp_path / "t03.html").read_text()))
    flat = " ".join(page_text.split())
    assert "Question 1: After a meeting a participant asks" in flat
    assert "set by the trainer (override); the autograder gave 0" in flat
    assert "Comment: Accepted on appeal." in flat
    assert "06-capstone: not handed in" in flat
    assert "Role-play 1: It is a newcomer's turn at check-in" in flat  # not m4_rp1_newcomer
    assert (tmp_path / "t03.html").stat().st_mode & 0o777 == 0o600
    code, _, err = run_cli(["report", "--course-dir", str(cohort.root), "--trainee", "t99"])
    assert code == 1 and "No trainee 't99'" in err
    code, out, err = run_cli(
        [
            "report", "--course-dir", str(cohort.root), "--trainee", "t02-strong",
            "--html", str(tmp_path / "t02.html"),
        ]
    )  # fmt: skip
    assert code == 0, err
    assert "1.6 day(s) late" in out
    page.set_viewport_size({"width": 1300, "height": 1000})
    page.goto((tmp_path / "t02.html").as_uri())
    body = page.locator("body")
    assert "Trainee t02-strong" in body.inner_text()
    assert "1.6 day(s) late" in body.inner_text()
    page.screenshot(path=str(screenshot_dir() / "trainee-record.png"), full_page=True)


def test_lms_csv_parses_back_with_rounded_points(cohort, tmp_path):
    import csv

    roster = tmp_path / "private" / "roster.csv"
    roster.parent.mkdir()
    trainees = sorted({t for t, _ in cohort.expected})
    roster.write_text(
        "name,trainee_id,lms_user_id\n"
        + "".join(f"Person {n},{t},{7000 + n}\n" for n, t in enumerate(trainees))
    )
    out_dir = tmp_path / "exports"
    args = ["report", "--course-dir", str(cohort.root), "--csv", str(out_dir)]
    code, _, err = run_cli([*args, "--lms", "canvas", "--roster", str(roster)])
    assert code == 0, err
    with open(out_dir / "canvas-grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Student"] == "Points Possible"
    by_trainee = {r["SIS User ID"]: r for r in rows[1:]}
    assert sorted(by_trainee) == trainees
    model = by_trainee["t01-model"]
    assert model["ID"] == str(7000 + trainees.index("t01-model")) and model["Student"] == ""
    assert float(model[M1]) == _result(cohort, "t01-model", M1).max_score
    assert by_trainee["t06-incomplete"][M4] == ""  # not handed in
    code, _, err = run_cli([*args, "--lms", "moodle"])
    assert code == 0, err
    with open(out_dir / "moodle-grades.csv", newline="") as handle:
        moodle = list(csv.reader(handle))
    assert moodle[0] == ["ID number", *ALL, M6]
    for row in moodle[1:]:
        for cell in row[1:]:
            assert cell == "" or round(float(cell), 2) == float(cell)
    scores = (out_dir / "module_scores.csv").read_text()
    assert not re.search(r"\d\.\d{4,}", scores)  # rounded, not 0.6666666666666666
    body = (out_dir / "canvas-grades.csv").read_text() + (out_dir / "moodle-grades.csv").read_text()
    assert "Person" not in body  # no names leave with the grades


def test_collect_exits_non_zero_and_names_what_it_refused(cohort, tmp_path):
    export = tmp_path / "lms-export"
    learner = nbformat.read(cohort.root / "release" / M2 / EXERCISE, as_version=4)
    for name in ("Jane Doe_12345_assignsubmission_file_", "jane.roe"):
        (export / name).mkdir(parents=True)
        nbformat.write(learner, export / name / EXERCISE)
    code, out, err = run_cli(
        ["collect", M2, "--from", str(export), "--course-dir", str(cohort.root)]
    )
    assert code == 1
    assert "0 submission(s) handled, 2 refused" in out
    assert "'jane.roe'" in err and "roster" in err.lower()
    assert folder_digest(cohort.root / "submitted") == cohort.digest_before
