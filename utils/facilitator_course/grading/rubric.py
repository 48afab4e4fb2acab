"""Marking written answers against their mark scheme, from a terminal or from Python.

nbgrader's Formgrader is the graphical way and still works on the same gradebook. This module is
the scriptable way: list what waits for a human (written answers, and autograded items that have
no score because the trainee deleted the test cell or the kernel crashed), show each answer next
to its mark scheme, and record a score and a comment through nbgrader's Gradebook API exactly as
the Formgrader does (manual_score, needs_manual_grade, manual_comment).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat
from traitlets.config import Config

from ..course import Course
from .backup import DEFAULT_KEEP, backup_gradebook, open_gradebook
from .notebook_text import ANSWER_SUFFIX, answer_text, cells_by_grade_id, mark_scheme

WRITTEN = "written answer"
NO_AUTOMATIC_SCORE = "no automatic score"
LEFT_BY_CODER = "left for you by the coder"


class RubricError(ValueError):
    """A grade could not be recorded; the message says why (unknown item, score out of range)."""


@dataclass
class ManualItem:
    module_id: str
    notebook: str
    trainee: str
    grade_id: str
    max_score: float
    kind: str
    answer: str | None
    mark_scheme: str | None
    score: float | None
    comment: str | None
    needs_grade: bool
    reason: str | None = None  # why the coder left a role-play reply to the trainer
    word_range: tuple[int, int] | None = None  # a written answer's range (its length check)
    anchor: str | None = None  # the instructor notebook's model answer, a full-marks anchor

    @property
    def words(self) -> int:
        from ..answers import word_count

        return word_count(self.answer)

    def length_note(self) -> str:
        """'123 words (the task asks for 40-200)', with a warning outside the range."""
        if self.word_range is None:
            return f"{self.words} words"
        low, high = self.word_range
        note = f"{self.words} words (the task asks for {low}-{high})"
        if not low <= self.words <= high:
            note += " - outside the range"
        return note


def _read(path: Path) -> nbformat.NotebookNode | None:
    try:
        return nbformat.read(path, as_version=4)
    except Exception:  # an unreadable submission: the trainer sees "no answer found"
        return None


Reader = Callable[[Path], nbformat.NotebookNode | None]


def _answer(
    read: Reader, root: Path, trainee: str, module_id: str, notebook: str, grade_id: str
) -> str | None:
    """The trainee's answer, from the autograded copy or, if there is none, the submission."""
    for step in ("autograded", "submitted"):
        nb = read(root / step / trainee / module_id / f"{notebook}.ipynb")
        if nb is None:
            continue
        cells = cells_by_grade_id(nb)
        cell = cells.get(grade_id + ANSWER_SUFFIX)
        if cell is not None:
            return answer_text(cell.source) if cell.cell_type == "code" else cell.source.strip()
        cell = cells.get(grade_id)
        if cell is not None and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            return cell.source.strip()
        return None
    return None


def _scheme(read: Reader, root: Path, module_id: str, notebook: str, grade_id: str) -> str | None:
    """The mark scheme (task cells) or, for an autograded item, the check it runs."""
    nb = read(root / "source" / module_id / f"{notebook}.ipynb")
    cell = cells_by_grade_id(nb).get(grade_id) if nb is not None else None
    if cell is None:
        return None
    return mark_scheme(cell.source) or (cell.source.strip() if cell.cell_type == "code" else None)


