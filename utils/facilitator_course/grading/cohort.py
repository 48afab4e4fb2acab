"""The cohort at a glance: nbgrader's gradebook, the fault report and the answers, as pandas tables.

Everything a trainer asks after grading comes from three sources in the course folder, read here
once: the gradebook (scores per item, manual grades, late submissions), the fault report written
by autograde (what could not be graded, and why) and the graded notebooks (the answers trainees
actually typed, for item analysis and the MI profile). Modules, items, competencies and pass
marks come from course/course.yml, so nothing here knows how many modules the course has.

Only trainee IDs are read from the gradebook; nbgrader's name and email columns are never touched,
so no table built here (and nothing exported from one) can carry them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd

from ..course import Course, Item
from . import fault_report
from .autograde import GRADED, GRADED_WITH_WARNINGS, NOT_GRADED
from .backup import gradebook_path
from .notebook_text import folder_answers, notebook_answers, participant_lines, source_folder

NOT_HANDED_IN = "not handed in"
AWAITING_AUTOGRADE = "handed in, not graded yet"
GRADED_BY_HAND = "graded by hand"

GRADE_COLUMNS = [
    "trainee",
    "module",
    "notebook",
    "item",
    "competency",
    "safety",
    "manual",
    "roleplay",
    "score",
    "max_score",
    "needs_manual_grade",
    "auto_score",  # what the autograder gave (None for written answers)
    "manual_score",  # the trainer's grade or override, which nbgrader's score takes first
]
SUBMISSION_COLUMNS = [
    "trainee",
    "module",
    "status",
    "score",
    "max_score",
    "percent",
    "late",
    "seconds_late",
    "late_days",
    "needs_manual_grade",
    "faults",
    "problems",
]
ANSWER_COLUMNS = ["trainee", "module", "item", "answer"]


@dataclass
class ItemInfo:
    """What the course says about a graded item, plus what its instructor notebook shows."""

    module: str
    grade_id: str
    competency: str
    safety: bool
    manual: bool
    roleplay: bool
    kind: str  # "choice", "true/false", "role-play", "written" or "other"
    solution: str | None = None
    participant: str | None = None


@dataclass
class CohortData:
    course: Course
    course_root: Path
    trainees: list[str]
    grades: pd.DataFrame
    submissions: pd.DataFrame
    answers: pd.DataFrame
    items: dict[tuple[str, str], ItemInfo] = field(default_factory=dict)

    @property
    def module_ids(self) -> list[str]:
        return [m.id for m in self.course.modules]


# --- item metadata ----------------------------------------------------------------------------


def _kind(item: Item, solution: str | None) -> str:
    if item.roleplay:
        return "role-play"
    if item.manual:
        return "written"
    if solution and re.fullmatch(r"[A-Ha-h]", solution.strip()):
        return "choice"
    if solution and solution.strip().lower() in ("true", "false"):
        return "true/false"
    return "other"


def item_catalogue(course: Course, course_root: Path) -> dict[tuple[str, str], ItemInfo]:
    """Every item in course.yml, with its kind and model answer read from the instructor notebook."""
    catalogue = {}
    for module in course.modules:
        solutions: dict[str, str | None] = {}
        participants: dict[str, str | None] = {}
        source = source_folder(course_root, course.solutions_dir, module.id)
        for path in sorted(source.glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            solutions.update(notebook_answers(nb))
            participants.update(participant_lines(nb))
        for item in module.items:
            solution = solutions.get(item.grade_id)
            catalogue[(module.id, item.grade_id)] = ItemInfo(
                module=module.id,
                grade_id=item.grade_id,
                competency=item.competency,
                safety=item.safety,
                manual=item.manual,
                roleplay=item.roleplay,
                kind=_kind(item, solution),
                solution=solution,
                participant=participants.get(item.grade_id),
            )
    return catalogue


# --- reading the course folder ----------------------------------------------------------------


def _read_gradebook(course: Course, course_root: Path) -> tuple[list[dict], list[dict], set[str]]:
    """(grade rows, submission rows, trainee ids) from nbgrader's gradebook, IDs only."""
    from nbgrader.api import Gradebook, MissingEntry

    grade_rows: list[dict] = []
    submission_rows: list[dict] = []
    trainees: set[str] = set()
    if not gradebook_path(course_root).is_file():
        return grade_rows, submission_rows, trainees
    items = {(m.id, i.grade_id): i for m in course.modules for i in m.items}
    with Gradebook(f"sqlite:///{gradebook_path(course_root)}", course.id) as gb:
        trainees.update(student.id for student in gb.students)
        for module in course.modules:
            try:
                assignment = gb.find_assignment(module.id)
            except MissingEntry:
                continue
            for sub in assignment.submissions:
                trainee = sub.student.id
                trainees.add(trainee)
                submission_rows.append(
                    {
                        "trainee": trainee,
                        "module": module.id,
                        "score": float(sub.score or 0),
                        "max_score": float(sub.max_score or 0),
                        "seconds_late": float(sub.total_seconds_late or 0),
                        "needs_manual_grade": bool(sub.needs_manual_grade),
                    }
                )
                for notebook in sub.notebooks:
                    for grade in notebook.grades:
                        item = items.get((module.id, grade.name))
                        grade_rows.append(
                            {
                                "trainee": trainee,
                                "module": module.id,
                                "notebook": notebook.name,
                                "item": grade.name,
                                "competency": item.competency if item else "other",
                                "safety": bool(item and item.safety),
                                "manual": bool(item and item.manual),
                                "roleplay": bool(item and item.roleplay),
                                "score": float(grade.score or 0),
                                "max_score": float(grade.max_score or 0),
                                "needs_manual_grade": bool(grade.needs_manual_grade),
                                "auto_score": grade.auto_score,
                                "manual_score": grade.manual_score,
                            }
                        )
    return grade_rows, submission_rows, trainees


