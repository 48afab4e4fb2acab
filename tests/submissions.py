"""Make fake trainee submissions from the learner notebooks, the way a trainee would fill them in."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat


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
            assert '"""  """' in cell.source, f"{grade_id} has no answer stub"
            cell.source = cell.source.replace('"""  """', f'"""{answers[grade_id]}"""', 1)
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
