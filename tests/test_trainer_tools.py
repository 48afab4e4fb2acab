"""The trainer tools' pure parts: certification rules, item analysis, MI profile, backups,
collecting LMS exports (name mapping, zips), the fault report, the dashboard's HTML and the
commands' refusals. Fast: no notebook is executed here (the end-to-end run is
test_trainer_workflow.py)."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import REPO, run_cli
from facilitator_course.course import Certification, Course, Item, Module, Notebook
from facilitator_course.grading import dashboard_html as views
from facilitator_course.grading import fault_report
from facilitator_course.grading.autograde import GRADED, NOT_GRADED
from facilitator_course.grading.backup import backup_gradebook, list_backups
from facilitator_course.grading.certification import CERTIFIED, NOT_YET, certification
from facilitator_course.grading.cohort import (
    ANSWER_COLUMNS,
    GRADE_COLUMNS,
    NOT_HANDED_IN,
    SUBMISSION_COLUMNS,
    CohortData,
    ItemInfo,
    competency_scores,
    module_scores,
)
from facilitator_course.grading.cohort_report import report_from_data
from facilitator_course.grading.collect import (
    KEPT_NEWER,
    NEW,
    REFUSED,
    REPLACED,
    UNCHANGED,
    CollectError,
    check_trainee_id,
    collect_from_path,
    unpack_zip,
)
from facilitator_course.grading.coursedir import CourseDirError, resolve_course_dir
from facilitator_course.grading.dashboard import CohortDashboard
from facilitator_course.grading.feedback import find_leaks
from facilitator_course.grading.item_analysis import item_analysis
from facilitator_course.grading.mi_profile import code_roleplay_answers, mi_profiles
from facilitator_course.grading.progress_line import ProgressLine
from facilitator_course.grading.text_table import format_table

# --- a small invented course and cohort -------------------------------------------------------

A, B = "m-a", "m-b"


def _course(mi_level: str = "fair", every_module: bool = True, safety: bool = True) -> Course:
    notebooks = (Notebook("01-exercise.ipynb", "exercise"),)
    return Course(
        id="test-course",
        title="Test course",
        independence="",
        country="US",
        competencies={"mi": "MI", "safety": "Safety"},
        modules=(
            Module(
                A,
                "A",
                (),
                notebooks,
                (
                    Item("a1", "mi"),
                    Item("a2", "safety", safety=True),
                    Item("a_written", "mi", manual=True),
                ),
                0.7,
            ),
            Module(
                B,
                "B",
                (),
                notebooks,
                (Item("b_rp1", "mi", roleplay=True), Item("b_rp2", "mi", roleplay=True)),
                0.5,
            ),
        ),
        certification=Certification(every_module, safety, mi_level),
        root=REPO,
    )


def _items(course: Course) -> dict:
    kinds = {"a1": "choice", "a2": "choice", "a_written": "written"}
    return {
        (m.id, i.grade_id): ItemInfo(
            m.id,
            i.grade_id,
            i.competency,
            i.safety,
            i.manual,
            i.roleplay,
            "role-play" if i.roleplay else kinds[i.grade_id],
            solution="B" if i.grade_id in ("a1", "a2") else None,
            participant="I keep slipping at weekends and I hate myself for it."
            if i.roleplay
            else None,
        )
        for m in course.modules
        for i in m.items
    }


def _data(course: Course, trainees: dict[str, dict]) -> CohortData:
    """trainees: {id: {module: {item: (score, max, pending)} | "missing" | ("fault", kind)},
    plus optional "answers": {item: text}}."""
    grades, subs, answers = [], [], []
    items = _items(course)
    for trainee, plan in trainees.items():
        for module in course.modules:
            spec = plan.get(module.id, "missing")
            base = {
                "trainee": trainee,
                "module": module.id,
                "late": False,
                "seconds_late": 0.0,
                "faults": [],
                "problems": [],
            }
            if spec == "missing":
                subs.append(
                    base
                    | {
                        "status": NOT_HANDED_IN,
                        "score": None,
                        "max_score": None,
                        "percent": None,
                        "needs_manual_grade": False,
                    }
                )
                continue
            if isinstance(spec, tuple):
                subs.append(
                    base
                    | {
                        "status": NOT_GRADED,
                        "score": None,
                        "max_score": None,
                        "percent": None,
                        "needs_manual_grade": False,
                        "faults": [spec[1]],
                        "problems": ["broken"],
                    }
                )
                continue
            score = sum(s for s, _, _ in spec.values())
            maximum = sum(m for _, m, _ in spec.values())
            pending = any(p for _, _, p in spec.values())
            subs.append(
                base
                | {
                    "status": GRADED,
                    "score": score,
                    "max_score": maximum,
                    "percent": score / maximum,
                    "needs_manual_grade": pending,
                }
            )
            for item, (s, m, p) in spec.items():
                info = items[(module.id, item)]
                grades.append(
                    {
                        "trainee": trainee,
                        "module": module.id,
                        "notebook": "01-exercise",
                        "item": item,
                        "competency": info.competency,
                        "safety": info.safety,
                        "manual": info.manual,
                        "roleplay": info.roleplay,
                        "score": s,
                        "max_score": m,
                        "needs_manual_grade": p,
                    }
                )
        for item, text in plan.get("answers", {}).items():
            module = A if item.startswith("a") else B
            answers.append({"trainee": trainee, "module": module, "item": item, "answer": text})
    return CohortData(
        course=course,
        course_root=Path("/nonexistent/cohort"),
        trainees=sorted(trainees),
        grades=pd.DataFrame(grades, columns=GRADE_COLUMNS),
        submissions=pd.DataFrame(subs, columns=SUBMISSION_COLUMNS),
        answers=pd.DataFrame(answers, columns=ANSWER_COLUMNS),
        items=items,
    )


FULL_A = {"a1": (1, 1, False), "a2": (1, 1, False), "a_written": (3, 3, False)}
FULL_B = {"b_rp1": (1, 1, False), "b_rp2": (1, 1, False)}
GOOD = {
    "b_rp1": "It sounds like the weekends are the hardest part, and you're being tough on yourself.",
    "b_rp2": "What would a better weekend look like for you?",
}
ADVICE = {"b_rp1": "You need to stop drinking now.", "b_rp2": "You need to stop drinking now."}


def _decide(course, trainees):
    data = _data(course, trainees)
    coded = code_roleplay_answers(data)
    profiles = mi_profiles(data, coded)
    table = certification(data, coded, profiles)
    return table["status"].to_dict(), table["reasons"].to_dict()


# --- certification ----------------------------------------------------------------------------


def test_certified_when_every_criterion_is_met():
    status, reasons = _decide(_course(), {"t1": {A: FULL_A, B: FULL_B, "answers": GOOD}})
    assert status == {"t1": CERTIFIED} and reasons == {"t1": []}


def test_every_not_yet_has_its_reasons():
    trainees = {
        "below": {
            A: {**FULL_A, "a1": (0, 1, False), "a_written": (1, 3, False)},
            B: FULL_B,
            "answers": GOOD,
        },
        "safety": {A: {**FULL_A, "a2": (0, 1, False)}, B: FULL_B, "answers": GOOD},
        "missing": {A: FULL_A, "answers": {}},
        "pending": {A: {**FULL_A, "a_written": (0, 3, True)}, B: FULL_B, "answers": GOOD},
        "broken": {A: ("fault", fault_report.INVALID_NOTEBOOK), B: FULL_B, "answers": GOOD},
        "advice": {A: FULL_A, B: FULL_B, "answers": ADVICE},
    }
    status, reasons = _decide(_course(), trainees)
    assert set(status.values()) == {NOT_YET}
    assert reasons["below"] == [f"{A}: 40% is below the 70% pass mark"]
    assert reasons["safety"] == [f"safety item a2 ({A}) is not fully correct"]
    assert reasons["missing"] == [
        f"{B}: not handed in",
        "no graded role-play replies yet to build an MI profile from",
    ]
    assert reasons["pending"] == [f"{A}: waiting for a manual grade (a_written)"]
    assert reasons["broken"] == [
        f"{A}: could not be graded automatically (invalid notebook); see the fault report, "
        "then grade it by hand or collect a corrected copy"
    ]
    assert len(reasons["advice"]) == 1
    assert reasons["advice"][0].startswith("MI profile is below fair; at least fair is needed")


def test_criteria_switched_off_in_course_yml_are_not_applied():
    trainees = {"t": {A: {**FULL_A, "a1": (0, 1, False), "a2": (0, 1, False)}, "answers": {}}}
    status, _ = _decide(_course(mi_level="none", every_module=False, safety=False), trainees)
    assert status == {"t": CERTIFIED}
    _, reasons = _decide(_course(mi_level="none", every_module=False, safety=True), trainees)
    assert reasons["t"] == [f"safety item a2 ({A}) is not fully correct"]


# --- tables, item analysis, MI profile ---------------------------------------------------------


def test_item_analysis_lists_common_wrong_answers_hardest_first():
    trainees = {
        f"t{n}": {
            A: {**FULL_A, "a1": (0 if n < 3 else 1, 1, False), "a_written": (0, 3, True)},
            "answers": {"a1": "c" if n < 2 else ("D" if n == 2 else "B")},
        }
        for n in range(5)
    }
    data = _data(_course(), trainees)
    table = item_analysis(data, code_roleplay_answers(data))
    first = table.iloc[0]
    assert (first["item"], first["graded"], first["full_marks"]) == ("a1", 5, 0.4)
    assert first["common_wrong_answers"] == "C (2), D (1)"
    written = table.set_index("item").loc["a_written"]
    assert written["graded"] == 0  # waiting for a grader: neither right nor wrong yet


def test_scores_by_module_and_competency_leave_pending_items_out():
    data = _data(_course(), {"t": {A: {**FULL_A, "a_written": (0, 3, True)}, B: FULL_B}})
    assert module_scores(data).loc["t", A] == pytest.approx(2 / 5)
    competencies = competency_scores(data)
    assert competencies.loc["t", "mi"] == 1.0  # a1 and both role-plays; the essay waits
    assert competencies.loc["t", "safety"] == 1.0


def test_mi_profile_counts_reflections_and_questions():
    data = _data(
        _course(), {"good": {B: FULL_B, "answers": GOOD}, "advice": {B: FULL_B, "answers": ADVICE}}
    )
    coded = code_roleplay_answers(data)
    assert coded.unavailable is None
    assert list(coded.table["code"][coded.table["trainee"] == "advice"]) == ["persuade"] * 2
    profiles = mi_profiles(data, coded)
    assert profiles.loc["good", "replies"] == 2
    assert profiles.loc["good", "R:Q"] == 1.0
    assert profiles.loc["good", "% open questions"] == 100.0
    assert profiles.loc["good", "level"] in ("fair", "good")
    assert profiles.loc["advice", "MI non-adherent"] == 2
    assert profiles.loc["advice", "level"] == "below fair"


# --- backups, fault report, small helpers ------------------------------------------------------


def test_backup_copies_the_gradebook_and_keeps_the_newest(tmp_path):
    assert backup_gradebook(tmp_path, "nothing yet") is None
    db = sqlite3.connect(tmp_path / "gradebook.db")
    db.execute("CREATE TABLE grade (name TEXT, score REAL)")
    db.execute("INSERT INTO grade VALUES ('written_role', 3)")
    db.commit()
    db.close()
    made = [backup_gradebook(tmp_path, f"Before step {n}!", keep=3) for n in range(5)]
    kept = list_backups(tmp_path)
    assert kept == made[-3:]
    assert kept[-1].name.endswith("-before-step-4.db")
    copy = sqlite3.connect(kept[-1])
    assert copy.execute("SELECT score FROM grade").fetchall() == [(3.0,)]
    copy.close()


def test_fault_report_keeps_the_latest_outcome_per_submission(tmp_path):
    fault_report.record_outcomes(
        tmp_path,
        [
            {
                "student_id": "t1",
                "assignment_id": A,
                "status": NOT_GRADED,
                "faults": [fault_report.TIMEOUT],
            }
        ],
    )
    fault_report.record_outcomes(
        tmp_path,
        [
            {"student_id": "t1", "assignment_id": A, "status": GRADED, "faults": []},
            {"student_id": "t2", "assignment_id": B, "status": GRADED, "faults": []},
        ],
    )
    report = fault_report.load_report(tmp_path)
    assert report[A]["t1"]["status"] == GRADED and report[A]["t1"]["faults"] == []
    assert set(report[B]) == {"t2"}
    (tmp_path / "reports" / "autograde.json").write_text("{broken")
    assert fault_report.load_report(tmp_path) == {}


def test_progress_line_prints_a_line_per_step_off_a_terminal():
    stream = io.StringIO()
    line = ProgressLine(4, "autograde", stream)
    line.step("m-a t1: graded")
    line.step("m-a t2: not graded")
    line.finish("done")
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("autograde [######------------------] 1/4  m-a t1: graded")
    assert lines[1].startswith("autograde [############------------] 2/4")
    assert lines[-1] == "done"


def test_text_table_wraps_long_cells():
    text = format_table(("trainee", "details"), [["t1", "word " * 30]], wrap=20)
    lines = text.splitlines()
    assert lines[0].split() == ["trainee", "details"]
    assert all(len(line) <= 2 + 7 + 20 for line in lines)
    assert len(lines) > 4


def test_find_leaks_sees_through_syntax_highlighting():
    secret = 'check_choice(answer_q1_role, options="ABCD", correct="B")'
    highlighted = (
        '<span class="n">check_choice</span><span class="p">(</span>answer_q1_role, '
        'options=<span class="s2">&quot;ABCD&quot;</span>, correct=&quot;B&quot;)'
    )
    assert find_leaks(f"<pre>{highlighted}</pre>", [secret]) == [secret]
    assert find_leaks("<p>Score: 1 / 1</p>", [secret]) == []


# --- collecting an LMS export --------------------------------------------------------------


def test_trainee_ids_must_be_pseudonymous():
    assert check_trainee_id("t07") is None
    assert check_trainee_id("group-b.t07") is None
    assert "email" in check_trainee_id("ana@example.org")
    assert "person's name" in check_trainee_id("Ana Lima")
    for name in ("ana.lima", "Ana_Lima", "AnaLima", "ana_maria.lima", "LIMA_Ana"):
        assert "roster" in check_trainee_id(name), name
    for pseudonym in ("t07", "T07", "trainee-07", "group-b.t07", "anon3"):
        assert check_trainee_id(pseudonym) is None, pseudonym
    assert "not a usable trainee ID" in check_trainee_id("t 07")


def _released_course(tmp_path: Path) -> object:
    """A course folder with release/<module>/ holding a lesson and an exercise (no nbgrader)."""
    from traitlets.config import Config

    root = tmp_path / "course"
    for module in (A, B):
        folder = root / "release" / module
        folder.mkdir(parents=True)
        lesson = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("lesson")])
        cell = nbformat.v4.new_code_cell("answer = 1")
        cell.metadata["nbgrader"] = {
            "grade": True,
            "grade_id": "x",
            "points": 1,
            "solution": False,
            "locked": True,
            "schema_version": 3,
        }
        exercise = nbformat.v4.new_notebook(cells=[cell])
        nbformat.write(lesson, folder / "00-lesson.ipynb")
        nbformat.write(exercise, folder / "01-exercise.ipynb")
    config = Config()
    config.CourseDirectory.root = str(root)
    return config


def _notebook_bytes(text: str) -> bytes:
    return nbformat.writes(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(text)])
    ).encode()


def test_collect_folder_maps_file_names_to_trainee_ids(tmp_path):
    config = _released_course(tmp_path)
    export = tmp_path / "lms-export" / "Assignment 1 - download"
    (export / "t01").mkdir(parents=True)
    (export / "t01" / "01-exercise.ipynb").write_bytes(_notebook_bytes("a = 'nested'"))
    (export / "t02_01-exercise.ipynb").write_bytes(_notebook_bytes("a = 'flat'"))
    (export / "t03").mkdir()
    (export / "t03" / "01-exercise (1).ipynb").write_bytes(_notebook_bytes("a = 'renamed'"))
    (export / "ana@example.org_01-exercise.ipynb").write_bytes(_notebook_bytes("a = 1"))
    (export / "__MACOSX").mkdir()
    (export / "__MACOSX" / "junk.ipynb").write_bytes(b"junk")
    results = collect_from_path(config, tmp_path / "lms-export", A)
    outcome = {r.trainee: (r.outcome, r.detail) for r in results}
    assert outcome["t01"][0] == NEW and outcome["t02"][0] == NEW
    assert outcome["t03"] == (NEW, "'01-exercise (1).ipynb' taken as 01-exercise.ipynb")
    assert outcome["ana@example.org"][0] == REFUSED and "email" in outcome["ana@example.org"][1]
    submitted = Path(config.CourseDirectory.root) / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["t01", "t02", "t03"]
    assert "flat" in (submitted / "t02" / A / "01-exercise.ipynb").read_text()
    assert (submitted / "t01" / A / "timestamp.txt").read_text().endswith(" UTC")
    assert not list(Path(config.CourseDirectory.root).rglob("*example.org*"))


def _zip(path: Path, entries: dict[str, bytes], when=(2026, 11, 20, 10, 0, 0)) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path


def test_collect_zip_archives_earlier_copies_and_never_overwrites_silently(tmp_path):
    config = _released_course(tmp_path)
    root = Path(config.CourseDirectory.root)
    first = _zip(tmp_path / "first.zip", {f"t01/{A}/01-exercise.ipynb": _notebook_bytes("v1")})
    assert [r.outcome for r in collect_from_path(config, first)] == [NEW]
    assert [r.outcome for r in collect_from_path(config, first)] == [UNCHANGED]
    newer = _zip(
        tmp_path / "newer.zip",
        {f"t01/{A}/01-exercise.ipynb": _notebook_bytes("v2")},
        when=(2026, 11, 21, 9, 0, 0),
    )
    assert [r.outcome for r in collect_from_path(config, newer)] == [REPLACED]
    older = _zip(
        tmp_path / "older.zip",
        {f"t01/{A}/01-exercise.ipynb": _notebook_bytes("v0")},
        when=(2026, 11, 19, 9, 0, 0),
    )
    assert [r.outcome for r in collect_from_path(config, older)] == [KEPT_NEWER]
    assert "v2" in (root / "submitted" / "t01" / A / "01-exercise.ipynb").read_text()
    archived = sorted(p.read_text() for p in (root / "archive").rglob("01-exercise.ipynb"))
    assert len(archived) == 2 and any("v1" in a for a in archived)
    assert any("v0" in a for a in archived)


@pytest.mark.parametrize(
    "name", ["../evil.ipynb", "/etc/evil.ipynb", "t01/../../evil.ipynb", "C:/evil.ipynb"]
)
def test_unsafe_zip_entries_are_refused_before_anything_is_written(tmp_path, name):
    archive = _zip(tmp_path / "bad.zip", {"t01/01-exercise.ipynb": b"{}", name: b"x"})
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(CollectError, match="Refused the zip"):
        unpack_zip(archive, target)
    assert not any(target.iterdir())
    assert not (tmp_path / "evil.ipynb").exists()


def test_symlink_in_zip_is_refused(tmp_path):
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("t01/01-exercise.ipynb")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(CollectError, match="symbolic link"):
        unpack_zip(path, tmp_path)


def test_not_a_zip_is_reported_in_one_sentence(tmp_path):
    config = _released_course(tmp_path)
    bogus = tmp_path / "export.zip"
    bogus.write_text("not a zip")
    with pytest.raises(CollectError, match="not a readable zip file"):
        collect_from_path(config, bogus)


# --- the dashboard's pages ----------------------------------------------------------------


def test_dashboard_without_a_course_folder_explains_instead_of_failing(monkeypatch):
    monkeypatch.delenv("FACILITATOR_COURSE_DIR", raising=False)
    board = CohortDashboard.load()
    assert board.report is None
    assert "No course folder configured" in board.notice
    assert "FACILITATOR_COURSE_DIR=demo" in board.notice
    board.scores()  # every section is a quiet no-op
    missing = CohortDashboard.load("/nonexistent/folder")
    assert missing.report is None and "Not a course folder" in missing.notice


def test_demo_cohort_fills_every_section(course):
    board = CohortDashboard.load("demo")
    report = board.report
    assert report is not None and report.is_demo
    assert len(report.data.trainees) == 8
    assert report.certified and len(report.certified) < 8
    for view in (
        views.summary,
        views.scores,
        views.competencies,
        views.completion,
        views.items,
        views.mi_profiles,
        views.certification,
        views.faults,
    ):
        html = view(report)
        assert "<table" in html or "fc-cards" in html
    assert "Demo cohort" in views.summary(report)


def test_dashboard_escapes_everything_from_submissions():
    course = _course(mi_level="none")
    evil = "<script>alert(1)</script>"
    data = _data(
        course, {"t1": {A: {**FULL_A, "a1": (0, 1, False)}, B: FULL_B, "answers": {"a1": evil}}}
    )
    data.submissions.at[0, "faults"] = [evil]
    data.submissions.at[0, "problems"] = [evil]
    report = report_from_data(data)
    pages = [
        views.scores(report),
        views.items(report),
        views.faults(report),
        views.certification(report),
    ]
    for page in pages:
        assert "<script>" not in page
    assert "&lt;script&gt;" in views.faults(report)


# --- commands: refusals and messages --------------------------------------------------------


def test_trainer_commands_have_help():
    for command in ("release", "collect", "autograde", "grade", "feedback", "report"):
        with pytest.raises(SystemExit) as exit_info:
            run_cli([command, "--help"])
        assert exit_info.value.code == 0


def test_commands_need_a_course_folder_outside_the_repository(monkeypatch):
    monkeypatch.delenv("FACILITATOR_COURSE_DIR", raising=False)
    code, _, err = run_cli(["report"])
    assert code == 1 and "No course folder given" in err
    with pytest.raises(CourseDirError):
        resolve_course_dir(None)
    code, _, err = run_cli(["release", "00-orientation", "--course-dir", str(REPO / "cohort")])
    assert code == 1 and "inside the course repository" in err
    assert not (REPO / "cohort").exists()
    code, _, err = run_cli(["autograde", "--course-dir", "/nonexistent/cohort"])
    assert code == 1 and "not a prepared course folder" in err
    code, _, err = run_cli(["release", "99-unknown", "--course-dir", "/tmp/never-made"])
    assert code == 1 and "Not a module of this course" in err


def test_timestamps_use_nbgrader_format():
    from facilitator_course.grading.collect import format_timestamp

    moment = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
    assert format_timestamp(moment) == "2026-11-20 10:00:00.000000 UTC"


def test_dashboard_notebook_runs_with_the_demo_cohort(monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("FACILITATOR_COURSE_DIR", "demo")
    nb = nbformat.read(REPO / "course" / "dashboard.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "Demo cohort" in shown and "demo-01" in shown and "certified" in shown
    assert "Export CSV" not in shown  # invented data: nothing to export