def _handed_in(course_root: Path, module_ids: list[str]) -> set[tuple[str, str]]:
    submitted = course_root / "submitted"
    if not submitted.is_dir():
        return set()
    return {
        (trainee.name, module_id)
        for trainee in submitted.iterdir()
        for module_id in module_ids
        if (trainee / module_id).is_dir()
    }


def _read_answers(course_root: Path, pairs: set[tuple[str, str]]) -> list[dict]:
    """Typed answers from the autograded notebooks (never executed, only parsed)."""
    rows = []
    for trainee, module_id in sorted(pairs):
        for item, answer in folder_answers(course_root / "autograded" / trainee / module_id):
            rows.append({"trainee": trainee, "module": module_id, "item": item, "answer": answer})
    return rows


def _status(
    report_entry: dict | None, in_gradebook: bool, handed_in: bool, pending: bool
) -> tuple[str, list[str], list[str]]:
    if report_entry:
        status = report_entry.get("status", GRADED)
        if status == NOT_GRADED and in_gradebook and not pending:
            status = GRADED_BY_HAND  # the trainer has since graded every item by hand
        return status, list(report_entry.get("faults", [])), list(report_entry.get("problems", []))
    if in_gradebook:
        return GRADED, [], []
    if handed_in:
        return AWAITING_AUTOGRADE, [], []
    return NOT_HANDED_IN, [], []


