"""Checks nbgrader does not make loudly enough, run on a submission before it is graded.

* A notebook that is not valid JSON (a half-downloaded file, an LMS export gone wrong) would make
  nbgrader fail with a long traceback; it is reported in one sentence instead and left untouched.
* nbgrader silently restores an edited locked cell, and says nothing at all when a graded test
  cell was deleted (that item just waits for a manual grade). Both are reported so a trainer can
  talk to the trainee, and a deleted test is visible rather than a quiet zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.utils import compute_checksum


@dataclass
class SubmissionFindings:
    notebook: str
    readable: bool = True
    problems: list[str] = field(default_factory=list)
    edited_locked_cells: list[str] = field(default_factory=list)
    deleted_grade_cells: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SourceCell:
    grade_id: str
    checksum: str | None
    locked: bool
    is_grade: bool


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str | None]:
    """Read and validate a notebook; on failure return a one-sentence reason instead."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, f"{path.name} is not a text file (it may be corrupted)."
    except OSError as exc:
        return None, f"{path.name} could not be read ({exc.strerror})."
    try:
        json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, (
            f"{path.name} is not a valid notebook: its JSON is broken at line "
            f"{exc.lineno}, column {exc.colno}."
        )
    try:
        nb = nbformat.reads(raw, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several kinds; all mean "not a notebook"
        return None, f"{path.name} is not a valid notebook ({str(exc).splitlines()[0][:200]})."
    return nb, None


def inspect(path: Path, source_cells: list[SourceCell]) -> SubmissionFindings:
    findings = SubmissionFindings(notebook=path.name)
    nb, error = read_notebook(path)
    if nb is None:
        findings.readable = False
        findings.problems.append(error or "unreadable")
        return findings
    submitted = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            submitted[grade_id] = cell
    for source in source_cells:
        cell = submitted.get(source.grade_id)
        if cell is None:
            if source.is_grade:
                findings.deleted_grade_cells.append(source.grade_id)
                findings.problems.append(
                    f"the graded cell '{source.grade_id}' was deleted: nbgrader will not score it "
                    "automatically (it waits for a manual grade)"
                )
            continue
        if source.locked and source.checksum and compute_checksum(cell) != source.checksum:
            findings.edited_locked_cells.append(source.grade_id)
            findings.problems.append(
                f"the locked cell '{source.grade_id}' was edited: nbgrader restores the original "
                "before grading, so the edit had no effect on the score"
            )
    return findings
