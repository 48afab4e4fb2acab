"""nbgrader's own validator: instructor notebooks pass, learner notebooks fail every graded test.

The second half proves that nothing of the answers leaks into modules/: with blank answers, no
graded test can pass.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader.validator import Validator

from facilitator_course.nbgrader_setup import course_config

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _graded_notebooks(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.glob("*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if any(c.metadata.get("nbgrader", {}).get("grade") for c in nb.cells):
            found.append(path)
    return found


def _autograded_test_ids(path: Path) -> set[str]:
    nb = nbformat.read(path, as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    }


def _validator(tmp_path: Path) -> Validator:
    return Validator(config=course_config(REPO, tmp_path))


@pytest.mark.parametrize("path", _graded_notebooks(REPO / "solutions"), ids=lambda p: p.parent.name)
def test_instructor_notebook_passes_validation(path, tmp_path):
    results = _validator(tmp_path).validate(str(path))
    assert results == {}, results


@pytest.mark.parametrize("path", _graded_notebooks(REPO / "modules"), ids=lambda p: p.parent.name)
def test_every_graded_test_fails_on_the_learner_notebook(path, tmp_path):
    results = _validator(tmp_path).validate(str(path))
    failed = {cell["source"] for cell in results.get("failed", [])}
    nb = nbformat.read(path, as_version=4)
    sources = {
        c.source.strip()
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") in _autograded_test_ids(path)
    }
    assert sources, "no autograded tests found"
    assert sources <= failed, f"graded tests that pass on a blank notebook: {sources - failed}"


def test_there_is_a_graded_notebook_for_every_exercise(course):
    graded = {p.parent.name for p in _graded_notebooks(REPO / "solutions")}
    exercises = {m.id for m in course.modules if any(n.kind == "exercise" for n in m.notebooks)}
    assert exercises <= graded
