"""Seconds per submission for autograding a cohort, next to nbgrader's time for a one-cell notebook.

    .venv/bin/python tests/benchmarks/bench_autograde.py [--trainees 6] [--jobs 1 2] [--repeat 3]

Builds a throwaway course folder from the repository (outside it, in a temporary folder), hands
in each module's graded exercise for invented trainees (answers from the instructor notebooks,
so every check runs), and grades the cohort with `autograde_submissions`: once per --jobs value.
In the same run it times nbgrader's API autograding a one-cell notebook (a single `assert True`
worth one point) in a course of its own, which is the floor every submission pays (a kernel
start, nbgrader's conversion pipeline, the gradebook writes). The difference is what the course's
checks and the per-submission isolation cost.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))  # tests/: the submission helpers

from facilitator_course.course import load_course  # noqa: E402
from facilitator_course.grading.autograde import autograde_submissions, quiet_grading  # noqa: E402
from facilitator_course.grading.coursedir import prepare_course_dir  # noqa: E402
from facilitator_course.nbgrader_setup import make_api  # noqa: E402
from submissions import EXERCISE, answer_key, answers_for, fill, hand_in  # noqa: E402


def one_cell_seconds(folder: Path, repeat: int) -> list[float]:
    """nbgrader's own API autograding a one-cell notebook, `repeat` times (one new student each)."""
    from traitlets.config import Config

    root = folder / "one-cell-course"
    source = root / "source" / "ps1"
    source.mkdir(parents=True)
    cell = nbformat.v4.new_code_cell("assert True")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "only",
        "locked": True,
        "points": 1,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), source / "ps1.ipynb")
    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.course_id = "one-cell"
    config.Exchange.root = str(folder / "exchange")  # unused; keeps nbgrader from warning
    quiet_grading(config)
    api = make_api(config)
    assert api.generate_assignment("ps1", force=True, create=True)["success"]
    released = root / "release" / "ps1" / "ps1.ipynb"
    times = []
    for n in range(repeat):
        student = f"s{n:02d}"
        hand_in(root, student, "ps1", {"ps1.ipynb": nbformat.read(released, as_version=4)})
        started = time.monotonic()
        outcome = api.autograde("ps1", student, force=True, create=True)
        times.append(time.monotonic() - started)
        assert outcome["success"], outcome.get("log")
    return times


def cohort_tasks(course, root: Path, trainees: int) -> list[tuple[str, str]]:
    tasks = []
    for module in course.modules:
        keys = answer_key(course.solutions_dir, module.id)
        typed, _ = answers_for(keys)
        learner = nbformat.read(root / "release" / module.id / EXERCISE, as_version=4)
        notebook = fill(learner, typed)
        for n in range(1, trainees + 1):
            trainee = f"b{n:02d}"
            hand_in(root, trainee, module.id, {EXERCISE: notebook})
            tasks.append((module.id, trainee))
    return tasks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=6, help="invented trainees (default 6)")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="grading processes to try (default 1 2)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="one-cell runs (default 3)")
    args = parser.parse_args(argv)
    course = load_course()
    with tempfile.TemporaryDirectory(prefix="bench-autograde-") as tmp:
        folder = Path(tmp)
        baseline = one_cell_seconds(folder, args.repeat)
        started = time.monotonic()
        config = prepare_course_dir(course, folder / "cohort")
        prepare_s = time.monotonic() - started
        tasks = cohort_tasks(course, folder / "cohort", args.trainees)
        rows = []
        for jobs in args.jobs:
            started = time.monotonic()
            results = autograde_submissions(config, tasks, jobs=jobs)
            wall = time.monotonic() - started
            bad = [r for r in results if r.status != "graded"]
            if bad:
                print(f"warning: {len(bad)} submission(s) not cleanly graded: {bad[0].problems}")
            rows.append((jobs, wall, statistics.median(r.seconds for r in results)))
    one = statistics.median(baseline)
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"course folder prepared (6 modules released through nbgrader): {prepare_s:.1f} s")
    print(
        f"nbgrader, one-cell notebook:        {one:.2f} s per submission "
        f"(median of {len(baseline)}: {', '.join(f'{t:.2f}' for t in baseline)})"
    )
    for jobs, wall, median in rows:
        print(
            f"cohort, {len(tasks)} submissions, jobs={jobs}: {wall / len(tasks):.2f} s per "
            f"submission (wall {wall:.1f} s; median {median:.2f} s inside a worker; "
            f"{wall / len(tasks) / one:.1f}x the one-cell time)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
