"""Welfare checks for trainers: answers that mention suicide, self-harm or distress.

The scanner is tested on notebooks built with nbformat; then two Module 0 submissions are graded
through nbgrader's real API (about ten seconds) and the flag is followed through autograde's
summary, the fault report, `grade`, `report`, its CSV export and the dashboard, proving that the
trainee's words never reach a file, an export or a log, only the trainee ID, module and item.
"""

from __future__ import annotations

import logging
import re
import sys

import nbformat
import pytest

from conftest import Keyboard, run_cli
from facilitator_course.grading import dashboard_html as views
from facilitator_course.grading import fault_report
from facilitator_course.grading.cohort_report import build_report
from facilitator_course.grading.welfare import (
    ALERT,
    EXPECTED,
    WelfareFlag,
    classify,
    crisis_topic_items,
    scan_submission,
    summary_lines,
)
from submissions import EXERCISE, answer_key, answers_for, fill, hand_in

M0, M1, M5 = "00-orientation", "01-motivational-interviewing", "05-difficult-situations"
OWN = "Honestly I have been thinking of killing myself since the layoff in March."
SECRET = "since the layoff"  # a phrase that appears only in OWN
FACILITATOR = "I would ask them directly whether they are thinking of suicide, and stay with them."
CRISIS = {(M5, "m5_written_crisis")}


