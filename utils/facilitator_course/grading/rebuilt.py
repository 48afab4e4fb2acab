"""A submission rebuilt for grading: the module as released, with the trainee's answers as data.

The released notebooks are the reference twice over: inspect_submission compares a submission
with them (edited locked cells, deleted tests), and grading runs them, with each answer cell
replaced by the answer read from the submission (answer_cells). Everything found on the way is
written into the submission's GradeResult for the fault report.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat
from traitlets.config import Config

from . import fault_report as faults
from .answer_cells import rebuild, write_rebuilt
from .grade_result import GradeResult
from .inspect_submission import SourceCell, inspect, read_notebook


@dataclass
class Reference:
    """A module as trainees received it (release/): graded cells and the notebooks themselves."""

    cells: dict[str, list[SourceCell]]
    notebooks: dict[str, nbformat.NotebookNode]


def reference(config: Config, assignment_id: str) -> Reference:
    """The graded and locked cells of each notebook as trainees received them (release/).

    The released version is the right reference: nbgrader's stored source cells still contain
    the hidden tests and mark schemes, so comparing a submission with them would flag every
    test cell as edited. It is also what grading runs, with the trainee's answers filled in.
    """
    from nbgrader.utils import compute_checksum, is_grade, is_locked

    from .item_text import module_items

    # Read once here, before any submission's clock starts: the trainer's view (trainer_view)
    # needs the module's item texts while nbgrader grades each notebook.
    module_items(Path(config.CourseDirectory.root) / "source" / assignment_id)
    release = Path(config.CourseDirectory.root) / "release" / assignment_id
    cells: dict[str, list[SourceCell]] = {}
    notebooks: dict[str, nbformat.NotebookNode] = {}
    for path in sorted(release.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        notebooks[path.stem] = nb
        cells[path.stem] = [
            SourceCell(
                c.metadata.nbgrader["grade_id"], compute_checksum(c), is_locked(c), is_grade(c)
            )
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")
        ]
    return Reference(cells, notebooks)


def source_cells(config: Config, assignment_id: str) -> dict[str, list[SourceCell]]:
    return reference(config, assignment_id).cells


def rebuild_submission(result: GradeResult, folder: Path, target: Path, ref: Reference) -> bool:
    """Write the rebuilt notebooks of one submission to `target`; False if one is unreadable."""
    readable = True
    for notebook_name, source in ref.cells.items():
        path = folder / f"{notebook_name}.ipynb"
        if not path.is_file():
            if any(cell.is_grade for cell in source):  # lessons need not be handed in
                result.problems.append(f"{notebook_name}.ipynb was not handed in")
                result.faults.append(faults.NOTEBOOK_MISSING)
            continue
        findings = inspect(path, source)
        result.problems.extend(findings.problems)
        if not findings.readable:
            result.faults.append(faults.INVALID_NOTEBOOK)
            readable = False
            continue
        if findings.edited_locked_cells:
            result.faults.append(faults.EDITED_LOCKED_CELL)
        if findings.deleted_grade_cells:
            result.faults.append(faults.DELETED_TEST_CELL)
        submitted, _ = read_notebook(path)
        rebuilt = rebuild(ref.notebooks[notebook_name], submitted, path.name)
        for rejected in rebuilt.rejected:
            result.problems.append(rejected.sentence())
            result.faults.append(faults.CODE_IN_ANSWER)
        if rebuilt.ignored_cells:
            result.problems.append(
                f"{rebuilt.ignored_cells} code cell(s) added to {path.name} were left out "
                "(never run)"
            )
            result.faults.append(faults.ADDED_CODE)
        write_rebuilt(rebuilt, target / path.name)
    # The two small files nbgrader itself reads (lateness; returning feedback via the exchange).
    for name in ("timestamp.txt", "submission_secret.txt"):
        extra = folder / name
        if extra.is_file() and not extra.is_symlink() and extra.stat().st_size < 4096:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(extra, target / name)
    carry_transcript(result, folder, target)
    return readable


def carry_transcript(result: GradeResult, folder: Path, target: Path) -> None:
    """Copy the capstone's typed moves into the rebuilt submission, as checked data only.

    The locked capstone cell re-judges `capstone-transcript.json` beside the notebook with the
    trainer's engine. The submitted file is untrusted: it is parsed (size, shape, every value)
    and written afresh from the parsed moves, so nothing but a plain meeting id and typed texts
    reaches the grading run. An unusable transcript is a fault with the parser's sentence; the
    capstone cell then fails with "no capstone meeting to score" instead of a traceback.
    """
    from ..group.transcript import (
        TRANSCRIPT_NAME,
        TranscriptError,
        load_transcript,
        transcript_json,
    )

    submitted = folder / TRANSCRIPT_NAME
    if not submitted.exists() and not submitted.is_symlink():
        return  # not a capstone module, or not played: the capstone cell says so
    try:
        transcript = load_transcript(submitted)
    except TranscriptError as exc:
        result.problems.append(f"{TRANSCRIPT_NAME} was left out: {exc}")
        result.faults.append(faults.BAD_TRANSCRIPT)
        return
    target.mkdir(parents=True, exist_ok=True)
    (target / TRANSCRIPT_NAME).write_text(
        transcript_json(transcript.meeting, transcript.moves), encoding="utf-8"
    )
