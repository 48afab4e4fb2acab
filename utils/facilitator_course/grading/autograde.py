"""Autograde a whole cohort, one submission at a time, so one bad submission never stops the rest.

nbgrader's own `autograde` grades everyone in one run and is at its best with well-formed
submissions. Here each trainee's submission is inspected first (see inspect_submission), graded
on its own through nbgrader's API, and summarised in a GradeResult whatever happened: a broken
notebook, a deleted test cell or an nbgrader error becomes a sentence in the cohort's fault report
instead of a traceback that ends the run. Submissions are only ever read, never modified.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from traitlets.config import Config

from ..nbgrader_setup import make_api, quiet_nbgrader
from .inspect_submission import SourceCell, inspect

GRADED = "graded"
GRADED_WITH_WARNINGS = "graded with warnings"
NOT_GRADED = "not graded"


@dataclass
class GradeResult:
    student_id: str
    assignment_id: str
    status: str
    score: float | None = None
    max_score: float | None = None
    needs_manual_grade: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _db_url(course_root: Path) -> str:
    return f"sqlite:///{course_root / 'gradebook.db'}"


def source_cells(config: Config, assignment_id: str) -> dict[str, list[SourceCell]]:
    """The graded and locked cells of each notebook as trainees received them (release/).

    The released version is the right reference: nbgrader's stored source cells still contain
    the hidden tests and mark schemes, so comparing a submission with them would flag every
    test cell as edited.
    """
    from nbgrader.utils import compute_checksum, is_grade, is_locked

    release = Path(config.CourseDirectory.root) / "release" / assignment_id
    cells: dict[str, list[SourceCell]] = {}
    for path in sorted(release.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        cells[path.stem] = [
            SourceCell(
                c.metadata.nbgrader["grade_id"], compute_checksum(c), is_locked(c), is_grade(c)
            )
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")
        ]
    return cells


def submitted_students(course_root: Path, assignment_id: str) -> list[str]:
    submitted = course_root / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / assignment_id).is_dir())


def _score(config: Config, assignment_id: str, student_id: str) -> tuple[float, float, bool]:
    from nbgrader.api import Gradebook

    course_root = Path(config.CourseDirectory.root)
    with Gradebook(_db_url(course_root), config.CourseDirectory.course_id) as gb:
        sub = gb.find_submission(assignment_id, student_id)
        return float(sub.score), float(sub.max_score), bool(sub.needs_manual_grade)


def grade_one(
    api, config: Config, assignment_id: str, student_id: str, cells: dict[str, list[SourceCell]]
) -> GradeResult:
    """Inspect and grade one submission; never raises."""
    started = time.monotonic()
    result = GradeResult(student_id, assignment_id, GRADED)
    folder = Path(config.CourseDirectory.root) / "submitted" / student_id / assignment_id
    try:
        unreadable = False
        for notebook_name, source in cells.items():
            path = folder / f"{notebook_name}.ipynb"
            if not path.is_file():
                if any(cell.is_grade for cell in source):  # lessons need not be handed in
                    result.problems.append(f"{notebook_name}.ipynb was not handed in")
                continue
            findings = inspect(path, source)
            result.problems.extend(findings.problems)
            unreadable = unreadable or not findings.readable
        if unreadable:
            result.status = NOT_GRADED
            return result
        outcome = api.autograde(assignment_id, student_id, force=True, create=True)
        if not outcome.get("success"):
            result.status = NOT_GRADED
            result.problems.append(
                "nbgrader could not grade this submission: "
                + _last_error_line(outcome.get("error") or outcome.get("log"))
            )
            return result
        result.score, result.max_score, result.needs_manual_grade = _score(
            config, assignment_id, student_id
        )
        if result.problems:
            result.status = GRADED_WITH_WARNINGS
    except Exception as exc:  # one submission must never stop the cohort
        result.status = NOT_GRADED
        result.problems.append(f"unexpected problem while grading: {type(exc).__name__}: {exc}")
    finally:
        result.seconds = time.monotonic() - started
    return result


def _last_error_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["no details"])[-1][:300]


def autograde_cohort(
    config: Config,
    assignment_id: str,
    student_ids: list[str] | None = None,
    on_progress: Callable[[int, int, GradeResult], None] | None = None,
) -> list[GradeResult]:
    """Grade every submission of an assignment (or the given trainees), one at a time."""
    quiet_nbgrader()
    api = make_api(config)
    course_root = Path(config.CourseDirectory.root)
    students = student_ids or submitted_students(course_root, assignment_id)
    cells = source_cells(config, assignment_id)
    results = []
    for index, student_id in enumerate(students, start=1):
        result = grade_one(api, config, assignment_id, student_id, cells)
        results.append(result)
        if on_progress:
            on_progress(index, len(students), result)
    return results
