"""Hostile submissions, through the real `collect`, `autograde` and `feedback` on a throwaway course.

Each attacker hands in module 0 with an attack typed into an answer cell (or a test cell, or a cell
of their own): wipe the gradebook and its backups, rewrite grades with sqlite, override the
course's checks, read source/ and print the answer key, read and write classmates' files, print a
fake "all tests passed", open a network connection, fork-bomb, fill the disk. Every attack begins
by writing a canary file, so "it never ran" is checked directly, not inferred from a grade.

Proved here: each attack is reported (summary, fault report) with the trainee and the item and
graded as not answered; no canary exists; every honest trainee's grades are exactly those of a
cohort graded without the attackers; submitted/ is byte-for-byte unchanged; no feedback file holds
a hidden test, the answer key or another trainee's words; an answer quoting nbgrader's own markers
is graded and fed back like any other; and what the commands wrote is readable by its owner only.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import stat
from pathlib import Path

import nbformat
import pytest

from conftest import run_cli
from facilitator_course.grading import fault_report as faults
from facilitator_course.grading.answer_cells import rebuild
from facilitator_course.grading.backup import backup_dir, backup_is_intact, list_backups
from facilitator_course.grading.coursedir import prepare_course_dir
from facilitator_course.grading.feedback import find_leaks, module_secrets, visible_text
from facilitator_course.grading.gradebook_guard import verify_gradebook
from submissions import fill, folder_digest, replace_cell

pytestmark = pytest.mark.slow

M0 = "00-orientation"
EXERCISE = "01-exercise.ipynb"
RIGHT = {"q1_role": "B", "q2_four_points": "C", "q3_other_paths": "D", "q4_verification": "C"}
RIGHT["q5_privacy"] = "A"
WRONG = {"q1_role": "A", "q2_four_points": "A", "q3_other_paths": "A", "q4_verification": "A"}
WRONG["q5_privacy"] = "B"
CLASSMATE_WORDS = "Pickle the cat 7731 keeps me company on the night shift"
WRITTEN = (
    "I am a volunteer and a peer, not a therapist, so I will not diagnose anyone or tell you "
    "what to do. I read the guidelines, keep check-in brief and we use a tool together."
)
MARKERS = (
    "### BEGIN HIDDEN TESTS\nI quote nbgrader's markers on purpose.\n### END HIDDEN TESTS\n"
    "### BEGIN SOLUTION\nstill my words\n### END SOLUTION\n=== BEGIN MARK SCHEME ==="
)


def _attacks(canary: Path, port: int) -> dict[str, tuple[str, str, str]]:
    """{trainee: (what the attack tries, cell it is typed into, the code)}; each writes a canary."""

    def ran(name: str) -> str:
        return f"open({str(canary / name)!r}, 'w').write('ran')\n"

    course = "../../.."  # the kernel's working folder is autograded/<trainee>/<module>/
    return {
        "a01-wipe": (
            "wipe the gradebook and its backups",
            "q1_role_answer",
            'answer_q1_role = "B"\n' + ran("a01") + "import glob, os\n"
            f"for p in glob.glob('{course}/gradebook.db') + glob.glob('{course}/../*-backups/*'):\n"
            "    os.remove(p)\n",
        ),
        "a02-sqlite": (
            "rewrite grades with sqlite",
            "q1_role_answer",
            'answer_q1_role = "B"\n'
            + ran("a02")
            + f"import sqlite3\ndb = sqlite3.connect('{course}/gradebook.db')\n"
            "db.execute('UPDATE grade SET manual_score = 100, needs_manual_grade = 0')\n"
            "db.commit()\n",
        ),
        "a03-override": (
            "override the checks",
            "q1_role_answer",
            'answer_q1_role = "B"\n'
            + ran("a03")
            + "check_choice = check_reply = lambda *a, **k: True\n",
        ),
        "a04-key": (
            "read source/ and print the answer key",
            "q1_role_answer",
            f"answer_q1_role = open({str(canary / 'a04')!r}, 'w').write('ran') or "
            f"open('{course}/source/{M0}/{EXERCISE}').read()\n",
        ),
        "a05-classmates": (
            "read and write other trainees' files",
            "q1_role_answer",
            'answer_q1_role = "B"\n'
            + ran("a05")
            + f"print(open('{course}/submitted/t02-honest/{M0}/{EXERCISE}').read())\n"
            f"open('{course}/submitted/t01-honest/{M0}/{EXERCISE}', 'w').write('{{}}')\n",
        ),
        "a06-fake-pass": (
            'print a fake "all tests passed"',
            "q1_role_answer",
            'answer_q1_role = "B"\n' + ran("a06") + 'print("All tests passed! Score: 8/8")\n',
        ),
        "a07-network": (
            "open a network connection",
            "q1_role_answer",
            'answer_q1_role = "B"\n'
            + ran("a07")
            + f"import socket\nsocket.create_connection(('127.0.0.1', {port}), 3).sendall(b'x')\n",
        ),
        "a08-fork-bomb": (
            "fork-bomb",
            "q1_role_answer",
            'answer_q1_role = "B"\n' + ran("a08") + "import os\nwhile True:\n    os.fork()\n",
        ),
        "a09-fill-disk": (
            "fill the disk",
            "q1_role_answer",
            'answer_q1_role = "B"\n' + ran("a09") + f"with open('{course}/fill.bin', 'wb') as f:\n"
            "    while True:\n        f.write(b'0' * 2**20)\n",
        ),
        "a10-f-string": (
            "run code inside the quotes (f-string)",
            "q1_role_answer",
            f"answer_q1_role = f\"{{open({str(canary / 'a10')!r}, 'w').write('ran')}}B\"\n",
        ),
        "a11-test-cell": (
            "replace a locked test cell",
            "q1_role",
            ran("a11") + "pass  # every check passes now\n",
        ),
        "a12-own-cell": (
            "add a code cell of their own",
            "(a new cell)",
            ran("a12") + "check_choice = lambda *a, **k: True\n",
        ),
    }


def _attack_notebook(learner, cell: str, code: str, canary_line: str):
    nb = fill(learner, {f"{k}_answer": v for k, v in WRONG.items()})
    nb = fill(nb, {"written_role_answer": WRITTEN})
    if cell == "(a new cell)":
        nb.cells.insert(2, nbformat.v4.new_code_cell(code))
        return nb
    return replace_cell(nb, cell, code)


def _grades(root: Path, trainees: tuple[str, ...]) -> dict[tuple[str, str], tuple]:
    """{(trainee, item): (auto, manual, needs manual grade)} straight from the gradebook."""
    db = sqlite3.connect(f"file:{root / 'gradebook.db'}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT sa.student_id, bc.name, g.auto_score, g.manual_score, g.needs_manual_grade "
            "FROM grade g JOIN base_cell bc ON g.cell_id = bc.id "
            "JOIN submitted_notebook sn ON g.notebook_id = sn.id "
            "JOIN submitted_assignment sa ON sn.assignment_id = sa.id"
        ).fetchall()
    finally:
        db.close()
    return {(t, item): rest for t, item, *rest in rows if t in trainees}


def _export(folder: Path, notebooks: dict[str, object]) -> Path:
    """An LMS-style export: <trainee>/01-exercise.ipynb."""
    for trainee, nb in notebooks.items():
        (folder / trainee).mkdir(parents=True)
        nbformat.write(nb, folder / trainee / EXERCISE)
    return folder


def _collect_and_grade(root: Path, export: Path) -> tuple[str, str]:
    code, out, err = run_cli(["collect", M0, "--from", str(export), "--course-dir", str(root)])
    assert code == 0, out + err
    code, out, err = run_cli(["autograde", M0, "--course-dir", str(root), "--jobs", "2"])
    assert code == 0, out + err
    return out, err


HONEST = ("t01-honest", "t02-honest", "t03-markers")


@pytest.fixture(scope="module")
def battery(course, tmp_path_factory):
    import time

    base = tmp_path_factory.mktemp("hostile")
    canary = base / "canary"
    canary.mkdir()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    started = time.monotonic()
    root = base / "course"
    config = prepare_course_dir(course, root, [M0])
    released = nbformat.read(root / "release" / M0 / EXERCISE, as_version=4)
    honest = {
        "t01-honest": fill(released, {**{f"{k}_answer": v for k, v in RIGHT.items()}}),
        "t02-honest": fill(
            released,
            {
                **{f"{k}_answer": v for k, v in RIGHT.items()},
                "q2_four_points_answer": "A",
                "q3_other_paths_answer": "A",
                "written_role_answer": CLASSMATE_WORDS,
            },
        ),
        "t03-markers": fill(
            released,
            {
                **{f"{k}_answer": v for k, v in RIGHT.items()},
                "written_role_answer": MARKERS,
            },
        ),
    }
    attacks = _attacks(canary, listener.getsockname()[1])
    hostile = {
        trainee: _attack_notebook(released, cell, code, str(canary))
        for trainee, (_, cell, code) in attacks.items()
    }
    # Safety net for a shared machine: before anything runs, prove that the notebooks grading
    # would run hold none of the attack code (a fork bomb must never reach a kernel by mistake).
    for trainee, nb in hostile.items():
        rebuilt = rebuild(released, nb, EXERCISE).notebook
        assert str(canary) not in nbformat.writes(rebuilt), f"{trainee}'s attack would run"

    baseline_root = base / "baseline"
    prepare_course_dir(course, baseline_root, [M0])
    _collect_and_grade(baseline_root, _export(base / "export-baseline", honest))

    export = _export(base / "export", {**honest, **hostile})
    code, out, err = run_cli(["collect", M0, "--from", str(export), "--course-dir", str(root)])
    assert code == 0, out + err
    digest = folder_digest(root / "submitted")
    autograde_started = time.monotonic()
    code, summary, err = run_cli(["autograde", M0, "--course-dir", str(root), "--jobs", "2"])
    autograde_seconds = time.monotonic() - autograde_started
    assert code == 0, summary + err
    try:
        connection, _ = listener.accept()
        connection.close()
        connected = True
    except BlockingIOError:
        connected = False
    listener.close()
    code, feedback_out, err = run_cli(
        ["feedback", M0, "--course-dir", str(root), "--include-ungraded"]
    )
    assert code == 0, feedback_out + err
    return {
        "root": root,
        "baseline": baseline_root,
        "config": config,
        "canary": canary,
        "attacks": attacks,
        "summary": summary,
        "digest": digest,
        "connected": connected,
        "feedback_out": feedback_out,
        "seconds": time.monotonic() - started,
        "autograde_seconds": autograde_seconds,
    }


def test_no_attack_ran(battery):
    assert sorted(p.name for p in battery["canary"].iterdir()) == []
    assert not battery["connected"], "an attack opened a connection"
    root = battery["root"]
    assert not (root / "fill.bin").exists()
    assert (root / "gradebook.db").is_file() and list_backups(root)


def test_every_attack_is_reported_with_trainee_and_item(battery):
    report = faults.load_report(battery["root"])[M0]
    summary = battery["summary"]
    rows = []
    for trainee, (attempt, cell, _) in battery["attacks"].items():
        entry = report[trainee]
        expected = {
            "q1_role": faults.EDITED_LOCKED_CELL,
            "(a new cell)": faults.ADDED_CODE,
        }.get(cell, faults.CODE_IN_ANSWER)
        assert entry["faults"] == [expected], (trainee, entry)
        if expected == faults.CODE_IN_ANSWER:
            assert any(
                p.startswith(f"{cell} in {EXERCISE}") and "never run" in p
                for p in entry["problems"]
            ), entry
        assert trainee in summary and expected in summary
        assert entry["score"] == 0.0, (trainee, entry)  # every other answer was wrong
        happened = {
            faults.EDITED_LOCKED_CELL: "never ran; the released test cell was used instead",
            faults.ADDED_CODE: "never ran; the added cell was left out",
        }.get(expected, "never ran; the item was graded as not answered")
        rows.append((attempt, happened, f"fault '{expected}', item and trainee named"))
    print("\nattack | what happened | how reported")
    for row in rows:
        print(" | ".join(row))
    print(f"battery {battery['seconds']:.0f} s, autograde {battery['autograde_seconds']:.0f} s")


def test_honest_grades_are_exactly_as_without_the_attackers(battery):
    with_attackers = _grades(battery["root"], HONEST)
    without = _grades(battery["baseline"], HONEST)
    assert with_attackers == without
    assert len(with_attackers) == 7 * len(HONEST)  # five choices, the written answer, the journal
    scores = {
        t: sum(a or 0 for (tt, _), (a, _, _) in with_attackers.items() if tt == t) for t in HONEST
    }
    assert scores == {"t01-honest": 5.0, "t02-honest": 3.0, "t03-markers": 5.0}


def test_submissions_are_unchanged_and_the_gradebook_is_intact(battery):
    root = battery["root"]
    assert folder_digest(root / "submitted") == battery["digest"]
    assert verify_gradebook(root) is None
    assert all(backup_is_intact(root, b) for b in list_backups(root))
    db = sqlite3.connect(root / "gradebook.db")
    (submissions,) = db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()
    (manual,) = db.execute("SELECT COUNT(*) FROM grade WHERE manual_score IS NOT NULL").fetchone()
    db.close()
    assert submissions == len(HONEST) + len(battery["attacks"]) and manual == 0


def test_feedback_holds_no_secret_and_no_classmates_words(battery):
    root = battery["root"]
    secrets = module_secrets(root, M0)
    assert any("check_choice(answer_q1_role" in s for s in secrets)  # code-shaped hidden tests
    pages = sorted((root / "feedback").rglob("*.html"))
    assert {p.parts[-3] for p in pages} == set(HONEST) | set(battery["attacks"])
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        shown = visible_text(raw)
        assert find_leaks(raw, secrets) == [], page
        assert "correct=" not in shown.replace(" ", "")
        assert "All tests passed" not in shown
        if page.parts[-3] != "t03-markers":
            assert "MARK SCHEME" not in shown and "HIDDEN TESTS" not in shown, page
        if page.parts[-3] != "t02-honest":
            assert "Pickle the cat" not in shown, page
    markers = visible_text(
        (root / "feedback" / "t03-markers" / M0 / "01-exercise.html").read_text()
    )
    assert "I quote nbgrader's markers on purpose." in markers and "still my words" in markers
    assert "HIDDEN TESTS" in markers


def test_personal_files_are_owner_only(battery):
    root = battery["root"]

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert mode(root / "gradebook.db") == 0o600
    assert mode(backup_dir(root)) == 0o700
    assert {mode(p) for p in backup_dir(root).iterdir()} == {0o600}
    for part in ("submitted", "autograded", "feedback", "reports"):
        for path in [root / part, *(root / part).rglob("*")]:
            assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    json.loads((root / "reports" / "autograde.json").read_text())
