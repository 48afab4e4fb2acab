"""A made-up cohort for trying the dashboard without any real grading data.

`FACILITATOR_COURSE_DIR=demo` (or `CohortDashboard.load("demo")`) shows the dashboard filled with
eight invented trainees (demo-01 ... demo-08) whose answers are generated from the course's own
instructor notebooks: right answers, plausible wrong letters, role-play replies of several kinds,
a late submission, a broken notebook and a cell that hit the time limit. Nothing is read from or
written to disk, so it is safe to show on a projector during a trainer workshop. Every table and
rule (item analysis, MI profile, certification) is the real code; only the gradebook is invented.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from ..course import Course
from . import fault_report as faults
from .autograde import GRADED, GRADED_WITH_WARNINGS, NOT_GRADED
from .cohort import (
    ANSWER_COLUMNS,
    GRADE_COLUMNS,
    NOT_HANDED_IN,
    SUBMISSION_COLUMNS,
    CohortData,
    item_catalogue,
)

DEMO = "demo"
DEMO_ROOT = Path("(demo cohort: invented data, nothing on disk)")

# Replies of the kinds the course's coder tells apart; "good" ones earn a role-play point.
GOOD_REPLIES = (
    "It sounds like part of you wants things to change, and part of you is scared to let go.",
    "What would you like to be different a month from now?",
    "You've been thinking hard about this, and it matters to you.",
    "How did you manage to get through last weekend?",
)
POOR_REPLIES = (
    "You should just stop, honestly.",
    "Have you tried going to a different meeting?",
    "Do you want to stop?",
)
# (ability, late module index, fault) per invented trainee; ability is the chance of a right answer.
PROFILES = (
    (0.98, None, None),
    (0.95, 2, None),
    (0.90, None, None),
    (0.80, None, (1, faults.INVALID_NOTEBOOK)),
    (0.75, None, None),
    (0.60, None, (3, faults.TIMEOUT)),
    (0.45, None, None),
    (0.85, None, None),
)


def is_demo(value: object) -> bool:
    return str(value or "").strip().lower() == DEMO


def demo_cohort(course: Course, seed: int = 7) -> CohortData:
    """CohortData for eight invented trainees (deterministic for a given seed)."""
    rng = random.Random(seed)
    items = item_catalogue(course, course.root)
    module_ids = [m.id for m in course.modules]
    trainees = [f"demo-{n:02d}" for n in range(1, len(PROFILES) + 1)]
    grades, submissions, answers = [], [], []
    for trainee, (ability, late_index, fault) in zip(trainees, PROFILES, strict=True):
        # The weakest invented trainee has not handed in the last module yet.
        handed = module_ids if ability > 0.5 else module_ids[:-1]
        for index, module in enumerate(course.modules):
            if module.id not in handed:
                submissions.append(_row(trainee, module.id, NOT_HANDED_IN))
                continue
            if fault and fault[0] == index and fault[1] == faults.INVALID_NOTEBOOK:
                submissions.append(
                    _row(
                        trainee,
                        module.id,
                        NOT_GRADED,
                        faults=[fault[1]],
                        problems=["01-exercise.ipynb is not a valid notebook (demo)."],
                    )
                )
                continue
            score = maximum = 0.0
            for item in module.items:
                info = items[(module.id, item.grade_id)]
                points = 3.0 if item.manual else 1.0
                # The strongest invented trainees get every safety item right, so the demo
                # shows certified trainees next to every kind of "not yet".
                right = (item.safety and ability >= 0.9) or rng.random() < ability
                answer = info.solution or ""
                if info.kind == "choice" and not right:
                    answer = rng.choice([c for c in "ABCD" if c != (info.solution or "").upper()])
                elif info.roleplay:
                    answer = rng.choice(GOOD_REPLIES if right else POOR_REPLIES)
                earned = points if right else 0.0
                if item.manual:
                    earned = float(min(3, max(0, round(ability * 3 + rng.uniform(-1, 0.5)))))
                    if item.safety and ability >= 0.9:
                        earned = points
                timed_out = bool(fault and fault[0] == index and item == module.items[0])
                if timed_out:
                    earned = 0.0
                answers.append(
                    {
                        "trainee": trainee,
                        "module": module.id,
                        "item": item.grade_id,
                        "answer": answer,
                    }
                )
                grades.append(
                    {
                        "trainee": trainee,
                        "module": module.id,
                        "notebook": "01-exercise",
                        "item": item.grade_id,
                        "competency": item.competency,
                        "safety": item.safety,
                        "manual": item.manual,
                        "roleplay": item.roleplay,
                        "score": earned,
                        "max_score": points,
                        "needs_manual_grade": False,
                    }
                )
                score += earned
                maximum += points
            warned = bool(fault and fault[0] == index)
            submissions.append(
                _row(
                    trainee,
                    module.id,
                    GRADED_WITH_WARNINGS if warned else GRADED,
                    score=score,
                    maximum=maximum,
                    late=late_index == index,
                    faults=[fault[1]] if warned and fault else [],
                    problems=(
                        ["a check cell was still running after the time limit (demo)"]
                        if warned
                        else []
                    ),
                )
            )
    return CohortData(
        course=course,
        course_root=DEMO_ROOT,
        trainees=trainees,
        grades=pd.DataFrame(grades, columns=GRADE_COLUMNS),
        submissions=pd.DataFrame(submissions, columns=SUBMISSION_COLUMNS),
        answers=pd.DataFrame(answers, columns=ANSWER_COLUMNS),
        items=items,
    )


def _row(
    trainee: str,
    module_id: str,
    status: str,
    score: float | None = None,
    maximum: float | None = None,
    late: bool = False,
    faults: list[str] | None = None,
    problems: list[str] | None = None,
) -> dict:
    return {
        "trainee": trainee,
        "module": module_id,
        "status": status,
        "score": score,
        "max_score": maximum,
        "percent": (score / maximum) if score is not None and maximum else None,
        "late": late,
        "seconds_late": 3600.0 if late else 0.0,
        "needs_manual_grade": False,
        "faults": faults or [],
        "problems": problems or [],
    }