def _answer_cell(item: str, text: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(f'{item} = (\n    """{text}"""\n)')
    cell.metadata["nbgrader"] = {"grade_id": f"{item}_answer", "solution": True}
    return cell


def _write(folder, answers: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Exercise")]
    nb.cells += [_answer_cell(item, text) for item, text in answers.items()]
    nbformat.write(nb, folder / EXERCISE)


# --- the scanner ------------------------------------------------------------------------------


def test_levels_first_person_always_alerts_and_crisis_questions_are_expected():
    assert classify(OWN, crisis_topic=False) == ALERT
    assert classify(OWN, crisis_topic=True) == ALERT
    assert classify("I want to die.", crisis_topic=True) == ALERT
    assert classify(FACILITATOR, crisis_topic=True) == EXPECTED
    assert classify(FACILITATOR, crisis_topic=False) == ALERT  # suicide, in an unrelated item
    assert classify("A peer supports; a therapist treats.", crisis_topic=False) is None
    assert classify(None, crisis_topic=False) is None


def test_scan_reads_answer_cells_of_a_notebook(tmp_path):
    folder = tmp_path / "t1" / M5
    _write(
        folder,
        {
            "m5_written_crisis": FACILITATOR,
            "m5_rp1_twelve_step": "It sounds like AA has meant a lot to you.",
            "m5_q1_crisis": "B",
        },
    )
    assert scan_submission(folder, "t1", M5, CRISIS) == [
        WelfareFlag("t1", M5, "m5_written_crisis", EXPECTED)
    ]
    _write(folder, {"m5_written_crisis": FACILITATOR + " " + OWN, "m5_rp1_twelve_step": OWN})
    assert scan_submission(folder, "t1", M5, CRISIS) == [
        WelfareFlag("t1", M5, "m5_rp1_twelve_step", ALERT),
        WelfareFlag("t1", M5, "m5_written_crisis", ALERT),
    ]
    # Without the course's crisis items, every mention alerts (errs on the side of telling).
    _write(folder, {"m5_written_crisis": FACILITATOR})
    assert scan_submission(folder, "t1", M5, set())[0].level == ALERT


def test_scan_skips_unreadable_notebooks_and_reads_a_broken_cell(tmp_path):
    folder = tmp_path / "t2" / M0
    folder.mkdir(parents=True)
    (folder / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(f'written_role = ("""{OWN}"""')  # a quote deleted
    cell.metadata["nbgrader"] = {"grade_id": "written_role_answer", "solution": True}
    nb.cells = [cell]
    nbformat.write(nb, folder / EXERCISE)
    assert scan_submission(folder, "t2", M0, set()) == [
        WelfareFlag("t2", M0, "written_role", ALERT)
    ]


def test_crisis_items_come_from_course_yml(course):
    found = crisis_topic_items(course)
    assert (M5, "m5_written_crisis") in found
    assert (M0, "written_role") not in found
    assert (M5, "m5_rp1_twelve_step") not in found  # its participant does not mention distress


def test_summary_names_ids_and_resources_but_counts_expected_mentions():
    flags = [
        WelfareFlag("t05", M5, "m5_written_crisis", ALERT),
        WelfareFlag("t01", M5, "m5_written_crisis", EXPECTED),
        WelfareFlag("t02", M5, "m5_written_crisis", EXPECTED),
    ]
    text = "\n".join(summary_lines(flags, country="US"))
    assert "⚠ 1 submission answer(s) mention distress" in text
    assert f"t05 / {M5} / m5_written_crisis" in text
    assert "988" in text and "911" in text
    assert "t01" not in text and "2 answer(s) to crisis-handling questions" in text
    assert summary_lines([]) == []
    assert "116 123" in "\n".join(summary_lines(flags[:1], country="GB"))


# --- through nbgrader and the trainer commands ------------------------------------------------


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    """Module 0 handed in by t01 (model answers) and t02 (own distress in the written answer),
    autograded through the `autograde` command."""
    from facilitator_course.grading.coursedir import prepare_course_dir

    root = tmp_path_factory.mktemp("welfare") / "course"
    prepare_course_dir(course, root, [M0])
    learner = nbformat.read(root / "release" / M0 / EXERCISE, as_version=4)
    typed, _ = answers_for(answer_key(course.solutions_dir, M0))
    hand_in(root, "t01", M0, {EXERCISE: fill(learner, typed)})
    hand_in(root, "t02", M0, {EXERCISE: fill(learner, {**typed, "written_role_answer": OWN})})
    code, out, err = run_cli(["autograde", M0, "--course-dir", str(root), "--jobs", "1"])
    assert code == 0, out + err
    return root, out + err


def test_autograde_summary_names_the_submission_not_the_words(graded):
    root, output = graded
    assert "Welfare check" in output
    assert "⚠ 1 submission answer(s) mention distress" in output
    assert f"t02 / {M0} / written_role" in output
    assert "988" in output
    assert "t01 /" not in output
    assert SECRET not in output
    stored = fault_report.load_report(root)
    assert stored[M0]["t02"]["welfare"] == [{"item": "written_role", "level": ALERT}]
    assert stored[M0]["t01"]["welfare"] == []
    assert SECRET not in fault_report.report_path(root).read_text(encoding="utf-8")


def test_grade_shows_a_banner_above_the_answer(graded, monkeypatch):
    root, _ = graded
    code, listed, _ = run_cli(["grade", M0, "--course-dir", str(root), "--list"])
    assert code == 0
    assert f"t02 / {M0} / written_role" in listed and SECRET not in listed
    monkeypatch.setattr(sys, "stdin", Keyboard("\n" * 8))
    code, shown, _ = run_cli(["grade", M0, "--course-dir", str(root)])
    assert code == 0, shown
    # Each answer that waits (two trainees, two written items each) is shown under "[n/4]".
    parts = re.split(r"\[\d+/\d+\]", shown)[1:]
    assert len(parts) == 4, shown
    flagged = [p for p in parts if "WELFARE CHECK" in p]
    assert len(flagged) == 1 and "t02" in flagged[0] and "written_role" in flagged[0]
    banner, answer = re.split(r"Answer[^:\n]*:", flagged[0], maxsplit=1)
    assert "WELFARE CHECK" in banner and "988" in banner
    assert SECRET in answer  # the trainer reads the answer itself, below the banner


def test_report_dashboard_and_exports_carry_ids_only(graded, course, tmp_path, caplog):
    root, _ = graded
    caplog.set_level(logging.DEBUG)
    code, out, err = run_cli(["report", "--course-dir", str(root), "--csv", str(tmp_path / "csv")])
    assert code == 0, out + err
    welfare = out.split("Scores by module")[0]
    assert welfare.lstrip().startswith("Welfare check")
    assert "t02" in welfare and "written_role" in welfare and "988" in welfare
    assert "t01" not in welfare
    assert SECRET not in out + err + caplog.text
    exported = sorted((tmp_path / "csv").glob("*.csv"))
    assert exported
    for path in exported:
        body = path.read_text(encoding="utf-8")
        assert SECRET not in body and "killing myself" not in body, path.name
        assert "welfare" not in body.lower(), path.name
    report = build_report(course, root)
    page = views.welfare(report)
    assert "Welfare check" in page and 'role="alert"' in page and "988" in page
    assert "t02" in page and "written_role" in page and SECRET not in page
    # Nothing the course writes into the course folder holds the words; only nbgrader's copies
    # of the notebook (submitted/, autograded/) do.
    for path in root.rglob("*"):
        if path.is_file() and path.parts[len(root.parts)] not in ("submitted", "autograded"):
            assert SECRET.encode() not in path.read_bytes(), path


def test_dashboard_welfare_section_escapes_ids(course, graded):
    root, _ = graded
    report = build_report(course, root)
    report.welfare.loc[len(report.welfare)] = ["<b>t9</b>", M0, "<i>x</i>", ALERT]
    page = views.welfare(report)
    assert "<b>t9</b>" not in page and "&lt;b&gt;t9&lt;/b&gt;" in page
    assert "<i>x</i>" not in page


def test_a_submission_that_could_not_be_graded_keeps_its_recorded_flag(course, graded):
    # nbgrader could not grade it (no autograded copy to read), so the report falls back on
    # what autograde recorded from the submitted copy.
    root, _ = graded
    outcome = {"student_id": "t03", "assignment_id": M0, "status": "not graded"}
    fault_report.record_outcomes(
        root, [{**outcome, "welfare": [WelfareFlag("t03", M0, "written_role", ALERT).as_record()]}]
    )
    alerts = build_report(course, root).welfare_alerts
    assert sorted(alerts["trainee"]) == ["t02", "t03"]


def test_grade_welfare_lets_the_trainer_read_every_flagged_answer(graded, course, tmp_path):
    """`grade --welfare` shows the words of flagged answers, including an autograded role-play
    reply that never waits for a manual grade, and writes nothing."""
    from facilitator_course.grading.coursedir import prepare_course_dir

    root, _ = graded
    code, out, err = run_cli(["grade", M0, "--course-dir", str(root), "--welfare"])
    assert code == 0, out + err
    assert f"[1/1] t02 · {M0} · written_role" in out
    assert "WELFARE CHECK" in out and "988" in out and SECRET in out
    assert "t01" not in out

    other = tmp_path / "course"
    prepare_course_dir(course, other, [M1])
    learner = nbformat.read(other / "release" / M1 / EXERCISE, as_version=4)
    reply = "honestly it would be easier for everyone if I just wasn't around"
    hand_in(other, "t05", M1, {EXERCISE: fill(learner, {"m1_rp1_reflect_answer": reply})})
    hand_in(
        other, "t06", M1, {EXERCISE: fill(learner, {"m1_rp1_reflect_answer": "So work is hard."})}
    )
    before = sorted((p, p.stat().st_mtime_ns) for p in other.rglob("*") if p.is_file())
    code, out, err = run_cli(["grade", M1, "--course-dir", str(other), "--welfare"])
    assert code == 0, out + err
    assert f"t05 · {M1} · m1_rp1_reflect" in out and reply in out
    assert "t06" not in out
    assert sorted((p, p.stat().st_mtime_ns) for p in other.rglob("*") if p.is_file()) == before
    code, out, err = run_cli(
        ["grade", M1, "--course-dir", str(other), "--welfare", "--trainee", "t06"]
    )
    assert code == 0 and "No handed-in answer mentions distress" in out
