"""Which items, and which answers, a cohort gets wrong most: what to revisit in the next workshop.

A score tells a trainer who struggled; the item table tells them what with. For a multiple-choice
item the most common wrong letters show which misconception won (say, "reassure them it will
pass"); for a role-play item the coder's labels of the replies that missed the mark show the habit
to work on (giving advice without permission, closed questions, labelling the person).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..answers import normalise_choice, read_choice
from .cohort import CohortData
from .mi_profile import CodedReplies

COLUMNS = [
    "module",
    "item",
    "competency",
    "kind",
    "safety",
    "graded",
    "full_marks",
    "mean",
    "common_wrong_answers",
]


def _label_name(code: str) -> str:
    try:
        from ..coding import LABEL_NAMES

        return str(LABEL_NAMES.get(code, code))
    except ImportError:
        return code.replace("_", " ")


def _top(counter: Counter, limit: int = 3) -> str:
    return ", ".join(f"{answer} ({count})" for answer, count in counter.most_common(limit))


def item_analysis(data: CohortData, coded: CodedReplies) -> pd.DataFrame:
    """One row per item of course.yml, hardest first (lowest share of full marks)."""
    graded = data.submissions[data.submissions["score"].notna()][["trainee", "module"]]
    grades = data.grades.merge(graded, on=["trainee", "module"])
    # An item still waiting for a grader has no score yet: it is neither right nor wrong.
    grades = grades[~grades["needs_manual_grade"].astype(bool)]
    answers = {(row.trainee, row.module, row.item): row.answer for row in data.answers.itertuples()}
    codes = {(row.trainee, row.module, row.item): row for row in coded.table.itertuples()}
    rows = []
    for (module_id, grade_id), info in data.items.items():
        mine = grades[(grades["module"] == module_id) & (grades["item"] == grade_id)]
        if mine.empty:
            rows.append(
                dict.fromkeys(COLUMNS, None)
                | {
                    "module": module_id,
                    "item": grade_id,
                    "competency": info.competency,
                    "kind": info.kind,
                    "safety": info.safety,
                    "graded": 0,
                    "common_wrong_answers": "",
                }
            )
            continue
        full = mine["score"] >= mine["max_score"]
        wrong = Counter()
        for trainee in mine.loc[~full, "trainee"]:
            key = (trainee, module_id, grade_id)
            if info.kind in ("choice", "true/false"):
                typed = answers.get(key)
                wrong[read_choice(typed).letter or normalise_choice(typed) or "blank"] += 1
            elif info.kind == "role-play":
                coded_row = codes.get(key)
                if coded_row is None:
                    wrong["blank" if not (answers.get(key) or "").strip() else "not coded"] += 1
                else:
                    wrong[_label_name(coded_row.code)] += 1
                    if coded_row.labeling:
                        wrong["labels the person"] += 1
        rows.append(
            {
                "module": module_id,
                "item": grade_id,
                "competency": info.competency,
                "kind": info.kind,
                "safety": info.safety,
                "graded": len(mine),
                "full_marks": float(full.mean()),
                "mean": float((mine["score"] / mine["max_score"]).mean()),
                "common_wrong_answers": _top(wrong),
            }
        )
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["full_marks", "mean"], na_position="last", kind="stable").reset_index(
        drop=True
    )
