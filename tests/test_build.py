"""modules/ is generated from solutions/ and must never drift or leak answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from facilitator_course.build import drift
from submissions import STUB

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_modules_are_exactly_what_the_build_produces(course):
    assert drift(course) == []


def _solution_texts(path: Path) -> list[str]:
    """Every model answer and hidden test in an instructor notebook."""
    texts = []
    for cell in nbformat.read(path, as_version=4).cells:
        for region in re.findall(
            r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cell.source, re.S
        ):
            texts += [line.strip() for line in region.splitlines() if len(line.strip()) > 12]
        for scheme in re.findall(r"=== BEGIN MARK SCHEME ===(.*?)=== END", cell.source, re.S):
            texts += [line.strip() for line in scheme.splitlines() if len(line.strip()) > 12]
    return texts


@pytest.mark.parametrize(
    "source", sorted((REPO / "solutions").glob("*/*.ipynb")), ids=lambda p: p.parent.name
)
def test_no_answer_leaks_into_the_learner_notebook(source):
    learner = REPO / "modules" / source.parent.name / source.name
    text = learner.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME", "correct="):
        assert marker not in text
    body = "\n".join(c.source for c in nbformat.read(learner, as_version=4).cells)
    for line in _solution_texts(source):
        assert line not in body, f"leaked into {learner.name}: {line}"


def test_learner_answer_cells_are_blank_and_clearly_marked():
    for path in sorted((REPO / "modules").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code":
                assert STUB.search(cell.source), (path.name, meta["grade_id"])
                assert "✏️" in cell.source


@pytest.mark.parametrize("folder", ["solutions", "modules", "course"], ids=str)
def test_notebooks_are_committed_without_outputs(folder):
    for path in sorted((REPO / folder).rglob("*.ipynb")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for cell in data["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [], path
                assert cell["execution_count"] is None, path
