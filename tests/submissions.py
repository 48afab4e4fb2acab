"""Make fake trainee submissions from the learner notebooks, the way a trainee would fill them in."""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

# The blank answer of a learner notebook: course/nbgrader_config.py's code stub, the quotes on
# lines of their own with an empty line between (each line indented like the cell's).
STUB = re.compile(r'"""\n[ \t]*\n[ \t]*"""')


def type_answer(source: str, text: str) -> str:
    """The answer cell with `text` typed between the stub's quotes (the empty line left out)."""
    assert STUB.search(source), f"no answer stub in {source!r}"
    return STUB.sub(lambda _: f'"""{text}"""', source, count=1)


def answer_cell_ids(nb: nbformat.NotebookNode) -> list[str]:
    return [
        c.metadata["nbgrader"]["grade_id"]
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    ]


def fill(nb: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """Type answers into answer cells: {answer cell grade id: text typed between the quotes}.

    Only the text between the stub's quotes changes, exactly as a learner would edit the cell.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = type_answer(cell.source, answers[grade_id])
    return nb


def hand_in(
    course_root: Path,
    student: str,
    assignment: str,
    notebooks: dict[str, object],
    timestamp: str = "2026-11-20 10:00:00.000000 UTC",
) -> Path:
    """Lay out a submission as nbgrader's collect step would; values may be notebooks or raw text."""
    folder = course_root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in notebooks.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            nbformat.write(content, path)
    (folder / "timestamp.txt").write_text(timestamp, encoding="utf-8")
    return folder


# --- a whole cohort, generated from the instructor notebooks -----------------------------------

EXERCISE = "01-exercise.ipynb"
CHOICE, ROLEPLAY, WRITTEN = "choice", "role-play", "written"

# Replies for role-play items, by the labels an item's hidden test accepts. The first one the
# course's coder labels as accepted is used, so the cohort keeps working if a reply's label moves.
REFLECTIONS = (
    "It sounds like betting is the one time you feel like yourself, and part of you is worried "
    "about what it is costing.",
    "It sounds like part of you feels at home in it, and part of you is worried about what it "
    "is costing.",
    "You're fed up with being told what to do, and you'd rather decide this for yourself.",
    "You'd like to get a feel for the group first, before you decide whether to say anything.",
    "AA has meant a great deal to you, and you're wondering whether there is room for that here.",
    "You've had enough of other people deciding for you.",
    "You came to see what this is like, and you're not sure yet about saying anything.",
)
OPEN_QUESTIONS = (
    "What helped you make that change this month?",
    "How did you manage to cut down?",
    "What would you like to be different?",
)
ADVICE = (
    "You need to stop drinking now.",
    "Just delete the apps and stay away from the bookies.",
    "You should just stop, honestly.",
)


@dataclass(frozen=True)
class ItemKey:
    """One graded item of a module, as the instructor notebook defines it."""

    module: str
    item: str
    kind: str
    points: float
    solution: str | None
    participant: str | None = None
    rule: str = ""  # the graded_replies.yaml item whose rule marks a role-play reply


def answer_key(solutions_dir: Path, module_id: str) -> list[ItemKey]:
    """The graded items of a module's exercise, in notebook order, with their right answers."""
    from facilitator_course.grading.notebook_text import (
        cells_by_grade_id,
        notebook_answers,
        participant_line,
    )

    nb = nbformat.read(solutions_dir / module_id / EXERCISE, as_version=4)
    answers = notebook_answers(nb)
    cells = cells_by_grade_id(nb)
    keys = []
    for grade_id, cell in cells.items():
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("grade") or meta.get("task")):
            continue
        points = float(meta.get("points") or 0)
        if meta.get("task") or cell.cell_type == "markdown":
            keys.append(ItemKey(module_id, grade_id, WRITTEN, points, answers.get(grade_id)))
            continue
        found = re.search(r'item="(\w+)"', cell.source)
        if "check_reply" in cell.source and found:
            keys.append(
                ItemKey(
                    module_id,
                    grade_id,
                    ROLEPLAY,
                    points,
                    answers.get(grade_id),
                    participant_line(cell.source),
                    rule=found.group(1),
                )
            )
        else:
            keys.append(ItemKey(module_id, grade_id, CHOICE, points, answers.get(grade_id)))
    return keys


def coder_accepts(key: ItemKey, reply: str) -> bool:
    """What the item's hidden test decides for a reply (the rule of answers.check_reply)."""
    from facilitator_course.answers import judge_graded_reply

    return judge_graded_reply(reply, key.rule).meets is True


def good_reply(key: ItemKey) -> str:
    for reply in (*REFLECTIONS, *OPEN_QUESTIONS):
        if coder_accepts(key, reply):
            return reply
    raise AssertionError(f"the coder accepts none of the test replies for {key.item} ({key.rule})")


def advice_reply(key: ItemKey) -> str:
    """Unsolicited advice, as the course's coder reads it (MI non-adherent: `persuade`)."""
    from facilitator_course.coding import code_response

    for reply in ADVICE:
        if code_response(reply, key.participant).code == "persuade":
            return reply
    raise AssertionError(f"the coder reads none of the advice replies as advice for {key.item}")


def wrong_choice(solution: str | None) -> str:
    letters = "ABCD"
    right = (solution or "A").strip().upper()
    return letters[(letters.index(right) + 1) % 4] if right in letters else "A"


def answers_for(
    keys: list[ItemKey], wrong: set[str] = frozenset(), advice: bool = False
) -> tuple[dict[str, str], dict[str, float]]:
    """(typed answers by answer cell id, expected autograded points by item) for one trainee.

    Choice items in `wrong` get a wrong letter; role-play items get a reply the coder accepts,
    or unsolicited advice with `advice`; written items get the model answer (graded by hand).
    """
    typed: dict[str, str] = {}
    points: dict[str, float] = {}
    for key in keys:
        cell = key.item + "_answer"
        if key.kind == CHOICE:
            right = key.item not in wrong
            typed[cell] = key.solution if right else wrong_choice(key.solution)
            points[key.item] = key.points if right else 0.0
        elif key.kind == ROLEPLAY:
            reply = advice_reply(key) if advice else good_reply(key)
            typed[cell] = reply
            points[key.item] = key.points if coder_accepts(key, reply) else 0.0
        else:
            typed[cell] = (key.solution or "").replace('"""', "'''")
    return typed, points


def replace_cell(nb: nbformat.NotebookNode, grade_id: str, source: str) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source
            return nb
    raise KeyError(grade_id)


def delete_cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def folder_digest(folder: Path) -> str:
    """One hash over every file's path and bytes below a folder (to prove nothing changed)."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()
