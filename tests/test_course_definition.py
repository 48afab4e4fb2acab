"""The course definition drives modules, items and pass criteria; mistakes point at a line."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from facilitator_course.content import ContentError
from facilitator_course.course import load_course

REPO = Path(__file__).resolve().parents[1]


def test_every_module_has_its_notebooks_and_graded_items(course):
    assert course.modules[0].id == "00-orientation"
    all_ids: list[str] = []
    for module in course.modules:
        assert module.outcomes, module.id
        grade_ids = set()
        for notebook in module.notebooks:
            path = course.solutions_dir / module.id / notebook.file
            nb = nbformat.read(path, as_version=4)
            grade_ids |= {
                c.metadata["nbgrader"]["grade_id"]
                for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade")
                or c.metadata.get("nbgrader", {}).get("task")
            }
        declared = {item.grade_id for item in module.items}
        assert declared == grade_ids, module.id
        all_ids += declared
    assert len(all_ids) == len(set(all_ids)), "grade ids must be unique across the course"


def test_safety_items_exist(course):
    assert any(item.safety for module in course.modules for item in module.items)


def test_a_mistake_in_course_yml_points_at_its_line(tmp_path):
    root = tmp_path / "repo"
    (root / "course").mkdir(parents=True)
    (root / "solutions").mkdir()
    text = (REPO / "course" / "course.yml").read_text()
    broken = text.replace("q1_role: {competency: role}", "q1_role: {competency: juggling}", 1)
    (root / "course" / "course.yml").write_text(broken)
    with pytest.raises(ContentError) as info:
        load_course(root)
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if "juggling" in t)
    assert info.value.line == line
    assert "'juggling' is not one of the competencies" in str(info.value)


def test_course_found_from_a_subfolder(monkeypatch):
    monkeypatch.chdir(REPO / "solutions")
    assert load_course().root == REPO


def test_package_data_ships_with_the_package():
    import facilitator_course

    data = Path(facilitator_course.__file__).parent / "data"
    assert (data / "crisis_resources.yaml").is_file()
    assert (Path(sys.executable).parent / "facilitator-course").is_file()
