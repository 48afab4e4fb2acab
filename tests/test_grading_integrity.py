"""The gradebook as the trainer's record, feedback that shows nothing it should not, and names.

A small throwaway exercise (two items) is generated with nbgrader's real API into a course folder;
its hidden test raises `LeftForTrainer` (the contract with answers.check_reply) when the reply is
one the coder cannot judge. Proved here: such a reply waits for the trainer, with the reason and
the reply shown by `grade`; a re-run of autograde never turns a manual grade back into "to mark";
a gradebook changed during a run stops the run, and one that lost submissions stops the next
command until `restore` brings a checked backup back; feedback escapes trainer comments, loads
nothing from anywhere, and the leak check finds code-shaped hidden tests in real feedback HTML;
`collect` maps LMS names through a roster and refuses them without one.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import nbformat
import pytest

from conftest import REPO, run_cli
from facilitator_course.grading import fault_report as faults
from facilitator_course.grading.autograde import autograde_submissions
from facilitator_course.grading.backup import list_backups
from facilitator_course.grading.coursedir import folder_config, write_config
from facilitator_course.grading.gradebook_guard import verify_gradebook
from facilitator_course.grading.rubric import LEFT_BY_CODER, items_to_grade, record_grade
from facilitator_course.nbgrader_setup import make_api, quiet_nbgrader
from submissions import STUB, folder_digest, hand_in

pytestmark = pytest.mark.slow

MODULE = "00-orientation"  # a module id of the course, so every command accepts it
EXERCISE = "01-exercise.ipynb"
REASON = "the coder cannot tell a reflection from a question here"
HIDDEN_LINE = f'    raise LeftForTrainer("{REASON}")'


def _cell(kind: str, source: str, grade_id: str, **flags) -> nbformat.NotebookNode:
    cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
    cell.metadata["nbgrader"] = {
        "grade": False,
        "solution": False,
        "locked": False,
        "task": False,
        "grade_id": grade_id,
        "schema_version": 3,
        **flags,
    }
    return cell


def _exercise(extra: tuple[nbformat.NotebookNode, ...] = ()) -> nbformat.NotebookNode:
    answer = (
        "# ✏️ Type your reply between the quotes.\n{name} = (\n"
        '    ### BEGIN SOLUTION\n    "{solution}"\n    ### END SOLUTION\n)'
    )
    return nbformat.v4.new_notebook(
        cells=[
            _cell("markdown", "# A throwaway exercise", "intro", locked=True),
            _cell(
                "code",
                answer.format(name="answer_rp", solution="What helps?"),
                "rp_answer",
                solution=True,
            ),
            _cell(
                "code",
                "assert isinstance(answer_rp, str)\n### BEGIN HIDDEN TESTS\n"
                "class LeftForTrainer(AssertionError):\n    pass\n"
                f'if "maybe" in answer_rp:\n{HIDDEN_LINE}\n'
                'assert answer_rp.strip().endswith("?"), "not an open question"\n'
                "### END HIDDEN TESTS",
                "rp",
                grade=True,
                locked=True,
                points=1,
            ),
            _cell("code", answer.format(name="answer_q", solution="B"), "q_answer", solution=True),
            _cell(
                "code",
                "assert answer_q.strip()\n### BEGIN HIDDEN TESTS\n"
                'assert answer_q.strip().upper() == "B", "not the best option"\n'
                "### END HIDDEN TESTS",
                "q",
                grade=True,
                locked=True,
                points=1,
            ),
            *extra,
        ]
    )


def _course_folder(course, root: Path, extra: tuple[nbformat.NotebookNode, ...] = ()):
    """A course folder whose module 0 is the throwaway exercise (source, release, gradebook)."""
    root.mkdir(parents=True)
    write_config(course, root)
    (root / "source" / MODULE).mkdir(parents=True)
    nbformat.write(_exercise(extra), root / "source" / MODULE / EXERCISE)
    config = folder_config(course, root)
    quiet_nbgrader()
    assert make_api(config).generate_assignment(MODULE, force=True, create=True)["success"]
    return config


def _answered(root: Path, rp: str, q: str) -> nbformat.NotebookNode:
    nb = nbformat.read(root / "release" / MODULE / EXERCISE, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata["nbgrader"]["grade_id"]
        if gid in ("rp_answer", "q_answer"):
            start, end = STUB.search(cell.source).span()
            typed = repr(rp if gid == "rp_answer" else q)
            cell.source = cell.source[:start] + typed + cell.source[end:]
    return nb


def _grade_row(root: Path, trainee: str, item: str) -> tuple:
    db = sqlite3.connect(f"file:{root / 'gradebook.db'}?mode=ro", uri=True)
    try:
        return db.execute(
            "SELECT g.auto_score, g.manual_score, g.needs_manual_grade FROM grade g "
            "JOIN base_cell bc ON g.cell_id = bc.id "
            "JOIN submitted_notebook sn ON g.notebook_id = sn.id "
            "JOIN submitted_assignment sa ON sn.assignment_id = sa.id "
            "WHERE sa.student_id = ? AND bc.name = ?",
            (trainee, item),
        ).fetchone()
    finally:
        db.close()


@pytest.fixture(scope="module")
def _graded_once(course, tmp_path_factory):
    """Generate, hand in three trainees and autograde, once for the module: about 20 s of
    nbgrader and grading kernels that five tests used to repeat to reach the same state."""
    base = tmp_path_factory.mktemp("graded-once")
    root = base / "course"
    _course_folder(course, root)
    hand_in(root, "t01", MODULE, {EXERCISE: _answered(root, "maybe you'd like to stop", "B")})
    hand_in(root, "t02", MODULE, {EXERCISE: _answered(root, "What would help?", "A")})
    hand_in(root, "t03", MODULE, {EXERCISE: _answered(root, "What else?", "B")})
    code, out, err = run_cli(["autograde", MODULE, "--course-dir", str(root), "--jobs", "1"])
    assert code == 0, out + err
    assert not os.environ.get("FACILITATOR_COURSE_BACKUPS")  # the backups sit beside the folder
    return base, out


@pytest.fixture
def graded(course, tmp_path, _graded_once):
    """A private copy of the autograded course folder for each test (the tests change the
    gradebook, its backups and the submissions): the folder and its backups beside it, byte
    for byte and with their modes, as autograde left them; only the folder's nbgrader_config.py
    is written again, so it names this folder as a freshly prepared one would."""
    base, out = _graded_once
    shutil.copytree(base, tmp_path, dirs_exist_ok=True)
    root = tmp_path / "course"
    (root / "nbgrader_config.py").unlink()
    write_config(course, root)
    return root, folder_config(course, root), out


def test_a_reply_the_coder_cannot_judge_waits_for_the_trainer(graded, course):
    root, config, summary = graded
    assert _grade_row(root, "t01", "rp") == (None, None, 1)
    assert _grade_row(root, "t01", "q") == (1.0, None, 0)
    assert _grade_row(root, "t02", "rp") == (1.0, None, 0)
    assert f"t01 · {MODULE} · rp: {REASON}" in summary
    report = faults.load_report(root)[MODULE]["t01"]
    assert report["needs_manual_grade"] and report["left_for_trainer"] == [
        {"notebook": "01-exercise", "item": "rp", "reason": REASON}
    ]
    [item] = items_to_grade(config, course, [MODULE])
    assert (item.trainee, item.grade_id, item.kind) == ("t01", "rp", LEFT_BY_CODER)
    assert (item.answer, item.reason) == ("maybe you'd like to stop", REASON)
    code, listing, _ = run_cli(["grade", MODULE, "--course-dir", str(root), "--list"])
    assert code == 0
    assert "t01" in listing and LEFT_BY_CODER in listing
    assert "maybe you'd like to stop" in listing and REASON in listing.replace("\n", " ").replace(
        "  ", " "
    )


def test_autograde_again_keeps_every_manual_grade(graded, course):
    root, config, _ = graded
    record_grade(config, MODULE, "t01", "rp", 1, "A fair reflection.")
    record_grade(config, MODULE, "t02", "q", 1, "B and A both fit here.")  # an override of 0
    assert not items_to_grade(config, course, [MODULE])
    code, out, err = run_cli(["autograde", MODULE, "--course-dir", str(root), "--jobs", "1"])
    assert code == 0, out + err
    assert _grade_row(root, "t01", "rp") == (None, 1.0, 0)
    assert _grade_row(root, "t02", "q") == (0.0, 1.0, 0)
    assert not items_to_grade(config, course, [MODULE])
    assert verify_gradebook(root) is None


def test_a_gradebook_changed_during_the_run_stops_it(graded):
    root, config, _ = graded

    def meddle(done, total, result):  # something else writes a grade of a trainee not in the run
        if done == 1:
            db = sqlite3.connect(root / "gradebook.db")
            db.execute(
                "UPDATE grade SET manual_score = 9 WHERE notebook_id IN (SELECT sn.id FROM "
                "submitted_notebook sn JOIN submitted_assignment sa ON sn.assignment_id = sa.id "
                "WHERE sa.student_id = 't03')"
            )
            db.commit()
            db.close()

    results = autograde_submissions(config, [(MODULE, "t01"), (MODULE, "t02")], on_progress=meddle)
    assert results[0].faults == [] or faults.RUN_STOPPED not in results[0].faults
    assert results[1].faults == [faults.RUN_STOPPED]
    assert "changed during the run by something other than the run" in results[1].problems[0]
    assert "t03" in results[1].problems[0]
    # The change is not blessed: the next command notes it.
    assert "changed outside facilitator-course" in (verify_gradebook(root) or "")


def test_lost_submissions_stop_the_next_command_and_restore_brings_them_back(graded):
    root, _, _ = graded
    before = _grade_row(root, "t02", "rp")
    db = sqlite3.connect(root / "gradebook.db")
    db.execute("DELETE FROM submitted_assignment WHERE student_id = 't02'")
    db.commit()
    db.close()
    digest = folder_digest(root / "submitted")
    code, out, err = run_cli(["autograde", MODULE, "--course-dir", str(root)])
    assert code == 1 and "lost 1 submission(s)" in err and f"{MODULE}/t02" in err, out + err
    assert "facilitator-course restore" in err
    code, listing, _ = run_cli(["restore", "--course-dir", str(root)])
    assert code == 0 and "after-autograde" in listing and " ok" in listing
    assert "overrides" in listing.splitlines()[0]  # saved with each backup (none here yet)
    # A capstone override made since the last backup: restoring the gradebook from before it
    # takes the overrides back to that point too, and says where the replaced ones are kept.
    (root / "capstone-overrides.json").write_text("{}", encoding="utf-8")
    newest = len(list_backups(root))
    code, out, err = run_cli(["restore", str(newest), "--course-dir", str(root)])
    assert code == 0 and "Restored" in out, err
    assert "capstone-overrides.json was removed" in out
    assert not (root / "capstone-overrides.json").exists()
    assert _grade_row(root, "t02", "rp") == before
    assert verify_gradebook(root) is None
    assert "before-restore" in list_backups(root)[-1].name  # the damaged one is kept too
    # A backup whose bytes changed is refused, and said to be damaged.
    damaged = list_backups(root)[0]
    damaged.write_bytes(damaged.read_bytes()[:-10] + b"0123456789")
    code, listing, _ = run_cli(["restore", "--course-dir", str(root)])
    assert "DAMAGED" in listing
    code, _, err = run_cli(["restore", "1", "--course-dir", str(root)])
    assert code == 1 and "damaged" in err
    (root / "gradebook.db").unlink()
    code, _, err = run_cli(["autograde", MODULE, "--course-dir", str(root)])
    assert code == 1 and "missing" in err
    assert folder_digest(root / "submitted") == digest


REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


def test_feedback_escapes_comments_loads_nothing_and_never_leaks(graded, monkeypatch):
    from facilitator_course.grading import feedback

    root, config, _ = graded
    comment = '<script>alert("x")</script><img src="https://tracker.example/p.png"> fair'
    record_grade(config, MODULE, "t02", "rp", 1, comment)
    secrets = feedback.module_secrets(root, MODULE)
    assert HIDDEN_LINE.strip() in secrets  # a hidden test written in code, underscores and all
    outcomes = feedback.generate_feedback(config, [MODULE], include_ungraded=True)
    assert {o.status for o in outcomes} == {feedback.GENERATED}
    for outcome in outcomes:
        for page in outcome.files:
            text = page.read_text(encoding="utf-8")
            assert not REMOTE.search(text), page
            assert feedback.find_leaks(text, secrets) == [], page
    t02 = (root / "feedback" / "t02" / MODULE / "01-exercise.html").read_text()
    assert "&lt;script&gt;" in t02 and "<script" not in t02 and "<img" not in t02
    # nbgrader's own pipeline shows the hidden tests (jupyter/nbgrader#917): the leak check finds
    # them in that real HTML, and such a file is withheld instead of returned.
    original = feedback.feedback_config

    def leaky(config):
        config = original(config)
        config.GenerateFeedback.preprocessors = [
            p for p in config.GenerateFeedback.preprocessors if p.__name__ != "ClearHiddenTests"
        ]
        return config

    monkeypatch.setattr(feedback, "feedback_config", leaky)
    leaked = feedback.generate_feedback(config, [MODULE], ["t01"], include_ungraded=True)
    assert [o.status for o in leaked] == [feedback.WITHHELD]
    assert not list((root / "feedback" / "t01" / MODULE).glob("*.html"))


def _export(folder: Path, names: list[str], root: Path) -> Path:
    for name in names:
        (folder / name).mkdir(parents=True)
        nbformat.write(_answered(root, "What helps?", "B"), folder / name / EXERCISE)
    return folder


NAMES = ["Jane Doe_12345_assignsubmission_file_", "jane.roe", "BobSmith", "ana@example.org"]


def _collect(root: Path, export: Path, roster: Path | None = None) -> tuple[int, str, str]:
    """`facilitator-course collect` of MODULE from an LMS export, with the roster if given."""
    extra = ["--roster", str(roster)] if roster else []
    return run_cli(["collect", MODULE, "--from", str(export), "--course-dir", str(root), *extra])


def test_collect_refuses_names_without_a_roster_and_maps_them_with_one(course, tmp_path):
    root = tmp_path / "course"
    _course_folder(course, root)
    export = _export(tmp_path / "export", [*NAMES, "t09"], root)
    code, out, err = _collect(root, export)
    assert code == 1
    assert "1 submission(s) handled, 4 refused" in out and "roster" in out
    for name in NAMES:
        assert f"'{name}'" in err
    assert sorted(p.name for p in (root / "submitted").iterdir()) == ["t09"]
    roster = tmp_path / "private" / "roster.csv"
    roster.parent.mkdir()
    roster.write_text(
        "name,trainee_id\nJane Doe,t21\nJane Roe,t22\nbob smith,t23\nana@example.org,t24\n"
        "jdoe,t25\nt09,t09\n"
    )
    code, out, err = _collect(root, export, roster)
    assert code == 0, out + err
    assert sorted(p.name for p in (root / "submitted").iterdir()) == [
        "t09",
        "t21",
        "t22",
        "t23",
        "t24",
    ]
    unknown = _export(tmp_path / "export-2", ["jsmith"], root)
    code, out, err = _collect(root, unknown, roster)
    assert code == 1 and "'jsmith' is not in the roster" in out
    on_disk = " ".join(str(p) for p in root.rglob("*")).lower()
    assert not any(part in on_disk for part in ("jane", "roe", "bob", "smith", "example.org"))
    code, _, err = _collect(root, export, REPO / "roster.csv")
    assert code == 1 and "inside the course repository" in err


def test_exchange_usernames_that_are_names_are_mapped_or_refused(course, tmp_path):
    from facilitator_course.grading.collect import NEW, REFUSED
    from facilitator_course.grading.collect_exchange import collect_from_exchange

    root = tmp_path / "course"
    config = _course_folder(course, root)
    config.Exchange.root = str(tmp_path / "exchange")
    inbound = tmp_path / "exchange" / config.CourseDirectory.course_id / "inbound"
    stamp = "2026-11-20 10:00:00.000000 UTC"
    for user in ("jane.doe", "t31"):
        folder = inbound / f"{user}+{MODULE}+{stamp}+Xy7"
        folder.mkdir(parents=True)
        nbformat.write(_answered(root, "What helps?", "B"), folder / EXERCISE)
        (folder / "timestamp.txt").write_text(stamp)
    found = collect_from_exchange(config, [MODULE])
    assert sorted((r.trainee, r.outcome) for r in found) == [("jane.doe", REFUSED), ("t31", NEW)]
    assert sorted(p.name for p in (root / "submitted").iterdir()) == ["t31"]
    found = collect_from_exchange(config, [MODULE], roster={"janedoe": "t32", "t31": "t31"})
    assert ("t32", NEW) in [(r.trainee, r.outcome) for r in found]
    assert sorted(p.name for p in (root / "submitted").iterdir()) == ["t31", "t32"]
    assert (root / "submitted" / "t32" / MODULE / EXERCISE).is_file()
    assert "jane" not in " ".join(str(p) for p in root.rglob("*")).lower()


def test_grading_kernels_run_in_a_sandbox_without_network_or_course_folder(course, tmp_path):
    """The course's own checks run in bubblewrap: an instructor cell that looks around scores
    only if the gradebook, the backups and the home folder are out of sight and no connection
    leaves the sandbox."""
    import socket

    from facilitator_course.grading import sandbox

    if sandbox.bwrap() is None:
        pytest.fail("bubblewrap is missing: install Debian's bubblewrap (utils/test.sh does this)")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    root = tmp_path / "course"
    probe = _cell(
        "code",
        "import os, socket\n"
        f"hidden = [{str(root / 'gradebook.db')!r}, {str(root / 'submitted')!r}]\n"
        "assert not [p for p in hidden if os.path.exists(p)], hidden\n"
        f"backups = {str(tmp_path / 'course-backups')!r}\n"
        "assert not os.path.isdir(backups) or not os.listdir(backups), 'backups visible'\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {listener.getsockname()[1]}), 2)\n"
        "    reached = True\n"
        "except OSError:\n"
        "    reached = False\n"
        "assert not reached, 'the network was reachable'\n",
        "probe",
        grade=True,
        locked=True,
        points=1,
    )
    _course_folder(course, root, (probe,))
    hand_in(root, "t01", MODULE, {EXERCISE: _answered(root, "What helps?", "B")})
    assert (root / "gradebook.db").is_file() and (root / "submitted").is_dir()
    code, out, err = run_cli(["autograde", MODULE, "--course-dir", str(root), "--jobs", "1"])
    listener.close()
    assert code == 0, out + err
    assert "bubblewrap sandbox" in out
    assert _grade_row(root, "t01", "probe") == (1.0, None, 0)
    assert _grade_row(root, "t01", "rp") == (1.0, None, 0)  # the course's checks still work


def test_the_course_coder_leaves_an_unjudgeable_reply_to_the_trainer(course, tmp_path):
    """The contract with answers.check_reply, end to end on module 1's real role-play items."""
    from facilitator_course.grading.coursedir import prepare_course_dir
    from submissions import ROLEPLAY, answer_key, answers_for, fill

    module = "01-motivational-interviewing"
    root = tmp_path / "course"
    prepare_course_dir(course, root, [module])
    keys = answer_key(course.solutions_dir, module)
    roleplay = next(k.item for k in keys if k.kind == ROLEPLAY)
    typed, _ = answers_for(keys)
    typed[roleplay + "_answer"] = "asdf qwer zxcv"
    learner = nbformat.read(root / "release" / module / EXERCISE, as_version=4)
    hand_in(root, "t01", module, {EXERCISE: fill(learner, typed)})
    code, out, err = run_cli(["autograde", module, "--course-dir", str(root), "--jobs", "1"])
    assert code == 0, out + err
    assert f"t01 · {module} · {roleplay}: Left for your trainer to mark" in out
    assert _grade_row(root, "t01", roleplay) == (None, None, 1)
    code, listing, _ = run_cli(["grade", module, "--course-dir", str(root), "--list"])
    flat = " ".join(listing.split())
    assert code == 0 and roleplay in flat and LEFT_BY_CODER in flat
    assert "asdf qwer zxcv" in flat and "can't judge this reply" in flat