def load_cohort(course: Course, course_root: Path) -> CohortData:
    """Read everything the dashboard and the report need from a course folder."""
    from .late_policy import late_policy

    course_root = Path(course_root)
    policy = late_policy(course.root)
    module_ids = [m.id for m in course.modules]
    grade_rows, submission_rows, trainees = _read_gradebook(course, course_root)
    handed_in = _handed_in(course_root, module_ids)
    report = fault_report.load_report(course_root)
    trainees.update(t for t, _ in handed_in)
    trainees.update(t for entries in report.values() for t in entries)
    by_pair = {(r["trainee"], r["module"]): r for r in submission_rows}
    rows = []
    for trainee in sorted(trainees):
        for module_id in module_ids:
            gb_row = by_pair.get((trainee, module_id))
            entry = report.get(module_id, {}).get(trainee)
            pending = bool(gb_row and gb_row["needs_manual_grade"])
            status, faults, problems = _status(
                entry, gb_row is not None, (trainee, module_id) in handed_in, pending
            )
            graded = status in (GRADED, GRADED_WITH_WARNINGS, GRADED_BY_HAND)
            score = gb_row["score"] if gb_row and graded else None
            maximum = gb_row["max_score"] if gb_row else None
            rows.append(
                {
                    "trainee": trainee,
                    "module": module_id,
                    "status": status,
                    "score": score,
                    "max_score": maximum,
                    "percent": (score / maximum) if score is not None and maximum else None,
                    "late": bool(gb_row and policy.is_late(gb_row["seconds_late"])),
                    "seconds_late": gb_row["seconds_late"] if gb_row else 0.0,
                    "late_days": policy.late_days(gb_row["seconds_late"]) if gb_row else 0.0,
                    "needs_manual_grade": pending,
                    "faults": faults,
                    "problems": problems,
                }
            )
    graded_pairs = {
        (r["trainee"], r["module"])
        for r in rows
        if r["status"] in (GRADED, GRADED_WITH_WARNINGS, GRADED_BY_HAND)
    }
    return CohortData(
        course=course,
        course_root=course_root,
        trainees=sorted(trainees),
        grades=pd.DataFrame(grade_rows, columns=GRADE_COLUMNS),
        submissions=pd.DataFrame(rows, columns=SUBMISSION_COLUMNS),
        answers=pd.DataFrame(_read_answers(course_root, graded_pairs), columns=ANSWER_COLUMNS),
        items=item_catalogue(course, course_root),
    )


# --- the tables -------------------------------------------------------------------------------


def module_scores(data: CohortData) -> pd.DataFrame:
    """Trainee x module: the fraction of the module's points earned (NaN if not graded)."""
    table = data.submissions.pivot(index="trainee", columns="module", values="percent")
    return table.reindex(index=data.trainees, columns=data.module_ids).astype(float)


def competency_scores(data: CohortData) -> pd.DataFrame:
    """Trainee x competency: points earned / points possible, over the graded items."""
    graded = data.submissions[data.submissions["score"].notna()][["trainee", "module"]]
    grades = data.grades.merge(graded, on=["trainee", "module"])
    # Items still waiting for a grader are left out until they are marked, not counted as 0.
    grades = grades[~grades["needs_manual_grade"].astype(bool)]
    if grades.empty:
        return pd.DataFrame(
            index=data.trainees, columns=list(data.course.competencies), dtype=float
        )
    sums = grades.groupby(["trainee", "competency"])[["score", "max_score"]].sum()
    fraction = (sums["score"] / sums["max_score"]).where(sums["max_score"] > 0)
    table = fraction.unstack("competency")
    columns = list(data.course.competencies) + sorted(
        set(table.columns) - set(data.course.competencies)
    )
    return table.reindex(index=data.trainees, columns=columns).astype(float)


def completion(data: CohortData) -> pd.DataFrame:
    """Per trainee: modules handed in, graded, late, waiting for a grader, with faults."""
    subs = data.submissions
    total = len(data.module_ids)
    rows = []
    for trainee in data.trainees:
        mine = subs[subs["trainee"] == trainee]
        handed = mine[mine["status"] != NOT_HANDED_IN]
        rows.append(
            {
                "trainee": trainee,
                "handed_in": f"{len(handed)}/{total}",
                "completion": len(handed) / total if total else 0.0,
                "graded": int(mine["score"].notna().sum()),
                "late": ", ".join(mine.loc[mine["late"], "module"]),
                "awaiting_manual_grade": ", ".join(mine.loc[mine["needs_manual_grade"], "module"]),
                "faults": "; ".join(
                    f"{row.module}: {', '.join(row.faults)}"
                    for row in mine.itertuples()
                    if row.faults
                ),
            }
        )
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else ["trainee"]).set_index("trainee")


def fault_table(data: CohortData) -> pd.DataFrame:
    """Every submission with a fault, and what the trainer should know about it."""
    subs = data.submissions
    rows = subs[subs["faults"].map(bool)]
    return pd.DataFrame(
        {
            "trainee": rows["trainee"],
            "module": rows["module"],
            "status": rows["status"],
            "faults": rows["faults"].map(", ".join),
            "details": rows["problems"].map(" ".join),
        }
    ).reset_index(drop=True)
