"""Answer cells read as data: what counts as an answer, and the literal written back for grading.

Fast: nothing is executed. The end-to-end proof that submitted code never runs is
test_hostile_submissions.py.
"""

from __future__ import annotations

import ast

import nbformat
import pytest

from conftest import REPO
from facilitator_course.grading.answer_cells import (
    answer_source,
    expected_name,
    read_answer,
    rebuild,
)
from submissions import delete_cell, fill, replace_cell

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


@pytest.mark.parametrize(
    "source, expected",
    [
        ('answer_q1 = (\n    """B"""  # ✏️\n)', "B"),
        ("# a comment\nanswer_q1 = 'c'", "c"),
        ('answer_q1 = ("two " "pieces")', "two pieces"),
        ('answer_q1 = """line one\nline two"""', "line one\nline two"),
    ],
)
def test_a_quoted_answer_is_accepted(source, expected):
    assert read_answer(source, "answer_q1") == (expected, None)


@pytest.mark.parametrize(
    "source, why",
    [
        ('answer_q1 = "B"\nimport os', "2 statements"),
        ("import os", "code (Import)"),
        ('answer_q1 = open("key").read()', "code, not text"),
        ("answer_q1 = f\"{__import__('os')}\"", "f-string"),
        ('check_choice = "B"', "something other than answer_q1"),
        ('answer_q1 = check_choice = "B"', "something other than answer_q1"),
        ('answer_q1 = ("B", exec("x"))[0]', "code, not text"),
        ("answer_q1 = 3", "code, not text"),
        ('answer_q1 = ("B"', "not a quoted answer"),
        ("", "empty"),
    ],
)
def test_anything_else_is_refused_with_a_reason(source, why):
    text, reason = read_answer(source, "answer_q1")
    assert text is None and why in reason


@pytest.mark.parametrize(
    "text",
    [
        "B",
        "",
        'It\'s "quoted" and has a \\ backslash',
        "### BEGIN HIDDEN TESTS\nanswer\n### END HIDDEN TESTS\n### BEGIN SOLUTION\n### END SOLUTION",
        "trailing newline\n",
        "\\x42EGIN already escaped",
    ],
)
def test_the_literal_written_back_means_the_same_text_and_hides_no_marker(text):
    source = answer_source("# ✏️ type here\nanswer_q1 = (\n)", "answer_q1", text)
    assert source.startswith("# ✏️ type here\nanswer_q1 = (")
    assert ast.literal_eval(source.split("=", 1)[1].strip()) == text
    for line in source.splitlines():
        assert not any(marker in line for marker in MARKERS), line
    assert read_answer(source, "answer_q1") == (text, None)


def test_rebuild_keeps_release_cells_answers_as_data_and_reports_the_rest():
    released = nbformat.read(REPO / "modules" / "00-orientation" / "01-exercise.ipynb", 4)
    names = {
        c.metadata["nbgrader"]["grade_id"]: expected_name(c.source)
        for c in released.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    assert names["q1_role_answer"] == "answer_q1_role" and names["written_role_answer"]
    submitted = fill(released, {"q1_role_answer": "B", "q2_four_points_answer": "C"})
    submitted = replace_cell(submitted, "q3_other_paths_answer", 'answer_q3_other_paths = "D"\n1')
    submitted = replace_cell(submitted, "q1_role", "pass  # my own test")
    submitted = delete_cell(submitted, "q5_privacy")
    submitted = delete_cell(submitted, "q4_verification_answer")
    submitted.cells.append(nbformat.v4.new_code_cell("import os"))
    result = rebuild(released, submitted, "01-exercise.ipynb")
    by_id = {c.metadata["nbgrader"]["grade_id"]: c for c in result.notebook.cells}
    assert (
        "'B'" in by_id["q1_role_answer"].source and "'C'" in by_id["q2_four_points_answer"].source
    )
    release_ids = [c.metadata["nbgrader"]["grade_id"] for c in released.cells]
    assert by_id["q1_role"].source == released.cells[release_ids.index("q1_role")].source
    assert "q5_privacy" not in by_id  # a deleted test stays out: nbgrader leaves it to the trainer
    assert [(r.cell, r.reason.split(" (")[0]) for r in result.rejected] == [
        ("q3_other_paths_answer", "the cell holds 2 statements instead of one quoted answer"),
        ("q4_verification_answer", "the answer cell was deleted"),
    ]
    assert "''" in by_id["q3_other_paths_answer"].source
    assert result.ignored_cells == 1
    assert "import os" not in nbformat.writes(result.notebook)