def items_to_grade(
    config: Config,
    course: Course,
    module_ids: list[str] | None = None,
    trainees: list[str] | None = None,
    include_graded: bool = False,
) -> list[ManualItem]:
    """Items waiting for a human grade (or, with include_graded, every manually graded item)."""
    root = Path(config.CourseDirectory.root)
    manual_ids = {item.grade_id for m in course.modules for item in m.items if item.manual}
    wanted = module_ids or [m.id for m in course.modules]
    read = cache(_read)  # each notebook is parsed once, however many of its items wait
    left = cache(_left_reasons)
    texts = cache(_item_texts)
    found = []
    with open_gradebook(config) as gb:
        for module_id in wanted:
            try:
                assignment = gb.find_assignment(module_id)
            except Exception:
                continue
            for submission in sorted(assignment.submissions, key=lambda s: s.student.id):
                trainee = submission.student.id
                if trainees and trainee not in trainees:
                    continue
                for notebook in submission.notebooks:
                    for grade in sorted(notebook.grades, key=lambda g: g.name):
                        written = grade.name in manual_ids or grade.cell.type == "TaskCell"
                        if not grade.needs_manual_grade and not (include_graded and written):
                            continue
                        reason = left(root, trainee, module_id).get((notebook.name, grade.name))
                        kind = WRITTEN if written else NO_AUTOMATIC_SCORE
                        text = texts(root, course.solutions_dir, module_id).get(grade.name)
                        found.append(
                            ManualItem(
                                module_id=module_id,
                                notebook=notebook.name,
                                trainee=trainee,
                                grade_id=grade.name,
                                max_score=float(grade.max_score or 0),
                                kind=LEFT_BY_CODER if reason and not written else kind,
                                answer=_answer(
                                    read, root, trainee, module_id, notebook.name, grade.name
                                ),
                                mark_scheme=_scheme(
                                    read, root, module_id, notebook.name, grade.name
                                ),
                                score=grade.manual_score,
                                comment=_comment(gb, grade.name, notebook.name, module_id, trainee),
                                needs_grade=bool(grade.needs_manual_grade),
                                reason=reason,
                                word_range=text.word_range if text and written else None,
                                anchor=text.right if text and written else None,
                            )
                        )
    return found


def _item_texts(root: Path, solutions_dir: Path, module_id: str) -> dict:
    """{item: ItemText} of a module: word range and model answer of each written answer."""
    from .item_text import module_items
    from .notebook_text import source_folder

    return module_items(source_folder(root, solutions_dir, module_id))


def _left_reasons(root: Path, trainee: str, module_id: str) -> dict[tuple[str, str], str]:
    """{(notebook, item): the coder's reason} for replies it left to the trainer."""
    from .manual_marks import left_for_trainer

    folder = root / "autograded" / trainee / module_id
    return {(i.notebook, i.item): i.reason for i in left_for_trainer(folder)}


def _comment(gb, grade_id: str, notebook: str, module_id: str, trainee: str):
    from nbgrader.api import MissingEntry

    for cell_name in (grade_id, grade_id + ANSWER_SUFFIX):
        try:
            return gb.find_comment(cell_name, notebook, module_id, trainee)
        except MissingEntry:
            continue
    return None


def record_grade(
    config: Config,
    module_id: str,
    trainee: str,
    grade_id: str,
    score: float,
    comment: str | None = None,
    backup: bool = True,
    keep_backups: int = DEFAULT_KEEP,
) -> float:
    """Store a trainer's score (and comment) for one item; returns the item's maximum.

    Works like the Formgrader: the manual score takes precedence over any automatic score and the
    item no longer waits for a grade.
    """
    from .gradebook_guard import record_gradebook, verify_gradebook
    from .private import owner_only

    root = Path(config.CourseDirectory.root)
    with owner_only():
        verify_gradebook(root)
        if backup:
            backup_gradebook(root, "before-manual-grade", keep_backups)
        maximum = _store_grade(config, module_id, trainee, grade_id, score, comment)
        record_gradebook(root, "grade")
    return maximum


def _store_grade(
    config: Config,
    module_id: str,
    trainee: str,
    grade_id: str,
    score: float,
    comment: str | None,
) -> float:
    from nbgrader.api import MissingEntry

    with open_gradebook(config) as gb:
        try:
            submission = gb.find_submission(module_id, trainee)
        except MissingEntry as exc:
            raise RubricError(f"{trainee} has no graded submission of {module_id}.") from exc
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.name != grade_id:
                    continue
                maximum = float(grade.max_score or 0)
                if not 0 <= score <= maximum:
                    raise RubricError(f"{grade_id} takes a score from 0 to {maximum:g}.")
                grade.manual_score = float(score)
                grade.needs_manual_grade = False
                if comment is not None:
                    found = _comment(gb, grade_id, notebook.name, module_id, trainee)
                    if found is None:
                        raise RubricError(f"{grade_id} has no place for a comment.")
                    found.manual_comment = comment
                gb.db.commit()
                return maximum
    raise RubricError(f"{module_id} has no graded item '{grade_id}' for {trainee}.")
