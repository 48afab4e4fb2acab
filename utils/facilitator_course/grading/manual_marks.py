"""What autograde must not decide: replies the coder leaves to the trainer, and manual grades.

* When the course's coder cannot judge a typed role-play reply, the check raises
  `LeftForTrainer` (an AssertionError, so nbgrader would score it 0). Such an item is recorded in
  the gradebook as waiting for a manual grade instead (no automatic score), with the reason kept
  in the autograded notebook's output, where `facilitator-course grade` reads it.
* nbgrader marks every item that already has a manual grade as "needs manual grade" again when it
  autogrades the submission a second time. A trainer's mark is the final word, so the flags are
  put back as the trainer left them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from traitlets.config import Config

from .backup import open_gradebook

LEFT_FOR_TRAINER = "LeftForTrainer"


@dataclass(frozen=True)
class LeftItem:
    notebook: str
    item: str
    reason: str

    def as_record(self) -> dict[str, str]:
        return {"notebook": self.notebook, "item": self.item, "reason": self.reason}


def left_for_trainer(autograded: Path) -> list[LeftItem]:
    """Graded cells of an autograded folder whose check raised LeftForTrainer, with the reason."""
    found = []
    for path in sorted(Path(autograded).glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # nothing to report from a notebook nbgrader wrote but we cannot read
            continue
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.get("cell_type") != "code" or not meta.get("grade"):
                continue
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error" and output.get("ename") == LEFT_FOR_TRAINER:
                    reason = str(output.get("evalue") or "").strip() or "no reason given"
                    found.append(LeftItem(path.stem, meta.get("grade_id", ""), reason))
                    break
    return found


def manual_marks(config: Config, module_id: str, trainee: str) -> dict[tuple[str, str], bool]:
    """{(notebook, item): needs_manual_grade} for every item a trainer has already scored."""
    from nbgrader.api import MissingEntry

    kept: dict[tuple[str, str], bool] = {}
    with open_gradebook(config) as gb:
        try:
            submission = gb.find_submission(module_id, trainee)
        except MissingEntry:
            return kept
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.manual_score is not None:
                    kept[(notebook.name, grade.name)] = bool(grade.needs_manual_grade)
    return kept


def settle_marks(
    config: Config,
    module_id: str,
    trainee: str,
    before: dict[tuple[str, str], bool],
    left: list[LeftItem],
) -> None:
    """After autograde: items left for the trainer wait for a grade; trainer's marks stand."""
    from nbgrader.api import MissingEntry

    waiting = {(i.notebook, i.item) for i in left}
    with open_gradebook(config) as gb:
        try:
            submission = gb.find_submission(module_id, trainee)
        except MissingEntry:
            return
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                key = (notebook.name, grade.name)
                if key in waiting:  # the coder did not judge it: no automatic score at all
                    grade.auto_score = None
                    grade.needs_manual_grade = True
                if key in before:  # ...and a trainer's mark, if there is one, stands
                    grade.needs_manual_grade = before[key]
        gb.db.commit()
