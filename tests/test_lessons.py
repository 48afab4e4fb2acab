"""Lesson helpers render readable HTML, and every module's notebooks keep the course's conventions."""

from __future__ import annotations

import re

import nbformat
import pytest

from facilitator_course.course import load_course
from facilitator_course.lesson import course_map_html, meeting_elements_html
from facilitator_course.meeting.format import MEETING_ELEMENTS

COURSE = load_course()
MODULES = [m.id for m in COURSE.modules]
INDEPENDENCE = "not produced, approved or endorsed by"
# Identity labels the course never uses about people in its own voice. Participants may say them
# in quoted lines, and the lessons may name them as words to avoid.
LABELS = re.compile(r"\b(addicts?|alcoholics?|junkies?|druggies?)\b", re.I)


def _notebook(module_id: str, kind: str) -> nbformat.NotebookNode:
    module = COURSE.module(module_id)
    file = next(nb.file for nb in module.notebooks if nb.kind == kind)
    return nbformat.read(COURSE.solutions_dir / module_id / file, as_version=4)


def test_meeting_elements_table_is_left_aligned_and_complete():
    html = meeting_elements_html()
    assert "fc-table" in html and "text-align:left" in html
    assert html.count("<tr><td>") == len(MEETING_ELEMENTS) == 6
    for element in MEETING_ELEMENTS:
        assert element.name in html


def test_course_map_lists_every_module_and_hides_exercise_links_in_the_web_app():
    html = course_map_html(COURSE, web_app=True)
    for module in COURSE.modules:
        assert module.id in html
    assert "Graded exercise (in JupyterLab)" in html
    assert "01-exercise.ipynb" not in html


@pytest.mark.parametrize("module_id", MODULES)
def test_every_notebook_states_independence_and_ends_with_sources(module_id):
    for notebook in COURSE.module(module_id).notebooks:
        nb = _notebook(module_id, notebook.kind)
        text = "\n".join(c.source for c in nb.cells)
        assert INDEPENDENCE in text, (module_id, notebook.file)
        last = nb.cells[-1]
        assert last.cell_type == "markdown" and last.source.startswith("## Sources"), notebook.file
        assert re.search(r"https?://", last.source), notebook.file


@pytest.mark.parametrize("module_id", MODULES)
def test_identity_labels_appear_only_as_quoted_words(module_id):
    for notebook in COURSE.module(module_id).notebooks:
        for cell in _notebook(module_id, notebook.kind).cells:
            for match in LABELS.finditer(cell.source):
                before = cell.source[max(0, match.start() - 40) : match.start()]
                # quoted ("addict", “addict”), or a participant's own words in a quoted line
                quoted = before.rstrip().endswith(('"', "“", "'")) or re.search(
                    r"[\"“][^\"”]*$", before
                )
                assert quoted, (module_id, notebook.file, cell.source[match.start() - 60 :][:120])


def test_the_safety_module_shows_crisis_resources_in_lesson_and_exercise():
    for kind in ("lesson", "exercise"):
        code = "\n".join(
            c.source
            for c in _notebook("05-difficult-situations", kind).cells
            if c.cell_type == "code"
        )
        assert "show_crisis_resources()" in code, kind


def test_exercise_notice_for_the_web_app_is_shown_once_and_only_there(monkeypatch):
    from facilitator_course import answer_messages, answers

    shown: list[str] = []
    monkeypatch.setattr(answer_messages, "show", shown.append)
    monkeypatch.setattr(answer_messages, "_notice_shown", False)
    answers.show_web_app_notice()
    assert shown == []  # JupyterLab: nothing to say
    monkeypatch.setenv("VOILA_KERNEL_ID", "x")
    answers.show_web_app_notice()
    answers.check_choice("")
    answers.show_web_app_notice()
    assert len(shown) == 1 and "cannot be typed" in shown[0]
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    monkeypatch.setattr(answer_messages, "_notice_shown", False)
    answers.show_web_app_notice()
    assert len(shown) == 1
